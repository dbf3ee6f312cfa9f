// Tells the scanner which parts of a document are prose. In Markdown, code (fenced, indented,
// inline), link destinations, autolinks, HTML comments and front matter are not: a standard named
// there is an address or an example, not a citation. URLs are skipped in every language.
//
// Block structure is found in one pass over line starts; inline spans are worked out for a line
// only when an anchor falls on it, so the cost stays linear and is paid only where it matters.
import { findFrontMatter } from './front-matter';

export interface ProseMask {
  /** `offset` if it lies in prose, else the offset where the non-prose span that holds it ends. */
  skip(offset: number): number;
}

export type Span = [start: number, end: number];

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})([^\n]*)$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t\r]|$)/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:/;
const INLINE = /(`+)|\]\(|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|https?:\/\/[^\s<>()\]]+|www\.[^\s<>()\]]+/g;
const URL_ONLY = /https?:\/\/[^\s<>()\]]+|www\.[^\s<>()\]]+/g;

/** Sorted, non-overlapping spans queried with offsets that never decrease. */
/** The span of sorted, non-overlapping `spans` that holds `offset`, by binary search. */
export function spanHolding(spans: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < spans[mid][0]) hi = mid - 1;
    else if (offset >= spans[mid][1]) lo = mid + 1;
    else return spans[mid];
  }
  return undefined;
}

export class SpanCursor {
  private next = 0;
  constructor(private readonly spans: readonly Span[]) {}
  skip(offset: number): number {
    while (this.next < this.spans.length && this.spans[this.next][1] <= offset) this.next++;
    const span = this.spans[this.next];
    return span && span[0] <= offset ? span[1] : offset;
  }
}

/** Inline spans of the line holding the last queried offset, recomputed when the line changes. */
class LineSpans {
  private lineStart = -1;
  private lineEnd = -1;
  private cursor = new SpanCursor([]);
  constructor(
    private readonly text: string,
    private readonly spansOf: (line: string, lineStart: number) => Span[],
  ) {}
  skip(offset: number): number {
    if (offset < this.lineStart || offset >= this.lineEnd) {
      this.lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
      const eol = this.text.indexOf('\n', offset);
      this.lineEnd = eol < 0 ? this.text.length : eol;
      this.cursor = new SpanCursor(this.spansOf(this.text.slice(this.lineStart, this.lineEnd), this.lineStart));
    }
    return this.cursor.skip(offset);
  }
}

function urlSpans(line: string, base: number): Span[] {
  const spans: Span[] = [];
  URL_ONLY.lastIndex = 0;
  for (let m = URL_ONLY.exec(line); m; m = URL_ONLY.exec(line)) spans.push([base + m.index, base + m.index + m[0].length]);
  return spans;
}

/** Code spans, link destinations, autolinks and bare URLs of one Markdown line. */
function markdownInlineSpans(line: string, base: number): Span[] {
  // Most lines have no code, link or URL at all: five native searches say so without the regex.
  if (line.indexOf('`') < 0 && line.indexOf('](') < 0 && line.indexOf('<') < 0 && line.indexOf('://') < 0 && line.indexOf('www.') < 0 && line.indexOf(']:') < 0) {
    return [];
  }
  const spans: Span[] = [];
  if (REFERENCE_DEFINITION.test(line)) {
    const colon = line.indexOf(']:');
    return [[base + colon + 2, base + line.length]];
  }
  // A link destination needs a closing bracket; past the last one, none can close.
  const lastParen = line.lastIndexOf(')');
  const runs = backtickRuns(line);
  const closer = closingRuns(runs);
  let run = 0;
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(line); m; m = INLINE.exec(line)) {
    if (m[1] !== undefined) {
      while (runs[run][0] < m.index) run++;
      const close = closer[run];
      if (close < 0) continue;
      spans.push([base + m.index, base + runs[close][0] + runs[close][1]]);
      INLINE.lastIndex = runs[close][0] + runs[close][1];
      run = close + 1;
    } else if (m[0] === '](') {
      if (m.index + 2 > lastParen) continue;
      const end = line.indexOf(')', m.index + 2);
      if (end < 0) continue;
      spans.push([base + m.index + 2, base + end]);
      INLINE.lastIndex = end + 1;
    } else {
      spans.push([base + m.index, base + m.index + m[0].length]);
    }
  }
  return spans;
}

/** [offset, length] of every run of backticks in a line. */
function backtickRuns(line: string): Span[] {
  const runs: Span[] = [];
  for (let i = line.indexOf('`'); i >= 0; i = line.indexOf('`', i)) {
    let j = i;
    while (line.charCodeAt(j) === 96) j++;
    runs.push([i, j - i]);
    i = j;
  }
  return runs;
}

/** For each run, the index of the next run of the same length (its closer), or -1: one backward pass. */
function closingRuns(runs: Span[]): number[] {
  const nextOfLength = new Map<number, number>();
  const closer = new Array<number>(runs.length);
  for (let i = runs.length - 1; i >= 0; i--) {
    closer[i] = nextOfLength.get(runs[i][1]) ?? -1;
    nextOfLength.set(runs[i][1], i);
  }
  return closer;
}

/**
 * The last text's code blocks. The scan, the document's directives and its suppression comments
 * each ask for the blocks of the same text, one after the other: one pass serves all three. The
 * spans are never changed by those who read them.
 */
