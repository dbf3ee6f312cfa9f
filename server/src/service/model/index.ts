// The document model: a document read as a whole. It knows the standards the document cites, the
// evidence for the edition of ISO/IEC 27001/27002 it follows, and its scopes (sections, tables and
// their columns, paragraphs); and it answers, for every number the scanner found, which numbering
// and edition it is in, and why. Every feature asks it; none works an edition out again.
import type { Catalog } from '../catalog';
import type { ControlGroup, ControlItem, IndexedControlSet } from '../catalog/controls';
import { ANNEX_A, lookUp, type Numbering } from '../catalog/numberings';
import { documentKey } from '../catalog/deliverable';
import { countBefore, type ControlAreaReference, type ControlReference, type FrameworkReference, type Reference, type StandardReference } from '../scan/reference';
import type { Structure } from '../scan/structure';
import { editionOfYear, familyOf, ISMS } from './editions';
import { isHistoryTable, isPastSection, isPastInSentence } from './passing';
import { countBelow, Scopes } from './scopes';
import { internalIds } from './internal-ids';
import { namesTitle, titleKey, writtenAfter } from './titles';

export { ISMS, ismsEditionOfYear } from './editions';

const yearExpressions = new Map<string, RegExp>();

/** A year written alone, not part of a longer number or a reference's date: one expression per year. */
function yearWritten(year: string): RegExp {
  let expression = yearExpressions.get(year);
  if (!expression) yearExpressions.set(year, (expression = new RegExp(`(?<![\\d:])${year}(?!\\d)`)));
  return expression;
}

/** Why a number is read in the edition it is. */
export type EditionRule =
  | 'written' // the year written with it ("27001:2013 A.8.2")
  | 'column' // its table column's header ("ISO/IEC 27002:2013", "2022")
  | 'title' // the title written next to it is that edition's
  | 'table' // the other numbers of its table are of that edition
  | 'paragraph' // a dated reference in its paragraph
  | 'section' // the heading of its section names the edition
  | 'declared' // the edition the document declares
  | 'document' // the evidence of the whole document
  | 'setting' // normref.controls.defaultEdition
  | 'latest'; // the current edition of a numbering normref has several of

/** A place in the text that decided an edition. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

export interface Reading {
  numbering: Numbering;
  edition: string;
  rule: EditionRule;
  evidence?: Evidence;
  /** The edition the rules chose, when the number exists only in another one (`edition`). */
  chosen?: string;
  set?: IndexedControlSet;
  found?: ControlItem | ControlGroup;
}

export interface ModelOptions {
  declared?: string;
  defaultEdition: string;
  /** The document is being edited: the scan hands its references on to the next text's model (incremental.ts). */
  edited?: boolean;
}

interface Vote {
  edition: string;
  weight: number;
  evidence: Evidence;
}

/** Weights of the kinds of evidence: a dated citation or a title is worth more than a number's form. */
const WEIGHT = { dated: 3, title: 3, unique: 1 } as const;

export class DocumentModel {
  readonly scopes: Scopes;
  /** Standards the document cites, in text order. */
  readonly cited: StandardReference[] = [];
  /** Votes for the edition of each family, for the document and for each table. */
  private readonly documentVotes = new Map<string, Vote[]>();
  private readonly tableVotes = new Map<number, Vote[]>();
  /** Per family, by paragraph, the dated citations in it that are not passing mentions, in order. */
  private readonly paragraphCitations = new Map<string, Map<number, StandardReference[]>>();
  /** The editions section headings name, by heading start. */
  private readonly sectionEditions = new Map<number, { edition: string; evidence: Evidence }>();
  private readonly readings = new Map<Reference, Reading | null>();
  private readonly ismsNumberings: Numbering[];
  /** How often each standard with a numbering is cited: the most cited is the document's subject. */
  private readonly citations = new Map<string, number>();
  /** By standard with a numbering, the paragraphs that cite it, in text order (a paragraph again for each citation). */
  private readonly citedInParagraph = new Map<string, number[]>();
  /** Standard references that are a document's own ids (ISO-401, ISO-402 … of an audit checklist). */
  private readonly ownIds: ReadonlySet<Reference>;
  /** Headings of history and bibliography sections, and indexes of revision-history tables. */
  private readonly pastSections: ReadonlySet<number>;
  private readonly historyTables: ReadonlySet<number>;
  /** Starts of the dated citations that count as evidence of an edition (not passing mentions). */
  private readonly evidenceStarts = new Set<number>();
  /** Whether each standard reference asked about is a passing mention, worked out once. */
  private readonly passing = new Map<Reference, boolean>();
  /** Per family, the editions its dated citations name, each with its first citation. */
  private readonly citedEditions = new Map<string, Map<string, Evidence>>();

