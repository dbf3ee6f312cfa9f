// Suppression comments, after ESLint's and markdownlint's:
//   <!-- normref-disable-next-line [code …] -->   the next line
//   <!-- normref-disable-line [code …] -->        its own line
//   <!-- normref-disable [code …] -->  …  <!-- normref-enable [code …] -->
// and, in plain text, the same words after `#` or `//` (at the start of a line or after a space,
// as a comment ending a line). Without codes a
// comment covers every code. A comment inside a Markdown code block is an example, not a directive.
import { spanHolding, type Span } from '../scan/prose';
import { commentsOutsideCode, PLAIN_COMMENT } from './comments';
import { CODES, isCode, type DiagnosticCode } from './rules';

// No `<` inside: on a line of many unclosed comments each match stops at the next one (linear).
/** What a suppression comment does after "normref-", longest first (the regexes try them in order). */
export const VERBS = ['disable-next-line', 'disable-line', 'disable', 'enable'] as const;
const HTML = new RegExp(`<!--[ \\t]*normref-(${VERBS.join('|')})\\b([^<>\\n]*?)-->`, 'g');
const LINE = new RegExp(`${PLAIN_COMMENT}normref-(${VERBS.join('|')})\\b([^\\n]*)$`, 'gm');

type Codes = ReadonlySet<DiagnosticCode> | 'all';

interface Directive {
  offset: number;
  verb: string;
  codes: Codes;
}

/** Every code's key, and the key of a comment that names none. */
type Key = DiagnosticCode | 'all';

/**
 * Which findings the comments of a text suppress: a predicate over a finding's code and start
 * offset. A `disable` stays open until an `enable` that names its code or names none; an `enable`
 * naming codes leaves a `disable` of every code open. Worked out in one pass over the comments,
 * queried by binary search, so neither many comments nor many findings cost more than linear.
 * `holds` says whether the text holds a word (see mentions.ts).
 */
export function suppressions(
  text: string,
  format: 'markdown' | 'plaintext',
  lineOf: (offset: number) => number,
  holds = (word: string) => text.includes(word),
): (code: DiagnosticCode, offset: number) => boolean {
  if (!holds('normref-')) return () => false;
  const directives = find(text, format);
  if (directives.length === 0) return () => false;
  const lines = new Map<number, Codes[]>();
  const openSince = new Map<Key, number>();
  const ranges = new Map<Key, Span[]>();
  const close = (key: Key, to: number) => {
    const from = openSince.get(key);
    if (from === undefined) return;
    const list = ranges.get(key);
    if (list) list.push([from, to]);
    else ranges.set(key, [[from, to]]);
    openSince.delete(key);
  };
  for (const d of directives) {
    const keys: Key[] = d.codes === 'all' ? ['all'] : [...d.codes];
    if (d.verb === 'disable-next-line' || d.verb === 'disable-line') {
      const target = lineOf(d.offset) + (d.verb === 'disable-line' ? 0 : 1);
      const list = lines.get(target);
      if (list) list.push(d.codes);
      else lines.set(target, [d.codes]);
    } else if (d.verb === 'disable') {
      for (const key of keys) if (!openSince.has(key)) openSince.set(key, d.offset);
    } else if (d.codes === 'all') {
      for (const key of [...openSince.keys()]) close(key, d.offset);
    } else {
      // Enabling some codes inside a disable of all of them, as ESLint does: the others stay off.
      if (openSince.has('all')) {
        close('all', d.offset);
        for (const code of CODES) if (!d.codes.has(code) && !openSince.has(code)) openSince.set(code, d.offset);
      }
      for (const key of keys) close(key, d.offset);
    }
  }
  for (const key of [...openSince.keys()]) close(key, Infinity);
  const covers = (codes: Codes, code: DiagnosticCode) => codes === 'all' || codes.has(code);
  return (code, offset) => (lines.get(lineOf(offset)) ?? []).some((c) => covers(c, code)) || !!spanHolding(ranges.get(code) ?? [], offset) || !!spanHolding(ranges.get('all') ?? [], offset);
}

function find(text: string, format: 'markdown' | 'plaintext'): Directive[] {
  const found: Directive[] = [];
  for (const m of commentsOutsideCode(text, format, HTML)) found.push({ offset: m.index, verb: m[1], codes: codesOf(m[2]) });
  if (format === 'plaintext') for (const m of text.matchAll(LINE)) found.push({ offset: m.index, verb: m[1], codes: codesOf(m[2]) });
  return found.sort((a, b) => a.offset - b.offset);
}

/** The codes a comment names; none written means all, a misspelt one names nothing rather than everything. */
function codesOf(written: string): Codes {
  const words = written.split(/[\s,]+/).filter((w) => w);
  return words.length ? new Set(words.filter(isCode)) : 'all';
}
