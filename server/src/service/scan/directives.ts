// What a document says to normref about itself: the edition of ISO/IEC 27001/27002 its bare
// control numbers mean, declared in front matter (`normref: { edition: 2013 }`, or `normref:` with
// an indented `edition: 2013`) or in a comment (`<!-- normref edition: 2013 -->`).

const COMMENT = /<!--\s*normref\s+edition\s*:?\s*["']?(2005|2013|2022)["']?\s*-->/;
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const INLINE = /^normref:[ \t]*\{[^}\n]*\bedition:[ \t]*["']?(2005|2013|2022)\b/m;
const NESTED = /^normref:[ \t]*\r?\n(?:[ \t]+.*\r?\n)*?[ \t]+edition:[ \t]*["']?(2005|2013|2022)\b/m;

export function declaredEdition(text: string): string | undefined {
  const front = FRONT_MATTER.exec(text)?.[1];
  const fromFront = front !== undefined ? (INLINE.exec(front) ?? NESTED.exec(front))?.[1] : undefined;
  return fromFront ?? COMMENT.exec(text)?.[1];
}
