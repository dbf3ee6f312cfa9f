// The rules on control and clause numbers: a number of another edition than the one the document
// cites, a number of no edition, and a title that is another control's. Each reads the edition
// from the document model; a number whose edition nothing in the document evidences (the setting,
// the latest edition) gets no finding, as normref cannot be sure of it.
import * as l10n from '@vscode/l10n';
import type { ControlItem, IndexedControlSet } from '../catalog/controls';
import { lookUp, type Numbering } from '../catalog/numberings';
import { sentenceCites } from './beside';
import type { EditionRule, Evidence } from '../model';
import { familyOf, ISMS } from '../model/editions';
import { pastInSentence } from '../model/passing';
import { namesTitle, titleKey, titleSpanAfter, titleWords, withoutTrailingFiller, writtenAfter } from '../model/titles';
import { editionRuleText, frameworkVersionId, type ControlResolution } from '../resolve-control';
import type { ControlReference } from '../scan/reference';
import { at, edit, type CheckContext, type Found } from './context';
import type { Edit, Fix, Related } from './finding';
import { listed, replaceWith } from './standards';

/** Rules that read the edition from the text itself. */
const EVIDENCED: ReadonlySet<EditionRule> = new Set(['written', 'column', 'paragraph', 'section', 'declared']);

/** What most numbers are found to have: nothing (one list for all, never changed). */
const NONE: readonly Found[] = [];

interface Scope {
  edition: string;
  rule: EditionRule;
  evidence?: Evidence;
}

export function checkControl(resolution: ControlResolution, context: CheckContext): readonly Found[] {
  if (resolution.kind !== 'control' || !resolution.edition) return NONE;
  const r = resolution as ControlResolution & { edition: string };
  const unknown = context.enabled('unknown-control') ? unknownControl(r, context) : undefined;
  if (unknown) return [unknown];
  if (!r.numbering.standardKey) return checkFrameworkItem(r, context);
  if (!r.set) return NONE;
  // "clause 6.1.4" read as an Annex A control is a guess: a clause of another standard, more likely.
  if ((r.reference as ControlReference).id.form === 'clause' && r.numbering.annexA) return NONE;
  // "ISO/IEC 27001:2022 6.1.4", read as the 2013 control 6.1.4 for want of a 2022 one: the author
  // wrote an edition, and whatever the number is meant to be, it is not that edition's control to map.
  if (againstItsOwnYear(r)) return NONE;
  // In a crosswalk (a table whose header cites two editions) a number is checked against its own column only.
  if (context.crosswalkTables.has(context.model.scopes.tableAt(r.reference.start)?.index ?? -1) && r.rule !== 'column' && r.rule !== 'written') return NONE;
  const scope = scopeOf(r, context);
  // Where the document's editions disagree, a number only one edition has is still that edition's: its title can be checked.
  if (!scope) return onlyInItsEdition(r) ? titleOf(r, r.edition, context) : NONE;
  // normref has the 2005 control areas, not the 2005 controls: no number is compared with 2005.
  if (scope.edition === '2005' || r.edition === '2005') return NONE;
  // "the 2013 controls 12.1.2 and 14.2.2", "Maßnahme 8.8 der Fassung 2022": the author says which edition.
  if (r.edition !== scope.edition && paragraphNames(context.text, r.reference.start, r.reference.end, r.edition)) return NONE;
  const inScope = r.numbering.editions.find((e) => e.edition === scope.edition)?.set;
  if (!inScope) return NONE;
  const there = lookUp(inScope, (r.reference as ControlReference).id.number);
  // "(formerly A.12.4.4)", "A.12.4.4 was replaced by A.8.17": the sentence says the number is the old one.
  if ((!there || (r.edition !== scope.edition && r.rule === 'title')) && pastInSentence(context.text, r.reference.start, r.reference.end)) return NONE;
  if (!there) return r.item || r.group ? [editionMismatch(r, scope, inScope, context)] : [];
  if (r.edition !== scope.edition && r.rule === 'title') return titleOfOtherEdition(r, scope, inScope, context);
  const wrongTitle = 'kind' in there ? undefined : titleOfOtherControl(r, there, inScope, scope.edition, context);
  return wrongTitle ? [wrongTitle] : [];
}

