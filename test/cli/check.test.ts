// `normref check` on real files: the report in each format, exit codes, configuration, globs,
// .gitignore, --fix and standard input, as a user or a CI job sees them.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, normref, tempDir, writeTree } from './support';

const WITHDRAWN = '# Security policy\n\nControls follow ISO/IEC 27002:2013.\n';
const CLEAN = '# Security policy\n\nControls follow ISO/IEC 27002:2022.\n';
const WITHDRAWN_LINE = /^policy\.md:3:17 warning withdrawn ISO\/IEC 27002:2013 is withdrawn: replaced by ISO\/IEC 27002:2022\b.*$/m;

test('text: file:line:column severity code message for each finding, then a summary; exit 1', () => {
  const dir = tempDir();
  writeTree(dir, { 'policy.md': WITHDRAWN, 'clean.md': CLEAN, 'notes/renamed.txt': 'Passwords: see ISO/IEC 17799.\n' });
  const { code, stdout, stderr } = normref(['check', '.'], { cwd: dir });
  assert.equal(code, 1);
  assert.equal(stderr, '');
  const lines = stdout.trimEnd().split('\n');
  assert.match(lines[0], /^notes\/renamed\.txt:1:16 warning renamed ISO\/IEC 17799 is a former name: it became ISO\/IEC 27002\b/);
  assert.match(lines[1], WITHDRAWN_LINE);
  assert.equal(lines[2], '2 problems (2 warnings) in 2 of 3 files; 2 can be fixed with --fix');
  assert.equal(lines.length, 3);
});

test('text: the summary counts only findings --fix would fix', () => {
  const dir = tempDir();
  // BS 7799 without its part may be part 1 or 2: its fix is offered, not applied unasked; the withdrawn edition's is applied.
  writeTree(dir, { 'choice.md': 'We follow BS 7799.\n', 'both.md': 'We follow BS 7799 and ISO/IEC 20000-1:2011.\n' });
  assert.match(normref(['check', 'choice.md'], { cwd: dir }).stdout, /\n1 problem \(1 warning\) in 1 of 1 file\n$/);
  assert.match(normref(['check', 'both.md'], { cwd: dir }).stdout, /\n2 problems \(2 warnings\) in 1 of 1 file; 1 can be fixed with --fix\n$/);
  const dry = normref(['check', '--fix', '--dry-run', 'both.md'], { cwd: dir });
  assert.match(dry.stderr, /^would fix 1 problem in both\.md\n.*\n1 problem \(1 warning\) in 1 of 1 file\n$/);
});

test('text: no findings say so, exit 0; colour only when asked for or on a terminal', () => {
  const dir = tempDir();
  writeTree(dir, { 'clean.md': CLEAN, 'policy.md': WITHDRAWN });
  assert.deepEqual(normref(['check', 'clean.md'], { cwd: dir }), { code: 0, stdout: 'No problems in 1 file\n', stderr: '' });
  const plain = normref(['check', 'policy.md'], { cwd: dir });
  const ESC = String.fromCharCode(27);
  assert.ok(!plain.stdout.includes(ESC));
  const forced = normref(['check', 'policy.md'], { cwd: dir, env: { FORCE_COLOR: '1' } });
  assert.ok(forced.stdout.includes(`${ESC}[33mwarning${ESC}[0m`));
  const refused = normref(['check', 'policy.md'], { cwd: dir, env: { NO_COLOR: '1' } });
  assert.ok(!refused.stdout.includes(ESC));
});

test('--fail-on: exit 1 only for findings at or above the level; off never fails', () => {
  const dir = tempDir();
  writeTree(dir, { 'policy.md': WITHDRAWN });
  assert.equal(normref(['check', 'policy.md'], { cwd: dir }).code, 1);
  assert.equal(normref(['check', '--fail-on', 'warning', 'policy.md'], { cwd: dir }).code, 1);
  assert.equal(normref(['check', '--fail-on', 'error', 'policy.md'], { cwd: dir }).code, 0);
  assert.equal(normref(['check', '--fail-on', 'off', 'policy.md'], { cwd: dir }).code, 0);
  writeTree(dir, { '.normrefrc.json': '{"diagnostics": {"withdrawn": "information"}}' });
  const info = normref(['check', 'policy.md'], { cwd: dir });
  assert.equal(info.code, 0);
  assert.match(info.stdout, /policy\.md:3:17 information withdrawn/);
  assert.equal(normref(['check', '--fail-on', 'information', 'policy.md'], { cwd: dir }).code, 1);
  writeTree(dir, { '.normrefrc.json': '{"diagnostics": {"withdrawn": "hint"}}' });
  assert.equal(normref(['check', '--fail-on', 'information', 'policy.md'], { cwd: dir }).code, 0);
  assert.equal(normref(['check', '--fail-on', 'hint', 'policy.md'], { cwd: dir }).code, 1);
  writeTree(dir, { '.normrefrc.json': '{"diagnostics": {"withdrawn": "error"}}' });
  assert.equal(normref(['check', '--fail-on', 'error', 'policy.md'], { cwd: dir }).code, 1);
  const wrong = normref(['check', '--fail-on', 'warn', 'policy.md'], { cwd: dir });
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /^normref: option '--fail-on <severity>' argument 'warn' is invalid\. Allowed choices are error, warning, information, hint, off\./);
});

