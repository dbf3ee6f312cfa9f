// What a document says to normref about itself: the edition of ISO/IEC 27001/27002 its bare
// control numbers mean, declared in front matter (`normref: { edition: 2013 }`, or `normref:` with
// an indented `edition: 2013`) or in a comment (`<!-- normref edition: 2013 -->`). A comment shown
// inside a Markdown code block is an example, not a declaration.
import { markdownCodeBlocks, type Span } from './prose';

const COMMENT = /<!--\s*normref\s+edition\s*:?\s*["']?(2005|2013|2022)["']?\s*-->/g;
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const INLINE = /^normref:[ \t]*\{[^}\n]*\bedition:[ \t]*["']?(2005|2013|2022)\b/m;
const NESTED = /^normref:[ \t]*\r?\n(?:[ \t]+.*\r?\n)*?[ \t]+edition:[ \t]*["']?(2005|2013|2022)\b/m;

export function declaredEdition(text: string, format: 'markdown' | 'plaintext'): string | undefined {
  const front = FRONT_MATTER.exec(text)?.[1];
  const fromFront = front !== undefined ? (INLINE.exec(front) ?? NESTED.exec(front))?.[1] : undefined;
  if (fromFront) return fromFront;
  let code: Span[] | undefined;
  for (const m of text.matchAll(COMMENT)) {
    // Code blocks are worked out only when a directive is there to be checked.
    if (format === 'markdown') code ??= markdownCodeBlocks(text);
    if (!code?.some(([start, end]) => m.index >= start && m.index < end)) return m[1];
  }
  return undefined;
}
