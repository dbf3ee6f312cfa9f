// `normref coverage` on the fixture policy set of test/fixtures/workspace: the numbers exactly, in
// each format, the edition chosen or asked for, and the errors a user can make.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { normref, tempDir, writeTree } from './support';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/workspace');

test('csv: a header, one row per control of Annex A 2022, the citing documents; 2013 numbers count toward their 2022 controls', () => {
  const { code, stdout, stderr } = normref(['coverage', '--format', 'csv', 'policies'], { cwd: FIXTURE });
  assert.equal(code, 0);
  assert.equal(stderr, '');
  const rows = stdout.trimEnd().split('\r\n');
  assert.equal(rows[0], 'control,title,theme,covered,documents');
  assert.equal(rows.length, 1 + 93);
  assert.deepEqual(
    rows.filter((r) => r.includes(',yes,')),
    [
      '5.15,Access control,5 Organizational controls,yes,policies/access-control.md;policies/legacy/remote-work.md',
      '5.16,Identity management,5 Organizational controls,yes,policies/access-control.md',
      '5.18,Access rights,5 Organizational controls,yes,policies/access-control.md',
      '5.23,Information security for use of cloud services,5 Organizational controls,yes,policies/service.md',
      '6.7,Remote working,6 People controls,yes,policies/legacy/remote-work.md',
      '8.2,Privileged access rights,8 Technological controls,yes,policies/notes.txt',
    ],
  );
  assert.equal(rows[1], '5.1,Policies for information security,5 Organizational controls,no,');
});

test('- reads standard input, alone or with files, and names it <stdin>', () => {
  const input = 'Access follows ISO/IEC 27001:2022 A.5.15 and A.8.2.\n';
  const alone = normref(['coverage', '--format', 'csv', '-'], { input });
  assert.equal(alone.code, 0, alone.stderr);
  assert.deepEqual(
    alone.stdout.trimEnd().split('\r\n').filter((r) => r.includes(',yes,')),
    ['5.15,Access control,5 Organizational controls,yes,<stdin>', '8.2,Privileged access rights,8 Technological controls,yes,<stdin>'],
  );
  const both = normref(['coverage', '--format', 'csv', 'policies', '-'], { cwd: FIXTURE, input });
  assert.ok(both.stdout.includes('8.2,Privileged access rights,8 Technological controls,yes,policies/notes.txt;<stdin>\r\n'), both.stdout);
});

test('md (the default): the summary, a table of themes, then each control with where it is cited', () => {
  const { code, stdout } = normref(['coverage', 'policies'], { cwd: FIXTURE });
  assert.equal(code, 0);
  assert.match(stdout, /^# Annex A coverage: ISO\/IEC 27001:2022\n\n6 of 93 controls \(6 %\) are cited in 4 of 4 documents\.\n/);
  assert.ok(stdout.includes('| 5 Organizational controls | 4 | 37 |\n| 6 People controls | 1 | 8 |\n| 7 Physical controls | 0 | 14 |\n| 8 Technological controls | 1 | 34 |'));
  assert.ok(stdout.includes('| 6.7 | Remote working | policies/legacy/remote-work.md:7 (as A.6.2.2) |'));
  assert.ok(stdout.includes('| 7.1 | Physical security perimeters | **not cited** |'));
});

test('json and html carry the same numbers; the page needs nothing from the network', () => {
  const json = JSON.parse(normref(['coverage', '--format', 'json', 'policies'], { cwd: FIXTURE }).stdout);
  assert.deepEqual([json.standard, json.covered, json.total, json.documents, json.citingDocuments], ['ISO/IEC 27001:2022', 6, 93, 4, 4]);
  assert.equal(json.themes[0].controls.find((c: { id: string }) => c.id === '5.15').citations[1].file, 'policies/legacy/remote-work.md');
  const html = normref(['coverage', '--format', 'html', 'policies'], { cwd: FIXTURE }).stdout;
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-/);
  assert.ok(html.includes('aria-label="4 of 37 covered"'));
  assert.ok(!/(?:src|href)="https?:/.test(html), 'no remote resource');
});

test('--edition 2013 reports the 114 controls of 2013, 2022 numbers counted toward the 2013 ones they came from', () => {
  const { stdout } = normref(['coverage', '--edition', '2013', '--format', 'csv', 'policies'], { cwd: FIXTURE });
  const rows = stdout.trimEnd().split('\r\n');
  assert.equal(rows.length, 1 + 114);
  assert.ok(rows.includes('6.2.2,Teleworking,6 Organization of information security,yes,policies/legacy/remote-work.md'));
  assert.ok(rows.includes('9.1.1,Access control policy,9 Access control,yes,policies/access-control.md;policies/legacy/remote-work.md'));
});

test('auto picks the edition the documents cite more', () => {
  const dir = tempDir();
  writeTree(dir, { 'old.md': 'Aligned with ISO/IEC 27001:2013: A.9.1.1, A.9.1.2 and A.12.4.1.\n', 'new.md': 'ISO/IEC 27001:2022 A.5.15.\n' });
  assert.match(normref(['coverage', '.'], { cwd: dir }).stdout, /^# Annex A coverage: ISO\/IEC 27001:2013\n/);
});

test('errors: an edition normref lacks is a usage error; an unreadable path is reported and exits 2 after the report', () => {
  const bad = normref(['coverage', '--edition', '2017', 'policies'], { cwd: FIXTURE });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--edition/);
  const missing = normref(['coverage', '--format', 'csv', 'policies', 'no-such-folder'], { cwd: FIXTURE });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^normref: no-such-folder: no such file or folder\n$/);
  assert.equal(missing.stdout.trimEnd().split('\r\n').length, 94);
});
