// Custom data (normref.customData) in the service: a valid file works end to end, every kind of
// broken file gives its problem at the right line and column (0-based, as LSP) and leaves the
// bundled data and the other files working.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { customDataDiagnostics, MAX_CUSTOM_DATA_LENGTH, parseCustomData, type CustomDataProblem, type NormrefService } from '../../server/src/service';
import { FIXTURE, freshService } from '../support/custom-data';

const EXAMPLE = fs.readFileSync(FIXTURE, 'utf8');
let count = 0;

function document(text: string): TextDocument {
  return TextDocument.create(`file:///custom/${count++}.md`, 'markdown', 1, text);
}

/** The hover's Markdown at the first occurrence of `word` in `text`. */
function hoverOn(service: NormrefService, text: string, word: string): string | undefined {
  const doc = document(text);
  const hover = service.hover(doc, doc.positionAt(text.indexOf(word) + 1));
  return hover ? (hover.contents as { value: string }).value : undefined;
}

function range(line: number, character: number, endLine: number, endCharacter: number): Range {
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

function withExample(): NormrefService {
  const service = freshService();
  const problems = service.setCustomData([{ source: 'example-corp.yaml', text: EXAMPLE }]);
  assert.deepEqual(problems.get('example-corp.yaml'), []);
  return service;
}

/** The one problem of a file read alone. */
function onlyProblem(text: string): CustomDataProblem {
  const { data, problems } = parseCustomData(text, 'custom.yaml');
  assert.equal(data, undefined, 'a file with an error gives no data');
  assert.equal(problems.length, 1, JSON.stringify(problems));
  return problems[0];
}

/** The bundled data still answers as it does without custom data. */
function assertBundledWorks(service: NormrefService): void {
  assert.match(hoverOn(service, 'Per ISO/IEC 27002:2013.', 'ISO') ?? '', /Withdrawn[\s\S]*Replaced by: \[ISO\/IEC 27002:2022\]/);
  assert.match(hoverOn(service, 'COBIT 2019 and ITIL 4', 'ITIL') ?? '', /\*\*ITIL 4\*\*/);
}

// ---- a valid file ----

test('an id of custom data shows its title, summary, scheme and link on hover', () => {
  const md = hoverOn(withExample(), 'Access is granted as POL-AC-01 says.', 'POL-AC-01');
  assert.ok(md, 'a hover on POL-AC-01');
  assert.match(md, /^\*\*POL-AC-01\*\* · Access control policy\n\nWho may use which systems and data/);
  assert.match(md, /\*Example Corp policies\* · custom data in example-corp\.yaml/);
  assert.match(md, /\[POL-AC-01\]\(https:\/\/intranet\.example\.com\/policies\/POL-AC-01\)/);
});

test('an id that fits the pattern but is not listed says so; an entry link beats the scheme link', () => {
  const service = withExample();
  assert.match(hoverOn(service, 'See POL-XY-99.', 'POL') ?? '', /^\*\*POL-XY-99\*\*\n[\s\S]*not among the 2 ids listed there/);
  const doc = document('POL-IR-02 and POL-AC-01');
  assert.deepEqual(
    service.documentLinks(doc).map((l) => l.target),
    ['https://intranet.example.com/incident-response', 'https://intranet.example.com/policies/POL-AC-01'],
  );
});

test('ids are read between word boundaries, in prose only', () => {
  const service = withExample();
  const ids = (text: string) => service.analyze(document(text)).resolutions.filter((r) => r.kind === 'internal').map((r) => r.id);
  assert.deepEqual(ids('POL-AC-01, POL-AC-012, XPOL-AC-01, POL-AC-01x, (POL-IR-02)'), ['POL-AC-01', 'POL-IR-02']);
  assert.deepEqual(ids('`POL-AC-01` and\n\n```\nPOL-AC-01\n```\n'), []);
  assert.deepEqual(ids('NEN 7510, NEN 7510-2:2017 and NEN 7510:2011'), ['NEN 7510', 'NEN 7510-2:2017', 'NEN 7510:2011']);
});

test('a summary and a link of custom data replace the bundled ones', () => {
  const service = withExample();
  const md = service.lookup('ISO/IEC 27001')!.markdown;
  assert.match(md, /Example Corp's ISMS is certified against this standard/);
  assert.doesNotMatch(md, new RegExp(escape(freshService().catalog.summary('ISO/IEC 27001')!)), 'the bundled summary is not shown');
  assert.match(service.lookup('COBIT 2019')!.markdown, /Example Corp's internal audit assesses IT governance/);
  assert.match(service.lookup('ISO/IEC 27002:2022')!.markdown, /\[ISO\/IEC 27002:2022 in your library\]\(https:\/\/library\.example\.com\/standards\/iso-iec-27002\)/);
  assert.deepEqual(service.documentLinks(document('ISO/IEC 27002:2013 and ISO 9001')).map((l) => l.target), [
    'https://library.example.com/standards/iso-iec-27002',
    'https://www.iso.org/standard/62085.html',
  ]);
});

test('a framework of custom data is recognised with its versions', () => {
  const md = hoverOn(withExample(), 'Suppliers hold a TISAX 6 label.', 'TISAX');
  assert.match(md ?? '', /^\*\*VDA ISA 6\*\* · Trusted Information Security Assessment Exchange · ENX Association/);
  assert.equal(hoverOn(freshService(), 'Suppliers hold a TISAX 6 label.', 'TISAX'), undefined, 'not without the custom data');
});

test('a control set of custom data numbers a standard normref has no clauses of', () => {
  const service = freshService();
  const set = fs.readFileSync(path.join(path.dirname(FIXTURE), 'cloud-clauses.yaml'), 'utf8');
  assert.deepEqual(service.setCustomData([{ source: 'cloud.yaml', text: set }]).get('cloud.yaml'), []);
  const text = 'Cloud roles follow ISO/IEC 27017:2015 clause 6.3.';
  assert.deepEqual(service.analyze(document(text)).resolutions.map((r) => r.id), ['ISO/IEC 27017:2015', 'ISO/IEC 27017:2015 6.3']);
  assert.match(hoverOn(service, text, '6.3') ?? '', /^\*\*6\.3 Relationship between cloud service customer and cloud service provider\*\*/);
});

test('completion offers the listed ids with their titles', () => {
  const service = withExample();
  const doc = document('Access follows POL-');
  const items = service.complete(doc, doc.positionAt(doc.getText().length)).items;
  assert.deepEqual(items.map((i) => [i.label, i.labelDetails?.description]), [['POL-AC-01', 'Access control policy'], ['POL-IR-02', 'Incident response policy']]);
  assert.deepEqual(items[0].textEdit, { range: range(0, 15, 0, 19), newText: 'POL-AC-01' });
});

test('custom data is swapped without a new service, and removed again', () => {
  const service = freshService();
  const doc = document('POL-AC-01 per ISO/IEC 27001');
  assert.equal(service.hover(doc, { line: 0, character: 1 }), null);
  service.setCustomData([{ source: 'example-corp.yaml', text: EXAMPLE }]);
  assert.ok(service.hover(doc, { line: 0, character: 1 }), 'the same document, read with the new data');
  service.setCustomData([]);
  assert.equal(service.hover(doc, { line: 0, character: 1 }), null);
  assert.doesNotMatch(service.lookup('ISO/IEC 27001')!.markdown, /Example Corp/);
  assertBundledWorks(service);
});

test('problems become LSP diagnostics of the data file', () => {
  const problems = freshService().setCustomData([{ source: 'broken.yaml', text: 'internal:\n  - name: Policies\n    patern: POL-\\d{2}\n' }]).get('broken.yaml')!;
  assert.deepEqual(customDataDiagnostics(problems).map((d) => [d.severity, d.source, d.code, d.range.start.line]), [
    [1, 'normref', 'custom-data', 1],
    [1, 'normref', 'custom-data', 2],
  ]);
});

// ---- broken files: each problem where it is, and nothing else broken ----

test('a YAML syntax error is reported where the parser stopped', () => {
  const tab = onlyProblem('internal:\n\t- name: Policies\n');
  assert.deepEqual([tab.severity, tab.message, tab.range], ['error', 'YAML: Tabs are not allowed as indentation', range(1, 0, 1, 1)]);
  // An unclosed quote is found at the end of the file.
  const quote = onlyProblem('summaries:\n  ISO 9001: "An unclosed string\n  ISO 14001: fine\n');
  assert.deepEqual([quote.message, quote.range.start], ['YAML: Missing closing "quote', { line: 3, character: 0 }]);
  const duplicate = onlyProblem('summaries:\n  ISO 9001: A summary long enough to pass the schema.\n  ISO 9001: Another summary long enough to pass.\n');
  assert.match(duplicate.message, /Map keys must be unique/);
  assert.deepEqual(duplicate.range.start, { line: 2, character: 2 });
});

test('a schema error is reported on the value or key it is about', () => {
  const { problems } = parseCustomData('internal:\n  - name: Policies\n    patern: POL-\\d{2}\n', 'custom.yaml');
  assert.deepEqual(problems.map((p) => [p.message, p.range]), [
    ['internal[0]: "pattern" is missing', range(1, 4, 1, 18)],
    ['internal[0]: unknown property "patern"', range(2, 4, 2, 10)],
  ]);
  const type = parseCustomData('frameworks:\n  - key: tisax\n    name: TISAX\n    written: TISAX\n    publisher: ENX\n    summary: A framework summary that is long enough.\n    versions: []\n', 'custom.yaml');
  assert.deepEqual(type.problems.map((p) => [p.message, p.range]), [['frameworks[0].written: must be array', range(3, 13, 3, 18)]]);
  const key = onlyProblem('summaries:\n  Iso 27001: A summary that is long enough to pass.\n');
  assert.equal(key.message, 'summaries: "Iso 27001" is neither an undated designation ("ISO/IEC 27001") nor a framework key ("cobit")');
  assert.deepEqual(key.range, range(1, 2, 1, 11));
  assert.match(onlyProblem('').message, /a YAML mapping with one or more of frameworks/);
  assert.match(onlyProblem('- a\n- b\n').message, /a YAML mapping/);
});

test('an alias bomb is refused at its first alias', () => {
  const level = (name: string, of: string) => `${name}: &${name} [${Array(10).fill(`*${of}`).join(', ')}]\n`;
  const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\n${level('b', 'a')}${level('c', 'b')}${level('d', 'c')}${level('e', 'd')}${level('f', 'e')}`;
  const p = onlyProblem(bomb);
  assert.match(p.message, /aliases expand to too many values \(more than 100\).*alias bomb/);
  assert.deepEqual(p.range, range(1, 7, 1, 9));
});

test('a file over the size limit is not read', () => {
  const p = onlyProblem(`# ${'x'.repeat(MAX_CUSTOM_DATA_LENGTH)}\n`);
  assert.match(p.message, /larger than 1 MB \(1025 KB\): normref does not read it/);
  assert.deepEqual(p.range, range(0, 0, 0, 0));
});

test('a pattern that could backtrack is refused at the character that makes it so', () => {
  const patternProblem = (pattern: string, quote = "'") => onlyProblem(`internal:\n  - name: Ids\n    pattern: ${quote}${pattern}${quote}\n`);
  const p = patternProblem('(a+)+$');
  assert.equal(p.message, 'internal[0].pattern: "+" repeats without a bound: write one, e.g. {1,6}.');
  assert.deepEqual(p.range, range(2, 16, 2, 17));
  assert.match(patternProblem('(a|aa)*').message, /"\*" repeats without a bound/);
  assert.match(patternProblem('(.*a){20}').message, /"\." matches any character/);
  assert.match(patternProblem('(a|b){2,20}').message, /more than 100 ways of matching/);
  assert.match(patternProblem(`${'a?'.repeat(10)}${'a'.repeat(10)}`).message, /more than 100 ways of matching/);
  assert.match(patternProblem('(?=POL)[A-Z]{3}').message, /lookarounds/);
  assert.match(patternProblem('(POL)-\\1').message, /backreferences/);
  assert.match(patternProblem('POL-[^ ]{2}').message, /negated classes/);
  // Written in double quotes, with YAML escapes: the problem is on the whole value.
  assert.deepEqual(patternProblem('POL-\\\\d+', '"').range, range(2, 13, 2, 23));
});

test('an entry id its pattern never matches is an error', () => {
  const p = onlyProblem('internal:\n  - name: Policies\n    pattern: POL-\\d{2}\n    entries:\n      - id: POL-1\n        title: One\n');
  assert.equal(p.message, 'internal[0].entries[0].id: "POL-1" does not match the pattern POL-\\d{2}, so it is never found in a text.');
  assert.deepEqual(p.range, range(4, 12, 4, 17));
});

test('a definition of an entry an earlier source has is not used, with a warning; the rest of the file is', () => {
  const service = freshService();
  const second = [
    'frameworks:',
    '  - key: cobit',
    '    name: COBIT',
    '    written: [COBIT]',
    '    publisher: Somebody else',
    '    summary: A second definition of COBIT, which the bundled data already has.',
    '    versions: [{ key: "2019", name: COBIT 2019, status: current }]',
    'internal:',
    '  - name: Other policies',
    '    pattern: POL-[A-Z]{2}-\\d{2}',
    '    entries:',
    '      - { id: POL-AC-01, title: Another access control policy }',
    '      - { id: POL-HR-03, title: Screening policy }',
    '',
  ].join('\n');
  const problems = service.setCustomData([
    { source: 'example-corp.yaml', text: EXAMPLE },
    { source: 'second.yaml', text: second },
  ]);
  assert.deepEqual(problems.get('example-corp.yaml'), []);
  assert.deepEqual(problems.get('second.yaml')!.map((p) => [p.severity, p.message, p.range]), [
    ['warning', 'Framework "cobit" is already defined by the bundled data: this definition is not used.', range(1, 9, 1, 14)],
    ['warning', 'The id "POL-AC-01" is already defined in example-corp.yaml: this definition is not used.', range(11, 14, 11, 23)],
  ]);
  // The first source's entry, the bundled framework, and the second file's new id.
  assert.match(hoverOn(service, 'POL-AC-01', 'POL') ?? '', /· Access control policy/);
  assert.match(service.lookup('COBIT 2019')!.markdown, /· ISACA/);
  assert.match(hoverOn(service, 'POL-HR-03', 'POL') ?? '', /· Screening policy/);
});

test('a summary or link of a standard the catalog does not have, or spells otherwise, is reported', () => {
  const text = 'summaries:\n  ISO 27001: A summary under a short form of the designation.\n  ISO 99999: A summary of a standard nobody has published.\nlinks:\n  nist: https://www.nist.gov/\n';
  const problems = freshService().setCustomData([{ source: 'keys.yaml', text }]).get('keys.yaml')!;
  assert.deepEqual(problems.map((p) => [p.severity, p.message, p.range.start]), [
    ['warning', 'The catalog spells it ISO/IEC 27001: this summary is not used under ISO 27001.', { line: 1, character: 13 }],
    ['warning', "normref's catalog has no ISO 99999: this summary is not used. A standard outside ISO's catalog is added under internal, with a pattern.", { line: 2, character: 13 }],
    ['warning', 'No framework has the key "nist": this link is not used.', { line: 4, character: 8 }],
  ]);
});

test('within one file too, the first definition wins', () => {
  const twice = 'internal:\n  - name: Policies\n    pattern: POL-\\d{2}\n  - name: Policies\n    pattern: PRO-\\d{2}\n';
  const problems = freshService().setCustomData([{ source: 'twice.yaml', text: twice }]).get('twice.yaml')!;
  assert.deepEqual(problems.map((p) => [p.message, p.range]), [['The set of ids "Policies" is already defined earlier in this file: this definition is not used.', range(3, 10, 3, 18)]]);
});

test('a broken file is left out; the bundled data and the other files keep working', () => {
  const service = freshService();
  const broken = {
    syntax: 'internal:\n  - name: [unclosed\n',
    schema: 'internal:\n  - name: Policies\n',
    bomb: `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: [${Array(10).fill('*b').join(', ')}]\n`,
    oversize: 'x'.repeat(MAX_CUSTOM_DATA_LENGTH + 1),
    pattern: "internal:\n  - name: Slow\n    pattern: '(a+)+$'\n",
  };
  const problems = service.setCustomData([...Object.entries(broken).map(([source, text]) => ({ source, text })), { source: 'example-corp.yaml', text: EXAMPLE }]);
  for (const source of Object.keys(broken)) assert.equal(problems.get(source)?.[0]?.severity, 'error', source);
  assert.deepEqual(problems.get('example-corp.yaml'), []);
  assert.match(hoverOn(service, 'See POL-AC-01.', 'POL') ?? '', /Access control policy/);
  assertBundledWorks(service);
});

// ---- the schema and the README ----

test('the schema refers to the bundled schemas beside it, by file name, at places they have', () => {
  const dir = path.resolve(__dirname, '../../../data/schema');
  const refs: string[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref') refs.push(v as string);
        else collect(v);
      }
    }
  };
  collect(JSON.parse(fs.readFileSync(path.join(dir, 'custom-data.schema.json'), 'utf8')));
  assert.ok(refs.some((r) => !r.startsWith('#')));
  for (const ref of refs.filter((r) => !r.startsWith('#'))) {
    const [file, pointer = ''] = ref.split('#');
    let at = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const key of pointer.split('/').slice(1)) at = at?.[key];
    assert.ok(at && typeof at === 'object', `${ref} resolves`);
  }
});

test("the README's example is a valid custom data file", () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  const example = /## Custom data[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(example, 'a YAML example in the section');
  const { data, problems } = parseCustomData(example, 'README.md');
  assert.deepEqual(problems, []);
  assert.deepEqual(data!.internal[0].entries.map((e) => e.id), ['POL-AC-01', 'POL-IR-02']);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
