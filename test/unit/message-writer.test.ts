// The server's stdout writer: each message framed as vscode-jsonrpc frames it, its body byte for
// byte JSON.stringify's (a long array result, written in slices, included), in the order written,
// though all are written from one buffer.
import test from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Message } from 'vscode-languageserver/node';
import { KeptBufferWriter } from '../../server/src/message-writer';

function framed(message: unknown): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const locations = (n: number, uri = 'file:///p/policy.md') =>
  Array.from({ length: n }, (_, i) => ({ uri: `${uri}?${i}`, range: { start: { line: i, character: 2 }, end: { line: i, character: 9 } } }));

test('messages are written as JSON.stringify writes them, in order, from one kept buffer', async () => {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  // Copied as it comes: the writer writes the next message into the same buffer.
  stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  const writer = new KeptBufferWriter(stream);
  const messages = [
    { jsonrpc: '2.0', id: 1, result: locations(1000) },
    { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'Maßnahmen – contrôle 🔒' } },
    { jsonrpc: '2.0', id: 'a "quoted" id', result: locations(257, 'file:///p/Maßnahme%20A.md') },
    { jsonrpc: '2.0', id: 3, result: [] },
    { jsonrpc: '2.0', id: 4, result: null },
    { jsonrpc: '2.0', id: 5, error: { code: -32603, message: 'failed' } },
    { jsonrpc: '2.0', id: 6, result: [1, 'two', null, { three: 3 }, ...Array.from({ length: 300 }, (_, i) => i)] },
    // Larger than the kept buffer: written from one of its own.
    { jsonrpc: '2.0', id: 7, result: locations(40_000) },
    { jsonrpc: '2.0', id: 8, result: locations(300) },
  ];
  await Promise.all(messages.map((m) => writer.write(m as Message)));
  assert.equal(Buffer.concat(chunks).toString('utf8'), messages.map(framed).join(''));
});
