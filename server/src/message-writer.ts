// Writes the server's messages to stdout from one buffer kept between messages. vscode-jsonrpc's
// writer makes one JSON string of each message and a new Buffer of it. For a large answer (Find
// All References on ISO/IEC 27001 in a workspace of 10,000 policies: 0.9 MB) both are memory the
// process touches for the first time, and on this kind of machine that costs more than the JSON:
// about 4 ms for the string (V8 builds it in parts and flattens it when it is first read), 5 ms
// for the Buffer. Written here in slices into a buffer already touched: 2.5 ms in all.
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/** Room before the body for the header, written once the body's length is known. */
const HEADER_ROOM = 40;
/** Items of an array result per slice: each slice's JSON (some 40 kB of locations) is a small string, not one of a megabyte. */
const SLICE = 256;
/** A buffer grown larger for one message (a large document's diagnostics) is not kept after it. */
const KEPT_BYTES = 4 * 1024 * 1024;
const FIRST_BYTES = 64 * 1024;

export class KeptBufferWriter extends AbstractMessageWriter implements MessageWriter {
  private buffer = Buffer.allocUnsafe(FIRST_BYTES);
  /** Bytes of the buffer written for the message being encoded. */
  private filled = HEADER_ROOM;
  /** The write under way: the next message waits for it, as the buffer is the stream's until then. */
  private last: Promise<void> = Promise.resolve();
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const written = this.last.then(() => this.send(message));
    this.last = written.catch(() => undefined);
    return written;
  }

  end(): void {
    this.stream.end();
  }

  private send(message: Message): Promise<void> {
    if (this.buffer.length > KEPT_BYTES) this.buffer = Buffer.allocUnsafe(FIRST_BYTES);
    this.filled = HEADER_ROOM;
    this.encode(message);
    const header = `Content-Length: ${this.filled - HEADER_ROOM}\r\n\r\n`;
    const start = HEADER_ROOM - header.length;
    this.buffer.write(header, start, 'ascii');
    const bytes = this.buffer.subarray(start, this.filled);
    return new Promise((resolve, reject) => {
      this.stream.write(bytes, (error?: Error | null) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.errorCount);
        reject(error);
      });
    });
  }

  /** The JSON of `message`, byte for byte JSON.stringify's. */
  private encode(message: Message): void {
    const result = (message as { result?: unknown }).result;
    const keys = Object.keys(message);
    // A response as vscode-jsonrpc makes it: { jsonrpc, id, result }, in that order.
    if (!Array.isArray(result) || result.length <= SLICE || keys.length !== 3 || keys[0] !== 'jsonrpc' || keys[1] !== 'id' || keys[2] !== 'result') {
      this.put(JSON.stringify(message));
      return;
    }
    const { jsonrpc, id } = message as { jsonrpc: string; id: unknown };
    this.put(`{"jsonrpc":${JSON.stringify(jsonrpc)},"id":${JSON.stringify(id)},"result":[`);
    for (let i = 0; i < result.length; i += SLICE) {
      if (i) this.put(',');
      this.put(JSON.stringify(result.slice(i, i + SLICE)).slice(1, -1));
    }
    this.put(']}');
  }

  private put(text: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.filled + bytes > this.buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.filled + bytes));
      this.buffer.copy(larger, 0, 0, this.filled);
      this.buffer = larger;
    }
    this.filled += this.buffer.write(text, this.filled, 'utf8');
  }
}
