// Diagnostics as a user sees them: the fixture policies of test/fixtures/diagnostics, each with
// the findings written next to it, then the document's as-of date, suppression comments, the
// severities of the settings and normref.ignore.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CODES, settingsFrom } from '../../server/src/service';
import { bundledService } from '../support/catalog';
import { asExpected, codesAt, documentOf, Expected, FIXTURES, found, settingsOf } from '../support/diagnostics';

// ----- fixtures -----

const fixtures = fs.readdirSync(FIXTURES).filter((name) => /\.(md|txt)$/.test(name));

for (const name of fixtures) {
  test(`fixture ${name}: every finding, its place, message, related places and fixes`, () => {
    const base = path.join(FIXTURES, name.replace(/\.(md|txt)$/, ''));
    const expected = JSON.parse(fs.readFileSync(`${base}.expected.json`, 'utf8')) as Expected[];
    const client = fs.existsSync(`${base}.settings.json`) ? JSON.parse(fs.readFileSync(`${base}.settings.json`, 'utf8')) : {};
    const document = documentOf(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), name.endsWith('.md') ? 'markdown' : 'plaintext');
    const actual = bundledService()
      .findings(document, settingsOf(client))
      .map((f) => asExpected(document, f));
    bundledService().forget(document.uri);
    assert.deepEqual(actual, expected);
  });
}

test('every fixture with lone carriage returns (an old Mac file) has the same findings as with line feeds', () => {
  for (const name of fixtures) {
    const language = name.endsWith('.md') ? 'markdown' : 'plaintext';
    const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
    const client = fs.existsSync(path.join(FIXTURES, name.replace(/\.(md|txt)$/, '.settings.json'))) ? JSON.parse(fs.readFileSync(path.join(FIXTURES, name.replace(/\.(md|txt)$/, '.settings.json')), 'utf8')) : {};
    const findings = (t: string) => {
      const document = documentOf(t, language);
      const all = bundledService()
        .findings(document, settingsOf(client))
        .map((f) => asExpected(document, f));
      bundledService().forget(document.uri);
      return JSON.stringify(all).replace(/\\r/g, '\\n');
    };
    assert.equal(findings(text.replace(/\r?\n/g, '\r')), findings(text), name);
  }
});

test('the fixtures show every code, and each code has a fixture named after it', () => {
  const shown = new Set(fixtures.flatMap((name) => (JSON.parse(fs.readFileSync(path.join(FIXTURES, name.replace(/\.(md|txt)$/, '.expected.json')), 'utf8')) as Expected[]).map((e) => e.code)));
  assert.deepEqual(CODES.filter((c) => !shown.has(c)), []);
  assert.deepEqual(CODES.filter((c) => !fixtures.includes(`${c}.md`)), []);
  assert.ok(fixtures.some((name) => name.endsWith('.txt')), 'a plain-text fixture');
});

// ----- as-of -----

/** ISO/IEC 27002:2013 was replaced in 2022-02, ISO 22301:2012 in 2019-10. */
const CITES = 'Controls follow ISO/IEC 27002:2013; continuity follows ISO 22301:2012.';
const withdrawnIn = (text: string, languageId: 'markdown' | 'plaintext' = 'markdown', asOf?: string) =>
  found(text, {}, languageId, asOf)
    .filter(([code]) => code === 'withdrawn')
    .map(([, written]) => written);

test('as-of in front matter: an edition current at that date is not withdrawn, one replaced before it is', () => {
  assert.deepEqual(withdrawnIn(CITES), ['ISO/IEC 27002:2013', 'ISO 22301:2012'], 'without a date both are');
  const nested = `---\ntitle: Access control policy\nnormref:\n  as-of: 2021-06-01\nowner: CISO\n---\n\n${CITES}\n`;
  assert.deepEqual(withdrawnIn(nested), ['ISO 22301:2012']);
  assert.deepEqual(withdrawnIn(`---\nnormref: { as-of: 2021-06-01 }\n---\n${CITES}\n`), ['ISO 22301:2012']);
  assert.deepEqual(withdrawnIn(`---\nnormref:\n  edition: 2013\n  as-of: "2021-06-01"\n---\n${CITES}\n`), ['ISO 22301:2012']);
});

test('as-of in a comment, in Markdown and plain text; not in a code block', () => {
  assert.deepEqual(withdrawnIn(`<!-- normref as-of: 2021-06-01 -->\n# Policy\n\n${CITES}\n`), ['ISO 22301:2012']);
  assert.deepEqual(withdrawnIn(`# Policy\n\n${CITES}\n\n<!-- normref as-of: 2021-06-01 -->\n`), ['ISO 22301:2012'], 'anywhere in the document');
  assert.deepEqual(withdrawnIn(`<!-- normref as-of: 2021-06-01 -->\nPOLICY\n\n${CITES}\n`, 'plaintext'), ['ISO 22301:2012']);
  assert.deepEqual(withdrawnIn(`# Policy\n\n\`\`\`\n<!-- normref as-of: 2021-06-01 -->\n\`\`\`\n\n${CITES}\n`), ['ISO/IEC 27002:2013', 'ISO 22301:2012'], 'an example in a code block declares nothing');
});

