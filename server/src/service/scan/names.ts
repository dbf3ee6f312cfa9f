// References by name rather than number: control areas ("Access control" after A.9, in a heading
// or table cell of a document that cites ISO/IEC 27002), ITIL 4 practices after ITIL, and CMMI-SVC
// process areas in a document that cites CMMI. The names come from the data, handed to the
// scanner as a vocabulary, so the scanner itself stays free of the catalog.
import type { FrameworkWords } from './framework';
import type { InternalWords } from './internal';
import type { ControlAreaReference, ControlReference, FrameworkReference, Reference, StandardReference } from './reference';
import type { ScanContext } from './context';
import type { ProseMask } from './prose';
import { cellSpans, lineEnd, type Structure } from './structure';
import { lineMatches } from './lines';
import { escapeRegExp } from './alternation';

export interface ControlVocabulary {
  /** Control area names: the 2005 areas, the 2013 clauses, the 2022 themes. */
  areas: readonly string[];
  /** The numbers each area has had (by nameKey): "access control" → 11 (2005), 9 (2013). */
  areaNumbers?: ReadonlyMap<string, readonly string[]>;
  /** ITIL 4 practice names. */
  practices: readonly string[];
  /** Other names of practices (by nameKey) → the practice's name: "change control" → "Change enablement". */
  practiceAliases?: ReadonlyMap<string, string>;
  /** Names of the areas in other languages (by nameKey) → the area's name: "organisatorische maßnahmen" → "Organizational controls". */
  areaAliases?: ReadonlyMap<string, string>;
  /** CMMI process areas of every model normref has (CMMI-SVC, CMMI-DEV, CMMI-ACQ). */
  processAreas: ReadonlyArray<{ acronym: string; name: string }>;
  /** The frameworks' names and versions, from data/frameworks.yaml. */
  frameworks?: readonly FrameworkWords[];
  /** The ids of COBIT's domains (EDM, APO, BAI, DSS, MEA), the prefixes of its objectives. */
  cobitDomains?: readonly string[];
  /** Publishers other than ISO and IEC of the former names of data/former-names.yaml: BS, OHSAS, AS/NZS. */
  formerPublishers?: readonly string[];
  /** Catalog keys of the standards whose clause or control numbers normref reads ("27001", "20000-1", "9001"). */
  numberedStandards?: ReadonlySet<string>;
  /** Schemes normref does not read ("NIST", "SOC 2", "PCI DSS"): a table column they head is left alone. */
  unreadSchemes?: readonly string[];
  /** The id patterns of custom data, checked (custom/pattern.ts), in the order of their sources. */
  internal?: readonly InternalWords[];
}

const SP = '[ \\u00A0]';
/** Between words of a name: spaces, or one line break of hard-wrapped prose. */
const GAP = '(?:[ \\u00A0]*\\r?\\n[ \\u00A0]*|[ \\u00A0]+)';
/**
 * Not followed by a letter or digit. Latin letters only, so that the names' expressions need no
 * "u" flag: with it, compiling a case-insensitive alternation of a hundred names costs 25 ms.
 */
const END = '(?![A-Za-z0-9\\u00C0-\\u024F])';
const NOT_AFTER_LETTER = '(?<![A-Za-z0-9\\u00C0-\\u024F])';

/** Regular expressions built once per vocabulary. */
interface Compiled {
  areaAfter: RegExp;
  numberedArea: RegExp;
  wholeArea: RegExp;
  /** The first letters of area names, in both cases: most headings and cells start with none of them. */
  areaInitials: Set<number>;
  areaNames: Map<string, string>;
  practiceAfter: RegExp;
  nextPractice: RegExp;
  practices: Map<string, string>;
  /** A practice name at a position (a line's start, after an arrow), sticky. */
  practiceAt: RegExp;
  /** The first letters of practice names, lower case: most lines start with none of them. */
  practiceInitials: Set<string>;
  acronymAfter: RegExp;
  processAreaNames: RegExp;
  processAreas: Map<string, string>;
}

const compiledCache = new WeakMap<ControlVocabulary, Compiled>();

function alternation(names: readonly string[]): string {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map((n) =>
      n
        .split(/\s+/)
        // "Organizational" is "Organisational" in British English: both spellings are read.
        .map((word) => (word === 'and' ? '(?:and|&)' : escapeRegExp(word).replace(/iz/g, 'i[sz]')))
        .join(GAP),
    )
    .join('|');
}

