// Custom data on the command line: --custom-data and a configuration file's customData give
// lookup, scan, check and coverage the references of the files; a broken file is one line per
// problem with its place, is left out, and makes the exit code 2 while everything else still runs.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normref, root, tempDir, writeTree } from './support';

const EXAMPLE = fs.readFileSync(path.join(root, 'test/fixtures/custom-data/example-corp.yaml'), 'utf8');
const POLICY = '# Access\n\nSee POL-AC-01 and TISAX 6.\n';
/** Clauses of a standard normref has no numbering of: a number outside them is an unknown control. */
const CLOUD = fs.readFileSync(path.join(root, 'test/fixtures/custom-data/cloud-clauses.yaml'), 'utf8');
const CLOUD_POLICY = '# Cloud\n\nSee ISO/IEC 27017:2015 6.3 and ISO/IEC 27017:2015 6.9.\n';
const UNKNOWN_CLAUSE = 'cloud.md:3:51 warning unknown-control 6.9 is in no edition of ISO/IEC 27017 normref has; 2015\'s 6 has 6.3.';
const FLAG_POLICIES = 'internal:\n  - name: Flag policies\n    pattern: POL-[A-Z]{2}-\\d{2}\n    entries:\n      - id: POL-AC-01\n        title: Access policy of the flag\n';

test('lookup answers from --custom-data; without it the id is nothing normref knows', () => {
  const dir = tempDir();
  writeTree(dir, { 'corp.yaml': EXAMPLE });
  const found = normref(['lookup', 'POL-AC-01', '--custom-data', 'corp.yaml'], { cwd: dir });
  assert.equal(found.stderr, '');
  assert.equal(found.code, 0);
  assert.match(found.stdout, /^POL-AC-01 · Access control policy\n\nWho may use which systems and data/);
  assert.match(found.stdout, /Example Corp policies · custom data in corp\.yaml/);
  assert.match(found.stdout, /<https:\/\/intranet\.example\.com\/policies\/POL-AC-01>/);
  assert.equal(normref(['lookup', 'POL-AC-01'], { cwd: dir }).code, 1);
});

test('scan reads ids and frameworks of the files given with --custom-data, in the order given', () => {
  const dir = tempDir();
  writeTree(dir, { 'corp.yaml': EXAMPLE, 'cloud.yaml': CLOUD, 'policy.md': POLICY });
  const { code, stdout, stderr } = normref(['scan', '--json', '--custom-data', 'corp.yaml', '--custom-data', 'cloud.yaml', 'policy.md'], { cwd: dir });
  assert.equal(stderr, '');
  assert.equal(code, 0);
  const refs = JSON.parse(stdout) as Array<{ kind: string; id: string; resolved: { title: string } | null }>;
  assert.deepEqual(
    refs.map((r) => [r.kind, r.id, r.resolved?.title]),
    [
      ['internal', 'POL-AC-01', 'Access control policy'],
      ['framework', 'TISAX 6', 'Trusted Information Security Assessment Exchange'],
    ],
  );
  assert.deepEqual(JSON.parse(normref(['scan', '--json', 'policy.md'], { cwd: dir }).stdout), [], 'nothing without the custom data');
});

test("check reports what custom data implies: a number outside a custom control set is an unknown control", () => {
  const dir = tempDir();
  writeTree(dir, { 'cloud.yaml': CLOUD, 'cloud.md': CLOUD_POLICY });
  const { code, stdout, stderr } = normref(['check', '--custom-data', 'cloud.yaml', 'cloud.md'], { cwd: dir });
  assert.equal(stderr, '');
  assert.equal(code, 1);
  assert.equal(stdout, `${UNKNOWN_CLAUSE}\n1 problem (1 warning) in 1 of 1 file\n`);
  assert.deepEqual(normref(['check', 'cloud.md'], { cwd: dir }), { code: 0, stdout: 'No problems in 1 file\n', stderr: '' });
});

