// Line ends as the passes over a text expect them. A lone carriage return (old Mac files) ends a
// line as a line feed does; CRLF is read as it is. The replacement keeps the length, so every
// offset found in the result is an offset into the text as written.

const LONE_CR = /\r(?!\n)/;

/**
 * A blank line, from the line feed before it to its own: spaces and tabs between, and the carriage
 * return a CRLF text keeps. A paragraph ends there, and the blocks are cut there (blocks.ts).
 */
export const BLANK_LINE = /\n[ \t]*\r?\n/;

export function withLineFeeds(text: string): string {
  // Most texts have no carriage return at all, which a plain search says fastest.
  return text.indexOf('\r') >= 0 && LONE_CR.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}