test('json: one array of findings with LSP ranges, related places, fixes with ranges and a help link', () => {
  const dir = tempDir();
  writeTree(dir, { 'policy.md': '# Policy\n\nWe are certified to ISO/IEC 27001:2022.\n\nThe audit checks ISO/IEC 27001:2013.\n', 'clean.md': CLEAN });
  const { code, stdout } = normref(['check', '--format', 'json', '.'], { cwd: dir });
  assert.equal(code, 1);
  const findings = JSON.parse(stdout) as any[];
  const withdrawn = findings.find((f) => f.code === 'withdrawn');
  assert.deepEqual(withdrawn.range, { start: { line: 4, character: 17 }, end: { line: 4, character: 35 } });
  assert.equal(withdrawn.file, 'policy.md');
  assert.equal(withdrawn.severity, 'warning');
  assert.equal(withdrawn.subject, 'ISO/IEC 27001:2013');
  assert.match(withdrawn.message, /ISO\/IEC 27001:2022/);
  assert.equal(withdrawn.helpUri, 'https://github.com/normref/normref/blob/main/README.md#withdrawn');
  for (const fix of withdrawn.fixes) {
    assert.equal(typeof fix.title, 'string');
    assert.equal(typeof fix.safe, 'boolean');
    for (const edit of fix.edits) assert.deepEqual(Object.keys(edit.range.start), ['line', 'character']);
  }
  const mixed = findings.find((f) => f.code === 'mixed-editions');
  assert.equal(mixed.severity, 'information');
  assert.deepEqual(mixed.related[0].range.start, { line: 2, character: 20 });
  // One finding to a line, so that grep and line-based tools can read it too.
  assert.equal(stdout, `[\n${findings.map((f) => JSON.stringify(f)).join(',\n')}\n]\n`);
  assert.equal(normref(['check', '--format', 'json', 'clean.md'], { cwd: dir }).stdout, '[]\n');
});

test('--as-of: an edition published after the date does not make the cited one outdated; a bad date is exit 2', () => {
  const dir = tempDir();
  writeTree(dir, { 'policy.md': WITHDRAWN, 'declared.md': `<!-- normref as-of: 2021-06-01 -->\n${WITHDRAWN}` });
  assert.deepEqual(normref(['check', '--as-of', '2020-01-01', 'policy.md'], { cwd: dir }), { code: 0, stdout: 'No problems in 1 file\n', stderr: '' });
  assert.equal(normref(['check', '--as-of', '2023-01-01', 'policy.md'], { cwd: dir }).code, 1);
  // The document's own declaration wins over the command line's.
  assert.equal(normref(['check', '--as-of', '2023-01-01', 'declared.md'], { cwd: dir }).code, 0);
  // A month or a year, as a document may declare it.
  for (const approved of ['2021', '2021-06', '2020-02-29']) assert.equal(normref(['check', '--as-of', approved, 'policy.md'], { cwd: dir }).code, 0, approved);
  assert.equal(normref(['check', '--as-of', '2023', 'policy.md'], { cwd: dir }).code, 1);
  for (const bad of ['2020-13-01', '2021-02-30', '2021-02-29', '2021-6', '01/06/2021', '0000', '0202-06-01', '']) {
    assert.deepEqual(normref(['check', '--as-of', bad, 'policy.md'], { cwd: dir }), { code: 2, stdout: '', stderr: `normref check: --as-of ${bad}: expected a date from 1900 on: YYYY-MM-DD, YYYY-MM or YYYY\n` });
  }
});