test("a configuration file's customData is relative to its folder and holds for the files under it", () => {
  const dir = tempDir();
  writeTree(dir, {
    'shared/corp.yaml': EXAMPLE,
    'shared/cloud.yaml': CLOUD,
    'policies/.normrefrc.json': JSON.stringify({ customData: ['../shared/corp.yaml', '../shared/cloud.yaml'] }),
    'policies/access.md': POLICY,
    'policies/cloud.md': CLOUD_POLICY,
    'elsewhere/access.md': POLICY,
  });
  const scanned = normref(['scan', 'policies', 'elsewhere'], { cwd: dir });
  assert.equal(scanned.stderr, '');
  assert.equal(scanned.code, 0);
  assert.equal(scanned.stdout.match(/\tinternal\tPOL-AC-01\t/g)?.length, 1, scanned.stdout);
  assert.match(scanned.stdout, /^policies\/access\.md:3:5\tinternal\tPOL-AC-01\t→ POL-AC-01 \(published\)$/m);
  const checked = normref(['check', 'policies', 'elsewhere'], { cwd: dir });
  assert.equal(checked.stderr, '');
  assert.match(checked.stdout, /^policies\/cloud\.md:3:51 warning unknown-control 6\.9 /m);
  // lookup and coverage take the configuration of the working folder.
  const looked = normref(['lookup', 'POL-IR-02'], { cwd: path.join(dir, 'policies') });
  assert.equal(looked.code, 0);
  assert.match(looked.stdout, /^POL-IR-02 · Incident response policy\n/);
  // Named as the CLI names files: relative to the working folder inside it, else in full.
  assert.ok(looked.stdout.includes(`custom data in ${path.join(dir, 'shared', 'corp.yaml')}\n`), looked.stdout);
});

test('an invalid YAML file, a schema error and a missing file: one line each with its place, exit 2, the other files still used', () => {
  const dir = tempDir();
  writeTree(dir, {
    'corp.yaml': EXAMPLE,
    'cloud.yaml': CLOUD,
    'broken.yaml': 'internal:\n  - name: Broken\n    pattern: [unclosed\n',
    'misspelt.yaml': 'internal:\n  - name: Misspelt\n    pattern: MS-\\d{2}\n    entires: []\n',
    '.normrefrc.json': JSON.stringify({ customData: ['missing.yaml', 'cloud.yaml'] }),
    'cloud.md': CLOUD_POLICY,
    'access.md': POLICY,
  });
  const args = ['--custom-data', 'broken.yaml', '--custom-data', 'misspelt.yaml', '--custom-data', 'corp.yaml'];
  const expected = [
    'normref: broken.yaml:4:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    'normref: misspelt.yaml:4:5: internal[0]: unknown property "entires"',
    'normref: missing.yaml: no such file or folder',
    '',
  ].join('\n');
  const checked = normref(['check', ...args, '.'], { cwd: dir });
  assert.equal(checked.stderr, expected);
  assert.equal(checked.code, 2);
  assert.equal(checked.stdout, `${UNKNOWN_CLAUSE}\n1 problem (1 warning) in 1 of 2 files\n`);
  const scanned = normref(['scan', ...args, 'access.md'], { cwd: dir });
  assert.equal(scanned.stderr, expected);
  assert.equal(scanned.code, 2);
  assert.match(scanned.stdout, /^access\.md:3:5\tinternal\tPOL-AC-01\t/m);
  const looked = normref(['lookup', ...args, 'POL-AC-01'], { cwd: dir });
  assert.equal(looked.stderr, expected);
  assert.equal(looked.code, 2);
  assert.match(looked.stdout, /^POL-AC-01 · Access control policy\n/);
  const covered = normref(['coverage', ...args, '--format', 'csv', '.'], { cwd: dir });
  assert.equal(covered.stderr, expected);
  assert.equal(covered.code, 2);
  assert.match(covered.stdout, /^control,title,theme,covered,documents\r?\n/, 'the report is still printed');
  // Not found stays not found, but the broken file is what the exit code says first.
  assert.equal(normref(['lookup', ...args, 'POL-XY'], { cwd: dir }).code, 2);
});

