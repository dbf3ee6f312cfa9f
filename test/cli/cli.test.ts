// The normref command line on real files: what a user sees, and how it fails.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, normref, tempDir } from './support';

const run = (...args: string[]) => normref(args);


test('scan --json prints one array with LSP positions, canonical ids and what each resolved to', () => {
  const dir = tempDir();
  const file = path.join(dir, 'policy.md');
  fs.writeFileSync(file, '# Policy\n\nCertified: ISO 27001 and ISO/IEC 27002:2013. 😀 COBIT 2019.\n`ISO 9001`\n');
  const { code, stdout } = run('scan', '--json', file);
  assert.equal(code, 0);
  const refs = JSON.parse(stdout);
  assert.deepEqual(refs, [
    {
      file,
      range: { start: { line: 2, character: 11 }, end: { line: 2, character: 20 } },
      text: 'ISO 27001',
      kind: 'standard',
      id: 'ISO/IEC 27001',
      resolved: { reference: 'ISO/IEC 27001:2022', title: 'Information security, cybersecurity and privacy protection - Information security management systems - Requirements', status: 'published', url: 'https://www.iso.org/standard/82875.html' },
    },
    {
      file,
      range: { start: { line: 2, character: 25 }, end: { line: 2, character: 43 } },
      text: 'ISO/IEC 27002:2013',
      kind: 'standard',
      id: 'ISO/IEC 27002:2013',
      resolved: { reference: 'ISO/IEC 27002:2013', title: 'Information technology - Security techniques - Code of practice for information security controls', status: 'withdrawn', url: 'https://www.iso.org/standard/54533.html' },
    },
    {
      file,
      // The emoji is two UTF-16 code units, as LSP counts.
      range: { start: { line: 2, character: 48 }, end: { line: 2, character: 58 } },
      text: 'COBIT 2019',
      kind: 'framework',
      id: 'COBIT 2019',
      resolved: { reference: 'COBIT 2019', title: 'Control Objectives for Information and Related Technologies', status: 'published', url: 'https://www.isaca.org/resources/cobit' },
    },
  ]);
});

test('scan of a folder lists the references of its policy documents, file:line:column first', () => {
  const { code, stdout } = run('scan', 'examples');
  assert.equal(code, 0);
  assert.match(stdout, /^examples\/information-security-policy\.md:13:1\tstandard\tISO\/IEC 27001:2022\t→ ISO\/IEC 27001:2022 \(published\)$/m);
  assert.match(stdout, /^examples\/service-management-plan\.txt:\d+:\d+\tframework\tCOBIT 5\t→ COBIT 5 \(withdrawn\)$/m);
  assert.doesNotMatch(stdout, /ISO 400|ISO image/);
});

test('lookup prints what a hover shows, as terminal text', () => {
  const { code, stdout } = run('lookup', 'ISO/IEC 27001:2013');
  assert.equal(code, 0);
  assert.match(stdout, /^ISO\/IEC 27001:2013 · Withdrawn · 2013-10/);
  assert.match(stdout, /Replaced by: ISO\/IEC 27001:2022 <https:\/\/www\.iso\.org\/standard\/82875\.html>/);
});

test('lookup of something that is no reference, or of an unknown number, fails with a clear line', () => {
  const none = run('lookup', 'the ISO team');
  assert.equal(none.code, 1);
  assert.match(none.stderr, /"the ISO team" is not a reference normref recognises/);
  const unknown = run('lookup', 'ISO 99999');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stdout, /No deliverable with this number/);
});

test('wrong arguments: exit 2 and a line saying what is wrong', () => {
  assert.equal(run().code, 2);
  const bad = run('frobnicate');
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, "normref: unknown command 'frobnicate' (try: normref --help)\n");
  // A slip gets commander's suggestion, on the same line.
  assert.deepEqual(run('chek', 'examples'), { code: 2, stdout: '', stderr: "normref: unknown command 'chek'; did you mean check? (try: normref --help)\n" });
  assert.equal(run('check', '--formt', 'json', 'examples').stderr, "normref: unknown option '--formt'; did you mean --format? (try: normref --help)\n");
  const option = run('scan', '--colour', 'examples');
  assert.equal(option.code, 2);
  assert.equal(option.stderr, "normref: unknown option '--colour' (try: normref --help)\n");
  assert.equal(run('check', '--format', 'xml', 'examples').code, 2);
  assert.equal(run('lookup').code, 2);
  const missing = run('scan', 'no/such/place.md');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no\/such\/place\.md: no such file or folder/);
  assert.equal(run('scan').code, 2);
});

