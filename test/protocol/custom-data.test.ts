// normref.customData over real JSON-RPC, as Neovim or Emacs would use it (the server reads the
// workspace folder from disk): a valid file's ids get hovers and join the workspace index; a
// broken file gets diagnostics at its line and column and leaves the bundled data working; a fix
// of the file on disk is read again on the file event; in Restricted Mode nothing is read.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, WorkspaceSymbol } from 'vscode-languageserver-types';
import { root, startServer } from '../support/lsp-client';
import { DiagnosticsInbox } from '../support/diagnostics-inbox';

const EXAMPLE = fs.readFileSync(path.join(root, 'test', 'fixtures', 'custom-data', 'example-corp.yaml'), 'utf8');
const POLICY = '# Access\n\nSee POL-AC-01 and ISO/IEC 27002:2013.\n';

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-custom-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const hoverText = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let last = await fn();
  for (let i = 0; i < 200 && !ok(last); i++) {
    await new Promise((r) => setTimeout(r, 25));
    last = await fn();
  }
  return last;
}

test('a valid file: its ids get hovers and are found by workspace symbols', async () => {
  const dir = workspace({ 'corp.normref.yaml': EXAMPLE, 'policy.md': POLICY });
  const server = await startServer({ rootUri: pathToFileURL(dir).href, settings: { customData: ['corp.normref.yaml'] } });
  try {
    const uri = pathToFileURL(path.join(dir, 'policy.md')).href;
    await server.open(uri, 'markdown', POLICY);
    const hover = await until(
      () => server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } }),
      (h) => hoverText(h).includes('Access control policy'),
    );
    assert.match(hoverText(hover), /Access control policy/);
    const symbols = await until(
      () => server.connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: 'POL-AC' }),
      (s) => s.length > 0,
    );
    assert.deepEqual(symbols.map((s) => s.name), ['POL-AC-01 — Access control policy']);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a broken file: a diagnostic at its place, the bundled data still works; fixed on disk, it is read again', async () => {
  const broken = EXAMPLE.replace('pattern: POL-[A-Z]{2}-\\d{2}', 'pattern: (POL-)+[A-Z]{2}');
  const dir = workspace({ 'corp.normref.yaml': broken, 'policy.md': POLICY });
  const server = await startServer({ rootUri: pathToFileURL(dir).href, settings: { customData: ['corp.normref.yaml'] } });
  const inbox = new DiagnosticsInbox(server.connection);
  try {
    const dataUri = pathToFileURL(path.join(dir, 'corp.normref.yaml')).href;
    const problems = (await inbox.next(dataUri)).diagnostics;
    assert.ok(problems.length >= 1, JSON.stringify(problems));
    assert.equal(problems[0].code, 'custom-data');
    assert.equal(problems[0].range.start.line, broken.split('\n').findIndex((l) => l.includes('(POL-)+')));
    const uri = pathToFileURL(path.join(dir, 'policy.md')).href;
    await server.open(uri, 'markdown', POLICY);
    const withdrawn = (await inbox.next(uri)).diagnostics;
    assert.ok(withdrawn.some((d) => d.code === 'withdrawn'), 'the bundled data is used');
    fs.writeFileSync(path.join(dir, 'corp.normref.yaml'), EXAMPLE);
    const since = inbox.mark();
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: dataUri, type: 2 }] });
    assert.deepEqual((await inbox.next(dataUri, { since })).diagnostics, [], 'the problems are cleared');
    const hover = await until(
      () => server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } }),
      (h) => hoverText(h).includes('Access control policy'),
    );
    assert.match(hoverText(hover), /Access control policy/);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('Restricted Mode: custom data is not read, and the user is told once', async () => {
  const dir = workspace({ 'corp.normref.yaml': EXAMPLE, 'policy.md': POLICY });
  const messages: string[] = [];
  const server = await startServer({
    rootUri: pathToFileURL(dir).href,
    settings: { customData: ['corp.normref.yaml'] },
    initializationOptions: { trusted: false },
    before: (c) => {
      c.onNotification('window/showMessage', (p: { message: string }) => {
        messages.push(p.message);
      });
      c.onRequest('window/showMessageRequest', (p: { message: string }) => {
        messages.push(p.message);
        return null;
      });
    },
  });
  try {
    const uri = pathToFileURL(path.join(dir, 'policy.md')).href;
    await server.open(uri, 'markdown', POLICY);
    const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 27 } });
    assert.match(hoverText(hover), /27002/, 'the bundled data answers');
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await new Promise((r) => setTimeout(r, 300));
    const id = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } });
    assert.equal(hoverText(id), '', 'POL-AC-01 is not known');
    assert.equal(messages.filter((m) => m.includes('Restricted Mode')).length, 1, JSON.stringify(messages));
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