test('configuration: the nearest .normrefrc.json or normref.config.json wins, --config replaces them', () => {
  const dir = tempDir();
  writeTree(dir, {
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.normrefrc.json': '{"diagnostics": {"withdrawn": "error"}}',
    'policy.md': WITHDRAWN,
    'team/normref.config.json': '{"ignore": ["ISO/IEC 27002:2013"]}',
    'team/policy.md': WITHDRAWN,
    'team/sub/policy.md': WITHDRAWN,
    'other.json': '{"diagnostics": {"withdrawn": "off"}}',
  });
  const found = normref(['check', '.'], { cwd: dir });
  assert.equal(found.stdout, 'policy.md:3:17 error withdrawn ISO/IEC 27002:2013 is withdrawn: replaced by ISO/IEC 27002:2022 (2022-02).\n1 problem (1 error) in 1 of 3 files; 1 can be fixed with --fix\n');
  assert.deepEqual(normref(['check', '--config', 'other.json', '.'], { cwd: dir }), { code: 0, stdout: 'No problems in 3 files\n', stderr: '' });
  // The repository's root is where the search stops: a configuration above it is not used.
  const outer = tempDir();
  writeTree(outer, { '.normrefrc.json': '{"diagnostics": {"withdrawn": "off"}}', 'repo/.git/HEAD': 'x', 'repo/policy.md': WITHDRAWN, 'plain/policy.md': WITHDRAWN });
  assert.equal(normref(['check', 'repo'], { cwd: outer }).code, 1);
  assert.equal(normref(['check', 'plain'], { cwd: outer }).code, 0);
});

test('a configuration file may hold comments and trailing commas, as settings.json does', () => {
  const dir = tempDir();
  writeTree(dir, {
    'policy.md': WITHDRAWN,
    '.normrefrc.json': '// The team\'s settings\n{\n  /* CI fails on these */\n  "diagnostics": { "withdrawn": "error", },\n}\n',
  });
  const found = normref(['check', 'policy.md'], { cwd: dir });
  assert.equal(found.code, 1);
  assert.match(found.stdout, /^policy\.md:3:17 error withdrawn /);
});

test('a bad configuration file: one line naming the file and the key, exit 2', () => {
  const dir = tempDir();
  writeTree(dir, { 'policy.md': WITHDRAWN });
  const cases: [string, string][] = [
    ['{"diagnostics": {"withdrawn": "warn"}}', '.normrefrc.json: diagnostics.withdrawn: "warn" is not one of error, warning, information, hint, off'],
    ['{"diagnostics": {"withdrawm": "error"}}', '.normrefrc.json: diagnostics.withdrawm: not a normref setting'],
    ['{"colour": true}', '.normrefrc.json: colour: not a normref setting'],
    ['{"ignore": "ISO/IEC 27002:2013"}', '.normrefrc.json: ignore: "ISO/IEC 27002:2013" is not a list'],
    ['{"ignore": [27002]}', '.normrefrc.json: ignore[0]: 27002 is not a string'],
    ['{"controls": {"defaultEdition": 2013}}', '.normrefrc.json: controls.defaultEdition: 2013 is not a string'],
    ['{"normref.diagnostics.withdrawn": "error"}', '.normrefrc.json: normref.diagnostics.withdrawn: not a normref setting; this file writes it without "normref." and nested, as {"diagnostics": {"withdrawn": …}}'],
    ['{\n  "diagnostics": {\n    withdrawn: "error"\n  }\n}', '.normrefrc.json:3:5: not valid JSON: unexpected "withdrawn"'],
    ['{"diagnostics": x}', '.normrefrc.json:1:17: not valid JSON: unexpected "x"'],
    ['{"diagnostics": {', '.normrefrc.json:1:18: not valid JSON: expected }'],
    ['{"ignore": ["a" "b"]}', '.normrefrc.json:1:17: not valid JSON: expected a comma'],
    ['', '.normrefrc.json: empty (a configuration of the defaults is {})'],
    ['{"ignore": ["a\u0000b"]}', '.normrefrc.json:1:13: not valid JSON: a control character (a tab, a line break or U+0000 to U+001F) inside a string; write it as an escape'],
    // Thousands deep would overflow the parser's stack: refused at the level past the limit.
    [`{"ignore": ${'['.repeat(5000)}${']'.repeat(5000)}}`, '.normrefrc.json:1:75: nested more than 64 levels deep (no normref setting is)'],
    [`{"x": ${'{"a": '.repeat(5000)}1${'}'.repeat(5000)}}`, `.normrefrc.json:1:${7 + 6 * 63}: nested more than 64 levels deep (no normref setting is)`],
    // A long wrong value is cut: the line stays one line.
    [`{"diagnostics": {"withdrawn": "${'x'.repeat(100_000)}"}}`, `.normrefrc.json: diagnostics.withdrawn: "${'x'.repeat(49)}… (100,002 characters) is not one of error, warning, information, hint, off`],
  ];
  for (const [text, line] of cases) {
    fs.writeFileSync(path.join(dir, '.normrefrc.json'), text);
    const found = normref(['check', 'policy.md'], { cwd: dir });
    assert.equal(found.stderr, `normref: ${line}\n`, text);
    assert.equal(found.code, 2, text);
    assert.equal(found.stdout, 'No problems in 0 files; 1 file could not be checked\n', 'the report is still whole');
    const named = normref(['check', '--config', '.normrefrc.json', '--format', 'json', 'policy.md'], { cwd: dir });
    assert.deepEqual(named, { code: 2, stdout: '', stderr: `normref: ${line}\n` }, 'a bad --config stops before anything is written');
  }
  const missing = normref(['check', '--config', 'nowhere.json', 'policy.md'], { cwd: dir });
  assert.deepEqual(missing, { code: 2, stdout: '', stderr: 'normref: nowhere.json: no such file\n' });
});