let lastCodeBlocks: { text: string; spans: readonly Span[] } | undefined;

/** Front matter and fenced and indented code: the blocks whose text is not the author's prose. */
export function markdownCodeBlocks(text: string): readonly Span[] {
  if (lastCodeBlocks?.text === text) return lastCodeBlocks.spans;
  const spans = findCodeBlocks(text);
  lastCodeBlocks = { text, spans };
  return spans;
}

function findCodeBlocks(text: string): Span[] {
  const spans: Span[] = [];
  let pos = findFrontMatter(text)?.end ?? 0;
  if (pos > 0) spans.push([0, pos]);
  let previousBlank = true;
  let inList = false;
  // Line by line on character codes: most lines are prose and need no slice and no regex.
  while (pos < text.length) {
    const eol = lineEnd(text, pos);
    const indent = leadingSpaces(text, pos, eol);
    const first = text.charCodeAt(pos + indent);
    const blank = pos + indent >= eol || first === CR;
    const indented = !blank && (indent >= 4 || text.charCodeAt(pos) === TAB);
    if (!indented && (first === BACKTICK || first === TILDE)) {
      const fence = FENCE_OPEN.exec(text.slice(pos, eol).replace(/\r$/, ''));
      if (fence && !(fence[2][0] === '`' && fence[3].includes('`'))) {
        const end = fenceEnd(text, eol, fence[2]);
        spans.push([pos, end]);
        pos = end + 1;
        previousBlank = false;
        continue;
      }
    }
    if (indented && previousBlank && !inList) {
      const end = indentedCodeEnd(text, eol);
      spans.push([pos, end]);
      pos = end + 1;
      previousBlank = false;
      continue;
    }
    if (!blank) {
      if (isListMarker(first) && LIST_ITEM.test(text.slice(pos, Math.min(eol, pos + indent + 12)))) inList = true;
      else if (previousBlank && !indented) inList = false;
    }
    previousBlank = blank;
    pos = eol + 1;
  }
  return spans;
}

const TAB = 9;
const CR = 13;
const SPACE_CODE = 32;
const BACKTICK = 96;
const TILDE = 126;

function leadingSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) === SPACE_CODE) i++;
  return i - from;
}

function isListMarker(code: number): boolean {
  return code === 45 || code === 42 || code === 43 || (code >= 48 && code <= 57); // - * + digit
}

/** Where an indented code block that starts on the line ending at `eol` ends: its last indented line. */
function indentedCodeEnd(text: string, eol: number): number {
  let end = eol;
  let next = eol + 1;
  while (next < text.length) {
    const nextEol = lineEnd(text, next);
    const indent = leadingSpaces(text, next, nextEol);
    const blank = next + indent >= nextEol || text.charCodeAt(next + indent) === CR;
    if (!blank && indent < 4 && text.charCodeAt(next) !== TAB) break;
    if (!blank) end = nextEol;
    next = nextEol + 1;
  }
  return end;
}

function lineEnd(text: string, pos: number): number {
  const eol = text.indexOf('\n', pos);
  return eol < 0 ? text.length : eol;
}

/** The offset of the end of the line that closes a fence opened by `marker`, or the text's end. */
function fenceEnd(text: string, from: number, marker: string): number {
  const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*\\r?$`, 'gm');
  close.lastIndex = from;
  const m = close.exec(text);
  return m ? m.index + m[0].length : text.length;
}

/** Adds `<!-- … -->` comments that start in prose to the block spans, keeping them sorted. */
function mergeComments(text: string, blocks: readonly Span[]): readonly Span[] {
  const comments: Span[] = [];
  const cursor = new SpanCursor(blocks);
  for (let i = text.indexOf('<!--'); i >= 0; i = text.indexOf('<!--', i)) {
    const outside = cursor.skip(i);
    if (outside !== i) {
      i = outside;
      continue;
    }
    const close = text.indexOf('-->', i + 4);
    const end = close < 0 ? text.length : close + 3;
    comments.push([i, end]);
    i = end;
  }
  if (comments.length === 0) return blocks;
  return [...blocks, ...comments].sort((a, b) => a[0] - b[0]).reduce<Span[]>((merged, span) => {
    const last = merged[merged.length - 1];
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
    return merged;
  }, []);
}

/** The block-level spans of a Markdown text that are not prose: front matter, code, comments. */
export function markdownBlockSpans(text: string): readonly Span[] {
  return mergeComments(text, markdownCodeBlocks(text));
}

/**
 * Masks for one text: each pass over the text (the scan, then the passes for tables and names)
 * takes a fresh mask, since a mask's queries must not go backwards; the Markdown block structure
 * behind them is worked out once.
 */
export function proseMasks(text: string, format: 'markdown' | 'plaintext', blocks?: readonly Span[]): () => ProseMask {
  if (format !== 'markdown') return () => new LineSpans(text, urlSpans);
  const spans = blocks ?? markdownBlockSpans(text);
  return () => {
    const blocks = new SpanCursor(spans);
    const inline = new LineSpans(text, markdownInlineSpans);
    return {
      skip(offset) {
        const afterBlock = blocks.skip(offset);
        return afterBlock !== offset ? afterBlock : inline.skip(offset);
      },
    };
  };
}
