// Extension-host tests: run inside real VS Code with the packaged extension (see index.ts).
// The workspace folder is a copy of test/fixtures and holds policy.md.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, hoverAt, labelOf, logger, normrefExtension, openWorkspaceFile, pollCompletion, pollLinks, poller } from './helpers';

const REFERENCE = 'ISO/IEC 27002:2022';
const ISO_TITLE = 'Information security, cybersecurity and privacy protection - Information security controls';
const ISO_URL = 'https://www.iso.org/standard/75652.html';

const log = logger('[normref suite]');
const poll = poller(log);

function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" not found in ${doc.uri.toString()}`);
  return new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + text.length));
}

suite('normref in VS Code', () => {
  let doc: vscode.TextDocument;
  let refRange: vscode.Range;
  let refPos: vscode.Position;

  suiteSetup(async function () {
    this.timeout(90_000);
    log(`VS Code ${vscode.version}, ${vscode.env.appName}, host ${vscode.env.appHost}`);
    doc = await openWorkspaceFile('policy.md');
    refRange = rangeOf(doc, REFERENCE);
    refPos = refRange.start.translate(0, 10); // inside "27002"

    const ext = normrefExtension();
    log(`extension ${ext.id} ${ext.packageJSON.version} from ${ext.extensionUri.toString()}`);
    await activated(poll, ext);
    await poll('first hover from the server', () => hoverAt(doc.uri, refPos), (t) => t.length > 0, 30_000);
  });

  test('hover on ISO/IEC 27002:2022 shows the reference and the ISO title', async () => {
    const text = await hoverAt(doc.uri, refPos);
    log('hover text:', JSON.stringify(text));
    assert.ok(text.includes(ISO_TITLE), `hover does not contain the ISO title; got: ${text}`);
    assert.ok(text.includes('27002'), `hover does not name the standard; got: ${text}`);
  });

  test('completion after "ISO/IEC 2700" offers 27002', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const added = '\n\nFurther guidance: ISO/IEC 2700';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, end, added);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
    try {
      const pos = doc.lineAt(doc.lineCount - 1).range.end;
      assert.ok(doc.lineAt(pos.line).text.endsWith('ISO/IEC 2700'));
      editor.selection = new vscode.Selection(pos, pos);
      const list = await pollCompletion(poll, log, 'completion with 27002', doc.uri, pos, (i) => labelOf(i).startsWith('27002'));
      const labels = list.items.map(labelOf);
      log(`completion: ${labels.length} items, first: ${JSON.stringify(labels.slice(0, 8))}`);
    } finally {
      // Undo the edit so that the other tests see the fixture as it is on disk.
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(doc.isDirty, false, 'the fixture could not be reverted');
  });

  test('document link on ISO/IEC 27002:2022 targets its iso.org page', async () => {
    const links = await pollLinks(poll, 'document links', doc.uri);
    log(`document links: ${links.length}`);
    const link = links.find((l) => l.range.contains(refRange.start.translate(0, 8)));
    assert.ok(link, `no link over "${REFERENCE}" at ${refRange.start.line}:${refRange.start.character}; links: ${JSON.stringify(links.map((l) => [l.range.start.line, l.range.start.character, l.target?.toString()]))}`);
    log(`link over "${doc.getText(link.range)}" -> ${link.target?.toString()}`);
    assert.equal(link.target?.toString(true), ISO_URL);
    assert.ok(link.range.contains(refRange), `the link covers "${doc.getText(link.range)}", not "${REFERENCE}"`);
  });

  test('normref.restartServer is contributed and hover works after it', async function () {
    this.timeout(60_000);
    const ext = normrefExtension();
    const contributed = (ext.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(contributed.includes('normref.restartServer'), `contributed commands: ${contributed.join(', ')}`);
    const registered = await vscode.commands.getCommands(true);
    assert.ok(registered.includes('normref.restartServer'), 'normref.restartServer is not registered');
    const start = Date.now();
    await vscode.commands.executeCommand('normref.restartServer');
    log(`restartServer returned after ${Date.now() - start} ms`);
    const text = await poll('hover after restart', () => hoverAt(doc.uri, refPos), (t) => t.includes(ISO_TITLE), 30_000);
    assert.ok(text.includes(ISO_TITLE));
  });
});
