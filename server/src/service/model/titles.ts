// The title an author writes next to a control or clause number: "A.8.2 Privileged access rights",
// "A.8.2 (Privileged access rights)", "5.15 – Access control", or the next cell of a table row.
// Compared with the titles the numberings give that number, it says which edition (and which
// numbering: a 27001 clause or an Annex A control) the author meant.

const MAX_TITLE = 120;
/** Between the number and its title: spaces, brackets, dashes, colons, a cell border. */
const LEAD = /^[ \t]*(?:[-–—:(|*]+[ \t]*)*/;

/** Lower case, letters and digits only, British spellings as American: for comparing titles. */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/organis/g, 'organiz')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The rest of the line after `end`, at most MAX_TITLE characters: cut before the line feed is
 * looked for, which on a long line would be a search to its end for every reference.
 */
function lineAfter(text: string, end: number): string {
  const after = text.slice(end, end + MAX_TITLE);
  const eol = after.indexOf('\n');
  return eol < 0 ? after : after.slice(0, eol);
}

/** What follows the reference ending at `end` on its line, as a title key ('' if nothing). */
export function writtenAfter(text: string, end: number): string {
  const line = lineAfter(text, end);
  return titleKey(line.replace(LEAD, ''));
}

/**
 * Whether a written title key names a control's title: starts with it (a whole word boundary), or,
 * of two words or more, is its end ("Roles, responsibilities and authorities" for "Organizational
 * roles, responsibilities and authorities").
 */
export function namesTitle(written: string, title: string): boolean {
  const key = titleKey(title);
  if (key.length < 4) return false;
  if (written === key || written.startsWith(`${key} `)) return true;
  return written.includes(' ') && key.endsWith(` ${written}`);
}

/**
 * Where the title written after the reference ending at `end` lies, as [start, end) of `text`,
 * for a title key of `words` words: the words after the lead, on the reference's line.
 */
export function titleSpanAfter(text: string, end: number, words: number): [number, number] | undefined {
  const line = lineAfter(text, end);
  const lead = LEAD.exec(line)![0].length;
  const word = /[\p{L}\p{N}]+|&/gu;
  word.lastIndex = lead;
  let last = -1;
  let first = -1;
  for (let n = 0; n < words; n++) {
    const m = word.exec(line);
    if (!m) return undefined;
    if (first < 0) first = m.index;
    last = m.index + m[0].length;
  }
  return first < 0 ? undefined : [end + first, end + last];
}

const FILLER = new Set(['of', 'the', 'and', 'for', 'in', 'to', 'a', 'an', 'on', 'with']);

/** The significant words of a title key, sorted: "information classification" and "classification of information" have the same. */
export function titleWords(key: string): string {
  return key
    .split(' ')
    .filter((w) => w && !FILLER.has(w))
    .sort()
    .join(' ');
}

/** A title key without the filler words it ends with: "data masking and a" (of "Data masking and A.9.2.3") is "data masking". */
export function withoutTrailingFiller(key: string): string {
  const words = key.split(' ');
  while (words.length > 1 && FILLER.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}