/** COBIT ids only: an ITIL practice's name is a phrase both versions use for much the same thing. */
function checkFrameworkItem(r: ControlResolution & { edition: string }, context: CheckContext): readonly Found[] {
  const ref = r.reference as ControlReference;
  if (ref.id.form !== 'cobit' || !r.item) return NONE;
  if (r.chosenEdition) return deniedBeside(r, context) ? NONE : [notInVersion(r, r.chosenEdition, context)];
  // An objective's title ("APO12 Managed security"), not a practice's (APO12.01 is read as its objective).
  return ref.id.number.length === r.item.id.length ? titleOf(r, r.edition, context) : NONE;
}

/** "COBIT 5 had no APO14": the words between the framework and the id deny it is there. */
function deniedBeside(r: ControlResolution, context: CheckContext): boolean {
  const from = r.evidence?.end ?? -1;
  const to = r.reference.start;
  return from >= 0 && from <= to && to - from <= 40 && DENIED.test(context.text.slice(from, to));
}

const DENIED = /\b(?:no|not|without|lacks?|lacked|nor|kein\w*|nicht|ohne|pas|sans|sin)\b/iu;

/** Whether a number is in one edition of its numbering (2005's areas aside): the one it was read in. */
function onlyInItsEdition(r: ControlResolution & { edition: string }): boolean {
  const number = (r.reference as ControlReference).id.number;
  return !!r.item && r.numbering.editions.filter((e) => e.edition !== '2005' && lookUp(e.set, number)).length === 1;
}

/** title-mismatch, if the title written after the number is another control's of `edition`. */
function titleOf(r: ControlResolution & { edition: string }, edition: string, context: CheckContext): readonly Found[] {
  if (!r.item || !r.set) return NONE;
  const wrong = titleOfOtherControl(r, r.item, r.set, edition, context);
  return wrong ? [wrong] : NONE;
}

/**
 * The edition the document cites where the number is: the reference's own year, its column,
 * paragraph or section, a declaration; else the edition the document's dated citations name, if
 * they agree (27001:2022 beside 27002:2013 decides nothing). Undefined when the text does not say.
 */
function scopeOf(r: ControlResolution & { edition: string }, context: CheckContext): Scope | undefined {
  const family = familyOf(r.numbering);
  let scope: Scope | undefined;
  if (r.rule === 'title') {
    // The title chose the number's edition; the scopes say which edition the document follows there.
    if (family === ISMS) scope = context.model.ismsEditionAt(r.reference.start);
  } else {
    scope = { edition: r.chosenEdition ?? r.edition, rule: r.rule!, ...(r.evidence ? { evidence: r.evidence } : {}) };
  }
  if (scope && EVIDENCED.has(scope.rule)) return scope;
  if (scope?.rule === 'table' && scope.evidence && context.model.isCitation(scope.evidence)) return scope;
  const cited = context.model.citedEdition(family);
  return cited ? { edition: cited.edition, rule: 'document', evidence: cited.evidence } : undefined;
}

// ----- control-edition-mismatch -----