  constructor(
    private readonly text: string,
    references: readonly Reference[],
    structure: Structure,
    private readonly catalog: Catalog,
    private readonly options: ModelOptions,
  ) {
    this.scopes = new Scopes(text, structure);
    this.ismsNumberings = [ANNEX_A, 'ISO/IEC 27001', 'ISO/IEC 27002'].map((k) => catalog.controls.numberings.get(k)).filter((n): n is Numbering => !!n);
    this.pastSections = new Set(this.scopes.sections.filter((s) => isPastSection(text, s.heading, options.edited)).map((s) => s.heading.start));
    this.historyTables = new Set(structure.tables.map((t, i) => (isHistoryTable(text, t, options.edited) ? i : -1)).filter((i) => i >= 0));
    this.ownIds = internalIds(references);
    for (const r of references) {
      if (r.kind === 'standard' && !this.ownIds.has(r)) this.noteCitation(r);
      else if (r.kind === 'control') this.noteNumber(r);
    }
  }

  /**
   * Whether a standard reference is a passing mention: in a history or bibliography section, a
   * revision table, or a sentence that puts it in the past ("formerly ISO/IEC 27002:2013").
   */
  isPassing(r: StandardReference): boolean {
    let passing = this.passing.get(r);
    if (passing === undefined) {
      const place = this.scopes.place(r.start);
      passing = place.sections.some((s) => this.pastSections.has(s.heading.start)) || (!!place.table && this.historyTables.has(place.table.index)) || isPastInSentence(this.text, r, this.options.edited);
      this.passing.set(r, passing);
    }
    return passing;
  }

  /** Whether the heading of the section holding an offset names a year ("… of the 2005 edition"). */
  sectionNames(offset: number, year: string): boolean {
    const heading = this.scopes.place(offset).sections[0]?.heading;
    if (!heading || (offset >= heading.start && offset < heading.end)) return false;
    return yearWritten(year).test(this.text.slice(heading.textStart, heading.end));
  }

  /** Whether evidence of a reading is a dated citation, not the form or title of another number. */
  isCitation(evidence: Evidence): boolean {
    return this.evidenceStarts.has(evidence.start);
  }

  /**
   * The edition the document cites for a family ("isms"), when its dated citations (passing
   * mentions aside) all name one, with the first of them; undefined when none or several.
   */
  citedEdition(family: string): { edition: string; evidence: Evidence } | undefined {
    const editions = this.citedEditions.get(family);
    if (editions?.size !== 1) return undefined;
    const [[edition, evidence]] = editions;
    return { edition, evidence };
  }

  /** Whether a standard is written in the header row of a table: a crosswalk's column. */
  headsTable(r: StandardReference): boolean {
    return this.headedTable(r) !== undefined;
  }

  /** The index of the table whose header row a standard is written in. */
  headedTable(r: StandardReference): number | undefined {
    const found = this.scopes.tableAt(r.start);
    return found && r.start < (found.table.rows[0] ?? found.table.end) ? found.index : undefined;
  }

  /** Whether a standard reference is in fact one of the document's own ids. */
  isOwnId(r: Reference): boolean {
    return this.ownIds.has(r);
  }

