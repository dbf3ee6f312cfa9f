// What must hold for every input: the properties the fuzz suite checks, shared by the short run in
// `npm test` and the long one of `npm run fuzz`. Each throws an AssertionError naming what broke.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatFrameworkId, formatStandardId, scan as scanWith, type NormrefService, type Reference } from '../../server/src/service';
import { bundledVocabulary } from '../support/catalog';
import type { Edit } from './generators';

type Format = 'markdown' | 'plaintext';

const scan = (text: string, format: Format) => scanWith(text, format, bundledVocabulary());

/** Every reference lies inside the text, is the text at its range, and they come in text order without overlap. */
export function assertWellFormed(text: string, references: readonly Reference[]): void {
  let previousEnd = 0;
  for (const r of references) {
    assert.ok(Number.isInteger(r.start) && Number.isInteger(r.end), `integer offsets: ${r.start}, ${r.end}`);
    assert.ok(r.start >= 0 && r.start < r.end && r.end <= text.length, `range [${r.start}, ${r.end}) inside the text of ${text.length}`);
    assert.equal(r.text, text.slice(r.start, r.end), 'text equals the substring at its range');
    assert.ok(r.start >= previousEnd, `in text order, no overlap: ${r.start} after ${previousEnd}`);
    previousEnd = r.end;
  }
}

export function checkScan(text: string, format: Format): void {
  assertWellFormed(text, scan(text, format));
}

/** What a reference says, for comparing two analyses. */
function described(r: Reference): string {
  switch (r.kind) {
    case 'standard':
      return `standard ${formatStandardId(r.id)}`;
    case 'framework':
      return `framework ${formatFrameworkId(r.id)}`;
    case 'control':
      return `control ${r.id.form} ${r.id.number}`;
    default:
      return `area ${r.id.name}`;
  }
}

/**
 * Line ends do not change what is found: a text with CRLF or lone CR line ends gives the references
 * of the same text with LF, at the same places (a CRLF offset counts one more per line break).
 */
export function checkLineEnds(lfText: string, format: Format): void {
  const expected = scan(lfText, format).map((r) => `${described(r)} @${r.start}`);
  assert.deepEqual(scan(lfText.replace(/\n/g, '\r'), format).map((r) => `${described(r)} @${r.start}`), expected, 'CR line ends');
  const crlf = lfText.replace(/\n/g, '\r\n');
  const breaksBefore = lineBreakCounter(lfText);
  const fromCrlf = scan(crlf, format).map((r) => `${described(r)} @${r.start - breaksBefore.crlf(r.start)}`);
  assert.deepEqual(fromCrlf, expected, 'CRLF line ends');
}

/** For an offset into the CRLF form of a text, the number of line breaks before it. */
function lineBreakCounter(lfText: string) {
  const breaks: number[] = [];
  for (let i = lfText.indexOf('\n'); i >= 0; i = lfText.indexOf('\n', i + 1)) breaks.push(i);
  return {
    crlf(offset: number): number {
      // Break k of the LF text sits at breaks[k] + k in the CRLF text (its \r).
      let lo = 0;
      let hi = breaks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (breaks[mid] + mid < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

let documentCount = 0;

/** The service on a document: no exception, and hover, links and completion agree with the analysis. */
export function checkService(service: NormrefService, text: string, format: Format): void {
  const document = TextDocument.create(`file:///fuzz/${documentCount++}.${format === 'markdown' ? 'md' : 'txt'}`, format, 1, text);
  const analysis = service.analyze(document);
  assertWellFormed(text, analysis.resolutions.map((r) => r.reference));
  for (const r of analysis.resolutions.slice(0, 20)) {
    const position = document.positionAt((r.reference.start + r.reference.end) >> 1);
    const hover = service.hover(document, position);
    assert.ok(hover, `a hover on ${JSON.stringify(r.reference.text)}`);
    assert.deepEqual(hover.range, analysis.rangeOf(r.reference));
  }
  for (const link of service.documentLinks(document)) {
    assert.match(link.target ?? '', /^https?:\/\//, 'links are web addresses');
  }
  const end = document.positionAt(text.length);
  service.complete(document, end, undefined, true);
  service.complete(document, document.positionAt(text.length >> 1));
  service.forget(document.uri);
}

function summary(service: NormrefService, document: TextDocument): string[] {
  return service.analyze(document).resolutions.map((r) => `${r.id} [${r.reference.start}, ${r.reference.end})`);
}

/**
 * Incremental edits, applied as the server applies them (the document object updated in place),
 * with requests between them, end in the analysis a fresh document with the final text gets.
 * `sameVersion`: the client sends every edit under the version it opened with.
 */
export function checkEdits(service: NormrefService, initial: string, format: Format, list: ReadonlyArray<{ at: number; length: number; text: string }>, sameVersion: boolean): void {
  const uri = `file:///fuzz/edited-${documentCount++}.md`;
  const document = TextDocument.create(uri, format, 1, initial);
  service.analyze(document);
  for (const edit of list) {
    const text = document.getText();
    const start = Math.floor(edit.at * text.length);
    const change: Edit = { start, end: Math.min(text.length, start + edit.length), text: edit.text };
    TextDocument.update(document, [{ range: { start: document.positionAt(change.start), end: document.positionAt(change.end) }, text: change.text }], sameVersion ? document.version : document.version + 1);
    service.hover(document, document.positionAt(start));
  }
  const fresh = TextDocument.create(`${uri}.fresh`, format, 1, document.getText());
  assert.deepEqual(summary(service, document), summary(service, fresh), 'edited document equals a fresh one');
  service.forget(uri);
  service.forget(fresh.uri);
}
