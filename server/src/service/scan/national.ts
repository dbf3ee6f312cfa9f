// Standards of other publishers that became ISO or ISO/IEC standards and are still cited under
// their old names: BS 7799-2 (now ISO/IEC 27001), BS 15000 (ISO/IEC 20000), BS 25999-2
// (ISO 22301), OHSAS 18001 (ISO 45001), AS/NZS 4360 (ISO 31000). The publishers come from
// data/former-names.yaml through the vocabulary; "BS" is always read, as British Standards are
// cited so often. Forms: BS 7799-2:2005, BS 7799 Part 2:2005, BS OHSAS 18001, AS/NZS 4360:2004.
import { NONE, publishersOf, type StandardReference } from './reference';
import { escapeRegExp } from './alternation';

const SP = '[ \\u00A0]';
/** Publishers read when the vocabulary names none. */
export const DEFAULT_FORMER_PUBLISHERS: readonly string[] = ['BS'];

const compiledCache = new Map<string, RegExp>();

function patternOf(publishers: readonly string[]): RegExp {
  const key = publishers.join('|');
  let re = compiledCache.get(key);
  if (!re) {
    const names = [...publishers].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    // An optional adopting publisher ("BS OHSAS"), the publisher, the number, parts as "-2" or " Part 2", a year.
    re = new RegExp(
      `(?:(BS)${SP}+)?(${names})${SP}?(\\d{4,5})(${SP}+[Pp]art${SP}+\\d{1,2}|(?:-\\d{1,2})*)(?:${SP}?:${SP}?(\\d{4}))?(?![\\p{L}\\p{N}])`,
      'uy',
    );
    compiledCache.set(key, re);
  }
  return re;
}

/** The anchor words of the publishers: what the scanner's anchor expression looks for. */
export function formerPublisherAnchors(publishers: readonly string[]): string[] {
  return [...new Set(['BS', ...publishers].map((p) => p.split('/')[0]))];
}

export function readNationalStandard(text: string, anchor: number, publishers: readonly string[] = DEFAULT_FORMER_PUBLISHERS): StandardReference | undefined {
  if (anchor > 0 && /[\p{L}\p{N}]/u.test(text[anchor - 1])) return undefined;
  const re = patternOf(publishers.length ? publishers : DEFAULT_FORMER_PUBLISHERS);
  re.lastIndex = anchor;
  const m = re.exec(text);
  if (!m || (m[1] && m[2] === 'BS')) return undefined;
  const end = anchor + m[0].length;
  const parts = /[Pp]art/.test(m[4]) ? [m[4].replace(/\D+/g, '')] : m[4] ? m[4].slice(1).split('-') : NONE;
  return {
    kind: 'standard',
    start: anchor,
    end,
    text: m[0],
    id: {
      publishers: publishersOf([m[2]]),
      number: m[3],
      parts,
      ...(m[5] ? { year: Number(m[5]) } : {}),
      supplements: NONE,
      ...(m[1] ? { adoption: m[1] } : {}),
    },
  };
}
