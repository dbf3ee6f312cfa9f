// What a document says to normref about itself: the edition of ISO/IEC 27001/27002 its bare
// control numbers mean, declared in YAML front matter (`normref: { edition: 2013 }`, or `normref:`
// with an indented `edition: 2013`) or in a comment (`<!-- normref edition: 2013 -->`). A comment
// shown inside a Markdown code block is an example, not a declaration. Where each is written is
// kept too: the status bar says where, and the edit that declares an edition rewrites it.
import type * as Yaml from 'yaml';
import { findFrontMatter } from './front-matter';
import { withLineFeeds } from './line-ends';
import { EDITIONS } from './isms-editions';
import { markdownCodeBlocks, SpanCursor } from './prose';

/** Where a document declares its edition. Offsets are into the text as written. */
export interface EditionDirective {
  edition: string;
  in: 'front-matter' | 'comment';
  /** The whole comment, or the `edition` entry of the front matter. */
  start: number;
  end: number;
  /** The year as written (with its quotes, if any). */
  valueStart: number;
  valueEnd: number;
}

/** An entry of the front matter's `normref:` mapping, with its offsets in the text. */
export interface SettingEntry {
  key: string;
  value: unknown;
  start: number;
  valueStart: number;
  valueEnd: number;
}

/** The `normref:` block of YAML front matter: from its line's start to the next unindented line. */
export interface SettingsBlock {
  start: number;
  end: number;
  /** The mapping it holds, if it holds one: `{ … }` (flow) or indented lines; its offsets in the text. */
  map?: { flow: boolean; start: number; end: number; entries: SettingEntry[] };
}

/**
 * The YAML parser, loaded on first use: most documents have no `normref:` front matter, and
 * loading the parser costs a language server's cold start about 30 ms. The one `require` of the
 * service: esbuild resolves it into every bundle, the web worker's too (its suite reads front
 * matter), so it needs no Node at run time; the unbundled unit tests get Node's.
 */
