// The scan stage: finds every reference in a text, with exact ranges. Knows nothing of the
// catalog, of LSP or of VS Code; pure and linear in the length of the text.
//
// One regular expression finds anchors (the words a reference can start with); a reader for the
// anchor's kind then reads the reference in bounded steps, and the search resumes after it.
// Controls and names that depend on what the document cites are read with what came before.
import { isIsmsStandard, numbersControls, readAfterStandard, readAnnexA, readAnnexTheme, readBareNumber, readClause, readCobit, readControlWord } from './control';
import { frameworkAnchors, readFramework } from './framework';
import { formerPublisherAnchors, readNationalStandard } from './national';
import { BLANK_LINE, withLineFeeds } from './line-ends';
import { readContinuation } from './list';
import {
  findPracticeLines,
  findTitledNumbers,
  findProcessAreas,
  findStandaloneAreas,
  readAreaAfter,
  readNumberedArea,
  readPractices,
  readProcessAreaAcronym,
  type ControlVocabulary,
} from './names';
import type { ScanContext } from './context';
import type { TextEdit } from './text-diff';
import { markdownBlockSpans, proseMasks, type ProseMask, type Span } from './prose';
import { readStructure, type Structure, type Table } from './structure';
import type { ControlReference, FrameworkReference, Reference, StandardReference } from './reference';
import { readStandard } from './standard';
import { ANNEX_NAMES, CLAUSE_NAMES, CONTROL_NAMES } from './words';
import { alternation, type Alternative } from './alternation';
import { findTableControls } from './tables';
import { ofUnreadScheme } from './unread-schemes';
import { findInternal } from './internal';

export type {
  ControlAreaReference,
  ControlForm,
  ControlId,
  ControlReference,
  FrameworkId,
  FrameworkReference,
  InternalReference,
  Reference,
  ReferenceKind,
  StandardId,
  StandardReference,
  Supplement,
} from './reference';
export type { ControlVocabulary } from './names';
export type { ScanContext } from './context';
export { formatDesignation, formatFrameworkId, formatStandardId } from './format';

/** How to read the text: Markdown skips code, links and comments; anything else is plain text. */
export type TextFormat = 'markdown' | 'plaintext';

/** The words a reference can start with, besides the vocabulary's: what must follow them, if anything. */
const ANCHOR_WORDS: readonly Alternative[] = [
  ...['ISO', 'IEC', 'IWA'].map((word) => ({ word })),
  ...ANNEX_NAMES.map((word) => ({ word })),
  { word: 'A', ahead: '(?=\\.?[ \\u00A0]?\\d)' },
  ...CONTROL_NAMES.map((word) => ({ word })),
  ...CLAUSE_NAMES.map((word) => ({ word })),
  { word: '§' },
];
const anchorCache = new WeakMap<ControlVocabulary, RegExp>();

function anchorsOf(vocabulary: ControlVocabulary): RegExp {
  let anchors = anchorCache.get(vocabulary);
  if (!anchors) {
    const words = frameworkAnchors(vocabulary.frameworks ?? []).map((word) => ({ word }));
    // A former publisher's name counts only before a number or another publisher ("BS OHSAS", "AS/NZS").
    const former = formerPublisherAnchors(vocabulary.formerPublishers ?? []).map((word) => ({ word, ahead: '(?=[ \\u00A0]?\\d|[ \\u00A0/][A-Z])' }));
    // COBIT's ids before two digits, and the numbers of the standards normref has numberings of.
    const domains = (vocabulary.cobitDomains ?? []).map((word) => ({ word, ahead: '(?=\\d\\d)' }));
    const numbers = [...(vocabulary.numberedStandards ?? ['27001', '27002', '17799', '20000-1'])].map((word) => ({ word, ahead: '(?=[ \\u00A0]?:|[ \\u00A0]+(?:A\\.?)?\\d)' }));
    // Every anchor but § starts a word: the engine then tries the words only where one starts.
    // An underscore is a word character to `\\b`, but in "__ISO 27001__" it is emphasis: the word
    // after it is captured, and read where it starts.
    const alternatives = alternation([...words, ...former, ...domains, ...numbers, ...ANCHOR_WORDS].filter((a) => a.word !== '§'));
    anchors = new RegExp(`\\b(?:${alternatives})|_(?=(${alternatives}))|§`, 'g');
    anchorCache.set(vocabulary, anchors);
  }
  return anchors;
}
/** The kind of an anchor word, for the words that come in several languages and cases. */
const ANNEX_ANCHOR = new Set(ANNEX_NAMES);
const CONTROL_ANCHOR = new Set(CONTROL_NAMES);
const CLAUSE_ANCHOR = new Set([...CLAUSE_NAMES, '§']);
const OF_STANDARD = /^[ \u00A0]+(?:of|in)[ \u00A0]+(?:the[ \u00A0]+)?$/;
const OF_STANDARD_AHEAD = /^[ \u00A0]+(?:of|in)[ \u00A0]+(?:the[ \u00A0]+)?(?:ISO|IEC|BS)\b/;
/** At most " of the " lies between a clause number and the standard it is of. */
const OF_STANDARD_LENGTH = 12;
const BLANK_LINES = new RegExp(BLANK_LINE.source, 'g');

