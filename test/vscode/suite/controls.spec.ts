// Extension-host tests for controls (Annex A numbers, COBIT objectives): run inside real VS Code with
// the packaged extension (see index.ts). The workspace folder holds a copy of test/fixtures/soa.md.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'normref.normref';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function log(...args: unknown[]): void {
  console.log('[normref controls]', ...args);
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

async function hoverAt(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
  return hoverText(hovers);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The text that accepting the item would insert (the API gives insertText, or a textEdit, or neither). */
function insertedText(item: vscode.CompletionItem): string {
  const legacy = item as vscode.CompletionItem & { textEdit?: vscode.TextEdit };
  if (legacy.textEdit) return legacy.textEdit.newText;
  if (typeof item.insertText === 'string') return item.insertText;
  if (item.insertText instanceof vscode.SnippetString) return item.insertText.value;
  return labelOf(item);
}

/** The range that accepting the item would replace, as the API returns it (Range or {inserting, replacing}). */
function replacedRange(item: vscode.CompletionItem): vscode.Range | undefined {
  const legacy = item as vscode.CompletionItem & { textEdit?: vscode.TextEdit };
  if (legacy.textEdit) return legacy.textEdit.range;
  const r = item.range;
  if (!r) return undefined;
  return r instanceof vscode.Range ? r : r.replacing;
}

/** The position of the middle character of the first occurrence of text at or after the first occurrence of after. */
function positionOf(doc: vscode.TextDocument, text: string, after = ''): vscode.Position {
  const source = doc.getText();
  const from = after ? source.indexOf(after) : 0;
  assert.ok(from >= 0, `"${after}" not found in ${doc.uri.toString()}`);
  const offset = source.indexOf(text, from + after.length);
  assert.ok(offset >= 0, `"${text}" not found after "${after}" in ${doc.uri.toString()}`);
  return doc.positionAt(offset + Math.floor(text.length / 2));
}

suite('normref controls in VS Code (soa.md)', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async function () {
    this.timeout(90_000);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'soa.md'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'markdown');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    await poll('extension active', async () => ext.isActive || (await ext.activate(), ext.isActive), (v) => v, 30_000);
    await poll('first hover in soa.md', () => hoverAt(doc.uri, positionOf(doc, 'ISO/IEC 27001:2013')), (t) => t.length > 0, 30_000);
  });

  test('A.8.2 after ISO/IEC 27001:2013 is Information classification', async () => {
    const pos = positionOf(doc, 'A.8.2', 'ISO/IEC 27001:2013');
    const text = await poll('hover on the 2013 A.8.2', () => hoverAt(doc.uri, pos), (t) => t.length > 0, 15_000);
    log('2013 A.8.2 hover:', JSON.stringify(text));
    assert.ok(text.includes('A.8.2 Information classification'), `hover at ${pos.line}:${pos.character}: ${text}`);
    assert.ok(!text.includes('Privileged access rights'), `the 2013 control shows the 2022 title: ${text}`);
  });

  test('A.8.2 after ISO/IEC 27001:2022 is Privileged access rights', async () => {
    const pos = positionOf(doc, 'A.8.2', 'ISO/IEC 27001:2022');
    const text = await poll('hover on the 2022 A.8.2', () => hoverAt(doc.uri, pos), (t) => t.length > 0, 15_000);
    log('2022 A.8.2 hover:', JSON.stringify(text));
    assert.ok(text.includes('A.8.2 Privileged access rights'), `hover at ${pos.line}:${pos.character}: ${text}`);
    assert.ok(!text.includes('Information classification'), `the 2022 control shows the 2013 title: ${text}`);
  });

  test('hover on COBIT 2019 APO13 mentions Managed security', async () => {
    const pos = positionOf(doc, 'APO13', 'COBIT 2019');
    const text = await poll('hover on APO13', () => hoverAt(doc.uri, pos), (t) => t.length > 0, 15_000);
    log('APO13 hover:', JSON.stringify(text));
    assert.ok(text.includes('Managed security'), `hover at ${pos.line}:${pos.character}: ${text}`);
  });

  test('completion after "Under ISO/IEC 27001:2022 we apply A.5.1" offers A.5.15 Access control', async () => {
    const line = 'Under ISO/IEC 27001:2022 we apply A.5.1';
    const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# Draft SoA\n\n${line}` });
    await vscode.window.showTextDocument(draft);
    try {
      const pos = draft.lineAt(draft.lineCount - 1).range.end;
      assert.equal(draft.lineAt(pos.line).text, line);
      const want = 'A.5.15 Access control';
      let list: vscode.CompletionList;
      try {
        list = await poll(
          'completion with A.5.15',
          () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', draft.uri, pos),
          (l) => !!l && l.items.some((i) => labelOf(i) === want),
          15_000,
        );
      } catch (err) {
        const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', draft.uri, pos);
        log('completion labels:', JSON.stringify(l?.items.slice(0, 30).map(labelOf)));
        throw err;
      }
      const item = list.items.find((i) => labelOf(i) === want)!;
      const range = replacedRange(item);
      log(`completion: ${list.items.length} items; ${want}: insert ${JSON.stringify(insertedText(item))} over ${range ? `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}` : 'the word'}`);
      assert.equal(insertedText(item), want);
      // Accepting it replaces the typed "A.5.1" (not "…apply A.5.1" nor nothing), so the line reads "…apply A.5.15 Access control".
      if (range) {
        const replaced = draft.getText(range);
        assert.equal(replaced, 'A.5.1', `the item replaces "${replaced}"`);
        const lineText = draft.lineAt(pos.line).text;
        const after = lineText.slice(0, range.start.character) + want + lineText.slice(range.end.character);
        assert.equal(after, 'Under ISO/IEC 27001:2022 we apply A.5.15 Access control');
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('document links cover the controls of soa.md', async () => {
    const links = await poll(
      'document links in soa.md',
      () => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri, 100),
      (l) => !!l && l.length > 0,
      15_000,
    );
    const pos = positionOf(doc, 'ISO/IEC 27001:2022');
    const link = links.find((l) => l.range.contains(pos));
    log(`document links: ${links.length}; ISO/IEC 27001:2022 -> ${link?.target?.toString(true)}`);
    assert.ok(link, `no link over ISO/IEC 27001:2022; links: ${JSON.stringify(links.map((l) => [l.range.start.line, l.range.start.character, l.target?.toString(true)]))}`);
    assert.equal(link.target?.toString(true), 'https://www.iso.org/standard/82875.html');
  });
});
