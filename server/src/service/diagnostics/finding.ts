// What a check finds, independent of LSP: the CLI writes findings as text, JSON or SARIF, the
// server turns them into diagnostics and code actions. Offsets are the document's (UTF-16 code units).
import type { DiagnosticCode, Severity } from './rules';

export interface Edit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** What the fix does, as a code action's title: "Replace with ISO/IEC 27002:2022". */
  title: string;
  edits: Edit[];
  /**
   * The fix `normref check --fix` and "fix all" apply: the only reading of what the author meant.
   * A choice (one 2013 control became several) or a fix that changes what other references mean
   * is offered, never applied unasked.
   */
  safe: boolean;
}

export interface Related {
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  code: DiagnosticCode;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  /** Where the edition or the other citation that the message speaks of is written. */
  related: Related[];
  fixes: Fix[];
  /** The reference as normref reads it ("ISO/IEC 27002:2013", "ISO/IEC 27001:2013 A.9.2.3"): what `normref.ignore` and fingerprints match. */
  subject: string;
}

/**
 * A text with edits applied (document offsets into `text`), skipping any edit that overlaps one
 * before it, as editors do; returns the text and how many edits were applied.
 */
export function applyEdits(text: string, edits: readonly Edit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  let applied = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
    applied++;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), applied };
}