const NO_VOCABULARY: ControlVocabulary = { areas: [], practices: [], processAreas: [] };

class Scanner {
  readonly references: Reference[] = [];
  /** Clause numbers still waiting for the standard they belong to ("clause 6.1.2 of ISO/IEC 27001"). */
  private pending: ControlReference[] = [];
  /** The latest references of the kinds controls take their context from, kept as they are added. */
  private lastStandard?: StandardReference;
  private lastIsms?: StandardReference;
  private lastCobit?: FrameworkReference;
  /** Paragraph breaks, found once each, moving forward: the last before the current anchor, and the next. */
  private lastBreak = -1;
  private nextBreak: number | undefined;
  private breakSearchFrom = 0;

  constructor(
    private readonly text: string,
    private readonly vocabulary: ControlVocabulary,
    context: ScanContext,
  ) {
    this.lastIsms = context.lastIsms;
    this.lastCobit = context.lastCobit;
  }

  get end(): number {
    return this.references.length ? this.references[this.references.length - 1].end : 0;
  }

  /** Reads what starts at an anchor; returns whether anything was added. */
  read(at: number, word: string): boolean {
    const { text, references, vocabulary } = this;
    switch (anchorKind(word, vocabulary)) {
      case 'standard':
        return this.addStandard(readStandard(text, at));
      case 'national':
        return this.addStandard(readNationalStandard(text, at, vocabulary.formerPublishers));
      case 'number':
        return this.addStandard(readBareNumber(text, at, vocabulary));
      case 'annex':
        return (
          this.add(readAnnexA(text, at, references[references.length - 1])) ||
          this.addOne(readNumberedArea(text, at, vocabulary, this.lastIsms)) ||
          this.addOne(readAnnexTheme(text, at, this.lastIsms))
        );
      case 'control':
        return this.add(this.ownNumbers(readControlWord(text, at, this.lastIsms)));
      case 'clause': {
        if (this.addOne(readNumberedArea(text, at, vocabulary, this.lastIsms))) return true;
        const standard = this.lastStandard;
        const clauses = this.ownNumbers(readClause(text, at, () => (standard && !this.paragraphBreakBetween(standard.end, at) ? standard : undefined), vocabulary));
        // "clause 9.1 of ISO 9001": the standard named after it, not the one before, is its own.
        const last = clauses[clauses.length - 1];
        if (last && OF_STANDARD_AHEAD.test(text.slice(last.end, last.end + OF_STANDARD_LENGTH + 3))) for (const c of clauses) delete c.id.context;
        // Only the last group of clauses can be right before the standard they are of.
        if (clauses.length && !clauses[0].id.context) this.pending = clauses;
        return this.add(clauses);
      }
      case 'cobit':
        return this.add(readCobit(text, at, this.lastCobit, vocabulary.cobitDomains ?? []));
      default: {
        const framework = readFramework(text, at, vocabulary.frameworks ?? []);
        if (!framework || !this.addOne(framework)) return false;
        if (framework.id.framework === 'itil') this.add(readPractices(text, framework, vocabulary));
        if (framework.id.framework.startsWith('cmmi')) this.addOne(readProcessAreaAcronym(text, framework, vocabulary));
        return true;
      }
    }
  }

  /** None of "NIST SP 800-171 control 3.1.1", "control 3.3 of PCI DSS": the numbers of a scheme normref does not read. */
  private ownNumbers(found: ControlReference[]): ControlReference[] {
    return found.length && ofUnreadScheme(this.text, found[0].start, found[found.length - 1].end, this.vocabulary) ? [] : found;
  }

  private addStandard(standard: StandardReference | undefined): boolean {
    if (!standard || !this.addOne(standard)) return false;
    this.settlePending(standard);
    const members = readContinuation(this.text, standard);
    this.add(members);
    const last = members[members.length - 1] ?? standard;
    this.add(readAfterStandard(this.text, last, this.vocabulary));
    if (isIsmsStandard(last)) this.addOne(readAreaAfter(this.text, last, this.vocabulary));
    return true;
  }

