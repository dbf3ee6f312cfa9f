// Extension-host tests for controls (Annex A numbers, COBIT objectives): run inside real VS Code with
// the packaged extension (see index.ts). The workspace folder holds a copy of test/fixtures/soa.md.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, hoverAt, insertedText, labelOf, logger, normrefExtension, openWorkspaceFile, pollCompletion, pollLinks, poller, replacedRange } from './helpers';

const log = logger('[normref controls]');
const poll = poller(log);

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
    doc = await openWorkspaceFile('soa.md');
    await activated(poll, normrefExtension());
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
      const list = await pollCompletion(poll, log, 'completion with A.5.15', draft.uri, pos, (i) => labelOf(i) === want);
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
    const links = await pollLinks(poll, 'document links in soa.md', doc.uri);
    const pos = positionOf(doc, 'ISO/IEC 27001:2022');
    const link = links.find((l) => l.range.contains(pos));
    log(`document links: ${links.length}; ISO/IEC 27001:2022 -> ${link?.target?.toString(true)}`);
    assert.ok(link, `no link over ISO/IEC 27001:2022; links: ${JSON.stringify(links.map((l) => [l.range.start.line, l.range.start.character, l.target?.toString(true)]))}`);
    assert.equal(link.target?.toString(true), 'https://www.iso.org/standard/82875.html');
  });
});