  /** The numbering and edition of a number or area, or null when it is in none normref knows (not a reference). */
  read(r: ControlReference | ControlAreaReference): Reading | null {
    let reading = this.readings.get(r);
    if (reading === undefined) {
      reading = r.kind === 'control' ? this.readNumber(r) : this.readArea(r);
      this.readings.set(r, reading);
    }
    return reading;
  }

  /** The ISO/IEC 27001/27002 edition in force at an offset, for what is typed there (completion). */
  ismsEditionAt(offset: number): { edition: string; rule: EditionRule; evidence?: Evidence } {
    // A number that starts here does not vote for itself, as a number being read does not.
    return this.editionInScopes(ISMS, offset, this.options.defaultEdition, (year) => editionOfYear(this.ismsNumberings[0], year), offset);
  }

  // ----- evidence -----

  private noteCitation(r: StandardReference): void {
    this.cited.push(r);
    const key = documentKey(r.id.number, r.id.parts);
    const numbering = this.catalog.controls.numberingsOfStandard(key)[0];
    if (numbering) {
      this.citations.set(key, (this.citations.get(key) ?? 0) + 1);
      const paragraphs = this.citedInParagraph.get(key);
      if (paragraphs) paragraphs.push(this.scopes.paragraphOf(r.start));
      else this.citedInParagraph.set(key, [this.scopes.paragraphOf(r.start)]);
    }
    if (!numbering || r.id.year === undefined || r.id.series) return;
    if (this.isPassing(r)) return;
    const place = this.scopes.place(r.start);
    this.evidenceStarts.add(r.start);
    const family = familyOf(numbering);
    const vote = { edition: editionOfYear(numbering, r.id.year), weight: WEIGHT.dated, evidence: evidenceOf(r) };
    // A table's header (a crosswalk's columns) cites editions to compare, not the one followed.
    if (!this.headsTable(r)) {
      const editions = this.citedEditions.get(family) ?? new Map<string, Evidence>();
      this.citedEditions.set(family, editions);
      if (!editions.has(vote.edition)) editions.set(vote.edition, vote.evidence);
    }
    this.addVote(this.documentVotes, family, vote);
    // A column's header dates its own column only (headsColumn), not the table's other columns or its paragraph.
    if (this.headsTable(r)) return;
    if (place.table) this.addVote(this.tableVotes, place.table.index, vote, family);
    let byParagraph = this.paragraphCitations.get(family);
    if (!byParagraph) this.paragraphCitations.set(family, (byParagraph = new Map()));
    this.addVote(byParagraph, place.paragraph, r);
    // A heading that cites a dated standard gives its section that edition.
    const heading = place.sections[0]?.heading;
    if (heading && heading.start <= r.start && r.end <= heading.end && !this.sectionEditions.has(heading.start)) {
      this.sectionEditions.set(heading.start, { edition: vote.edition, evidence: vote.evidence });
    }
  }

  /** A number of the ISMS family votes for an edition when only one edition has it, or its title names one. */
  private noteNumber(r: ControlReference): void {
    if (!this.couldBeIsms(r)) return;
    const votes = this.ismsVotesOf(r);
    if (votes.length !== 1) return;
    const vote = votes[0];
    this.addVote(this.documentVotes, ISMS, vote);
    const table = this.scopes.tableAt(r.start);
    if (table) this.addVote(this.tableVotes, table.index, vote, ISMS);
  }

  /** The editions a number's form and title point to: one vote, or none when they do not single one out. */
  private ismsVotesOf(r: ControlReference): Vote[] {
    const annexA = this.catalog.controls.numberings.get(ANNEX_A);
    if (!annexA) return [];
    const titled = this.titledEditions(r, [annexA]);
    if (titled.length === 1) return [{ edition: titled[0].edition, weight: WEIGHT.title, evidence: evidenceOf(r) }];
    const having = annexA.editions.filter((e) => e.edition !== '2005' && lookUp(e.set, r.id.number));
    if (having.length === 1 && r.id.number.includes('.')) return [{ edition: having[0].edition, weight: WEIGHT.unique, evidence: evidenceOf(r) }];
    return [];
  }

