// What a document says to normref about itself: the edition of ISO/IEC 27001/27002 its bare
// control numbers mean, declared in YAML front matter (`normref: { edition: 2013 }`, or `normref:`
// with an indented `edition: 2013`) or in a comment (`<!-- normref edition: 2013 -->`). A comment
// shown inside a Markdown code block is an example, not a declaration.
import type * as Yaml from 'yaml';
import { findFrontMatter } from './front-matter';
import { withLineFeeds } from './line-ends';
import { markdownCodeBlocks, SpanCursor } from './prose';

const EDITIONS = ['2005', '2013', '2022'];

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
const COMMENT = /<!--\s*normref\s+edition\s*:?\s*["']?(2005|2013|2022)["']?\s*-->/g;
const AS_OF_COMMENT = /<!--\s*normref\s+as-of\s*:?\s*["']?(\d{4}(?:-\d{2}(?:-\d{2})?)?)["']?\s*-->/g;
/** A date as the as-of rule reads it: a day, a month or a year. */
export const AS_OF_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

export function declaredEdition(written: string, format: 'markdown' | 'plaintext'): string | undefined {
  const text = withLineFeeds(written);
  const fromFront = frontMatterSettings(text)?.edition;
  if (fromFront !== undefined && EDITIONS.includes(String(fromFront))) return String(fromFront);
  return firstComment(text, format, COMMENT);
}

/**
 * The date a document declares it was approved (`normref: { as-of: 2021-06-01 }` or
 * `<!-- normref as-of: 2021-06-01 -->`): an edition current then is not reported as withdrawn.
 */
export function declaredAsOf(written: string, format: 'markdown' | 'plaintext'): string | undefined {
  // Most documents say nothing to normref: one native search instead of the passes below.
  if (!written.includes('as-of')) return undefined;
  const text = withLineFeeds(written);
  const front = frontMatterSettings(text)?.['as-of'];
  const fromFront = front === undefined ? undefined : String(front);
  if (fromFront !== undefined && AS_OF_DATE.test(fromFront)) return fromFront;
  const fromComment = firstComment(text, format, AS_OF_COMMENT);
  return fromComment && AS_OF_DATE.test(fromComment) ? fromComment : undefined;
}

/** The first group of the first match of a directive comment that is not inside a Markdown code block. */
function firstComment(text: string, format: 'markdown' | 'plaintext', comment: RegExp): string | undefined {
  let code: SpanCursor | undefined;
  for (const m of text.matchAll(comment)) {
    if (format !== 'markdown') return m[1];
    // Code blocks are worked out only when a directive is there to be checked; comments come in
    // order, so one cursor walks the blocks once for all of them.
    code ??= new SpanCursor(markdownCodeBlocks(text));
    if (code.skip(m.index) === m.index) return m[1];
  }
  return undefined;
}

/** The `normref:` mapping of a document's YAML front matter, if it has one. */
function frontMatterSettings(text: string): Record<string, unknown> | undefined {
  const front = findFrontMatter(text);
  if (!front || front.format !== 'yaml') return undefined;
  const block = normrefBlock(text, front.contentStart, front.contentEnd);
  if (block === undefined) return undefined;
  // A YAML parser, not a pattern (nested patterns over indented lines backtrack exponentially),
  // given only the `normref:` block: an error elsewhere in the front matter (`title: Policy:
  // access` is common) does not hide it. Only scalar values are read: nothing is converted to
  // objects, so aliases cannot expand.
  const { isMap, isScalar, parseDocument } = parser();
  const settings = parseDocument(block, { prettyErrors: false, logLevel: 'silent', uniqueKeys: false }).get('normref');
  if (!isMap(settings)) return undefined;
  const values: Record<string, unknown> = {};
  for (const { key, value } of settings.items) {
    if (isScalar(key) && isScalar(value)) values[String(key.value)] = value.value;
  }
  return values;
}

/** The `normref:` line of front matter and the indented or blank lines after it, found line by line. */
function normrefBlock(text: string, from: number, to: number): string | undefined {
  let start = -1;
  for (let line = from; line < to; ) {
    const eol = text.indexOf('\n', line);
    const end = eol < 0 || eol > to ? to : eol;
    if (start < 0) {
      if (text.startsWith('normref:', line)) start = line;
    } else if (end > line && !/[ \t\r]/.test(text[line])) {
      return text.slice(start, line);
    }
    line = end + 1;
  }
  return start < 0 ? undefined : text.slice(start, to);
}
