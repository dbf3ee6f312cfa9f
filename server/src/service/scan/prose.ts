// Tells the scanner which parts of a document are prose. In Markdown, code (fenced, indented,
// inline), link destinations, autolinks, HTML comments and front matter are not: a standard named
// there is an address or an example, not a citation. URLs are skipped in every language.
//
// Block structure is found in one pass over line starts; inline spans are worked out for a line
// only when an anchor falls on it, so the cost stays linear and is paid only where it matters.
import { findCodeBlocks, type EarlierCodeBlocks } from './code-blocks';
import { SpanCursor, type Span } from './spans';

export interface ProseMask {
  /** `offset` if it lies in prose, else the offset where the non-prose span that holds it ends. */
  skip(offset: number): number;
}

export { spanHolding, SpanCursor, type Span } from './spans';

const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:/;
const INLINE = /(`+)|\]\(|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|https?:\/\/[^\s<>()\]]+|www\.[^\s<>()\]]+/g;
const URL_ONLY = /https?:\/\/[^\s<>()\]]+|www\.[^\s<>()\]]+/g;

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

/**
 * Front matter and fenced and indented code: the blocks whose text is not the author's prose.
 * `earlier`: those of the text before an edit, which hold where the edit left the text alone.
 */
export function markdownCodeBlocks(text: string, earlier?: EarlierCodeBlocks): readonly Span[] {
  if (lastCodeBlocks?.text === text) return lastCodeBlocks.spans;
  const spans = findCodeBlocks(text, earlier);
  lastCodeBlocks = { text, spans };
  return spans;
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
export function markdownBlockSpans(text: string, earlier?: EarlierCodeBlocks): readonly Span[] {
  return mergeComments(text, markdownCodeBlocks(text, earlier));
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
