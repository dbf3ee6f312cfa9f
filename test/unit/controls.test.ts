// Controls, clauses and control areas: the forms people write, their false friends, and which
// edition a number means.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type Resolution } from '../../server/src/service';
import { bundledService } from '../support/catalog';

function analyse(text: string, languageId = 'markdown', defaultEdition = '2022'): Resolution[] {
  const service = bundledService();
  const document = TextDocument.create(`file:///t/${Math.random()}.md`, languageId, 1, text);
  return service.analyze(document, { ...DEFAULT_SETTINGS, controls: { defaultEdition, format: 'numberAndTitle' } }).resolutions;
}
/** [text, id] of the control and control-area references in a text. */
function controls(text: string, languageId = 'markdown', defaultEdition = '2022'): Array<[string, string]> {
  return analyse(text, languageId, defaultEdition)
    .filter((r) => r.kind === 'control' || r.kind === 'control-area')
    .map((r) => [r.reference.text, r.id]);
}
function titleOf(text: string, needle: string): string | undefined {
  const r = analyse(text).find((x) => x.reference.text === needle);
  return r && (r.kind === 'control' || r.kind === 'control-area') ? (r.item ?? r.group)?.title : undefined;
}

const CITES = 'Our ISMS follows ISO/IEC 27001:2022. ';

test('Annex A forms', () => {
  assert.deepEqual(controls(`${CITES}See A.5.15, A 5.16, Annex A 5.17 and Annex A.5.18.`), [
    ['A.5.15', 'ISO/IEC 27001:2022 A.5.15'],
    ['A 5.16', 'ISO/IEC 27001:2022 A.5.16'],
    ['Annex A 5.17', 'ISO/IEC 27001:2022 A.5.17'],
    ['Annex A.5.18', 'ISO/IEC 27001:2022 A.5.18'],
  ]);
  assert.deepEqual(controls('A.9.2.3 applies.'), [['A.9.2.3', 'ISO/IEC 27001:2013 A.9.2.3']]);
});

test('control words, lists and ranges', () => {
  assert.deepEqual(controls(`${CITES}Apply control 8.24 and controls 5.15–5.18.`), [
    ['control 8.24', 'ISO/IEC 27001:2022 A.8.24'],
    ['controls 5.15', 'ISO/IEC 27001:2022 A.5.15'],
    ['5.18', 'ISO/IEC 27001:2022 A.5.18'],
  ]);
  assert.deepEqual(controls(`${CITES}Controls 5.1, 5.2 and 5.3.`).map(([t]) => t), ['Controls 5.1', '5.2', '5.3']);
});

test('numbers written with their standard', () => {
  assert.deepEqual(controls('ISO/IEC 27002 5.15 and ISO 27001 A.12.6.1 and 27002:2022 8.28.'), [
    ['5.15', 'ISO/IEC 27002:2022 5.15'],
    ['A.12.6.1', 'ISO/IEC 27001:2013 A.12.6.1'],
    ['8.28', 'ISO/IEC 27002:2022 8.28'],
  ]);
  assert.deepEqual(controls('ISO/IEC 27002 clause 8.24'), [['clause 8.24', 'ISO/IEC 27002:2022 8.24']]);
});

test('management clauses of ISO/IEC 27001 itself', () => {
  assert.deepEqual(controls('ISO/IEC 27001 clause 6.1.2 and 27001 9.2.'), [
    ['clause 6.1.2', 'ISO/IEC 27001:2022 6.1.2'],
    ['9.2', 'ISO/IEC 27001:2022 9.2'],
  ]);
  assert.deepEqual(controls('See clause 6.1.2 of ISO/IEC 27001:2013.'), [['clause 6.1.2', 'ISO/IEC 27001:2013 6.1.2']]);
  assert.equal(titleOf('ISO/IEC 27001:2022 clause 6.3', 'clause 6.3'), 'Planning of changes');
});