  /** Adds references in order (a list may hold any number); one that starts inside the last one is dropped. */
  private add(found: readonly Reference[]): boolean {
    let added = false;
    for (const r of found) added = this.addOne(r) || added;
    return added;
  }

  private addOne(r: Reference | undefined): boolean {
    if (!r || r.start < this.end) return false;
    this.references.push(r);
    if (r.kind === 'standard') {
      this.lastStandard = r;
      if (isIsmsStandard(r)) this.lastIsms = r;
    } else if (r.kind === 'framework' && r.id.framework === 'cobit') {
      this.lastCobit = r;
    }
    return true;
  }

  /** "clauses 9.2 and 9.3 of ISO 9001": the last waiting group, if right before the standard, is of it. */
  private settlePending(standard: StandardReference): void {
    const clause = this.pending[this.pending.length - 1];
    if (clause && numbersControls(standard, this.vocabulary) && standard.start - clause.end <= OF_STANDARD_LENGTH && OF_STANDARD.test(this.text.slice(clause.end, standard.start))) {
      for (const c of this.pending) {
        c.id.context = standard;
        c.id.withStandard = true;
      }
    }
    this.pending = [];
  }

  /** Whether a blank line lies between two offsets; calls come with `to` never decreasing. */
  private paragraphBreakBetween(from: number, to: number): boolean {
    for (;;) {
      if (this.nextBreak === undefined) {
        BLANK_LINES.lastIndex = this.breakSearchFrom;
        const m = BLANK_LINES.exec(this.text);
        this.nextBreak = m ? m.index : Infinity;
        this.breakSearchFrom = m ? BLANK_LINES.lastIndex : this.text.length;
      }
      if (this.nextBreak >= to) break;
      this.lastBreak = this.nextBreak;
      this.nextBreak = undefined;
    }
    return this.lastBreak >= from;
  }

}

type AnchorKind = 'standard' | 'national' | 'number' | 'annex' | 'control' | 'clause' | 'cobit' | 'framework';

function anchorKind(word: string, vocabulary: ControlVocabulary): AnchorKind {
  if (/^\d/.test(word)) return 'number';
  if (vocabulary.cobitDomains?.includes(word)) return 'cobit';
  switch (word) {
    case 'ISO':
    case 'IEC':
    case 'IWA':
      return 'standard';
    case 'BS':
    case 'OHSAS':
    case 'AS':
      return 'national';
    case 'A':
      return 'annex';
  }
  if (ANNEX_ANCHOR.has(word)) return 'annex';
  if (CONTROL_ANCHOR.has(word)) return 'control';
  if (CLAUSE_ANCHOR.has(word)) return 'clause';
  return 'framework';
}

/** What the scanner finds in a text: its references, and the block structure they sit in. */
export interface ScannedText {
  /** The text as scanned: line ends as line feeds, offsets as in the text written. */
  text: string;
  /** In text order, with the clause numbers still waiting for a standard (the model decides them). */
  references: Reference[];
  structure: Structure;
  /** For a scan of an edited text (incremental.ts): the text scanned before, */
  before?: string;
  /** and how this one came from it, which holds no text and may be kept. */
  edit?: TextEdit;
}

/** The references of a text, as the scanner alone can tell them (a clause needs its standard in view). */
export function scan(written: string, format: TextFormat = 'plaintext', vocabulary: ControlVocabulary = NO_VOCABULARY): Reference[] {
  return scanText(written, format, vocabulary).references.filter((r) => !isWaitingClause(r));
}

/** A clause number with no standard in its paragraph: the document model may still place it. */
export function isWaitingClause(r: Reference): boolean {
  return r.kind === 'control' && r.id.form === 'clause' && !r.id.context;
}

export function scanText(written: string, format: TextFormat = 'plaintext', vocabulary: ControlVocabulary = NO_VOCABULARY): ScannedText {
  // Each reference's text is taken from the text as written, whatever its line ends.
  const text = withLineFeeds(written);
  const scanned = scanLines(text, format, vocabulary);
  if (text !== written) for (const r of scanned.references) r.text = written.slice(r.start, r.end);
  return scanned;
}

function scanLines(text: string, format: TextFormat, vocabulary: ControlVocabulary): ScannedText {
  const spans = format === 'markdown' ? markdownBlockSpans(text) : [];
  const masks = proseMasks(text, format, spans);
  const found = scanAnchors(text, masks, vocabulary, {});
  return { text, ...scanNames(text, masks, spans, found, vocabulary, {}) };
}

