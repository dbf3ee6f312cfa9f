// The workspace over real JSON-RPC: the server reads the folder the client opens (as for Neovim or
// Emacs, from disk) in the background with progress, then answers Find All References across
// files, workspace symbols, the outline and the coverage request; and a client that lists and
// reads its workspace itself (VS Code, the web) is asked to.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, Location, WorkspaceSymbol } from 'vscode-languageserver-types';
import { root, startServer, type TestServer } from '../support/lsp-client';

const FOLDER = path.join(root, 'test', 'fixtures', 'workspace', 'policies');
const uriOf = (relative: string) => pathToFileURL(path.join(FOLDER, relative)).href;
const ACCESS = 'access-control.md';
const accessText = fs.readFileSync(path.join(FOLDER, ACCESS), 'utf8');
const where = (locations: Location[] | null) => (locations ?? []).map((l) => `${path.relative(FOLDER, new URL(l.uri).pathname)}:${l.range.start.line + 1}`);

let server: TestServer;
const progress: string[] = [];

/** Waits until the server says it has indexed the workspace. */
async function indexed(s: TestServer): Promise<void> {
  for (let i = 0; i < 200 && !s.logs.some((l) => /indexed \d+ policy documents/.test(l)); i++) await new Promise((r) => setTimeout(r, 25));
}

before(async () => {
  server = await startServer({
    rootUri: pathToFileURL(FOLDER).href,
    onRequest: { 'window/workDoneProgress/create': () => null },
  });
  server.connection.onNotification('$/progress', (p: { value: { kind: string; title?: string; message?: string } }) => {
    progress.push(`${p.value.kind} ${p.value.title ?? p.value.message ?? ''}`.trim());
  });
  await indexed(server);
  await server.open(uriOf(ACCESS), 'markdown', accessText);
});
after(async () => server.stop());

test('the folder is indexed in the background, with work-done progress', () => {
  assert.ok(server.logs.some((l) => l.includes('indexed 4 policy documents')), server.logs.join('\n'));
  assert.equal(progress[0], 'begin Indexing policies');
  assert.equal(progress.at(-1), 'end');
  assert.ok(progress.some((p) => p === 'report 4/4'), progress.join('\n'));
});

test('Find All References on a 2022 control: its citations, then the 2013 numbers that map to it', async () => {
  const lines = accessText.split('\n');
  const line = lines.findIndex((l) => l.includes('A.5.15'));
  const found = await server.connection.sendRequest<Location[]>('textDocument/references', {
    textDocument: { uri: uriOf(ACCESS) },
    position: { line, character: lines[line].indexOf('A.5.15') + 2 },
    context: { includeDeclaration: true },
  });
  assert.deepEqual(where(found), ['access-control.md:5', 'legacy/remote-work.md:8']);
});

test('Find All References on an undated standard: dated and undated forms, ISO and ISO/IEC, in every file', async () => {
  const lines = accessText.split('\n');
  const line = lines.findIndex((l) => l.includes('ISO 27001'));
  const found = await server.connection.sendRequest<Location[]>('textDocument/references', {
    textDocument: { uri: uriOf(ACCESS) },
    position: { line, character: lines[line].indexOf('ISO 27001') + 4 },
    context: { includeDeclaration: true },
  });
  assert.deepEqual(where(found), ['access-control.md:3', 'access-control.md:9', 'access-control.md:9', 'legacy/remote-work.md:3', 'notes.txt:1']);
});

test('an edit of an open document is what the next query sees', async () => {
  const uri = uriOf(ACCESS);
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text: `${accessText}\nPrivileged access follows A.8.2.\n` }],
  });
  const symbols = await server.connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: 'privileged access' });
  assert.deepEqual(
    symbols.map((s) => `${s.name} @ ${s.containerName}`).sort(),
    ['ISO/IEC 27001:2022 A.8.2 — Privileged access rights @ access-control.md', 'ISO/IEC 27001:2022 A.8.2 — Privileged access rights @ notes.txt'],
  );
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: accessText }] });
});