test('as-of to the day: ISO/IEC 27002:2022 came out in February 2022, on a day the catalog does not say', () => {
  const on = (date: string) => withdrawnIn(`<!-- normref as-of: ${date} -->\n${CITES}`);
  assert.deepEqual(on('2022-01-31'), ['ISO 22301:2012']);
  assert.deepEqual(on('2022-02-14'), ['ISO 22301:2012'], 'a day in the month of publication: in doubt, not flagged');
  assert.deepEqual(on('2022-03-01'), ['ISO/IEC 27002:2013', 'ISO 22301:2012']);
  assert.deepEqual(on('2019-10-01'), [], 'ISO 22301:2019 came out in October 2019 too');
  assert.deepEqual(on('2019-11-01'), ['ISO 22301:2012']);
});

test('as-of to the month or the year: a date that may be before the replacement does not flag', () => {
  const on = (date: string) => withdrawnIn(`<!-- normref as-of: ${date} -->\n${CITES}`);
  assert.deepEqual(on('2022-01'), ['ISO 22301:2012']);
  assert.deepEqual(on('2022-03'), ['ISO/IEC 27002:2013', 'ISO 22301:2012']);
  assert.deepEqual(on('2023'), ['ISO/IEC 27002:2013', 'ISO 22301:2012']);
  assert.deepEqual(on('2021'), ['ISO 22301:2012']);
  // February 2022 may be before the day of publication in February 2022, and 2022 before February.
  assert.deepEqual(on('2022-02'), ['ISO 22301:2012'], 'the month of publication');
  assert.deepEqual(on('2022'), ['ISO 22301:2012'], 'the year of publication');
});

test('as-of: an edition replaced twice is withdrawn once its first successor was out', () => {
  const text = '<!-- normref as-of: 2019-01-01 -->\nRisks are assessed following ISO/IEC 27005:2011.';
  const document = documentOf(text);
  const [finding] = bundledService().findings(document, settingsOf());
  assert.equal(finding.code, 'withdrawn');
  assert.equal(finding.message, 'ISO/IEC 27005:2011 is withdrawn: replaced by ISO/IEC 27005:2018 (2018-07), then ISO/IEC 27005:2022 (2022-10).');
  assert.deepEqual(withdrawnIn('<!-- normref as-of: 2018-06-30 -->\nRisks are assessed following ISO/IEC 27005:2011.'), []);
});

test('as-of from the settings (the CLI) when the document says none; the document’s own date wins', () => {
  assert.deepEqual(withdrawnIn(CITES, 'markdown', '2021-06-01'), ['ISO 22301:2012']);
  assert.deepEqual(withdrawnIn(`<!-- normref as-of: 2023-01-01 -->\n${CITES}`, 'markdown', '2021-06-01'), ['ISO/IEC 27002:2013', 'ISO 22301:2012']);
});

test('as-of: a date that is no date is not used', () => {
  for (const date of ['2021-13-01', '2021-06-32', '21-06-01', 'June 2021']) {
    assert.deepEqual(withdrawnIn(`<!-- normref as-of: ${date} -->\n${CITES}`), ['ISO/IEC 27002:2013', 'ISO 22301:2012'], date);
    assert.deepEqual(withdrawnIn(`---\nnormref:\n  as-of: ${date}\n---\n${CITES}`), ['ISO/IEC 27002:2013', 'ISO 22301:2012'], date);
  }
});

// ----- suppression comments -----

/** A renamed and an unknown-part finding on one line. */
const TWO = 'Suppliers cite BS 7799-2 and ISO/IEC 27035-5.';
const BOTH: Array<[string, string]> = [
  ['renamed', 'BS 7799-2'],
  ['unknown-part', 'ISO/IEC 27035-5'],
];
const PART: Array<[string, string]> = [['unknown-part', 'ISO/IEC 27035-5']];

test('disable-next-line: every code, or the codes it names (by spaces or commas)', () => {
  assert.deepEqual(found(`${TWO}\n`), BOTH);
  assert.deepEqual(found(`<!-- normref-disable-next-line -->\n${TWO}\n${TWO}\n`), BOTH, 'the next line only');
  assert.deepEqual(found(`<!-- normref-disable-next-line renamed -->\n${TWO}\n`), PART);
  assert.deepEqual(found(`<!-- normref-disable-next-line renamed unknown-part -->\n${TWO}\n`), []);
  assert.deepEqual(found(`<!--normref-disable-next-line renamed, unknown-part-->\n${TWO}\n`), []);
  assert.deepEqual(found(`<!-- normref-disable-next-line unknown-edition -->\n${TWO}\n`), BOTH, 'another code');
  assert.deepEqual(found(`  <!-- normref-disable-next-line renamed -->\n  ${TWO}\n`), PART, 'indented');
});

