// Patterns that hold at the start of a line. With the multiline flag, `^` has the engine try the
// pattern at every character of the text and fail on most; tried as a sticky pattern at each
// line start, it runs once a line.

/** The matches of a sticky pattern at the start of each line of `text` (lines end at line feeds), in order. */
export function* lineMatches(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  for (let at = 0; at < text.length; ) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m) yield m;
    const eol = text.indexOf('\n', m ? m.index + m[0].length : at);
    if (eol < 0) return;
    at = eol + 1;
  }
}
