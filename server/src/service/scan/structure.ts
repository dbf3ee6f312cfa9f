// The block structure of a document, found in one pass over its lines: headings, tables (a header
// row, a delimiter row and the rows after it) and paragraph breaks. The scanner reads table cells
// and headings through it, and the document model takes its scopes from it: the section under a
// heading, the table and column, the paragraph. Lines in code blocks, comments and front matter
// (the block spans of prose.ts) are none of these.
import { SpanCursor, type Span } from './prose';

export interface Heading {
  /** Offsets of the heading line, and of its text without the #s. */
  start: number;
  end: number;
  textStart: number;
  level: number;
}

export interface Table {
  /** From the start of the header row to the end of the last row. */
  start: number;
  end: number;
  /** The header's cells: trimmed content offsets. */
  header: Span[];
  /** Start of each body row (rows run to the next line break). */
  rows: number[];
}

export interface Structure {
  headings: Heading[];
  tables: Table[];
  /** Offsets of the blank lines that separate paragraphs, in order. */
  breaks: number[];
  /** Starts of the lines that open a list item ("- ", "* ", "3. ", "b) "), in order: a paragraph's items. */
  items: number[];
}

const HASH = 35;
const PIPE = 124;
const COLON = 58;
const HYPHEN = 45;

export function readStructure(text: string, blocks: readonly Span[]): Structure {
  const structure: Structure = { headings: [], tables: [], breaks: [], items: [] };
  const mask = new SpanCursor(blocks);
  let previous: Span | undefined;
  for (let start = 0; start < text.length; ) {
    const skipped = mask.skip(start);
    if (skipped !== start) {
      // A code block or comment: no structure inside, and it ends a paragraph.
      structure.breaks.push(start);
      start = lineEnd(text, skipped) + 1;
      previous = undefined;
      continue;
    }
    const end = lineEnd(text, start);
    const first = firstNonBlank(text, start, end);
    if (first >= end) {
      structure.breaks.push(start);
      previous = undefined;
    } else if (text.charCodeAt(first) === HASH && first - start < 4) {
      const heading = readHeading(text, first, end);
      if (heading) structure.headings.push({ start, end, ...heading });
      previous = [start, end];
    } else if (previous && isDelimiterRow(text, start, end) && hasPipe(text, previous[0], previous[1])) {
      const table: Table = { start: previous[0], end, header: cellSpans(text, previous[0], previous[1]), rows: [] };
      let row = end + 1;
      for (; row < text.length; ) {
        const rowEnd = lineEnd(text, row);
        if (mask.skip(row) !== row || !hasPipe(text, row, rowEnd)) break;
        table.rows.push(row);
        table.end = rowEnd;
        row = rowEnd + 1;
      }
      structure.tables.push(table);
      previous = undefined;
      start = row;
      continue;
    } else {
      if (opensItem(text, first, end)) structure.items.push(start);
      previous = [start, end];
    }
    start = end + 1;
  }
  return structure;
}

/**
 * Whether a line's text (from `at`) starts with a list marker and a blank: "-", "*", "+", "1.",
 * "1)", "a)", or the number of a numbered paragraph ("3.1 ", "3.1.2. "), as plain-text policies write them.
 */
function opensItem(text: string, at: number, end: number): boolean {
  const code = text.charCodeAt(at);
  let i = at + 1;
  if (code === HYPHEN || code === STAR || code === PLUS) return i < end && isBlank(text.charCodeAt(i));
  if (isLowerLetter(code)) return text.charCodeAt(i) === CLOSING_PARENTHESIS && i + 1 < end && isBlank(text.charCodeAt(i + 1));
  if (!isDigit(code)) return false;
  let levels = 1;
  for (;;) {
    while (i < end && i - at < 12 && isDigit(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== DOT || !isDigit(text.charCodeAt(i + 1)) || levels === 5) break;
    i++;
    levels++;
  }
  const mark = text.charCodeAt(i);
  if (mark === DOT || mark === CLOSING_PARENTHESIS) i++;
  else if (levels === 1) return false;
  return i < end && isBlank(text.charCodeAt(i));
}

const STAR = 42;
const PLUS = 43;
const DOT = 46;
const CLOSING_PARENTHESIS = 41;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLowerLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

function readHeading(text: string, at: number, end: number): { textStart: number; level: number } | undefined {
  let i = at;
  while (i < end && text.charCodeAt(i) === HASH) i++;
  const level = i - at;
  if (level > 6 || (i < end && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9)) return undefined;
  return { textStart: firstNonBlank(text, i, end), level };
}

/**
 * Whether [start, end) is a table's delimiter row (| --- | :-: |): cells of three or more hyphens,
 * each with an optional colon at either end, between optional outer pipes. A loop rather than a
 * regular expression: a repeated group over a row of a million cells overflows the stack.
 */
export function isDelimiterRow(text: string, start: number, end: number): boolean {
  let i = firstNonBlank(text, start, end);
  if (text.charCodeAt(i) === PIPE) i = firstNonBlank(text, i + 1, end);
  let cells = 0;
  while (i < end) {
    if (text.charCodeAt(i) === COLON) i++;
    const dashesFrom = i;
    while (i < end && text.charCodeAt(i) === HYPHEN) i++;
    if (i - dashesFrom < 3) return false;
    if (text.charCodeAt(i) === COLON) i++;
    i = firstNonBlank(text, i, end);
    cells++;
    if (i >= end) break;
    if (text.charCodeAt(i) !== PIPE) return false;
    i = firstNonBlank(text, i + 1, end);
  }
  return cells > 0;
}

/**
 * The cells of the table row [start, end), as trimmed content offsets; the outer pipes are
 * optional, so "| a | b |" and "a | b" both have two cells.
 */
export function cellSpans(text: string, start: number, end: number): Span[] {
  const cells: Span[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== PIPE) continue;
    const contentStart = firstNonBlank(text, from, i);
    cells.push([contentStart, Math.max(contentStart, lastNonBlank(text, contentStart, i))]);
    from = i + 1;
  }
  if (cells.length > 1 && cells[0][0] === cells[0][1]) cells.shift();
  if (cells.length > 1 && cells[cells.length - 1][0] === cells[cells.length - 1][1]) cells.pop();
  return cells;
}

/** The index of the cell of `cells` (sorted, as cellSpans gives them) that holds `offset`, or -1. */
export function cellIndex(cells: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < cells[mid][0]) hi = mid - 1;
    else if (offset > cells[mid][1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function hasPipe(text: string, start: number, end: number): boolean {
  const pipe = text.indexOf('|', start);
  return pipe >= 0 && pipe < end;
}

export function lineEnd(text: string, from: number): number {
  const eol = text.indexOf('\n', from);
  return eol < 0 ? text.length : eol;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

function firstNonBlank(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** One past the last character in [from, end) that is not blank. */
function lastNonBlank(text: string, from: number, end: number): number {
  let i = end;
  while (i > from && isBlank(text.charCodeAt(i - 1))) i--;
  return i;
}
