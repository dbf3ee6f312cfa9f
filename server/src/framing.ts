// Checks the framing of the byte stream a client sends over stdio before vscode-jsonrpc reads it:
// each message is a header block ending in an empty line, with a Content-Length of digits, then
// that many bytes. The library reads the messages; this only says when the stream can no longer
// be read, which the library does not: after `Content-Length: -5` it waits forever.
import { Transform, type TransformCallback } from 'node:stream';

/** Longer header blocks are not headers: the stream is out of step. */
const MAX_HEADER_BYTES = 8 * 1024;
/** A 32 MB document, JSON-escaped, fits many times over. */
const MAX_BODY_BYTES = 1024 * 1024 * 1024;
const END_OF_HEADERS = Buffer.from('\r\n\r\n');

export class FramingCheck extends Transform {
  /** Bytes of the current header block seen so far. */
  private header = Buffer.alloc(0);
  /** Bytes of the current body still to come; while positive, bytes pass unchecked. */
  private bodyLeft = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (let i = 0; i < chunk.length; ) {
      if (this.bodyLeft > 0) {
        const taken = Math.min(this.bodyLeft, chunk.length - i);
        this.bodyLeft -= taken;
        i += taken;
        continue;
      }
      // The end of the header block may straddle chunks: search the carried bytes with this chunk's.
      const carried = this.header.length;
      const joined = carried ? Buffer.concat([this.header, chunk.subarray(i, i + MAX_HEADER_BYTES)]) : chunk.subarray(i, i + MAX_HEADER_BYTES + 4);
      const end = joined.indexOf(END_OF_HEADERS);
      if (end < 0) {
        if (joined.length > MAX_HEADER_BYTES) return done(new Error(`a header block longer than ${MAX_HEADER_BYTES} bytes`));
        this.header = Buffer.from(joined);
        break;
      }
      const problem = this.start(joined.toString('latin1', 0, end));
      if (problem) return done(new Error(problem));
      i += end + END_OF_HEADERS.length - carried;
      this.header = Buffer.alloc(0);
    }
    done(null, chunk);
  }

  /** Reads a complete header block; returns what is wrong with it, if anything. */
  private start(block: string): string | undefined {
    const length = /^content-length:[ \t]*(.*?)[ \t]*$/im.exec(block)?.[1];
    if (length === undefined) return `no Content-Length in the header ${JSON.stringify(block.slice(0, 80))}`;
    if (!/^\d{1,10}$/.test(length) || Number(length) > MAX_BODY_BYTES) return `Content-Length: ${length.slice(0, 40)}`;
    this.bodyLeft = Number(length);
    return undefined;
  }
}
