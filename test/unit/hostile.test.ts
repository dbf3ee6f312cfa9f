// The inputs that once hung or crashed normref, each with the output it must give. The growth
// guards (test/fuzz/growth.test.ts) check that their cost stays linear; these check the answers.
import test from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scan } from '../../server/src/service';
import { bundledService } from '../support/catalog';

let count = 0;
function analyse(text: string, languageId: 'markdown' | 'plaintext' = 'markdown') {
  const document = TextDocument.create(`file:///hostile/${count++}`, languageId, 1, text);
  const analysis = bundledService().analyze(document);
  bundledService().forget(document.uri);
  return analysis;
}

test('front matter with many indented lines is read, and an edition declared after them counts', () => {
  const reproducer = `---\nnormref:\n${'    x\n'.repeat(18)}---\nISO 27001\n`;
  assert.deepEqual(analyse(reproducer).resolutions.map((r) => r.id), ['ISO/IEC 27001']);
  const nested = `---\ntitle: Access: policy\nnormref:\n${'  # note\n'.repeat(40)}  other: 1\n  edition: 2013\n---\nSee A.8.2.\n`;
  const analysis = analyse(nested);
  assert.equal(analysis.declaredEdition, '2013');
  assert.deepEqual(analysis.resolutions.map((r) => r.id), ['ISO/IEC 27001:2013 A.8.2']);
});

test('a run of co-publishers or type words without a number is no reference, and the one after it is', () => {
  for (const run of ['ISO/'.repeat(16_000), `ISO${'-IEC'.repeat(16_000)}`, `ISO${' /IEC'.repeat(16_000)}`, `ISO${' DTR'.repeat(16_000)}`]) {
    assert.deepEqual(scan(run), [], run.slice(0, 12));
    assert.deepEqual(scan(`${run} and ISO 9001`).map((r) => r.text), ['ISO 9001'], run.slice(0, 12));
  }
  assert.equal(bundledService().lookup(`ISO/IEC/${'IEC/'.repeat(20_000)}`), undefined);
});

test('lists of any length are read whole: standards, controls, practices, SoA rows, area items', () => {
  const members = 130_000;
  assert.equal(analyse(`ISO/IEC 27001${', 27002'.repeat(members)}`).resolutions.length, members + 1);
  assert.equal(analyse(`ISO/IEC 27001:2022 A.5.1${', A.5.2'.repeat(members)}`).resolutions.length, members + 2);
  const practices = analyse(`ITIL 4 practices: Incident management${', Problem management'.repeat(members)}`).resolutions;
  assert.equal(practices.length, members + 2);
  assert.equal(practices.at(-1)!.id, 'ITIL 4 Problem management');
  const soa = analyse(`ISO/IEC 27001:2022\n\n| Control | Title |\n| --- | --- |\n${'| A.5.1 | Policies for information security |\n'.repeat(members)}`);
  assert.equal(soa.resolutions.filter((r) => r.id === 'ISO/IEC 27001:2022 A.5.1').length, members);
  const areas = analyse(`ISO/IEC 27002:2013\n\n${'- Access control\n'.repeat(members)}`);
  assert.equal(areas.resolutions.filter((r) => r.kind === 'control-area').length, members);
});

test('a delimiter row of 1.5 million columns is a delimiter row, and its table is read', () => {
  const analysis = analyse(`ISO/IEC 27001:2022\n\n| Control |\n${'|---'.repeat(1_500_000)}|\n| 5.15 |\n`);
  assert.deepEqual(analysis.resolutions.map((r) => r.id), ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2022 A.5.15']);
});

test('edition directives shown in 64,000 code blocks declare nothing; one in prose after them does', () => {
  const shown = '```\n<!-- normref edition: 2013 -->\n```\n\n'.repeat(64_000);
  assert.equal(analyse(`${shown}A.8.2`).declaredEdition, undefined);
  const declared = analyse(`${shown}<!-- normref edition: 2013 -->\n\nA.8.2`);
  assert.equal(declared.declaredEdition, '2013');
  assert.equal(declared.resolutions.at(-1)!.id, 'ISO/IEC 27001:2013 A.8.2');
});

test('a table header of 64,000 standards gives each column its own standard', () => {
  const header = `${'| ISO/IEC 27001:2013 '.repeat(64_000)}|\n${'|---'.repeat(64_000)}|\n| 5.1 | 9.2.3 |\n`;
  const controls = analyse(header).resolutions.filter((r) => r.kind === 'control');
  assert.deepEqual(controls.map((r) => r.id), ['ISO/IEC 27001:2013 A.5.1', 'ISO/IEC 27001:2013 A.9.2.3']);
});

test('lone CR line ends: front matter and tables are read, and positions count each CR as a line end', () => {
  const text = '---\rnormref: { edition: 2013 }\r---\rISO/IEC 27001\r\r| Control |\r| --- |\r| 8.2 |\r';
  const analysis = analyse(text);
  assert.equal(analysis.declaredEdition, '2013');
  const control = analysis.resolutions.find((r) => r.kind === 'control')!;
  assert.equal(control.id, 'ISO/IEC 27001:2013 A.8.2');
  assert.deepEqual(analysis.rangeOf(control.reference).start, { line: 7, character: 2 });
  assert.equal(control.reference.text, '8.2');
});

test('a list marker at the end of a CRLF line is one, as with LF: the indented line after it is prose', () => {
  // Found by `npm run fuzz`: "0)" before CRLF was not a list item, so what followed became code.
  const text = '0)\n\n    ISO/IEC 27001:2022\n';
  assert.deepEqual(scan(text.replace(/\n/g, '\r\n'), 'markdown').map((r) => r.text), scan(text, 'markdown').map((r) => r.text));
  assert.deepEqual(scan(text, 'markdown').map((r) => r.text), ['ISO/IEC 27001:2022']);
});

test('a framework name before a line break reads the same with LF and CRLF', () => {
  // Found by `npm run fuzz`: the look at the next word was too short for "\r\n".
  const vocabulary = bundledService().catalog.controls.vocabulary;
  const text = 'Run SAP Like a Factory\n of ';
  assert.deepEqual(scan(text.replace(/\n/g, '\r\n'), 'markdown', vocabulary), scan(text, 'markdown', vocabulary));
});
