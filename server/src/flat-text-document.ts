// The server's copy of an open document in Node: the text kept in a buffer that edits change in
// place, and made a string again from it after each edit.
//
// Why not vscode-languageserver-textdocument's TextDocument: it applies an edit by joining the
// text before and after it, and V8 then copies the joined text into a new string of its own the
// first time it is read. For a 20,000-line policy that is a 1.4 MB allocation per keystroke, in
// memory the system has to map afresh (about 4 ms here, a quarter of a keystroke). A string made
// from a buffer of that size is an external string: its memory comes from malloc, which reuses the
// memory of the texts before it. Same interface and the same position arithmetic (line ends \n,
// \r\n and \r; a position past a line's end is clamped to it), checked against the library by a
// fuzz test.
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { PolicyDocument } from './service';

const LF = 10;
const CR = 13;

/** Texts of one-byte characters are kept one byte to a character, others as UTF-16 code units. */
type Encoding = 'latin1' | 'utf16le';

export class FlatTextDocument implements PolicyDocument {
  private bytes: Buffer;
  private encoding: Encoding;
  private length: number;
  /** The text as a string, made when it is first read after an edit: a burst of edits makes one, not one per edit. */
  private text: string | undefined;
  /** The offset each line starts at. */
  private lineStarts: number[];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.encoding = isOneByte(content) ? 'latin1' : 'utf16le';
    this.length = content.length;
    this.bytes = Buffer.allocUnsafeSlow(capacityFor(content.length * this.width));
    this.bytes.write(content, 0, this.encoding);
    this.text = content;
    this.lineStarts = lineStartsOf(content, 0, true);
  }

  static readonly configuration: TextDocumentsConfiguration<FlatTextDocument> = {
    create: (uri, languageId, version, content) => new FlatTextDocument(uri, languageId, version, content),
    update: (document, changes, version) => document.update(changes, version),
  };

  get lineCount(): number {
    return this.lineStarts.length;
  }

  getText(range?: Range): string {
    this.text ??= this.bytes.toString(this.encoding, 0, this.length * this.width);
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): this {
    try {
      for (const change of changes) {
        // A change without text (a broken client) changes nothing, rather than half of something.
        if (typeof change.text !== 'string') continue;
        if ('range' in change && change.range) {
          const [from, to] = [index(this.offsetAt(change.range.start)), index(this.offsetAt(change.range.end))];
          // A range given end first is the same range (as the library reads it).
          this.replace(Math.min(from, to), Math.max(from, to), change.text);
        } else {
          this.replace(0, this.length, change.text);
        }
      }
    } finally {
      // Whatever a change did, the text is the buffer's, as the line starts are.
      this.text = undefined;
      this.version = version;
    }
    return this;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const starts = this.lineStarts;
    const line = lineOf(starts, offset);
    return { line, character: this.beforeLineEnd(offset, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (position.character <= 0) return start;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.length;
    return this.beforeLineEnd(Math.min(start + position.character, next), start);
  }

  private get width(): number {
    return this.encoding === 'latin1' ? 1 : 2;
  }

  /** Replaces [start, end) with `inserted`, in the buffer and in the line starts. */
  private replace(start: number, end: number, inserted: string): void {
    if (this.encoding === 'latin1' && !isOneByte(inserted)) this.widen();
    const width = this.width;
    const length = this.length + inserted.length - (end - start);
    if (length * width > this.bytes.length) this.resize(capacityFor(length * width), this.length * width);
    this.bytes.copyWithin((start + inserted.length) * width, end * width, this.length * width);
    this.bytes.write(inserted, start * width, this.encoding);
    this.length = length;
    // Four times what the text needs is a large paste undone: the memory goes back.
    if (this.bytes.length > 4 * capacityFor(length * width)) this.resize(capacityFor(length * width), length * width);
    // A \r\n made across the edit's boundary joins two line ends into one: the starts are counted again.
    const insertedEnd = start + inserted.length;
    if ((this.codeAt(start - 1) === CR && this.codeAt(start) === LF) || (this.codeAt(insertedEnd - 1) === CR && this.codeAt(insertedEnd) === LF)) {
      this.lineStarts = lineStartsOf(this.bytes.toString(this.encoding, 0, length * width), 0, true);
      return;
    }
    // Offsets from offsetAt never fall inside a \r\n, so the lines of `start` and `end` are those before the edit.
    const starts = this.lineStarts;
    const first = lineOf(starts, start);
    const last = lineOf(starts, end);
    const added = lineStartsOf(inserted, start, false);
    if (added.length <= 16) {
      // Typing, the common case (and Enter, and a short paste): the array is changed in place.
      if (last > first) starts.splice(first + 1, last - first);
      for (let i = 0; i < added.length; i++) starts.splice(first + 1 + i, 0, added[i]);
    } else {
      this.lineStarts = starts.slice(0, first + 1).concat(added, starts.slice(last + 1));
    }
    const shift = inserted.length - (end - start);
    const shifted = this.lineStarts;
    if (shift !== 0) for (let i = first + 1 + added.length; i < shifted.length; i++) shifted[i] += shift;
  }

  /** A buffer of `capacity` bytes holding the first `kept` bytes of the one before. */
  private resize(capacity: number, kept: number): void {
    const resized = Buffer.allocUnsafeSlow(capacity);
    this.bytes.copy(resized, 0, 0, kept);
    this.bytes = resized;
  }

  private codeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return -1;
    return this.encoding === 'latin1' ? this.bytes[offset] : this.bytes.readUInt16LE(offset * 2);
  }

  private beforeLineEnd(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineEnd(this.codeAt(offset - 1))) offset--;
    return offset;
  }

  /** From one byte a character to two: the text has a character beyond U+00FF now. */
  private widen(): void {
    const text = this.bytes.toString('latin1', 0, this.length);
    this.encoding = 'utf16le';
    this.bytes = Buffer.allocUnsafeSlow(capacityFor(text.length * 2));
    this.bytes.write(text, 0, 'utf16le');
  }
}

/** An offset as String.prototype.substring reads one: NaN as 0, a fraction cut off. */
function index(offset: number): number {
  return Number.isNaN(offset) ? 0 : Math.trunc(offset);
}

function isLineEnd(code: number): boolean {
  return code === LF || code === CR;
}

/** Room for the text and an eighth more (at least 64 kB), so that typing seldom reallocates. */
function capacityFor(bytes: number): number {
  return bytes + Math.max(64 * 1024, bytes >> 3);
}

function isOneByte(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[^\u0000-\u00ff]/.test(text);
}

/** The line of an offset: the last whose start is at or before it. */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] > offset) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

/** The starts of the lines of `text` (at `offset` in the document), the first one too if `atLineStart`. */
function lineStartsOf(text: string, offset: number, atLineStart: boolean): number[] {
  const starts = atLineStart ? [offset] : [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === CR || code === LF) {
      if (code === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
      starts.push(offset + i + 1);
    }
  }
  return starts;
}
