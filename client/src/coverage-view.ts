// "normref: Show Annex A coverage": the server's report of the workspace in a webview, drawn by
// the same page renderer as `normref coverage --format html`, with a strict Content-Security-Policy
// and no remote resources. A click (or Enter) on a citation opens its place; the toolbar exports
// the report as Markdown or CSV.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { COVERAGE } from '../../server/src/protocol';
import { coverageCsv, coverageHtml, coverageMarkdown } from '../../server/src/service/workspace/coverage-formats';
import type { CoverageCitation, CoverageReport } from '../../server/src/service/workspace/coverage';


type Message = { open: number } | { export: 'md' | 'csv' };

// Links carry the citation's index; the script turns a click into a message, nothing navigates.
const SCRIPT = `<script>
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href^="#cite-"]');
  if (link) { event.preventDefault(); vscode.postMessage({ open: Number(link.getAttribute('href').slice(6)) }); }
  const button = event.target.closest('button[data-export]');
  if (button) vscode.postMessage({ export: button.dataset.export });
});
</script>`;

const toolbar = () => `<p class="toolbar"><button data-export="md">${escapeHtml(vscode.l10n.t('Export as Markdown…'))}</button> <button data-export="csv">${escapeHtml(vscode.l10n.t('Export as CSV…'))}</button></p>`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const placeOf = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), true);

/** The coverage panel: one at a time, shown again with a fresh report. */
export class CoverageView implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private listener?: vscode.Disposable;

  async show(client: BaseLanguageClient): Promise<void> {
    const edition = vscode.workspace.getConfiguration('normref.coverage').get<string>('edition', 'auto');
    // The report's texts (coverage-formats.ts) are the server's messages, in the display language's bundle.
    l10n.config({ contents: vscode.l10n.bundle ?? {} });
    const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('normref: Annex A coverage') }, () =>
      client.sendRequest<CoverageReport | null>(COVERAGE, { edition }),
    );
    if (!report) {
      void vscode.window.showWarningMessage(vscode.l10n.t('normref: the coverage report could not be made; see the normref output.'));
      return;
    }
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('normref.coverage', vscode.l10n.t('Annex A coverage'), vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => {
        this.listener?.dispose();
        this.panel = undefined;
      });
    }
    this.panel.title = vscode.l10n.t('Annex A coverage: {0}', report.standard);
    const citations: CoverageCitation[] = report.themes.flatMap((t) => t.controls.flatMap((c) => c.citations));
    const index = new Map(citations.map((c, i) => [c, i]));
    const page = coverageHtml(report, { placeOf, nonce: nonce(), script: SCRIPT, hrefOf: (c) => `#cite-${index.get(c)}`, lang: vscode.l10n.bundle ? vscode.env.language : 'en' });
    this.panel.webview.html = page.replace('<body>\n', `<body>\n${toolbar()}\n`);
    // The messages index this report's citations: the listener of an earlier report goes.
    this.listener?.dispose();
    this.listener = this.panel.webview.onDidReceiveMessage((message: Message) => void answer(message, report, citations));
    this.panel.reveal();
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

async function answer(message: Message, report: CoverageReport, citations: CoverageCitation[]): Promise<void> {
  if ('open' in message) {
    const c = citations[message.open];
    if (!c) return;
    const at = new vscode.Position(c.line, c.character);
    await vscode.window.showTextDocument(vscode.Uri.parse(c.uri), { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.Beside });
    return;
  }
  const format = message.export;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `annex-a-coverage.${format}`) } : {}),
    filters: format === 'md' ? { Markdown: ['md'] } : { CSV: ['csv'] },
  });
  if (!target) return;
  const text = format === 'md' ? coverageMarkdown(report, placeOf) : coverageCsv(report, placeOf);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(vscode.l10n.t('normref: coverage exported to {0}', vscode.workspace.asRelativePath(target)));
}
