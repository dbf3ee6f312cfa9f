// The forms of issue 7, one row each: what the text says, and what normref reads it as (the
// canonical id, in text order), in a document that cites what the form needs. And the false
// friends beside them. The labelled corpus (policy-corpus.test.ts) measures the same on whole
// documents; this table says which form broke.
import test from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bundledService } from '../support/catalog';

let count = 0;
function ids(text: string, languageId: 'markdown' | 'plaintext' = 'markdown'): string[] {
  const document = TextDocument.create(`file:///forms/${count++}`, languageId, 1, text);
  const found = bundledService().analyze(document).resolutions.map((r) => r.id);
  bundledService().forget(document.uri);
  return found;
}

const ISMS = 'Our ISMS follows ISO/IEC 27001:2022.\n\n';

const FORMS: Array<[form: string, text: string, expected: string[]]> = [
  ['20000-1 clause column', '| Topic | ISO 20000-1 clause |\n|---|---|\n| Portfolio | 8.2 |', ['ISO/IEC 20000-1', 'ISO/IEC 20000-1:2018 8.2']],
  ['9001 clause column', '| Topic | ISO 9001 clause |\n|---|---|\n| Monitoring | 9.1 |', ['ISO 9001', 'ISO 9001:2015 9.1']],
  ['27001:2013 clause column', '| Topic | 27001:2013 clause |\n|---|---|\n| Risk | 6.1.2 |', ['ISO/IEC 27001:2013 6.1.2']],
  ['Annex A (2022) column', '| Topic | Annex A (2022) |\n|---|---|\n| Access | 5.15 |', ['ISO/IEC 27001:2022 A.5.15']],
  ['a column of a scheme normref does not read', `${ISMS}| Topic | NIST 800-53 | SOC 2 |\n|---|---|---|\n| Access | 5.15 | 6.1 |`, ['ISO/IEC 27001:2022']],
  ['a control of a scheme normref does not read, named before it', `${ISMS}NIST SP 800-171 control 3.1.1 maps to A.5.15; for CMMC level 2, control 3.1.2.`, ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2022 A.5.15']],
  ['a control of a scheme normref does not read, named after it', `${ISMS}- Control 3.3 of NIST SP 800-171 Rev. 2 maps to A.8.15.\n- Control 5.15 of ISO/IEC 27001 and clause 9.2 apply.`, ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2022 A.8.15', 'ISO/IEC 27001:2022 A.5.15', 'ISO/IEC 27001', 'ISO/IEC 27001:2022 9.2']],
  ['decorated theme heading', `${ISMS}## Organizational controls (A.5)`, ['ISO/IEC 27001:2022', 'ISO/IEC 27002:2022 Organizational controls']],
  ['British spelling and a count', `${ISMS}- Organisational controls (5.x): 37 controls, 35 applicable`, ['ISO/IEC 27001:2022', 'ISO/IEC 27002:2022 Organizational controls']],
  ['2013 area with .x', 'ISO/IEC 27001:2013\n\n- A.15.x Supplier relationships', ['ISO/IEC 27001:2013', 'ISO/IEC 27002:2013 Supplier relationships']],
  ['numbered area with a count', 'ISO/IEC 27001:2013\n\n1. Information security policies (2 controls)', ['ISO/IEC 27001:2013', 'ISO/IEC 27002:2013 Information security policies']],
  ['theme by number', `${ISMS}Theme A.5 is owned by the CISO.`, ['ISO/IEC 27001:2022', 'ISO/IEC 27002:2022 Organizational controls']],
  ['German theme', `${ISMS}## Organisatorische Maßnahmen`, ['ISO/IEC 27001:2022', 'ISO/IEC 27002:2022 Organizational controls']],
  ['clause list', `${ISMS}Risks are handled per Clause 6.1.2, 6.1.3.`, ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2022 6.1.2', 'ISO/IEC 27001:2022 6.1.3']],
  ['clauses and', `${ISMS}See clauses 9.2 and 9.3.`, ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2022 9.2', 'ISO/IEC 27001:2022 9.3']],
  ['control range', `${ISMS}Controls A.5.15–A.5.18 apply.`, ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2022 A.5.15', 'ISO/IEC 27001:2022 A.5.18']],
  ['COBIT range', 'COBIT 2019 MEA01-03 monitor it.', ['COBIT 2019', 'COBIT 2019 MEA01', 'COBIT 2019 MEA03']],
  ['after a pair of standards', 'ISO 27001/27002 - 5.1.1', ['ISO/IEC 27001', 'ISO/IEC 27002', 'ISO/IEC 27002:2013 5.1.1']],
  ['heading numbered like the standard', 'We map ISO/IEC 27002:2013.\n\n#### 6.1.2 Segregation of duties', ['ISO/IEC 27002:2013', 'ISO/IEC 27002:2013 6.1.2']],
  ['a title, then its number in brackets', 'Our SMS meets ISO/IEC 20000-1:2018.\n\n### 3.1 Change management (8.5.1)', ['ISO/IEC 20000-1:2018', 'ISO/IEC 20000-1:2018 8.5.1']],
  ['clause of the document’s subject', `${ISMS}Internal audits are planned as clause 9.2 asks.`, ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2022 9.2']],
  ['German clause and control words', `${ISMS}Kapitel 6.1.2 und Maßnahme 8.24; Anhang A.5.15.`, ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2022 6.1.2', 'ISO/IEC 27001:2022 A.8.24', 'ISO/IEC 27001:2022 A.5.15']],
  ['French words', `${ISMS}Le chapitre 6.1.2 et la mesure 8.24.`, ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2022 6.1.2', 'ISO/IEC 27001:2022 A.8.24']],
  ['Spanish words', `${ISMS}La cláusula 6.1.2 y el anexo A.5.15.`, ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2022 6.1.2', 'ISO/IEC 27001:2022 A.5.15']],
  ['ITIL list without ITIL', 'ITIL 4 practices:\n\n- Incident management\n- Problem management', ['ITIL 4', 'ITIL 4 Incident management', 'ITIL 4 Problem management']],
  ['ITIL column', '| Process | ITIL 4 practice |\n|---|---|\n| Changes | Change enablement; Release management |', ['ITIL 4', 'ITIL 4 Change enablement', 'ITIL 4 Release management']],
  ['CMMI models', 'Appraised against CMMI-DEV v1.3 and CMMI V2.0.', ['CMMI-DEV v1.3', 'CMMI V2.0']],
  ['CMMI acronym column', '## Engineering (CMMI-DEV v1.3)\n\n| PA | Level |\n|---|---|\n| REQM | 2 |\n| PP | 2 |\n| CM | 2 |', ['CMMI-DEV v1.3', 'CMMI-DEV v1.3 REQM', 'CMMI-DEV v1.3 PP', 'CMMI-DEV v1.3 CM']],
  ['IEC-only standard', 'IEC 80001-1 applies to networked devices.', ['IEC 80001-1']],
  ['consolidated adoption', 'Certified to BS EN ISO 9001:2015+A1:2024.', ['BS EN ISO 9001:2015/Amd 1:2024']],
  ['adoption as its body writes it', 'Certificado según UNE-EN ISO/IEC 27001:2023.', ['UNE-EN ISO/IEC 27001:2023']],
  ['former names', 'OHSAS 18001:2007, BS OHSAS 18001, AS/NZS 4360, BS 25999-2 and BS 7799 Part 2:2005.', ['OHSAS 18001:2007', 'BS OHSAS 18001', 'AS/NZS 4360', 'BS 25999-2', 'BS 7799-2:2005']],
  ['other management-system clauses', 'ISO 22301 clause 8.4 and clause 9.1 of ISO 9001.', ['ISO 22301', 'ISO 22301:2019 8.4', 'ISO 9001:2015 9.1', 'ISO 9001']],
];

for (const [form, text, expected] of FORMS) {
  test(`form: ${form}`, () => assert.deepEqual(ids(text), expected, text));
}

const NOT_REFERENCES: Array<[what: string, text: string, expected: string[]]> = [
  ['audit step ids in a run', 'Steps ISO-401, ISO-402, ISO-403 and ISO-500 follow.', []],
  ['zero-padded tags', `${ISMS}| Tag | Control |\n|---|---|\n| A.01.01 | 5.1 |`, ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2022 A.5.1']],
  ['a publisher that does not publish the number', 'ISO/IEC 270', ['ISO/IEC 270']],
  ['the document’s own sections', `${ISMS}See section 4.2, Abschnitt 5 and clause 3.2 of this policy.`, ['ISO/IEC 27001:2022']],
  ['appendix, table and figure numbers', `${ISMS}Appendix A.8, Table A.5.1 and Figure A.2.`, ['ISO/IEC 27001:2022']],
  ['the CMMI Institute', 'The CMMI Institute publishes models.', []],
  ['a bare number in prose', `${ISMS}Version 5.15 of the agent.`, ['ISO/IEC 27001:2022']],
];

for (const [what, text, expected] of NOT_REFERENCES) {
  test(`not a reference: ${what}`, () => assert.deepEqual(ids(text), expected, text));
}

// The evidence the edition of ISO/IEC 27001/27002 is decided from, and what it decides.
const EDITIONS: Array<[evidence: string, text: string, number: string, id: string, rule: string]> = [
  ['a number only 2013 has, in the table', '| Control | Title |\n|---|---|\n| A.9.2.3 | x |\n| A.6.1 | Internal organization |\n| A.12.3 | y |', 'A.6.1', 'ISO/IEC 27001:2013 A.6.1', 'title'],
  ['the table’s other numbers', `${ISMS}| Control |\n|---|\n| A.9.1.1 |\n| A.12.6.1 |\n| A.8.2 |`, 'A.8.2', 'ISO/IEC 27001:2013 A.8.2', 'table'],
  ['a title that is 2022’s', 'Earlier versions cited ISO/IEC 27002:2013 and 17799:2005.\n\nA.8.2 (Privileged access rights) is ours.', 'A.8.2', 'ISO/IEC 27001:2022 A.8.2', 'title'],
  ['a history note does not switch the document', 'Earlier versions cited ISO/IEC 27002:2013 and 17799:2005.\n\nUse A.5.15.', 'A.5.15', 'ISO/IEC 27001:2022 A.5.15', 'setting'],
  ['the heading of the section', 'We follow ISO/IEC 27001:2022.\n\n## Controls of ISO/IEC 27001:2013\n\nSee control A.8.2 below.', 'control A.8.2', 'ISO/IEC 27001:2013 A.8.2', 'section'],
  ['the declared edition', '<!-- normref edition: 2013 -->\n\nA.8.2 applies.', 'A.8.2', 'ISO/IEC 27001:2013 A.8.2', 'declared'],
  ['the whole document', 'Certified to ISO/IEC 27001:2013.\n\nLater: A.8.2.', 'A.8.2', 'ISO/IEC 27001:2013 A.8.2', 'document'],
  ['the year written with it', 'ISO/IEC 27001:2013 A.8.2', 'A.8.2', 'ISO/IEC 27001:2013 A.8.2', 'written'],
];

for (const [evidence, text, number, id, rule] of EDITIONS) {
  test(`edition from ${evidence}`, () => {
    const document = TextDocument.create(`file:///editions/${count++}`, 'markdown', 1, text);
    const r = bundledService().analyze(document).resolutions.find((x) => x.reference.text === number);
    assert.ok(r && r.kind === 'control', text);
    assert.deepEqual([r.id, r.rule], [id, rule], text);
  });
}
