// The scan stage on the forms people really write, and on what only looks like a reference.
import test from 'node:test';
import assert from 'node:assert/strict';
import { formatFrameworkId, formatStandardId, scan as scanWith, type Reference } from '../../server/src/service/scan';
import { bundledVocabulary } from '../support/catalog';

/** The scanner with the vocabulary of the bundled data, as the service runs it. */
const scan = (text: string, format: 'markdown' | 'plaintext' = 'plaintext') => scanWith(text, format, bundledVocabulary());

function ids(text: string, format: 'markdown' | 'plaintext' = 'plaintext'): string[] {
  return scan(text, format).map(idOf);
}
function idOf(r: Reference): string {
  switch (r.kind) {
    case 'standard':
      return formatStandardId(r.id);
    case 'framework':
      return formatFrameworkId(r.id);
    case 'control':
      return r.id.number;
    case 'internal':
      return r.id.id;
    default:
      return r.id.name ?? r.id.number ?? "";
  }
}
/** The one reference in a sentence, with its exact text. */
function only(text: string): Reference {
  const refs = scan(`See ${text} for details.`, 'plaintext');
  assert.equal(refs.length, 1, `one reference in "${text}": ${refs.map((r) => r.text).join(' | ')}`);
  assert.equal(refs[0].text, text);
  assert.equal(refs[0].start, 4);
  return refs[0];
}

const FORMS: Array<[written: string, canonical: string]> = [
  ['ISO 27001', 'ISO 27001'],
  ['ISO27001', 'ISO 27001'],
  ['ISO-27001', 'ISO 27001'],
  ['ISO/IEC 27001', 'ISO/IEC 27001'],
  ['ISO/IEC27001', 'ISO/IEC 27001'],
  ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2022'],
  ['ISO/IEC 27001 : 2013', 'ISO/IEC 27001:2013'],
  ['ISO/IEC TR 20000-4:2010', 'ISO/IEC TR 20000-4:2010'],
  ['ISO/IEC TS 27006-2', 'ISO/IEC TS 27006-2'],
  ['ISO/PAS 45005', 'ISO/PAS 45005'],
  ['ISO Guide 73', 'ISO Guide 73'],
  ['ISO/IEC DIS 27002', 'ISO/IEC DIS 27002'],
  ['ISO/IEC 27001:2022/Amd 1:2024', 'ISO/IEC 27001:2022/Amd 1:2024'],
  ['ISO/IEC 27002:2013/Cor 1:2014', 'ISO/IEC 27002:2013/Cor 1:2014'],
  ['ISO/IEC 27002:2013/Cor.1:2014', 'ISO/IEC 27002:2013/Cor 1:2014'],
  ['IEC 62443-3-3', 'IEC 62443-3-3'],
  ['ISO/IEC/IEEE 42010', 'ISO/IEC/IEEE 42010'],
  ['EN ISO/IEC 27001:2017', 'EN ISO/IEC 27001:2017'],
  ['BS EN ISO/IEC 27001', 'BS EN ISO/IEC 27001'],
  ['DIN EN ISO 9001', 'DIN EN ISO 9001'],
  ['BS 7799-2', 'BS 7799-2'],
  ['ISO/IEC 17799:2005', 'ISO/IEC 17799:2005'],
  ['ISO 9001:2015(en)', 'ISO 9001:2015'],
  ['ISO/TR 10013:2001(ar)', 'ISO/TR 10013:2001'],
  ['ISO/IEC 27001:2022 (E)'.replace(' (E)', '(E)'), 'ISO/IEC 27001:2022'],
  ['ISO/CEI 27000:2016', 'ISO/IEC 27000:2016'],
  ['IWA 14-1:2013', 'IWA 14-1:2013'],
  ['ISO 9001-2015', 'ISO 9001:2015'],
  ['ISO/IEC 20000-1-2018', 'ISO/IEC 20000-1:2018'],
  ['ISO/IEC 27001 (2013)', 'ISO/IEC 27001:2013'],
  ['ISO-IEC 27001', 'ISO/IEC 27001'],
  ['ISO 9001 (2015 edition)', 'ISO 9001:2015'],
];

for (const [written, canonical] of FORMS) {
  test(`recognises "${written}" as ${canonical}`, () => {
    const ref = only(written);
    assert.equal(ref.kind, 'standard');
    assert.equal(idOf(ref), canonical);
  });
}