/**
 * The first pass: what starts at an anchor word, read in order. `context`: what the text before
 * this one cites, when this is a part of a larger text (see incremental.ts).
 */
export function scanAnchors(text: string, masks: () => ProseMask, vocabulary: ControlVocabulary, context: ScanContext): Reference[] {
  const mask = masks();
  const scanner = new Scanner(text, vocabulary, context);
  // The one expression of the vocabulary: a scan runs to its end before another starts.
  const anchors = anchorsOf(vocabulary);
  anchors.lastIndex = 0;
  for (let m = anchors.exec(text); m; m = anchors.exec(text)) {
    const [at, word] = m[1] === undefined ? [m.index, m[0]] : [m.index + 1, m[1]];
    const prose = mask.skip(at);
    if (prose !== at) {
      anchors.lastIndex = prose;
      continue;
    }
    if (scanner.read(at, word)) anchors.lastIndex = Math.max(anchors.lastIndex, scanner.end);
  }
  return scanner.references;
}

/**
 * The second pass: the block structure, and the names and table numbers that only count in a
 * document citing their standard or framework, merged with the first pass's `references`.
 */
export function scanNames(
  text: string,
  masks: () => ProseMask,
  spans: readonly Span[],
  references: Reference[],
  vocabulary: ControlVocabulary,
  context: ScanContext,
): { references: Reference[]; structure: Structure } {
  const structure = readStructure(text, spans);
  return { references: withNames(text, masks, structure, references, vocabulary, context), structure };
}

/**
 * The first pass's reading of a number in a table, with what its column's header says: an edition
 * ("Annex A (2013)"), a standard ("ISO/IEC 27701:2019 control"). A copy: the first pass's
 * references are kept as they are (incremental.ts hands them on).
 */
function withColumn(first: Reference, inColumn: Reference, headers: HeaderCursor): Reference {
  if (first.kind !== 'control' || inColumn.kind !== 'control') return first;
  const edition = !first.id.edition ? inColumn.id.edition : undefined;
  const context = !first.id.context && inColumn.id.context && headers.holds(inColumn.start, inColumn.id.context.start) ? inColumn.id.context : undefined;
  if (!edition && !context) return first;
  return { ...first, id: { ...first.id, ...(edition ? { edition } : {}), ...(context ? { context } : {}) } };
}

/** Whether an offset lies in the header row of the table holding a row's offset; queries come in text order. */
class HeaderCursor {
  private next = 0;

  constructor(private readonly tables: readonly Table[]) {}

  holds(inRow: number, offset: number): boolean {
    while (this.next < this.tables.length && this.tables[this.next].end < inRow) this.next++;
    const table = this.tables[this.next];
    return !!table && table.start <= inRow && offset >= table.start && offset < (table.rows[0] ?? table.end);
  }
}

/** Adds the names and table numbers that only count in a document citing their standard or framework. */
function withNames(text: string, masks: () => ProseMask, structure: Structure, references: Reference[], vocabulary: ControlVocabulary, context: ScanContext): Reference[] {
  // The document's first citation of ISO/IEC 27001/27002 dates the area names, wherever it is.
  const isms = context.firstIsms ?? references.find(isIsmsStandard) ?? context.ismsAfter;
  const cmmi = context.lastCmmi ?? references.find((r) => r.kind === 'framework' && r.id.framework.startsWith('cmmi'));
  const extra = [
    findTableControls(text, references, structure, vocabulary, context),
    isms && vocabulary.areas.length ? findStandaloneAreas(text, isms, vocabulary, masks(), structure) : [],
    cmmi && vocabulary.processAreas.length ? findProcessAreas(text, references, vocabulary, masks(), context.lastCmmi) : [],
    findPracticeLines(text, references, vocabulary, masks(), context),
    findTitledNumbers(text, masks()),
    vocabulary.internal?.length ? findInternal(text, vocabulary.internal, masks()) : [],
  ].flat();
  if (extra.length === 0) return references;
  const merged: Reference[] = [];
  const headers = new HeaderCursor(structure.tables);
  for (const r of references.concat(extra).sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (!last || r.start >= last.end) merged.push(r);
    // "A.6.2.2" under "Annex A (2013)" or "ISO/IEC 27701:2019 control": the first pass read the number, its column says what it is.
    else if (last.start === r.start && last.end === r.end) merged[merged.length - 1] = withColumn(last, r, headers);
  }
  return merged;
}
