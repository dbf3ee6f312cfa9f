// The edit that declares a document's ISO/IEC 27001/27002 edition (the status bar's quick pick):
// it rewrites the declaration normref reads (scan/directives.ts), so that after it the document
// declares exactly the edition asked for, or none. Where nothing is declared yet, YAML front matter
// gets an `edition` entry in its `normref:` mapping; any other document a comment at its top.
import type { Edit } from '../diagnostics/finding';
import { editionDirective, editionEntry, settingsBlock, type SettingsBlock } from '../scan/directives';
import { findFrontMatter } from '../scan/front-matter';
import { withLineFeeds } from '../scan/line-ends';

/** The edits that make the text declare `edition` (null: declare none), given its format. */
export function declareEdition(written: string, format: 'markdown' | 'plaintext', edition: string | null): Edit[] {
  const text = withLineFeeds(written);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = settingsBlock(text);
  // An `edition` entry is rewritten even when its value is no edition: a second entry would be a duplicate key.
  const entry = editionEntry(block);
  if (block && entry) {
    if (edition !== null) return [{ start: entry.valueStart, end: entry.valueEnd, newText: quotedLike(text.slice(entry.valueStart, entry.valueEnd), edition) }];
    return [block.map!.entries.length === 1 ? wholeLines(text, block.start, block.end) : entryRemoval(text, block, entry.start, entry.valueEnd)];
  }
  const directive = editionDirective(text, format);
  if (directive) {
    if (edition !== null) return [{ start: directive.valueStart, end: directive.valueEnd, newText: quotedLike(text.slice(directive.valueStart, directive.valueEnd), edition) }];
    return [aloneOnLine(text, directive.start, directive.end) ? wholeLines(text, directive.start, directive.end) : { start: directive.start, end: directive.end, newText: '' }];
  }
  if (edition === null) return [];
  if (block) return [entryAddition(text, block, edition, eol)];
  const front = findFrontMatter(text);
  if (front?.format === 'yaml') {
    // Before the closing line: after the last line of content, or as the first line of an empty block.
    const at = lineEndBefore(text, front.contentEnd);
    return [at > front.contentStart ? { start: at, end: at, newText: `${eol}normref:${eol}  edition: ${edition}` } : { start: front.contentStart, end: front.contentStart, newText: `normref:${eol}  edition: ${edition}${eol}` }];
  }
  // At the top, after TOML front matter (which normref does not read) or a byte-order mark.
  const at = front ? front.end : text.startsWith('\uFEFF') ? 1 : 0;
  return [{ start: at, end: at, newText: `<!-- normref edition: ${edition} -->${eol}` }];
}

/** The new year written as the old value was: `2013`, `"2013"` or `'2013'`. */
function quotedLike(old: string, edition: string): string {
  const quote = old[0] === '"' || old[0] === "'" ? old[0] : '';
  return `${quote}${edition}${quote}`;
}

/** A new `edition` entry in an existing `normref:` block. */
function entryAddition(text: string, block: SettingsBlock, edition: string, eol: string): Edit {
  const map = block.map;
  if (map?.flow) {
    // `{ as-of: 2021 }` → `{ as-of: 2021, edition: 2013 }`; `{}` → `{ edition: 2013 }`.
    const close = text.lastIndexOf('}', map.end - 1);
    const inside = text.slice(text.indexOf('{', map.start) + 1, close);
    const at = close - (inside.length - inside.trimEnd().length);
    return { start: at, end: at, newText: inside.trim() ? `, edition: ${edition}` : ` edition: ${edition} ` };
  }
  const last = map?.entries.at(-1);
  if (map && last) {
    // After the last entry's line, indented as the first entry is.
    const indent = text.slice(lineStart(text, map.entries[0].start), map.entries[0].start);
    const at = lineEndAfter(text, last.valueEnd);
    return { start: at, end: at, newText: `${eol}${indent}edition: ${edition}` };
  }
  // `normref:` with nothing (or nothing readable) under it: the mapping is written whole.
  const at = lineEndAfter(text, block.start);
  return { start: block.start, end: at, newText: `normref:${eol}  edition: ${edition}` };
}

/** The removal of one entry of a mapping that has others. */
function entryRemoval(text: string, block: SettingsBlock, start: number, end: number): Edit {
  if (!block.map!.flow) return wholeLines(text, start, end);
  // In `{ a: 1, edition: 2013 }`, the entry and the comma before it (or, first, the one after it).
  const before = /,\s*$/.exec(text.slice(block.map!.start, start));
  if (before) return { start: block.map!.start + before.index, end, newText: '' };
  const after = /^\s*,\s*/.exec(text.slice(end, block.map!.end));
  return { start, end: end + (after?.[0].length ?? 0), newText: '' };
}

/** Whether only spaces share the lines of [start, end). */
function aloneOnLine(text: string, start: number, end: number): boolean {
  return !text.slice(lineStart(text, start), start).trim() && !text.slice(end, lineEndAfter(text, end)).trim();
}

/** The removal of the lines that hold [start, end), with the line end after them. */
function wholeLines(text: string, start: number, end: number): Edit {
  const from = lineStart(text, start);
  const eol = text.indexOf('\n', Math.max(start, end - 1));
  return { start: from, end: eol < 0 ? text.length : eol + 1, newText: '' };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the line end (before any CR) of the line holding `offset`. */
function lineEndAfter(text: string, offset: number): number {
  const eol = text.indexOf('\n', offset);
  return lineEndBefore(text, eol < 0 ? text.length : eol);
}

/** `offset`, moved before a CR that precedes it: where text goes at the end of a CRLF line. */
function lineEndBefore(text: string, offset: number): number {
  return text[offset - 1] === '\r' ? offset - 1 : offset;
}
