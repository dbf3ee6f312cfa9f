// Controls and clauses written as numbers: A.5.15, Annex A 5.15, control 8.24, controls 5.15–5.18,
// clause 6.1.2, § 8.6.1, Kapitel 6.1.2, mesure 8.24, "ISO/IEC 27002 5.15", "27002:2022 8.28", the
// themes A.5 and A.12, and COBIT ids (APO13, DSS05.04, MEA01-03). A bare number (8.24) is never a
// reference: each form needs its marker or a standard next to it. No level of a control or clause
// number starts with 0: "A.01.01" is a document's own tag.
import { documentKey } from './format';
import type { ControlVocabulary } from './names';
import { NONE, type ControlAreaReference, type ControlForm, type ControlReference, type FrameworkReference, type Reference, type StandardReference } from './reference';
import { ANNEX_WORD, CLAUSE_WORD, CONTROL_WORD } from './words';

const SP = '[ \\u00A0]';
/** One level of a number: 1 to 99, never written with a leading zero. */
const LEVEL = '[1-9]\\d?';
/** A control number of two or three levels: 5.15, 9.2.3. */
const NUM = `${LEVEL}(?:\\.${LEVEL}){1,2}`;
/** A clause number of one to four levels: 9, 6.1.2, 9.2.2.1. */
const CLAUSE_NUM = `${LEVEL}(?:\\.${LEVEL}){0,3}`;
/** Not followed by more of a number, a version or an address (8.24.1.2, 10.0.0.1, 5.15a). */
const END = '(?![\\p{L}\\p{N}]|[.,]\\d)';
/** Between the words and the number: "of", "Nr.", "n°". */
const NUMBER_WORD = `(?:(?:of|Nr\\.?|n°|no\\.?)${SP}*)?`;

const ANNEX = new RegExp(`(?:${ANNEX_WORD}${SP}+A(?:\\.?${SP}*${CONTROL_WORD})?|A)(?:\\.${SP}?|${SP})(${NUM})${END}`, 'uy');
/** A theme or 2013 clause of Annex A by its number: A.5, A.12, A.15.x. */
const THEME = new RegExp(`A\\.(${LEVEL})(?:\\.x)?(?![\\p{L}\\p{N}]|[.,]\\d)`, 'uy');
/** Hard-wrapped prose may break the line between the word and its number ("under clause⏎9.3"). */
const WRAP = `(?:${SP}+|${SP}*\\r?\\n${SP}*)`;
const CONTROL = new RegExp(`${CONTROL_WORD}${WRAP}${NUMBER_WORD}(?:(A)\\.?${SP}?)?(${NUM})${END}`, 'uy');
const CLAUSE = new RegExp(`(?:${CLAUSE_WORD}${WRAP}${NUMBER_WORD}|§${SP}?)(${CLAUSE_NUM})${END}`, 'uy');
/** Group 1 is what stands before the number: "ISO/IEC 27001:2022 – A.9.4.3" underlines A.9.4.3, not the dash. */
const AFTER_STANDARD = new RegExp(`(${SP}*(?:[-–—:]${SP}*)?)(?:(${ANNEX_WORD}${SP}+A|A)(?:\\.${SP}?|${SP})?)?(${NUM})${END}`, 'uy');
const BARE_NUMBER = new RegExp(`(\\d{4,5}(?:-\\d{1,2})?)(?:${SP}?:${SP}?(\\d{4}))?(?=${SP}+(?:A\\.?)?\\d{1,2}\\.\\d)`, 'y');
/** The COBIT domains' ids (EDM, APO …) come from the data; built once per list. */
const cobitCache = new Map<string, { id: RegExp; range: RegExp }>();
function cobitPatterns(domains: readonly string[]): { id: RegExp; range: RegExp } {
  const key = domains.join('|') || '(?!)';
  let patterns = cobitCache.get(key);
  if (!patterns) {
    patterns = {
      id: new RegExp(`(?:${key})\\d\\d(?:\\.\\d\\d)?(?![\\p{L}\\p{N}]|\\.\\d)`, 'uy'),
      // "MEA01-03", "APO01–APO03": the rest of a range of COBIT ids.
      range: new RegExp(`[ ]*[-–—][ ]*(?:(${key})?(\\d\\d))(?![\\p{L}\\p{N}]|\\.\\d)`, 'uy'),
    };
    cobitCache.set(key, patterns);
  }
  return patterns;
}
const SEPARATOR = new RegExp(
  `(?:${SP}*(?:,|;|&)${SP}*(?:(?:and|or|und|oder|et|ou|y|o)${SP}+)?|${SP}+(?:and|or|und|oder|bis|et|ou|à|y|o|a)${SP}+|${SP}*(?:–|—|-)${SP}*|${SP}+to${SP}+)`,
  'y',
);
/** "8.25 (Secure development life cycle), 8.26 (Data masking)": a title in brackets after a member of a list. */
const TITLE_IN_BRACKETS = new RegExp(`${SP}*\\([^()\\n]{1,80}\\)`, 'y');
const MEMBER = new RegExp(`(A\\.?)?(${NUM})${END}`, 'uy');
const CLAUSE_MEMBER = new RegExp(`(${CLAUSE_NUM})${END}`, 'uy');
const OF_THIS = new RegExp(`${SP}+(?:of|in)${SP}+(?:this|our|the${SP}+present)${SP}+(?:policy|document|procedure|plan|standard|section|manual|handbook|contract|agreement)`, 'y');
/**
 * "article" is also the GDPR's, "Abschnitt" mostly the document's own section: after these only a
 * number with a level below the clause counts.
 */
