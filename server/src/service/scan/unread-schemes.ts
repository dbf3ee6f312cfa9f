// The schemes policies cite beside ISO standards that normref does not read (NIST SP 800-53,
// PCI DSS, SOC 2, CIS): their numbers ("control 3.1.1", "AC-2") are not Annex A controls or
// clauses, in a table column headed by one or in a sentence that names one.
import { escapeRegExp } from './alternation';
import type { ControlVocabulary } from './names';

interface Expressions {
  /** A scheme's name, as a whole word in any case. */
  name: RegExp;
  /** A scheme's name, then at most a few designators ("NIST SP 800-171 Rev. 2 ", "CMMC level 2, "), at the end of the text before a number. */
  before: RegExp;
  /** "of NIST SP 800-171", "in the CIS Controls", at the start of the text after a number. */
  after: RegExp;
}

const NOTHING = /(?!)/;
const NONE: Expressions = { name: NOTHING, before: NOTHING, after: NOTHING };
const known = new WeakMap<ControlVocabulary, Expressions>();
/** Words that may stand between a scheme's name and its number: a publication, a revision, a version, a level. */
const DESIGNATOR = String.raw`(?:SP|Rev\.?|Revision|level|v?\d[\p{L}\p{N}.-]*)`;
/** How far before or after a number its scheme is looked for: a name and three designators. */
const REACH = 48;

function expressionsOf(vocabulary: ControlVocabulary): Expressions {
  let expressions = known.get(vocabulary);
  if (!expressions) {
    const names = vocabulary.unreadSchemes ?? [];
    const alternatives = `(?:${names.map(escapeRegExp).join('|')})`;
    expressions = names.length
      ? {
          name: new RegExp(`(?<![\\p{L}\\p{N}])${alternatives}(?![\\p{L}\\p{N}])`, 'iu'),
          before: new RegExp(`(?<![\\p{L}\\p{N}])${alternatives}(?:[ \\u00A0]+${DESIGNATOR}){0,3},?[ \\u00A0]+$`, 'iu'),
          after: new RegExp(`^[ \\u00A0]+(?:of|in|from)[ \\u00A0]+(?:the[ \\u00A0]+)?${alternatives}(?![\\p{L}\\p{N}])`, 'iu'),
        }
      : NONE;
    known.set(vocabulary, expressions);
  }
  return expressions;
}

/** Whether `text` (a table header) names a scheme normref does not read. */
export function namesUnreadScheme(text: string, vocabulary: ControlVocabulary): boolean {
  return expressionsOf(vocabulary).name.test(text);
}

/** Whether the number written at [start, end) is one of such a scheme: "NIST SP 800-171 control 3.1.1", "control 3.3 of NIST SP 800-171". */
export function ofUnreadScheme(text: string, start: number, end: number, vocabulary: ControlVocabulary): boolean {
  const { before, after } = expressionsOf(vocabulary);
  // Within the line, and no further than REACH: a search for the line's ends could cross a long line each time.
  const preceding = text.slice(Math.max(0, start - REACH), start);
  const following = text.slice(end, end + REACH);
  const feed = following.indexOf('\n');
  return before.test(preceding.slice(preceding.lastIndexOf('\n') + 1)) || after.test(feed < 0 ? following : following.slice(0, feed));
}
