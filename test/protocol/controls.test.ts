// Controls over real JSON-RPC: edition-aware hover, completion of controls, areas and SoA rows,
// links, and a document edited after it was opened.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { positionOf, startServer, type TestServer } from '../support/lsp-client';

const SOA = `# Statement of Applicability

Older scope, under ISO/IEC 27001:2013: A.8.2 classifies information.

Current scope, under ISO/IEC 27001:2022: A.8.2 restricts privileged access.

COBIT 2019 APO13 governs the ISMS.
`;
const URI = 'file:///soa/soa.md';

let server: TestServer;
before(async () => {
  server = await startServer();
  await server.open(URI, 'markdown', SOA);
});
after(async () => server.stop());

async function hoverAt(uri: string, position: { line: number; character: number }): Promise<string | undefined> {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as { contents: { value: string } } | null;
  return hover?.contents.value;
}

interface Item {
  label: string;
  filterText?: string;
  insertTextFormat?: number;
  textEdit?: { newText: string; range: { start: { character: number }; end: { character: number } } };
}
async function completeAt(uri: string, position: { line: number; character: number }, invoked = false): Promise<Item[]> {
  const list = (await server.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position,
    context: { triggerKind: invoked ? 1 : 2, ...(invoked ? {} : { triggerCharacter: '.' }) },
  })) as { items: Item[] };
  return list.items;
}

test('A.8.2 under a 2013 reference and under a 2022 reference shows two different controls', async () => {
  const first = SOA.indexOf('A.8.2');
  const second = SOA.indexOf('A.8.2', first + 1);
  const old = await hoverAt(URI, positionOf(SOA.slice(0, first) + 'X', 'X'));
  const current = await hoverAt(URI, positionOf(SOA.slice(0, second) + 'X', 'X'));
  assert.match(old!, /\*\*A\.8\.2 Information classification\*\* · ISO\/IEC 27001:2013 Annex A/);
  assert.match(old!, /chosen by the year written with the reference/);
  assert.match(current!, /\*\*A\.8\.2 Privileged access rights\*\* · ISO\/IEC 27001:2022 Annex A/);
});

test('a COBIT objective hovers with its domain and the framework page; only the framework is a link', async () => {
  const hover = (await hoverAt(URI, positionOf(SOA, 'APO13', 2)))!;
  assert.match(hover, /APO13 Managed security.*\n\nDomain APO Align, Plan and Organi[sz]e/);
  assert.match(hover, /\]\(https:\/\/www\.isaca\.org\/resources\/cobit\)/);
  const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: URI } })) as Array<{ target: string; range: { start: { line: number; character: number } } }>;
  assert.ok(links.some((l) => l.target === 'https://www.iso.org/standard/54534.html' && l.range.start.line === 2), 'A.8.2 under 2013 links to 27001:2013');
  const cobit = links.filter((l) => l.range.start.line === 6);
  // ISACA has no public page per objective: an underline on APO13 would open COBIT's home page.
  assert.deepEqual(
    cobit.map((l) => [l.range.start, l.target]),
    [[positionOf(SOA, 'COBIT 2019'), 'https://www.isaca.org/resources/cobit']],
  );
});

test('completion after "A.5.1" offers A.5.15 Access control, inserting number and title', async () => {
  const uri = 'file:///soa/draft.md';
  const text = 'Under ISO/IEC 27001:2022 we apply A.5.1';
  await server.open(uri, 'markdown', text);
  const items = await completeAt(uri, { line: 0, character: text.length });
  const item = items.find((i) => i.label === 'A.5.15 Access control');
  assert.ok(item, items.slice(0, 20).map((i) => i.label).join(', '));
  assert.equal(item.textEdit?.newText, 'A.5.15 Access control');
  assert.equal(item.textEdit?.range.start.character, text.length - 'A.5.1'.length);
});

test('completion follows the edition in force: after a 2013 reference it offers 2013 controls', async () => {
  const uri = 'file:///soa/old.md';
  const text = 'Under ISO/IEC 27001:2013 we apply A.9.2.';
  await server.open(uri, 'markdown', text);
  const labels = (await completeAt(uri, { line: 0, character: text.length })).map((i) => i.label);
  assert.ok(labels.includes('A.9.2.3 Management of privileged access rights'), labels.slice(0, 10).join(', '));
  assert.ok(!labels.some((l) => l.startsWith('A.5.15 ')));
});

test('explicit completion in a document citing 27002 offers area names, control titles and SoA snippets', async () => {
  const uri = 'file:///soa/areas.md';
  const text = 'We follow ISO/IEC 27002:2022.\n\n## acc';
  await server.open(uri, 'markdown', text);
  const items = await completeAt(uri, { line: 2, character: 6 }, true);
  const labels = items.map((i) => i.label);
  for (const wanted of ['A.5.15 Access control', 'A.9 Access control', 'A.5.18 Access rights', '11 Access control']) {
    assert.ok(labels.includes(wanted), `${wanted} in ${labels.length} items`);
  }
  assert.ok(items.find((i) => i.label === 'A.9 Access control')!.filterText!.toLowerCase().startsWith('acc'));
  const snippet = items.find((i) => i.label === 'Statement of Applicability row');
  assert.equal(snippet?.insertTextFormat, 2);
  assert.match(snippet!.textEdit!.newText, /^\| A\.\$\{1:5\.15\} \| \$\{2:Access control\} \|/);
});

test('an edited document is analysed again: hovers follow the new text', async () => {
  const uri = 'file:///soa/edited.md';
  const text = 'Cite ISO 9001 here.';
  await server.open(uri, 'markdown', text);
  assert.match((await hoverAt(uri, { line: 0, character: 7 }))!, /ISO 9001/);
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: 'ISO/IEC 27001 and ' }],
  });
  assert.match((await hoverAt(uri, { line: 0, character: 7 }))!, /ISO\/IEC 27001:2022/);
  assert.match((await hoverAt(uri, { line: 0, character: 25 }))!, /ISO 9001:2015/);
});
