// Reads one standard identifier (ISO, IEC, ISO/IEC, IWA, and national adoptions of them) starting
// at an anchor found by the scanner. Every step is a sticky regular expression of bounded length,
// so the work per anchor is bounded and the whole scan stays linear in the text.
import { NONE, publishersOf, type StandardId, type StandardReference, type Supplement } from './reference';
import { CO_PUBLISHERS, FILM_SPEEDS, STAGED_TYPES, STAGES, SUPPLEMENTS, TYPES } from './vocabulary';

const SPACE = '[ \\u00A0\\u202F]';
const HYPHEN = '[-\\u2010\\u2011]';

const PUBLISHER_AT = /ISO|IEC|IWA/y;
// A slash, or the hyphen some write between publishers ("ISO-IEC 27001").
const SLASH_TOKEN = new RegExp(`(?:${SPACE}?/${SPACE}?|-(?=IEC\\b))([A-Za-z]+(?:\\d(?!\\d))?)`, 'y');
const SPACE_TOKEN = new RegExp(`${SPACE}([A-Za-z][A-Za-z0-9]*)(?=${SPACE}|/|\\d)`, 'y');
const GLUED_TOKEN = /\/([A-Z]{2,4})(?=\d{3})/y;
const NUMBER = new RegExp(`(?:${SPACE}|${HYPHEN})?(\\d{1,6})(?![\\dA-Za-z])`, 'y');
/** "ISO27k", "ISO/IEC 27k": the 27000 family as practitioners name it. */
const TWENTY_SEVEN_K = new RegExp(`(ISO)(?:/(IEC))?(?:${SPACE}|${HYPHEN})?27[kK](?![\\p{L}\\p{N}])`, 'uy');
/** "ISO/IEC 27000 series", "ISO 9000 family": the word after says the whole set is meant. */
const SERIES = new RegExp(`${SPACE}+(?:series|family|suite)(?![\\p{L}\\p{N}])`, 'iuy');
const PART = new RegExp(`${HYPHEN}(\\d{1,5}[A-Z]{0,2}|[A-Z]\\d{0,3})(?![A-Za-z0-9])`, 'y');
const ITERATION = /\.(\d{1,2})(?![\d.])/y;
const YEAR = new RegExp(`${SPACE}?:${SPACE}?(?:(\\d{4})(?:-\\d{2})?(?!\\d)|--|\u2014)`, 'y');
const SUPPLEMENT = new RegExp(
  `${SPACE}?/${SPACE}?(?:(NP|WD|CD|AWI|PWI|PRF|DIS|FDIS)${SPACE})?([A-Za-z]{3,6})\\.?${SPACE}?(\\d{1,3})?(?:\\.(\\d{1,2}))?` +
    `(?:${SPACE}?:${SPACE}?(\\d{4})(?:-\\d{2})?(?!\\d))?`,
  'y',
);
const EDITION = /(?: ?ED ?\d{1,2}| Ed\.? ?\d{1,2}| Edition \d{1,2}| Ed(?=$|[\s,;)]))(?!\w)/y;
// The Directives: ISO/IEC DIR 1 ISO SUP, ISO/IEC DIR 2 IEC:2022, ISO/IEC DIR 1:2022 + IEC SUP:2022.
const DIRECTIVE_SUFFIX = new RegExp(
  `(?:${SPACE}?\\+${SPACE}?IEC${SPACE}SUP|${SPACE}(?:ISO|IEC|JTC${SPACE}1)(?:${SPACE}SUP)?)(?::\\d{4}(?:-\\d{2})?)?(?:${SPACE}Ed(?:ition)?${SPACE}\\d{1,2})?(?![\\w])`,
  'y',
);
/** "BS EN ISO 9001:2015+A1:2024": a national consolidation with an amendment. */
const CONSOLIDATED = /\+A(\d{1,2})(?::(\d{4}))?(?![\p{L}\p{N}])/uy;
const LANGUAGES = /\((?:[a-z]{2}|[A-Z])(?:[,/](?:[a-z]{2}|[A-Z]|other))*\)/y;
const ALL_PARTS = new RegExp(`${SPACE}?\\(all parts\\)`, 'y');
/** "ISO/IEC 27001 (2013)", "ISO 9001 (2015 edition)": the year in brackets, as people write it. */
const BRACKETED_YEAR = new RegExp(`${SPACE}?\\((?:(?:edition|version)${SPACE})?((?:19|20)\\d\\d)(?:${SPACE}(?:edition|version))?\\)`, 'y');

