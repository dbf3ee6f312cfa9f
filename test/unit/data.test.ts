// Validates the hand-written YAML in data/ against its JSON Schemas and checks that every
// reference it makes (summary keys, family members, former names, framework versions) exists.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const dataDir = path.join(root, 'data');

const documents = ['frameworks', 'families', 'summaries', 'former-names', 'unread-schemes', 'area-names', 'catalog-corrections'] as const;
type DocumentName = (typeof documents)[number];

function readYaml(name: DocumentName): any {
  return parse(fs.readFileSync(path.join(dataDir, `${name}.yaml`), 'utf8'));
}

function validator(name: DocumentName) {
  const schema = JSON.parse(fs.readFileSync(path.join(dataDir, 'schema', `${name}.schema.json`), 'utf8'));
  return new Ajv({ allErrors: true }).compile(schema);
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`).join('\n');
}

// ---- the generated ISO catalog, reduced to what the cross-references need ----

type Row = [number, string, string, unknown, string, string, string, number | null, ...unknown[]];
const catalog: { deliverables: Row[] } = JSON.parse(fs.readFileSync(path.join(dataDir, 'iso-deliverables.json'), 'utf8'));
const STAGE_WITHDRAWN = 9599;

/** 'ISO/IEC 27002:2013/Cor 1:2014' → 'ISO/IEC 27002'; 'ISO/CD 22915-23.2' → 'ISO/CD 22915-23'. */
function undated(reference: string): string {
  return /^.*?\d[^:/]*/.exec(reference)![0].replace(/\.\d+$/, '');
}

const rowsByUndated = new Map<string, Row[]>();
const editionsByDocument = new Map<string, Row[]>();
for (const row of catalog.deliverables) {
  const key = undated(row[1]);
  rowsByUndated.set(key, [...(rowsByUndated.get(key) ?? []), row]);
  if (row[3] === null && row[7] !== null) {
    const doc = `${row[4]}|${row[5]}|${row[6]}`;
    editionsByDocument.set(doc, [...(editionsByDocument.get(doc) ?? []), row]);
  }
}

/** The latest dated base edition of the document a reference names (same publishers, number, parts). */
function latestEdition(reference: string): Row | undefined {
  const row = rowsByUndated.get(reference)?.[0];
  if (!row) return undefined;
  const editions = editionsByDocument.get(`${row[4]}|${row[5]}|${row[6]}`) ?? [];
  return editions.reduce<Row | undefined>((latest, r) =>
    !latest || (r[7] as number) > (latest[7] as number) || (r[7] === latest[7] && r[0] > latest[0]) ? r : latest, undefined);
}

const isIecOnly = (reference: string) => /^IEC /.test(reference);

/** Problems with a reference that must name a document of the catalog in its latest spelling. */
function checkLatestSpelling(reference: string, where: string): string[] {
  if (!rowsByUndated.has(reference)) {
    return isIecOnly(reference) ? [] : [`${where}: ${reference} is not in the catalog`];
  }
  const latest = latestEdition(reference);
  if (latest && undated(latest[1]) !== reference) {
    return [`${where}: ${reference} is spelled ${undated(latest[1])} in its latest edition (${latest[1]})`];
  }
  return [];
}

// ---- schemas ----

for (const name of documents) {
  test(`data/${name}.yaml conforms to data/schema/${name}.schema.json`, () => {
    const validate = validator(name);
    const valid = validate(readYaml(name));
    assert.ok(valid, `data/${name}.yaml:\n${describeErrors(validate.errors)}`);
  });
}

test('the schema rejects a framework without a name, naming the path', () => {
  const validate = validator('frameworks');
  const broken = { frameworks: [{ key: 'cobit', publisher: 'ISACA', summary: 'A framework summary long enough.', versions: [] }] };
  assert.equal(validate(broken), false);
  const messages = describeErrors(validate.errors);
  assert.match(messages, /^\/frameworks\/0: must have required property 'name'$/m);
});

test('the schemas reject unknown fields, bad keys and dated references', () => {
  const frameworks = validator('frameworks');
  const version = { key: '5', name: 'COBIT 5', status: 'superseded' };
  assert.equal(frameworks({ frameworks: [{ key: 'COBIT', name: 'COBIT', publisher: 'ISACA',
    summary: 'A framework summary long enough.', versions: [version], colour: 'blue' }] }), false);
  const messages = describeErrors(frameworks.errors);
  assert.match(messages, /^\/frameworks\/0\/key: must match pattern/m);
  assert.match(messages, /^\/frameworks\/0: must NOT have additional properties$/m);
  assert.match(messages, /^\/frameworks\/0\/versions\/0: must have required property 'supersededBy'$/m);

  const summaries = validator('summaries');
  assert.equal(summaries({ summaries: { 'ISO/IEC 27001:2022': 'A summary that is long enough to pass.' } }), false);
  assert.match(describeErrors(summaries.errors), /property name must be valid/);
});

// ---- cross-references ----

test('frameworks: every key is unique, every numbering names one, and current and supersededBy name versions', () => {
  const { frameworks } = readYaml('frameworks');
  const keys = frameworks.map((f: any) => f.key);
  assert.deepEqual([...keys].sort(), ['cmmi', 'cmmi-acq', 'cmmi-dev', 'cmmi-svc', 'cobit', 'itil', 'mof', 'run-sap']);
  // Each framework numbering of data/controls is of a framework here, in one of its versions.
  const sets = fs.readdirSync(path.join(dataDir, 'controls')).filter((f) => f.endsWith('.yaml')).map((f) => parse(fs.readFileSync(path.join(dataDir, 'controls', f), 'utf8')));
  for (const set of sets.filter((x: any) => x.document && !x.document.includes(' '))) {
    const framework = frameworks.find((f: any) => f.key === set.document);
    assert.ok(framework, `data/controls/${set.key}.yaml: no framework ${set.document}`);
    assert.ok(framework.versions.some((v: any) => v.key === set.edition), `data/controls/${set.key}.yaml: ${set.document} has no version ${set.edition}`);
  }
  const problems: string[] = [];
  for (const framework of frameworks) {
    const versionKeys: string[] = framework.versions.map((v: any) => v.key);
    if (new Set(versionKeys).size !== versionKeys.length) problems.push(`${framework.key}: duplicate version keys`);
    if (framework.current !== undefined && !versionKeys.includes(framework.current)) {
      problems.push(`${framework.key}: current ${framework.current} is not a version`);
    }
    const current = framework.versions.filter((v: any) => v.status === 'current').map((v: any) => v.key);
    if (framework.current !== undefined && current.join() !== framework.current) {
      problems.push(`${framework.key}: versions marked current (${current.join()}) differ from current ${framework.current}`);
    }
    for (const version of framework.versions) {
      if (version.supersededBy === undefined) continue;
      if (!versionKeys.includes(version.supersededBy) || version.supersededBy === version.key) {
        problems.push(`${framework.key} ${version.key}: supersededBy ${version.supersededBy} is not another version`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('summaries: every key names a catalog document as its latest edition spells it (or an IEC-only standard)', () => {
  const { summaries } = readYaml('summaries');
  assert.ok(Object.keys(summaries).length >= 40, 'at least 40 summaries');
  const problems = Object.keys(summaries).flatMap((key) => checkLatestSpelling(key, 'summaries'));
  assert.deepEqual(problems, []);
});

test('families: keys are unique and every member is in the catalog in its latest spelling', () => {
  const { families } = readYaml('families');
  const keys = families.map((f: any) => f.key);
  assert.equal(new Set(keys).size, keys.length, 'family keys are unique');
  const problems = families.flatMap((family: any) =>
    family.members.flatMap((member: string) => checkLatestSpelling(member, `family ${family.key}`)));
  assert.deepEqual(problems, []);
  const iso27000 = families.find((f: any) => f.key === 'iso-iec-27000');
  for (const member of ['ISO/IEC 27001', 'ISO/IEC 27002', 'ISO/IEC 27701', 'ISO 27799']) {
    assert.ok(iso27000.members.includes(member), `${member} is in the 27000 family`);
  }
});

test('former names: became exists in the catalog, and now is a document that is not withdrawn', () => {
  const { formerNames } = readYaml('former-names');
  const problems: string[] = [];
  for (const entry of formerNames) {
    if (!rowsByUndated.has(entry.became)) problems.push(`${entry.reference}: became ${entry.became} is not in the catalog`);
    problems.push(...checkLatestSpelling(entry.now, `${entry.reference} now`));
    const latest = latestEdition(entry.now);
    if (latest && latest[11] === STAGE_WITHDRAWN) problems.push(`${entry.reference}: now ${entry.now} is withdrawn`);
  }
  assert.deepEqual(problems, []);
});
