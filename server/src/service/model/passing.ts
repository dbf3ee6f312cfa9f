// A passing mention: a dated reference that does not say which edition the document follows. A
// history note ("earlier versions cited ISO/IEC 27002:2013"), a "formerly" sentence, a revision
// history or a bibliography names an edition the document has left behind; counting it as evidence
// would switch every later control number to that edition.
import { BLANK_LINE } from '../scan/line-ends';
import type { Reference } from '../scan/reference';
import type { Heading, Table } from '../scan/structure';

/** Words that, before a reference in its sentence, put it in the past. */
const PAST_BEFORE =
  /\b(?:earlier|previous(?:ly)?|former(?:ly)?|superseded|replac(?:e|ed|es|ing)|withdrawn|obsolete|legacy|old(?:er)?|prior|original(?:ly)?|initially|(?:was|were) (?:issued|certified|written|built|drafted|audited) (?:against|on|to)|first (?:certified|issued|published|approved|adopted|written|drafted)|until|before (?:19|20)\d\d|migrat\w*|(?:transition\w*|mov\w+|upgrad\w*|chang\w*|updat\w*)(?: \w+){0,5} from|instead of|no longer|used to|(?:do|does|must|shall|should) not (?:cite|use|refer to|reference|follow)|never (?:cite|use)|histor(?:y|ic|ical)|früher\w*|damals|seinerzeit|zuvor|vorherig\w*|ersetz\w*|abgelöst\w*|bisherig\w*|précédent\w*|ancien\w*|autrefois|jadis|remplac\w*|anterior\w*|sustitu\w*|reemplaz\w*|antigu\w*|antes)\b/giu;
/** Words between such a word and the reference that bring the sentence back to the present. */
const PRESENT =
  /\b(?:now|current(?:ly)?|today|follows?|based on|aligned|certifi\w*|conform\w*|compl(?:y|ies|iant)|according to|as required by|in line with|nun|jetzt|gemäß|nach|selon|désormais|según|ahora)\b/iu;
/** "… from ISO/IEC 27001:2013 to ISO/IEC 27001:2022": the edition moved to is the present one. */
const MOVED_TO = /\bto\s+(?:the\s+)?$/iu;
const MOVED_FROM = /\bfrom\b/iu;
/**
 * After the reference: "(withdrawn)", "(since replaced by …)", "which was replaced", "which has
 * since been superseded", ", since superseded by …". Not "replaced ISO/IEC 27001:2013" or "has
 * replaced": said of a reference, those make it the new one.
 */