/** Lower case with spaces and "&" normalised, for looking a written name up in the data. */
export function nameKey(written: string): string {
  return written.toLowerCase().replace(/\s+&\s+/g, ' and ').replace(/\s+/g, ' ').replace(/is(?=ation)/g, 'iz').trim();
}

function compile(v: ControlVocabulary): Compiled {
  const cached = compiledCache.get(v);
  if (cached) return cached;
  const areaList = [...v.areas, ...(v.areaAliases ? [...v.areaAliases.keys()] : [])];
  const areas = alternation(areaList) || '(?!)';
  const practices = alternation([...v.practices, ...(v.practiceAliases ? [...v.practiceAliases.keys()] : [])]) || '(?!)';
  const compiled: Compiled = {
    areaAfter: new RegExp(`${GAP}(${areas})${END}`, 'iy'),
    numberedArea: new RegExp(`(?:Annex${SP}+A|A|[Cc]lause)(?:\\.|${SP})?${SP}*(\\d{1,2})\\.?${GAP}(${areas})${END}`, 'iy'),
    // "5. Organizational controls", "A.15.x Supplier relationships", "Organizational controls (A.5)",
    // "Organisational controls (5.x): 37 controls", "1. Information security policies (2 controls)".
    wholeArea: new RegExp(
      `^(?:(?:A\\.?)?(\\d{1,2})(?:\\.x)?\\.?${SP}+)?(${areas})${SP}*(?:\\((?:A\\.?)?(\\d{1,2})(?:\\.x)?\\))?${SP}*(?::?${SP}*\\(?\\d{1,3}${SP}+controls?\\)?(?:[,;][^\\n]*)?)?[ \\t:]*$`,
      'i',
    ),
    areaInitials: new Set(areaList.flatMap((n) => [n.toLowerCase().charCodeAt(0), n.toUpperCase().charCodeAt(0)])),
    areaNames: new Map([...v.areas.map((n) => [nameKey(n), n] as const), ...(v.areaAliases ?? new Map<string, string>())]),
    // "ITIL 4 incident management", "ITIL 4 practices: incident management, …", "the ITIL practice of …".
    practiceAfter: new RegExp(`${GAP}(?:(?:management${GAP})?practices?(?:${GAP}of)?:?${GAP})?(?:the${GAP})?(${practices})${END}`, 'iy'),
    nextPractice: new RegExp(`(?:${SP}*,${SP}*(?:and${SP}+|or${SP}+)?|${SP}+(?:and|or)${SP}+)(?:the${SP}+)?(${practices})${END}`, 'iy'),
    practiceAt: new RegExp(`(${practices})${END}`, 'iy'),
    practiceInitials: new Set([...v.practices, ...(v.practiceAliases ? [...v.practiceAliases.keys()] : [])].map((n) => n[0].toLowerCase())),
    practices: new Map([...v.practices.map((n) => [nameKey(n), n] as const), ...(v.practiceAliases ?? new Map<string, string>())]),
    acronymAfter: new RegExp(`${SP}+(${v.processAreas.map((p) => p.acronym).join('|') || '(?!)'})${END}`, 'y'),
    processAreaNames: new RegExp(`${NOT_AFTER_LETTER}(${alternation(v.processAreas.map((p) => p.name)) || '(?!)'})${END}`, 'g'),
    processAreas: new Map(v.processAreas.map((p) => [nameKey(p.name), p.acronym])),
  };
  compiledCache.set(v, compiled);
  return compiled;
}

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function area(text: string, start: number, end: number, name: string, number?: string, context?: StandardReference): ControlAreaReference {
  return { kind: 'control-area', start, end, text: text.slice(start, end), id: { name, ...(number ? { number } : {}), ...(context ? { context } : {}) } };
}

/** "A.9 Access control", "Annex A 9 Access control", "clause 11 Access control". */
export function readNumberedArea(text: string, anchor: number, v: ControlVocabulary, context?: StandardReference): ControlAreaReference | undefined {
  if (anchor > 0 && /[\p{L}\p{N}]/u.test(text[anchor - 1])) return undefined;
  const c = compile(v);
  const m = at(c.numberedArea, text, anchor);
  if (!m || !numberFits(v, m[2], m[1])) return undefined;
  return area(text, anchor, anchor + m[0].length, c.areaNames.get(nameKey(m[2])) ?? m[2], m[1], context);
}