test("the flag's file wins over the configuration's for an entry both define; the loser is a warning, not a failure", () => {
  const dir = tempDir();
  writeTree(dir, { 'flag.yaml': FLAG_POLICIES, 'data/corp.yaml': EXAMPLE, '.normrefrc.json': JSON.stringify({ customData: ['data/corp.yaml'] }), 'access.md': POLICY });
  const looked = normref(['lookup', '--custom-data', 'flag.yaml', 'POL-AC-01'], { cwd: dir });
  assert.equal(looked.code, 0);
  assert.match(looked.stdout, /^POL-AC-01 · Access policy of the flag\n\nFlag policies · custom data in flag\.yaml/);
  assert.equal(looked.stderr, 'normref: data/corp.yaml:10:13: warning: The id "POL-AC-01" is already defined in flag.yaml: this definition is not used.\n');
  // The configuration's other ids are still used, and each problem is said once for the run.
  const checked = normref(['check', '--custom-data', 'flag.yaml', 'access.md', 'access.md'], { cwd: dir });
  assert.equal(checked.stderr, looked.stderr);
  assert.equal(checked.code, 0);
  const scanned = normref(['scan', '--custom-data', 'flag.yaml', '-'], { cwd: dir, input: 'POL-IR-02 and POL-AC-01' });
  assert.match(scanned.stdout, /\tPOL-IR-02\t→ POL-IR-02/);
});

test('a file named by both the flag and the configuration is read once', () => {
  const dir = tempDir();
  writeTree(dir, { 'corp.yaml': EXAMPLE, '.normrefrc.json': JSON.stringify({ customData: ['./corp.yaml'] }) });
  const looked = normref(['lookup', '--custom-data', 'corp.yaml', 'POL-AC-01'], { cwd: dir });
  assert.deepEqual([looked.code, looked.stderr], [0, '']);
});

test('customData in a configuration file is checked by its schema: a list of paths', () => {
  const dir = tempDir();
  writeTree(dir, { '.normrefrc.json': '{"customData": "corp.yaml"}', 'access.md': POLICY });
  const { code, stderr } = normref(['check', 'access.md'], { cwd: dir });
  assert.equal(code, 2);
  assert.equal(stderr, 'normref: .normrefrc.json: customData: "corp.yaml" is not a list\n');
});

test("coverage of an Annex A edition a custom control set adds reports that set's controls", () => {
  const dir = tempDir();
  const annex = [
    'controlSets:',
    '  - key: iso27001-2005-annex',
    '    name: ISO/IEC 27001:2005 Annex A (excerpt)',
    '    document: ISO/IEC 27001',
    "    edition: '2005'",
    '    annexA: ISO/IEC 27001:2005',
    '    kind: control',
    "    groups: [{ id: '5', title: Security policy, kind: theme }]",
    '    items:',
    "      - { id: '5.1.1', title: Information security policy document, group: '5', description: A policy approved by management. }",
    "      - { id: '5.1.2', title: Review of the information security policy, group: '5', description: The policy is reviewed at planned intervals. }",
    '',
  ].join('\n');
  writeTree(dir, { 'annex.yaml': annex, 'policy.md': POLICY });
  const { code, stdout, stderr } = normref(['coverage', '--edition', '2005', '--format', 'csv', '--custom-data', 'annex.yaml', 'policy.md'], { cwd: dir });
  assert.equal(stderr, '');
  assert.equal(code, 0);
  assert.deepEqual(stdout.trimEnd().split(/\r?\n/).slice(1), ['5.1.1,Information security policy document,5 Security policy,no,', '5.1.2,Review of the information security policy,5 Security policy,no,']);
  assert.equal(normref(['coverage', '--edition', '2005', 'policy.md'], { cwd: dir }).code, 2, 'no 2005 Annex A without it');
});
