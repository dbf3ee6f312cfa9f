// The extension in VS Code for the Web: the browser extension host runs the `browser` entry, whose
// language server is a web worker that got its catalog from the extension's files. The workspace
// is test-web's virtual file system (a mount of the test's folder), so this is a virtual workspace
// too. Ends with the policy shown, a hover open and the Problems panel, for web.test.ts's screenshot.
import * as vscode from 'vscode';
import { activated, ensure, hoverAt, labelOf, logger, normrefExtension, openWorkspaceFile, pollCompletion, poller } from '../suite/helpers';

const log = logger('[normref web]');
const poll = poller(log);

const FILE = 'web-policy.md';
const WITHDRAWN = 'ISO/IEC 27002:2013';
const TITLE = 'Code of practice for information security controls';
const MESSAGE = 'ISO/IEC 27002:2013 is withdrawn: replaced by ISO/IEC 27002:2022 (2022-02).';
// Under the front matter's `edition: 2022`, A.8.2 is Privileged access rights; without it, the
// document's 2013 citation would make it Information classification.
const CONTROL = 'A.8.2';
const CONTROL_TITLE = 'Privileged access rights';

function positionIn(doc: vscode.TextDocument, text: string, offset: number): vscode.Position {
  const at = doc.getText().indexOf(text);
  ensure(at >= 0, `"${text}" is not in ${doc.uri.toString()}`);
  return doc.positionAt(at + offset);
}

suite('normref in VS Code for the Web', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async function () {
    this.timeout(90_000);
    log(`VS Code ${vscode.version}, ${vscode.env.appName}, UI kind ${vscode.UIKind[vscode.env.uiKind]}`);
    doc = await openWorkspaceFile(FILE);
    log(`opened ${doc.uri.toString()}`);
    await activated(poll, normrefExtension());
  });

  test('runs in the browser extension host, on a virtual workspace', () => {
    ensure(vscode.env.uiKind === vscode.UIKind.Web, `UI kind is ${vscode.UIKind[vscode.env.uiKind]}, not Web`);
    ensure(doc.uri.scheme !== 'file', `the workspace file is on ${doc.uri.scheme}:, not a virtual file system`);
    ensure(normrefExtension().isActive, 'normref is not active');
  });

  test('hover on ISO/IEC 27002:2013 shows its title and that it is withdrawn', async () => {
    const text = await poll('hover on the withdrawn edition', () => hoverAt(doc.uri, positionIn(doc, WITHDRAWN, 10)), (t) => t.includes(TITLE), 30_000);
    log('hover text:', JSON.stringify(text));
    ensure(text.includes('Withdrawn'), `the hover does not say it is withdrawn: ${text}`);
    ensure(text.includes('Replaced by: [ISO/IEC 27002:2022]'), `the hover does not name the edition that replaced it: ${text}`);
  });

  test('hover on A.8.2 reads it in the edition the front matter declares', async () => {
    const text = await poll('hover on the control', () => hoverAt(doc.uri, positionIn(doc, CONTROL, 3)), (t) => t.length > 0, 15_000);
    log('control hover text:', JSON.stringify(text));
    ensure(text.includes(CONTROL_TITLE), `the hover on ${CONTROL} lacks "${CONTROL_TITLE}": ${text}`);
  });

  test('completion after "ISO/IEC 2700" offers 27002', async () => {
    const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Further guidance: ISO/IEC 2700' });
    try {
      const end = draft.lineAt(0).range.end;
      const list = await pollCompletion(poll, log, 'completion with 27002', draft.uri, end, (i) => labelOf(i).startsWith('27002'));
      log(`completion: ${list.items.length} items, first: ${JSON.stringify(list.items.slice(0, 6).map(labelOf))}`);
    } finally {
      await vscode.window.showTextDocument(draft);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('the withdrawn edition gets the warning "withdrawn"', async () => {
    const normref = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'normref');
    const found = await poll('the withdrawn diagnostic', async () => normref(), (ds) => ds.some((d) => d.message === MESSAGE), 30_000);
    const withdrawn = found.find((d) => d.message === MESSAGE)!;
    const code = typeof withdrawn.code === 'object' ? withdrawn.code.value : withdrawn.code;
    log(`diagnostics: ${JSON.stringify(found.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.source}(${typeof d.code === 'object' ? d.code.value : d.code}) ${d.message}`))}`);
    ensure(code === 'withdrawn', `the code is ${String(code)}, not withdrawn`);
    ensure(withdrawn.severity === vscode.DiagnosticSeverity.Warning, `severity ${vscode.DiagnosticSeverity[withdrawn.severity]}, not Warning`);
    const start = positionIn(doc, WITHDRAWN, 0);
    ensure(withdrawn.range.start.isEqual(start), `the warning starts at ${withdrawn.range.start.line}:${withdrawn.range.start.character}, not at the reference`);
  });

  suiteTeardown(async () => {
    // For the screenshot: the policy, the hover on the withdrawn edition, the Problems panel.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const editor = await vscode.window.showTextDocument(doc);
    const at = positionIn(doc, WITHDRAWN, 10);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.showHover');
  });
});
