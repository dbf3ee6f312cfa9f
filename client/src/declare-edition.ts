// The command behind a click on the status bar item: a quick pick of the ISO/IEC 27001/27002
// editions, and the edit the server writes for the one chosen (the `<!-- normref edition: … -->`
// comment or the front matter's `normref:` entry), applied as a WorkspaceEdit so that it can be undone.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  DECLARE_EDITION,
  DOCUMENT_STATUS,
  EDITIONS,
  type DeclareEditionParams,
  type DeclareEditionResult,
  type DocumentStatusParams,
  type DocumentStatusResult,
} from '../../server/src/protocol';
import { languages } from './languages';

export const DECLARE_EDITION_COMMAND = 'normref.declareEdition';

interface EditionItem extends vscode.QuickPickItem {
  edition: string | null;
}

export function registerDeclareEdition(client: () => BaseLanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(DECLARE_EDITION_COMMAND, async () => {
    // From the walkthrough or a panel, the policy beside it: the active editor, else a visible one.
    const editor = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((e) => e && languages().includes(e.document.languageId));
    const running = client();
    if (!editor || !running?.isRunning()) {
      void vscode.window.showInformationMessage(vscode.l10n.t('normref: open a policy document to declare its edition.'));
      return;
    }
    const document = editor.document;
    const textDocument = { uri: running.code2ProtocolConverter.asUri(document.uri) };
    const status = await running.sendRequest<DocumentStatusResult>(DOCUMENT_STATUS, { textDocument, position: running.code2ProtocolConverter.asPosition(editor.selection.active) } satisfies DocumentStatusParams);
    const declared = status?.declared?.edition;
    const items: EditionItem[] = EDITIONS.map((edition) => ({
      edition,
      label: `ISO/IEC 27001:${edition}`,
      description: edition === declared ? vscode.l10n.t('declared') : edition === status?.edition ? vscode.l10n.t('in force at the cursor') : undefined,
      detail: vscode.l10n.t('Control numbers the text does not date are read in the {0} edition.', edition),
    }));
    if (declared) items.push({ edition: null, label: vscode.l10n.t('No declaration'), detail: vscode.l10n.t('Remove the declaration: the document’s citations or the setting decide.') });
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Edition of ISO/IEC 27001/27002 this document follows'),
      placeHolder: status ? vscode.l10n.t('At the cursor: {0}, {1}', status.edition, status.reason) : undefined,
    });
    if (!picked || picked.edition === (declared ?? null)) return;
    const edits = await running.sendRequest<DeclareEditionResult>(DECLARE_EDITION, { textDocument, edition: picked.edition } satisfies DeclareEditionParams);
    if (!edits?.length) return;
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, await running.protocol2CodeConverter.asTextEdits(edits));
    if (!(await vscode.workspace.applyEdit(edit))) void vscode.window.showWarningMessage(vscode.l10n.t('normref: the document changed; declare the edition again.'));
  });
}
