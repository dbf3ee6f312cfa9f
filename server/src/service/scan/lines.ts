// Patterns that hold at the start of a line. With the multiline flag, `^` has the engine try the
// pattern at every character of the text and fail on most; tried as a sticky pattern at each
// line start, it runs once a line, and not at all on a line whose first character (after up to
// three spaces or tabs) is none the pattern can start with: most lines are prose.

/**
 * The matches of a sticky pattern at the start of each line of `text` (lines end at line feeds),
 * in order; `mayStart` says which first characters the pattern can match at.
 */
export function* lineMatches(text: string, pattern: RegExp, mayStart: (code: number) => boolean): Generator<RegExpExecArray> {
  for (let at = 0; at < text.length; ) {
    let first = at;
    while (first - at < 3 && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    const m = mayStart(text.charCodeAt(first)) ? ((pattern.lastIndex = at), pattern.exec(text)) : null;
    if (m) yield m;
    const eol = text.indexOf('\n', m ? m.index + m[0].length : at);
    if (eol < 0) return;
    at = eol + 1;
  }
}
