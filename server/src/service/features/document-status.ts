// What normref read in a document, for the editor's status bar: the ISO/IEC 27001/27002 edition in
// force at the cursor (the one a control number typed there would be read in, as completion reads
// it), why, and where the document declares an edition. The model decides; this only says it.
import * as l10n from '@vscode/l10n';
import type { Position, Range } from 'vscode-languageserver-types';
import { formatOf, type Analysis } from '../analysis';
import type { EditionRule } from '../model';
import { editionDirective, type EditionDirective } from '../scan/directives';

export interface DocumentStatus {
  /** "2022", "2013" or "2005". */
  edition: string;
  rule: EditionRule;
  /** Why, as a phrase: "cited as ISO/IEC 27001:2022 on line 5". */
  reason: string;
  /** What in the text decided it: a reference, a heading's, the declaration. */
  evidence?: { text: string; range: Range };
  /** The edition the document declares and where, whether or not it decides at the cursor. */
  declared?: { edition: string; range: Range };
}

export function documentStatus(analysis: Analysis, position: Position): DocumentStatus {
  const { edition, rule, evidence } = analysis.ismsEditionAt(analysis.offsetAt(position));
  const directive = analysis.skipped ? undefined : editionDirective(analysis.text, formatOf(analysis.document));
  const declared = directive && { edition: directive.edition, range: rangeOf(analysis, directive.start, directive.end) };
  const decided =
    rule === 'declared' && directive
      ? { text: analysis.text.slice(directive.start, directive.end), range: declared!.range }
      : evidence && { text: evidence.text, range: analysis.rangeOf(evidence) };
  return {
    edition,
    rule,
    reason: reasonFor(rule, decided, directive),
    ...(decided ? { evidence: decided } : {}),
    ...(declared ? { declared } : {}),
  };
}

function reasonFor(rule: EditionRule, evidence: { text: string; range: Range } | undefined, directive: EditionDirective | undefined): string {
  const text = evidence?.text;
  const where = (reason: string) => (evidence ? l10n.t('{0} on line {1}', reason, evidence.range.start.line + 1) : reason);
  switch (rule) {
    case 'table':
      return where(l10n.t('read from its table: {0}', String(text)));
    case 'paragraph':
      return where(l10n.t('cited as {0}', String(text)));
    case 'section':
      return where(l10n.t('the heading of its section cites {0}', String(text)));
    case 'declared':
      if (directive?.in === 'front-matter') return where(l10n.t('declared in the front matter ({0})', String(text)));
      return where(l10n.t('declared by {0}', String(text)));
    case 'document':
      return text ? where(l10n.t('what the whole document cites, first {0}', text)) : l10n.t('what the whole document cites');
    default:
      return l10n.t('the default setting normref.controls.defaultEdition, as nothing in the document dates it');
  }
}

function rangeOf(analysis: Analysis, start: number, end: number): Range {
  return { start: analysis.document.positionAt(start), end: analysis.document.positionAt(end) };
}
