// normref over the hand-labelled policy corpus (test/corpus): precision and recall per kind, and
// every number read as something else than its label says. Prints the scores; fails below the
// floors, which only go up as recognition improves.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import type { Resolution } from '../../server/src/service';
import { bundledService } from '../support/catalog';

const corpus = path.resolve(__dirname, '../../../test/corpus');
const KINDS = ['standard', 'framework', 'control', 'area'] as const;
type Kind = (typeof KINDS)[number];

/** The scores a change may not go below: [precision, recall] per kind. */
const FLOORS: Record<Kind, [number, number]> = {
  standard: [0.99, 0.99],
  framework: [0.99, 0.99],
  control: [0.985, 0.935],
  area: [0.99, 0.99],
};
/** Numbers found where a label is but read under another standard or edition: at most this many. */
const MAX_MISREAD = 9;

interface Label {
  line: number;
  text: string;
  occurrence?: number;
  kind: Kind;
  id: string;
}

interface Span {
  /** Line of the first character, for messages; start and end are offsets into the document. */
  line: number;
  start: number;
  end: number;
  kind: Kind;
  id: string;
  text: string;
}

// The corpus is read with the bundled data alone: it has no ids of custom data.
const KIND_OF: Record<Exclude<Resolution['kind'], 'internal'>, Kind> = { standard: 'standard', framework: 'framework', control: 'control', 'control-area': 'area' };
const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

function labelled(name: string, document: TextDocument): Span[] {
  const { references } = parse(fs.readFileSync(path.join(corpus, 'labels', `${name}.yaml`), 'utf8')) as { references: Label[] };
  const lines = document.getText().split(/\r?\n|\r/);
  return references.map((l) => {
    let at = -1;
    for (let k = 0; k < (l.occurrence ?? 1); k++) at = lines[l.line - 1].indexOf(l.text, at + 1);
    const start = document.offsetAt({ line: l.line - 1, character: at });
    return { line: l.line - 1, start, end: start + l.text.length, kind: l.kind, id: l.id, text: l.text };
  });
}

function found(document: TextDocument): Span[] {
  const analysis = bundledService().analyze(document);
  const spans = analysis.resolutions.map((r) => ({
    line: document.positionAt(r.reference.start).line,
    start: r.reference.start,
    end: r.reference.end,
    kind: KIND_OF[r.kind as keyof typeof KIND_OF],
    id: r.id,
    text: r.reference.text.replace(/\s+/g, ' '),
  }));
  bundledService().forget(document.uri);
  return spans;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

interface Tally {
  found: number;
  right: number;
  labelled: number;
  recalled: number;
}

test('the labelled policy corpus: precision and recall per kind, and no number read as another', (t) => {
  const names = fs.existsSync(path.join(corpus, 'labels')) ? fs.readdirSync(path.join(corpus, 'labels')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort() : [];
  assert.ok(names.length >= 30, `at least 30 labelled documents (found ${names.length})`);
  const tally = Object.fromEntries(KINDS.map((k) => [k, { found: 0, right: 0, labelled: 0, recalled: 0 }])) as Record<Kind, Tally>;
  const misread: string[] = [];
  const missed: string[] = [];
  const extra: string[] = [];
  for (const name of names) {
    const file = ['.md', '.txt'].map((ext) => path.join(corpus, 'documents', name + ext)).find((f) => fs.existsSync(f))!;
    const document = TextDocument.create(`file:///corpus/${path.basename(file)}`, file.endsWith('.md') ? 'markdown' : 'plaintext', 1, fs.readFileSync(file, 'utf8'));
    const labels = labelled(name, document);
    const results = found(document);
    for (const r of results) {
      tally[r.kind].found++;
      const label = labels.find((l) => overlaps(l, r));
      if (label && same(label.id, r.id)) tally[r.kind].right++;
      else if (label) misread.push(`${name}:${r.line + 1}: "${r.text}" read as ${r.id}, labelled ${label.id}`);
      else extra.push(`${name}:${r.line + 1}: "${r.text}" → ${r.id}`);
    }
    for (const l of labels) {
      tally[l.kind].labelled++;
      if (results.some((r) => overlaps(l, r) && same(l.id, r.id))) tally[l.kind].recalled++;
      else if (!results.some((r) => overlaps(l, r))) missed.push(`${name}:${l.line + 1}: "${l.text}" (${l.id})`);
    }
  }
  const score = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const rows = KINDS.map((k) => {
    const { found: f, right, labelled: n, recalled } = tally[k];
    return { kind: k, precision: score(right, f), recall: score(recalled, n), line: `${k.padEnd(9)} precision ${score(right, f).toFixed(3)} (${right}/${f})  recall ${score(recalled, n).toFixed(3)} (${recalled}/${n})` };
  });
  t.diagnostic(`${names.length} documents`);
  for (const row of rows) t.diagnostic(row.line);
  t.diagnostic(`${misread.length} read as something else, ${missed.length} missed, ${extra.length} not labelled`);
  if (process.env.NORMREF_CORPUS_DETAILS) {
    for (const line of [...misread.map((l) => `misread ${l}`), ...missed.map((l) => `missed ${l}`), ...extra.map((l) => `extra ${l}`)]) t.diagnostic(line);
  }
  assert.ok(misread.length <= MAX_MISREAD, `${misread.length} read as something else (at most ${MAX_MISREAD}):\n${misread.join('\n')}`);
  for (const row of rows) {
    const [precision, recall] = FLOORS[row.kind];
    assert.ok(row.precision >= precision && row.recall >= recall, `${row.line}: below the floor ${precision} / ${recall}`);
  }
});