test('quoted globs are expanded by normref; a glob that matches nothing is exit 2', () => {
  const dir = tempDir();
  writeTree(dir, {
    'policies/a.md': WITHDRAWN,
    'policies/deep/b.md': WITHDRAWN,
    'policies/deep/c.txt': 'See ISO/IEC 27002:2013.\n',
    'notes.txt': 'See ISO/IEC 27002:2013.\n',
    'node_modules/x/readme.md': WITHDRAWN,
  });
  const files = (args: string[]) => [...new Set((JSON.parse(normref(['check', '--format', 'json', ...args], { cwd: dir }).stdout) as any[]).map((f) => f.file))];
  assert.deepEqual(files(['policies/**/*.md']), ['policies/a.md', 'policies/deep/b.md']);
  assert.deepEqual(files(['**/*.txt']), ['notes.txt', 'policies/deep/c.txt']);
  assert.deepEqual(files(['policies/*.md']), ['policies/a.md']);
  const none = normref(['check', 'drafts/**/*.md'], { cwd: dir });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^normref: drafts\/\*\*\/\*\.md: no file matches this pattern$/m);
});

test('a glob that matches nothing is one line naming it, whatever else the folders it walks hold; one that names files already named matches them', () => {
  const dir = tempDir();
  writeTree(dir, { 'policies/a.md': WITHDRAWN });
  fs.mkdirSync(path.join(dir, 'notes'));
  fs.symlinkSync('gone.md', path.join(dir, 'notes', 'moved.md'));
  const notChecked = 'No problems in 0 files; 1 file could not be checked\n';
  assert.deepEqual(normref(['check', '**/*.xyz'], { cwd: dir }), { code: 2, stdout: notChecked, stderr: 'normref: **/*.xyz: no file matches this pattern\n' });
  // As a path that does not exist is.
  assert.deepEqual(normref(['check', 'nothing.md'], { cwd: dir }), { code: 2, stdout: notChecked, stderr: 'normref: nothing.md: no such file or folder\n' });
  // A broken link the glob matches is what it found, and is said once.
  assert.deepEqual(normref(['check', 'notes', 'notes/*.md'], { cwd: dir }), { code: 2, stdout: notChecked, stderr: 'normref: notes/moved.md: symbolic link to nothing usable: no such file or folder\n' });
  // Named itself, it is said the same way: the link is there, what it points to is not.
  assert.deepEqual(normref(['check', 'notes/moved.md'], { cwd: dir }), { code: 2, stdout: notChecked, stderr: 'normref: notes/moved.md: symbolic link to nothing usable: no such file or folder\n' });
  // Each file is checked once, and the glob matched it.
  assert.deepEqual(normref(['check', 'policies', 'policies/*.md'], { cwd: dir }).stdout.split('\n').slice(1), ['1 problem (1 warning) in 1 of 1 file; 1 can be fixed with --fix', '']);
  assert.equal(normref(['check', 'policies', 'policies/*.md'], { cwd: dir }).code, 1);
});

test('.gitignore files are honoured in every folder, relative to it; node_modules and dot-folders are skipped', () => {
  const dir = tempDir();
  writeTree(dir, {
    '.gitignore': 'drafts/\n*.tmp.md\n',
    'policy.md': WITHDRAWN,
    'old.tmp.md': WITHDRAWN,
    'drafts/draft.md': WITHDRAWN,
    'team/.gitignore': 'private.md\n/local.md\n!keep.tmp.md\n',
    'team/private.md': WITHDRAWN,
    'team/local.md': WITHDRAWN,
    'team/keep.tmp.md': WITHDRAWN,
    'team/sub/local.md': WITHDRAWN,
    'team/sub/private.md': WITHDRAWN,
    'node_modules/pkg/readme.md': WITHDRAWN,
    '.obsidian/notes.md': WITHDRAWN,
  });
  const { stdout } = normref(['check', '--format', 'json', '.'], { cwd: dir });
  const files = [...new Set((JSON.parse(stdout) as any[]).map((f) => f.file))];
  assert.deepEqual(files, ['policy.md', 'team/keep.tmp.md', 'team/sub/local.md']);
  // A file named on the command line is checked whatever .gitignore says.
  assert.equal(normref(['check', 'drafts/draft.md'], { cwd: dir }).code, 1);
});