test('disable-line: the line the comment is on', () => {
  assert.deepEqual(found(`${TWO} <!-- normref-disable-line renamed -->\n${TWO}\n`), [...PART, ...BOTH]);
  assert.deepEqual(found(`${TWO} <!-- normref-disable-line -->\n`), []);
  assert.deepEqual(found(`| BS 7799-2 | ISO/IEC 27035-5 | <!-- normref-disable-line unknown-part -->\n`), [['renamed', 'BS 7799-2']]);
});

test('disable … enable: a range of lines, for every code or the codes named', () => {
  const text = (open: string, close: string) => `${TWO}\n\n<!-- ${open} -->\n${TWO}\n\n- ${TWO}\n<!-- ${close} -->\n${TWO}\n`;
  assert.deepEqual(found(text('normref-disable', 'normref-enable')), [...BOTH, ...BOTH]);
  assert.deepEqual(found(text('normref-disable renamed', 'normref-enable renamed')), [...BOTH, ...PART, ...PART, ...BOTH]);
  assert.deepEqual(found(text('normref-disable renamed', 'normref-enable')), [...BOTH, ...PART, ...PART, ...BOTH], 'an enable of every code closes it');
  assert.deepEqual(found(text('normref-disable renamed', 'normref-enable unknown-part')), [...BOTH, ...PART, ...PART, ...PART], 'an enable of another code leaves it open');
  assert.deepEqual(found(`<!-- normref-disable unknown-part -->\n${TWO}\n\n${TWO}\n`), [['renamed', 'BS 7799-2'], ['renamed', 'BS 7799-2']], 'open to the end');
  // As ESLint does: enabling one code inside a disable of all re-enables that code only.
  assert.deepEqual(found(text('normref-disable', 'normref-enable renamed')), [...BOTH, ['renamed', 'BS 7799-2']], 'an enable naming a code re-enables that code only');
  assert.deepEqual(found(`<!-- normref-disable-next-line withdrawm -->\n${TWO}\n`), [['directive', 'withdrawm'], ...BOTH], 'a misspelt code suppresses nothing, and is said');
});

test('a comment in a code block or inline code is an example, not a directive', () => {
  assert.deepEqual(found(`\`\`\`markdown\n<!-- normref-disable -->\n\`\`\`\n${TWO}\n`), BOTH, 'fenced');
  assert.deepEqual(found(`Example:\n\n    <!-- normref-disable -->\n\n${TWO}\n`), BOTH, 'indented code');
  assert.deepEqual(found(`${TWO} Write \`<!-- normref-disable-line -->\` to silence a line.\n`), BOTH, 'inline code is shown as text');
});

test('plain text: the same words after # or //, and HTML comments', () => {
  assert.deepEqual(found(`# normref-disable-next-line renamed\n${TWO}\n`, {}, 'plaintext'), PART);
  assert.deepEqual(found(`  // normref-disable-next-line\n  ${TWO}\n${TWO}\n`, {}, 'plaintext'), BOTH);
  assert.deepEqual(found(`#normref-disable unknown-part\n${TWO}\n\n${TWO}\n# normref-enable\n${TWO}\n`, {}, 'plaintext'), [['renamed', 'BS 7799-2'], ['renamed', 'BS 7799-2'], ...BOTH]);
  assert.deepEqual(found(`<!-- normref-disable-next-line -->\n${TWO}\n`, {}, 'plaintext'), []);
  // A comment may end the line it silences, after a space, as in a shell script; glued to a word it is no comment.
  assert.deepEqual(found(`${TWO} # normref-disable-line\n`, {}, 'plaintext'), []);
  assert.deepEqual(found(`${TWO}  // normref-disable-line renamed\n`, {}, 'plaintext'), PART);
  assert.deepEqual(found(`${TWO}# normref-disable-line\n`, {}, 'plaintext'), BOTH);
  assert.deepEqual(found(`# normref-disable-next-line\n${TWO}\n`), BOTH, 'in Markdown, # starts a heading');
});

test("a suppression comment's own words do not change what the text around it means", () => {
  // "withdrawn" in the comment is not a history note about the reference after it.
  const text = 'Quality records are kept as ISO 9001:2015 requires.\n<!-- normref-disable-next-line withdrawn -->\nSupplier audits use ISO 9001:2008.\n';
  assert.deepEqual(found(text), [['mixed-editions', 'ISO 9001:2008']]);
  const plain = 'Quality records are kept as ISO 9001:2015 requires.\n# normref-disable-next-line withdrawn\nSupplier audits use ISO 9001:2008.\n';
  assert.deepEqual(found(plain, {}, 'plaintext'), [['mixed-editions', 'ISO 9001:2008']]);
});

// ----- severities -----

const EVERY = [
  '# Policy',
  '',
  'Our ISMS follows ISO/IEC 27001:2022 and ISO 9001:2015; suppliers cite BS 7799-2 and ISO 27001.',
  'Continuity follows ISO 22301:2015 and incidents ISO/IEC 27035-5; awareness follows ISO 27999.',
  'Privileged access is managed under A.9.2.3, and media under A.8.3.4.',
  '- A.5.1 Access control',
  'Supplier audits use the checklist of ISO 9001:2008.',
  '',
].join('\n');

