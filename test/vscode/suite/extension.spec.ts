// Extension-host tests: run inside real VS Code with the packaged extension (see index.ts).
// The workspace folder is a copy of test/fixtures and holds policy.md.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'normref.normref';
const REFERENCE = 'ISO/IEC 27002:2022';
const ISO_TITLE = 'Information security, cybersecurity and privacy protection - Information security controls';
const ISO_URL = 'https://www.iso.org/standard/75652.html';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function log(...args: unknown[]): void {
  console.log('[normref suite]', ...args);
}

/** Polls fn until it returns a value accepted by ok, or throws after timeoutMs with the last value. */
async function poll<T>(what: string, fn: () => Thenable<T> | Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const start = Date.now();
  let last: T | undefined;
  let lastErr: unknown;
  while (Date.now() - start < timeoutMs) {
    try {
      last = await fn();
      if (ok(last)) {
        log(`${what}: ok after ${Date.now() - start} ms`);
        return last;
      }
    } catch (err) {
      lastErr = err;
    }
    await sleep(250);
  }
  throw new Error(`${what}: no answer within ${timeoutMs} ms (last: ${JSON.stringify(last)}${lastErr ? `, error: ${String(lastErr)}` : ''})`);
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" not found in ${doc.uri.toString()}`);
  return new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + text.length));
}

async function hoverAt(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
  return hoverText(hovers);
}

suite('normref in VS Code', () => {
  let doc: vscode.TextDocument;
  let refRange: vscode.Range;
  let refPos: vscode.Position;

  suiteSetup(async function () {
    this.timeout(90_000);
    log(`VS Code ${vscode.version}, ${vscode.env.appName}, host ${vscode.env.appHost}`);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'policy.md');
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'markdown');
    refRange = rangeOf(doc, REFERENCE);
    refPos = refRange.start.translate(0, 10); // inside "27002"

    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    log(`extension ${ext.id} ${ext.packageJSON.version} from ${ext.extensionUri.toString()}`);
    await poll('extension active', async () => ext.isActive || (await ext.activate(), ext.isActive), (v) => v, 30_000);
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
      const list = await poll(
        'completion with 27002',
        () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos),
        (l) => !!l && l.items.some((i) => labelOf(i).startsWith('27002')),
        15_000,
      ).catch(async (err) => {
        const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
        log('completion labels:', JSON.stringify(l?.items.slice(0, 30).map(labelOf)));
        throw err;
      });
      const labels = list.items.map(labelOf);
      log(`completion: ${labels.length} items, first: ${JSON.stringify(labels.slice(0, 8))}`);
    } finally {
      // Undo the edit so that the other tests see the fixture as it is on disk.
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(doc.isDirty, false, 'the fixture could not be reverted');
  });

  test('document link on ISO/IEC 27002:2022 targets its iso.org page', async () => {
    const links = await poll(
      'document links',
      () => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri, 100),
      (l) => !!l && l.length > 0,
      15_000,
    );
    log(`document links: ${links.length}`);
    const link = links.find((l) => l.range.contains(refRange.start.translate(0, 8)));
    assert.ok(link, `no link over "${REFERENCE}" at ${refRange.start.line}:${refRange.start.character}; links: ${JSON.stringify(links.map((l) => [l.range.start.line, l.range.start.character, l.target?.toString()]))}`);
    log(`link over "${doc.getText(link.range)}" -> ${link.target?.toString()}`);
    assert.equal(link.target?.toString(true), ISO_URL);
    assert.ok(link.range.contains(refRange), `the link covers "${doc.getText(link.range)}", not "${REFERENCE}"`);
  });

  test('normref.restartServer is contributed and hover works after it', async function () {
    this.timeout(60_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
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
