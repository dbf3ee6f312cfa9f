// "Replace A.12.6.1 with A.8.8", "ISO/IEC 27001:2022 (or ISO/IEC 27001:2013 until the transition
// period ends)": a sentence that writes an old reference beside what replaced it may speak of the
// move, and replacing the old one would leave it saying nothing. Such a fix is offered, never
// applied unasked. (The finding stays: "audits follow 27001:2022 9.2, reviews 27001:2013 9.3"
// writes both editions in one sentence too, by mistake.) So is a fix to a reference cited with
// one of its clauses or sections, which the other edition numbers otherwise.
import type { Resolution } from '../resolve';
import { countBefore } from '../scan/reference';
import type { CheckContext } from './context';

/** How far a sentence is read each way from a reference: a long sentence, not a whole one-line text. */
const REACH = 300;

/** Whether the sentence holding [start, end) has a reference, other than at `start`, for which `replaces` holds. */
export function sentenceCites(context: CheckContext, start: number, end: number, replaces: (r: Resolution) => boolean): boolean {
  const [from, to] = sentenceAround(context.text, start, end);
  // The resolutions are the references', one for one and in the same order.
  const { references, resolutions } = context.analysis;
  for (let i = countBefore(references, from); i < references.length && references[i].start < to; i++) {
    if (references[i].start !== start && replaces(resolutions[i])) return true;
  }
  return false;
}

/** The sentence around [start, end): to a full stop, question or exclamation mark before a blank, or the line's end. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  const first = Math.max(0, start - REACH);
  while (from > first && text[from - 1] !== '\n' && !endsSentence(text, from - 1)) from--;
  let to = end;
  const last = Math.min(text.length, end + REACH);
  while (to < last && text[to] !== '\n' && !endsSentence(text, to)) to++;
  return [from, to];
}

function endsSentence(text: string, i: number): boolean {
  const ch = text[i];
  return (ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ');
}

/** A division of a standard, by its word ("clause 8.2", "Abschnitt 4.2") or as a dotted number ("5.4.2", "A.12.6"). */
const DIVISION = String.raw`(?:(?:clauses?|sections?|sec\.|§|chapters?|paragraphs?|para\.|annex|appendix|anhang|abschnitte?|kapitel|ziffer|chapitres?|articles?|controls?|ma(?:ß|ss)nahmen?|requirements?)[ \u00A0]*(?:A\.?)?\d{1,2}(?:\.\d{1,3})*|(?:A\.?)?\d{1,2}(?:\.\d{1,3})+)\b`;
const DIVISION_AFTER = new RegExp(String.raw`^[ \u00A0]*[,:–—-]?[ \u00A0]*${DIVISION}`, 'i');
const DIVISION_BEFORE = new RegExp(String.raw`${DIVISION}[ \u00A0]+(?:of|in|der|des|de|du|von)[ \u00A0]+(?:the[ \u00A0]+)?$`, 'i');
/** How far a division is looked for on either side. */
const DIVISION_REACH = 40;

/**
 * Whether the reference at [start, end) is cited with one of its divisions: "ISO 31000:2009
 * section 5.4.2", "clause 8.2 of ISO/IEC 27005:2018". Another edition numbers them otherwise, so
 * a fix to another edition or standard would point the number elsewhere.
 */
export function citedWithDivision(text: string, start: number, end: number): boolean {
  return DIVISION_AFTER.test(text.slice(end, end + DIVISION_REACH)) || DIVISION_BEFORE.test(text.slice(Math.max(0, start - DIVISION_REACH), start));
}
