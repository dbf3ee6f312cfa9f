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
  /** Files that could not be read or checked, each with the line said on standard error. */
  problems: { file: string; path?: string; message: string }[];
}

export interface Reporter {
  file(checked: CheckedFile): void;
  end(summary: Summary): void;
}

/** A finding's message on one line: a line-oriented output must not be broken by a message. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
