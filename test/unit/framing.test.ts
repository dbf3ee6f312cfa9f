// The framing check in front of the server's message reader, fed as a pipe feeds it: in chunks
// of any size, split anywhere, including inside a header or across the empty line.
import test from 'node:test';
import assert from 'node:assert/strict';
import { FramingCheck } from '../../server/src/framing';

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`;
}

/** Passes `bytes` through a check in chunks of `size`; resolves with what came out, or the error. */
function check(bytes: Buffer, size: number): Promise<{ out: Buffer; error?: Error }> {
  return new Promise((resolve) => {
    const checker = new FramingCheck();
    const out: Buffer[] = [];
    checker.on('data', (d: Buffer) => out.push(d));
    checker.on('error', (error) => resolve({ out: Buffer.concat(out), error }));
    checker.on('end', () => resolve({ out: Buffer.concat(out) }));
    for (let i = 0; i < bytes.length; i += size) checker.write(bytes.subarray(i, i + size));
    checker.end();
  });
}

test('well-framed messages pass unchanged whatever the chunking, bodies holding blank lines too', async () => {
  const stream = Buffer.from([frame('{"a":"\r\n\r\nContent-Length: x"}'), frame('{"b":"ü😀"}'), frame('')].join(''));
  for (const size of [1, 2, 3, 7, 64, stream.length]) {
    const { out, error } = await check(stream, size);
    assert.equal(error, undefined, `chunks of ${size}`);
    assert.deepEqual(out, stream);
  }
});

test('a header without a usable Content-Length stops the stream with a message naming it', async () => {
  const cases: Array<[string, RegExp]> = [
    ['Content-Length: abc\r\n\r\n{}', /Content-Length: abc/],
    ['Content-Length: -5\r\n\r\n{}', /Content-Length: -5/],
    ['Content-Type: x\r\n\r\n{}', /no Content-Length/],
    [`X-Long: ${'y'.repeat(10_000)}`, /header block longer than/],
  ];
  for (const [bad, message] of cases) {
    for (const size of [1, 5, 100_000]) {
      const { error } = await check(Buffer.from(frame('{}') + bad), size);
      assert.match(String(error?.message), message, `${bad.slice(0, 20)} in chunks of ${size}`);
    }
  }
});
