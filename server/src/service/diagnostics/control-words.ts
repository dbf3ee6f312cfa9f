// What the rules on control numbers say in common: the wording of a number, an edition and the
// evidence for it, and the edits that renumber a reference.
import * as l10n from '@vscode/l10n';
import type { ControlItem } from '../catalog/controls';
import type { Numbering } from '../catalog/numberings';
import type { EditionRule, Evidence } from '../model';
import { familyOf, ISMS } from '../model/editions';
import { namesTitle, titleKey, titleSpanAfter, writtenAfter } from '../model/titles';
import { editionRuleText, type ControlResolution } from '../resolve-control';
import type { ControlReference } from '../scan/reference';
import { at, edit, type CheckContext, type Found } from './context';
import type { Edit, Related } from './finding';

/** What most numbers are found to have: nothing (one list for all, never changed). */
export const NONE: readonly Found[] = [];

/** The edition a number is checked against, by which rule, and the reference that set it. */
export interface Scope {
  edition: string;
  rule: EditionRule;
  evidence?: Evidence;
}

/** What a number of one edition is in another: 2013 → 2022 by the correspondence, 2022 → 2013 back. */
export function mapped(r: ControlResolution & { edition: string }, edition: string, context: CheckContext): ControlItem[] {
  const controls = context.catalog.controls;
  const target = controls.find('ISO/IEC 27002', edition);
  // Controls only: the correspondence maps 27002's controls, not 27001's clauses (clause 6.3 is no A.6.3).
  if (!target || familyOf(r.numbering) !== ISMS || !r.item || r.set?.set.kind !== 'control') return [];
  const number = r.item.id;
  const ids = r.edition === '2013' && edition === '2022' ? controls.successorsOf(number) : r.edition === '2022' && edition === '2013' ? controls.predecessorsOf(number) : [];
  return ids.map((id) => target.item(id)).filter((x): x is ControlItem => !!x);
}

/** "A." when the author wrote an Annex A number so, nothing otherwise: messages and fixes write numbers as the author did. */
export function written(r: ControlResolution): string {
  return r.annexA && /\bA[ .]?\d/.test(r.reference.text) ? 'A.' : '';
}

export function labelOf(numbering: Numbering, edition: string): string {
  return numbering.annexA ? l10n.t('Annex A of {0}', `${numbering.document}:${edition}`) : numbering.standardKey ? `${numbering.document}:${edition}` : `${numbering.document} ${edition}`;
}

/** A kind of numbered item with its indefinite article, as "is not … of" says it. */
export function aKind(kind: string): string {
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
export function kindWord(kind: string): string {
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

export function changeTitleTo(title: string): string {
  return l10n.t('Change the title to {0}', title);
}

/** Why the document is read in its edition there: "(set by ISO/IEC 27001:2022, line 3)". */
export function scopeText(scope: Scope, context: CheckContext): string {
  return scope.evidence ? `(${l10n.t('set by {0}, {1}', scope.evidence.text.replace(/\s+/g, ' '), at(context, scope.evidence.start))})` : `(${editionRuleText(scope.rule)})`;
}

export function evidenceOf(scope: Scope): Related[] {
  return scope.evidence ? [{ start: scope.evidence.start, end: scope.evidence.end, message: l10n.t('{0} sets the edition', scope.evidence.text) }] : [];
}

/** The title written after a number, when it is `title` (or starts with it): its span. */
export function writtenTitle(ref: ControlReference, title: string, text: string): [number, number] | undefined {
  const key = writtenAfter(text, ref.end);
  if (!key) return undefined;
  const words = titleKey(title).split(' ').length;
  if (namesTitle(key, title)) return titleSpanAfter(text, ref.end, words);
  return wrappedTitle(text, ref.end, key, title, words);
}

/**
 * A title that goes on on the next line ("A.15.1.2 Addressing security within⏎ supplier
 * agreements"): the line holds its first words, at least two, and the next line the rest.
 */
function wrappedTitle(text: string, end: number, key: string, title: string, words: number): [number, number] | undefined {
  const first = key.split(' ').length;
  if (first < 2 || first >= words || !`${titleKey(title)} `.startsWith(`${key} `)) return undefined;
  const eol = text.indexOf('\n', end);
  if (eol < 0 || eol - end > 200) return undefined;
  if (!namesTitle(`${key} ${writtenAfter(text, eol + 1)}`, title)) return undefined;
  const head = titleSpanAfter(text, end, first);
  const rest = titleSpanAfter(text, eol + 1, words - first);
  return head && rest ? [head[0], rest[1]] : undefined;
}

/** The edits that write another number in place of the reference's, and its title in place of the one written. */
export function renumber(ref: ControlReference, to: { id: string; title: string }, title: [number, number] | undefined, text: string): Edit[] {
  const at = ref.text.lastIndexOf(ref.id.number);
  const number = at >= 0 ? edit(ref.start + at, ref.start + at + ref.id.number.length, to.id) : edit(ref.start, ref.end, to.id);
  return title ? [number, edit(title[0], title[1], rewrapped(text, title, to.title))] : [number];
}

/** A new title for a title written over two lines: broken after as many words as the first line held, with the same break. */
function rewrapped(text: string, [start, end]: [number, number], title: string): string {
  const written = text.slice(start, end);
  const lineBreak = /[ \t]*\r?\n[ \t]*/.exec(written);
  if (!lineBreak) return title;
  const before = written.slice(0, lineBreak.index).split(/[ \t]+/).length;
  const words = title.split(' ');
  const at = Math.min(before, words.length - 1);
  return at < 1 ? title : `${words.slice(0, at).join(' ')}${lineBreak[0]}${words.slice(at).join(' ')}`;
}