test('other numberings: 17799:2005, 20000-1, COBIT, ITIL, CMMI', () => {
  assert.deepEqual(controls('ISO/IEC 17799:2005 11.2.4; ISO/IEC 20000-1:2018 § 8.6.1; COBIT 2019 APO13, APO13.01 and DSS05.04.'), [
    ['11.2.4', 'ISO/IEC 17799:2005 11.2.4'],
    ['§ 8.6.1', 'ISO/IEC 20000-1:2018 8.6.1'],
    ['APO13', 'COBIT 2019 APO13'],
    ['APO13.01', 'COBIT 2019 APO13.01'],
    ['DSS05.04', 'COBIT 2019 DSS05.04'],
  ]);
  assert.deepEqual(controls('We use the ITIL 4 incident management and the ITIL change enablement practice.'), [
    ['incident management', 'ITIL 4 Incident management'],
    ['change enablement', 'ITIL 4 Change enablement'],
  ]);
  assert.deepEqual(controls('Our ITIL change control board meets weekly.'), [['change control', 'ITIL 4 Change enablement']]);
  assert.deepEqual(controls('We adopted the ITIL 4 practices: Incident Management, Problem Management and Change Enablement.'), [
    ['Incident Management', 'ITIL 4 Incident management'],
    ['Problem Management', 'ITIL 4 Problem management'],
    ['Change Enablement', 'ITIL 4 Change enablement'],
  ]);
  assert.deepEqual(controls('the ITIL practice of service level management'), [['service level management', 'ITIL 4 Service level management']]);
  assert.deepEqual(controls('Appraised against CMMI-SVC IRP. Incident Resolution and Prevention and Service Delivery are strong.'), [
    ['IRP', 'CMMI-SVC v1.3 IRP'],
    ['Incident Resolution and Prevention', 'CMMI-SVC v1.3 IRP'],
    ['Service Delivery', 'CMMI-SVC v1.3 SD'],
  ]);
  assert.deepEqual(controls('EDM03 ensures risk optimisation.'), [['EDM03', 'COBIT 2019 EDM03']]);
});

test('control areas after a number or a reference, and in headings and table cells of a document citing 27002', () => {
  assert.deepEqual(controls('ISO/IEC 27002 Access Control; A.9 Access control.'), [
    ['Access Control', 'ISO/IEC 27002:2013 Access control'],
    ['A.9 Access control', 'ISO/IEC 27002:2013 Access control'],
  ]);
  // A document that cites the 2005 edition reads its area names in 2005.
  assert.deepEqual(controls('ISO/IEC 17799:2005 clause 11 Access control.'), [['clause 11 Access control', 'ISO/IEC 27002:2005 Access control']]);
  const md = ['We implement ISO/IEC 27002:2013.', '', '## Access control', '', '| Area | Owner |', '|---|---|', '| Cryptography | CISO |', '', '- Asset management'].join('\n');
  assert.deepEqual(controls(md), [
    ['Access control', 'ISO/IEC 27002:2013 Access control'],
    ['Cryptography', 'ISO/IEC 27002:2013 Cryptography'],
    ['Asset management', 'ISO/IEC 27002:2013 Asset management'],
  ]);
  assert.deepEqual(controls('## Access control\n\nNo standard is cited here.'), [], 'headings count only where 27001/27002 is cited');
});