test('sarif: a SARIF 2.1.0 log the official schema accepts, with rules, relative locations, stable fingerprints and fixes', () => {
  const dir = tempDir();
  writeTree(dir, { 'docs/policy.md': WITHDRAWN, 'docs/mixed.md': '# P\n\nCertified to ISO/IEC 27001:2022.\n\nThe audit checks ISO/IEC 27001:2013.\n' });
  const { code, stdout } = normref(['check', '--format', 'sarif', 'docs', 'missing.md'], { cwd: dir });
  assert.equal(code, 2);
  const log = JSON.parse(stdout);
  assertValidSarif(log);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'normref');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  const ids = run.tool.driver.rules.map((r: any) => r.id);
  assert.ok(ids.includes('withdrawn') && ids.includes('mixed-editions') && ids.includes('non-canonical'));
  for (const rule of run.tool.driver.rules) {
    assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text && rule.help.markdown && rule.helpUri, rule.id);
    assert.match(rule.defaultConfiguration.level, /^(error|warning|note)$/);
    // Plain text is plain: Markdown's code spans only in the markdown fields.
    assert.ok(!rule.fullDescription.text.includes('`') && !rule.help.text.includes('`'), rule.id);
  }
  assert.match(run.tool.driver.rules.find((r: any) => r.id === 'non-canonical').fullDescription.markdown, /^`ISO 27001` is `ISO\/IEC 27001`/);
  const withdrawn = run.results.find((r: any) => r.ruleId === 'withdrawn' && r.locations[0].physicalLocation.artifactLocation.uri === 'docs/policy.md');
  assert.equal(ids[withdrawn.ruleIndex], 'withdrawn');
  assert.equal(withdrawn.level, 'warning');
  assert.deepEqual(withdrawn.locations[0].physicalLocation, {
    artifactLocation: { uri: 'docs/policy.md', uriBaseId: '%SRCROOT%' },
    region: { startLine: 3, startColumn: 17, endLine: 3, endColumn: 35 },
  });
  // The safe fix, as a replacement of the year.
  assert.equal(withdrawn.fixes[0].description.text, 'Replace with ISO/IEC 27002:2022');
  assert.deepEqual(withdrawn.fixes[0].artifactChanges[0].replacements, [{ deletedRegion: { startLine: 3, startColumn: 31, endLine: 3, endColumn: 35 }, insertedContent: { text: '2022' } }]);
  const mixed = run.results.find((r: any) => r.ruleId === 'mixed-editions');
  assert.equal(mixed.level, 'note');
  assert.equal(mixed.relatedLocations[0].physicalLocation.region.startLine, 3);
  assert.equal(run.invocations[0].executionSuccessful, false);
  assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /no such file or folder/);
  // Lines added above a finding do not change its fingerprint.
  fs.writeFileSync(path.join(dir, 'docs/policy.md'), `Intro.\n\n${WITHDRAWN}`);
  const moved = JSON.parse(normref(['check', '--format', 'sarif', 'docs'], { cwd: dir }).stdout).runs[0].results.find((r: any) => r.ruleId === 'withdrawn' && r.locations[0].physicalLocation.artifactLocation.uri === 'docs/policy.md');
  assert.equal(moved.locations[0].physicalLocation.region.startLine, 5);
  assert.deepEqual(moved.partialFingerprints, withdrawn.partialFingerprints);
  assertValidSarif(JSON.parse(normref(['check', '--format', 'sarif', 'nothing-here'], { cwd: dir }).stdout));
});

function assertValidSarif(log: unknown): void {
  // The schema of SARIF 2.1.0 (draft-04) as Microsoft's SARIF SDK ships it; its one pattern is
  // not valid with the u flag, so the expressions are compiled without it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv-draft-04');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addFormats = require('ajv-formats');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
}

test('an unreadable file is one line and exit 2; the other files are still checked and reported', () => {
  const dir = tempDir();
  writeTree(dir, { 'a.md': WITHDRAWN, 'b.md': Buffer.from([0x49, 0x53, 0x4f, 0x00, 0xff]) });
  const { code, stdout, stderr } = normref(['check', '.', 'gone.md'], { cwd: dir });
  assert.equal(code, 2);
  assert.equal(stderr, 'normref: b.md: skipped: binary content\nnormref: gone.md: no such file or folder\n');
  assert.match(stdout, /^a\.md:3:17 warning withdrawn/m);
  assert.match(stdout, /^1 problem \(1 warning\) in 1 of 1 file; 1 can be fixed with --fix; 2 files could not be checked$/m);
  assert.deepEqual(normref(['check'], { cwd: dir }).code, 2);
  assert.deepEqual(normref(['check', '--dry-run', 'a.md'], { cwd: dir }), { code: 2, stdout: '', stderr: 'normref check: --dry-run goes with --fix: it shows what --fix would change\n' });
});