test('default severities: warnings, information for mixed editions, non-canonical off', () => {
  const document = documentOf(EVERY);
  const severities = bundledService()
    .findings(document, settingsOf())
    .map((f) => `${f.code} ${f.severity}`);
  assert.deepEqual(severities, [
    'renamed warning',
    'unknown-edition warning',
    'unknown-part warning',
    'unknown-number warning',
    'control-edition-mismatch warning',
    'unknown-control warning',
    'title-mismatch warning',
    'withdrawn warning',
    'mixed-editions information',
  ]);
});

test('severities from the settings: error, warning, information, hint and off, in findings and LSP diagnostics', () => {
  const client = {
    diagnostics: {
      withdrawn: 'error',
      renamed: 'information',
      'unknown-part': 'hint',
      'mixed-editions': 'off',
      'non-canonical': 'hint',
      'unknown-control': 'warning',
      'title-mismatch': 'off',
    },
  };
  const document = documentOf(EVERY);
  const findings = bundledService().findings(document, settingsOf(client));
  assert.deepEqual(
    findings.map((f) => `${f.code} ${f.severity}`),
    [
      'renamed information',
      'non-canonical hint',
      'unknown-edition warning',
      'unknown-part hint',
      'unknown-number warning',
      'control-edition-mismatch warning',
      'unknown-control warning',
      'withdrawn error',
    ],
  );
  const diagnostics = bundledService().diagnostics(document, settingsOf(client));
  assert.deepEqual(
    diagnostics.map((d) => `${d.code} ${d.severity}`),
    ['renamed 3', 'non-canonical 4', 'unknown-edition 2', 'unknown-part 4', 'unknown-number 2', 'control-edition-mismatch 2', 'unknown-control 2', 'withdrawn 1'],
  );
  const off = Object.fromEntries(CODES.map((c) => [c, 'off']));
  assert.deepEqual(bundledService().findings(documentOf(EVERY), settingsOf({ diagnostics: off })), []);
  assert.deepEqual(bundledService().diagnostics(documentOf(EVERY), settingsOf({ diagnostics: off })), []);
});

test('unknown-edition: a year the catalog\'s data may be too old to know is one severity gentler than the setting', () => {
  const text = 'Privacy follows ISO/IEC 27701:2025; security ISO/IEC 27001:2015.\n';
  const severities = (diagnostics: Record<string, string>) =>
    bundledService()
      .findings(documentOf(text), settingsOf({ diagnostics }))
      .map((f) => `${f.code} ${f.severity} ${f.message.split(' ').slice(0, 4).join(' ')}`);
  assert.deepEqual(severities({}), ["unknown-edition information normref's catalog has no", 'unknown-edition warning ISO/IEC 27001 has no']);
  assert.deepEqual(severities({ 'unknown-edition': 'error' }), ["unknown-edition warning normref's catalog has no", 'unknown-edition error ISO/IEC 27001 has no']);
  assert.deepEqual(severities({ 'unknown-edition': 'hint' }), ["unknown-edition hint normref's catalog has no", 'unknown-edition hint ISO/IEC 27001 has no']);
});

test('a setting that names no code, or no severity, is a problem line and the default is kept', () => {
  const { settings, problems } = settingsFrom({ diagnostics: { withdrawm: 'off', renamed: 'loud', 'unknown-part': 3, withdrawn: 'hint' } });
  assert.deepEqual(problems, [
    'normref.diagnostics.withdrawm is not a diagnostic normref reports (it reports withdrawn, renamed, unknown-edition, unknown-part, unknown-number, control-edition-mismatch, unknown-control, title-mismatch, mixed-editions, directive, non-canonical)',
    'normref.diagnostics.renamed: "loud" is not one of error, warning, information, hint, off',
    'normref.diagnostics.unknown-part: 3 is not one of error, warning, information, hint, off',
  ]);
  assert.equal(settings.diagnostics.severities.withdrawn, 'hint');
  assert.equal(settings.diagnostics.severities.renamed, 'warning');
  assert.equal(settings.diagnostics.severities['unknown-part'], 'warning');
  assert.deepEqual(settingsFrom({ ignore: 'ISO/IEC 27002:2013' }).problems, ['normref.ignore must be a list of references (strings)']);
  assert.deepEqual(settingsFrom({ ignore: ['ISO/IEC 27002:2013', 5] }).problems, ['normref.ignore must be a list of references (strings)']);
});

// ----- normref.ignore -----

