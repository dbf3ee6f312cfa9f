// The bundled server in the client's display language: VS Code sends `locale` in initialize, and
// the server answers in it, from the bundles in l10n/ next to dist/.
import test from 'node:test';
import assert from 'node:assert/strict';
import { positionOf, startServer } from '../support/lsp-client';
import { DiagnosticsInbox } from '../support/diagnostics-inbox';

const POLICY = '# Politique\n\nLe SMSI suit ISO/IEC 27001:2022 et ISO/IEC 27002:2013.\n';
const URI = 'file:///politiques/acces.md';

test('with locale fr, the hover is in French with ISO\'s French title', async () => {
  const server = await startServer({ locale: 'fr' });
  try {
    await server.open(URI, 'markdown', POLICY);
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(POLICY, 'ISO/IEC 27001:2022', 3) })) as { contents: { value: string } };
    assert.match(hover.contents.value, /· Publiée · 2022-10/);
    assert.match(hover.contents.value, /Sécurité de l'information, cybersécurité et protection de la vie privée/);
  } finally {
    await server.stop();
  }
});

test('with locale de, the withdrawn warning is in German', async () => {
  const server = await startServer({ locale: 'de' });
  const inbox = new DiagnosticsInbox(server.connection);
  try {
    await server.open(URI, 'markdown', POLICY);
    const { diagnostics } = await inbox.next(URI, { version: 1 });
    assert.deepEqual(diagnostics.map((d) => d.message), ['ISO/IEC 27002:2013 ist zurückgezogen: ersetzt durch ISO/IEC 27002:2022 (2022-02).']);
  } finally {
    await server.stop();
  }
});