test('--fix replaces the file atomically, keeping its mode; says what it fixed; exit code from what remains', () => {
  const dir = tempDir();
  writeTree(dir, { 'policy.md': WITHDRAWN, 'other.md': `${WITHDRAWN}Suppliers hold ISO/IEC 27001:2015 certificates.\n` });
  fs.chmodSync(path.join(dir, 'policy.md'), 0o640);
  const inode = fs.statSync(path.join(dir, 'policy.md')).ino;
  fs.symlinkSync('policy.md', path.join(dir, 'link.md'));
  const { code, stdout, stderr } = normref(['check', '--fix', 'policy.md', 'other.md', 'link.md'], { cwd: dir });
  assert.equal(stderr, '');
  assert.equal(fs.readFileSync(path.join(dir, 'policy.md'), 'utf8'), CLEAN);
  assert.equal(fs.statSync(path.join(dir, 'policy.md')).mode & 0o777, 0o640);
  assert.notEqual(fs.statSync(path.join(dir, 'policy.md')).ino, inode, 'a new file renamed over the old one');
  assert.ok(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink(), 'a link stays a link');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['link.md', 'other.md', 'policy.md'], 'no temporary file left');
  assert.match(stdout, /^fixed 1 problem in policy\.md$/m);
  assert.match(stdout, /^fixed 1 problem in other\.md$/m);
  // What has no safe fix remains, and decides the exit code.
  assert.match(stdout, /^other\.md:4:16 warning unknown-edition /m);
  assert.equal(code, 1);
  assert.deepEqual(normref(['check', '--fix', 'policy.md'], { cwd: dir }), { code: 0, stdout: 'No problems in 1 file\n', stderr: '' });
});

test('--fix keeps the encoding, the byte-order mark and CRLF line ends', () => {
  const dir = tempDir();
  const crlf = WITHDRAWN.replace(/\n/g, '\r\n');
  const files: Record<string, Buffer> = {
    'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]),
    'le.txt': Buffer.from(`\uFEFF${WITHDRAWN}`, 'utf16le'),
    'be.txt': Buffer.from(`\uFEFF${crlf}`, 'utf16le').swap16(),
  };
  writeTree(dir, files);
  assert.equal(normref(['check', '--fix', '.'], { cwd: dir }).code, 0);
  const fixedCrlf = CLEAN.replace(/\n/g, '\r\n');
  assert.deepEqual(fs.readFileSync(path.join(dir, 'bom.md')), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixedCrlf)]));
  assert.deepEqual(fs.readFileSync(path.join(dir, 'le.txt')), Buffer.from(`\uFEFF${CLEAN}`, 'utf16le'));
  assert.deepEqual(fs.readFileSync(path.join(dir, 'be.txt')), Buffer.from(`\uFEFF${fixedCrlf}`, 'utf16le').swap16());
});

test('--fix never touches a file it could not read or decode exactly', () => {
  const dir = tempDir();
  // Valid text around one byte that is not UTF-8: writing the text back would change that byte.
  const invalid = Buffer.concat([Buffer.from(WITHDRAWN), Buffer.from([0xff]), Buffer.from('\n')]);
  writeTree(dir, { 'latin1.md': invalid, 'ok.md': WITHDRAWN });
  const { code, stderr, stdout } = normref(['check', '--fix', '.'], { cwd: dir });
  assert.equal(code, 2);
  assert.equal(stderr, 'normref: latin1.md: not fixed: not valid UTF-8, and writing it back would change more than the fixes\n');
  assert.deepEqual(fs.readFileSync(path.join(dir, 'latin1.md')), invalid);
  assert.equal(fs.readFileSync(path.join(dir, 'ok.md'), 'utf8'), CLEAN);
  assert.match(stdout, /^latin1\.md:3:17 warning withdrawn/m);
  // Standard input the same: given back byte for byte, not with U+FFFD for the byte, and said.
  const piped = spawnSync(process.execPath, [cli, 'check', '--fix', '-'], { cwd: dir, input: invalid });
  assert.equal(piped.status, 2);
  assert.deepEqual(piped.stdout, invalid);
  assert.match(piped.stderr.toString(), /^normref: <stdin>: not fixed: not valid UTF-8, and writing it back would change more than the fixes\n<stdin>:3:17 warning withdrawn /);
});