/** What may stand right before the publisher: a national adoption, a type or a stage written first. */
const BEFORE = new RegExp(
  '(?:^|[^\\p{L}\\p{N}/])(?:' +
    '(?<adoption>(?:BS|DIN|NF|ÖNORM|OENORM|SN|CSN|ČSN|PN|SS|NEN|UNE|I\\.S\\.|SIST|EVS|LST|MSZ|STN|SR|DS|NS|SFS|UNI|NBN|HRN|SRPS)(?:[ -]EN)?|prEN|EN|AS/NZS|CAN/CSA|NZS|SANS)' +
    '|(?<type>Guide|GUIDE)|(?<stage>AWI|CD|PRF|NP|WD|DIS|FDIS))[ \\u00A0-]$',
  'u',
);
const LOOKBEHIND = 24;
/**
 * At most this many words after the publisher: "ISO/IEC/IEEE", "ISO/IEC AWI TR". An anchor is
 * read again at every "ISO" of "ISO/ISO/ISO…", so an unbounded run of words would be quadratic.
 */
const MAX_WORDS = 4;
/** No identifier has more parts (ISO/IEC 29110-5-1-2) or supplements than this; the rest is prose. */
const MAX_PARTS = 5;
const MAX_SUPPLEMENTS = 4;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;


function match(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

interface Prefix {
  start: number;
  adoption?: string;
  type?: string;
  stage?: string;
}

/** Most references have nothing before the publisher: one shared answer, nothing allocated. */
const NO_PREFIX = -1;

/** What stands before the publisher anchored at `anchor`: NO_PREFIX, a prefix, or undefined when the anchor is inside a word. */
function readPrefix(text: string, anchor: number): Prefix | typeof NO_PREFIX | undefined {
  if (anchor === 0) return NO_PREFIX;
  const joiner = text.charCodeAt(anchor - 1);
  if (isLetterOrDigit(joiner, text[anchor - 1])) {
    // "FprISO 10993-1": a final draft written in CEN's style.
    if (text.startsWith('Fpr', anchor - 3)) return { start: anchor - 3, stage: 'FDIS' };
    return undefined;
  }
  // Only a space, a no-break space or a hyphen joins a prefix word to the publisher, and every
  // prefix word ends in a capital, a full stop (I.S.) or the e of Guide.
  if (joiner !== 32 && joiner !== 0xa0 && joiner !== 45) return NO_PREFIX;
  const last = text.charCodeAt(anchor - 2);
  if (!((last >= 65 && last <= 90) || last === 46 || last === 101)) return NO_PREFIX;
  const groups = BEFORE.exec(text.slice(Math.max(0, anchor - LOOKBEHIND), anchor))?.groups;
  if (!groups) return NO_PREFIX;
  const { adoption, type, stage } = groups;
  // The word and the one separator before the anchor.
  const start = anchor - 1 - (adoption ?? type ?? stage ?? '').length;
  // As the national body writes it: "BS EN", "UNE-EN", "PN-EN"; "OENORM" is ÖNORM without the umlaut.
  if (adoption) return { start, adoption: adoption.replace(/\u00A0/g, ' ').replace(/^OENORM/, 'ÖNORM') };
  if (type) return { start, type: 'Guide' };
  if (stage && text.startsWith('IWA', anchor)) return { start, stage: STAGES.get(stage) };
  return NO_PREFIX;
}

function isLetterOrDigit(code: number, char: string): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return LETTER_OR_DIGIT.test(char);
}