test('reads the structure of an identifier', () => {
  const ref = only('ISO/IEC TR 20000-4:2010');
  assert.equal(ref.kind, 'standard');
  if (ref.kind !== 'standard') return;
  assert.deepEqual(ref.id, { publishers: ['ISO', 'IEC'], type: 'TR', number: '20000', parts: ['4'], year: 2010, supplements: [] });
  const amd = only('ISO/IEC 27001:2022/Amd 1:2024');
  assert.ok(amd.kind === 'standard' && amd.id.supplements[0].type === 'Amd' && amd.id.supplements[0].number === '1' && amd.id.supplements[0].year === 2024);
});

const FRAMEWORKS: Array<[string, string]> = [
  ['COBIT 2019', 'COBIT 2019'],
  ['COBIT 5', 'COBIT 5'],
  ['COBIT® 2019', 'COBIT 2019'],
  ['ITIL 4', 'ITIL 4'],
  ['ITIL v3', 'ITIL v3'],
  ['ITIL V3', 'ITIL v3'],
  ['ITIL 2011', 'ITIL v3'],
  ['ITIL', 'ITIL'],
  ['CMMI-SVC', 'CMMI-SVC'],
  ['CMMI for Services', 'CMMI-SVC'],
  ['CMMI-SVC v1.3', 'CMMI-SVC v1.3'],
  ['MOF 4.0', 'MOF 4.0'],
  ['Microsoft Operations Framework', 'MOF'],
  ['Microsoft Operations Framework 4.0', 'MOF 4.0'],
  ['Run SAP', 'Run SAP'],
];
for (const [written, canonical] of FRAMEWORKS) {
  test(`recognises the framework "${written}" as ${canonical}`, () => {
    const ref = only(written);
    assert.equal(ref.kind, 'framework');
    assert.equal(idOf(ref), canonical);
  });
}

test('lists continue a reference, each member its own reference with its own range', () => {
  assert.deepEqual(ids('ISO/IEC 27001 and 27002'), ['ISO/IEC 27001', 'ISO/IEC 27002']);
  assert.deepEqual(ids('ISO/IEC 27001, 27002 and 27005'), ['ISO/IEC 27001', 'ISO/IEC 27002', 'ISO/IEC 27005']);
  assert.deepEqual(ids('ISO/IEC 27001, 27002, and 27005.'), ['ISO/IEC 27001', 'ISO/IEC 27002', 'ISO/IEC 27005']);
  assert.deepEqual(ids('ISO 27001/27002'), ['ISO 27001', 'ISO 27002']);
  assert.deepEqual(ids('ISO 9001/14001/45001'), ['ISO 9001', 'ISO 14001', 'ISO 45001']);
  assert.deepEqual(ids('ISO/IEC 20000-1 and -2'), ['ISO/IEC 20000-1', 'ISO/IEC 20000-2']);
  assert.deepEqual(ids('ISO/IEC 27033-1, -2 and -3'), ['ISO/IEC 27033-1', 'ISO/IEC 27033-2', 'ISO/IEC 27033-3']);
  const refs = scan('ISO/IEC 27001 and 27002', 'plaintext');
  assert.deepEqual(refs.map((r) => [r.start, r.end, r.text]), [[0, 13, 'ISO/IEC 27001'], [18, 23, '27002']]);
});

test('lists do not swallow years, counts or versions', () => {
  assert.deepEqual(ids('ISO 9001:2015 and 2022 editions'), ['ISO 9001:2015']);
  assert.deepEqual(ids('ISO 27001 and 2 other standards'), ['ISO 27001']);
  assert.deepEqual(ids('ISO 27001, 3.5 million records'), ['ISO 27001']);
  assert.deepEqual(ids('ISO 27001 and 500 staff'), ['ISO 27001']);
});

test('false friends are not references', () => {
  for (const text of [
    'Shot at ISO 400 with a fast lens.',
    'ISO 100, ISO 200 and ISO 3200 film speeds',
    'Mount the ISO image.',
    'Dates use the ISO week.',
    'Ask the ISO team.',
    'the ISO and the IEC',
    'ISOLATION and ISOs',
    'ISO/IEC JTC 1/SC 27 is the committee',
    'MOF is a metamodel.',
    'Run SAP workloads on Linux.',
    'Our ISO-certified supplier',
    'BSc and BS degree',
  ]) {
    assert.deepEqual(ids(text), [], text);
  }
});

