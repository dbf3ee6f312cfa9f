// Reads a framework named by its usual name and, where written, its version: COBIT 2019, ITIL 4,
// CMMI-SVC, MOF 4.0, Microsoft Operations Framework, Run SAP.
import type { FrameworkReference } from './reference';

const AFTER = '(?![\\p{L}\\p{N}]|\\.\\d)';
const MARK = '(?:®|\\(R\\))?';
const SP = '[ \\u00A0]';
/** MOF's versions are written 4 or 4.0; the data says 4.0. */
const mofVersion = (v: string | undefined) => (v ? (v.includes('.') ? v : `${v}.0`) : undefined);

interface Pattern {
  framework: string;
  re: RegExp;
  /** Maps the captured version text to the version key of the data. */
  version: (written: string | undefined) => string | undefined;
}

const PATTERNS: readonly Pattern[] = [
  {
    framework: 'cobit',
    re: new RegExp(`(?:COBIT|Cobit)${MARK}(?:${SP}?(2019|4\\.1|5|4))?${MARK}${AFTER}`, 'uy'),
    version: (v) => v,
  },
  {
    framework: 'itil',
    re: new RegExp(`ITIL${MARK}(?:${SP}?(?:[vV]|[Vv]ersion${SP})?(4|3|2|2011|2007)|${SP}(V3|V2))?${MARK}${AFTER}`, 'uy'),
    version: (v) => (v === undefined ? undefined : v === '4' ? '4' : v === '2' || v === 'V2' ? 'v2' : 'v3'),
  },
  {
    framework: 'cmmi-svc',
    re: new RegExp(
      `CMM[Ii]${MARK}(?:-SVC|-Services|${SP}for${SP}Services)(?:,?${SP}?(?:[vV]|[Vv]ersion${SP}|V${SP})?(1\\.3|1\\.2|2\\.0|3\\.0))?${AFTER}`,
      'uy',
    ),
    version: (v) => v,
  },
  {
    framework: 'mof',
    re: new RegExp(`Microsoft${SP}Operations${SP}Framework(?:${SP}\\(MOF\\))?(?:${SP}[vV]?(4\\.0|4|3\\.0|3))?${AFTER}`, 'uy'),
    version: mofVersion,
  },
  {
    // "MOF" alone also means Meta-Object Facility or a ministry: only with a version.
    framework: 'mof',
    re: new RegExp(`MOF${SP}?[vV]?(4\\.0|4|3\\.0|3)${AFTER}`, 'uy'),
    version: mofVersion,
  },
  {
    framework: 'run-sap',
    re: new RegExp(`Run${SP}SAP${MARK}(?:${SP}Like${SP}a${SP}Factory)?${AFTER}`, 'uy'),
    version: () => undefined,
  },
];

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SENTENCE_START = /(?:^|[.!?:]\s+|\n\s*)$/;
const LOWERCASE_WORD = /^\s+\p{Ll}/u;

/** Reads a framework reference starting at `anchor`, or undefined. */
export function readFramework(text: string, anchor: number): FrameworkReference | undefined {
  if (anchor > 0 && LETTER_OR_DIGIT.test(text[anchor - 1])) return undefined;
  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = anchor;
    const m = pattern.re.exec(text);
    if (!m) continue;
    const end = m.index + m[0].length;
    if (pattern.framework === 'run-sap' && isImperativeRun(text, anchor, end)) return undefined;
    const version = pattern.version(m[1] ?? m[2]);
    return {
      kind: 'framework',
      start: anchor,
      end,
      text: m[0],
      id: { framework: pattern.framework, ...(version ? { version } : {}) },
    };
  }
  return undefined;
}

/** "Run SAP workloads on…" at the start of a sentence is an instruction, not the methodology. */
function isImperativeRun(text: string, start: number, end: number): boolean {
  return SENTENCE_START.test(text.slice(Math.max(0, start - 3), start)) && LOWERCASE_WORD.test(text.slice(end, end + 3));
}
