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

/** What follows the reference ending at `end` on its line, as a title key ('' if nothing). */
export function writtenAfter(text: string, end: number): string {
  const eol = text.indexOf('\n', end);
  const line = text.slice(end, Math.min(eol < 0 ? text.length : eol, end + MAX_TITLE));
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