test('a binary file is skipped with a line naming it; the other files are still scanned', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'a.md'), 'See ISO 9001.');
  fs.writeFileSync(path.join(dir, 'b.txt'), Buffer.from([0x49, 0x53, 0x4f, 0x00, 0xff, 0x01]));
  const { code, stdout, stderr } = run('scan', dir);
  assert.equal(code, 2);
  assert.match(stdout, /a\.md:1:5\tstandard\tISO 9001/);
  assert.match(stderr, /b\.txt: skipped: binary content/);
});

test('a 20 MB document and a 1 MB line are scanned in bounded time', () => {
  const dir = tempDir();
  const line = 'Controls per ISO/IEC 27002:2022 and the ISO team. '.repeat(20_000);
  fs.writeFileSync(path.join(dir, 'long-line.txt'), line);
  fs.writeFileSync(path.join(dir, 'big.md'), `${'Prose without references, line after line.\n'.repeat(480_000)}ISO 27001\n`);
  const started = Date.now();
  const { code, stdout } = run('scan', '--json', dir);
  assert.equal(code, 0);
  const refs = JSON.parse(stdout) as Array<{ file: string; id: string }>;
  assert.equal(refs.filter((r) => r.file.endsWith('long-line.txt')).length, 20_000);
  assert.deepEqual(refs.filter((r) => r.file.endsWith('big.md')).map((r) => r.id), ['ISO/IEC 27001']);
  // Not a speed test (npm run bench measures speed): a guard against a hang.
  assert.ok(Date.now() - started < 60_000);
});

test('--edition sets the edition of undated control numbers, as the setting does in the editor', () => {
  const dir = tempDir();
  const file = path.join(dir, 'soa.md');
  fs.writeFileSync(file, '| Control | Applicable |\n| --- | --- |\n| A.8.2 | Yes |\n');
  const current = JSON.parse(run('scan', '--json', file).stdout);
  const older = JSON.parse(run('scan', '--json', '--edition', '2013', file).stdout);
  assert.deepEqual([current[0].id, current[0].resolved.title], ['ISO/IEC 27001:2022 A.8.2', 'Privileged access rights']);
  assert.deepEqual([older[0].id, older[0].resolved.title], ['ISO/IEC 27001:2013 A.8.2', 'Information classification']);
  const wrong = run('scan', '--edition', '2019', file);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /^normref: option '--edition <year>' argument '2019' is invalid\. Allowed choices are 2022, 2013, 2005\. \(try: normref --help\)\n$/);
});

test('pathological Markdown is read in bounded time: tables, unclosed links, numbers without a standard', () => {
  // Each part once made some step of the scan quadratic; 60 s guards against such a hang.
  const dir = tempDir();
  const table = '| Control | Status |\n|---|---|\n| 5.15 | done |\n';
  const parts = [
    'We follow ISO/IEC 27001:2022.\n\n',
    table.repeat(20_000),
    '|---|\n'.repeat(20_000),
    `${'](x '.repeat(200_000)}\n`,
    'control 1.2 and clause 3.4 and APO01 and COBIT 2019 and ITIL 4 and '.repeat(20_000),
    '\nCited: ISO/IEC 27001:2022.\n',
    'Then clause 6.1.2 and clause 4.1 of ISO 9001 again.\n'.repeat(20_000),
  ];
  fs.writeFileSync(path.join(dir, 'odd.md'), parts.join(''));
  const { code, stdout } = run('scan', '--json', dir);
  assert.equal(code, 0);
  const refs = JSON.parse(stdout) as Array<{ kind: string; text: string }>;
  assert.equal(refs.filter((r) => r.text === '5.15').length, 20_000);
});

