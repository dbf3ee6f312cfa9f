// Safe fixes applied to a whole text, as `normref check --fix` does: a fix can make another one
// possible (a new edition, then the controls it numbers), so the check runs again on the fixed
// text, at most MAX_PASSES times, as ESLint's --fix does.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyDocument } from '../analysis';
import { applyEdits, type Finding } from './finding';

const MAX_PASSES = 10;

export interface FixedText {
  text: string;
  /** The findings whose fixes were applied, pass after pass. */
  fixed: Finding[];
  passes: number;
}

export function fixText(document: PolicyDocument, findingsOf: (document: PolicyDocument) => Finding[]): FixedText {
  let current = document;
  const fixed: Finding[] = [];
  let passes = 0;
  while (passes < MAX_PASSES) {
    const findings = findingsOf(current).filter((f) => f.fixes.some((x) => x.safe));
    if (findings.length === 0) break;
    const text = current.getText();
    const edits = findings.flatMap((f) => f.fixes.find((x) => x.safe)!.edits);
    const result = applyEdits(text, edits);
    if (result.text === text) break;
    passes++;
    for (const f of findings) fixed.push(f);
    current = TextDocument.create(document.uri, document.languageId, current.version + 1, result.text);
  }
  return { text: current.getText(), fixed, passes };
}