function editionMismatch(r: ControlResolution & { edition: string }, scope: Scope, inScope: IndexedControlSet, context: CheckContext): Found {
  const ref = r.reference as ControlReference;
  const number = ref.id.number;
  const found = r.item ?? r.group!;
  const prefix = written(r);
  const successors = mapped(r, scope.edition, context);
  const title = writtenTitle(ref, found.title, context.text);
  const others = listed(successors.map((s) => `${prefix}${s.id} ${s.title}`));
  const became = successors.length
    ? `; ${r.edition < scope.edition ? l10n.t('in {0} it became {1}', scope.edition, others) : l10n.t('in {0} it was {1}', scope.edition, others)}`
    : r.item?.new ? ` (${l10n.t('new in {0}', r.edition)})` : '';
  const message = l10n.t('{0} is not {1} of {2} {3}. It is the {4} {5} {6}{7}.',
    `${prefix}${number}`, aKind(inScope.set.kind), labelOf(r.numbering, scope.edition), scopeText(scope, context),
    r.edition, kindWord(r.set!.set.kind), `${prefix}${number} ${found.title}`, became);
  const fixes: Fix[] = successors.map((s) => ({
    title: replaceWith(`${prefix}${s.id}${title ? ` ${s.title}` : ''}`),
    edits: renumber(ref, s, title),
    // "Replace A.12.6.1 with A.8.8": where the sentence writes what it became, the fix would make it say nothing.
    // Back to an older edition's number (2022 → 2013) it is offered only: the older reading may be the mistake.
    // Nor where the number's own column or standard writes an edition that lacks it ("6.1.5" under "ISO/IEC 27001:2022"): it may be a clause.
    safe: successors.length === 1 && r.edition < scope.edition && !besideItsSuccessor(r, successors, context) && !(r.chosenEdition && (r.rule === 'column' || r.rule === 'written')),
  }));
  return { code: 'control-edition-mismatch', start: ref.start, end: ref.end, message, fixes, related: evidenceOf(scope), subject: r.id };
}

/** "COBIT 5 APO14": an objective of another version of the framework than the one written with it. */
function notInVersion(r: ControlResolution & { edition: string }, version: string, context: CheckContext): Found {
  const item = r.item!;
  const scope: Scope = { edition: version, rule: 'written', ...(r.evidence ? { evidence: r.evidence } : {}) };
  const message = l10n.t('{0} is not {1} of {2} {3}. It is the {4} {5} {6}{7}.',
    item.id, aKind(r.set!.set.kind), frameworkVersionId(context.catalog, r.numbering, version), scopeText(scope, context),
    frameworkVersionId(context.catalog, r.numbering, r.edition), kindWord(r.set!.set.kind), `${item.id} ${item.title}`, '');
  return { code: 'control-edition-mismatch', start: r.reference.start, end: r.reference.end, message, related: evidenceOf(scope), subject: r.id };
}

/** Whether a number written right after a dated standard was read in another edition than the one written. */
function againstItsOwnYear(r: ControlResolution & { edition: string }): boolean {
  const id = (r.reference as ControlReference).id;
  const standard = id.withStandard && id.context?.kind === 'standard' ? id.context : undefined;
  return !!standard?.id.year && String(standard.id.year) !== r.edition;
}

/** Whether the sentence holding a number writes one it became (or was). */
function besideItsSuccessor(r: ControlResolution, successors: readonly ControlItem[], context: CheckContext): boolean {
  const ids = new Set(successors.map((s) => s.id));
  return sentenceCites(context, r.reference.start, r.reference.end, (o) => o.kind === 'control' && !!o.item && o.edition !== r.edition && ids.has(o.item.id));
}

/** What a number of one edition is in another: 2013 → 2022 by the correspondence, 2022 → 2013 back. */
function mapped(r: ControlResolution & { edition: string }, edition: string, context: CheckContext): ControlItem[] {
  const controls = context.catalog.controls;
  const target = controls.find('ISO/IEC 27002', edition);
  // Controls only: the correspondence maps 27002's controls, not 27001's clauses (clause 6.3 is no A.6.3).
  if (!target || familyOf(r.numbering) !== ISMS || !r.item || r.set?.set.kind !== 'control') return [];
  const number = r.item.id;
  const ids = r.edition === '2013' && edition === '2022' ? controls.successorsOf(number) : r.edition === '2022' && edition === '2013' ? controls.predecessorsOf(number) : [];
  return ids.map((id) => target.item(id)).filter((x): x is ControlItem => !!x);
}

// ----- title-mismatch -----

