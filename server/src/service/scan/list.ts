// Lists that continue a reference without repeating the publisher: "ISO/IEC 27001 and 27002",
// "ISO/IEC 27001, 27002 and 27005", "ISO 27001/27002", "ISO/IEC 20000-1 and -2". Each member
// becomes a reference of its own with the publisher and type of the head.
import { NONE, type StandardReference } from './reference';

const SEPARATOR = /(?:[ \u00A0]*(?:,|;|&|\/)[ \u00A0]*(?:(?:and|or|und|et|&)[ \u00A0]+)?|[ \u00A0]+(?:and|or|und|et|&|as well as)[ \u00A0]+)/y;
const MEMBER = /(\d{3,6})((?:-\d{1,5})*)(?:[ \u00A0]?:[ \u00A0]?(\d{4}))?(?![\p{L}\p{N}%]|[.,]\d)/uy;
const PART_MEMBER = /-(\d{1,5})(?:[ \u00A0]?:[ \u00A0]?(\d{4}))?(?![\p{L}\p{N}%]|[.,]\d)/uy;
const YEAR_LIKE = /^(?:19|20)\d\d$/;

/** The members of a list that continues `head`, each a reference of its own, in order. */
export function readContinuation(text: string, head: StandardReference): StandardReference[] {
  const members: StandardReference[] = [];
  let previous = head;
  for (;;) {
    SEPARATOR.lastIndex = previous.end;
    const separator = SEPARATOR.exec(text);
    if (!separator) return members;
    const at = previous.end + separator[0].length;
    const member = readMember(text, at, head, previous);
    if (!member) return members;
    members.push(member);
    previous = member;
  }
}

function readMember(text: string, at: number, head: StandardReference, previous: StandardReference): StandardReference | undefined {
  PART_MEMBER.lastIndex = at;
  const part = PART_MEMBER.exec(text);
  if (part && previous.id.parts.length > 0) {
    const end = at + part[0].length;
    return member(text, at, end, head, {
      number: previous.id.number,
      parts: [...previous.id.parts.slice(0, -1), part[1]],
      year: part[2],
    });
  }
  MEMBER.lastIndex = at;
  const m = MEMBER.exec(text);
  // "ISO 9001:2015 and 2022" names years, not standards; four-digit numbers that look like years
  // continue a list only when they carry a part or a year of their own.
  if (!m || (m[1].length < 4) || (YEAR_LIKE.test(m[1]) && !m[2] && !m[3])) return undefined;
  return member(text, at, at + m[0].length, head, {
    number: m[1],
    parts: m[2] ? m[2].slice(1).split('-') : [],
    year: m[3],
  });
}

function member(
  text: string,
  start: number,
  end: number,
  head: StandardReference,
  written: { number: string; parts: string[]; year?: string },
): StandardReference {
  const { publishers, type, adoption } = head.id;
  return {
    kind: 'standard',
    start,
    end,
    text: text.slice(start, end),
    continuation: true,
    id: {
      publishers,
      ...(type ? { type } : {}),
      number: written.number,
      parts: written.parts.length ? written.parts : NONE,
      ...(written.year ? { year: Number(written.year) } : {}),
      supplements: NONE,
      ...(adoption ? { adoption } : {}),
    },
  };
}
