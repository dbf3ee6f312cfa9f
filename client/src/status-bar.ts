// The status bar item of a policy document: the ISO/IEC 27001/27002 edition normref reads at the
// cursor (why, in its tooltip) and how many findings it has; a click declares the edition. No Node
// APIs here: the same module serves the desktop and the web extension host.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DOCUMENT_STATUS, type DocumentStatusParams, type DocumentStatusResult } from '../../server/src/protocol';
import { DECLARE_EDITION_COMMAND } from './declare-edition';
import { languages } from './languages';

/** A cursor that moves with the arrow keys asks the server once it rests, not at every step. */
const SETTLE_MS = 100;

export class EditionStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('normref.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers may come out of order: only the latest question's is shown. */
  private asked = 0;

  constructor(private readonly client: () => BaseLanguageClient | undefined) {
    this.item.name = vscode.l10n.t('normref edition and findings');
    this.item.command = DECLARE_EDITION_COMMAND;
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && this.refresh(SETTLE_MS)),
      vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && this.refresh(SETTLE_MS)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (e.uris.some((u) => u.toString() === active)) this.refresh();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('normref') && this.refresh()),
    );
  }

  /** Shows what normref read in the active editor, after `delay` ms; hides the item for other documents. */
  refresh(delay = 0): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.show(), delay);
  }

  private async show(): Promise<void> {
    const asked = ++this.asked;
    const editor = vscode.window.activeTextEditor;
    const client = this.client();
    if (!editor || !languages().includes(editor.document.languageId) || !client?.isRunning()) {
      this.item.hide();
      return;
    }
    const params: DocumentStatusParams = {
      textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
      position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    };
    let status: DocumentStatusResult;
    try {
      status = await client.sendRequest<DocumentStatusResult>(DOCUMENT_STATUS, params);
    } catch {
      // The server is restarting, or the document not yet open there: the next event asks again.
      return;
    }
    if (asked !== this.asked) return;
    if (!status) {
      this.item.hide();
      return;
    }
    const findings = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'normref').length;
    const count = findings === 0 ? vscode.l10n.t('no findings') : findings === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', findings);
    this.item.text = `${vscode.l10n.t('27001/27002: {0}', status.edition)} · ${count}`;
    const lines = [
      vscode.l10n.t('normref reads ISO/IEC 27001/27002 in its {0} edition at the cursor: {1}.', status.edition, status.reason),
    ];
    if (status.declared && status.rule !== 'declared') {
      lines.push(vscode.l10n.t('The document declares {0} on line {1}; what the text says here comes first.', status.declared.edition, status.declared.range.start.line + 1));
    }
    lines.push(findings === 0 ? vscode.l10n.t('No findings in this document.') : vscode.l10n.t('{0} in this document: see the Problems panel.', count), vscode.l10n.t("Click to declare the document's edition."));
    this.item.tooltip = lines.join('\n');
    this.item.accessibilityInformation = { label: `${this.item.text}. ${this.item.tooltip}` };
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
