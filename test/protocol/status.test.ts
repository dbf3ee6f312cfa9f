// normref's own requests over real JSON-RPC, as the VS Code status bar sends them: the edition in
// force at the cursor and why (normref/documentStatus), the edit that declares one
// (normref/declareEdition); and normref.links.enabled, which takes the document links away.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentLink, TextEdit } from 'vscode-languageserver-types';
import { DECLARE_EDITION, DOCUMENT_STATUS, type DocumentStatus } from '../../server/src/protocol';
import { positionOf, startServer, type TestServer } from '../support/lsp-client';
import { applyTextEdits } from '../support/workspace-edit';

const POLICY = `# Access control policy

Our ISMS is certified against ISO/IEC 27001:2022.

Privileged access rights are reviewed every quarter (A.8.2).
`;

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => server.stop());

let uris = 0;
async function opened(text: string, languageId = 'markdown'): Promise<string> {
  const uri = `file:///status/policy-${++uris}.${languageId === 'markdown' ? 'md' : 'txt'}`;
  await server.open(uri, languageId, text);
  return uri;
}

function statusAt(uri: string, text: string, needle: string): Promise<DocumentStatus | null> {
  return server.connection.sendRequest(DOCUMENT_STATUS, { textDocument: { uri }, position: positionOf(text, needle) });
}

test('the edition at the cursor, with the reason and the line where the text says so', async () => {
  const uri = await opened(POLICY);
  const inParagraph = await statusAt(uri, POLICY, 'certified');
  assert.deepEqual([inParagraph?.edition, inParagraph?.rule, inParagraph?.reason], ['2022', 'paragraph', 'cited as ISO/IEC 27001:2022 on line 3']);
  assert.deepEqual(inParagraph?.evidence?.range.start, positionOf(POLICY, 'ISO/IEC 27001:2022'));
  const elsewhere = await statusAt(uri, POLICY, 'Privileged');
  assert.deepEqual([elsewhere?.edition, elsewhere?.rule, elsewhere?.reason], ['2022', 'document', 'what the whole document cites, first ISO/IEC 27001:2022 on line 3']);
  assert.equal(elsewhere?.declared, undefined);
});

test('a declared edition is the reason where nothing nearer dates the text, and is named where something does', async () => {
  const text = `<!-- normref edition: 2013 -->\n${POLICY}`;
  const uri = await opened(text);
  const declared = await statusAt(uri, text, 'Privileged');
  assert.deepEqual([declared?.edition, declared?.rule, declared?.reason], ['2013', 'declared', 'declared by <!-- normref edition: 2013 --> on line 1']);
  const cited = await statusAt(uri, text, 'certified');
  assert.deepEqual([cited?.edition, cited?.rule, cited?.declared?.edition, cited?.declared?.range.start.line], ['2022', 'paragraph', '2013', 0]);

  const front = `---\ntitle: Access control\nnormref:\n  edition: 2005\n---\nControls are numbered as in 11.2.4.\n`;
  const inFront = await statusAt(await opened(front), front, 'Controls');
  assert.deepEqual([inFront?.edition, inFront?.reason], ['2005', 'declared in the front matter (edition: 2005) on line 4']);
});

test('a document that dates nothing is read in the default setting', async () => {
  const text = 'Access is reviewed.\n';
  const status = await statusAt(await opened(text, 'plaintext'), text, 'reviewed');
  assert.deepEqual([status?.edition, status?.rule, status?.reason], ['2022', 'setting', 'the default setting normref.controls.defaultEdition, as nothing in the document dates it']);
});

test('declareEdition writes the comment, and the status then reads the declared edition', async () => {
  const uri = await opened(POLICY);
  const edits = (await server.connection.sendRequest(DECLARE_EDITION, { textDocument: { uri }, edition: '2013' })) as TextEdit[];
  const declared = applyTextEdits(POLICY, edits);
  assert.equal(declared, `<!-- normref edition: 2013 -->\n${POLICY}`);
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: declared }] });
  const status = await statusAt(uri, declared, 'Privileged');
  assert.deepEqual([status?.edition, status?.rule], ['2013', 'declared']);
  // An edition normref has no controls of, and a document the server does not have, get no edit.
  assert.equal(await server.connection.sendRequest(DECLARE_EDITION, { textDocument: { uri }, edition: '2019' }), null);
  assert.equal(await server.connection.sendRequest(DECLARE_EDITION, { textDocument: { uri: 'file:///status/unknown.md' }, edition: '2013' }), null);
  assert.equal(await server.connection.sendRequest(DOCUMENT_STATUS, { textDocument: { uri: 'file:///status/unknown.md' }, position: { line: 0, character: 0 } }), null);
});

test('with normref.links.enabled off a client gets no document links, and COBIT objectives never get one', async () => {
  const text = 'The ISMS follows ISO/IEC 27001:2022 and COBIT 2019 APO13.\n';
  const settings: { links?: { enabled: boolean } } = {};
  const off = await startServer({ settings });
  try {
    const uri = 'file:///status/links.md';
    await off.open(uri, 'markdown', text);
    const links = (await off.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
    assert.deepEqual(
      links.map((l) => [text.slice(l.range.start.character, l.range.end.character), l.target]),
      [
        ['ISO/IEC 27001:2022', 'https://www.iso.org/standard/82875.html'],
        ['COBIT 2019', 'https://www.isaca.org/resources/cobit'],
      ],
    );
    settings.links = { enabled: false };
    await off.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const none = await poll(async () => (await off.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[], (l) => l.length === 0);
    assert.deepEqual(none, []);
  } finally {
    await off.stop();
  }
});

test('a client that registers capabilities gets the link provider only while links are on', async () => {
  const settings = { links: { enabled: false } };
  const registered: string[] = [];
  const unregistered: string[] = [];
  const ids = new Map<string, string>();
  const client = await startServer({
    settings,
    textDocument: { documentLink: { dynamicRegistration: true } },
    before: (connection) => {
      connection.onRequest('client/registerCapability', (params: { registrations: Array<{ id: string; method: string }> }) => {
        for (const r of params.registrations) {
          registered.push(r.method);
          ids.set(r.id, r.method);
        }
      });
      connection.onRequest('client/unregisterCapability', (params: { unregisterations: Array<{ id: string }> }) => {
        for (const u of params.unregisterations) unregistered.push(ids.get(u.id) ?? u.id);
      });
    },
  });
  try {
    const initialized = await client.connection.sendRequest(DOCUMENT_STATUS, { textDocument: { uri: 'file:///none.md' }, position: { line: 0, character: 0 } });
    assert.equal(initialized, null);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(registered, [], 'links off from the start: no provider');
    settings.links.enabled = true;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await poll(async () => registered, (r) => r.length === 1);
    assert.deepEqual(registered, ['textDocument/documentLink']);
    settings.links.enabled = false;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await poll(async () => unregistered, (u) => u.length === 1);
    assert.deepEqual(unregistered, ['textDocument/documentLink']);
  } finally {
    await client.stop();
  }
});

async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await fn();
    if (ok(value) || Date.now() - start > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}
