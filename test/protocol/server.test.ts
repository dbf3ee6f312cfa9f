// The bundled server over stdio, through real JSON-RPC: hover, completion, links, settings, and
// bad input that must not stop it.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { positionOf, startServer, type TestServer } from '../support/lsp-client';

const POLICY = `# Access policy

Controls follow ISO/IEC 27002:2022 and the ISMS is certified to ISO 27001.
Older contracts cite ISO/IEC 27001:2013. Governance: COBIT 2019.
\`ISO 9001\` in code is not a reference.
`;
const URI = 'file:///policies/access.md';

let server: TestServer;
before(async () => {
  server = await startServer();
  await server.open(URI, 'markdown', POLICY);
});
after(async () => server.stop());

interface Hover {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

test('hover on a dated reference shows the edition, its title, status and iso.org link', async () => {
  const hover = (await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: URI },
    position: positionOf(POLICY, 'ISO/IEC 27002:2022', 3),
  })) as Hover;
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /\*\*ISO\/IEC 27002:2022\*\* · Published · 2022-02/);
  assert.match(hover.contents.value, /Information security, cybersecurity and privacy protection - Information security controls/);
  assert.match(hover.contents.value, /https:\/\/www\.iso\.org\/standard\/75652\.html/);
  assert.deepEqual(hover.range, { start: positionOf(POLICY, 'ISO/IEC 27002:2022'), end: positionOf(POLICY, 'ISO/IEC 27002:2022', 18) });
});

test('hover on a short undated form names the ISO/IEC document and its current edition', async () => {
  const hover = (await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: URI },
    position: positionOf(POLICY, 'ISO 27001', 5),
  })) as Hover;
  assert.match(hover.contents.value, /\*\*ISO\/IEC 27001:2022\*\*/);
  assert.match(hover.contents.value, /No year given: this is the latest edition, in force/);
});

test('hover on a withdrawn edition says what replaced it', async () => {
  const hover = (await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: URI },
    position: positionOf(POLICY, 'ISO/IEC 27001:2013', 2),
  })) as Hover;
  assert.match(hover.contents.value, /Withdrawn/);
  assert.match(hover.contents.value, /Replaced by: \[ISO\/IEC 27001:2022\]\(https:\/\/www\.iso\.org\/standard\/82875\.html\)/);
});

test('no hover inside inline code or on plain prose', async () => {
  for (const needle of ['ISO 9001', 'Access policy']) {
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(POLICY, needle, 2) });
    assert.equal(hover, null, needle);
  }
});

test('completion after "ISO/IEC 2700" offers 27002 with its title, and resolves its documentation', async () => {
  const uri = 'file:///policies/draft.md';
  const text = 'We apply ISO/IEC 2700';
  await server.open(uri, 'markdown', text);
  const list = (await server.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line: 0, character: text.length },
  })) as { items: Array<{ label: string; labelDetails?: { description?: string }; sortText?: string; data?: unknown }> };
  const item = list.items.find((i) => i.label === '27002');
  assert.ok(item, `27002 offered among ${list.items.map((i) => i.label).join(', ')}`);
  assert.equal(item.labelDetails?.description, 'Information security controls');
  const first = [...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))[0];
  assert.match(first.label, /^2700\d$/, 'a current 27000-family standard ranks first');
  const resolved = (await server.connection.sendRequest('completionItem/resolve', item)) as { documentation?: { value: string } };
  assert.match(resolved.documentation!.value, /ISO\/IEC 27002:2022/);
});

test('completion after a framework name offers its versions', async () => {
  const uri = 'file:///policies/frameworks.md';
  const text = 'Aligned with COBIT ';
  await server.open(uri, 'markdown', text);
  const list = (await server.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line: 0, character: text.length },
  })) as { items: Array<{ label: string }> };
  assert.deepEqual(list.items.map((i) => i.label).sort(), ['2019', '4.1', '5']);
});

test('document links target the edition page on iso.org', async () => {
  const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: URI } })) as Array<{
    range: Hover['range'];
    target: string;
  }>;
  const link = links.find((l) => l.range.start.line === 2 && l.target.endsWith('/75652.html'));
  assert.ok(link, JSON.stringify(links));
  assert.deepEqual(link.range.start, positionOf(POLICY, 'ISO/IEC 27002:2022'));
  assert.ok(!links.some((l) => l.range.start.line === 4), 'no link inside inline code');
});

test('normref.links.template points links at the organisation’s own library', async () => {
  const custom = await startServer({ settings: { links: { template: 'https://standards.example.com/view?ref={reference}&id={isoId}' } } });
  try {
    await custom.open(URI, 'markdown', POLICY);
    await new Promise((r) => setTimeout(r, 200));
    const links = (await custom.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: URI } })) as Array<{ target: string }>;
    assert.ok(links.some((l) => l.target === 'https://standards.example.com/view?ref=ISO%2FIEC%2027002%3A2022&id=75652'), JSON.stringify(links));
  } finally {
    await custom.stop();
  }
});

test('binary, huge and malformed documents do not stop the server', async () => {
  await server.open('file:///bad/binary.txt', 'plaintext', 'ISO 27001\u0000\u0001\u0002'.repeat(1000));
  await server.open('file:///bad/line.txt', 'plaintext', `${'ISO 27001 and '.repeat(80_000)}`);
  await server.open('file:///bad/surrogates.txt', 'plaintext', 'ISO/IEC 27001\ud800 \udc00 ISO 9001');
  const hover = (await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: 'file:///bad/surrogates.txt' },
    position: { line: 0, character: 2 },
  })) as Hover;
  assert.match(hover.contents.value, /ISO\/IEC 27001:2022/);
  const binary = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///bad/binary.txt' }, position: { line: 0, character: 2 } });
  assert.equal(binary, null);
  const after = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(POLICY, 'COBIT 2019', 1) })) as Hover;
  assert.match(after.contents.value, /COBIT 2019/);
  assert.equal(server.process.exitCode, null, 'server still running');
});
