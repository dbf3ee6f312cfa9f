// Applies a code action's WorkspaceEdit to a text, as an editor does: every edit's range is read
// in the text before any edit, and overlapping edits are refused (an editor rejects the action).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

/** The text of `uri` after `edit`; throws if the edit touches another document or its edits overlap. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  if (!edit) throw new Error('the code action has no edit');
  const changes = edit.changes ?? {};
  const others = Object.keys(changes).filter((u) => u !== uri);
  if (others.length || edit.documentChanges) throw new Error(`the edit changes other documents: ${others.join(', ') || 'documentChanges'}`);
  return applyTextEdits(text, changes[uri] ?? []);
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const document = TextDocument.create('file:///apply', 'plaintext', 1, text);
  const spans = edits
    .map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) throw new Error(`overlapping edits at offsets ${spans[i - 1].start}-${spans[i - 1].end} and ${spans[i].start}-${spans[i].end}`);
  }
  let result = text;
  for (const s of [...spans].reverse()) result = result.slice(0, s.start) + s.newText + result.slice(s.end);
  return result;
}
