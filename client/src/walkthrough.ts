// The getting-started walkthrough's part in code: the command that opens the sample policy (an
// untitled copy, so that the reader can fix it and close it unsaved), and the context keys its
// steps complete on, set when the reader has done the step (a hover shown, the sample's withdrawn
// edition fixed). No Node APIs: the sample is read with the workspace file system, as on the web.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';

export const OPEN_SAMPLE_COMMAND = 'normref.openSamplePolicy';
const SAMPLE = ['walkthrough', 'sample-policy.md'];
/** Context keys of package.json's walkthrough steps (completionEvents onContext:…). */
const HOVERED = 'normref.walkthrough.hovered';
const FIXED = 'normref.walkthrough.fixed';

export class Walkthrough implements vscode.Disposable {
  /** The open sample, and whether normref has flagged its withdrawn edition. */
  private sample: { uri: string; flagged: boolean } | undefined;
  private readonly done = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly extensionUri: vscode.Uri) {
    this.subscriptions = [
      vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, () => this.openSample()),
      vscode.languages.onDidChangeDiagnostics((e) => this.followSample(e.uris)),
    ];
  }

  /** Client middleware: a hover normref answered completes the hover step. */
  readonly middleware: Middleware = {
    provideHover: async (document, position, token, next) => {
      const hover = await next(document, position, token);
      if (hover) this.complete(HOVERED);
      return hover;
    },
  };

  private async openSample(): Promise<void> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...SAMPLE));
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
    this.sample = { uri: document.uri.toString(), flagged: false };
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
  }

  /** The fix step is done when the sample's withdrawn warning, once shown, is gone. */
  private followSample(uris: readonly vscode.Uri[]): void {
    const sample = this.sample;
    const uri = sample && uris.find((u) => u.toString() === sample.uri);
    if (!sample || !uri) return;
    const withdrawn = vscode.languages.getDiagnostics(uri).some((d) => d.source === 'normref' && (typeof d.code === 'object' ? d.code.value : d.code) === 'withdrawn');
    if (withdrawn) sample.flagged = true;
    else if (sample.flagged) this.complete(FIXED);
  }

  private complete(key: string): void {
    if (this.done.has(key)) return;
    this.done.add(key);
    void vscode.commands.executeCommand('setContext', key, true);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
