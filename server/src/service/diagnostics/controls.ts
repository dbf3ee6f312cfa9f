// The rules on control and clause numbers: a number of another edition than the one the document
// cites (here), a number of no edition (unknown-control.ts), and a title that is another
// control's (control-titles.ts). Each reads the edition from the document model; a number whose
// edition nothing in the document evidences (the setting, the latest edition) gets no finding, as
// normref cannot be sure of it.
import * as l10n from '@vscode/l10n';
import type { ControlItem, IndexedControlSet } from '../catalog/controls';
import { lookUp } from '../catalog/numberings';
import { sentenceCites } from './beside';
import type { EditionRule } from '../model';
import { familyOf, ISMS } from '../model/editions';
import { pastInSentence } from '../model/passing';
import { frameworkVersionId, type ControlResolution } from '../resolve-control';
import type { ControlReference } from '../scan/reference';
import type { CheckContext, Found } from './context';
import type { Fix } from './finding';
import { listed, replaceWith } from './standards';
import { aKind, evidenceOf, kindWord, labelOf, mapped, NONE, renumber, scopeText, written, writtenTitle, type Scope } from './control-words';
import { onlyInItsEdition, titleOf, titleOfOtherControl, titleOfOtherEdition } from './control-titles';
import { unknownControl } from './unknown-control';

/** Rules that read the edition from the text itself. */
const EVIDENCED: ReadonlySet<EditionRule> = new Set(['written', 'column', 'paragraph', 'section', 'declared']);

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
    edits: renumber(ref, s, title, context.text),
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

/**
 * Whether a bare number written right after a dated standard was read in another edition than the
 * one written. "ISO/IEC 27001:2022 A.9.4.3" says it is an Annex A control: that one is checked.
 */
function againstItsOwnYear(r: ControlResolution & { edition: string }): boolean {
  const id = (r.reference as ControlReference).id;
  if (id.form === 'annex-a' || id.form === 'control') return false;
  // ISO/IEC 27002's controls are its sections: "ISO/IEC 27002:2022 10.1.2" can only be the 2013 control.
  if (r.numbering.document === 'ISO/IEC 27002') return false;
  const standard = id.withStandard && id.context?.kind === 'standard' ? id.context : undefined;
  return !!standard?.id.year && String(standard.id.year) !== r.edition;
}

/** Whether the sentence holding a number writes one it became (or was). */
function besideItsSuccessor(r: ControlResolution, successors: readonly ControlItem[], context: CheckContext): boolean {
  const ids = new Set(successors.map((s) => s.id));
  return sentenceCites(context, r.reference.start, r.reference.end, (o) => o.kind === 'control' && !!o.item && o.edition !== r.edition && ids.has(o.item.id));
}

/**
 * Whether the paragraph holding a reference (its row, in a table) names a year, in a citation or
 * not: "the 2013 controls 12.1.2 and 14.2.2", "was issued against ISO/IEC 27001:2013, where A.8.2
 * meant …". The author is speaking of that edition there.
 */
function paragraphNames(text: string, start: number, end: number, year: string): boolean {
  const before = text.slice(Math.max(0, start - PARAGRAPH_REACH), start);
  const after = text.slice(end, end + PARAGRAPH_REACH);
  // The line's start within reach, not searched for back to the text's start: a paragraph on one
  // line of a megabyte would be searched once per number in it. A longer line is no table row.
  const lineBreak = before.lastIndexOf('\n');
  const inTable = (lineBreak >= 0 || start <= PARAGRAPH_REACH) && /^[ \t]*\|/.test(before.slice(lineBreak + 1, lineBreak + 41));
  const from = inTable ? lineBreak : Math.max(before.lastIndexOf('\n\n'), before.lastIndexOf('\n\r\n'));
  const stop = inTable ? after.indexOf('\n') : after.search(/\r?\n[ \t]*\r?\n/);
  const paragraph = `${before.slice(from + 1)} ${after.slice(0, stop < 0 ? after.length : stop)}`;
  return yearPattern(year).test(paragraph);
}

const yearPatterns = new Map<string, RegExp>();
/** A year not inside a longer number, made once per year. */
function yearPattern(year: string): RegExp {
  let pattern = yearPatterns.get(year);
  if (!pattern) yearPatterns.set(year, (pattern = new RegExp(`(?<!\\d)${year}(?!\\d)`)));
  return pattern;
}

const PARAGRAPH_REACH = 800;
