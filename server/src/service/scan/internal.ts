// Finds the ids of the user's own schemes (custom data `internal`: "POL-AC-01") in prose. The
// patterns reach the scanner checked (custom/pattern.ts): each matches ids of bounded length in a
// bounded number of ways, so one expression of all of them, tried at each position, keeps the
// pass linear. An id stands between word boundaries; where two schemes match at one place, the
// one listed first wins.
import type { ProseMask } from './prose';
import type { InternalReference } from './reference';

export interface InternalWords {
  /** The scheme's name. */
  scheme: string;
  /** Its checked pattern: non-capturing, of the safe subset only. */
  source: string;
}

const compiledCache = new WeakMap<readonly InternalWords[], RegExp>();

function compile(schemes: readonly InternalWords[]): RegExp {
  let re = compiledCache.get(schemes);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${schemes.map((s) => `(${s.source})`).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    compiledCache.set(schemes, re);
  }
  return re;
}

export function findInternal(text: string, schemes: readonly InternalWords[], mask: ProseMask): InternalReference[] {
  const re = compile(schemes);
  const found: InternalReference[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const prose = mask.skip(m.index);
    if (prose !== m.index) {
      re.lastIndex = Math.max(prose, m.index + 1);
      continue;
    }
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    found.push({ kind: 'internal', start: m.index, end: m.index + m[0].length, text: m[0], id: { scheme: schemes[group - 1].scheme, id: m[0] } });
  }
  return found;
}