  /** Whether a number would be read as an Annex A (or 27002) control, whose editions it may tell. */
  private couldBeIsms(r: ControlReference): boolean {
    const context = r.id.context;
    if (context?.kind === 'framework') return false;
    if (context?.kind === 'standard') {
      const key = documentKey(context.id.number, context.id.parts);
      if (key === '27002') return true;
      // After ISO/IEC 27001 a clause number is a clause, which says nothing of Annex A's edition.
      if (key !== '27001') return false;
      const clauses = this.catalog.controls.numberings.get('ISO/IEC 27001');
      return r.id.form === 'annex-a' || r.id.form === 'control' || !clauses?.editions.some((e) => lookUp(e.set, r.id.number));
    }
    return r.id.form === 'annex-a' || r.id.form === 'control';
  }

  /**
   * The editions (of the given numberings) whose title for the number is the title written with
   * it: after it, or in the first cell of its table row (a crosswalk's requirement column).
   */
  private titledEditions(r: ControlReference, numberings: readonly Numbering[]): Array<{ numbering: Numbering; edition: string }> {
    const written = [r.id.title ? titleKey(r.id.title) : writtenAfter(this.text, r.end), this.rowTitle(r)].filter((w) => w);
    if (written.length === 0) return [];
    const found: Array<{ numbering: Numbering; edition: string }> = [];
    for (const numbering of numberings) {
      for (const { edition, set } of numbering.editions) {
        const item = lookUp(set, r.id.number);
        if (item && written.some((w) => namesTitle(w, item.title))) found.push({ numbering, edition });
      }
    }
    return found;
  }

  /** The title key of the first cell of the table row of a number, when that cell is not the number's. */
  private rowTitle(r: ControlReference): string {
    const cells = this.scopes.rowCellsAt(r.start);
    const first = cells?.[0];
    if (!first || (r.start >= first[0] && r.start <= first[1])) return '';
    return titleKey(this.text.slice(first[0], first[1]));
  }

  private addVote<K, V>(votes: Map<K, V[]>, key: K, vote: V, family?: string): void {
    // Table votes are kept for the ISMS family only, the one whose editions tables mix.
    if (family !== undefined && family !== ISMS) return;
    const list = votes.get(key);
    if (list) list.push(vote);
    else votes.set(key, [vote]);
  }

  // ----- reading a number -----

  private readNumber(r: ControlReference): Reading | null {
    const context = r.id.context;
    if (context?.kind === 'framework' || r.id.form === 'cobit' || r.id.form === 'itil' || r.id.form === 'cmmi') return this.readFrameworkItem(r, context);
    const candidates = this.numberingsFor(r);
    if (candidates.length === 0) return null;
    // A clause placed by the document's subject alone must be a clause the subject has.
    if (r.id.form === 'clause' && !this.standardOf(r) && !candidates.some((n) => n.editions.some((e) => lookUp(e.set, r.id.number)))) return null;
    // A title written with the number says which numbering it is in, and, if only one edition
    // has that title there, which edition. A bare number in a heading is a reference only so.
    const titled = this.titledEditions(r, candidates);
    if (r.id.form === 'titled' && titled.length === 0) return null;
    const numbering = titled.find((t) => t.numbering === candidates[0])?.numbering ?? titled[0]?.numbering ?? candidates[0];
    const titledEditions = titled.filter((t) => t.numbering === numbering).map((t) => t.edition);
    const written = this.writtenEdition(r, numbering);
    if (!written && titledEditions.length === 1) return this.located(r, numbering, titledEditions[0], 'title', evidenceOf(r));
    const { edition, rule, evidence } =
      written ?? this.editionInScopes(familyOf(numbering), r.start, this.defaultOf(numbering), (year) => editionOfYear(numbering, year), r.start);
    if (titled.length) return this.located(r, numbering, edition, rule, evidence);
    // A number that only the other numbering of the standard has (27001 clause 6.1.2 or A.6.1.2).
    for (const n of candidates) {
      const reading = this.located(r, n, edition, rule, evidence);
      if (reading.found && reading.edition === edition) return reading;
    }
    for (const n of candidates) {
      const reading = this.located(r, n, edition, rule, evidence);
      if (reading.found) return reading;
    }
    return this.located(r, numbering, edition, rule, evidence);
  }

