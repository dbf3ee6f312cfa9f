// Control numbers in the columns of Statements of Applicability and crosswalk tables. In a
// column headed "Control", "Annex A", "ISO/IEC 27002:2013" or "2022", a cell holding just 5.15 or
// 9.2.3 is a control of that standard and edition, though the same bare number in prose is not.
import { controlEditionOfYear, isIsmsStandard } from './control';
import type { ProseMask } from './prose';
import type { ControlReference, Reference, StandardReference } from './reference';

/** A table cell that holds only a control number: 5.15, A.5.15, A 9.2.3. */
export const CONTROL_CELL = /^(A\.?[ ]?)?(\d{1,2}(?:\.\d{1,2}){1,2})$/;
const CONTROL_HEADER = /\b(?:controls?|annex[ ]?a|clauses?|ref(?:erence)?|id|no\.?|number)\b|#|§/i;
const EDITION_HEADER = /\b(2005|2013|2022)\b/;

type Cell = readonly [text: string, start: number];

interface Column {
  /** The standard named in the header, if any. */
  standard?: StandardReference;
  /** The edition the header names ("2013", "ISO/IEC 27002:2013"). */
  edition?: string;
}

/** Splits a table row into cells with their offsets; the outer pipes are optional. */
export function splitCells(row: string, rowStart: number): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (let i = 0; i <= row.length; i++) {
    if (i === row.length || row[i] === '|') {
      cells.push([row.slice(start, i), rowStart + start]);
      start = i + 1;
    }
  }
  // "| a | b |" has an empty cell before the first pipe and after the last.
  if (cells.length > 1 && cells[0][0].trim() === '') cells.shift();
  if (cells.length > 1 && cells[cells.length - 1][0].trim() === '') cells.pop();
  return cells;
}

/**
 * Bare control numbers in the control columns of tables, in a document that cites ISO/IEC
 * 27001/27002/17799 (`references` are the references found so far, in order).
 */
export function findTableControls(text: string, references: readonly Reference[], mask: ProseMask): ControlReference[] {
  const found: ControlReference[] = [];
  // Tables come in document order, so one cursor walks the references once for all of them.
  const cursor = new ReferenceCursor(references);
  // A delimiter row holds "---": a native search finds the candidates, the regex confirms the line.
  for (let dash = text.indexOf('---'); dash >= 0; dash = text.indexOf('---', dash + 3)) {
    const lineStart = text.lastIndexOf('\n', dash) + 1;
    const lineEnd = endOfLine(text, dash);
    if (lineStart === 0 || !isDelimiterRow(text, lineStart, lineEnd)) {
      dash = lineEnd;
      continue;
    }
    const headerStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const header = text.slice(headerStart, lineStart - 1).replace(/\r$/, '');
    dash = lineEnd;
    if (!header.includes('|') || mask.skip(headerStart) !== headerStart) continue;
    const nearest = cursor.lastIsmsBefore(headerStart);
    const inHeader = new StandardsIn(cursor.within(headerStart, headerStart + header.length));
    const columns = splitCells(header, headerStart).map(([cell, start]) => columnOf(cell, start, inHeader));
    // Only columns whose header names a standard, an edition or a control hold controls.
    const holdsControls = columns.map((c) => !!(c.standard || c.edition || CONTROL_HEADER.test(c.header)));
    if (!holdsControls.includes(true) || (!nearest && !columns.some((c) => c.standard))) continue;
    let pos = lineEnd + 1;
    for (let eol = endOfLine(text, pos); pos < text.length; pos = eol + 1, eol = endOfLine(text, pos)) {
      const row = text.slice(pos, eol);
      if (!row.includes('|')) break;
      // Only the cells of control columns are cut out of the row.
      const bounds = cellBounds(row);
      for (let i = 0; i < bounds.length - 1 && i < columns.length; i++) {
        if (!holdsControls[i]) continue;
        const cell = row.slice(bounds[i], bounds[i + 1] - 1);
        const value = cell.trim();
        const number = CONTROL_CELL.exec(value);
        if (!number) continue;
        const column = columns[i];
        const cellStart = pos + bounds[i] + cell.indexOf(value);
        const context = column.standard ?? nearest;
        found.push({
          kind: 'control',
          start: cellStart,
          end: cellStart + value.length,
          text: value,
          id: { form: number[1] ? 'annex-a' : 'control', number: number[2], ...(context ? { context } : {}), ...(column.edition ? { edition: column.edition } : {}) },
        });
      }
    }
    // The body is read once: the next table starts after it.
    dash = Math.max(dash, pos);
  }
  return found;
}