/** "ISO/IEC 27002 Access Control": an area name right after the standard. */
export function readAreaAfter(text: string, standard: StandardReference, v: ControlVocabulary): ControlAreaReference | undefined {
  const c = compile(v);
  const m = at(c.areaAfter, text, standard.end);
  if (!m) return undefined;
  const end = standard.end + m[0].length;
  return area(text, end - m[1].length, end, c.areaNames.get(nameKey(m[1])) ?? m[1], undefined, standard);
}

/** "ITIL 4 incident management", "the ITIL change enablement practice". */
export function readPractices(text: string, itil: FrameworkReference, v: ControlVocabulary): ControlReference[] {
  const c = compile(v);
  const found: ControlReference[] = [];
  // The first name right after ITIL, then each name of a list that continues it.
  for (let m = at(c.practiceAfter, text, itil.end), from = itil.end; m; from = found[found.length - 1].end, m = at(c.nextPractice, text, from)) {
    const end = from + m[0].length;
    const start = end - m[1].length;
    found.push({ kind: 'control', start, end, text: m[1], id: { form: 'itil', number: c.practices.get(nameKey(m[1])) ?? m[1], context: itil } });
  }
  return found;
}

/** The start of a line's content: indentation, a list marker or a number like "1.2", then the words. */
const LINE_LEAD = /[ \t]*(?:(?:[-*+•]|\d{1,2}(?:\.\d{1,2})*[.)]?)[ \t]+)?/y;
/** A list item, a numbered line or a heading: where a line's first words may be a practice's name. */
const MARKED_LINE = /[ \t]*(?:[-*+•#]|\d)/y;
/** Between practice names on one line: "Change Management -> Change enablement", "a, b and c". */
const NAME_SEPARATOR = /[ \t]*(?:->|→|=>|,|;|\/|&|and|und|et|y)[ \t]*/y;

/**
 * ITIL practices and processes named at the start of a line (a list item, a numbered line, a row
 * of a rename list), in a document that cites ITIL: of the ITIL version cited last before them
 * (the first cited, for a line before it). `context`: the ITIL the text around this one cites.
 */
export function findPracticeLines(text: string, references: readonly Reference[], v: ControlVocabulary, mask: ProseMask, context: Pick<ScanContext, 'lastItil' | 'itilAfter'> = {}): ControlReference[] {
  const itil = references.filter((r): r is FrameworkReference => r.kind === 'framework' && r.id.framework === 'itil');
  if (context.lastItil) itil.unshift(context.lastItil);
  else if (!itil.length && context.itilAfter) itil.push(context.itilAfter);
  if (!itil.length || !v.practices.length) return [];
  const c = compile(v);
  const found: ControlReference[] = [];
  let nearest = 0;
  for (let line = 0; line < text.length; ) {
    const eol = text.indexOf('\n', line);
    const end = eol < 0 ? text.length : eol;
    // A plain line of prose starts with a practice's name only in a rename list ("a -> b").
    const marked = exec(MARKED_LINE, text, line) !== null || arrowIn(text, line, end);
    if (marked && mask.skip(line) === line) {
      while (nearest + 1 < itil.length && itil[nearest + 1].end <= line) nearest++;
      LINE_LEAD.lastIndex = line;
      let at = line + (LINE_LEAD.exec(text)?.[0].length ?? 0);
      for (let m = at < end && c.practiceInitials.has(text[at].toLowerCase()) ? exec(c.practiceAt, text, at) : null; m && m.index + m[0].length <= end; m = exec(c.practiceAt, text, at)) {
        found.push({ kind: 'control', start: at, end: at + m[0].length, text: m[0], id: { form: 'itil', number: c.practices.get(nameKey(m[1])) ?? m[1], context: itil[nearest] } });
        at += m[0].length;
        const separator = exec(NAME_SEPARATOR, text, at);
        if (!separator) break;
        at += separator[0].length;
      }
    }
    line = end + 1;
  }
  return found;
}

/** Within the line only: a search to the text's end at every line would make the pass quadratic. */
function arrowIn(text: string, from: number, to: number): boolean {
  const line = text.slice(from, to);
  return line.includes('->') || line.includes('→');
}

function exec(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** A heading's or list item's content: a number then its title, or a title then its number in brackets. */
const NUMBER_THEN_TITLE = /([1-9]\d?(?:\.[1-9]\d?){1,3})\.?[ \t]+(\p{L}[^\n(]{2,100})/uy;
const TITLE_THEN_NUMBER = /(\p{L}[^\n()]{2,100}?)[ \t]*\((?:clause[ \t]+|§[ \t]*)?([1-9]\d?(?:\.[1-9]\d?){1,3})\)/giu;
const NUMBER_IN_BRACKETS = /\((?:clause[ \t]+|§[ \t]*)?[1-9]\d?(?:\.[1-9]\d?){1,3}\)/i;
const HEADING_OR_ITEM = /[ \t]{0,3}(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,2}[.)][ \t]+)(?:\*\*|__)?/y;

/** The characters HEADING_OR_ITEM can start with after its spaces: # - * + and digits. */
function startsHeadingOrItem(code: number): boolean {
  return code === 35 || code === 45 || code === 42 || code === 43 || (code >= 48 && code <= 57);
}

/**
 * Bare numbers written with a title in a heading or list item: "#### 6.1.2 Segregation of
 * duties", "### 3.1 Change management (8.5.1)", "- **Obligations to PII principals (7.3):**". The
 * document model keeps one only if the title is that number's in a standard the document cites.
 */
export function findTitledNumbers(text: string, mask: ProseMask): ControlReference[] {
  const found: ControlReference[] = [];
  for (const m of lineMatches(text, HEADING_OR_ITEM, startsHeadingOrItem)) {
    if (mask.skip(m.index) !== m.index) continue;
    const start = m.index + m[0].length;
    const eol = text.indexOf('\n', start);
    const end = eol < 0 ? text.length : eol;
    const first = exec(NUMBER_THEN_TITLE, text, start);
    if (first && first.index + first[0].length <= end) found.push(titled(text, start, first[1], first[2].replace(/\s*\([^)]*\)?\s*$/, '')));
    {
      // Within the line only: a search from here to the text's end would make the pass quadratic.
      const line = text.slice(start, end);
      // Only a line with a number in brackets can hold one: most lines are read no further.
      if (!NUMBER_IN_BRACKETS.test(line)) continue;
      TITLE_THEN_NUMBER.lastIndex = 0;
      for (let t = TITLE_THEN_NUMBER.exec(line); t; t = TITLE_THEN_NUMBER.exec(line)) {
        const at = start + t.index + t[0].lastIndexOf(t[2]);
        found.push(titled(text, at, t[2], t[1].replace(/^[\s*_:;,.-]+/, '')));
      }
    }
  }
  return found;
}

function titled(text: string, start: number, number: string, title: string): ControlReference {
  return { kind: 'control', start, end: start + number.length, text: number, id: { form: 'titled', number, title: title.trim() } };
}

/** "CMMI-SVC IRP": a process area's acronym right after CMMI. */
export function readProcessAreaAcronym(text: string, cmmi: FrameworkReference, v: ControlVocabulary): ControlReference | undefined {
  const m = at(compile(v).acronymAfter, text, cmmi.end);
  if (!m) return undefined;
  const end = cmmi.end + m[0].length;
  return { kind: 'control', start: end - m[1].length, end, text: m[1], id: { form: 'cmmi', number: m[1], context: cmmi } };
}

/**
 * Process areas named in full after the document first cites CMMI, each of the nearest CMMI
 * model cited before it (the document model then reads it in that model, or one that has it).
 * `lastBefore`: the CMMI reference the text before this one cites last.
 */
export function findProcessAreas(text: string, references: readonly Reference[], v: ControlVocabulary, mask: ProseMask, lastBefore?: FrameworkReference): ControlReference[] {
  const c = compile(v);
  const cmmi = references.filter((r): r is FrameworkReference => r.kind === 'framework' && r.id.framework.startsWith('cmmi'));
  const found: ControlReference[] = [];
  let nearest = 0;
  c.processAreaNames.lastIndex = lastBefore ? 0 : cmmi[0].end;
  if (lastBefore) cmmi.unshift(lastBefore);
  for (let m = c.processAreaNames.exec(text); m; m = c.processAreaNames.exec(text)) {
    const prose = mask.skip(m.index);
    if (prose !== m.index) {
      c.processAreaNames.lastIndex = Math.max(prose, m.index + 1);
      continue;
    }
    while (nearest + 1 < cmmi.length && cmmi[nearest + 1].end <= m.index) nearest++;
    const acronym = c.processAreas.get(nameKey(m[1]));
    if (acronym) found.push({ kind: 'control', start: m.index, end: m.index + m[0].length, text: m[0], id: { form: 'cmmi', number: acronym, context: cmmi[nearest] } });
  }
  return found;
}

/** Lines a Markdown or text document uses as headings or list items, and lines set in bold. */
const STRUCTURE_LINE = /([ \t]{0,3}(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,2}[.)][ \t]+|•[ \t]*))(.*)|[ \t]{0,3}(?=\*\*|__)(.*)/y;

