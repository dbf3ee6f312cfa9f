// What must hold for every input: the properties the fuzz suite checks, shared by the short run in
// `npm test` and the long one of `npm run fuzz`. Each throws an AssertionError naming what broke.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, formatFrameworkId, formatStandardId, scan as scanWith, type NormrefService, type Reference } from '../../server/src/service';
import { scanText, type ScannedText } from '../../server/src/service/scan';
import { declaredEdition } from '../../server/src/service/scan/directives';
import { unreadable } from '../../server/src/service/limits';
import { IncrementalScan } from '../../server/src/service/scan/incremental';
import { bundledService, bundledVocabulary } from '../support/catalog';
import type { Edit } from './generators';

type Format = 'markdown' | 'plaintext';

const scan = (text: string, format: Format, vocabulary = bundledVocabulary()) => scanWith(text, format, vocabulary);

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

/** `service`: whose vocabulary to scan with (one with custom data reads its ids too). */
export function checkScan(text: string, format: Format, service: NormrefService = bundledService()): void {
  assertWellFormed(text, scan(text, format, service.catalog.controls.vocabulary));
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
    case 'internal':
      return `internal ${r.id.scheme} ${r.id.id}`;
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
  return readings(service.analyze(document));
}

/** Each resolution's id and range and, for a number, the edition the model reads it in and why. */
function readings(analysis: Analysis): string[] {
  return analysis.resolutions.map((r) => {
    const placed = r.kind === 'control' || r.kind === 'control-area' ? ` ${r.edition} ${r.rule} ${r.evidence?.start ?? ''}` : '';
    return `${r.id} [${r.reference.start}, ${r.reference.end})${placed}`;
  });
}

/** What the Problems panel shows of a document: each finding's code, severity, range, message and related places. */
function problems(service: NormrefService, document: TextDocument): string[] {
  return service.findings(document).map((f) => `${f.code} ${f.severity} [${f.start}, ${f.end}) ${f.message} ${f.related.map((r) => `${r.start}-${r.end}`).join(' ')}`);
}

/**
 * Incremental edits, applied as the server applies them (the document object updated in place),
 * with requests between them, give after each edit the findings a fresh document with the same
 * text gets (what the model and the check remember of earlier texts must not show), and end in
 * the analysis a fresh document with the final text gets.
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
    const now = TextDocument.create(`${uri}.now`, format, 1, document.getText());
    assert.deepEqual(problems(service, document), problems(service, now), 'findings after an edit equal those of a fresh document');
    service.forget(now.uri);
  }
  const fresh = TextDocument.create(`${uri}.fresh`, format, 1, document.getText());
  assert.deepEqual(summary(service, document), summary(service, fresh), 'edited document equals a fresh one');
  // And a scan of the whole text, with nothing kept from the edits: the service reads only the edited blocks again.
  if (!unreadable(fresh.getText())) {
    const whole = new Analysis(fresh, service.catalog, { defaultEdition: '2022', declaredEdition: declaredEdition(fresh.getText(), format) });
    assert.deepEqual(summary(service, document), readings(whole), 'edited document equals a scan of the whole text');
  }
  service.forget(uri);
  service.forget(fresh.uri);
}

/**
 * The scan of an edited text that reads again only the blocks an edit touched gives what a scan
 * of the whole final text gives, after every edit: the same references at the same offsets, with
 * the same contexts (the same objects, not merely equal ones), the same structure, and the same
 * readings of the document model. `cutOdds` 1 cuts the text at every blank line.
 */
export function checkBlockScan(initial: string, format: Format, list: ReadonlyArray<{ at: number; length: number; text: string }>, cutOdds: number, service: NormrefService = bundledService()): void {
  const vocabulary = service.catalog.controls.vocabulary;
  const incremental = new IncrementalScan(format, vocabulary, cutOdds);
  let text = initial;
  assertSameScan(incremental.scan(text), scanText(text, format, vocabulary), 'first scan');
  list.forEach((edit, n) => {
    const start = Math.floor(edit.at * text.length);
    text = text.slice(0, start) + edit.text + text.slice(Math.min(text.length, start + edit.length));
    assertSameScan(incremental.scan(text), scanText(text, format, vocabulary), `after edit ${n + 1}`);
  });
  // The document model reads the numbers of both alike.
  const catalog = service.catalog;
  const document = TextDocument.create(`file:///fuzz/blocks-${documentCount++}`, format, 1, text);
  const options = { defaultEdition: '2022' };
  assert.deepEqual(readings(new Analysis(document, catalog, { ...options, incremental })), readings(new Analysis(document, catalog, options)), 'the readings of the model');
}

function assertSameScan(actual: ScannedText, expected: ScannedText, when: string): void {
  assert.equal(actual.text, expected.text, `${when}: the text scanned`);
  assert.deepStrictEqual(actual.structure, expected.structure, `${when}: the structure`);
  assert.deepStrictEqual(actual.references, expected.references, `${when}: the references`);
  assert.deepStrictEqual(contextPlaces(actual.references), contextPlaces(expected.references), `${when}: the contexts are the references of the text`);
}

/** For each reference, the index of its context among the references, or its range if it is none of them. */
function contextPlaces(references: readonly Reference[]): Array<number | string | undefined> {
  const index = new Map<Reference, number>(references.map((r, i) => [r, i]));
  return references.map((r) => {
    const context = 'context' in r.id ? r.id.context : undefined;
    return context ? (index.get(context) ?? `${context.start}-${context.end}`) : undefined;
  });
}
