// Extension-host tests for diagnostics and code actions: run inside real VS Code with the packaged
// extension (see index.ts). They read what the server pushed through the VS Code API
// (vscode.languages.getDiagnostics) and ask for code actions as the lightbulb and
// editor.codeActionsOnSave do (vscode.executeCodeActionProvider). Drafts are files in a temporary
// folder, edited in the editor only; each is reverted and closed at the end. (The same in the
// workbench, with the mouse and the keyboard, the Problems panel and a save: code-server.test.ts.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activated, logger, normrefExtension, poller } from './helpers';

const log = logger('[normref diagnostics]');
const poll = poller(log);

const WITHDRAWN = 'ISO/IEC 27002:2013';
const CURRENT = 'ISO/IEC 27002:2022';
const MESSAGE = 'ISO/IEC 27002:2013 is withdrawn: replaced by ISO/IEC 27002:2022 (2022-02).';
const HELP = 'https://github.com/normref/normref/blob/main/README.md#withdrawn';
const FIX_ALL = 'source.fixAll.normref';

function normref(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'normref');
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function describe(ds: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${vscode.DiagnosticSeverity[d.severity]} ${d.source}(${codeOf(d)}) ${d.message}`));
}

let folder: string | undefined;
let drafts: vscode.TextDocument[] = [];

/**
 * A Markdown file holding content, in a temporary folder outside the workspace (the extension host
 * runs where the files are). Not an untitled document: those are always dirty, and a backup of one
 * that VS Code writes before the revert can reappear in the next window of the same workspace.
 */
async function draft(name: string, content: string): Promise<vscode.TextDocument> {
  folder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'normref-diagnostics-'));
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  drafts.push(doc);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'markdown');
  log(`draft ${doc.uri.toString()}`);
  return doc;
}

/** The text edits of action for doc (the server answers with WorkspaceEdit changes). */
function editsOf(action: vscode.CodeAction, doc: vscode.TextDocument): vscode.TextEdit[] {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  return action.edit.get(doc.uri);
}

function codeActions(doc: vscode.TextDocument, range: vscode.Range, kind?: string): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, kind);
}

suite('normref diagnostics and quick fixes in VS Code', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    await activated(poll, normrefExtension());
  });

  teardown(async () => {
    // Close the test's drafts without a save prompt, each made the active editor first.
    for (const doc of drafts) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    drafts = [];
  });

  suiteTeardown(() => {
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  test(`${WITHDRAWN} gets a withdrawn warning, and its preferred quick fix writes ${CURRENT}`, async () => {
    const doc = await draft('withdrawn.md', `# Supplier Security Standard\n\nGuidance follows ${WITHDRAWN}.\n`);
    const diagnostics = await poll('withdrawn diagnostic on the draft', async () => normref(doc.uri), (ds) => ds.some((d) => codeOf(d) === 'withdrawn'), 30_000);
    log('diagnostics:', describe(diagnostics));
    assert.equal(diagnostics.length, 1, `one normref diagnostic expected: ${describe(diagnostics)}`);
    const d = diagnostics[0];
    assert.equal(d.message, MESSAGE);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(doc.getText(d.range), WITHDRAWN, 'the diagnostic covers the reference');
    assert.ok(typeof d.code === 'object', `the code has no link to its description: ${JSON.stringify(d.code)}`);
    assert.equal(d.code.value, 'withdrawn');
    assert.equal(d.code.target.toString(true), HELP);

    // What the lightbulb asks for: the code actions at the diagnostic's range.
    const actions = await codeActions(doc, d.range);
    log('code actions:', JSON.stringify(actions.map((a) => [a.title, a.kind?.value, a.isPreferred ?? false])));
    const fix = actions.find((a) => a.title === `Replace with ${CURRENT}`);
    assert.ok(fix, `no "Replace with ${CURRENT}" among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true, 'the replacement is the preferred fix');
    // One edit within the reference (the server rewrites only the year) that makes it read CURRENT.
    const edits = editsOf(fix, doc);
    assert.equal(edits.length, 1);
    const [e] = edits;
    log(`fix edit: ${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character} "${doc.getText(e.range)}" -> "${e.newText}"`);
    assert.ok(d.range.contains(e.range), 'the fix edits the reference only');
    assert.equal(doc.getText(new vscode.Range(d.range.start, e.range.start)) + e.newText + doc.getText(new vscode.Range(e.range.end, d.range.end)), CURRENT);
    const ignore = actions.find((a) => a.title === 'Ignore withdrawn on this line');
    assert.ok(ignore, 'no "Ignore withdrawn on this line"');
    assert.notEqual(ignore.isPreferred, true);

    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the fix was not applied');
    assert.equal(doc.lineAt(2).text, `Guidance follows ${CURRENT}.`);
    await poll('no diagnostics after the fix', async () => normref(doc.uri), (ds) => ds.length === 0, 30_000);
  });

  test(`${FIX_ALL} fixes every withdrawn reference of a document at once`, async () => {
    const doc = await draft('fix-all.md', '# Business Continuity Standard\n\nThe BCMS follows ISO 22301:2012, and risks are assessed under ISO/IEC 27005:2018.\n');
    const diagnostics = await poll('two withdrawn diagnostics', async () => normref(doc.uri), (ds) => ds.filter((d) => codeOf(d) === 'withdrawn').length === 2, 30_000);
    log('diagnostics:', describe(diagnostics));
    // What editor.codeActionsOnSave asks for: actions of that kind over the whole document.
    const whole = new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);
    const actions = await codeActions(doc, whole, FIX_ALL);
    log('fix-all actions:', JSON.stringify(actions.map((a) => [a.title, a.kind?.value])));
    assert.equal(actions.length, 1, `one ${FIX_ALL} action expected: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(actions[0].kind?.value, FIX_ALL);
    assert.equal(actions[0].title, 'Fix all normref problems that have a safe fix');
    assert.equal(editsOf(actions[0], doc).length, 2);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!), 'the fix-all edit was not applied');
    assert.equal(doc.lineAt(2).text, 'The BCMS follows ISO 22301:2019, and risks are assessed under ISO/IEC 27005:2022.');
    await poll('no diagnostics after fix all', async () => normref(doc.uri), (ds) => ds.length === 0, 30_000);
  });
});