  /**
   * The standard a number is of, as the scanner found it: written with it, heading its column, or
   * cited in its paragraph. One only in the paragraph, and mentioned in passing there, is none.
   */
  private standardOf(r: ControlReference): StandardReference | undefined {
    const context = r.id.context;
    if (context?.kind !== 'standard') return undefined;
    if (this.adjacent(context, r) || this.scopes.tableAt(r.start) || !isPastInSentence(this.text, context, this.options.edited)) return context;
    return undefined;
  }

  /** Written right before the number on its line ("ISO/IEC 27001:2013 A.8.2", "27001:2013: A.8.2"), not just somewhere before it. */
  private adjacent(standard: StandardReference, r: ControlReference): boolean {
    if (r.id.withStandard && r.id.context === standard) return true;
    const gap = r.start - standard.end;
    return gap >= 0 && gap <= 16 && ADJACENT_GAP.test(this.text.slice(standard.end, r.start));
  }

  /** Whether a standard is written in the header cell of the table column that holds the number. */
  private headsColumn(standard: StandardReference, r: ControlReference): boolean {
    const table = this.scopes.place(r.start).table;
    const cell = table?.table.header[table.column];
    return !!cell && standard.start >= cell[0] && standard.start < cell[1];
  }

  /** Whether the document cites ISO/IEC 27001 itself. */
  private citesIsmsRequirements(): boolean {
    return this.citations.has('27001');
  }

  /** The numberings a number may be in, the likeliest first; none when it is no reference. */
  private numberingsFor(r: ControlReference): Numbering[] {
    const n = this.catalog.controls.numberings;
    const context = this.standardOf(r);
    const form = r.id.form;
    if (context) {
      const key = documentKey(context.id.number, context.id.parts);
      const near = this.adjacent(context, r) || this.headsColumn(context, r);
      // "ISO/IEC 27001:2022 clause 6.1.4" is a clause (one 27001 does not have), not the 2013 control A.6.1.4.
      if (key === '27001') return pick(n, form === 'annex-a' ? [ANNEX_A] : form === 'control' ? [ANNEX_A, 'ISO/IEC 27001'] : form === 'clause' ? ['ISO/IEC 27001'] : ['ISO/IEC 27001', ANNEX_A]);
      if (key === '27002') {
        // "ISO/IEC 27002 5.15" is 27002's numbering; a "control 5.15" or "clause 9.2" of a
        // paragraph that names 27002, in a document that cites 27001, is 27001's.
        // A document mostly about 27002 means 27002's own numbers still.
        if (near || !this.citesIsmsRequirements() || this.citations.get('27002')! > (this.citations.get('27001') ?? 0)) return pick(n, ['ISO/IEC 27002']);
        return pick(n, form === 'clause' ? ['ISO/IEC 27001', 'ISO/IEC 27002'] : [ANNEX_A]);
      }
      if (key === '17799') return pick(n, ['ISO/IEC 17799']);
      // "clause 6.1.3" after several standards in a paragraph: the document's subject, if it is one of them and has the clause.
      const subject = form === 'clause' && !near ? this.subject(true) : undefined;
      if (subject && subject !== key && holds(this.citedInParagraph.get(subject), this.scopes.paragraphOf(r.start))) {
        const numberings = this.catalog.controls.numberingsOfStandard(subject).filter((x) => x.editions.some((e) => lookUp(e.set, r.id.number)));
        if (numberings.length) return subject === '27001' ? pick(n, ['ISO/IEC 27001']) : numberings;
      }
      return [...this.catalog.controls.numberingsOfStandard(key)];
    }
    if (form === 'annex-a' || form === 'control') return pick(n, [ANNEX_A]);
    // A number with its title in a heading: of any standard the document cites, its subject first.
    if (form === 'titled') return this.citedNumberings();
    // "clause 9.2" with no standard in its paragraph: a clause of the standard the document is about.
    if (form === 'clause') {
      const subject = this.subject(true);
      // Of ISO/IEC 27001 its clauses 4 to 10 only: its controls are not called clauses.
      if (subject === '27001') return pick(n, ['ISO/IEC 27001']);
      if (subject) return [...this.catalog.controls.numberingsOfStandard(subject)];
    }
    return [];
  }