let yaml: typeof Yaml | undefined;
function parser(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports, no-restricted-globals -- a lazy load, resolved by the bundler
  yaml ??= require('yaml') as typeof Yaml;
  return yaml;
}
const COMMENT = new RegExp(`<!--\\s*normref\\s+edition\\s*:?\\s*(["']?(${EDITIONS.join('|')})["']?)\\s*-->`, 'dg');
const AS_OF_COMMENT = /<!--\s*normref\s+as-of\s*:?\s*["']?(\d{4}(?:-\d{2}(?:-\d{2})?)?)["']?\s*-->/g;
// From 1900: no standard normref knows is older, and "0000" or "0202" is a slip of the keyboard.
const AS_OF_DATE = /^(?:19|2\d)\d\d(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** Whether a text is a date as the as-of rule reads it: a year from 1900, a month or a day of the calendar (2021, 2021-06, 2021-06-01). */
export function isAsOfDate(text: string): boolean {
  if (!AS_OF_DATE.test(text)) return false;
  if (text.length < 10) return true;
  const [year, month, day] = text.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** `holds` says whether the text holds a word: most documents say nothing to normref (see declaredAsOf). */
export function declaredEdition(written: string, format: 'markdown' | 'plaintext', holds = (word: string) => written.includes(word)): string | undefined {
  return holds('normref') ? editionDirective(written, format)?.edition : undefined;
}

/** The declaration of the document's edition that normref reads: the front matter's, else the first comment. */
export function editionDirective(written: string, format: 'markdown' | 'plaintext'): EditionDirective | undefined {
  const text = withLineFeeds(written);
  const entry = editionEntry(settingsBlock(text));
  if (entry && (EDITIONS as readonly string[]).includes(String(entry.value))) {
    return { edition: String(entry.value), in: 'front-matter', start: entry.start, end: entry.valueEnd, valueStart: entry.valueStart, valueEnd: entry.valueEnd };
  }
  const m = firstComment(text, format, COMMENT);
  if (!m) return undefined;
  const [valueStart, valueEnd] = m.indices![1];
  return { edition: m[2], in: 'comment', start: m.index, end: m.index + m[0].length, valueStart, valueEnd };
}

/** The front matter's `edition` entry; of several, the last, as YAML reads duplicate keys. */
export function editionEntry(block: SettingsBlock | undefined): SettingEntry | undefined {
  return block?.map?.entries.filter((e) => e.key === 'edition').at(-1);
}

/**
 * The date a document declares it was approved (`normref: { as-of: 2021-06-01 }` or
 * `<!-- normref as-of: 2021-06-01 -->`): an edition current then is not reported as withdrawn.
 * `holds` says whether the text holds a word.
 */
export function declaredAsOf(written: string, format: 'markdown' | 'plaintext', holds = (word: string) => written.includes(word)): string | undefined {
  // Most documents say nothing to normref: one native search (or less, see mentions.ts) instead of the passes below.
  if (!holds('as-of')) return undefined;
  const text = withLineFeeds(written);
  const front = frontMatterSettings(text)?.['as-of'];
  const fromFront = front === undefined ? undefined : String(front);
  if (fromFront !== undefined && isAsOfDate(fromFront)) return fromFront;
  const fromComment = firstComment(text, format, AS_OF_COMMENT)?.[1];
  return fromComment && isAsOfDate(fromComment) ? fromComment : undefined;
}

/** The first match of a directive comment that is not inside a Markdown code block. */
function firstComment(text: string, format: 'markdown' | 'plaintext', comment: RegExp): RegExpExecArray | undefined {
  let code: SpanCursor | undefined;
  for (const m of text.matchAll(comment)) {
    if (format !== 'markdown') return m;
    // Code blocks are worked out only when a directive is there to be checked; comments come in
    // order, so one cursor walks the blocks once for all of them.
    code ??= new SpanCursor(markdownCodeBlocks(text));
    if (code.skip(m.index) === m.index) return m;
  }
  return undefined;
}

/** The `normref:` mapping of a document's YAML front matter, if it has one, as key → scalar value. */
function frontMatterSettings(text: string): Record<string, unknown> | undefined {
  const map = settingsBlock(text)?.map;
  return map && Object.fromEntries(map.entries.map((e) => [e.key, e.value]));
}

/** The `normref:` block of a document's YAML front matter (text with line feeds), if it has one. */
export function settingsBlock(text: string): SettingsBlock | undefined {
  const front = findFrontMatter(text);
  if (!front || front.format !== 'yaml') return undefined;
  const found = normrefBlock(text, front.contentStart, front.contentEnd);
  if (!found) return undefined;
  const { start, block } = found;
  // A YAML parser, not a pattern (nested patterns over indented lines backtrack exponentially),
  // given only the `normref:` block: an error elsewhere in the front matter (`title: Policy:
  // access` is common) does not hide it. Only scalar values are read: nothing is converted to
  // objects, so aliases cannot expand.
  const { isMap, isScalar, parseDocument } = parser();
  const settings = parseDocument(block, { prettyErrors: false, logLevel: 'silent', uniqueKeys: false }).get('normref');
  const result: SettingsBlock = { start, end: start + block.length };
  if (!isMap(settings) || !settings.range) return result;
  const entries: SettingEntry[] = [];
  for (const { key, value } of settings.items) {
    if (isScalar(key) && isScalar(value) && key.range && value.range) {
      entries.push({ key: String(key.value), value: value.value, start: start + key.range[0], valueStart: start + value.range[0], valueEnd: start + value.range[1] });
    }
  }
  result.map = { flow: !!settings.flow, start: start + settings.range[0], end: start + settings.range[1], entries };
  return result;
}

/** The `normref:` line of front matter and the indented or blank lines after it, found line by line. */
function normrefBlock(text: string, from: number, to: number): { start: number; block: string } | undefined {
  let start = -1;
  for (let line = from; line < to; ) {
    const eol = text.indexOf('\n', line);
    const end = eol < 0 || eol > to ? to : eol;
    if (start < 0) {
      if (text.startsWith('normref:', line)) start = line;
    } else if (end > line && !/[ \t\r]/.test(text[line])) {
      return { start, block: text.slice(start, line) };
    }
    line = end + 1;
  }
  // Without the CR of a CRLF before the closing line, which YAML would read as part of the last value.
  return start < 0 ? undefined : { start, block: text.slice(start, text[to - 1] === '\r' ? to - 1 : to) };
}