test('clauses of the management-system standards normref has: in the paragraph of the standard, or of the document’s subject', () => {
  assert.deepEqual(controls('ISO 9001 clause 4.1 is about context.'), [['clause 4.1', 'ISO 9001:2015 4.1']]);
  assert.deepEqual(controls(`${CITES}\n\nSee clause 4.1 of ISO 9001.`), [['clause 4.1', 'ISO 9001:2015 4.1']]);
  assert.deepEqual(controls('Our BCMS follows ISO 22301:2019.\n\nPlans are tested as clause 8.5 asks; see also clauses 8.4.4 and 8.4.5.'), [
    ['clause 8.5', 'ISO 22301:2019 8.5'],
    ['clauses 8.4.4', 'ISO 22301:2019 8.4.4'],
    ['8.4.5', 'ISO 22301:2019 8.4.5'],
  ]);
  assert.deepEqual(controls(`${CITES}\n\nInternal audits are planned as clause 9.2 asks; findings close under Kapitel 10.2.`), [
    ['clause 9.2', 'ISO/IEC 27001:2022 9.2'],
    ['Kapitel 10.2', 'ISO/IEC 27001:2022 10.2'],
  ]);
  assert.deepEqual(controls(`${CITES}\n\nSee clause 3.2 and clause 12.4 of our manual.`), [], 'numbers the subject does not have are the policy’s own');
});

test('false friends: the policy’s own numbering, versions, addresses, dates, a bare number', () => {
  for (const text of [
    `${CITES}\n\nSee section 8.24 and 3.2 below. Version 5.15 of the agent.`,
    `${CITES}\n\nThe server is at 10.0.0.1 and 192.168.5.15.`,
    `${CITES}\n\nReleased on 5.15.2023.`,
    'See clause 6.1.2 of this policy.',
    `${CITES}\n\nSee clause 3.2 of this policy.`,
    'Clause 4.1 applies.\n\nNothing is cited in this paragraph.',
    `${CITES}\n\nAppendix A.8 is ours; see Table A.5.1 and Figure A.2. Grade A 5 students.`,
    `${CITES} See subclause 9 Access control and the DATA 9 Access control register.`,
    'APO1 and DSS5 and MEA123',
    'control 8.24 without any standard cited',
  ]) {
    assert.deepEqual(controls(text), [], text);
  }
});

test('edition resolution: written year, nearest dated reference, declaration, setting', () => {
  const cases: Array<[text: string, defaultEdition: string, title: string, id: string]> = [
    ['ISO/IEC 27001:2013 A.8.2', '2022', 'Information classification', 'ISO/IEC 27001:2013 A.8.2'],
    ['ISO/IEC 27001:2022 A.8.2', '2013', 'Privileged access rights', 'ISO/IEC 27001:2022 A.8.2'],
    ['Per ISO/IEC 27001:2013.\n\nAccess: A.8.2.', '2022', 'Information classification', 'ISO/IEC 27001:2013 A.8.2'],
    ['Per ISO/IEC 27002:2013, later ISO/IEC 27002:2022. A.8.2.', '2013', 'Privileged access rights', 'ISO/IEC 27001:2022 A.8.2'],
    ['---\nnormref: { edition: 2013 }\n---\nA.8.2', '2022', 'Information classification', 'ISO/IEC 27001:2013 A.8.2'],
    ['---\nnormref:\n  edition: 2013\n---\nA.8.2', '2022', 'Information classification', 'ISO/IEC 27001:2013 A.8.2'],
    ['<!-- normref edition: 2013 -->\nA.8.2', '2022', 'Information classification', 'ISO/IEC 27001:2013 A.8.2'],
    ['A.8.2', '2022', 'Privileged access rights', 'ISO/IEC 27001:2022 A.8.2'],
    ['Declare it so:\n\n```\n<!-- normref edition: 2013 -->\n```\n\nA.8.2', '2022', 'Privileged access rights', 'ISO/IEC 27001:2022 A.8.2'],
    ['A.8.2', '2013', 'Information classification', 'ISO/IEC 27001:2013 A.8.2'],
    ['EN ISO/IEC 27001:2017 A.8.2', '2022', 'Information classification', 'ISO/IEC 27001:2013 A.8.2'],
  ];
  for (const [text, defaultEdition, title, id] of cases) {
    const r = analyse(text, 'markdown', defaultEdition).find((x) => x.kind === 'control');
    assert.ok(r && r.kind === 'control', text);
    assert.equal(r.id, id, text);
    assert.equal((r.item ?? r.group)?.title, title, text);
  }
});