test('normref.ignore: a canonical reference covers every spelling of it, an entry as written covers that spelling', () => {
  const text = 'Controls follow ISO 27002:2013, ISO/IEC 27002:2013 and ISO/IEC 27005:2011; suppliers cite BS 7799-2.';
  assert.deepEqual(found(text, { ignore: ['ISO/IEC 27002:2013'] }), [
    ['withdrawn', 'ISO/IEC 27005:2011'],
    ['renamed', 'BS 7799-2'],
  ]);
  assert.deepEqual(found(text, { ignore: ['  iso/iec   27002:2013 '] }).length, 2, 'case and spaces do not matter');
  assert.deepEqual(found(text, { ignore: ['BS 7799-2', 'ISO 27002:2013'] }), [
    ['withdrawn', 'ISO/IEC 27002:2013'],
    ['withdrawn', 'ISO/IEC 27005:2011'],
  ]);
  assert.deepEqual(found(text, { ignore: ['ISO/IEC 2700', 'ISO/IEC 27002:2022', 'ISO/IEC 27002'] }).length, 4, 'another edition, the undated number or a prefix is not it');
});

test('normref.ignore: an edition covers the control numbers read in it, and no other edition’s', () => {
  const text = 'Our ISMS follows ISO/IEC 27001:2022. Privileged access is managed under A.9.2.3, media under A.8.3.4.';
  assert.deepEqual(found(text), [
    ['control-edition-mismatch', 'A.9.2.3'],
    ['unknown-control', 'A.8.3.4'],
  ]);
  assert.deepEqual(found(text, { ignore: ['ISO/IEC 27001:2013'] }), [['unknown-control', 'A.8.3.4']]);
  assert.deepEqual(found(text, { ignore: ['ISO/IEC 27001:2013 A.9.2.3'] }), [['unknown-control', 'A.8.3.4']]);
  assert.deepEqual(found(text, { ignore: ['A.9.2.3'] }), [['unknown-control', 'A.8.3.4']], 'as written');
  // A.8.3.4 is read in 2022 (it is in no edition), A.9.2.3 in 2013.
  assert.deepEqual(found(text, { ignore: ['ISO/IEC 27001:2022'] }), [['control-edition-mismatch', 'A.9.2.3']]);
  assert.deepEqual(codesAt('Audits follow ISO/IEC 27001:2013.', 'ISO/IEC 27001:2013', { ignore: ['ISO/IEC 27001:2013'] }), []);
});

// ----- numbers normref cannot judge -----

test('unknown-control: below a clause whose subclauses normref does not list, a number is not called unknown; beside listed ones it is', () => {
  // normref lists ISO 9001:2015's clause 8.5 but none of 8.5.1–8.5.6; it lists 5.1.1 and 5.1.2.
  const text = 'Certified to ISO 9001:2015.\n\nCustomer property: ISO 9001:2015 8.5.3. Leadership: ISO 9001:2015 5.1.3. Scope: ISO 9001:2015 12.1.';
  assert.deepEqual(found(text), [
    ['unknown-control', '5.1.3'],
    ['unknown-control', '12.1'],
  ]);
});

test('unknown-control: the control numbers of a scheme normref does not read are not Annex A controls', () => {
  const text = 'This maps ISO/IEC 27001:2022 to NIST.\n\nNIST SP 800-171 control 3.1.1 maps to A.5.15.\n- Control 3.3 of NIST SP 800-171 Rev. 2 maps to A.8.15.\n- For CMMC level 2, control 3.1.1 maps to A.5.15; control 5.99 is ours.';
  assert.deepEqual(found(text), [['unknown-control', 'control 5.99']]);
});

// ----- a sentence about the move -----

/** The safe fixes of a text's findings: what `--fix` and fix-all apply. */
function safeFixes(text: string): string[] {
  const document = TextDocument.create(`file:///beside/${Math.random()}.md`, 'markdown', 1, text);
  const fixes = bundledService().findings(document).flatMap((f) => (f.fixes ?? []).filter((x) => x.safe).map((x) => `${text.slice(f.start, f.end)} → ${x.edits.map((e) => e.newText).join(' ')}`));
  bundledService().forget(document.uri);
  return fixes;
}

test('a sentence that writes the old reference beside what replaced it: the fix is offered, never applied unasked', () => {
  const policy = 'Our ISMS follows ISO/IEC 27001:2022.\n\n';
  const migration = `${policy}Replace references to A.12.6.1 in the vulnerability standard with A.8.8.\nThe old control A.14.2.2 is now covered by A.8.32.`;
  // "Replace … A.12.6.1 … with A.8.8" and "the old control A.14.2.2" say the number is the old one: no finding.
  assert.deepEqual(found(migration), []);
  assert.deepEqual(safeFixes(migration), []);
  assert.deepEqual(safeFixes('Suppliers hold ISO/IEC 27001:2022 (or ISO/IEC 27001:2013 until the end of the transition period).'), []);
  // The replacement in another sentence, or another number in the same one, leaves the fix safe.
  assert.deepEqual(safeFixes(`${policy}Vulnerabilities are handled under A.12.6.1. A.8.8 is owned by IT.\nChanges follow A.14.2.2 and A.8.9.`), ['A.12.6.1 → 8.8', 'A.14.2.2 → 8.32']);
  assert.deepEqual(safeFixes('Suppliers hold ISO/IEC 27001:2013. They plan for ISO/IEC 27001:2022.'), ['ISO/IEC 27001:2013 → 2022']);
});

