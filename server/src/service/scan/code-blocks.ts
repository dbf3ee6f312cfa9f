// Front matter and fenced and indented code: the blocks of a Markdown text that are not the
// author's prose. Found line by line on character codes, since most lines are prose and need no
// slice and no regex.
//
// After an edit, the lines far from it read as they did: the pass starts again at a line before
// the edit whose reading does not depend on the lines before it, and stops at such a line after
// the edit where the earlier text's pass read the same, taking the earlier blocks from there on.
// That line is a paragraph's first: after a blank line, not indented, no fence, no list item; the
// pass leaves it knowing it is neither in a list nor after a blank line, whatever came before.
import { findFrontMatter, frontMatterOpening } from './front-matter';
import { spanHolding, type Span } from './spans';
import type { TextEdit } from './text-diff';

/** The blocks of the text before an edit, and the edit. */
export interface EarlierCodeBlocks {
  spans: readonly Span[];
  edit: TextEdit;
}

/**
 * How far before an edit a line to start again from is looked for; beyond it the text is read
 * from its start. A text of one long paragraph has no such line.
 */
const LOOK_BACK = 16 * 1024;

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})([^\n]*)$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t\r]|$)/;

const TAB = 9;
const CR = 13;
const SPACE = 32;
const BACKTICK = 96;
const TILDE = 126;

/** Where the pass may stop and take the earlier text's blocks: lines at or after `from`, moved by `delta`. */
interface Resume {
  earlier: readonly Span[];
  from: number;
  delta: number;
}

export function findCodeBlocks(text: string, earlier?: EarlierCodeBlocks): Span[] {
  if (earlier) {
    const found = afterEdit(text, earlier);
    if (found) return found;
  }
  const spans: Span[] = [];
  const start = findFrontMatter(text)?.end ?? 0;
  if (start > 0) spans.push([0, start]);
  readLines(text, start, spans);
  return spans;
}

/** The blocks from the earlier text's where the edit left them alone; undefined where the text must be read whole. */
function afterEdit(text: string, { spans: earlier, edit }: EarlierCodeBlocks): Span[] | undefined {
  // Front matter opened on the first line ends at a closing line anywhere: the edit may have
  // closed it or opened it again. Where it is the earlier text's, the lines after it read alone.
  const opening = frontMatterOpening(text);
  if (opening) {
    const front = findFrontMatter(text);
    if ((front?.end ?? 0) !== (earlier[0]?.[0] === 0 ? earlier[0][1] : 0)) return undefined;
  }
  // The restart line never is the first (paragraphStartBefore), so the opening line is the earlier text's.
  const restart = paragraphStartBefore(text, edit.prefix, earlier);
  if (restart === undefined) return undefined;
  const spans: Span[] = [];
  for (const span of earlier) {
    if (span[0] >= restart) break;
    spans.push(span);
  }
  const delta = text.length - edit.lengthBefore;
  // The restart line and its line break lie before the first changed character, so they read as
  // they did (a lone carriage return reads as a line feed by the character after it). After the
  // edit, the pass stops only at a line whose line before starts past the changed characters:
  // the line break before that one must be the earlier text's too.
  readLines(text, restart, spans, { earlier, from: text.length - edit.suffix + 1, delta });
  return spans;
}

/**
 * The start of the last paragraph's first line whose line break lies before `limit`, and that
 * the earlier pass read as a line of its own (not inside a block); undefined if there is none
 * near enough, or only the text's first line, where front matter may begin.
 */
function paragraphStartBefore(text: string, limit: number, earlier: readonly Span[]): number | undefined {
  for (let eol = text.lastIndexOf('\n', limit - 1); eol > 0 && limit - eol < LOOK_BACK; eol = text.lastIndexOf('\n', eol - 1)) {
    const start = text.lastIndexOf('\n', eol - 1) + 1;
    if (start === 0) return undefined;
    const previousStart = text.lastIndexOf('\n', start - 2) + 1;
    if (opensParagraph(text, start, eol) && isBlank(text, previousStart, start - 1) && !spanHolding(earlier, start)) return start;
  }
  return undefined;
}

