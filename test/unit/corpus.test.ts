// Recognition of the real identifiers of the PubID corpus (../shared/corpus/pubid), each embedded
// in a sentence. Reads the shared corpus: skipped, saying so, when ../shared is not beside the clone.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scan } from '../../server/src/service/scan';

const root = path.resolve(__dirname, '../../..');
const corpus = path.resolve(root, '../shared/corpus/pubid/iso-identifiers.tsv');

const CLASS_TYPES: Record<string, string | undefined> = {
  technical_report: 'TR',
  technical_specification: 'TS',
  pas: 'PAS',
  guide: 'Guide',
  international_workshop_agreement: 'IWA',
  recommendation: 'R',
  international_standardized_profile: 'ISP',
  technology_trends_assessments: 'TTA',
  directives: 'DIR',
};
const SUPPLEMENT_CLASSES: Record<string, string> = { amendment: 'Amd', corrigendum: 'Cor' };

interface Row {
  identifier: string;
  fields: Map<string, string>;
}

function readRows(): Row[] {
  return fs
    .readFileSync(corpus, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [identifier, expected = ''] = line.split('\t');
      const fields = new Map(
        expected
          .split(';')
          .map((kv) => kv.trim().split('='))
          .filter((kv) => kv.length >= 2)
          .map(([k, ...v]) => [k, v.join('=')] as [string, string]),
      );
      return { identifier, fields };
    });
}

/** What the identifier says, read independently of the scanner: number, parts and year of the base. */
function expectedOf(row: Row): { number: string; parts: string[]; year?: number; type?: string; supplement?: string } {
  const f = row.fields;
  const base = row.identifier.replace(/\((?:[^)]*)\)$/, '');
  const m = /(?:^|[\s/]|TR|TS|PAS)(\d+)((?:[-‐‑][0-9A-Z]+)*)(?:\s?:\s?(\d{4}))?/.exec(base.replace(/HL7|CD2|CD3|PreCD3/g, ''));
  const cls = f.get('v2_class') ?? '';
  const isSupplement = SUPPLEMENT_CLASSES[cls] !== undefined || [...f.keys()].some((k) => k.startsWith('base.'));
  return {
    // For a supplement, base.number may be an amendment's number (a Cor of an Amd): read the text.
    number: isSupplement ? m?.[1] ?? '' : f.get('number') ?? m?.[1] ?? '',
    parts: (m?.[2] ?? '').split(/[-‐‑]/).filter(Boolean),
    year: m?.[3] ? Number(m[3]) : undefined,
    type: CLASS_TYPES[cls],
    supplement: SUPPLEMENT_CLASSES[cls],
  };
}

test('recognises at least 99% of the PubID corpus identifiers the reference parser accepts', (t) => {
  if (!fs.existsSync(corpus)) {
    t.skip(`corpus not present at ${corpus}: skipped (needs ../shared beside the clone)`);
    return;
  }
  const rows = readRows().filter((r) => !(r.fields.get('v2_result') ?? '').startsWith('parse_fail'));
  const failures: string[] = [];
  for (const row of rows) {
    const sentence = `See ${row.identifier} for details.`;
    const refs = scan(sentence, 'plaintext');
    const want = expectedOf(row);
    const problem = (() => {
      if (refs.length !== 1) return `${refs.length} references: ${refs.map((r) => r.text).join(' | ')}`;
      const [ref] = refs;
      if (ref.start !== 4 || ref.text !== row.identifier) return `span "${ref.text}"`;
      if (ref.kind !== 'standard') return `kind ${ref.kind}`;
      if (ref.id.number !== want.number) return `number ${ref.id.number} ≠ ${want.number}`;
      if (ref.id.parts.join('-') !== want.parts.join('-')) return `parts ${ref.id.parts.join('-')} ≠ ${want.parts.join('-')}`;
      if (ref.id.year !== want.year) return `year ${ref.id.year} ≠ ${want.year}`;
      if (want.type && ref.id.type !== want.type) return `type ${ref.id.type} ≠ ${want.type}`;
      if (want.supplement && ref.id.supplements.at(-1)?.type !== want.supplement) return `supplement ≠ ${want.supplement}`;
      return undefined;
    })();
    if (problem) failures.push(`${row.identifier}: ${problem}`);
  }
  const recall = (rows.length - failures.length) / rows.length;
  console.log(`corpus recall: ${rows.length - failures.length}/${rows.length} = ${(recall * 100).toFixed(2)}%`);
  if (process.env.NORMREF_CORPUS_FAILURES) console.log(failures.join('\n'));
  else console.log(`first misses:\n  ${failures.slice(0, 15).join('\n  ')}`);
  assert.ok(recall >= 0.99, `recall ${(recall * 100).toFixed(2)}% is below 99%`);
});
