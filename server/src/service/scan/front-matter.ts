// Front matter: a YAML (--- … --- or …) or TOML (+++ … +++) block at the very start of a document.
// Found with one forward search for the closing line, so an unclosed block costs one pass.

export interface FrontMatter {
  format: 'yaml' | 'toml';
  /** Offsets of the block's content, between the opening and the closing line. */
  contentStart: number;
  contentEnd: number;
  /** Offset just past the closing line. */
  end: number;
}

const OPEN = /^\uFEFF?(---|\+\+\+)[ \t]*\r?\n/;
const YAML_CLOSE = /\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
const TOML_CLOSE = /\n\+\+\+[ \t]*(?:\r?\n|$)/g;

/** The length of the text's first line if it opens front matter (closed or not), else 0. */
export function frontMatterOpening(text: string): number {
  return OPEN.exec(text)?.[0].length ?? 0;
}

export function findFrontMatter(text: string): FrontMatter | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const contentStart = open[0].length;
  const close = open[1] === '---' ? YAML_CLOSE : TOML_CLOSE;
  // From the opening line's own line break, so that an empty block (---, ---) closes too.
  close.lastIndex = contentStart - 1;
  const m = close.exec(text);
  if (!m) return undefined;
  return { format: open[1] === '---' ? 'yaml' : 'toml', contentStart, contentEnd: Math.max(contentStart, m.index), end: m.index + m[0].length };
}
