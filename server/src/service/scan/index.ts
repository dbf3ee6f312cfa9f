// The scan stage: finds every reference in a text, with exact ranges. Knows nothing of the
// catalog, of LSP or of VS Code; pure and linear in the length of the text.
//
// One regular expression finds anchors (the words a reference can start with); a reader for the
// anchor's kind then reads the reference in bounded steps, and the search resumes after it.
import { readBritishStandard } from './british';
import { readFramework } from './framework';
import { readContinuation } from './list';
import { markdownMask, plainTextMask } from './prose';
import type { Reference } from './reference';
import { readStandard } from './standard';

export type { FrameworkId, Reference, ReferenceKind, StandardId, StandardReference, Supplement } from './reference';
export { formatDesignation, formatFrameworkId, formatStandardId } from './format';

/** How to read the text: Markdown skips code, links and comments; anything else is plain text. */
export type TextFormat = 'markdown' | 'plaintext';

const ANCHOR = /ISO|IEC|IWA|COBIT|Cobit|ITIL|CMM[Ii]|MOF|Microsoft[ \u00A0]Operations|Run[ \u00A0]SAP|BS(?=[ \u00A0]?\d)/g;

function read(text: string, at: number, word: string): Reference | undefined {
  switch (word) {
    case 'ISO':
    case 'IEC':
    case 'IWA':
      return readStandard(text, at);
    case 'BS':
      return readBritishStandard(text, at);
    default:
      return readFramework(text, at);
  }
}

export function scan(text: string, format: TextFormat = 'plaintext'): Reference[] {
  const mask = format === 'markdown' ? markdownMask(text) : plainTextMask(text);
  const references: Reference[] = [];
  let lastEnd = 0;
  const anchors = new RegExp(ANCHOR.source, 'g');
  for (let m = anchors.exec(text); m; m = anchors.exec(text)) {
    const prose = mask.skip(m.index);
    if (prose !== m.index) {
      anchors.lastIndex = prose;
      continue;
    }
    const reference = read(text, m.index, m[0]);
    if (!reference || reference.start < lastEnd) continue;
    references.push(reference);
    lastEnd = reference.end;
    if (reference.kind === 'standard') {
      for (const member of readContinuation(text, reference)) {
        references.push(member);
        lastEnd = member.end;
      }
    }
    anchors.lastIndex = lastEnd;
  }
  return references;
}