test('--fix leaves a read-only file and a file with other hard links as they are, and says why', () => {
  const dir = tempDir();
  writeTree(dir, { 'read-only.md': WITHDRAWN, 'linked.md': WITHDRAWN, 'ok.md': WITHDRAWN });
  fs.chmodSync(path.join(dir, 'read-only.md'), 0o444);
  fs.linkSync(path.join(dir, 'linked.md'), path.join(dir, 'other-name.md'));
  const { code, stdout, stderr } = normref(['check', '--fix', 'read-only.md', 'linked.md', 'ok.md', 'gone.md'], { cwd: dir });
  assert.equal(code, 2);
  assert.equal(
    stderr,
    'normref: read-only.md: not fixed: the file is read-only\nnormref: linked.md: not fixed: the file has other hard links, which a fix would leave unfixed\nnormref: gone.md: no such file or folder\n',
  );
  // The two were checked (their findings are reported) but not fixed; the one missing was not checked.
  assert.match(stdout, /^2 problems \(2 warnings\) in 2 of 3 files; 1 file could not be checked; 2 files could not be fixed$/m);
  assert.equal(fs.readFileSync(path.join(dir, 'read-only.md'), 'utf8'), WITHDRAWN);
  assert.equal(fs.statSync(path.join(dir, 'read-only.md')).mode & 0o777, 0o444);
  assert.equal(fs.readFileSync(path.join(dir, 'other-name.md'), 'utf8'), WITHDRAWN);
  assert.equal(fs.readFileSync(path.join(dir, 'ok.md'), 'utf8'), CLEAN);
});

test('--config naming a device or a named pipe is one line and exit 2, not a read that never ends', () => {
  const dir = tempDir();
  writeTree(dir, { 'policy.md': CLEAN });
  const { code, stderr } = normref(['check', '--config', '/dev/zero', 'policy.md'], { cwd: dir });
  assert.equal(code, 2);
  assert.equal(stderr, 'normref: /dev/zero: not a regular file\n');
});

test('a configuration file found on the way that is a device, a named pipe or a link to nothing is one line naming it, and exit 2', { skip: process.platform === 'win32' }, () => {
  const dir = tempDir();
  writeTree(dir, { '.git/HEAD': 'ref: refs/heads/main\n', 'policy.md': WITHDRAWN, 'pipe/policy.md': WITHDRAWN, 'gone/policy.md': WITHDRAWN });
  fs.symlinkSync('/dev/zero', path.join(dir, '.normrefrc.json'));
  assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe', 'normref.config.json')]).status, 0);
  fs.symlinkSync('nowhere.json', path.join(dir, 'gone', '.normrefrc.json'));
  const { code, stdout, stderr } = normref(['check', 'policy.md', 'pipe/policy.md', 'gone/policy.md'], { cwd: dir });
  assert.equal(stderr, 'normref: .normrefrc.json: not a regular file\nnormref: pipe/normref.config.json: not a regular file\nnormref: gone/.normrefrc.json: no such file\n');
  assert.equal(stdout, 'No problems in 0 files; 3 files could not be checked\n');
  assert.equal(code, 2);
});

test('--fix --dry-run prints a unified diff that git apply takes, and changes nothing', () => {
  const dir = tempDir();
  writeTree(dir, { 'policy.md': WITHDRAWN, 'clean.md': CLEAN });
  const { code, stdout, stderr } = normref(['check', '--fix', '--dry-run', '.'], { cwd: dir });
  assert.equal(code, 0, 'nothing would remain');
  assert.equal(fs.readFileSync(path.join(dir, 'policy.md'), 'utf8'), WITHDRAWN);
  assert.equal(
    stdout,
    ['--- a/policy.md', '+++ b/policy.md', '@@ -1,3 +1,3 @@', ' # Security policy', ' ', '-Controls follow ISO/IEC 27002:2013.', '+Controls follow ISO/IEC 27002:2022.', ''].join('\n'),
  );
  // The report goes to standard error, so that standard output is the patch alone.
  assert.equal(stderr, 'would fix 1 problem in policy.md\nNo problems in 2 files\n');
});

test('standard input: - is read as Markdown, or by --stdin-filename; --fix - writes the fixed text', () => {
  const dir = tempDir();
  writeTree(dir, { 'team/.normrefrc.json': '{"diagnostics": {"withdrawn": "error"}}' });
  const plain = normref(['check', '-'], { cwd: dir, input: WITHDRAWN });
  assert.equal(plain.code, 1);
  assert.match(plain.stdout, /^<stdin>:3:17 warning withdrawn /m);
  const named = normref(['check', '--stdin-filename', 'team/policy.txt', '-'], { cwd: dir, input: '`ISO/IEC 27002:2013`\n' });
  // As text, the backticks are no code span; the configuration of team/ applies.
  assert.match(named.stdout, /^team\/policy\.txt:1:2 error withdrawn /m);
  assert.equal(normref(['check', '-'], { cwd: dir, input: '`ISO/IEC 27002:2013`\n' }).stdout, 'No problems in 1 file\n');
  const fixed = normref(['check', '--fix', '-'], { cwd: dir, input: WITHDRAWN });
  assert.deepEqual(fixed, { code: 0, stdout: CLEAN, stderr: 'fixed 1 problem in <stdin>\nNo problems in 1 file\n' });
  assert.equal(normref(['check', '--fix', '-'], { cwd: dir, input: CLEAN }).stdout, CLEAN, 'unchanged text is written too');
  // Named twice, standard input is read once, as a file named twice is checked once.
  const twice = normref(['check', '-', '-'], { cwd: dir, input: WITHDRAWN });
  assert.match(twice.stdout, /^<stdin>:3:17 warning withdrawn .*\n1 problem \(1 warning\) in 1 of 1 file; 1 can be fixed with --fix\n$/);
  assert.deepEqual(normref(['check', '--fix', '-', '-'], { cwd: dir, input: WITHDRAWN }), { code: 0, stdout: CLEAN, stderr: 'fixed 1 problem in <stdin>\nNo problems in 1 file\n' });
});