interface Draft {
  publishers: string[];
  type?: string;
  stage?: string;
  /** A type or stage was read after the publishers: no co-publisher may follow. */
  closed?: boolean;
}

/** Applies a type or stage word to the identifier being read; false when the word is neither. */
function applyToken(word: string, draft: Draft): boolean {
  const staged = STAGED_TYPES.get(word);
  if (staged) {
    draft.stage = staged.stage;
    draft.type = staged.type;
    draft.closed = true;
    return true;
  }
  const type = TYPES.get(word);
  if (type && !draft.type) {
    draft.type = type;
    draft.closed = true;
    return true;
  }
  const stage = STAGES.get(word);
  if (stage && !draft.stage) {
    draft.stage = stage;
    draft.closed = true;
    return true;
  }
  return false;
}

/** Reads the supplements (/Amd 1:2024, /Cor.1:2014, /DAM 2) after a base identifier. */
function readSupplements(text: string, pos: number, supplements: Supplement[]): number {
  while (supplements.length < MAX_SUPPLEMENTS) {
    const m = match(SUPPLEMENT, text, pos);
    if (!m) return pos;
    const word = SUPPLEMENTS.get(m[2]);
    if (!word || (!m[3] && !m[5] && word.type !== 'Suppl')) return pos;
    const stage = m[1] ? STAGES.get(m[1]) : word.stage;
    supplements.push({
      type: word.type,
      ...(m[3] ? { number: m[3] } : {}),
      ...(m[5] ? { year: Number(m[5]) } : {}),
      ...(stage ? { stage } : {}),
    });
    pos = m.index + m[0].length;
  }
  return pos;
}

/**
 * Reads a standard identifier whose publisher (ISO, IEC or IWA) starts at `anchor`.
 * Returns undefined when what follows is not an identifier ("ISO image", "ISO 400" film speed).
 */
export function readStandard(text: string, anchor: number): StandardReference | undefined {
  const found = readPrefix(text, anchor);
  if (found === undefined) return undefined;
  if (found === NO_PREFIX) {
    const plain = readPlain(text, anchor);
    if (plain !== NOT_PLAIN) return plain;
  }
  return readAnyStandard(text, anchor, found);
}

/**
 * The common spellings, "ISO 9001", "ISO/IEC 27001:2022", "IEC 62443-3", in one step: most
 * citations are written so, and the steps of readAnyStandard cost a dozen matches each. Where
 * anything follows that one of those steps could read (a supplement, a second part, an
 * edition, "series", a bracket), NOT_PLAIN: readAnyStandard reads it, so the two always agree
 * (a fuzz property compares them).
 */
const PLAIN = /(ISO(?:\/IEC)?|IEC) (\d{1,6})(?:-(\d{1,5}))?(?::(\d{4}))?/y;
const NOT_PLAIN = null;

function readPlain(text: string, anchor: number): StandardReference | undefined | typeof NOT_PLAIN {
  const m = match(PLAIN, text, anchor);
  if (!m) return NOT_PLAIN;
  const end = anchor + m[0].length;
  const [, publishers, number, part, year] = m;
  if (!endsPlainly(text, end, year !== undefined)) return NOT_PLAIN;
  // "ISO 9001-2015" (a year after a hyphen) and years no identifier has are readAnyStandard's to decide.
  if (part !== undefined && year === undefined && /^(?:198\d|199\d|20[0-3]\d)$/.test(part)) return NOT_PLAIN;
  if (year !== undefined && (year < '1900' || year > '2099')) return NOT_PLAIN;
  const written = text.slice(anchor, end);
  const known = identifiers.get(written);
  if (known) return { kind: 'standard', start: anchor, end, text: written, id: known };
  const id: StandardId = {
    publishers: publishersOf(publishers === 'ISO/IEC' ? ['ISO', 'IEC'] : [publishers]),
    number,
    parts: part !== undefined ? [part] : NONE,
    ...(year !== undefined ? { year: Number(year) } : {}),
    supplements: NONE,
  };
  if (isFilmSpeed(id)) return undefined;
  return { kind: 'standard', start: anchor, end, text: written, id: interned(written, id) };
}

