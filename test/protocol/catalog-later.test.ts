// The server as the web worker runs it (server/src/browser.ts): the catalog arrives after
// initialize, as the texts the web client sends. Real JSON-RPC over in-memory streams: a hover asked
// before the catalog has come is answered once it has, and the document opened meanwhile gets its
// diagnostics then.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CATALOG_FILES, catalogFromTexts, type CatalogTexts } from '../../server/src/catalog-files';
import { findPackageRoot } from '../../server/src/data-files';
import { startServer } from '../../server/src/server';
import type { CatalogSources } from '../../server/src/service';

const URI = 'file:///policies/supplier.md';
const TEXT = '# Supplier standard\n\nGuidance follows ISO/IEC 27002:2013.\n';

test('requests that come before a late catalog wait for it, and open documents are checked when it comes', async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  let deliver!: (sources: CatalogSources) => void;
  startServer(server, { loadCatalog: () => new Promise<CatalogSources>((resolve) => (deliver = resolve)), loadMessages: () => undefined }, 'test');
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const diagnostics: { uri: string; diagnostics: { code: string; message: string }[] }[] = [];
  client.onNotification('textDocument/publishDiagnostics', (params: (typeof diagnostics)[number]) => {
    diagnostics.push(params);
  });
  client.onRequest('workspace/configuration', () => [null]);
  client.listen();
  try {
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await client.sendNotification('initialized', {});
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: TEXT } });

    let answered = false;
    const hover = client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 28 } }).then((h) => {
      answered = true;
      return h as { contents: { value: string } } | null;
    });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(answered, false, 'the hover was answered before the catalog came');
    assert.equal(diagnostics.length, 0, 'diagnostics were published before the catalog came');

    const root = findPackageRoot();
    const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
    const texts: CatalogTexts = { deliverables: read(CATALOG_FILES.deliverables), index: read(CATALOG_FILES.index), curated: read(CATALOG_FILES.curated) };
    deliver(catalogFromTexts(texts));

    const answer = await hover;
    assert.ok(answer, 'no hover');
    assert.match(answer.contents.value, /\*\*ISO\/IEC 27002:2013\*\* · Withdrawn/);
    for (let i = 0; i < 50 && diagnostics.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const published = diagnostics.find((d) => d.uri === URI);
    assert.ok(published, 'no diagnostics for the document opened before the catalog came');
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['withdrawn']);
  } finally {
    client.dispose();
    server.dispose();
    toServer.end();
    toClient.end();
  }
});
