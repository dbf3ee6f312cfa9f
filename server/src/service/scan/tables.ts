// Numbers in the columns of Statements of Applicability, crosswalks and audit checklists. A column
// header says how the numbers under it are read: "Control" or "Annex A" (ISO/IEC 27001's controls),
// "ISO/IEC 27002:2013" or "2022" (that standard or edition), "ISO 20000-1 clause" or "ISO 9001"
// (that standard's clauses), "COBIT 5 process" or "ITIL 4 practice" (the framework's ids and
// names). A column headed by a scheme normref does not read (NIST SP 800-53, SOC 2, PCI DSS) is
// not read, and a bare number in a table that is no control table is no reference.
import { documentKey } from './format';
import type { ControlVocabulary } from './names';
import { nameKey } from './names';
import { NONE, type ControlForm, type ControlReference, type FrameworkReference, type Reference, type StandardReference } from './reference';
import type { ScanContext } from './context';
import type { Span } from './prose';
import { cellSpans, lineEnd, type Structure, type Table } from './structure';
import { namesUnreadScheme } from './unread-schemes';
import { CLAUSE_WORDS, CONTROL_WORDS } from './words';

/** What a header cell says about the numbers of its column. */
interface Column {
  standard?: StandardReference;
  framework?: FrameworkReference;
  /** An ISO/IEC 27001/27002 edition named by its year alone ("2013", "Annex A (2022)"). */
  edition?: string;
  /** The header calls its numbers clauses, or controls; or says nothing of them. */
  calls?: 'clause' | 'control';
  /** The header names a scheme normref does not read: its numbers are left alone. */
  unread: boolean;
}

/** Numbers at the start of a cell, as a list or range: "A.5.15", "5.15, 5.16", "8.2 – 8.4", "9 Performance evaluation". */
const NUMBER = /(A\.?[ ]?)?([1-9]\d?(?:\.[1-9]\d?){0,3})(?![\p{L}\p{N}]|[.,]\d|\.[A-Za-z])/uy;
const SEPARATOR = /[ ]*(?:,|;|&|\/|–|—|-|to|and|bis|à|a|y|und|et)[ ]*/uy;
const YEAR = /\b(2005|2013|2022)\b/;

/**
 * Numbers and names in the columns of the tables of a text (`references`: those found so far, in
 * order), each with the standard, framework or edition its column names. `before`: what the text
 * before this one cites, when this is a block of a larger text.
 */
export function findTableControls(
  text: string,
  references: readonly Reference[],
  structure: Structure,
  vocabulary: ControlVocabulary,
  before: Pick<ScanContext, 'lastNumbered' | 'lastCmmi'> = {},
): ControlReference[] {
  const found: ControlReference[] = [];
  const cursor = new ReferenceCursor(references, before.lastNumbered, before.lastCmmi);
  for (const table of structure.tables) {
    const nearest = cursor.lastNumberedBefore(table.start, vocabulary);
    const cmmi = cursor.lastCmmi;
    const columns = columnsOf(text, table, cursor.within(table.start, lineEnd(text, table.start)), vocabulary);
    // Rows are cut into cells only for a table that may hold something: most tables do not.
    if (!cmmi && !columns.some(holdsNumbers)) continue;
    const rows = table.rows.map((row) => cellSpans(text, row, lineEnd(text, row)));
    if (cmmi) markAcronymColumns(text, columns, rows, cmmi, vocabulary);
    if (!columns.some(holdsNumbers)) continue;
    for (const cells of rows) {
      for (let i = 0; i < cells.length && i < columns.length; i++) {
        const column = columns[i];
        if (!holdsNumbers(column)) continue;
        const [start, end] = cells[i];
        if (column.framework) for (const named of namedInCell(text, start, end, column.framework, vocabulary)) found.push(named);
        else readCell(text, start, end, column, column.standard ?? nearest, found);
      }
    }
  }
  return found;
}

/**
 * A column most of whose cells are CMMI process area acronyms (REQM, PP, CM …) holds process
 * areas of the CMMI model cited last before the table, whatever its header says.
 */
function markAcronymColumns(text: string, columns: Column[], rows: Span[][], cmmi: FrameworkReference, vocabulary: ControlVocabulary): void {
  const acronyms = new Set(vocabulary.processAreas.map((p) => p.acronym));
  columns.forEach((column, i) => {
    if (holdsNumbers(column)) return;
    const cells = rows.map((cells) => cells[i]).filter((c): c is Span => !!c && c[1] > c[0]);
    const hits = cells.filter(([s, e]) => acronyms.has(text.slice(s, e))).length;
    if (hits >= 3 && hits * 2 >= cells.length) column.framework = cmmi;
  });
}

function holdsNumbers(c: Column): boolean {
  return !c.unread && !!(c.standard || c.framework || c.edition || c.calls);
}

function columnsOf(text: string, table: Table, inHeader: readonly Reference[], vocabulary: ControlVocabulary): Column[] {
  let next = 0;
  return table.header.map(([start, end]) => {
    while (next < inHeader.length && inHeader[next].start < start) next++;
    let standard: StandardReference | undefined;
    let framework: FrameworkReference | undefined;
    for (let i = next; i < inHeader.length && inHeader[i].start < end; i++) {
      const r = inHeader[i];
      if (!standard && r.kind === 'standard' && vocabulary.numberedStandards?.has(documentKey(r.id.number, r.id.parts))) standard = r;
      if (!framework && r.kind === 'framework') framework = r;
    }
    const header = text.slice(start, end);
    // "27001:2013 clause": a standard's number alone heads many crosswalk columns.
    standard ??= numberAlone(text, start, header, vocabulary);
    const column: Column = { unread: !standard && !framework && namesUnreadScheme(header, vocabulary) };
    if (standard) column.standard = standard;
    if (framework) column.framework = framework;
    const year = standard ? undefined : YEAR.exec(header)?.[1];
    if (year) column.edition = year;
    const calls = CLAUSE_WORDS.test(header) ? 'clause' : CONTROL_WORDS.test(header) ? 'control' : undefined;
    if (calls) column.calls = calls;
    return column;
  });
}