/** A title of the number's other edition ("A.8.2 Information classification" under 2022): the number is this edition's, the title is not. */
function titleOfOtherEdition(r: ControlResolution & { edition: string }, scope: Scope, inScope: IndexedControlSet, context: CheckContext): Found[] {
  const ref = r.reference as ControlReference;
  const there = lookUp(inScope, ref.id.number)!;
  const found = r.item ?? r.group!;
  const prefix = written(r);
  const title = writtenTitle(ref, found.title, context.text);
  const named = itemTitled(inScope, titleKey(found.title)) ?? mapped(r, scope.edition, context)[0];
  const number = `${prefix}${ref.id.number}`;
  const label = labelOf(r.numbering, scope.edition);
  const why = scopeText(scope, context);
  const message = named
    ? l10n.t('{0} in {1} {2} is {3}; {4} is its {5} title, and in {6} is {7}.', number, label, why, there.title, found.title, r.edition, scope.edition, `${prefix}${named.id} ${named.title}`)
    : l10n.t('{0} in {1} {2} is {3}; {4} is its {5} title.', number, label, why, there.title, found.title, r.edition);
  const fixes: Fix[] = [];
  if (named) fixes.push({ title: replaceWith(`${prefix}${named.id}${title ? ` ${named.title}` : ''}`), edits: renumber(ref, named, title), safe: false });
  if (title) fixes.push({ title: changeTitleTo(there.title), edits: [edit(title[0], title[1], there.title)], safe: false });
  return [{ code: 'title-mismatch', start: ref.start, end: title?.[1] ?? ref.end, message, fixes, related: evidenceOf(scope), subject: r.id }];
}

/**
 * A title that is another control's of the same edition: "A.5.1 Access control". Only a number
 * alone with a title that is all of another control's title counts: after a list or range
 * ("A.5.15–A.5.18 | Access control, identity management …") the words describe the list.
 */
function titleOfOtherControl(r: ControlResolution, item: ControlItem, set: IndexedControlSet, edition: string, context: CheckContext): Found | undefined {
  const ref = r.reference as ControlReference;
  if (ref.id.title || afterAnotherNumber(context.text, ref.start)) return undefined;
  const key = withoutTrailingFiller(titleSegment(context.text, ref.end));
  if (!key || namesTitle(key, item.title) || (item.aliases ?? []).some((a) => namesTitle(key, a))) return undefined;
  const other = set.allItems().find((i) => i.id !== item.id && titleWords(titleKey(i.title)) === titleWords(key));
  if (!other) return undefined;
  // The words of the title written, not of the cell or sentence after it.
  const span = titleSpanAfter(context.text, ref.end, key.split(' ').length);
  if (!span) return undefined;
  const prefix = written(r);
  const label = r.numbering.standardKey ? labelOf(r.numbering, edition) : frameworkVersionId(context.catalog, r.numbering, edition);
  const message = l10n.t('{0} is {1} in {2}; {3} is {4}.', `${prefix}${item.id}`, item.title, label, context.text.slice(span[0], span[1]), `${prefix}${other.id} ${other.title}`);
  const fixes: Fix[] = [
    { title: replaceWith(`${prefix}${other.id} ${other.title}`), edits: renumber(ref, other, span), safe: false },
    { title: changeTitleTo(item.title), edits: [edit(span[0], span[1], item.title)], safe: false },
  ];
  return { code: 'title-mismatch', start: ref.start, end: span[1], message, fixes, subject: r.id };
}

/** The title-like words after a number: up to the end of its cell, clause or line ("; legal and …" is none). */
function titleSegment(text: string, end: number): string {
  const rest = text.slice(end, end + 160);
  const m = /^[ \t]*(?:[-–—:|*]+[ \t]*)*([^|;:,.()\n]*)/.exec(rest)!;
  return titleKey(m[1].split(/ [-–—] /)[0]);
}