  /**
   * The numberings of the standards the document cites, its subject's first. For ISO/IEC 27001 and
   * 27002 a number without "A." is a 27001 clause or, in a document citing 27002, 27002's own.
   */
  private citedNumberings(): Numbering[] {
    const n = this.catalog.controls.numberings;
    const keys = [...this.citations.keys()].sort((a, b) => this.citations.get(b)! - this.citations.get(a)!);
    return keys.flatMap((key) =>
      key === '27001' ? pick(n, this.citations.has('27002') ? ['ISO/IEC 27001'] : ['ISO/IEC 27001', ANNEX_A]) : [...this.catalog.controls.numberingsOfStandard(key)],
    );
  }

  /**
   * The standard with a numbering the document cites most: its subject (first cited on a tie);
   * with `clauses`, of the standards whose numbers are clauses (ISO/IEC 27001, not 27002).
   */
  private subject(clauses = false): string | undefined {
    let best: string | undefined;
    let most = 0;
    for (const [key, count] of this.citations) {
      // A standard numbers clauses if its current edition does (27002:2005 called its areas clauses; 2022 does not).
      if (clauses && !this.catalog.controls.numberingsOfStandard(key).some((n) => n.editions[0].set.set.kind === 'clause')) continue;
      if (count > most) {
        best = key;
        most = count;
      }
    }
    return best;
  }

  /** The edition the reference itself or its column writes. */
  private writtenEdition(r: ControlReference, numbering: Numbering): { edition: string; rule: EditionRule; evidence?: Evidence } | undefined {
    if (r.id.edition) return { edition: r.id.edition, rule: 'column' };
    const context = this.standardOf(r);
    // A dated standard of another family (ISO 9001:2015 in the paragraph of an Annex A number) says nothing of its edition.
    if (context && this.catalog.controls.numberingsOfStandard(documentKey(context.id.number, context.id.parts)).every((n) => familyOf(n) !== familyOf(numbering))) return undefined;
    // The year of the standard written with the number, or heading its column; not of one merely
    // cited before its table or in its paragraph, which the scopes weigh.
    if (context?.id.year !== undefined && (this.adjacent(context, r) || this.headsColumn(context, r))) {
      return { edition: editionOfYear(numbering, context.id.year), rule: this.adjacent(context, r) ? 'written' : 'column', evidence: evidenceOf(context) };
    }
    return undefined;
  }

  /**
   * The edition in force at an offset from the scopes out: table, paragraph, section, declared,
   * document, default. `self`: the start of the number asking, whose own vote does not count for it.
   */
  private editionInScopes(family: string, offset: number, fallback: string, ofYear: (year: number) => string, self = -1): { edition: string; rule: EditionRule; evidence?: Evidence } {
    const place = this.scopes.place(offset);
    if (family === ISMS && place.table) {
      const winner = elect(this.tableVotes.get(place.table.index), self);
      if (winner) return { edition: winner.edition, rule: 'table', evidence: winner.evidence };
    }
    // In the paragraph: the nearest dated citation before the offset, else the first after it in
    // the same list item ("- A.8.21 …" is not of the next item's "ISO/IEC 27002:2013").
    const cited = this.paragraphCitations.get(family)?.get(place.paragraph);
    const before = cited && cited[countBefore(cited, offset) - 1];
    const nearest = before ?? (cited && this.scopes.inOneItem(offset, cited[0].start) ? cited[0] : undefined);
    if (nearest?.id.year !== undefined) return { edition: ofYear(nearest.id.year), rule: 'paragraph', evidence: evidenceOf(nearest) };
    if (family === ISMS) {
      for (const section of place.sections) {
        const named = this.sectionEditions.get(section.heading.start);
        if (named) return { edition: named.edition, rule: 'section', evidence: named.evidence };
      }
      if (this.options.declared) return { edition: this.options.declared, rule: 'declared' };
    }
    const winner = elect(this.documentVotes.get(family), self);
    if (winner) return { edition: winner.edition, rule: 'document', evidence: winner.evidence };
    return { edition: fallback, rule: family === ISMS ? 'setting' : 'latest' };
  }

