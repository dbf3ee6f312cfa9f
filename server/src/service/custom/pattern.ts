// The id patterns of custom data (`POL-[A-Z]{2}-\d{2}`) are user input run over every document,
// so they are read in a subset of regular expressions whose matching cost is bounded: literals,
// classes, \d and \w, groups, alternation and bounded repetition. No `*`, `+`, `{n,}`, `.`,
// negated classes, anchors, lookarounds or backreferences. Every id a pattern matches then has
// at most MAX_MATCH_LENGTH characters, and there are at most MAX_PATHS ways of matching it, so
// a backtracking engine does a bounded amount of work at each position of a text: the scan
// stays linear. The checked pattern is written out again from what was parsed, so nothing but
// the subset reaches RegExp.

import * as l10n from '@vscode/l10n';

/** A pattern longer than this is no id pattern. */
export const MAX_PATTERN_LENGTH = 200;
/** The longest id a pattern may match. */
export const MAX_MATCH_LENGTH = 64;
/** The most ways a pattern may have of matching (alternatives times repetition counts). */
export const MAX_PATHS = 100;
/** The largest count of a repetition `{m,n}`. */
const MAX_REPEAT = 32;

export type CheckedPattern = { source: string; problem?: undefined } | { problem: string; at: number };

interface Part {
  /** Regular expression source, non-capturing. */
  source: string;
  min: number;
  max: number;
  /** Ways of matching, capped at MAX_PATHS + 1. */
  paths: number;
}

class PatternError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const cap = (n: number) => Math.min(n, MAX_PATHS + 1);
/** Written as themselves outside a class when escaped: the regex punctuation and a few more. */
const ESCAPABLE = new Set([...'.-/\\()[]{}?*+|^$:#_ &,;\'"@!%=~<>']);
/** What the regex syntax (with the u flag) needs escaped; inside a class, "-" too. */
const NEEDS_ESCAPE = new Set([...'.\\()[]{}?*+|^$/']);

/** The checked form of a pattern, or what is wrong with it and where (an offset into the pattern). */
export function checkPattern(pattern: string): CheckedPattern {
  if (pattern.length > MAX_PATTERN_LENGTH) return { problem: l10n.t('the pattern is longer than {0} characters', MAX_PATTERN_LENGTH), at: MAX_PATTERN_LENGTH };
  try {
    const parser = new Parser(pattern);
    const part = parser.alternation();
    if (parser.i < pattern.length) throw new PatternError(l10n.t('unmatched "{0}"', pattern[parser.i]), parser.i);
    if (part.min < 2) throw new PatternError('the pattern matches ids shorter than two characters (or none at all)', 0);
    if (part.max > MAX_MATCH_LENGTH) throw new PatternError(l10n.t('the pattern matches ids of up to {0} characters; at most {1} are allowed', part.max, MAX_MATCH_LENGTH), 0);
    if (part.paths > MAX_PATHS) {
      throw new PatternError(l10n.t('the pattern has more than {0} ways of matching (its alternatives and repetition counts multiplied), which could make scanning slow: use fewer optional parts or alternatives', MAX_PATHS), 0);
    }
    new RegExp(part.source, 'u');
    return { source: part.source };
  } catch (e) {
    if (e instanceof PatternError) return { problem: e.message, at: e.at };
    return { problem: l10n.t('not a valid regular expression: {0}', (e as Error).message), at: 0 };
  }
}

class Parser {
  i = 0;
  constructor(private readonly p: string) {}

  alternation(): Part {
    const parts = [this.sequence()];
    while (this.p[this.i] === '|') {
      this.i++;
      parts.push(this.sequence());
    }
    if (parts.length === 1) return parts[0];
    return {
      source: parts.map((p) => p.source).join('|'),
      min: parts.reduce((n, p) => Math.min(n, p.min), Infinity),
      max: parts.reduce((n, p) => Math.max(n, p.max), 0),
      paths: cap(parts.reduce((n, p) => n + p.paths, 0)),
    };
  }

  private sequence(): Part {
    const seq: Part = { source: '', min: 0, max: 0, paths: 1 };
    while (this.i < this.p.length && this.p[this.i] !== '|' && this.p[this.i] !== ')') {
      const part = this.repeated(this.atom());
      seq.source += part.source;
      seq.min += part.min;
      seq.max += part.max;
      seq.paths = cap(seq.paths * part.paths);
    }
    return seq;
  }