test('a 2022 number read under a 2013 citation: the fix back to the 2013 number is offered, never applied unasked', () => {
  const text = 'Network controls follow ISO/IEC 27002:2013.\n\nNetwork services are secured under A.8.21.';
  assert.deepEqual(found(text).map(([code, written]) => `${code} ${written}`), ['withdrawn ISO/IEC 27002:2013', 'control-edition-mismatch A.8.21']);
  assert.deepEqual(safeFixes(text), ['ISO/IEC 27002:2013 → 2022'], 'only the edition is moved on');
});

test('a number right after a dated standard is not mapped from another edition: ISO/IEC 27001:2022 6.1.4 is no 2013 control to renumber', () => {
  assert.deepEqual(found('Our ISMS follows ISO/IEC 27001:2022 6.1.4.'), []);
  // With the word "clause" it is a clause of ISO/IEC 27001, one that does not exist.
  assert.deepEqual(found('Risk owners approve the plan (ISO/IEC 27001:2022 clause 6.1.4).'), [['unknown-control', 'clause 6.1.4']]);
  // Written with its own 2013 edition, in a 2022 document, it is the old edition that is reported.
  assert.deepEqual(found('Our ISMS follows ISO/IEC 27001:2022.\n\nPrivileged access: ISO/IEC 27002:2013 9.2.3.').map(([code]) => code), ['withdrawn']);
  // ISO/IEC 27002's controls are its sections: a number only 2013 has, after ISO/IEC 27002:2022, is that 2013 control.
  assert.deepEqual(found('Key management follows ISO/IEC 27002:2022 10.1.2 Key management.'), [['control-edition-mismatch', '10.1.2']]);
  assert.deepEqual(found('Secure coding follows ISO/IEC 27002:2022 8.28.'), []);
});

test('a list of controls, each with its title in brackets: every member is read and its title checked', () => {
  assert.deepEqual(found('This policy implements ISO/IEC 27002:2022 controls 8.25 (Secure development life cycle), 8.26 (Data masking) and 8.33 (Test information).'), [
    ['title-mismatch', '8.26 (Data masking'],
  ]);
  assert.deepEqual(found('Under ISO/IEC 27001:2022 we apply A.5.15 (Access control), A.5.16 (Identity management) and A.5.99 (Nothing).'), [['unknown-control', 'A.5.99']]);
});

test('control-edition-mismatch: an Annex A number written right after its dated standard is checked against that edition, whatever stands between', () => {
  for (const between of [' ', ': ', ' - ', ' – ', ' Annex A ', ', control ']) {
    const number = between.includes('Annex') || between.includes('control') ? '9.2.3' : 'A.9.2.3';
    assert.deepEqual(found(`Access reviews: ISO/IEC 27001:2022${between}${number}.`), [['control-edition-mismatch', between.includes('Annex') ? `Annex A ${number}` : between.includes('control') ? `control ${number}` : number]], between);
  }
});

test('unknown-control: a clause written with its dated standard and the word "clause" is checked as one written without it', () => {
  // ISO 22301:2019's clause 8 runs to 8.6; ISO 9001:2015's 5.1 has 5.1.1 and 5.1.2.
  const text = 'This plan follows ISO 22301:2019 clause 8.7 and ISO 22301:2019, clause 8.4.\n\nLeadership: ISO 9001:2015 clause 5.1.3; customer focus: ISO 9001:2015 (clause 5.1.2).';
  assert.deepEqual(found(text), [
    ['unknown-control', 'clause 8.7'],
    ['unknown-control', 'clause 5.1.3'],
  ]);
  // Far from the standard, a clause may be another document's: no finding, as before.
  assert.deepEqual(found('This plan follows ISO 22301:2019. Our own procedure has a clause 8.7 on drills.'), []);
});

test('control-edition-mismatch: a COBIT 2019 objective written after COBIT 5, which does not have it', () => {
  const text = 'Governance follows COBIT 5: APO14 and BAI11 are in scope, as are APO13 and DSS05.\n\nSince the move to COBIT 2019, APO14 is in scope too.';
  assert.deepEqual(found(text), [
    ['control-edition-mismatch', 'APO14'],
    ['control-edition-mismatch', 'BAI11'],
  ]);
  const document = documentOf(text, 'markdown');
  const [first] = bundledService().findings(document, settingsOf({}));
  bundledService().forget(document.uri);
  assert.equal(first.message, 'APO14 is not an objective of COBIT 5 (set by COBIT 5, line 1). It is the COBIT 2019 objective APO14 Managed data.');
});

test('a dated citation in a later list item does not date the numbers of the items before it', () => {
  const text = 'This policy implements ISO/IEC 27001:2022.\n\n- Network services are secured (A.8.21 Security of network services).\n- Web filtering is applied (A.8.23).\n- Network controls follow ISO/IEC 27002:2013 13.1.1.';
  assert.deepEqual(found(text), [['withdrawn', 'ISO/IEC 27002:2013']]);
  // In one item, or in a sentence that is no list, the citation after a number still dates it.
  assert.deepEqual(found('This policy implements ISO/IEC 27001:2022.\n\n- Web filtering (A.8.23) is applied as ISO/IEC 27002:2013 describes.').map(([c, w]) => `${c} ${w}`), ['control-edition-mismatch A.8.23', 'withdrawn ISO/IEC 27002:2013']);
});