/** The characters STRUCTURE_LINE can start with after its spaces: those of a heading or item, a bullet and _. */
function startsStructureLine(code: number): boolean {
  return startsHeadingOrItem(code) || code === 0x2022 || code === 95;
}
/** A table cell that holds a control or clause number: 5.15, A.5.15, Anhang A.5.15, Maßnahme 8.24. */
const CONTROL_CELL = /(?:^|[\s.A])\d{1,2}\.\d{1,2}(?!\d)/;

/**
 * Control area names standing alone in a heading, list item, bold line or table cell, in a
 * document that cites ISO/IEC 27001, 27002 or 17799 (`context`, the first such citation).
 */
export function findStandaloneAreas(text: string, context: StandardReference, v: ControlVocabulary, mask: ProseMask, structure: Structure): ControlAreaReference[] {
  const c = compile(v);
  const found: ControlAreaReference[] = [];
  const add = (start: number, end: number, into = found) => {
    // Without the emphasis, heading marks and blanks around the words.
    while (start < end && isMarkup(text.charCodeAt(start))) start++;
    while (end > start && isMarkup(text.charCodeAt(end - 1))) end--;
    if (!mayStartArea(text, start, end, c.areaInitials)) return;
    const whole = c.wholeArea.exec(text.slice(start, end));
    const number = whole?.[1] ?? whole?.[3];
    // "## 5. Compliance" numbers the policy's own sections unless 5 is that area's number.
    if (!whole || !numberFits(v, whole[2], number)) return;
    into.push(area(text, start, end, c.areaNames.get(nameKey(whole[2])) ?? whole[2], number, context));
  };
  for (const m of lineMatches(text, STRUCTURE_LINE, startsStructureLine)) {
    if (mask.skip(m.index) !== m.index) continue;
    const content = m[2] ?? m[3];
    const contentStart = m.index + m[0].length - content.length;
    add(contentStart, contentStart + content.length);
  }
  const inCells: ControlAreaReference[] = [];
  for (const table of structure.tables) {
    for (const row of table.rows) {
      const cells = cellSpans(text, row, lineEnd(text, row));
      // In a row that holds a control number (a Statement of Applicability), the words are that control's title.
      if (cells.length > 1 && cells.some(([s, e]) => CONTROL_CELL.test(text.slice(s, e)))) continue;
      for (const [s, e] of cells) add(s, e, inCells);
    }
  }
  return found.concat(inCells).sort((a, b) => a.start - b.start);
}

