// title-mismatch: the title written after a control number is another control's, of its own
// edition or of the edition the document cites.
import * as l10n from '@vscode/l10n';
import type { ControlItem, IndexedControlSet } from '../catalog/controls';
import { lookUp } from '../catalog/numberings';
import { namesTitle, titleKey, titleSpanAfter, titleWords, withoutTrailingFiller } from '../model/titles';
import { frameworkVersionId, type ControlResolution } from '../resolve-control';
import type { ControlReference } from '../scan/reference';
import { edit, type CheckContext, type Found } from './context';
import type { Fix } from './finding';
import { replaceWith } from './standards';
import { changeTitleTo, evidenceOf, labelOf, mapped, NONE, renumber, scopeText, written, writtenTitle, type Scope } from './control-words';

/** Whether a number is in one edition of its numbering (2005's areas aside): the one it was read in. */
export function onlyInItsEdition(r: ControlResolution & { edition: string }): boolean {
  const number = (r.reference as ControlReference).id.number;
  return !!r.item && r.numbering.editions.filter((e) => e.edition !== '2005' && lookUp(e.set, number)).length === 1;
}

/** title-mismatch, if the title written after the number is another control's of `edition`. */
export function titleOf(r: ControlResolution & { edition: string }, edition: string, context: CheckContext): readonly Found[] {
  if (!r.item || !r.set) return NONE;
  const wrong = titleOfOtherControl(r, r.item, r.set, edition, context);
  return wrong ? [wrong] : NONE;
}

/** A title of the number's other edition ("A.8.2 Information classification" under 2022): the number is this edition's, the title is not. */
export function titleOfOtherEdition(r: ControlResolution & { edition: string }, scope: Scope, inScope: IndexedControlSet, context: CheckContext): Found[] {
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
  if (named) fixes.push({ title: replaceWith(`${prefix}${named.id}${title ? ` ${named.title}` : ''}`), edits: renumber(ref, named, title, context.text), safe: false });
  if (title) fixes.push({ title: changeTitleTo(there.title), edits: [edit(title[0], title[1], there.title)], safe: false });
  return [{ code: 'title-mismatch', start: ref.start, end: title?.[1] ?? ref.end, message, fixes, related: evidenceOf(scope), subject: r.id }];
}

/**
 * A title that is another control's of the same edition: "A.5.1 Access control". Only a number
 * alone with a title that is all of another control's title counts: after a list or range
 * ("A.5.15–A.5.18 | Access control, identity management …") the words describe the list.
 */
export function titleOfOtherControl(r: ControlResolution, item: ControlItem, set: IndexedControlSet, edition: string, context: CheckContext): Found | undefined {
  const ref = r.reference as ControlReference;
  if (ref.id.title || afterAnotherNumber(context.text, ref.start)) return undefined;
  const segment = titleSegment(context.text, ref.end);
  const key = withoutTrailingFiller(segment.key);
  if (!key || CONNECTIVE.test(key) || inColumnOfNoTitles(context, ref.end, segment.lead) || namesTitle(key, item.title) || (item.aliases ?? []).some((a) => namesTitle(key, a))) return undefined;
  const other = itemsOfTitleWords(set, titleWords(key))?.find((i) => i.id !== item.id);
  if (!other) return undefined;
  // The words of the title written, not of the cell or sentence after it.
  const span = titleSpanAfter(context.text, ref.end, key.split(' ').length);
  if (!span) return undefined;
  const prefix = written(r);
  const label = r.numbering.standardKey ? labelOf(r.numbering, edition) : frameworkVersionId(context.catalog, r.numbering, edition);
  const message = l10n.t('{0} is {1} in {2}; {3} is {4}.', `${prefix}${item.id}`, item.title, label, context.text.slice(span[0], span[1]), `${prefix}${other.id} ${other.title}`);
  const fixes: Fix[] = [
    { title: replaceWith(`${prefix}${other.id} ${other.title}`), edits: renumber(ref, other, span, context.text), safe: false },
    { title: changeTitleTo(item.title), edits: [edit(span[0], span[1], item.title)], safe: false },
  ];
  return { code: 'title-mismatch', start: ref.start, end: span[1], message, fixes, subject: r.id };
}

/** A set's items by the words of their titles: asked for every number with words after it, worked out once per set. */
function itemsOfTitleWords(set: IndexedControlSet, words: string): readonly ControlItem[] | undefined {
  let byWords = titleWordsIndex.get(set);
  if (!byWords) {
    byWords = new Map();
    for (const i of set.allItems()) {
      const own = titleWords(titleKey(i.title));
      const same = byWords.get(own);
      if (same) same.push(i);
      else byWords.set(own, [i]);
    }
    titleWordsIndex.set(set, byWords);
  }
  return byWords.get(words);
}
const titleWordsIndex = new WeakMap<IndexedControlSet, Map<string, ControlItem[]>>();

/** After a number: its lead (spaces, dashes, colons, a cell border, an opening bracket) in group 1, then the words up to the end of its cell, clause or bracket in group 2. */
const SEGMENT = /^([ \t]*(?:[-–—:|*(]+[ \t]*)*)([^|;:,.()\n]*)/;

/** The title-like words after a number, as a key: up to the end of its cell, clause or line ("; legal and …" is none); and what leads to them. */
function titleSegment(text: string, end: number): { lead: string; key: string } {
  const m = SEGMENT.exec(text.slice(end, end + 160))!;
  return { lead: m[1], key: titleKey(m[2].split(/ [-–—] /)[0]) };
}

/**
 * A sentence going on, not a title: "A.12.4.1 and clock synchronisation A.12.4.4" names two
 * controls; no control's title starts with a conjunction or a preposition.
 */
const CONNECTIVE = /^(?:and|or|und|oder|et|ou|y|as|at|by|for|from|in|into|of|on|to|under|with|is|are|was|were|which|that|then|but|also|see|per)(?: |$)/;

/**
 * Whether the words after a number stand in a table column whose header says they are no title:
 * "| 8.6 | Internal Audit |" under "| ISO 22301 clause | Owner |" names who, not which clause.
 */
function inColumnOfNoTitles(context: CheckContext, end: number, lead: string): boolean {
  if (!lead.includes('|')) return false;
  const place = context.model.scopes.place(end + lead.length).table;
  const header = place?.table.header[place.column];
  return !!header && NO_TITLES.test(context.text.slice(header[0], header[1]));
}

/** Headers of columns that hold people, states, dates or remarks (English, German, French). */
const NO_TITLES = /\b(?:(?:responsib|accountab|applicab|anwendbar|verantwortlich|zuständig|begründ|bemerk)\w*|(?:owners?|roles?|who|assignee|department|team|status|state|implemented|justification|reason|rationale|evidence|notes?|comments?|remarks?|date|due|version|rolle|stand|nachweis|datum|responsable|statut|preuve|remarques?)\b)/iu;

/** Whether the number ends a list or range: "A.5.15–A.5.18", "7.2 and 7.3", "A.6.1, A.6.6". */
function afterAnotherNumber(text: string, start: number): boolean {
  return LIST_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

const LIST_BEFORE = /\d+(?:\.\d+)*[ \t]*(?:,|;|&|\/|–|—|-|\band\b|\bor\b|\bto\b|\bbis\b|\bet\b|\bund\b|\by\b)[ \t]*(?:(?:A|Annex A|control|clause)[ .]?)?[ \t]*$/iu;

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
