// Controls and clauses written as numbers: A.5.15, Annex A 5.15, control 8.24, controls 5.15–5.18,
// clause 6.1.2, § 8.6.1, "ISO/IEC 27002 5.15", "27002:2022 8.28", and COBIT ids (APO13, DSS05.04).
// A bare number (8.24) is never a reference: each form needs its marker or a standard next to it.
import { NONE, type ControlForm, type ControlReference, type FrameworkReference, type Reference, type StandardReference } from './reference';

const SP = '[ \\u00A0]';
/** A control number of two or three levels: 5.15, 9.2.3. */
const NUM = '\\d{1,2}(?:\\.\\d{1,2}){1,2}';
/** Not followed by more of a number, a version or an address (8.24.1.2, 10.0.0.1, 5.15a). */
const END = '(?![\\p{L}\\p{N}]|[.,]\\d)';

const ANNEX = new RegExp(`(?:Annex${SP}+A(?:${SP}+[Cc]ontrols?)?|A)(?:\\.${SP}?|${SP})?(${NUM})${END}`, 'uy');
const CONTROL_WORD = new RegExp(`[Cc]ontrols?${SP}+(?:(A)\\.?${SP}?)?(${NUM})${END}`, 'uy');
const CLAUSE_WORD = new RegExp(`(?:[Cc]lauses?${SP}+|§${SP}?)(\\d{1,2}(?:\\.\\d{1,2}){0,3})${END}`, 'uy');
const AFTER_STANDARD = new RegExp(`${SP}+(?:(Annex${SP}+A|A)(?:\\.${SP}?|${SP})?)?(${NUM})${END}`, 'uy');
const BARE_NUMBER = new RegExp(`(27001|27002|17799|20000-1)(?:${SP}?:${SP}?(\\d{4}))?(?=${SP}+(?:A\\.?)?\\d{1,2}\\.\\d)`, 'y');
const COBIT = /(?:EDM|APO|BAI|DSS|MEA)\d\d(?:\.\d\d)?(?![\p{L}\p{N}]|\.\d)/uy;
const SEPARATOR = new RegExp(`(?:${SP}*(?:,|;|&)${SP}*(?:(?:and|or)${SP}+)?|${SP}+(?:and|or)${SP}+|${SP}*(?:–|—|-)${SP}*|${SP}+to${SP}+)`, 'y');
const MEMBER = new RegExp(`(A\\.?)?(${NUM})${END}`, 'uy');
const OF_THIS = new RegExp(`${SP}+(?:of|in)${SP}+this${SP}+(?:policy|document|procedure|plan|standard|section)`, 'y');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Standards whose clause and control numbers normref knows. */
export function numbersControls(r: Reference): r is StandardReference {
  if (r.kind !== 'standard') return false;
  const { number, parts } = r.id;
  return number === '27001' || number === '27002' || number === '17799' || (number === '20000' && parts[0] === '1' && parts.length === 1);
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

/** Further numbers of a list or range: "controls 5.15, 5.16 and 5.18", "A.5.15–A.5.18". */
function members(text: string, first: ControlReference): ControlReference[] {
  const found: ControlReference[] = [];
  let previous = first;
  for (;;) {
    const sep = at(SEPARATOR, text, previous.end);
    if (!sep) return found;
    const start = previous.end + sep[0].length;
    const m = at(MEMBER, text, start);
    if (!m) return found;
    const form: ControlForm = m[1] ? 'annex-a' : first.id.form;
    previous = control(text, start, start + m[0].length, form, m[2], first.id.context);
    found.push(previous);
  }
}

function boundaryBefore(text: string, anchor: number): boolean {
  return anchor === 0 || !LETTER_OR_DIGIT.test(text[anchor - 1]);
}

/** The standard reference written right before `start`, with only spaces between. */
function adjacentStandard(text: string, last: Reference | undefined, start: number): StandardReference | undefined {
  if (!last || !isIsmsStandard(last)) return undefined;
  return /^[ \u00A0,]*$/.test(text.slice(last.end, start)) ? last : undefined;
}

/** A.5.15, A 5.15, Annex A 5.15, Annex A.5.15, and the list or range that may follow. */
export function readAnnexA(text: string, anchor: number, previous: Reference | undefined): ControlReference[] {
  if (!boundaryBefore(text, anchor)) return [];
  const m = at(ANNEX, text, anchor);
  if (!m) return [];
  const first = control(text, anchor, anchor + m[0].length, 'annex-a', m[1], adjacentStandard(text, previous, anchor));
  return [first, ...members(text, first)];
}

/**
 * control 8.24, controls 5.15–5.18: only in a document that cites ISO/IEC 27001, 27002 or 17799,
 * the nearest of which (`context`) gives the context.
 */
export function readControlWord(text: string, anchor: number, context: StandardReference | undefined): ControlReference[] {
  if (!context || !boundaryBefore(text, anchor)) return [];
  const m = at(CONTROL_WORD, text, anchor);
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
export function readClause(text: string, anchor: number, nearestInParagraph: () => StandardReference | undefined): ControlReference | undefined {
  if (text[anchor] !== '§' && !boundaryBefore(text, anchor)) return undefined;
  const m = at(CLAUSE_WORD, text, anchor);
  if (!m) return undefined;
  const end = anchor + m[0].length;
  if (at(OF_THIS, text, end)) return undefined;
  // The nearest standard, if it numbers clauses normref knows ("ISO 9001 clause 4.1" is not 27001's).
  const nearest = nearestInParagraph();
  return control(text, anchor, end, 'clause', m[1], nearest && numbersControls(nearest) ? nearest : undefined);
}

/** "ISO/IEC 27002 5.15", "ISO 27001 A.12.6.1", "27001 9.2": a number right after the standard. */
export function readAfterStandard(text: string, standard: StandardReference): ControlReference[] {
  if (!numbersControls(standard)) return [];
  const m = at(AFTER_STANDARD, text, standard.end);
  if (!m) return [];
  const start = standard.end + m[0].length - m[0].trimStart().length;
  const first = control(text, start, standard.end + m[0].length, m[1] ? 'annex-a' : 'after-standard', m[2], standard);
  return [first, ...members(text, first)];
}

/** "27002:2022 8.28": a standard's number without publisher, followed by a control number. */
export function readBareNumber(text: string, anchor: number): StandardReference | undefined {
  if (anchor > 0 && /[\p{L}\p{N}/.-]/u.test(text[anchor - 1])) return undefined;
  const m = at(BARE_NUMBER, text, anchor);
  if (!m) return undefined;
  const [number, ...parts] = m[1].split('-');
  return {
    kind: 'standard',
    start: anchor,
    end: anchor + m[0].length,
    text: m[0],
    id: { publishers: NONE, number, parts, ...(m[2] ? { year: Number(m[2]) } : {}), supplements: NONE },
  };
}

/** COBIT 2019 objectives and practices: APO13, DSS05.04. */
export function readCobit(text: string, anchor: number, cobit: FrameworkReference | undefined): ControlReference | undefined {
  if (!boundaryBefore(text, anchor)) return undefined;
  const m = at(COBIT, text, anchor);
  if (!m) return undefined;
  return control(text, anchor, anchor + m[0].length, 'cobit', m[0], cobit);
}
