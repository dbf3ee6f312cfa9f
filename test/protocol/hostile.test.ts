// The bundled server over stdio against clients that misbehave: repeated version numbers, link
// templates that are not web addresses, broken framing, requests after shutdown, and a 20 MB policy.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { serverPath, startServer } from '../support/lsp-client';

interface Link {
  target: string;
}

test('a didChange that repeats the version number is not ignored: links follow the new text', async () => {
  const server = await startServer();
  try {
    const uri = 'file:///policies/versions.md';
    await server.open(uri, 'markdown', 'ISO 9001 and ISO 14001', 5);
    const before = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as Link[];
    assert.equal(before.length, 2);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: 'COBIT 2019' }] });
    const after = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as Link[];
    assert.deepEqual(after.map((l) => l.target), ['https://www.isaca.org/resources/cobit']);
  } finally {
    await server.stop();
  }
});

test('a link template that is not an http(s) address is not used, with one warning in the log', async () => {
  const template = 'command:workbench.action.terminal.new?{reference}';
  const server = await startServer({ settings: { links: { template } } });
  try {
    const uri = 'file:///policies/template.md';
    await server.open(uri, 'markdown', 'See ISO/IEC 27001:2022.');
    const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as Link[];
    assert.deepEqual(links.map((l) => l.target), ['https://www.iso.org/standard/82875.html']);
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 6 } })) as { contents: { value: string } };
    assert.doesNotMatch(hover.contents.value, /command:/);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await new Promise((r) => setTimeout(r, 200));
    const warnings = server.logs.filter((l) => l.includes('normref.links.template'));
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /is not used, as it must start with https:\/\/ or http:\/\/ and a host name; links go to iso\.org/);
  } finally {
    await server.stop();
  }
});

test('a request after shutdown is an InvalidRequest error', async () => {
  const server = await startServer();
  try {
    await server.connection.sendRequest('shutdown');
    await assert.rejects(
      server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } }),
      (error: { code: number }) => error.code === -32600,
    );
  } finally {
    await server.stop();
  }
});

test('a request before initialize is a ServerNotInitialized error, and initialize then works', async () => {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest(() => null);
  connection.listen();
  try {
    const hover = { textDocument: { uri: 'file:///early.md' }, position: { line: 0, character: 3 } };
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///early.md', languageId: 'markdown', version: 1, text: 'ISO/IEC 27002:2013' } });
    for (const [method, params] of [['textDocument/hover', hover], ['textDocument/documentLink', { textDocument: hover.textDocument }], ['workspace/symbol', { query: '27001' }], ['normref/coverage', {}]] as const) {
      await assert.rejects(connection.sendRequest(method, params), (error: { code: number }) => error.code === -32002, method);
    }
    await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///later.md', languageId: 'markdown', version: 1, text: 'ISO/IEC 27002:2013' } });
    const answer = await connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { ...hover, textDocument: { uri: 'file:///later.md' } });
    assert.match(answer?.contents.value ?? '', /27002:2013/);
  } finally {
    connection.dispose();
    child.kill();
  }
});

/** Sends raw bytes after a valid initialize; resolves with the exit code and standard error. */
function afterBadFrame(bytes: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill(), 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    child.stdout.once('data', () => child.stdin.write(bytes));
  });
}

test('broken framing ends the server at once with one line on stderr, instead of a silent stall', async () => {
  for (const header of ['Content-Length: abc', 'Content-Type: application/json', 'Content-Length: -5']) {
    const { code, stderr } = await afterBadFrame(`${header}\r\n\r\n{}`);
    assert.equal(code, 1, header);
    assert.match(stderr, /normref-language-server: malformed message framing \(.+\); exiting, as the stream is out of step/, header);
  }
});

test('a well-framed message the library cannot handle ($/cancelRequest without an id) is ignored, and the server keeps serving', async () => {
  const server = await startServer();
  try {
    for (const params of [{}, null, 5]) await server.connection.sendNotification('$/cancelRequest', params as never);
    await server.open('file:///cancel.md', 'markdown', 'We follow ISO/IEC 27002:2022.');
    const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: 'file:///cancel.md' }, position: { line: 0, character: 12 } });
    assert.match(hover?.contents.value ?? '', /27002:2022/);
  } finally {
    await server.stop();
  }
});

test('a 20 MB policy is served: hovers read the text around the cursor, and the server keeps answering', async () => {
  const server = await startServer();
  try {
    const uri = 'file:///policies/huge.md';
    const paragraph = '## Access\n\nCertified to ISO/IEC 27001:2013; see A.9.2.3 and COBIT 2019.\n\n';
    const text = paragraph.repeat(Math.ceil(20e6 / paragraph.length));
    await server.open(uri, 'markdown', text);
    const line = 2 + 4 * 100_000;
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 40 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /A\.9\.2\.3 Management of privileged access rights/);
    const links = await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links, []);
    assert.ok(server.logs.some((l) => l.includes('huge.md: larger than 2 MB')), server.logs.join('\n'));
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'ISO 9001 ' }],
    });
    const edited = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } })) as { contents: { value: string } };
    assert.match(edited.contents.value, /ISO 9001:2015/);
  } finally {
    await server.stop();
  }
});