/** Whether the number ends a list or range: "A.5.15–A.5.18", "7.2 and 7.3", "A.6.1, A.6.6". */
function afterAnotherNumber(text: string, start: number): boolean {
  return LIST_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

const LIST_BEFORE = /\d+(?:\.\d+)*[ \t]*(?:,|;|&|\/|–|—|-|\band\b|\bor\b|\bto\b|\bbis\b|\bet\b|\bund\b|\by\b)[ \t]*(?:(?:A|Annex A|control|clause)[ .]?)?[ \t]*$/iu;

/**
 * Whether the paragraph holding a reference (its row, in a table) names a year, in a citation or
 * not: "the 2013 controls 12.1.2 and 14.2.2", "was issued against ISO/IEC 27001:2013, where A.8.2
 * meant …". The author is speaking of that edition there.
 */
function paragraphNames(text: string, start: number, end: number, year: string): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const inTable = /^[ \t]*\|/.test(text.slice(lineStart, lineStart + 40));
  const before = text.slice(Math.max(0, start - PARAGRAPH_REACH), start);
  const after = text.slice(end, end + PARAGRAPH_REACH);
  const from = inTable ? before.lastIndexOf('\n') : Math.max(before.lastIndexOf('\n\n'), before.lastIndexOf('\n\r\n'));
  const stop = inTable ? after.indexOf('\n') : after.search(/\r?\n[ \t]*\r?\n/);
  const paragraph = `${before.slice(from + 1)} ${after.slice(0, stop < 0 ? after.length : stop)}`;
  return new RegExp(`(?<!\\d)${year}(?!\\d)`).test(paragraph);
}

const PARAGRAPH_REACH = 800;

/** The item of a set a written title names: its title, or the same words in another order. */
function itemTitled(set: IndexedControlSet, key: string): ControlItem | undefined {
  const items = set.allItems();
  const exact = items.find((i) => namesTitle(key, i.title));
  if (exact) return exact;
  return items.find((i) => {
    const own = titleKey(i.title);
    const words = own.split(' ').length;
    return words > 1 && titleWords(key.split(' ').slice(0, words).join(' ')) === titleWords(own);
  });
}

// ----- unknown-control -----

function unknownControl(r: ControlResolution, context: CheckContext): Found | undefined {
  const ref = r.reference as ControlReference;
  if (r.item || r.group || r.chosenEdition || !r.set || !certain(r, context)) return undefined;
  const number = ref.id.number;
  const prefix = written(r);
  const nearby = nearbyNumbers(r.numbering, number);
  if (!nearby && r.set.set.kind === 'clause' && belowKnownClause(r.numbering, number)) return undefined;
  const label = r.numbering.standardKey ? (r.numbering.annexA ? `${r.numbering.document} Annex A` : r.numbering.document) : r.id.slice(0, r.id.length - number.length).trim();
  const ids = nearby ? nearby.ids.map((id) => prefix + id) : [];
  const shown = ids.length > 6 ? l10n.t('{0} to {1}', ids[0], ids[ids.length - 1]) : listed(ids);
  const message = nearby
    ? l10n.t("{0} is in no edition of {1} normref has; {2}'s {3} has {4}.", `${prefix}${number}`, label, nearby.edition, `${prefix}${nearby.parent}`, shown)
    : l10n.t('{0} is in no edition of {1} normref has.', `${prefix}${number}`, label);
  return { code: 'unknown-control', start: ref.start, end: ref.end, message, subject: r.id };
}

/** Whether a number that exists nowhere is meant as a control, not some other number that looks like one. */
function certain(r: ControlResolution, context: CheckContext): boolean {
  const ref = r.reference as ControlReference;
  switch (ref.id.form) {
    case 'annex-a':
    case 'control':
      return !!ref.id.withStandard || context.analysis.citesIsms();
    case 'after-standard':
    case 'cobit':
      return true;
    case 'clause':
      // Written with its standard, or in a column its header dates ("ISO/IEC 20000-1:2018 clause").
      return !!ref.id.withStandard || r.rule === 'column';
    default:
      return false;
  }
}

/**
 * Whether a clause number lies under a clause normref has none of the subclauses of ("8.5.3" of
 * ISO 9001, whose list stops at 8.5): its lists of some standards' clauses stop at a level, and
 * below that it cannot tell a clause that exists from one that does not.
 */