/** Whether nothing at `at` could be read on by readAnyStandard (after a year, a full stop cannot). */
function endsPlainly(text: string, at: number, dated: boolean): boolean {
  if (at >= text.length) return true;
  const code = text.charCodeAt(at);
  switch (code) {
    case 10: // \n
    case 9: // \t
    case 44: // ,
    case 59: // ;
    case 41: // )
    case 93: // ]
    case 34: // "
    case 39: // '
    case 96: // `
    case 42: // *
    case 95: // _
    case 33: // !
    case 63: // ?
    case 124: // |
      return true;
    case 46: // . : "ISO 27001.2" is an iteration
      return dated || !isDigit(text.charCodeAt(at + 1));
    case 32: {
      // A space before "(", "/", ":", "Ed…", "series", "family", "suite" or another space may lead on.
      if (at + 1 >= text.length) return true;
      const next = text.charCodeAt(at + 1);
      return next < 128 && !PLAIN_STOPS_AFTER_SPACE.has(next);
    }
    default:
      return false;
  }
}

/** Space, (, /, :, E, S, s, F, f. */
const PLAIN_STOPS_AFTER_SPACE = new Set([32, 40, 47, 58, 69, 83, 115, 70, 102]);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** readStandard without its one-step reading of the common spellings: what that reading must agree with (the fuzz suite). */
export function readStandardStepByStep(text: string, anchor: number): StandardReference | undefined {
  const found = readPrefix(text, anchor);
  return found === undefined ? undefined : readAnyStandard(text, anchor, found);
}

