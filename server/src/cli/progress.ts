// A progress line for long runs ("checked 1,200 files…"), on standard error and only when that is
// a terminal: redrawn in place, and cleared before anything else is written to the terminal.
const FIRST_AFTER_MS = 1000;
const EVERY_MS = 200;

export class Progress {
  private readonly started = Date.now();
  private drawnAt = 0;
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  /** Called after each file; draws at most every EVERY_MS, and only once a run takes a while. */
  tick(files: number): void {
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (now - this.started < FIRST_AFTER_MS || now - this.drawnAt < EVERY_MS) return;
    this.drawnAt = now;
    this.shown = true;
    this.stream.write(`\r\x1b[Kchecked ${files.toLocaleString('en')} files…`);
  }

  clear(): void {
    if (!this.shown) return;
    this.shown = false;
    this.stream.write('\r\x1b[K');
  }
}