test('workspace symbols: by number and by title words', async () => {
  const byNumber = await server.connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: '27002' });
  assert.ok(byNumber.some((s) => s.name === 'ISO/IEC 27002:2022 5.23 — Information security for use of cloud services' && s.containerName === 'service.md'), JSON.stringify(byNumber));
  const byTitle = await server.connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: 'access control' });
  assert.deepEqual(byTitle.map((s) => s.name).sort(), ['ISO/IEC 27001:2013 A.9.1.1 — Access control policy', 'ISO/IEC 27001:2022 A.5.15 — Access control']);
});

test("the outline lists what the document cites, once each, with how often", async () => {
  const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(ACCESS) } });
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['ISO/IEC 27001', 'ISO/IEC 27001:2022', 'ISO/IEC 27001:2022 A.5.15', 'ISO/IEC 27001:2022 A.5.16', 'ISO/IEC 27001:2022 A.5.18'],
  );
  assert.match(symbols[0].detail ?? '', /\(3×\)$/);
});

test('the coverage request: Annex A of 2022, 2013 numbers counted toward the controls they became', async () => {
  const report = await server.connection.sendRequest<{ standard: string; covered: number; total: number; themes: Array<{ id: string; covered: number; controls: Array<{ id: string; citations: Array<{ mapped: boolean }> }> }> }>('normref/coverage', { edition: 'auto' });
  assert.equal(report.standard, 'ISO/IEC 27001:2022');
  assert.deepEqual([report.covered, report.total], [6, 93]);
  assert.deepEqual(report.themes.map((t) => `${t.id}:${t.covered}/${t.controls.length}`), ['5:4/37', '6:1/8', '7:0/14', '8:1/34']);
  const remote = report.themes[1].controls.find((c) => c.id === '6.7')!;
  assert.deepEqual(remote.citations.map((c) => c.mapped), [true]);
});

test('a document opened, edited and closed without saving: the next query reads the file on disk again', async () => {
  const uri = uriOf('service.md');
  const text = fs.readFileSync(path.join(FOLDER, 'service.md'), 'utf8');
  await server.open(uri, 'markdown', text);
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'Nothing cited here.\n' }] });
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const before = await server.connection.sendRequest<{ covered: number }>('normref/coverage', { edition: 'auto' });
  assert.equal(before.covered, 6, 'the document closed is still counted, as it is on disk');
  const symbols = await server.connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: '27002' });
  assert.ok(symbols.some((s) => s.containerName === 'service.md'), JSON.stringify(symbols));
});

test('a client that lists and reads its workspace is asked to, and nothing is read from disk', async () => {
  const asked: string[] = [];
  const client = await startServer({
    rootUri: pathToFileURL(FOLDER).href,
    initializationOptions: { workspaceFiles: true },
    onRequest: {
      'normref/listFiles': () => {
        asked.push('list');
        return ['memory:///a.md', 'memory:///b.md'];
      },
      'normref/readFile': (params: { uri: string }) => {
        asked.push(`read ${params.uri}`);
        return params.uri.endsWith('a.md') ? 'We follow ISO/IEC 27002:2013.' : 'Our ISMS cites ISO 27002.';
      },
    },
  });
  try {
    await indexed(client);
    const symbols = await client.connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: 'ISO/IEC 27002' });
    assert.deepEqual([...new Set(symbols.map((s) => s.location.uri))].sort(), ['memory:///a.md', 'memory:///b.md']);
    assert.deepEqual(asked, ['list', 'read memory:///a.md', 'read memory:///b.md']);
  } finally {
    await client.stop();
  }
});

test('a document over 2 MB is left out of the server\'s index, and the log says so; the others are read', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-large-'));
  try {
    fs.writeFileSync(path.join(dir, 'small.md'), 'We follow ISO/IEC 27001:2022.\n');
    fs.writeFileSync(path.join(dir, 'large.md'), 'ISO/IEC 27001:2022 A.5.15 applies.\n'.repeat(70_000));
    const s = await startServer({ rootUri: pathToFileURL(dir).href });
    try {
      await indexed(s);
      assert.ok(s.logs.some((l) => l.includes('large.md not indexed: larger than 2 MB')), s.logs.join('\n'));
      assert.ok(s.logs.some((l) => l.includes('indexed 2 policy documents')));
      const symbols = await s.connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: '27001' });
      assert.deepEqual([...new Set(symbols.map((x) => path.basename(new URL(x.location.uri).pathname)))], ['small.md']);
    } finally {
      await s.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