// ----- from a second fresh-eyed review of 24 policies -----

test('a Statement of Applicability: a column dated by its header ("Annex A (2013)", "ISO/IEC 27001:2013") holds that edition\'s numbers, and dates no other column', () => {
  const policy = 'Our ISMS is certified to ISO/IEC 27001:2022.\n\n';
  for (const header of ['Annex A (2013)', 'Former control (2013)', '2013 control', 'ISO/IEC 27001:2013']) {
    assert.deepEqual(found(`${policy}| Annex A (2022) | Title | ${header} |\n|---|---|---|\n| A.6.7 | Remote working | A.6.2.2 |\n| A.7.7 | Clear desk and clear screen | A.11.2.9 |\n`), [], header);
  }
  // A 2013 number in the 2022 column is still the mistake it was.
  assert.deepEqual(found(`${policy}| Annex A (2022) | Annex A (2013) |\n|---|---|\n| A.9.2.3 | A.9.2.3 |\n`), [['control-edition-mismatch', 'A.9.2.3']]);
});

test('a column headed by another standard (ISO/IEC 27701) holds its numbers, not Annex A controls', () => {
  const text = 'This annex extends our ISMS (ISO/IEC 27001:2022) to ISO/IEC 27701:2019.\n\n| ISO/IEC 27701:2019 control | Title |\n|---|---|\n| A.7.2.1 | Identify and document purpose |\n| A.7.2.8 | Records related to processing PII |\n';
  assert.deepEqual(found(text), []);
});

test('a number the sentence calls the old one is not reported: "(formerly A.12.4.4)", "(was …)", "was replaced by", "which is the old number"', () => {
  const policy = 'Our ISMS is certified to ISO/IEC 27001:2022.\n\n';
  for (const sentence of [
    'A.8.17 Clock synchronization (formerly A.12.4.4) is implemented on all firewalls.',
    'A.8.17 Clock synchronization (was A.12.4.4) is implemented.',
    'A.12.4.4 was replaced by A.8.17.',
    'The asset owner called it A.12.4.4 Clock synchronisation, which is the\nold number.',
  ]) {
    assert.deepEqual(found(policy + sentence), [], sentence);
  }
  assert.deepEqual(found(`${policy}Clocks are synchronised under A.12.4.4.`), [['control-edition-mismatch', 'A.12.4.4']]);
});

test('withdrawn: not for an edition a sentence forbids, says became another, or moves from', () => {
  const policy = 'Our ISMS is certified to ISO/IEC 27001:2022.\n\n';
  for (const item of [
    'Do not cite ISO/IEC 27002:2013 numbers.',
    'The ISO/IEC 27002:2013 control 12.6.1 is now 8.8.',
    'Transition the ISMS and its certificate from ISO/IEC 27001:2013 to ISO/IEC 27001:2022.',
    'Replace every ISO/IEC 27002:2013 number in the SoA with its 2022 number.',
    'Before 2019 our registers were based on ISO/IEC 27005:2011; they were migrated.',
  ]) {
    assert.deepEqual(found(policy + item), [], item);
  }
  assert.deepEqual(found('# Gap analysis: ISO/IEC 27001:2013 → ISO/IEC 27001:2022\n\n| Clause | Change |\n|---|---|\n| 6.3 | Planning of changes (new) |\n'), []);
  // "… is now our baseline" is the present: still withdrawn.
  assert.deepEqual(found('Our ISMS follows ISO/IEC 27001:2013, which is now our baseline.').map(([code]) => code), ['withdrawn']);
});

test('withdrawn: not for an edition the words after it say was replaced; an edition that replaced another is cited', () => {
  for (const item of [
    'Version 1.0 (2017) was based on ISO 31000:2009, since superseded by ISO 31000:2018.',
    'Version 1.0 was based on ISO 31000:2009, which has since been superseded by ISO 31000:2018.',
    'Version 1.0 was based on ISO 31000:2009 (since replaced by ISO 31000:2018).',
    'Version 1.0 was based on ISO 31000:2009; it has been replaced by ISO 31000:2018.',
    'Version 1.0 was based on ISO 31000:2009;\nboth have since been superseded by ISO 31000:2018.',
  ]) {
    assert.deepEqual(found(item).filter(([code]) => code === 'withdrawn'), [], item);
  }
  // Said of the new edition, "replaced" and "has replaced" are the present.
  assert.deepEqual(found('We follow ISO 9001:2008, which has replaced the old manual.').map(([code]) => code), ['withdrawn']);
  assert.deepEqual(found('ISO/IEC 27002:2013 replaced the first edition in our SoA.').map(([code]) => code), ['withdrawn']);
  // A releases section is a history.
  assert.deepEqual(found('# Tool\n\n## Releases\n\n- v1.0.0 (2021-01-11): first release, ISO/IEC 27001:2013 only\n'), []);
});