  private atom(): Part {
    const { p } = this;
    const at = this.i;
    const c = p[at];
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '\\':
        this.i += 2;
        return single(this.escape(p[at + 1], at, false));
      case '.':
        throw new PatternError('"." matches any character: write the characters an id may have, e.g. [A-Z0-9]', at);
      case '^':
      case '$':
        throw new PatternError(l10n.t('"{0}" is not needed: an id is matched between word boundaries', c), at);
      case '*':
      case '+':
      case '?':
      case '{':
        throw new PatternError(l10n.t('"{0}" repeats nothing', c), at);
      case ']':
      case '}':
        throw new PatternError(l10n.t('"{0}" must be escaped: \\{0}', c), at);
    }
    const char = String.fromCodePoint(p.codePointAt(at)!);
    this.i += char.length;
    return single(literal(char, at));
  }

  private group(): Part {
    const { p } = this;
    const at = this.i;
    this.i++;
    if (p[this.i] === '?') {
      if (p[this.i + 1] === ':') this.i += 2;
      else if (p[this.i + 1] === '=' || p[this.i + 1] === '!' || (p[this.i + 1] === '<' && (p[this.i + 2] === '=' || p[this.i + 2] === '!'))) {
        throw new PatternError('lookarounds ("(?=", "(?!", "(?<=", "(?<!") are not supported', at);
      } else throw new PatternError('only (…) and (?:…) groups are supported', at);
    }
    const inner = this.alternation();
    if (p[this.i] !== ')') throw new PatternError('unclosed group: "(" without ")"', at);
    this.i++;
    return { ...inner, source: `(?:${inner.source})` };
  }

  private charClass(): Part {
    const { p } = this;
    const at = this.i;
    this.i++;
    if (p[this.i] === '^') throw new PatternError('negated classes ("[^…]") match almost anything, line breaks too: list the characters an id may have', this.i);
    let source = '';
    for (;;) {
      if (this.i >= p.length) throw new PatternError('unclosed class: "[" without "]"', at);
      if (p[this.i] === ']') break;
      const from = this.classChar();
      if (p[this.i] === '-' && p[this.i + 1] !== ']' && from.length === 1) {
        this.i++;
        const to = this.classChar();
        if (to.length !== 1 || to.char.codePointAt(0)! < from.char.codePointAt(0)!) throw new PatternError(l10n.t('"{0}-{1}" is not a range', from.char, to.char), this.i - 1);
        source += `${from.source}-${to.source}`;
      } else source += from.source;
    }
    this.i++;
    if (!source) throw new PatternError('an empty class matches nothing', at);
    return single(`[${source}]`);
  }

  /** One member of a class: a character, or \d and \w (length 0: no range may start or end there). */
  private classChar(): { source: string; char: string; length: number } {
    const { p } = this;
    const at = this.i;
    if (p[at] === '\\') {
      this.i += 2;
      const source = this.escape(p[at + 1], at, true);
      return { source, char: p[at + 1], length: source === '\\d' || source === '\\w' ? 0 : 1 };
    }
    const char = String.fromCodePoint(p.codePointAt(at)!);
    this.i += char.length;
    return { source: literal(char, at, true), char, length: 1 };
  }

  private escape(c: string | undefined, at: number, inClass: boolean): string {
    if (c === undefined) throw new PatternError('"\\" at the end of the pattern', at);
    if (c === 'd' || c === 'w') return `\\${c}`;
    if (c === 'b' || c === 'B') throw new PatternError('"\\b" is not needed: an id is matched between word boundaries', at);
    if (/[1-9]/.test(c) || c === 'k') throw new PatternError('backreferences are not supported', at);
    if (c === 's' || c === 'S' || c === 'D' || c === 'W' || c === 'n' || c === 'r' || c === 't') {
      throw new PatternError(l10n.t('"\\{0}" is not supported: an id is on one line; write the characters it may have', c), at);
    }
    if (!ESCAPABLE.has(c)) throw new PatternError(l10n.t('"\\{0}" is not supported', c), at);
    return literal(c, at, inClass);
  }

  private repeated(part: Part): Part {
    const { p } = this;
    const at = this.i;
    let min: number;
    let max: number;
    if (p[at] === '*' || p[at] === '+') throw new PatternError(l10n.t('"{0}" repeats without a bound: write one, e.g. {1}', p[at], '{1,6}'), at);
    if (p[at] === '?') {
      [min, max] = [0, 1];
      this.i++;
    } else if (p[at] === '{') {
      const m = /^\{(\d{1,3})(?:(,)(\d{0,3}))?\}/.exec(p.slice(at));
      if (!m) throw new PatternError('a repetition is written {n} or {m,n}', at);
      if (m[2] && !m[3]) throw new PatternError(l10n.t('"{0}" repeats without a bound: write one, e.g. {1}', m[0], `{${m[1]},${Number(m[1]) + 4}}`), at);
      min = Number(m[1]);
      max = m[3] ? Number(m[3]) : min;
      if (max > MAX_REPEAT) throw new PatternError(l10n.t('"{0}": at most {1} repetitions', m[0], MAX_REPEAT), at);
      if (min > max) throw new PatternError(l10n.t('"{0}": the first count is larger than the second', m[0]), at);
      this.i += m[0].length;
    } else return part;
    if (p[this.i] === '?' || p[this.i] === '*' || p[this.i] === '+' || p[this.i] === '{') throw new PatternError(l10n.t('"{0}" after a repetition is not supported', p[this.i]), this.i);
    let paths = 0;
    for (let k = min; k <= max && paths <= MAX_PATHS; k++) paths = cap(paths + part.paths ** k);
    const source = min === max ? `${part.source}{${min}}` : max === 1 && min === 0 ? `${part.source}?` : `${part.source}{${min},${max}}`;
    return { source, min: part.min * min, max: part.max * max, paths };
  }
}

function single(source: string): Part {
  return { source, min: 1, max: 1, paths: 1 };
}

/** A character as itself, escaped where the regex syntax needs it; line breaks and tabs are refused. */
function literal(char: string, at: number, inClass = false): string {
  if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(char) || (/\s/.test(char) && char !== ' ')) throw new PatternError('line breaks, tabs and other control characters are not allowed in an id', at);
  return NEEDS_ESCAPE.has(char) || (inClass && char === '-') ? `\\${char}` : char;
}