  private defaultOf(numbering: Numbering): string {
    return familyOf(numbering) === ISMS ? this.options.defaultEdition : numbering.editions[0].edition;
  }

  /** The reading of a number in a numbering and edition, moved to the edition that has it if this one does not. */
  private located(r: ControlReference | ControlAreaReference, numbering: Numbering, edition: string, rule: EditionRule, evidence?: Evidence): Reading {
    const base = { numbering, rule, ...(evidence ? { evidence } : {}) };
    const number = r.kind === 'control' ? r.id.number : (r.id.number ?? '');
    const inEdition = numbering.editions.find((e) => e.edition === edition);
    const found = inEdition && lookUp(inEdition.set, number);
    if (inEdition && found) return { ...base, edition, set: inEdition.set, found };
    // Only another edition has the number: it is that edition's, and the hover says so.
    const other = numbering.editions.find((e) => e.edition !== edition && lookUp(e.set, number));
    if (other) return { ...base, edition: other.edition, chosen: edition, set: other.set, found: lookUp(other.set, number) };
    return { ...base, edition, ...(inEdition ? { set: inEdition.set } : {}) };
  }

  /**
   * A COBIT id, an ITIL practice or a CMMI process area: in the version its framework reference
   * writes, else the current one; in another model or version of the same framework if only that
   * one has it (a process area after "CMMI V2.0", an ITIL v3 process after "ITIL").
   */
  private readFrameworkItem(r: ControlReference, context: StandardReference | FrameworkReference | undefined): Reading | null {
    const family = context?.kind === 'framework' ? context.id.framework : r.id.form === 'cmmi' ? 'cmmi-svc' : r.id.form;
    const numberings = this.catalog.controls.numberings;
    const number = r.id.form === 'cobit' ? r.id.number.slice(0, 5) : r.id.number;
    const prefix = family.split('-')[0];
    const related = [...numberings.values()].filter((n) => n.document === family || n.document.split('-')[0] === prefix);
    const has = (n: Numbering) => n.editions.some((e) => lookUp(e.set, number));
    const numbering = [numberings.get(family)].find((n): n is Numbering => !!n && has(n)) ?? related.find(has) ?? numberings.get(family) ?? related[0];
    if (!numbering) return null;
    const written = context?.kind === 'framework' ? context.id.version : undefined;
    const inVersion = written !== undefined ? numbering.editions.find((e) => e.edition === written) : undefined;
    const entry = inVersion && lookUp(inVersion.set, number) ? inVersion : (numbering.editions.find((e) => lookUp(e.set, number)) ?? inVersion ?? numbering.editions[0]);
    const found = lookUp(entry.set, number);
    // "COBIT 5 APO14": the version written does not have it, the one found does (the hover and the check say so).
    const chosen = inVersion && inVersion !== entry && found && numbering === numberings.get(family) ? inVersion.edition : undefined;
    return {
      numbering,
      edition: entry.edition,
      rule: inVersion === entry || chosen ? 'written' : 'latest',
      ...(chosen ? { chosen } : {}),
      set: entry.set,
      ...(found ? { found } : {}),
      ...(context ? { evidence: evidenceOf(context) } : {}),
    };
  }

  // ----- reading an area -----