/** A line that is not blank, not indented, no fence and no list item: after a blank line, it starts a paragraph. */
function opensParagraph(text: string, start: number, eol: number): boolean {
  const indent = leadingSpaces(text, start, eol);
  const first = text.charCodeAt(start + indent);
  return start + indent < eol && first !== CR && indent < 4 && first !== TAB && first !== BACKTICK && first !== TILDE && !isListMarker(first);
}

function isBlank(text: string, start: number, eol: number): boolean {
  const indent = leadingSpaces(text, start, eol);
  return start + indent >= eol || text.charCodeAt(start + indent) === CR;
}

/**
 * Reads the lines from `pos`, a line start as after a blank line outside any list (the text's
 * start, or a paragraph's first line: see the top of this file), adding the blocks to `spans`. With
 * `resume`: stops at the first paragraph start at or after `resume.from` that the earlier pass
 * read too, and adds the earlier blocks after it.
 */
function readLines(text: string, pos: number, spans: Span[], resume?: Resume): void {
  let previousBlank = true;
  let inList = false;
  while (pos < text.length) {
    const eol = lineEnd(text, pos);
    const indent = leadingSpaces(text, pos, eol);
    const first = text.charCodeAt(pos + indent);
    const blank = pos + indent >= eol || first === CR;
    const indented = !blank && (indent >= 4 || text.charCodeAt(pos) === TAB);
    if (resume && previousBlank && pos >= resume.from && opensParagraph(text, pos, eol)) {
      // The line before this one is after the edit too, and so was blank in the earlier text: if
      // the earlier pass read this line, it read the rest as this pass would.
      const before = pos - resume.delta;
      if (text.lastIndexOf('\n', pos - 2) + 1 >= resume.from && !spanHolding(resume.earlier, before)) {
        for (const [s, e] of resume.earlier) if (s > before) spans.push([s + resume.delta, e + resume.delta]);
        return;
      }
    }
    if (!indented && (first === BACKTICK || first === TILDE)) {
      const fence = FENCE_OPEN.exec(text.slice(pos, eol).replace(/\r$/, ''));
      if (fence && !(fence[2][0] === '`' && fence[3].includes('`'))) {
        const end = fenceEnd(text, eol, fence[2]);
        spans.push([pos, end]);
        pos = end + 1;
        previousBlank = false;
        continue;
      }
    }
    if (indented && previousBlank && !inList) {
      const end = indentedCodeEnd(text, eol);
      spans.push([pos, end]);
      pos = end + 1;
      previousBlank = false;
      continue;
    }
    if (!blank) {
      if (isListMarker(first) && LIST_ITEM.test(text.slice(pos, Math.min(eol, pos + indent + 12)))) inList = true;
      else if (previousBlank && !indented) inList = false;
    }
    previousBlank = blank;
    pos = eol + 1;
  }
}

function leadingSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) === SPACE) i++;
  return i - from;
}

function isListMarker(code: number): boolean {
  return code === 45 || code === 42 || code === 43 || (code >= 48 && code <= 57); // - * + digit
}

/** Where an indented code block that starts on the line ending at `eol` ends: its last indented line. */
function indentedCodeEnd(text: string, eol: number): number {
  let end = eol;
  let next = eol + 1;
  while (next < text.length) {
    const nextEol = lineEnd(text, next);
    const indent = leadingSpaces(text, next, nextEol);
    const blank = isBlank(text, next, nextEol);
    if (!blank && indent < 4 && text.charCodeAt(next) !== TAB) break;
    if (!blank) end = nextEol;
    next = nextEol + 1;
  }
  return end;
}

function lineEnd(text: string, pos: number): number {
  const eol = text.indexOf('\n', pos);
  return eol < 0 ? text.length : eol;
}

/** The offset of the end of the line that closes a fence opened by `marker`, or the text's end. */
function fenceEnd(text: string, from: number, marker: string): number {
  const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*\\r?$`, 'gm');
  close.lastIndex = from;
  const m = close.exec(text);
  return m ? m.index + m[0].length : text.length;
}
