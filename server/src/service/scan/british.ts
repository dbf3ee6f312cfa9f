// British Standards that became ISO/IEC standards and are still cited under their old names:
// BS 7799-1 (now ISO/IEC 27002), BS 7799-2 (now ISO/IEC 27001), BS 15000 (now ISO/IEC 20000).
import { NONE, publishersOf, type StandardReference } from './reference';

const BRITISH = /BS[ \u00A0]?(\d{4,5})((?:-\d{1,2})*)(?:[ \u00A0]?:[ \u00A0]?(\d{4}))?(?![\p{L}\p{N}])/uy;

export function readBritishStandard(text: string, anchor: number): StandardReference | undefined {
  if (anchor > 0 && /[\p{L}\p{N}]/u.test(text[anchor - 1])) return undefined;
  BRITISH.lastIndex = anchor;
  const m = BRITISH.exec(text);
  if (!m) return undefined;
  const end = anchor + m[0].length;
  return {
    kind: 'standard',
    start: anchor,
    end,
    text: m[0],
    id: {
      publishers: publishersOf(['BS']),
      number: m[1],
      parts: m[2] ? m[2].slice(1).split('-') : NONE,
      ...(m[3] ? { year: Number(m[3]) } : {}),
      supplements: NONE,
    },
  };
}
