// Standard output for the CLI. A reader that stops early (`normref scan … | head -1`, EPIPE) ends
// the output normally; any other write error (a full disk, ENOSPC) is an I/O error, said in one
// line on standard error. Either way nothing more is written, and no stack trace is shown.
// Writes to a pipe are asynchronous: a command awaits `drained()` after each file, and `ready()`
// after each line of a file's output, so a slow reader holds the output back instead of Node
// queueing all of it in memory (a file's report can be many times the size of the file).
import { describeError } from './read-text';

/** Output is written in chunks of about this many characters: one system call per line is slow. */
const CHUNK = 64 * 1024;

export class Output {
  /** Set when standard output failed: 'closed' for EPIPE, else the error as the user reads it. */
  private failure?: 'closed' | string;
  private pending: string[] = [];
  private pendingLength = 0;
  /** Called before buffered text goes out: a progress line on the same terminal clears itself. */
  beforeWrite?: () => void;

  constructor(private readonly stream: NodeJS.WriteStream = process.stdout) {
    // Pipes and sockets report errors asynchronously, files synchronously: both paths end here.
    stream.on('error', (error) => this.fail(error));
  }

  write(text: string): void {
    if (this.failure) return;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= CHUNK) this.flush();
  }

  /** Bytes as they are, after what is buffered: standard input given back as it came. */
  writeBytes(bytes: Uint8Array): void {
    this.flush();
    if (this.failure) return;
    this.beforeWrite?.();
    try {
      this.stream.write(bytes);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Writes what is buffered; call before the process ends. */
  flush(): void {
    if (this.failure || this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.beforeWrite?.();
    try {
      this.stream.write(text);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Resolves when the stream has taken what was written (at once for files and terminals). */
  async drained(): Promise<void> {
    this.flush();
    if (this.failure || !this.stream.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
      this.stream.on('close', done);
    });
  }

  /** Resolves at once, unless the stream holds more than it takes at a time: then when it has taken it. */
  async ready(): Promise<void> {
    if (this.stream.writableNeedDrain) await this.drained();
  }

  /** Whether writing stopped because of an I/O error (not a reader that went away). */
  get ioError(): string | undefined {
    return this.failure === 'closed' ? undefined : this.failure;
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') {
      this.failure = 'closed';
      return;
    }
    const said = describeError(error);
    this.failure = code && said !== code ? `${said} (${code})` : said;
    process.stderr.write(`normref: cannot write the output: ${this.failure}\n`);
    process.exitCode = EXIT.io;
  }
}

/** One meaning for each exit code, in every command (the --help text says the same). */
export const EXIT = {
  ok: 0,
  /** check: a finding at or above --fail-on; lookup: not a reference, or no such deliverable. */
  findings: 1,
  /** A wrong command line or configuration file, or an input or output that could not be read or written. */
  usage: 2,
  io: 2,
  /** A bug in normref: the message asks for a report. */
  internal: 70,
} as const;
