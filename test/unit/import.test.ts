// Runs scripts/import-iso.mjs as users do (a child process) on small fixtures and on the shared
// ISO Open Data file, and checks that the committed catalog is exactly what the importer produces.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const root = path.resolve(__dirname, '../../..');
const script = path.join(root, 'scripts', 'import-iso.mjs');
const sharedInput = path.resolve(root, '../shared/data/iso-deliverables.jsonl.gz');
const committedCatalog = path.join(root, 'data', 'iso-deliverables.json');

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-import-'));
  tempDirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function runImport(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const records = [
  {
    id: 82875, deliverableType: 'IS', supplementType: null, reference: 'ISO/IEC 27001:2022',
    title: { en: 'Information security, cybersecurity and privacy protection - Information security management systems - Requirements', fr: 'Sécurité de l’information' },
    publicationDate: '2022-10', edition: 3, icsCode: ['03.100.70', '35.030'], ownerCommittee: 'ISO/IEC JTC 1/SC 27',
    currentStage: 6060, replaces: [54534, 66805, 69378], replacedBy: null,
  },
  {
    id: 51986, deliverableType: 'TR', supplementType: null, reference: 'ISO/IEC TR 20000-4:2010',
    title: { en: 'Information technology - Service management - Part 4: Process reference model', fr: 'Technologies de l’information' },
    publicationDate: '2010-12', edition: 1, icsCode: ['03.080.99'], ownerCommittee: 'ISO/IEC JTC 1/SC 7',
    currentStage: 9599, replaces: null, replacedBy: null,
  },
  {
    id: 65218, deliverableType: 'IS', supplementType: 'Cor', reference: 'ISO/IEC 27002:2013/Cor 1:2014',
    title: { en: 'Information technology - Security techniques - Code of practice for information security controls - Technical Corrigendum 1', fr: null },
    publicationDate: '2014-09', edition: 1, icsCode: ['35.030'], ownerCommittee: 'ISO/IEC JTC 1/SC 27',
    currentStage: 9599, replaces: null, replacedBy: [75652],
  },
  {
    id: 60000, deliverableType: 'IWA', supplementType: null, reference: 'IWA 14-1:2013',
    title: { en: 'Vehicle security barriers - Part 1: Performance requirement', fr: null },
    publicationDate: null, edition: null, icsCode: [], ownerCommittee: null,
    currentStage: 9093, replaces: null, replacedBy: null,
  },
];

const expectedRows = [
  [51986, 'ISO/IEC TR 20000-4:2010', 'TR', null, 'ISO/IEC', '20000', '4', 2010,
    'Information technology - Service management - Part 4: Process reference model', '2010-12', 1, 9599, 'ISO/IEC JTC 1/SC 7', [], [],
    'Technologies de l’information'],
  [60000, 'IWA 14-1:2013', 'IWA', null, '', '14', '1', 2013,
    'Vehicle security barriers - Part 1: Performance requirement', null, null, 9093, null, [], [], null],
  [65218, 'ISO/IEC 27002:2013/Cor 1:2014', 'IS', ['Cor', '1', 2014], 'ISO/IEC', '27002', '', 2013,
    'Information technology - Security techniques - Code of practice for information security controls - Technical Corrigendum 1',
    '2014-09', 1, 9599, 'ISO/IEC JTC 1/SC 27', [], [75652], null],
  [82875, 'ISO/IEC 27001:2022', 'IS', null, 'ISO/IEC', '27001', '', 2022,
    'Information security, cybersecurity and privacy protection - Information security management systems - Requirements',
    '2022-10', 3, 6060, 'ISO/IEC JTC 1/SC 27', [54534, 66805, 69378], [], 'Sécurité de l’information'],
];

const jsonl = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const committeesTsv = 'reference\tstatus\ttitle_en\n'
  + 'ISO/IEC JTC 1/SC 27\tActive\tInformation security, cybersecurity and privacy protection\n'
  + 'ISO/IEC JTC 1/SC 7\tActive\tSoftware and systems engineering\n'
  + 'ISO/TC 1\tActive\tScrew threads\n';

function writeFixture(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function assertCatalog(outFile: string, inputName: string) {
  const text = fs.readFileSync(outFile, 'utf8');
  const catalog = JSON.parse(text);
  assert.equal(catalog.source, 'ISO Open Data (deliverables), licensed under ODC-By 1.0');
  assert.equal(catalog.generatedFrom, inputName);
  assert.equal(catalog.records, 4);
  assert.deepEqual(catalog.fields, ['isoId', 'reference', 'type', 'supplement', 'publishers', 'number', 'parts', 'year',
    'title', 'published', 'edition', 'stage', 'committee', 'replaces', 'replacedBy', 'titleFr']);
  assert.deepEqual(catalog.committees, {
    'ISO/IEC JTC 1/SC 27': 'Information security, cybersecurity and privacy protection',
    'ISO/IEC JTC 1/SC 7': 'Software and systems engineering',
  });
  assert.deepEqual(catalog.deliverables, expectedRows);
  // One record a line, so that a new ISO snapshot shows up as a readable diff.
  for (const row of expectedRows) {
    assert.ok(text.includes(`\n    ${JSON.stringify(row)}`), `row ${row[0]} is on a line of its own`);
  }
}

test('imports a plain JSONL file into sorted rows with committee titles', () => {
  const dir = tempDir();
  const input = writeFixture(dir, 'deliverables.jsonl', jsonl);
  writeFixture(dir, 'iso-committees.tsv', committeesTsv);
  const out = path.join(dir, 'out', 'catalog.json');
  const result = runImport([input, '--out', out]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /read 4 records, wrote 4 deliverables to .*catalog\.json/);
  assertCatalog(out, 'deliverables.jsonl');
});

test('imports a gzipped file, recognised by its extension or by its magic bytes', () => {
  const dir = tempDir();
  const committees = writeFixture(dir, 'committees.tsv', committeesTsv);
  for (const name of ['deliverables.jsonl.gz', 'deliverables-gzipped.jsonl']) {
    const input = writeFixture(dir, name, zlib.gzipSync(jsonl));
    const out = path.join(dir, `${name}.json`);
    const result = runImport([input, '--committees', committees, '--out', out]);
    assert.equal(result.status, 0, result.stderr);
    assertCatalog(out, name);
  }
});

test('a malformed line stops the import with file and line, and keeps the previous output', () => {
  const dir = tempDir();
  const lines = jsonl.trim().split('\n');
  const input = writeFixture(dir, 'bad.jsonl', [lines[0], '{"id": 1, "reference": ', lines[1]].join('\n'));
  const out = writeFixture(dir, 'catalog.json', '{"previous": true}\n');
  const result = runImport([input, '--out', out]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /bad\.jsonl:2: malformed JSON/);
  assert.equal(fs.readFileSync(out, 'utf8'), '{"previous": true}\n');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['bad.jsonl', 'catalog.json'], 'no temporary file is left behind');
});

test('an empty or blank input is refused and leaves the catalog as it was', () => {
  const dir = tempDir();
  const out = writeFixture(dir, 'catalog.json', '{"previous": true}\n');
  for (const [name, text] of [['empty.jsonl', ''], ['blank.jsonl', '  \n\n\t\n']]) {
    const result = runImport([writeFixture(dir, name, text), '--out', out]);
    assert.equal(result.status, 1, name);
    assert.match(result.stderr, new RegExp(`${name.replace('.', '\\.')}: no records \\(the file is empty or blank\\); the catalog is left as it was`));
    assert.equal(fs.readFileSync(out, 'utf8'), '{"previous": true}\n');
  }
});

test('a file that starts with a UTF-8 byte-order mark is read as if it had none', () => {
  const dir = tempDir();
  const plain = path.join(dir, 'plain.json');
  const marked = path.join(dir, 'marked.json');
  assert.equal(runImport([writeFixture(dir, 'plain.jsonl', jsonl), '--out', plain]).status, 0);
  const result = runImport([writeFixture(dir, 'marked.jsonl', `\uFEFF${jsonl}`), '--out', marked]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(fs.readFileSync(marked, 'utf8').replace(/marked\.jsonl/, 'plain.jsonl'), fs.readFileSync(plain, 'utf8'));
});

test('a record without id or reference stops the import with file and line', () => {
  const dir = tempDir();
  const out = path.join(dir, 'catalog.json');
  const noId = writeFixture(dir, 'no-id.jsonl', `${JSON.stringify(records[0])}\n\n${JSON.stringify({ reference: 'ISO 1:2002' })}\n`);
  let result = runImport([noId, '--out', out]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /no-id\.jsonl:3: .*"id"/);
  const noReference = writeFixture(dir, 'no-ref.jsonl', JSON.stringify({ id: 5, title: { en: 'x' } }));
  result = runImport([noReference, '--out', out]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /no-ref\.jsonl:1: .*"reference"/);
  assert.equal(fs.existsSync(out), false);
});

test('a reference the importer cannot parse is listed and fails the import', () => {
  const dir = tempDir();
  const input = writeFixture(dir, 'odd.jsonl', `${JSON.stringify({ ...records[0], reference: 'XYZ/IEC 27001:2022' })}\n`);
  const result = runImport([input, '--out', path.join(dir, 'catalog.json')]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /odd\.jsonl:1: XYZ\/IEC 27001:2022: unknown word "XYZ"/);
});

test('no argument or a missing input file prints the usage and exits with 2', () => {
  let result = runImport([]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /no input file given[\s\S]*usage: npm run data:import/);
  result = runImport([path.join(tempDir(), 'missing.jsonl.gz')]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /input file not found: .*missing\.jsonl\.gz[\s\S]*usage:/);
});

let sharedImport: { status: number | null; stderr: string; stdout: string; out: string } | undefined;
function importShared() {
  if (!sharedImport) {
    const out = path.join(tempDir(), 'iso-deliverables.json');
    sharedImport = { ...runImport([sharedInput, '--out', out]), out };
  }
  return sharedImport;
}

test('imports every record of the shared ISO Open Data file', (t) => {
  if (!fs.existsSync(sharedInput)) {
    t.skip('…/shared/data not present: skipped');
    return;
  }
  const result = importShared();
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /read 54784 records, wrote 54784 deliverables/);
  const catalog = JSON.parse(fs.readFileSync(result.out, 'utf8'));
  assert.equal(catalog.records, 54784);
  assert.equal(catalog.deliverables.length, 54784);
  const ids = catalog.deliverables.map((row: unknown[]) => row[0] as number);
  assert.ok(ids.every((id: number, i: number) => i === 0 || ids[i - 1] < id), 'rows are sorted by isoId');
  const row = catalog.deliverables.find((r: unknown[]) => r[1] === 'ISO/IEC 27001:2022');
  assert.deepEqual(row.slice(0, -1), expectedRows[3].slice(0, -1));
  // ISO's French title, for hovers in French.
  assert.equal(row.at(-1), 'Sécurité de l\'information, cybersécurité et protection de la vie privée - Systèmes de management de la sécurité de l\'information - Exigences');
});

test('a French title the same as the English one is not written twice', () => {
  const dir = tempDir();
  const record = { id: 7, reference: 'ISO 7:2020', title: { en: 'Pipe threads', fr: 'Pipe threads' }, currentStage: 6060 };
  const input = writeFixture(dir, 'same.jsonl', `${JSON.stringify(record)}\n`);
  const out = path.join(dir, 'same.json');
  const result = runImport([input, '--out', out]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).deliverables[0].at(-1), null);
});

test('the committed data/iso-deliverables.json is what the importer produces from the shared file', (t) => {
  if (!fs.existsSync(sharedInput)) {
    t.skip('…/shared/data not present: skipped');
    return;
  }
  const result = importShared();
  assert.equal(result.status, 0, result.stderr);
  assert.ok(fs.readFileSync(committedCatalog).equals(fs.readFileSync(result.out)),
    'data/iso-deliverables.json differs from a fresh import: run npm run data:import -- ../shared/data/iso-deliverables.jsonl.gz');
});