const PAST_AFTER =
  /^[\s,;:]*(?:\(\s*(?:since\s+)?(?:withdrawn|superseded|obsolete|historic|legacy|replaced|zurückgezogen|retirée?|anulada)|(?:(?:which|that|it|they|both|these|all|each)\s+)?(?:was|were|(?:has|have|had)\s+(?:since\s+)?been)\s+(?:since\s+)?(?:replaced|superseded|withdrawn|revised|retired)|(?:since\s+)?(?:replaced|superseded)\s+by\b|→|->|=>|⇒)/iu;
/**
 * "The ISO/IEC 27002:2013 control 12.6.1 is now 8.8", "A.12.4.4 Clock synchronisation, which is
 * the old number": in the words after it, within its sentence, the reference is said to be the old one.
 */
const BECAME_AFTER =
  /^(?:[^.;!?]|[.](?=\S)){0,50}?\b(?:(?:(?:is|are)\s+now|became|ha(?:s|ve)\s+become|(?:is|are)\s+replaced\s+by)\s+(?:(?:A\.?)?\d|ISO\b|IEC\b|controls?\b|clauses?\b)|(?:was|were)\s+renumbered\b|(?:which|that)\s+(?:is|was)\s+the\s+(?:old|former|previous|earlier)\b)/iu;
/** "(was A.12.4.4)", "ex A.12.4.4": right before a number, the word that makes it the old one. */
const WAS_BEFORE = /\(\s*(?:was|ex|old|alt|früher|ehemals|anciennement|antes)[\s:]*$/iu;
const SENTENCE_END = new RegExp(String.raw`[.!?;](?=\s)|-->|normref-(?:disable|enable)[^\n]*|${BLANK_LINE.source}|\n[ \t]*(?:[-*+#|]|\d+[.)])`, 'g');
/** What must stand between a past word and a present one for the present to win: "replacing X, the ISMS is certified to Y". */
const TURN = /[,;]|\band\b|\b(?:ISO|IEC)\b/u;
/** Section headings and table columns of history and bibliography. */
const PAST_SECTION = /\b(?:history|revisions?|change ?log|changes|versions?|releases?|release notes|bibliography|literature|änderung\w*|historie|versionen|literatur|historique|bibliographie|historial|bibliografía|versiones)\b/iu;
const HISTORY_COLUMN = /\b(?:version|revision|rev\.?|date|datum|fecha|change|changes|änderung\w*|modification\w*|cambios?)\b/iu;

const LOOK_BACK = 240;
const LOOK_AHEAD = 60;

/**
 * Whether a reference is a passing mention in its sentence; in a document being edited,
 * remembered by the reference: what it says depends on the reference's paragraph only, and the
 * scan of an edited text hands the same reference objects on from text to text for the blocks
 * the edit left alone (incremental.ts). A text read once (the CLI) has nothing to remember.
 */
export function isPastInSentence(text: string, r: Reference, remember = false): boolean {
  if (!remember) return pastInSentence(text, r.start, r.end);
  let past = pastSentences.get(r);
  if (past === undefined) pastSentences.set(r, (past = pastInSentence(text, r.start, r.end)));
  return past;
}
const pastSentences = new WeakMap<Reference, boolean>();

/** Whether the reference [start, end) of `text` is a passing mention in its sentence, which no blank line crosses. */
export function pastInSentence(text: string, start: number, end: number): boolean {
  const ahead = text.slice(end, end + LOOK_AHEAD);
  const blank = ahead.search(BLANK_LINE);
  const after = blank < 0 ? ahead : ahead.slice(0, blank);
  if (PAST_AFTER.test(after) || BECAME_AFTER.test(after)) return true;
  if (WAS_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return true;
  const from = Math.max(0, start - LOOK_BACK);
  const before = text.slice(from, start);
  let sentenceStart = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(before); m; m = SENTENCE_END.exec(before)) sentenceStart = m.index + m[0].length;
  const sentence = before.slice(sentenceStart);
  let lastPast = -1;
  PAST_BEFORE.lastIndex = 0;
  for (let m = PAST_BEFORE.exec(sentence); m; m = PAST_BEFORE.exec(sentence)) lastPast = m.index + m[0].length;
  if (lastPast < 0) return false;
  if (MOVED_TO.test(sentence) && MOVED_FROM.test(sentence)) return false;
  // "formerly aligned with", "previously based on": a present word right after the past one is part of it.
  const rest = sentence.slice(lastPast);
  const present = PRESENT.exec(rest);
  return !present || !TURN.test(rest.slice(0, present.index));
}

/** Whether a heading names a history, revision or bibliography section; `remember` as for isPastInSentence. */
export function isPastSection(text: string, heading: Heading, remember = false): boolean {
  return rememberedFor(heading, remember, pastSections, () => text.slice(heading.textStart, heading.end), (words) => PAST_SECTION.test(words));
}

/** Whether a table is a revision history: its header has a version column and a date or change column. */
const VERSION_COLUMN = /\b(?:version|revision|rev\.?)\b/iu;

export function isHistoryTable(text: string, table: Table, remember = false): boolean {
  if (table.header.length === 0) return false;
  return rememberedFor(table, remember, historyHeaders, () => text.slice(table.header[0][0], table.header[table.header.length - 1][1]), () => {
    const cells = table.header.map(([s, e]) => text.slice(s, e));
    return cells.some((c) => VERSION_COLUMN.test(c)) && cells.filter((c) => HISTORY_COLUMN.test(c)).length >= 2;
  });
}

/**
 * The answers for the headings and table headers of the texts read last: the model asks for
 * every one of a document after each keystroke, and they are the same few again and again.
 */
const pastSections = new Map<string, boolean>();
const historyHeaders = new Map<string, boolean>();
/** Enough for a workspace's headings; a full memo starts again rather than grow. */
const REMEMBERED = 4096;

/**
 * By the heading or table itself first, in a document being edited: the scan of an edited text
 * hands the same objects on from text to text for the blocks the edit left alone (their text is
 * theirs for good), and that answer costs no slice of the text. A text read once (the CLI) gets
 * nothing from it, and a weak map's entries are dear to make.
 */
const byObject = new WeakMap<object, boolean>();

function rememberedFor(of: Heading | Table, remember: boolean, memo: Map<string, boolean>, keyOf: () => string, answer: (key: string) => boolean): boolean {
  let known = remember ? byObject.get(of) : undefined;
  if (known === undefined) {
    const key = keyOf();
    known = memo.get(key);
    if (known === undefined) {
      if (memo.size >= REMEMBERED) memo.clear();
      memo.set(key, (known = answer(key)));
    }
    if (remember) byObject.set(of, known);
  }
  return known;
}