test('a byte-order mark is not a character: columns count from the first one, and front matter is read', () => {
  const dir = tempDir();
  const file = path.join(dir, 'bom.md');
  fs.writeFileSync(file, '\uFEFF---\nnormref:\n  edition: 2013\n---\nSee A.8.2 and ISO 9001.\n');
  const { code, stdout } = run('scan', file);
  assert.equal(code, 0);
  assert.match(stdout, /bom\.md:5:5\tcontrol\tA\.8\.2\t→ ISO\/IEC 27001:2013 A\.8\.2 \(withdrawn\)/);
  assert.match(stdout, /bom\.md:5:15\tstandard\tISO 9001/);
});

test('UTF-16 files with a byte-order mark, little or big endian, are read as text', () => {
  const dir = tempDir();
  const little = Buffer.from('\uFEFFSee ISO 9001 and ISO/IEC 27001:2022.\n', 'utf16le');
  const big = Buffer.from(little).swap16();
  fs.writeFileSync(path.join(dir, 'le.txt'), little);
  fs.writeFileSync(path.join(dir, 'be.txt'), big);
  const { code, stdout } = run('scan', path.join(dir, 'le.txt'), path.join(dir, 'be.txt'));
  assert.equal(code, 0);
  for (const name of ['le', 'be']) {
    assert.match(stdout, new RegExp(`${name}\\.txt:1:5\\tstandard\\tISO 9001`));
    assert.match(stdout, new RegExp(`${name}\\.txt:1:18\\tstandard\\tISO/IEC 27001:2022`));
  }
});

test('CR-only line ends: front matter, tables and line numbers are as with LF', () => {
  const dir = tempDir();
  const file = path.join(dir, 'mac.md');
  fs.writeFileSync(file, '---\rnormref: { edition: 2013 }\r---\rISO/IEC 27001\r\r| Control | Status |\r| --- | --- |\r| 8.2 | done |\r');
  const refs = JSON.parse(run('scan', '--json', file).stdout);
  assert.deepEqual(refs.map((r: any) => [r.id, r.range.start]), [
    ['ISO/IEC 27001', { line: 3, character: 0 }],
    ['ISO/IEC 27001:2013 A.8.2', { line: 7, character: 2 }],
  ]);
});

test('a FIFO or a device is not read: one line says so, exit 2, the other files are scanned', { skip: process.platform === 'win32' }, () => {
  const dir = tempDir();
  const fifo = path.join(dir, 'pipe.md');
  spawnSync('mkfifo', [fifo]);
  fs.writeFileSync(path.join(dir, 'ok.md'), 'See ISO 9001.');
  const { code, stdout, stderr } = run('scan', fifo, '/dev/zero', path.join(dir, 'ok.md'));
  assert.equal(code, 2);
  assert.match(stderr, /pipe\.md: not a regular file \(a named pipe\)/);
  assert.match(stderr, /\/dev\/zero: not a regular file \(a character device\)/);
  assert.match(stdout, /ok\.md:1:5\tstandard\tISO 9001/);
});

