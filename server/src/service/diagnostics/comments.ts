// Where normref's comments are read: HTML comments anywhere except, in Markdown, in code blocks
// and inline code (there they are examples, not directives); in plain text also the words after
// `#` or `//` at a line's start or after a space. Suppressions (suppression.ts) and the check of
// unreadable comments (directives.ts) read the same places.

import { markdownCodeBlocks, SpanCursor } from '../scan/prose';

/** Where a plain-text comment starts: "ISO/IEC 27002:2013  # normref-disable-line withdrawn". */
export const PLAIN_COMMENT = String.raw`(?:^|[ \t])(?:#|\/\/)[ \t]*`;

/** The matches of `html` (a global regex over HTML comments) that are no example in code. */
export function* commentsOutsideCode(text: string, format: 'markdown' | 'plaintext', html: RegExp): Generator<RegExpExecArray> {
  let code: SpanCursor | undefined;
  for (const m of text.matchAll(html)) {
    if (format === 'markdown') {
      // Code blocks are worked out only once a comment is there; comments come in order, so one cursor walks them.
      code ??= new SpanCursor(markdownCodeBlocks(text));
      if (code.skip(m.index) !== m.index || inInlineCode(text, m.index)) continue;
    }
    yield m;
  }
}

/** How far back on its line a comment is looked at for an open code span. */
const INLINE_REACH = 400;

/** Whether an offset lies inside an inline code span of its line (an odd number of backticks before it). */
function inInlineCode(text: string, offset: number): boolean {
  // The line's start is looked for within INLINE_REACH only: on a long line of comments a search
  // back to its start for each would be quadratic.
  const from = Math.max(0, offset - INLINE_REACH);
  const lineStart = from + text.slice(from, offset).lastIndexOf('\n') + 1;
  let ticks = 0;
  for (let i = lineStart; i < offset; i++) if (text.charCodeAt(i) === 96) ticks++;
  return ticks % 2 === 1;
}
