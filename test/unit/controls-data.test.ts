// Validates the control sets in data/controls/ (generated and hand-written) against their schemas, checks
// their counts, groups and the 2013 → 2022 correspondence, and that a fresh import reproduces them.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import Ajv, { type ErrorObject } from 'ajv';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const controlsDir = path.join(root, 'data', 'controls');
const descriptionsDir = path.join(controlsDir, 'descriptions');
const sharedData = path.resolve(root, '..', 'shared', 'data');
const importScript = path.join(root, 'scripts', 'import-controls.mjs');

interface Group { id: string; title: string; kind: string; parent?: string }
interface Item {
  id: string; title: string; group?: string; new?: true; level?: number;
  categories?: number; controls?: number; aliases?: string[]; description: string;
}
interface ControlSet {
  key: string; name: string; document: string; edition: string; annexA?: string; kind: string;
  groups: Group[]; items: Item[];
}
interface Correspondence { from: string; to: string; pairs: { from: string; to: string[] }[] }

const generated = ['iso27002-2022', 'iso27002-2013', 'iso27002-2005', 'iso20000-1-2018', 'iso20000-1-2005', 'iso9001-2015',
  'cobit2019', 'itil4', 'cmmi-svc-1.3'];
const handWritten = [
  'iso27001-2013-clauses', 'iso27001-2022-clauses', 'iso14001-2015-clauses', 'iso22301-2019-clauses', 'iso45001-2018-clauses',
  'iso42001-2023-clauses', 'iso27701-2019-clauses', 'iso20000-1-2011-clauses', 'cobit5', 'itil-v3', 'cmmi-dev-1.3', 'cmmi-acq-1.3',
];
const correspondenceFile = 'iso27002-2013-to-2022';

const readYaml = (file: string): any => parse(fs.readFileSync(file, 'utf8'));
const controlSet = (key: string): ControlSet => readYaml(path.join(controlsDir, `${key}.yaml`));