  private readArea(r: ControlAreaReference): Reading | null {
    const numbering = this.catalog.controls.numberings.get('ISO/IEC 27002');
    if (!numbering) return null;
    // Written with its standard ("ISO/IEC 27002:2013 Access control"), not merely in a document citing it.
    const context = r.id.context && r.start - r.id.context.end <= 16 && r.start >= r.id.context.end ? r.id.context : undefined;
    const written = context?.id.year !== undefined ? { edition: editionOfYear(numbering, context.id.year), rule: 'written' as const, evidence: evidenceOf(context) } : undefined;
    const { edition, rule, evidence } = written ?? this.editionInScopes(ISMS, r.start, this.options.defaultEdition, (year) => editionOfYear(numbering, year));
    const key = r.id.name?.toLowerCase();
    const having = numbering.editions.filter(({ set }) => areaOf(set, key, r.id.number));
    // The chosen edition if the area is there; else the newest edition that has it.
    const entry = having.find((e) => e.edition === edition) ?? having[0];
    if (!entry) return { numbering, edition, rule, ...(evidence ? { evidence } : {}) };
    const found = areaOf(entry.set, key, r.id.number);
    return { numbering, edition: entry.edition, rule, ...(evidence ? { evidence } : {}), ...(entry.edition !== edition ? { chosen: edition } : {}), set: entry.set, ...(found ? { found } : {}) };
  }
}

/** A 2005 area is an item of its set; a 2013 clause or 2022 theme a group. By name, number, or both. */
function areaOf(set: IndexedControlSet, titleKey: string | undefined, number: string | undefined): ControlItem | ControlGroup | undefined {
  const matches = (x: { id: string; title: string }) => (titleKey === undefined || x.title.toLowerCase() === titleKey) && (number === undefined || x.id === number);
  if (set.set.edition === '2005') return set.allItems().find(matches);
  return set.allGroups().find((g) => (g.kind === 'theme' || g.kind === 'clause') && matches(g));
}

function pick(numberings: ReadonlyMap<string, Numbering>, keys: readonly string[]): Numbering[] {
  return keys.map((k) => numberings.get(k)).filter((n): n is Numbering => !!n);
}

/** Between a standard and a number written with it: spaces and punctuation on one line, no words. */
const ADJACENT_GAP = /^[ \t\u00A0,:;()[\]–—-]*$/;

/** Whether sorted numbers hold a value. */
function holds(sorted: readonly number[] | undefined, value: number): boolean {
  return !!sorted && sorted[countBelow(sorted, value)] === value;
}

/** A reference is its own evidence: it has the start, end and text an evidence needs. */
function evidenceOf(r: Reference): Evidence {
  return r;
}




/** Per list of votes, worked out once: each edition's total weight and first vote, and the vote of each place. */
interface Tally {
  totals: Map<string, { weight: number; first: Vote }>;
  at: Map<number, Vote>;
}
const tallies = new WeakMap<readonly Vote[], Tally>();

function tallyOf(votes: readonly Vote[]): Tally {
  let tally = tallies.get(votes);
  if (!tally) {
    tally = { totals: new Map(), at: new Map() };
    for (const v of votes) {
      const total = tally.totals.get(v.edition);
      if (total) total.weight += v.weight;
      else tally.totals.set(v.edition, { weight: v.weight, first: v });
      tally.at.set(v.evidence.start, v);
    }
    tallies.set(votes, tally);
  }
  return tally;
}

/**
 * The edition with the most weight, not counting the vote at `self`; on a tie, none (the next
 * scope decides). The totals are counted once per list, so a number's question costs no more than
 * the editions there are.
 */
function elect(votes: readonly Vote[] | undefined, self = -1): Vote | undefined {
  if (!votes?.length) return undefined;
  const { totals, at } = tallyOf(votes);
  const own = at.get(self);
  let best: { edition: string; weight: number; first: Vote } | undefined;
  let tie = false;
  for (const [edition, total] of totals) {
    const weight = total.weight - (own?.edition === edition ? own.weight : 0);
    if (weight <= 0) continue;
    if (!best || weight > best.weight) {
      best = { edition, weight, first: total.first };
      tie = false;
    } else if (weight === best.weight) tie = true;
  }
  if (!best || tie) return undefined;
  // The evidence shown is the first vote for the winner (the next one if that is the number's own).
  return best.first === own ? votes.find((v) => v.edition === best!.edition && v !== own) : best.first;
}