function belowKnownClause(numbering: Numbering, number: string): boolean {
  const parent = number.split('.').slice(0, -1).join('.');
  return !!parent && numbering.editions.some(({ set }) => !!lookUp(set, parent));
}

/** The numbers beside a missing one in the newest edition that has them: "8.3" has 8.3.1–8.3.3. */
function nearbyNumbers(numbering: Numbering, number: string): { edition: string; parent: string; ids: string[] } | undefined {
  const parent = number.split('.').slice(0, -1).join('.');
  if (!parent) return undefined;
  for (const { edition, set } of numbering.editions) {
    const ids = set.allItems().filter((i) => i.id.startsWith(`${parent}.`) && i.id.split('.').length === number.split('.').length).map((i) => i.id);
    if (ids.length) return { edition, parent, ids };
  }
  return undefined;
}

// ----- shared -----

/** "A." when the author wrote an Annex A number so, nothing otherwise: messages and fixes write numbers as the author did. */
function written(r: ControlResolution): string {
  return r.annexA && /\bA[ .]?\d/.test(r.reference.text) ? 'A.' : '';
}

function labelOf(numbering: Numbering, edition: string): string {
  return numbering.annexA ? l10n.t('Annex A of {0}', `${numbering.document}:${edition}`) : numbering.standardKey ? `${numbering.document}:${edition}` : `${numbering.document} ${edition}`;
}

/** A kind of numbered item with its indefinite article, as "is not … of" says it. */
function aKind(kind: string): string {
  switch (kind) {
    case 'control':
      return l10n.t('a control');
    case 'clause':
      return l10n.t('a clause');
    case 'objective':
      return l10n.t('an objective');
    case 'practice':
      return l10n.t('a practice');
    case 'process-area':
      return l10n.t('a process area');
    case 'section':
      return l10n.t('a section');
    default:
      return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
  }
}

/** A kind of numbered item, as "It is the 2013 …" says it. */
function kindWord(kind: string): string {
  switch (kind) {
    case 'control':
      return l10n.t('control');
    case 'clause':
      return l10n.t('clause');
    case 'objective':
      return l10n.t('objective');
    case 'practice':
      return l10n.t('practice');
    case 'process-area':
      return l10n.t('process area');
    case 'section':
      return l10n.t('section');
    default:
      return kind;
  }
}

function changeTitleTo(title: string): string {
  return l10n.t('Change the title to {0}', title);
}

/** Why the document is read in its edition there: "(set by ISO/IEC 27001:2022, line 3)". */
function scopeText(scope: Scope, context: CheckContext): string {
  return scope.evidence ? `(${l10n.t('set by {0}, {1}', scope.evidence.text.replace(/\s+/g, ' '), at(context, scope.evidence.start))})` : `(${editionRuleText(scope.rule)})`;
}

function evidenceOf(scope: Scope): Related[] {
  return scope.evidence ? [{ start: scope.evidence.start, end: scope.evidence.end, message: l10n.t('{0} sets the edition', scope.evidence.text) }] : [];
}

/** The title written after a number, when it is `title` (or starts with it): its span. */
function writtenTitle(ref: ControlReference, title: string, text: string): [number, number] | undefined {
  const key = writtenAfter(text, ref.end);
  if (!key || !namesTitle(key, title)) return undefined;
  return titleSpanAfter(text, ref.end, titleKey(title).split(' ').length);
}

/** The edits that write another number in place of the reference's, and its title in place of the one written. */
function renumber(ref: ControlReference, to: { id: string; title: string }, title?: [number, number]): Edit[] {
  const at = ref.text.lastIndexOf(ref.id.number);
  const number = at >= 0 ? edit(ref.start + at, ref.start + at + ref.id.number.length, to.id) : edit(ref.start, ref.end, to.id);
  return title ? [number, edit(title[0], title[1], to.title)] : [number];
}