test('film speeds are references again when dated or parted', () => {
  assert.deepEqual(ids('ISO 800:1992 and ISO 100-2'), ['ISO 800:1992', 'ISO 100-2']);
});

test('Markdown: code, link destinations, autolinks, comments and front matter are skipped; link text is not', () => {
  const md = [
    '---',
    'standard: ISO 9001',
    '---',
    'Cite ISO 27001 here, not `ISO 27002` in code, nor ``ISO ` 27003`` either.',
    'See [ISO 27004](https://example.com/ISO27005) and <https://example.com/ISO27006>.',
    'Bare https://example.com/docs/ISO27007.pdf too. <!-- ISO 27008 -->',
    '<!--',
    'ISO 27009',
    '-->',
    '```',
    'ISO 27010',
    '```',
    '~~~~md',
    'ISO 27011',
    '~~~~',
    '',
    '    ISO 27013 indented code',
    '',
    '- a list item',
    '',
    '    ISO 27014 continues the list item',
    '[ref]: https://example.com/ISO27015',
    'Last: ISO 27017.',
  ].join('\n');
  assert.deepEqual(ids(md, 'markdown'), ['ISO 27001', 'ISO 27004', 'ISO 27014', 'ISO 27017']);
});

test('plain text reads code-like lines as prose but skips URLs', () => {
  assert.deepEqual(ids('`ISO 27002` and https://x.example/ISO27005 and ISO 27001', 'plaintext'), ['ISO 27002', 'ISO 27001']);
});

test('an unclosed fence or comment hides the rest, but nothing else', () => {
  assert.deepEqual(ids('ISO 9001\n```\nISO 27001', 'markdown'), ['ISO 9001']);
  assert.deepEqual(ids('ISO 9001 <!-- ISO 27001', 'markdown'), ['ISO 9001']);
});

test('ranges are UTF-16 offsets into the text', () => {
  const text = 'Ünïcödé 😀 ISO/IEC 27001:2022';
  const [ref] = scan(text, 'plaintext');
  assert.equal(text.slice(ref.start, ref.end), 'ISO/IEC 27001:2022');
  assert.equal(ref.start, text.indexOf('ISO'));
});

test('references do not cross lines, and a non-breaking space is a space', () => {
  assert.deepEqual(ids('ISO/IEC\n27001'), []);
  assert.deepEqual(ids('ISO/IEC\u00a027001'), ['ISO/IEC 27001']);
});

test('the 27000 family as practitioners write it, and series words', () => {
  const [k] = scan('Our ISO27k programme', 'plaintext');
  assert.ok(k.kind === 'standard' && k.id.series && k.id.number === '27000' && k.text === 'ISO27k');
  assert.deepEqual(ids('At least 32 ISO27K standards are planned'), ['ISO 27000 series']);
  const [series] = scan('the ISO/IEC 27000 series of standards', 'plaintext');
  assert.ok(series.kind === 'standard' && series.id.series && series.text === 'ISO/IEC 27000');
  assert.deepEqual(ids('ISO 9001x and ISO27001b'), []);
});

test('a reference in emphasis is read as in plain prose, whether with asterisks or underscores', () => {
  for (const mark of ['**', '__', '*', '_']) {
    assert.deepEqual(ids(`Certified to ${mark}ISO/IEC 27001:2022${mark}, see ${mark}Annex A 5.15${mark} and ${mark}COBIT 2019${mark}.`, 'markdown'), ['ISO/IEC 27001:2022', '5.15', 'COBIT 2019'], mark);
  }
  assert.deepEqual(ids('Under ISO/IEC 27001:2022 the _control 5.15_ and __clause 6.1.2 of ISO/IEC 27001__.', 'markdown'), ids('Under ISO/IEC 27001:2022 the control 5.15 and clause 6.1.2 of ISO/IEC 27001.', 'markdown'));
  assert.deepEqual(ids('Under ISO/IEC 27001:2022 the control 5.15 and clause 6.1.2 of ISO/IEC 27001.', 'markdown'), ['ISO/IEC 27001:2022', '5.15', '6.1.2', 'ISO/IEC 27001']);
});