const NUMBER_ALONE = /(?<![\p{L}\p{N}/.-])(\d{4,5}(?:-\d{1,2})?)(?::(\d{4}))?(?![\p{L}\p{N}])/u;

/** A standard named by its number alone in a header cell, if normref has its numbering. */
function numberAlone(text: string, start: number, header: string, vocabulary: ControlVocabulary): StandardReference | undefined {
  const m = NUMBER_ALONE.exec(header);
  if (!m || !vocabulary.numberedStandards?.has(m[1])) return undefined;
  const [number, ...parts] = m[1].split('-');
  const at = start + m.index;
  return { kind: 'standard', start: at, end: at + m[0].length, text: m[0], id: { publishers: NONE, number, parts: parts.length ? parts : NONE, ...(m[2] ? { year: Number(m[2]) } : {}), supplements: NONE } };
}

/** The numbers a cell starts with, as references of its column. */
function readCell(text: string, start: number, end: number, column: Column, context: StandardReference | undefined, found: ControlReference[]): void {
  // A bare number needs a column that names what it is in (a standard, or Annex A and its
  // edition), or a standard cited before the table.
  if (!column.standard && !context && !(column.calls === 'control' && column.edition)) return;
  let pos = start;
  for (let count = 0; pos < end; count++) {
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m || m.index + m[0].length > end) return;
    const annexA = m[1] !== undefined;
    const number = m[2];
    // One level (9, A.5) is a clause or a theme: only where the column or the "A." says so.
    if (number.includes('.') || annexA || column.calls === 'clause') {
      // A column headed by a standard alone holds its controls first (a Statement of Applicability);
      // one that says "clause" its clauses.
      const form: ControlForm = annexA ? 'annex-a' : column.calls === 'clause' ? 'clause' : 'control';
      found.push({
        kind: 'control',
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        id: { form, number, ...(context ? { context } : {}), ...(column.edition ? { edition: column.edition } : {})},
      });
    }
    pos = m.index + m[0].length;
    SEPARATOR.lastIndex = pos;
    const separator = SEPARATOR.exec(text);
    // Only a list goes on: a title after the first number ends the cell's numbers.
    if (!separator || count > 64) return;
    pos += separator[0].length;
  }
}

/** Between several names in one cell: "Incident management; Problem management". */
const NAMES_SEPARATOR = /\s*[,;/+]\s*/u;

/** ITIL practices or CMMI process areas named in a cell of a column headed by (or full of) their framework. */
function namedInCell(text: string, start: number, end: number, framework: FrameworkReference, vocabulary: ControlVocabulary): ControlReference[] {
  const found: ControlReference[] = [];
  let from = start;
  for (const part of text.slice(start, end).split(NAMES_SEPARATOR)) {
    const written = part.replace(/\*\*|__/g, '').trim();
    const at = written ? text.indexOf(written, from) : -1;
    if (at < 0) continue;
    from = at + written.length;
    const key = nameKey(written);
    let number: string | undefined;
    let form: ControlForm | undefined;
    if (framework.id.framework === 'itil') {
      number = vocabulary.practices.find((p) => nameKey(p) === key) ?? vocabulary.practiceAliases?.get(key);
      form = 'itil';
    } else if (framework.id.framework.startsWith('cmmi')) {
      number = vocabulary.processAreas.find((p) => p.acronym === written || nameKey(p.name) === key)?.acronym;
      form = 'cmmi';
    }
    if (number && form) found.push({ kind: 'control', start: at, end: at + written.length, text: written, id: { form, number, context: framework } });
  }
  return found;
}

/** Walks references in order, for queries whose offsets never decrease. */
class ReferenceCursor {
  private next = 0;

  constructor(
    private readonly references: readonly Reference[],
    private lastNumbered: StandardReference | undefined,
    /** The last CMMI framework reference passed. */
    public lastCmmi: FrameworkReference | undefined,
  ) {}

  /** The nearest standard with a numbering normref has (27001, 20000-1 …) that starts before `offset`. */
  lastNumberedBefore(offset: number, vocabulary: ControlVocabulary): StandardReference | undefined {
    while (this.next < this.references.length && this.references[this.next].start < offset) {
      const r = this.references[this.next++];
      if (r.kind === 'standard' && vocabulary.numberedStandards?.has(documentKey(r.id.number, r.id.parts))) this.lastNumbered = r;
      if (r.kind === 'framework' && r.id.framework.startsWith('cmmi')) this.lastCmmi = r;
    }
    return this.lastNumbered;
  }

  /** The references inside [start, end), from the cursor on (call lastNumberedBefore(start) first). */
  within(start: number, end: number): Reference[] {
    const found: Reference[] = [];
    for (let i = this.next; i < this.references.length && this.references[i].start < end; i++) {
      if (this.references[i].start >= start) found.push(this.references[i]);
    }
    return found;
  }
}