function validator(name: string) {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'data', 'schema', `${name}.schema.json`), 'utf8'));
  return new Ajv({ allErrors: true }).compile(schema);
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`).join('\n');
}

const countBy = <T>(values: T[], key: (value: T) => string) =>
  values.reduce<Record<string, number>>((counts, v) => ({ ...counts, [key(v)]: (counts[key(v)] ?? 0) + 1 }), {});

// ---- schemas ----

for (const key of [...generated, ...handWritten]) {
  test(`data/controls/${key}.yaml conforms to the control-set schema and its key names the file`, () => {
    const validate = validator('control-set');
    const set = controlSet(key);
    assert.ok(validate(set), `data/controls/${key}.yaml:\n${describeErrors(validate.errors)}`);
    assert.equal(set.key, key);
  });
}

test(`data/controls/${correspondenceFile}.yaml conforms to the correspondence schema`, () => {
  const validate = validator('correspondence');
  const valid = validate(readYaml(path.join(controlsDir, `${correspondenceFile}.yaml`)));
  assert.ok(valid, describeErrors(validate.errors));
});

test('the control-set schema rejects long or multi-line descriptions and unknown fields, naming the path', () => {
  const validate = validator('control-set');
  const set = {
    key: 'iso27002-2022', name: 'x', document: 'ISO/IEC 27002', edition: '2022', kind: 'control', groups: [],
    items: [
      { id: '5.1', title: 'Policies', description: 'x'.repeat(141) },
      { id: '5.2', title: 'Roles', description: 'Two lines\nof description.' },
      { id: '5.3', title: 'Segregation', description: 'A description that is fine.', colour: 'red' },
    ],
  };
  assert.equal(validate(set), false);
  const messages = describeErrors(validate.errors);
  assert.match(messages, /^\/items\/0\/description: must NOT have more than 140 characters$/m);
  assert.match(messages, /^\/items\/1\/description: must match pattern/m);
  assert.match(messages, /^\/items\/2: must NOT have additional properties$/m);
});

// ---- structure of every set ----

for (const key of [...generated, ...handWritten]) {
  test(`${key}: ids are unique, every group and parent exists, descriptions are one distinct line of ≤ 140 characters`, () => {
    const set = controlSet(key);
    const problems: string[] = [];
    const groupIds = new Set(set.groups.map((g) => g.id));
    if (groupIds.size !== set.groups.length) problems.push('duplicate group ids');
    if (new Set(set.items.map((i) => i.id)).size !== set.items.length) problems.push('duplicate item ids');
    for (const group of set.groups) {
      if (group.parent !== undefined && !groupIds.has(group.parent)) problems.push(`group ${group.id}: no parent ${group.parent}`);
    }
    for (const item of set.items) {
      if (set.groups.length && item.group === undefined) problems.push(`${item.id}: no group`);
      if (item.group !== undefined && !groupIds.has(item.group)) problems.push(`${item.id}: no group ${item.group}`);
      if (!item.description?.trim()) problems.push(`${item.id}: no description`);
      else if (item.description.length > 140 || item.description.includes('\n')) problems.push(`${item.id}: description too long`);
    }
    const repeated = Object.entries(countBy(set.items, (i) => i.description)).filter(([, n]) => n > 1);
    for (const [text] of repeated) problems.push(`description used more than once: ${text}`);
    assert.deepEqual(problems, []);
  });
}

test('every hand-written description file describes exactly the items of its generated set', () => {
  const problems: string[] = [];
  for (const key of generated) {
    const described = Object.keys(readYaml(path.join(descriptionsDir, `${key}.yaml`))).sort();
    const ids = controlSet(key).items.map((i) => i.id).sort();
    if (described.join('|') !== ids.join('|')) problems.push(`descriptions/${key}.yaml does not match the ids of ${key}`);
  }
  assert.deepEqual(problems, []);
});

// ---- counts ----

test('ISO/IEC 27002:2022: 93 controls in 4 themes, 11 of them new', () => {
  const set = controlSet('iso27002-2022');
  assert.equal(set.annexA, 'ISO/IEC 27001:2022');
  assert.deepEqual(set.groups.map((g) => `${g.id} ${g.title}`),
    ['5 Organizational controls', '6 People controls', '7 Physical controls', '8 Technological controls']);
  assert.equal(set.items.length, 93);
  assert.deepEqual(countBy(set.items, (i) => i.group!), { 5: 37, 6: 8, 7: 14, 8: 34 });
  assert.deepEqual(set.items.filter((i) => i.new).map((i) => i.id),
    ['5.7', '5.23', '5.30', '7.4', '8.9', '8.10', '8.11', '8.12', '8.16', '8.23', '8.28']);
});

test('ISO/IEC 27002:2013: 114 controls under 35 objectives in 14 clauses', () => {
  const set = controlSet('iso27002-2013');
  assert.equal(set.annexA, 'ISO/IEC 27001:2013');
  const clauses = set.groups.filter((g) => g.kind === 'clause');
  const objectives = set.groups.filter((g) => g.kind === 'objective');
  assert.equal(clauses.length, 14);
  assert.deepEqual(clauses.map((c) => c.id), ['5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18']);
  assert.equal(objectives.length, 35);
  assert.ok(objectives.every((o) => o.id.startsWith(`${o.parent}.`)), 'each objective sits in its clause');
  assert.equal(set.items.length, 114);
  assert.ok(set.items.every((i) => objectives.some((o) => o.id === i.group) && i.id.startsWith(`${i.group}.`)));
  assert.equal(set.items.find((i) => i.id === '9.2.3')?.title, 'Management of privileged access rights');
});

test('ISO/IEC 27002:2005: 11 control areas, clauses 5–15, with 39 categories and 133 controls', () => {
  const set = controlSet('iso27002-2005');
  assert.equal(set.annexA, undefined);
  assert.deepEqual(set.items.map((i) => i.id), ['5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']);
  assert.equal(set.items.reduce((n, i) => n + i.categories!, 0), 39);
  assert.equal(set.items.reduce((n, i) => n + i.controls!, 0), 133);
});

test('ISO/IEC 20000-1: the 2018 clauses 4–10 with their sub-clauses, and the ten sections of 2005', () => {
  const set2018 = controlSet('iso20000-1-2018');
  assert.deepEqual(set2018.groups.map((g) => g.id), ['4', '5', '6', '7', '8', '9', '10']);
  // 36 from the source, 30 more from data/controls/extra (4.1–7.6, 9.1–10.2), in the standard's order.
  assert.equal(set2018.items.length, 66);
  assert.deepEqual(set2018.items.slice(0, 6).map((i) => i.id), ['4', '4.1', '4.2', '4.3', '4.4', '5']);
  assert.equal(set2018.items.find((i) => i.id === '9.4')?.title, 'Service reporting');
  assert.ok(set2018.items.every((i) => i.group === i.id.split('.')[0]));
  assert.equal(set2018.items.find((i) => i.id === '8.6.1')?.title, 'Incident management');
  const set2005 = controlSet('iso20000-1-2005');
  assert.equal(set2005.kind, 'section');
  assert.deepEqual(set2005.items.map((i) => i.id), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
});

test('COBIT 2019: 40 objectives in the 5 domains EDM, APO, BAI, DSS, MEA', () => {
  const set = controlSet('cobit2019');
  assert.equal(set.document, 'cobit');
  assert.deepEqual(set.groups.map((g) => g.id), ['EDM', 'APO', 'BAI', 'DSS', 'MEA']);
  assert.equal(set.items.length, 40);
  assert.deepEqual(countBy(set.items, (i) => i.group!), { EDM: 5, APO: 14, BAI: 11, DSS: 6, MEA: 4 });
  assert.ok(set.items.every((i) => i.id.startsWith(i.group!)));
});

test('ITIL 4: 34 practices named as ITIL names them, in 3 categories', () => {
  const set = controlSet('itil4');
  assert.equal(set.document, 'itil');
  assert.deepEqual(set.groups.map((g) => g.id), ['general', 'service', 'technical']);
  assert.equal(set.items.length, 34);
  assert.deepEqual(countBy(set.items, (i) => i.group!), { general: 14, service: 17, technical: 3 });
  assert.ok(set.items.every((i) => i.id === i.title));
  assert.deepEqual(set.items.find((i) => i.id === 'Change enablement')?.aliases, ['Change control']);
});

test('CMMI-SVC 1.3: 24 process areas in 4 categories with maturity levels 2–5', () => {
  const set = controlSet('cmmi-svc-1.3');
  assert.equal(set.document, 'cmmi-svc');
  assert.equal(set.groups.length, 4);
  assert.equal(set.items.length, 24);
  assert.deepEqual(countBy(set.items, (i) => String(i.level)), { 2: 8, 3: 12, 4: 2, 5: 2 });
  assert.equal(set.items.find((i) => i.id === 'IRP')?.title, 'Incident Resolution and Prevention');
});

test('ISO/IEC 27001 clauses: 4–10 in both editions; 2022 adds 6.3 and splits 9.2 and 9.3; 10.1 and 10.2 swap', () => {
  const ids = (key: string) => controlSet(key).items.map((i) => i.id);
  const titleOf = (key: string, id: string) => controlSet(key).items.find((i) => i.id === id)?.title;
  for (const key of ['iso27001-2013-clauses', 'iso27001-2022-clauses']) {
    assert.equal(controlSet(key).document, 'ISO/IEC 27001');
    assert.deepEqual(controlSet(key).groups.map((g) => g.id), ['4', '5', '6', '7', '8', '9', '10']);
  }
  const added = ids('iso27001-2022-clauses').filter((id) => !ids('iso27001-2013-clauses').includes(id));
  assert.deepEqual(added, ['6.3', '9.2.1', '9.2.2', '9.3.1', '9.3.2', '9.3.3']);
  assert.equal(titleOf('iso27001-2013-clauses', '10.1'), 'Nonconformity and corrective action');
  assert.equal(titleOf('iso27001-2022-clauses', '10.1'), 'Continual improvement');
  assert.equal(titleOf('iso27001-2022-clauses', '6.1.3'), 'Information security risk treatment');
});

// ---- correspondence ----

test('2013 → 2022: every id exists on both sides and each 2013 control appears exactly once', () => {
  const { from, to, pairs }: Correspondence = readYaml(path.join(controlsDir, `${correspondenceFile}.yaml`));
  assert.equal(from, 'iso27002-2013');
  assert.equal(to, 'iso27002-2022');
  const ids2013 = controlSet('iso27002-2013').items.map((i) => i.id);
  const ids2022 = new Set(controlSet('iso27002-2022').items.map((i) => i.id));
  assert.deepEqual(pairs.map((p) => p.from), ids2013, 'each 2013 control once, in document order');
  assert.deepEqual(pairs.flatMap((p) => p.to).filter((id) => !ids2022.has(id)), []);
  assert.equal(pairs.flatMap((p) => p.to).length, 115);
  assert.deepEqual(pairs.find((p) => p.from === '18.2.3')?.to, ['5.36', '8.8']);
});

test('2013 → 2022: a 2022 control has a 2013 predecessor exactly when it is not marked new', () => {
  const { pairs }: Correspondence = readYaml(path.join(controlsDir, `${correspondenceFile}.yaml`));
  const withPredecessor = new Set(pairs.flatMap((p) => p.to));
  const problems = controlSet('iso27002-2022').items.flatMap((item) => {
    if (item.new && withPredecessor.has(item.id)) return [`${item.id} is new but has a 2013 predecessor`];
    if (!item.new && !withPredecessor.has(item.id)) return [`${item.id} is not new but has no 2013 predecessor`];
    return [];
  });
  assert.deepEqual(problems, []);
});

// ---- the import ----

const noSource = fs.existsSync(sharedData) ? false : `source TSVs not found at ${sharedData}`;

function runImport(...args: string[]) {
  return spawnSync(process.execPath, [importScript, ...args], { encoding: 'utf8', timeout: 120_000 });
}

test('a fresh import of ../shared/data reproduces the committed control sets', { skip: noSource }, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-controls-'));
  try {
    const result = runImport(sharedData, '--out', out);
    assert.equal(result.status, 0, result.stderr);
    const written = fs.readdirSync(out).sort();
    assert.deepEqual(written, [...generated, correspondenceFile].map((key) => `${key}.yaml`).sort());
    for (const file of written) {
      assert.equal(fs.readFileSync(path.join(out, file), 'utf8'), fs.readFileSync(path.join(controlsDir, file), 'utf8'),
        `data/controls/${file} differs from a fresh import; run npm run data:controls`);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('a malformed TSV row stops the import with file:line and leaves the outputs untouched', { skip: noSource }, () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-controls-'));
  try {
    const source = path.join(work, 'source');
    const out = path.join(work, 'out');
    fs.mkdirSync(source);
    fs.mkdirSync(out);
    for (const file of fs.readdirSync(sharedData).filter((f) => f.endsWith('.tsv'))) {
      fs.copyFileSync(path.join(sharedData, file), path.join(source, file));
    }
    const broken = path.join(source, 'cobit2019-objectives.tsv');
    const lines = fs.readFileSync(broken, 'utf8').split('\n');
    lines[4] = lines[4].split('\t').slice(0, 3).join('\t');
    fs.writeFileSync(broken, lines.join('\n'));
    fs.writeFileSync(path.join(out, 'cobit2019.yaml'), 'previous output\n');

    const result = runImport(source, '--out', out);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /cobit2019-objectives\.tsv:5: expected 4 tab-separated fields, found 3/);
    assert.deepEqual(fs.readdirSync(out), ['cobit2019.yaml']);
    assert.equal(fs.readFileSync(path.join(out, 'cobit2019.yaml'), 'utf8'), 'previous output\n');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
