// Where an offset lies in a document's structure: its paragraph, the sections whose headings hold
// it, its table, row and column. Built once per analysis from the scan's structure; every query is
// a binary search, and row cells are cut once per row, so the model's queries, which come in text
// order, cost linear time in all.
import type { Span } from '../scan/prose';
import { cellIndex, cellSpans, lineEnd, type Heading, type Structure, type Table } from '../scan/structure';

export interface Section {
  heading: Heading;
  /** From the heading to the next heading of the same or a higher level. */
  end: number;
  /** The section this one is part of. */
  parent?: Section;
}

export interface Place {
  paragraph: number;
  table?: { index: number; table: Table; column: number; row: number };
  /** The sections that hold the offset, innermost first. */
  sections: readonly Section[];
}

export class Scopes {
  readonly sections: Section[];
  private readonly headingStarts: number[];
  private row?: { start: number; end: number; cells: Span[] };
  /** sectionsAt's answers by innermost section: every offset of a section shares one (read-only) list. */
  private readonly chains: Section[][] = [];

  constructor(
    private readonly text: string,
    readonly structure: Structure,
  ) {
    this.sections = sectionsOf(structure.headings, text.length);
    this.headingStarts = structure.headings.map((h) => h.start);
  }

  /** The paragraph an offset lies in: the number of paragraph breaks before it. */
  paragraphOf(offset: number): number {
    return countBelow(this.structure.breaks, offset);
  }

  /** Whether no list item starts after `from` up to `to`: both lie in one item, or in no list. */
  inOneItem(from: number, to: number): boolean {
    const items = this.structure.items;
    return countBelow(items, from + 1) === countBelow(items, to + 1);
  }

  tableAt(offset: number): { index: number; table: Table } | undefined {
    const tables = this.structure.tables;
    let lo = 0;
    let hi = tables.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < tables[mid].start) hi = mid - 1;
      else if (offset > tables[mid].end) lo = mid + 1;
      else return { index: mid, table: tables[mid] };
    }
    return undefined;
  }

  /** The model asks for the place of a citation several times in a row (is it passing, what does it vote for). */
  private lastOffset = -1;
  private lastPlace?: Place;

  place(offset: number): Place {
    if (this.lastOffset === offset) return this.lastPlace!;
    this.lastOffset = offset;
    return (this.lastPlace = this.placeOf(offset));
  }

  private placeOf(offset: number): Place {
    const found = this.tableAt(offset);
    const place: Place = { paragraph: this.paragraphOf(offset), sections: this.sectionsAt(offset), table: undefined };
    if (!found) return place;
    const { index, table } = found;
    const row = countBelow(table.rows, offset + 1) - 1;
    // In the header row: the column of a header cell.
    place.table = { index, table, column: cellIndex(row < 0 ? table.header : this.rowCells(table.rows[row]), offset), row };
    return place;
  }

  /** The cells of the row starting at `start`, cut once for the queries in it. */
  private rowCells(start: number): Span[] {
    if (this.row?.start !== start) {
      const end = lineEnd(this.text, start);
      this.row = { start, end, cells: cellSpans(this.text, start, end) };
    }
    return this.row.cells;
  }

  /** The cells of the table row that holds `offset`, if it is in a table's body. */
  rowCellsAt(offset: number): Span[] | undefined {
    const place = this.place(offset);
    return place.table && place.table.row >= 0 ? this.row?.cells : undefined;
  }

  /** The text of a table's header cell. */
  headerText(table: Table, column: number): string {
    const cell = table.header[column];
    return cell ? this.text.slice(cell[0], cell[1]) : '';
  }

  /** The sections holding an offset, innermost first. */
  sectionsAt(offset: number): readonly Section[] {
    // The last heading before the offset opens the innermost section that holds it.
    const innermost = countBelow(this.headingStarts, offset + 1) - 1;
    if (innermost < 0) return NO_SECTIONS;
    let found = this.chains[innermost];
    if (!found) {
      found = [];
      for (let s: Section | undefined = this.sections[innermost]; s; s = s.parent) found.push(s);
      this.chains[innermost] = found;
    }
    return found;
  }
}

const NO_SECTIONS: readonly Section[] = [];

function sectionsOf(headings: readonly Heading[], length: number): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  for (const heading of headings) {
    while (open.length && open[open.length - 1].heading.level >= heading.level) open.pop()!.end = heading.start;
    const section: Section = { heading, end: length, ...(open.length ? { parent: open[open.length - 1] } : {}) };
    sections.push(section);
    open.push(section);
  }
  return sections;
}

/** How many of the sorted `values` are below `limit`. */
export function countBelow(values: readonly number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
