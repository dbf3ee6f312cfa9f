// Findings as LSP diagnostics, and their fixes as code actions: a quick fix per fix, "fix all of
// this kind" where a document has several, a suppression comment, and source.fixAll.normref, which
// applies every safe fix (editor.codeActionsOnSave can ask for it).
import * as l10n from '@vscode/l10n';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { formatOf, type Analysis } from '../analysis';
import { withLineFeeds } from '../scan/line-ends';
import type { Edit, Finding } from './finding';
import { helpUrl, type Severity } from './rules';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.normref`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(analysis: Analysis, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((f) => toDiagnostic(analysis, f));
}

function toDiagnostic(analysis: Analysis, f: Finding): Diagnostic {
  const document = analysis.document;
  return {
    range: rangeOf(analysis, f),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: helpUrl(f.code) },
    source: 'normref',
    message: f.message,
    ...(f.related.length ? { relatedInformation: f.related.map((r) => ({ location: { uri: document.uri, range: rangeOf(analysis, r) }, message: r.message })) } : {}),
  };
}

export function codeActions(analysis: Analysis, findings: readonly Finding[], range: Range, only?: readonly string[]): CodeAction[] {
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(FIX_ALL_KIND)) {
    const safe = findings.filter((f) => f.fixes.some((x) => x.safe));
    if (safe.length) actions.push(fixAll(analysis, safe, l10n.t('Fix all normref problems that have a safe fix'), FIX_ALL_KIND));
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;
  const from = analysis.offsetAt(range.start);
  const to = analysis.offsetAt(range.end);
  const here = findings.filter((f) => f.start <= to && f.end >= from);
  for (const f of here) {
    const diagnostic = toDiagnostic(analysis, f);
    f.fixes.forEach((fix, i) =>
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.safe && i === 0, edit: workspaceEdit(analysis, fix.edits) }),
    );
    const sameKind = findings.filter((x) => x.code === f.code && x.fixes.some((y) => y.safe));
    if (sameKind.length > 1) actions.push({ ...fixAll(analysis, sameKind, l10n.t('Fix all {0} problems in this document ({1})', f.code, sameKind.length), CodeActionKind.QuickFix), diagnostics: [diagnostic] });
    const comment = suppressionComment(analysis, f);
    if (comment.length) actions.push({ title: l10n.t('Ignore {0} on this line', f.code), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(analysis, comment) });
  }
  return actions;
}

function fixAll(analysis: Analysis, findings: readonly Finding[], title: string, kind: string): CodeAction {
  // Overlapping edits would be refused by the editor: keep the first of any that overlap.
  const edits = findings.flatMap((f) => f.fixes.find((x) => x.safe)!.edits).sort((a, b) => a.start - b.start);
  const kept: Edit[] = [];
  for (const e of edits) if (!kept.length || e.start >= kept[kept.length - 1].end) kept.push(e);
  return { title, kind, edit: workspaceEdit(analysis, kept) };
}

/**
 * A comment that suppresses a finding. In Markdown it goes at the end of the line
 * (`<!-- normref-disable-line code -->`, invisible when rendered, and no new line splits the
 * paragraph), or joins one already there; around a table, a disable/enable pair, as anything
 * after a row's last cell would be a cell. In plain text, a `#` line before it, or the code added
 * to the one already there.
 */
function suppressionComment(analysis: Analysis, f: Finding): Edit[] {
  // Lines as the scan read them: an old Mac file's lone carriage returns end lines too, and stay its line end.
  const text = withLineFeeds(analysis.text);
  const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
  const eolAt = text.indexOf('\n', f.start);
  const lineEnd = eolAt < 0 ? text.length : text[eolAt - 1] === '\r' ? eolAt - 1 : eolAt;
  const eol = text.includes('\r\n') ? '\r\n' : text !== analysis.text ? '\r' : '\n';
  const insert = (at: number, newText: string): Edit => ({ start: at, end: at, newText });
  if (formatOf(analysis.document) !== 'markdown') {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const previous = lineStart > 0 ? text.slice(previousStart, lineStart).replace(/\r?\n$/, '') : '';
    if (/^[ \t]*(?:#|\/\/)[ \t]*normref-disable-next-line\b[^\n]*\S/.test(previous) && !/normref-disable-next-line[ \t]*$/.test(previous)) {
      return [insert(previousStart + previous.length, ` ${f.code}`)];
    }
    const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
    return [insert(lineStart, `${indent}# normref-disable-next-line ${f.code}${eol}`)];
  }
  const table = analysis.model?.scopes.tableAt(f.start - analysis.windowStart)?.table;
  if (table) {
    const start = table.start + analysis.windowStart;
    const tableLine = text.lastIndexOf('\n', start - 1) + 1;
    return [insert(tableLine, `<!-- normref-disable ${f.code} -->${eol}`), insert(table.end + analysis.windowStart, `${eol}<!-- normref-enable ${f.code} -->`)];
  }
  const line = text.slice(lineStart, lineEnd);
  const existing = /<!--[ \t]*normref-disable-line\b([^>]*?)[ \t]*-->[ \t]*$/.exec(line);
  if (existing) {
    // A comment without codes covers them all already.
    if (!existing[1].trim()) return [];
    return [insert(lineStart + existing.index + existing[0].indexOf(existing[1]) + existing[1].length, ` ${f.code}`)];
  }
  return [insert(lineEnd, ` <!-- normref-disable-line ${f.code} -->`)];
}

function workspaceEdit(analysis: Analysis, edits: readonly Edit[]): { changes: Record<string, TextEdit[]> } {
  return { changes: { [analysis.document.uri]: edits.map((e) => ({ range: rangeOf(analysis, e), newText: e.newText })) } };
}

function rangeOf(analysis: Analysis, span: { start: number; end: number }): Range {
  const document = analysis.document;
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}