test('a file name with a newline or an escape character stays on its line of text, escaped; JSON keeps the name', { skip: process.platform === 'win32' }, () => {
  const dir = tempDir();
  writeTree(dir, { 'red\x1b[31m.md': WITHDRAWN, 'two\nlines.md': WITHDRAWN, 'bin\rary.md': Buffer.from([0x49, 0x53, 0x4f, 0x00, 0xff]) });
  const { stdout, stderr } = normref(['check', '.'], { cwd: dir });
  const finding = ' warning withdrawn ISO/IEC 27002:2013 is withdrawn: replaced by ISO/IEC 27002:2022 (2022-02).';
  assert.equal(stdout, `red\\x1b[31m.md:3:17${finding}\ntwo\\nlines.md:3:17${finding}\n2 problems (2 warnings) in 2 of 2 files; 2 can be fixed with --fix; 1 file could not be checked\n`);
  assert.equal(stderr, 'normref: bin\\rary.md: skipped: binary content\n');
  const json = JSON.parse(normref(['check', '--format', 'json', '.'], { cwd: dir }).stdout) as any[];
  assert.deepEqual(json.map((f) => f.file), ['red\x1b[31m.md', 'two\nlines.md']);
  const diff = normref(['check', '--fix', '--dry-run', '.'], { cwd: dir }).stdout;
  assert.deepEqual(
    diff.split('\n').filter((line) => /^(---|\+\+\+) /.test(line)),
    ['--- "a/red\\033[31m.md"', '+++ "b/red\\033[31m.md"', '--- "a/two\\nlines.md"', '+++ "b/two\\nlines.md"'],
    'a diff header is one line, quoted as git quotes it',
  );
  assert.deepEqual(normref(['check', '--fix', '.'], { cwd: dir }).stdout, 'fixed 1 problem in red\\x1b[31m.md\nfixed 1 problem in two\\nlines.md\nNo problems in 2 files; 1 file could not be checked\n');
});

test('a report many times larger than its document is written as the reader takes it, not queued whole in memory', () => {
  // A 2,800-character path on each of 20,000 findings: a 58 MB report of a 380 KB document. Queued
  // whole, it would not fit in the 64 MB of heap given to node here.
  const dir = tempDir();
  const folder = Array.from({ length: 14 }, (_, i) => String.fromCharCode(97 + i).repeat(200)).join('/');
  writeTree(dir, { [`${folder}/policy.md`]: 'ISO/IEC 27002:2013\n'.repeat(20_000) });
  const env = { NODE_OPTIONS: '--max-old-space-size=64' };
  const checked = normref(['check', '.'], { cwd: dir, env });
  assert.equal(checked.stderr, '');
  assert.equal(checked.code, 1);
  assert.ok(checked.stdout.endsWith('\n20,000 problems (20,000 warnings) in 1 of 1 file; 20,000 can be fixed with --fix\n'));
  const scanned = normref(['scan', '.'], { cwd: dir, env });
  assert.equal(scanned.stderr, '');
  assert.equal(scanned.stdout.split('\n').length, 20_001);
});

test('the example policies show every kind of outdated reference; npm start reports them without failing', () => {
  const { code, stdout } = normref(['check', '--fail-on', 'off', 'examples']);
  assert.equal(code, 0);
  const example = stdout.split('\n').filter((l) => l.startsWith('examples/access-control-policy.md:'));
  const codes = new Set(example.map((l) => l.split(' ')[2]));
  for (const c of ['withdrawn', 'renamed', 'unknown-edition', 'unknown-part', 'control-edition-mismatch', 'title-mismatch', 'mixed-editions']) assert.ok(codes.has(c), c);
  assert.ok(example.some((l) => /ISO\/IEC 27002:2013 is withdrawn: replaced by ISO\/IEC 27002:2022/.test(l)));
  // The line after the suppression comment cites ISO/IEC 27002:2013 too, and is not reported.
  const lines = fs.readFileSync(path.join(__dirname, '../../../examples/access-control-policy.md'), 'utf8').split('\n');
  const suppressed = lines.findIndex((l) => l.includes('normref-disable-next-line withdrawn')) + 2;
  assert.ok(!example.some((l) => l.startsWith(`examples/access-control-policy.md:${suppressed}:`)));
});
