// A text cut at blank lines into blocks, the unit the incremental scan reads and keeps. No
// reference, table or paragraph spans a blank line, so a block reads alone as it does in the
// whole text, given what the text before it cites (context.ts). A blank line inside a code
// block, comment or front matter does not cut: those spans stay whole inside one block.
//
// A block is several paragraphs: scanning one has a cost of its own beyond its characters, and a
// block of a few kilobytes costs a fraction of a millisecond to read again. Where a block ends
// depends only on the paragraph before the cut, so an edit moves no cut but its own paragraph's
// and the blocks elsewhere stay the texts they were.
//
// After an edit, the cuts before it are the earlier text's, and so are those after it once a cut
// falls where the earlier text had one and the spans after it are the same: from a cut on, the
// rest of the text is read as it was.
import type { Span } from './prose';
import type { TextEdit } from './text-diff';

export interface Blocks {
  /** [from, to): from the start of a block's first line to the end of its last, in text order. */
  blocks: Span[];
  /** The start of every blank line between and around the blocks, in order. */
  blankLines: number[];
}

/** About one paragraph in this many ends a block (the default: tests cut more often). */
export const CUT_ODDS = 16;
/** A block longer than this ends at its next blank line whatever its paragraph. */
const MAX_BLOCK = 32 * 1024;

const SPACE = 32;
const TAB = 9;
const CR = 13;

/** The blocks of the text before an edit, its spans, and the edit. */
export interface EarlierBlocks {
  blocks: Blocks;
  spans: readonly Span[];
  edit: TextEdit;
}

/**
 * The blocks of a text (line ends as line feeds) and the blank lines between them. A blank line
 * is one the scanner's paragraph breaks see as blank: spaces and tabs, then the line end.
 */
export function splitBlocks(text: string, spans: readonly Span[], cutOdds = CUT_ODDS, earlier?: EarlierBlocks): Blocks {
  const blocks: Span[] = [];
  const blankLines: number[] = [];
  const inSpan = new SpanEnds(spans);
  const resume = earlier && resumeAfter(text, spans, earlier, blocks, blankLines);
  /** The block being read, the paragraph being read in it, and the end of its last line. */
  let from = -1;
  let paragraph = -1;
  let to = -1;
  /**
   * Blank lines after the block's last paragraph: inside it if another paragraph follows, else
   * after it. Counted rather than emptied, which would make a new array for every paragraph.
   */
  const trailing: number[] = [];
  let trailingCount = 0;
  for (let start = resume?.start ?? 0; start < text.length; ) {
    const end = lineEnd(text, start);
    if (isBlank(text, start, end) && !inSpan.holds(start)) {
      if (paragraph >= 0 && (endsBlock(text, paragraph, to, cutOdds) || to - from >= MAX_BLOCK)) {
        blocks.push([from, to]);
        from = -1;
        if (resume && start >= resume.after && resume.takeRest(start)) return { blocks, blankLines };
      }
      paragraph = -1;
      if (from < 0) blankLines.push(start);
      else trailing[trailingCount++] = start;
    } else {
      if (from < 0) from = start;
      if (paragraph < 0) paragraph = start;
      to = end;
      trailingCount = 0;
    }
    start = end + 1;
  }
  if (from >= 0) blocks.push([from, to]);
  for (let i = 0; i < trailingCount; i++) blankLines.push(trailing[i]);
  return { blocks, blankLines };
}

/**
 * Where to read from after an edit: the blank line after the last earlier block that ends, with
 * that line, before the edit (and before any span that reaches the edit, which the edit may
 * change), the blocks and blank lines before it added to `blocks` and `blankLines`. `takeRest`,
 * at a cut after the edit, adds the earlier text's blocks and blank lines after it if the earlier
 * text was cut there too with the same spans after it, and says whether it did.
 */
function resumeAfter(text: string, spans: readonly Span[], { blocks: before, spans: spansBefore, edit }: EarlierBlocks, blocks: Span[], blankLines: number[]) {
  const delta = text.length - edit.lengthBefore;
  // Spans that start before the edit are the earlier text's until they reach it, and then may end elsewhere.
  const limit = Math.min(edit.prefix, firstReaching(spans, edit.prefix));
  // Not the last block: it may have ended with the text rather than at a cut.
  let k = before.blocks.length - 2;
  while (k >= 0 && lineEnd(text, before.blocks[k][1] + 1) >= limit) k--;
  const start = k >= 0 ? before.blocks[k][1] + 1 : 0;
  for (let i = 0; i <= k; i++) blocks.push(before.blocks[i]);
  for (const b of before.blankLines) {
    if (b >= start) break;
    blankLines.push(b);
  }
  return {
    start,
    after: text.length - edit.suffix,
    takeRest(cut: number): boolean {
      const was = cut - delta;
      const next = firstEndingFrom(before.blocks, was);
      if (next === 0 || before.blocks[next - 1][1] !== was - 1 || !sameSpansFrom(spans, cut, spansBefore, was, delta)) return false;
      blankLines.push(cut);
      for (let i = next; i < before.blocks.length; i++) blocks.push([before.blocks[i][0] + delta, before.blocks[i][1] + delta]);
      for (const b of before.blankLines) if (b > was) blankLines.push(b + delta);
      return true;
    },
  };
}

/** The start of the first span that ends at or after `offset`, or infinity. */
function firstReaching(spans: readonly Span[], offset: number): number {
  const i = firstEndingFrom(spans, offset);
  return i < spans.length ? spans[i][0] : Infinity;
}

/** The index of the first of the sorted spans that ends at or after `offset`. */
function firstEndingFrom(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid][1] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the spans ending at or after `at` are those ending at or after `was` in the earlier text, moved by `delta`. */
function sameSpansFrom(spans: readonly Span[], at: number, earlier: readonly Span[], was: number, delta: number): boolean {
  let i = firstEndingFrom(spans, at);
  let j = firstEndingFrom(earlier, was);
  if (spans.length - i !== earlier.length - j) return false;
  for (; i < spans.length; i++, j++) if (spans[i][0] !== earlier[j][0] + delta || spans[i][1] !== earlier[j][1] + delta) return false;
  return true;
}

function lineEnd(text: string, from: number): number {
  const eol = text.indexOf('\n', from);
  return eol < 0 ? text.length : eol;
}

/** Whether the paragraph [from, to) ends its block: a property of its own text only. */
function endsBlock(text: string, from: number, to: number, cutOdds: number): boolean {
  return ((to - from) * 31 + text.charCodeAt(to - 1)) % cutOdds === 0;
}

function isBlank(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  return i === end || (i === end - 1 && text.charCodeAt(i) === CR);
}

/** Sorted, non-overlapping spans queried with offsets that never decrease. */
class SpanEnds {
  private next = 0;
  constructor(private readonly spans: readonly Span[]) {}
  /**
   * Whether a line starting at `offset` belongs to a span: inside it, or starting where it ends
   * (front matter ends after its closing line's break, and the structure reads the line after it
   * as the span's last).
   */
  holds(offset: number): boolean {
    while (this.next < this.spans.length && this.spans[this.next][1] < offset) this.next++;
    const span = this.spans[this.next];
    return !!span && span[0] <= offset;
  }
}
