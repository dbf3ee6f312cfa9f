// Reads a framework named by its usual name and, where written, its version: COBIT 2019, ITIL 4,
// CMMI-SVC v1.3, CMMI V2.0, MOF 4.0, Microsoft Operations Framework, Run SAP. The names and
// versions come from data/frameworks.yaml through the scanner's vocabulary, so a framework is
// added to the data, not here.
import type { FrameworkReference } from './reference';
import { escapeRegExp } from './alternation';

/** What the scanner knows of a framework (data/frameworks.yaml). */
export interface FrameworkWords {
  key: string;
  /** The canonical id's name: "CMMI-SVC", "COBIT". */
  label: string;
  versionPrefix?: string;
  written: readonly string[];
  versionRequired?: readonly string[];
  notFollowedBy?: readonly string[];
  anyVersion?: boolean;
  verbAtSentenceStart?: boolean;
  versions: ReadonlyArray<{ key: string; written?: readonly string[] }>;
}

const AFTER = '(?![\\p{L}\\p{N}]|\\.\\d)';
const MARK = '(?:®|\\(R\\))?';
const SP = '[ \\u00A0]';
const ANY_VERSION = '\\d{1,4}(?:\\.\\d{1,2})?';

interface Compiled {
  framework: FrameworkWords;
  re: RegExp;
  /** Written version → version key. */
  versions: Map<string, string>;
  needsVersion: Set<string>;
}

const compiledCache = new WeakMap<readonly FrameworkWords[], Compiled[]>();

function escape(text: string): string {
  return escapeRegExp(text).replace(/ /g, SP);
}

/** A version word in any case: "V3" and "v3" alike (names keep their case: "mof" is not MOF). */
function caseless(pattern: string): string {
  return pattern.replace(/\p{L}/gu, (c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`));
}

function compile(frameworks: readonly FrameworkWords[]): Compiled[] {
  const cached = compiledCache.get(frameworks);
  if (cached) return cached;
  const compiled = frameworks.map((framework) => {
    const versions = new Map<string, string>();
    for (const v of framework.versions) for (const w of v.written ?? []) versions.set(w.toLowerCase(), v.key);
    const written = [...versions.keys()].sort((a, b) => b.length - a.length).map((w) => caseless(escape(w)));
    if (framework.anyVersion) written.push(ANY_VERSION);
    const names = [...framework.written].sort((a, b) => b.length - a.length).map(escape).join('|');
    const version = written.length ? `(?:,?${SP}?(?:[vV](?:ersion)?${SP}?|[Vv]ersion${SP})?(${written.join('|')}))?` : '';
    const notFollowedBy = framework.notFollowedBy?.length ? `(?!${SP}+(?:${framework.notFollowedBy.map(escape).join('|')}))` : '';
    return {
      framework,
      re: new RegExp(`(${names})${MARK}${version}${MARK}${AFTER}${notFollowedBy}`, 'uy'),
      versions,
      needsVersion: new Set((framework.versionRequired ?? []).map((n) => n.toLowerCase())),
    };
  });
  compiledCache.set(frameworks, compiled);
  return compiled;
}

/** The first words of the frameworks' names, for the scanner's anchor expression. */
export function frameworkAnchors(frameworks: readonly FrameworkWords[]): string[] {
  return [...new Set(frameworks.flatMap((f) => f.written.map((w) => w.split(/[ -]/)[0])))];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SENTENCE_START = /(?:^|[.!?:]\s+|\n\s*)$/;
/** A lowercase word after the name on the same line: "Run SAP workloads". */
const LOWERCASE_WORD = /^[ \t]+\p{Ll}/u;

/** Reads a framework reference starting at `anchor`, the longest any framework's names match, or undefined. */
export function readFramework(text: string, anchor: number, frameworks: readonly FrameworkWords[]): FrameworkReference | undefined {
  if (anchor > 0 && LETTER_OR_DIGIT.test(text[anchor - 1])) return undefined;
  let best: { c: Compiled; m: RegExpExecArray } | undefined;
  for (const c of compile(frameworks)) {
    c.re.lastIndex = anchor;
    const m = c.re.exec(text);
    if (!m || (best && m[0].length <= best.m[0].length)) continue;
    if (m[2] === undefined && c.needsVersion.has(m[1].toLowerCase())) continue;
    best = { c, m };
  }
  if (!best) return undefined;
  const { c, m } = best;
  const end = anchor + m[0].length;
  if (c.framework.verbAtSentenceStart && isVerb(text, anchor, end)) return undefined;
  const version = m[2] === undefined ? undefined : (c.versions.get(m[2].toLowerCase()) ?? m[2]);
  return {
    kind: 'framework',
    start: anchor,
    end,
    text: m[0],
    id: { framework: c.framework.key, label: c.framework.label, ...(c.framework.versionPrefix ? { versionPrefix: c.framework.versionPrefix } : {}), ...(version ? { version } : {}) },
  };
}

/** "Run SAP workloads on…" at the start of a sentence is an instruction, not the methodology. */
function isVerb(text: string, start: number, end: number): boolean {
  return SENTENCE_START.test(text.slice(Math.max(0, start - 3), start)) && LOWERCASE_WORD.test(text.slice(end, end + 8));
}