/** An area number written before the name, as wholeArea reads it: "5. ", "A.15.x ". */
const AREA_NUMBER = /(?:A\.?)?\d{1,2}(?:\.x)?\.?[ \u00A0]+/y;

/** Whether wholeArea may match [start, end): the name, or the name after a number, starts with an area name's letter. */
function mayStartArea(text: string, start: number, end: number, initials: Set<number>): boolean {
  if (start >= end) return false;
  if (initials.has(text.charCodeAt(start))) return true;
  AREA_NUMBER.lastIndex = start;
  return AREA_NUMBER.test(text) && AREA_NUMBER.lastIndex < end && initials.has(text.charCodeAt(AREA_NUMBER.lastIndex));
}

/** White space (as `\s` reads it), `*`, `_` and `#`. */
function isMarkup(code: number): boolean {
  return code === 42 || code === 95 || code === 35 || code === 32 || (code >= 9 && code <= 13) || (code > 127 && WHITE_SPACE.test(String.fromCharCode(code)));
}
const WHITE_SPACE = /\s/;

function numberFits(v: ControlVocabulary, name: string, number: string | undefined): boolean {
  return number === undefined || !v.areaNumbers || (v.areaNumbers.get(nameKey(name)) ?? []).includes(number);
}


export function isFramework(key: string) {
  return (r: Reference): r is FrameworkReference => r.kind === 'framework' && r.id.framework === key;
}