const ARTICLE = /^(?:[Aa]rticles?|[Aa]bschnitte?)/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** "Appendix A.8", "Table A.5.1", "Figure A.2": the document's own appendix, table or figure. */
const OWN_PART_BEFORE = /(?:appendix|appendices|anlage|exhibit|schedule|table|tabelle|tableau|tabla|figure|fig\.|abbildung|figura|section|chart)[ \u00A0]*$/i;

/** The standards with numbers a scanner without a vocabulary knows of. */
const DEFAULT_NUMBERED: ReadonlySet<string> = new Set(['27001', '27002', '17799', '20000-1']);

/** Standards whose clause and control numbers normref knows (the vocabulary says which). */
export function numbersControls(r: Reference, vocabulary?: ControlVocabulary): r is StandardReference {
  if (r.kind !== 'standard') return false;
  return (vocabulary?.numberedStandards ?? DEFAULT_NUMBERED).has(documentKey(r.id.number, r.id.parts));
}

/**
 * The ISO/IEC 27002 numbering in force in a year: 2022, 2013 or 2005. A year between editions
 * (an adoption, a corrigendum) means the edition before it.
 */
export function controlEditionOfYear(year: number): '2022' | '2013' | '2005' {
  return year >= 2022 ? '2022' : year >= 2013 ? '2013' : '2005';
}

/** ISO/IEC 27001, 27002 and 17799: the standards whose Annex A and control numbers are meant. */
export function isIsmsStandard(r: Reference): r is StandardReference {
  return r.kind === 'standard' && (r.id.number === '27001' || r.id.number === '27002' || r.id.number === '17799') && r.id.parts.length === 0;
}

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function control(text: string, start: number, end: number, form: ControlForm, number: string, context?: StandardReference | FrameworkReference): ControlReference {
  return { kind: 'control', start, end, text: text.slice(start, end), id: { form, number, ...(context ? { context } : {}) } };
}

/** Further numbers of a list or range: "controls 5.15, 5.16 and 5.18", "A.5.15–A.5.18", "clauses 4 to 10". */
function members(text: string, first: ControlReference): ControlReference[] {
  const found: ControlReference[] = [];
  const clause = first.id.form === 'clause';
  let previous = first;
  for (;;) {
    const titled = at(TITLE_IN_BRACKETS, text, previous.end);
    const from = previous.end + (titled ? titled[0].length : 0);
    const sep = at(SEPARATOR, text, from);
    if (!sep) return found;
    const start = from + sep[0].length;
    const m = at(clause ? CLAUSE_MEMBER : MEMBER, text, start);
    if (!m) return found;
    const form: ControlForm = !clause && m[1] ? 'annex-a' : first.id.form;
    previous = control(text, start, start + m[0].length, form, clause ? m[1] : m[2], first.id.context);
    // "ISO 27001/27002 - 5.1.1, 5.1.2": the list is written with the standard, each member too.
    if (first.id.withStandard) previous.id.withStandard = true;
    found.push(previous);
  }
}

function boundaryBefore(text: string, anchor: number): boolean {
  return anchor === 0 || !LETTER_OR_DIGIT.test(text[anchor - 1]);
}

function ownPartBefore(text: string, anchor: number): boolean {
  return text[anchor] === 'A' && OWN_PART_BEFORE.test(text.slice(Math.max(0, anchor - 14), anchor));
}