/** Reads any standard identifier, step by step: co-publishers, types, stages, parts, supplements, a national prefix. */
function readAnyStandard(text: string, anchor: number, found: Prefix | typeof NO_PREFIX): StandardReference | undefined {
  const prefix: Prefix = found === NO_PREFIX ? { start: anchor } : found;
  const first = match(PUBLISHER_AT, text, anchor);
  if (!first) return undefined;
  const slang = match(TWENTY_SEVEN_K, text, anchor);
  if (slang && found === NO_PREFIX) {
    const end = anchor + slang[0].length;
    const id: StandardId = { publishers: publishersOf(slang[2] ? ['ISO', 'IEC'] : ['ISO']), number: '27000', parts: NONE, supplements: NONE, series: true };
    return { kind: 'standard', start: anchor, end, text: slang[0], id };
  }
  const draft: Draft = { publishers: first[0] === 'IWA' ? [] : [first[0]], type: prefix.type, stage: prefix.stage };
  if (first[0] === 'IWA') draft.type = 'IWA';
  let pos = anchor + 3;

  // Co-publishers, types and stages after slashes: ISO/IEC, ISO/IEC/IEEE, ISO/TR, ISO/IEC/DIS.
  let words = 0;
  for (let m = match(SLASH_TOKEN, text, pos); m && words < MAX_WORDS; m = match(SLASH_TOKEN, text, pos), words++) {
    const co = CO_PUBLISHERS.get(m[1]);
    if (co && draft.publishers.length > 0 && !draft.closed && !draft.publishers.includes(co)) draft.publishers.push(co);
    else if (!applyToken(m[1], draft)) break;
    pos = m.index + m[0].length;
  }
  // Types and stages after spaces: ISO/IEC TR, ISO/IEC AWI TR, ISO/ASTM DTR; or glued: ISO/TR20573.
  for (let m = match(SPACE_TOKEN, text, pos); m && words < MAX_WORDS && applyToken(m[1], draft); m = match(SPACE_TOKEN, text, pos), words++) {
    pos = m.index + m[0].length;
  }
  const glued = match(GLUED_TOKEN, text, pos);
  if (glued && applyToken(glued[1], draft)) pos += glued[0].length;

  const number = match(NUMBER, text, pos);
  if (!number) return undefined;
  pos = number.index + number[0].length;
  const parts: string[] = [];
  for (let m = match(PART, text, pos); m && parts.length < MAX_PARTS; m = match(PART, text, pos)) {
    parts.push(m[1]);
    pos = m.index + m[0].length;
  }
  const iteration = match(ITERATION, text, pos);
  if (iteration) pos += iteration[0].length;

  let year: number | undefined;
  const dated = match(YEAR, text, pos);
  // "ISO 9001-2015": a year after a hyphen. No ISO deliverable has a part numbered 1980 to 2039.
  const hyphenYear = parts.length > 0 && !dated ? /^(?:198\d|199\d|20[0-3]\d)$/.exec(parts[parts.length - 1]) : null;
  if (hyphenYear) {
    parts.pop();
    year = Number(hyphenYear[0]);
  } else if (dated) {
    const y = dated[1] ? Number(dated[1]) : undefined;
    if (y === undefined || (y >= 1900 && y <= 2099)) {
      year = y;
      pos += dated[0].length;
    }
  }
  if (draft.type === 'DIR') {
    const suffix = match(DIRECTIVE_SUFFIX, text, pos);
    if (suffix) pos += suffix[0].length;
  }
  // An edition may be written before the supplements (ISO 13688 ED1/Amd 1) or after them.
  const supplements: Supplement[] = [];
  for (let round = 0; round < 2; round++) {
    const edition = match(EDITION, text, pos);
    if (edition) pos += edition[0].length;
    pos = readSupplements(text, pos, supplements);
  }
  for (let m = match(CONSOLIDATED, text, pos); m && supplements.length < MAX_SUPPLEMENTS; m = match(CONSOLIDATED, text, pos)) {
    supplements.push({ type: 'Amd', number: m[1], ...(m[2] ? { year: Number(m[2]) } : {}) });
    pos += m[0].length;
  }
  const languages = match(LANGUAGES, text, pos);
  if (languages) pos += languages[0].length;
  const allParts = match(ALL_PARTS, text, pos);
  if (allParts) pos += allParts[0].length;
  const bracketed = year === undefined && supplements.length === 0 ? match(BRACKETED_YEAR, text, pos) : null;
  if (bracketed) {
    year = Number(bracketed[1]);
    pos += bracketed[0].length;
  }

  const id: StandardId = {
    publishers: publishersOf(draft.publishers),
    ...(draft.type ? { type: draft.type } : {}),
    ...(draft.stage ? { stage: draft.stage } : {}),
    number: number[1],
    parts: parts.length ? parts : NONE,
    ...(year !== undefined ? { year } : {}),
    supplements: supplements.length ? supplements : NONE,
    ...(prefix.adoption ? { adoption: prefix.adoption } : {}),
  };
  if (parts.length === 0 && year === undefined && supplements.length === 0 && match(SERIES, text, pos)) id.series = true;
  if (isFilmSpeed(id)) return undefined;
  const written = text.slice(prefix.start, pos);
  return { kind: 'standard', start: prefix.start, end: pos, text: written, id: interned(id.series ? `${written} series` : written, id) };
}

/**
 * One identifier object per spelling, across texts: what an identifier resolves to is worked out
 * once per object (resolve-cache.ts), and a policy set writes the same few identifiers thousands
 * of times. The identifier read here depends on the written text alone. Bounded, as hostile
 * input may spell millions; nothing changes an identifier once read.
 */
const identifiers = new Map<string, StandardId>();
const MAX_IDENTIFIERS = 20_000;

function interned(written: string, id: StandardId): StandardId {
  const known = identifiers.get(written);
  if (known) return known;
  if (identifiers.size >= MAX_IDENTIFIERS) identifiers.clear();
  // A copy of the spelling: the slice of the text itself would keep the whole text alive.
  identifiers.set(` ${written}`.slice(1), id);
  return id;
}

function isFilmSpeed(id: StandardId): boolean {
  return (
    id.publishers.length === 1 && id.publishers[0] === 'ISO' && !id.type && !id.stage && !id.adoption &&
    id.parts.length === 0 && id.year === undefined && id.supplements.length === 0 && FILM_SPEEDS.has(id.number)
  );
}