/**
 * Where each cell of a table row starts, as offsets into the row, followed by one past the end of
 * the last cell (plus one): cell i is row.slice(b[i], b[i + 1] - 1). The outer pipes are optional,
 * as in splitCells.
 */
function cellBounds(row: string): number[] {
  const bounds = [0];
  for (let i = row.indexOf('|'); i >= 0; i = row.indexOf('|', i + 1)) bounds.push(i + 1);
  bounds.push(row.length + 1);
  if (bounds.length > 2 && row.slice(0, bounds[1] - 1).trim() === '') bounds.shift();
  if (bounds.length > 2 && row.slice(bounds[bounds.length - 2]).trim() === '') bounds.pop();
  return bounds;
}

function endOfLine(text: string, pos: number): number {
  const eol = text.indexOf('\n', pos);
  return eol < 0 ? text.length : eol;
}

/**
 * A table's delimiter row (| --- | :-: |), the line [start, end): cells of three or more hyphens,
 * each with an optional colon at either end, between optional outer pipes. The line before it is
 * the header, the lines after it the body. A loop rather than a regular expression: a repeated
 * group over a row of a million cells overflows the regular expression's stack.
 */
function isDelimiterRow(text: string, start: number, end: number): boolean {
  let i = skipBlanks(text, start, end);
  if (text.charCodeAt(i) === PIPE) i = skipBlanks(text, i + 1, end);
  let cells = 0;
  while (i < end) {
    if (text.charCodeAt(i) === COLON) i++;
    const dashesFrom = i;
    while (i < end && text.charCodeAt(i) === HYPHEN) i++;
    if (i - dashesFrom < 3) return false;
    if (text.charCodeAt(i) === COLON) i++;
    i = skipBlanks(text, i, end);
    cells++;
    if (i >= end) break;
    if (text.charCodeAt(i) !== PIPE) return false;
    i = skipBlanks(text, i + 1, end);
  }
  return cells > 0;
}

const PIPE = 124;
const COLON = 58;
const HYPHEN = 45;

/** The first offset in [from, end) that is not a space, tab or carriage return, or `end`. */
function skipBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

/** The ISMS standards named in a header row, taken in order as its cells are read left to right. */
class StandardsIn {
  private next = 0;
  constructor(private readonly references: readonly Reference[]) {}

  /** The first ISO/IEC 27001/27002/17799 reference inside [start, end); calls come left to right. */
  take(start: number, end: number): StandardReference | undefined {
    while (this.next < this.references.length && this.references[this.next].start < start) this.next++;
    for (let i = this.next; i < this.references.length && this.references[i].start < end; i++) {
      const r = this.references[i];
      if (r.end <= end && isIsmsStandard(r)) return r;
    }
    return undefined;
  }
}

/** What a header cell says about its column (`inHeader`: the standards of the header row). */
function columnOf(header: string, start: number, inHeader: StandardsIn): Column & { header: string } {
  const end = start + header.length;
  const standard = inHeader.take(start, end);
  const year = standard?.id.year ?? Number(EDITION_HEADER.exec(header)?.[1] ?? NaN);
  return { header, ...(standard ? { standard } : {}), ...(Number.isNaN(year) ? {} : { edition: controlEditionOfYear(year) }) };
}


/** Walks references in order, for queries whose offsets never decrease. */
class ReferenceCursor {
  private next = 0;
  private lastIsms: StandardReference | undefined;

  constructor(private readonly references: readonly Reference[]) {}

  /** The nearest ISO/IEC 27001/27002/17799 reference that starts before `offset`. */
  lastIsmsBefore(offset: number): StandardReference | undefined {
    while (this.next < this.references.length && this.references[this.next].start < offset) {
      const r = this.references[this.next++];
      if (isIsmsStandard(r)) this.lastIsms = r;
    }
    return this.lastIsms;
  }

  /** The references inside [start, end), from the cursor on (call lastIsmsBefore(start) first). */
  within(start: number, end: number): Reference[] {
    const found: Reference[] = [];
    for (let i = this.next; i < this.references.length && this.references[i].start < end; i++) {
      if (this.references[i].start >= start) found.push(this.references[i]);
    }
    return found;
  }
}