test('symbolic links are followed once: linked files and folders are scanned, loops and broken links said', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'shared'));
  fs.writeFileSync(path.join(dir, 'shared', 'policy.md'), 'See ISO 9001.');
  fs.writeFileSync(path.join(dir, 'outside.md'), 'See ISO 14001.');
  const tree = path.join(dir, 'tree');
  fs.mkdirSync(tree);
  fs.symlinkSync(path.join(dir, 'shared'), path.join(tree, 'linked-folder'));
  fs.symlinkSync(path.join(dir, 'outside.md'), path.join(tree, 'linked.md'));
  fs.symlinkSync(tree, path.join(tree, 'back-to-tree'));
  fs.symlinkSync(path.join(tree, 'nowhere.md'), path.join(tree, 'broken.md'));
  fs.symlinkSync(path.join(tree, 'loop-b.md'), path.join(tree, 'loop-a.md'));
  fs.symlinkSync(path.join(tree, 'loop-a.md'), path.join(tree, 'loop-b.md'));
  const { code, stdout, stderr } = run('scan', tree);
  assert.equal(code, 2);
  assert.match(stdout, /linked-folder\/policy\.md:1:5\tstandard\tISO 9001/);
  assert.match(stdout, /linked\.md:1:5\tstandard\tISO 14001/);
  assert.equal(stdout.trim().split('\n').length, 2, 'each file once, the loop back to the tree not walked');
  assert.match(stderr, /broken\.md: symbolic link to nothing usable: no such file or folder/);
  assert.match(stderr, /loop-a\.md: symbolic link to nothing usable: a loop of symbolic links/);
  const named = run('scan', path.join(tree, 'loop-a.md'));
  assert.equal(named.code, 2);
  assert.match(named.stderr, /loop-a\.md: symbolic link to nothing usable: a loop of symbolic links/);
});

test('a reader that stops early ends the output quietly; a full disk is one line and exit 2', () => {
  const dir = tempDir();
  const file = path.join(dir, 'many.md');
  fs.writeFileSync(file, 'ISO 9001 and ISO 14001.\n'.repeat(20_000));
  for (const format of [[], ['--json']]) {
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" scan ${format.join(' ')} "${file}" | head -1`], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(piped.stderr, '', `no error for a closed pipe ${format}`);
    assert.equal(piped.stdout.split('\n').length, 2);
  }
  const full = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" scan "${file}" > /dev/full; echo "exit $?"`], { encoding: 'utf8', timeout: 60_000 });
  assert.match(full.stdout, /exit 2/);
  assert.equal(full.stderr.trim(), 'normref: cannot write the output: no space left on device (ENOSPC)');
});

test('scan --json streams one JSON array, one reference to a line', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'a.md'), 'ISO 9001 and COBIT 2019.');
  fs.writeFileSync(path.join(dir, 'b.md'), 'Nothing here.');
  const { stdout } = run('scan', '--json', dir);
  const refs = JSON.parse(stdout) as unknown[];
  assert.equal(stdout, `[\n${refs.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
  assert.equal(run('scan', '--json', path.join(dir, 'b.md')).stdout, '[]\n');
});

test('lookup ignores case, and suggests the reference a typing slip or a missing publisher hides', () => {
  const lower = run('lookup', 'iso 27001');
  assert.equal(lower.code, 0);
  assert.match(lower.stdout, /^ISO\/IEC 27001:2022 · Published/);
  const itil = run('lookup', 'itil', 'v4');
  assert.equal(itil.code, 0);
  assert.match(itil.stdout, /^ITIL 4 · /);
  for (const slip of ['ISO 27OO1', '27001']) {
    assert.deepEqual(run('lookup', slip), { code: 1, stdout: '', stderr: `normref lookup: "${slip}" is not a reference normref recognises; did you mean ISO/IEC 27001?\n` });
  }
  assert.equal(run('lookup', 'iso 9OOl').stderr, 'normref lookup: "iso 9OOl" is not a reference normref recognises; did you mean ISO 9001?\n');
  // A control number without its "A.", of the default edition or the one that has it; none for a number no edition has.
  assert.equal(run('lookup', '5.15').stderr, 'normref lookup: "5.15" is not a reference normref recognises; did you mean ISO/IEC 27001:2022 A.5.15?\n');
  assert.equal(run('lookup', '9.2.3').stderr, 'normref lookup: "9.2.3" is not a reference normref recognises; did you mean ISO/IEC 27001:2013 A.9.2.3?\n');
  assert.equal(run('lookup', '5.99').stderr, 'normref lookup: "5.99" is not a reference normref recognises\n');
});

test('lookup of a control number no edition has prints what is known and exits 1', () => {
  const { code, stdout } = run('lookup', 'A.5.99');
  assert.equal(code, 1);
  assert.match(stdout, /^ISO\/IEC 27001:2022 A\.5\.99\n\nnormref knows no control or clause with this number/);
});