/** Whether `start` follows a standard with at most a comma or an opening parenthesis and spaces between. */
function writtenRightAfter(text: string, standard: Reference, start: number): boolean {
  return start >= standard.end && start - standard.end <= 3 && /^[ \u00A0]*[,(]?[ \u00A0]*$/.test(text.slice(standard.end, start));
}

/** The standard reference written right before `start`, with only spaces between. */
function adjacentStandard(text: string, last: Reference | undefined, start: number): StandardReference | undefined {
  if (!last || !isIsmsStandard(last)) return undefined;
  return /^[ \u00A0,]*$/.test(text.slice(last.end, start)) ? last : undefined;
}

/** A.5.15, A 5.15, Annex A 5.15, Annex A.5.15, Anhang A Maßnahme 5.15, and the list or range that may follow. */
export function readAnnexA(text: string, anchor: number, previous: Reference | undefined): ControlReference[] {
  if (!boundaryBefore(text, anchor) || ownPartBefore(text, anchor)) return [];
  const m = at(ANNEX, text, anchor);
  if (!m) return [];
  const standard = adjacentStandard(text, previous, anchor);
  const first = control(text, anchor, anchor + m[0].length, 'annex-a', m[1], standard);
  if (standard) first.id.withStandard = true;
  return [first, ...members(text, first)];
}

/** A.5, A.12, A.15.x: a theme (2022) or clause (2013) of Annex A, in a document that cites 27001 or 27002 (`context`). */
export function readAnnexTheme(text: string, anchor: number, context: StandardReference | undefined): ControlAreaReference | undefined {
  if (!context || !boundaryBefore(text, anchor) || ownPartBefore(text, anchor)) return undefined;
  const m = at(THEME, text, anchor);
  if (!m) return undefined;
  const end = anchor + m[0].length;
  return { kind: 'control-area', start: anchor, end, text: text.slice(anchor, end), id: { number: m[1], context } };
}

/**
 * control 8.24, controls 5.15–5.18: only in a document that cites ISO/IEC 27001, 27002 or 17799,
 * the nearest of which (`context`) gives the context.
 */
export function readControlWord(text: string, anchor: number, context: StandardReference | undefined): ControlReference[] {
  if (!context || !boundaryBefore(text, anchor)) return [];
  const m = at(CONTROL, text, anchor);
  if (!m) return [];
  const first = control(text, anchor, anchor + m[0].length, m[1] ? 'annex-a' : 'control', m[2], context);
  return [first, ...members(text, first)];
}

/**
 * clause 6.1.2, § 8.6.1: a clause of the standard cited in the same paragraph (asked of the
 * scanner only once a clause number is there), or of the one named right after
 * ("clause 6.1.2 of ISO/IEC 27001", settled by the scanner when it reads it). Without either it
 * is the policy's own numbering, and no reference.
 */
export function readClause(text: string, anchor: number, nearestInParagraph: () => StandardReference | undefined, vocabulary?: ControlVocabulary): ControlReference[] {
  if (text[anchor] !== '§' && !boundaryBefore(text, anchor)) return [];
  const m = at(CLAUSE, text, anchor);
  if (!m || (ARTICLE.test(m[0]) && !m[1].includes('.'))) return [];
  const end = anchor + m[0].length;
  if (at(OF_THIS, text, end)) return [];
  // The nearest standard, if it numbers clauses normref knows.
  const nearest = nearestInParagraph();
  const first = control(text, anchor, end, 'clause', m[1], nearest && numbersControls(nearest, vocabulary) ? nearest : undefined);
  // "ISO 9001:2015 clause 5.1.3", "ISO 22301:2019, clause 8.7": written with its standard as much as "ISO 9001:2015 5.1.3".
  if (first.id.context && writtenRightAfter(text, first.id.context, anchor)) first.id.withStandard = true;
  const rest = members(text, first);
  return rest.some((r) => at(OF_THIS, text, r.end)) ? [] : [first, ...rest];
}

/** "ISO/IEC 27002 5.15", "ISO 27001 A.12.6.1", "27001 9.2": a number right after the standard. */
export function readAfterStandard(text: string, standard: StandardReference, vocabulary?: ControlVocabulary): ControlReference[] {
  if (!numbersControls(standard, vocabulary)) return [];
  const m = at(AFTER_STANDARD, text, standard.end);
  if (!m) return [];
  const start = standard.end + m[1].length;
  const first = control(text, start, standard.end + m[0].length, m[2] ? 'annex-a' : 'after-standard', m[3], standard);
  first.id.withStandard = true;
  return [first, ...members(text, first)];
}

/** "27002:2022 8.28": a standard's number without publisher, followed by a control number. */
export function readBareNumber(text: string, anchor: number, vocabulary?: ControlVocabulary): StandardReference | undefined {
  if (anchor > 0 && /[\p{L}\p{N}/.-]/u.test(text[anchor - 1])) return undefined;
  const m = at(BARE_NUMBER, text, anchor);
  if (!m || !(vocabulary?.numberedStandards ?? DEFAULT_NUMBERED).has(m[1])) return undefined;
  const [number, ...parts] = m[1].split('-');
  return {
    kind: 'standard',
    start: anchor,
    end: anchor + m[0].length,
    text: m[0],
    id: { publishers: NONE, number, parts, ...(m[2] ? { year: Number(m[2]) } : {}), supplements: NONE },
  };
}

/** COBIT objectives and practices: APO13, DSS05.04; the end of a range (MEA01-03) is an id of its own. */
export function readCobit(text: string, anchor: number, cobit: FrameworkReference | undefined, domains: readonly string[]): ControlReference[] {
  if (!boundaryBefore(text, anchor)) return [];
  const { id: COBIT, range: COBIT_RANGE } = cobitPatterns(domains);
  const m = at(COBIT, text, anchor);
  if (!m) return [];
  const end = anchor + m[0].length;
  const first = control(text, anchor, end, 'cobit', m[0], cobit);
  const range = m[0].length === 5 ? at(COBIT_RANGE, text, end) : null;
  if (!range) return [first];
  const last = range.index + range[0].length;
  const written = text.slice(last - (range[1] ? 5 : 2), last);
  return [first, control(text, last - written.length, last, 'cobit', `${range[1] ?? m[0].slice(0, 3)}${range[2]}`, cobit)];
}
