// directive: a normref comment normref cannot read. A misspelt code or verb silences nothing, and
// an as-of date or edition it cannot use declares nothing, so the author, who believes the
// comment works, is told: `<!-- normref-disable-next-line withdrawm -->`, `<!-- normref-disabel -->`,
// `<!-- normref as-of: 2021-13-01 -->`, `<!-- normref edition: 2019 -->`. Comments in code are
// examples, as the suppression and declaration readers treat them.
import * as l10n from '@vscode/l10n';
import { EDITIONS } from '../model/editions';
import { isAsOfDate } from '../scan/directives';
import { edit, type Found } from './context';
import { replaceWith } from './standards';
import { CODES, isCode } from './rules';
import { commentsOutsideCode, PLAIN_COMMENT } from './comments';
import { VERBS } from './suppression';

const KEYS = ['as-of', 'edition'];

/** `<!-- normref… -->`: group 1 is what follows the word normref, up to the comment's end. */
// No `<` inside: on a line of many unclosed comments each match stops at the next one (linear).
const HTML = /<!--[ \t]*normref(?![\p{L}\p{N}])([^<>\n]*?)-->/gu;
/** In plain text, `# normref-…` or `// normref-…` (suppressions only), as suppression.ts reads them. */
const LINE = new RegExp(`${PLAIN_COMMENT}normref(-[^\\n]*)$`, 'gm');

/** The problems of the normref comments of a text (of a window of it: offsets are the text's). */
export function checkDirectives(text: string, format: 'markdown' | 'plaintext'): Found[] {
  const found: Found[] = [];
  for (const m of commentsOutsideCode(text, format, HTML)) read(m[1], m.index + m[0].length - '-->'.length - m[1].length, found);
  if (format === 'plaintext') for (const m of text.matchAll(LINE)) read(m[1], m.index + m[0].length - m[1].length, found);
  return found.sort((a, b) => a.start - b.start);
}

/** One comment's words after "normref", starting at `at`. */
function read(body: string, at: number, found: Found[]): void {
  const verb = /^-([\p{L}\p{N}-]*)/u.exec(body);
  if (verb) return readSuppression(verb[1], body.slice(verb[0].length), at, at + verb[0].length, found);
  const setting = /^[ \t]+([\p{L}\p{N}-]+)([ \t]*:?[ \t]*)(.*?)[ \t]*$/u.exec(body);
  if (!setting) return;
  const [, key, between, value] = setting;
  const keyAt = at + body.indexOf(key);
  if (!KEYS.includes(key)) {
    // "<!-- normref is how we check references -->" is a remark; a near miss of a key, or a key and a colon, is a declaration.
    const near = closest(key, KEYS);
    if (near || between.includes(':')) found.push(problem(keyAt, keyAt + key.length, l10n.t('normref reads no "{0}" comment: it reads as-of and edition.', quoted(key)), near));
    return;
  }
  const bare = value.replace(/^["']|["']$/g, '');
  const valueAt = keyAt + key.length + between.length;
  if (key === 'as-of' && !isAsOfDate(bare)) {
    found.push(problem(valueAt, valueAt + value.length, l10n.t('"{0}" is no date normref reads: write as-of: YYYY-MM-DD, YYYY-MM or YYYY. Until then the document declares no date.', quoted(value))));
  } else if (key === 'edition' && !(EDITIONS as readonly string[]).includes(bare)) {
    found.push(problem(valueAt, valueAt + value.length, l10n.t('normref reads the edition {0}, not "{1}". Until then the document declares no edition.', [...EDITIONS].sort().join(', '), quoted(value))));
  }
}

/** `normref-<verb> [codes]`: the verb and each code named. */
function readSuppression(verb: string, rest: string, at: number, codesAt: number, found: Found[]): void {
  if (!(VERBS as readonly string[]).includes(verb)) {
    const near = closest(verb, VERBS);
    const start = at - 'normref'.length;
    found.push(problem(start, at + 1 + verb.length, l10n.t('normref-{0} is no normref comment: it reads {1}.', quoted(verb), VERBS.map((v) => `normref-${v}`).join(', ')), near && `normref-${near}`));
    return;
  }
  for (const word of rest.matchAll(/[^\s,]+/g)) {
    if (isCode(word[0])) continue;
    const start = codesAt + word.index;
    const near = closest(word[0], CODES);
    const message = near
      ? l10n.t('normref has no code "{0}" (did you mean {1}?), so this comment silences nothing for it.', quoted(word[0]), near)
      : l10n.t('normref has no code "{0}", so this comment silences nothing for it; its codes are {1}.', quoted(word[0]), CODES.join(', '));
    found.push(problem(start, start + word[0].length, message, near));
  }
}

/** What the author wrote, quoted in a message: at most a few words' worth. */
function quoted(written: string): string {
  return written.length > 40 ? `${written.slice(0, 39)}…` : written;
}

function problem(start: number, end: number, message: string, near?: string): Found {
  // Offered, not applied unasked: the nearest word is a guess at what the author meant.
  const fixes = near ? [{ title: replaceWith(near), edits: [edit(start, end, near)], safe: false }] : [];
  return { code: 'directive', start, end, message, fixes, subject: 'normref comment' };
}

/** The one candidate within two edits (insert, delete, replace, swap) of a word, if there is one. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const near = candidates.filter((c) => Math.abs(c.length - word.length) <= 2 && distance(word.toLowerCase(), c) <= 2);
  return near.length === 1 ? near[0] : undefined;
}

/** Damerau–Levenshtein distance (optimal string alignment), for words of a few letters. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}