test('a number found only in the other edition resolves there and says so', () => {
  const [r] = analyse('A.12.6.1').filter((x) => x.kind === 'control');
  assert.ok(r.kind === 'control');
  assert.equal(r.edition, '2013');
  assert.equal(r.chosenEdition, '2022');
  const found = bundledService().lookup('A.12.6.1');
  assert.match(found!.markdown, /Not in the 2022 edition \(chosen by the setting normref\.controls\.defaultEdition\): this is the 2013 number/);
  assert.match(found!.markdown, /Became in 2022: A\.8\.8 Management of technical vulnerabilities/);
});

test('hover text names the rule, the theme, and predecessors or "new in 2022"', () => {
  const md = bundledService().lookup('ISO/IEC 27001:2022 A.5.7')!.markdown;
  assert.match(md, /^\*\*A\.5\.7 Threat intelligence\*\* · ISO\/IEC 27001:2022 Annex A/);
  assert.match(md, /Theme 5 Organizational controls/);
  assert.match(md, /Edition 2022, chosen by the year written with the reference/);
  assert.match(md, /New in 2022: no 2013 predecessor/);
  assert.match(bundledService().lookup('ISO/IEC 27001:2022 A.5.15')!.markdown, /From 2013: A\.9\.1\.1 Access control policy; A\.9\.1\.2 Access to networks and network services/);
});

test('bare numbers in the control columns of SoA and crosswalk tables, in the edition each column names', () => {
  const md = [
    'Our move from ISO/IEC 27001:2013 to the 2022 edition.',
    '',
    '| ISO/IEC 27002:2013 | ISO/IEC 27002:2022 | Owner |',
    '| --- | --- | --- |',
    '| 9.2.3 | 8.2 | IT ops 1.2 |',
    '',
    '| 2013 | 2022 | Note |',
    '|:---:|:---:|---|',
    '| 8.2 | 5.12 | split |',
    '',
    '| Version | Date |',
    '|---|---|',
    '| 1.2 | 2024 |',
  ].join('\n');
  assert.deepEqual(controls(md), [
    ['9.2.3', 'ISO/IEC 27002:2013 9.2.3'],
    ['8.2', 'ISO/IEC 27002:2022 8.2'],
    ['8.2', 'ISO/IEC 27002:2013 8.2'],
    ['5.12', 'ISO/IEC 27002:2022 5.12'],
  ]);
  assert.equal(titleOf(md, '9.2.3'), 'Management of privileged access rights');
  assert.deepEqual(controls('| Control | Status |\n|---|---|\n| 5.15 | done |'), [], 'no table controls where no ISMS standard is cited');
});

test('hover and completion agree on the edition at every number of the labelled corpus', () => {
  const dir = path.resolve(__dirname, '../../../test/corpus/documents');
  let checked = 0;
  for (const name of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const document = TextDocument.create(`file:///agree/${name}`, name.endsWith('.md') ? 'markdown' : 'plaintext', 1, text);
    const analysis = bundledService().analyze(document);
    for (const r of analysis.resolutions) {
      // A number dated by its own year, column or title may differ from what is in force around it.
      if (r.kind !== 'control' || !r.annexA || !r.rule || ['written', 'column', 'title'].includes(r.rule)) continue;
      const atNumber = analysis.ismsEditionAt(analysis.offsetOf(r.reference));
      assert.equal(r.chosenEdition ?? r.edition, atNumber.edition, `${name}: ${r.reference.text} (${r.rule})`);
      checked++;
    }
    bundledService().forget(document.uri);
  }
  assert.ok(checked > 100, `${checked} numbers checked`);
});

test('a COBIT 2019 objective written under COBIT 5 says which version has it', () => {
  const md = bundledService().lookup('COBIT 5 APO14')!.markdown;
  assert.match(md, /Not in COBIT 5, written with it: this is COBIT 2019\./);
  assert.doesNotMatch(bundledService().lookup('COBIT 2019 APO14')!.markdown, /Not in/);
});