test('numbered paragraphs of a plain-text policy are items: a citation in 3.3 does not date the number of 3.1', () => {
  const text = 'References: ISO/IEC 27001:2022 Annex A 5.17\n\n3.1 Passwords have at least 14 characters (A.5.17 Authentication information).\n3.2 The password manager enforces 3.1.\n3.3 Vendor defaults are changed (ISO/IEC 27002:2013 section 9.4.3).\n';
  assert.deepEqual(found(text, {}, 'plaintext'), [['withdrawn', 'ISO/IEC 27002:2013']]);
});

test('clauses in a column its header dates are checked; a number under a dated standard that only another edition has gets no safe fix', () => {
  const clauses = '| ISO/IEC 20000-1:2018 clause | Process |\n|---|---|\n| 8.5.3 | Release and deployment management |\n| 8.8 | Service reporting |\n';
  assert.deepEqual(found(clauses), [['unknown-control', '8.8']]);
  const column = 'Our ISMS is certified to ISO/IEC 27001:2022.\n\n| Step | ISO/IEC 27001:2022 |\n|---|---|\n| Treat risks | 6.1.3 |\n| Document the results | 6.1.5 |\n';
  assert.deepEqual(safeFixes(column), []);
});

test('title-mismatch: where the document cites two editions, a number only one edition has is still checked; the title ends before "and A"', () => {
  const text = 'Our ISMS is certified to ISO/IEC 27001:2022.\n\nWe will implement A.8.29 Data masking and A.5.7 Threat intelligence.\n\nOur auditors still use ISO/IEC 27002:2013 numbering.';
  assert.deepEqual(found(text), [
    ['title-mismatch', 'A.8.29 Data masking'],
    ['withdrawn', 'ISO/IEC 27002:2013'],
  ]);
});

test('title-mismatch: words that go on with the sentence are no title ("A.12.4.1 and clock synchronisation A.12.4.4")', () => {
  const text = 'Controls per ISO/IEC 27001:2013 Annex A.\n\nLogging follows A.12.4.1 and clock synchronisation A.12.4.4. Backups follow A.12.3.1 with restore tests, and access is reviewed under A.9.2.5 or removal A.9.2.6.\n';
  assert.deepEqual(found(text).filter(([code]) => code === 'title-mismatch'), []);
  assert.deepEqual(found('Controls per ISO/IEC 27001:2013 Annex A.\n\nLogging follows A.12.4.1 Clock synchronisation.\n').filter(([code]) => code === 'title-mismatch'), [['title-mismatch', 'A.12.4.1 Clock synchronisation']]);
});

test('title-mismatch: the cell after a number is no title where its column holds owners, states or remarks', () => {
  const owners = '| Topic | ISO 22301:2019 clause | Owner |\n|---|---|---|\n| Evaluation | 8.6 | Internal Audit |\n| Internal audit | 9.2 | Internal Audit |\n';
  assert.deepEqual(found(owners), []);
  const titles = '| ISO 22301:2019 clause | Title |\n|---|---|\n| 8.6 | Internal audit |\n';
  assert.deepEqual(found(titles), [['title-mismatch', '8.6 | Internal audit']]);
});

test('COBIT: an objective written with another objective\'s title; "COBIT 5 had no APO14" is no finding', () => {
  assert.deepEqual(found('| COBIT 2019 objective | Name |\n|---|---|\n| APO12 | Managed security |\n| APO13 | Managed security |\n'), [['title-mismatch', 'APO12 | Managed security']]);
  assert.deepEqual(found('Until 2020 we used COBIT 5. COBIT 5 had no APO14, BAI11 or MEA04.'), []);
});

test('unknown-number: the fix to another publisher\'s number is not applied unasked when that standard has no edition of the year written', () => {
  const document = documentOf('6. ISO/IEC 27996:2023, Cloud forensics\n', 'markdown');
  const [finding] = bundledService().findings(document, settingsOf({}));
  bundledService().forget(document.uri);
  assert.equal(finding.code, 'unknown-number');
  assert.deepEqual(finding.fixes?.map((f) => f.safe), [false]);
});

test('renamed: a British standard, with or without its part, was replaced by another standard: its fix is offered, not applied unasked', () => {
  const text = 'We follow BS 25999, BS 7799 and BS 15000.\n\nRisk management follows BS 7799-3:2017.';
  assert.deepEqual(found(text), [
    ['renamed', 'BS 25999'],
    ['renamed', 'BS 7799'],
    ['renamed', 'BS 15000'],
  ]);
  assert.deepEqual(safeFixes(text), []);
  assert.deepEqual(safeFixes('We follow BS 7799-2.'), []);
  assert.deepEqual(safeFixes('We follow ISO/IEC 17799.'), ['ISO/IEC 17799 → ISO/IEC 27002']);
});
