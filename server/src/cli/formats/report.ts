// What each output format of `normref check` is given: one checked file at a time, then a summary.
// A format writes a file's findings as it gets them and keeps nothing of them, so the output of
// a tree of any size is never held whole.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../../service';

export interface CheckedFile {
  /** The file as the user names it: the path the walk produced, or --stdin-filename. */
  name: string;
  /** Its absolute path; for standard input without --stdin-filename, none. */
  path?: string;
  document: TextDocument;
  findings: readonly Finding[];
}

export interface Summary {
  /** Files read and checked. */
  files: number;
  filesWithFindings: number;
  counts: Record<Severity, number>;
  /** Findings a safe fix is known for, when --fix was not given: what it would fix. */
  fixable: number;
  /**
   * Files that could not be read or checked, and (`checked`) files checked whose fixes could not
   * be written, each with the line said on standard error.
   */
  problems: { file: string; path?: string; message: string; checked: boolean }[];
}

export interface Reporter {
  /** Writes a file's findings, waiting for a slow reader as it goes (Output.ready). */
  file(checked: CheckedFile): Promise<void>;
  end(summary: Summary): void;
}

/** A finding's message on one line: a line-oriented output must not be broken by a message. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Escapes with a name; U+2028 and U+2029, Unicode's line and paragraph separators, are no control characters, but editors break lines at them. */
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * A file's name as a line of output prints it: a control character, which would split the line
 * (a newline) or reach the terminal (an escape), as a backslash escape (`\n`, `\x1b`; the control
 * characters are all below U+0100). Backslashes stay as they are: on Windows they separate folders.
 */
export function printableName(name: string): string {
  return name.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
