#!/usr/bin/env node
// Checks the labels of the policy corpus against their documents: every label file parses, names
// a document that exists, and each reference's text is found on its line (its nth occurrence).
// Usage: node test/corpus/check-labels.mjs [name…]   (names without extension; default: all)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const KINDS = new Set(['standard', 'framework', 'control', 'area']);
const names = process.argv.slice(2).length
  ? process.argv.slice(2)
  : fs.readdirSync(path.join(here, 'labels')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
let problems = 0;
const say = (text) => {
  problems++;
  console.log(text);
};
for (const name of names) {
  const document = ['.md', '.txt'].map((ext) => path.join(here, 'documents', name + ext)).find((f) => fs.existsSync(f));
  if (!document) {
    say(`${name}: no documents/${name}.md or .txt`);
    continue;
  }
  const lines = fs.readFileSync(document, 'utf8').split(/\r?\n|\r/);
  let labels;
  try {
    labels = parse(fs.readFileSync(path.join(here, 'labels', `${name}.yaml`), 'utf8'));
  } catch (e) {
    say(`${name}.yaml: ${e.message.split('\n')[0]}`);
    continue;
  }
  if (!Array.isArray(labels?.references)) {
    say(`${name}.yaml: no references list`);
    continue;
  }
  const seen = new Set();
  labels.references.forEach((r, i) => {
    const where = `${name}.yaml reference ${i + 1} (line ${r?.line})`;
    if (!Number.isInteger(r?.line) || r.line < 1 || r.line > lines.length) return say(`${where}: line must be 1..${lines.length}`);
    if (typeof r.text !== 'string' || !r.text) return say(`${where}: no text`);
    if (!KINDS.has(r.kind)) return say(`${where}: kind must be one of ${[...KINDS].join(', ')}`);
    if (typeof r.id !== 'string' || !r.id) return say(`${where}: no id`);
    const occurrence = r.occurrence ?? 1;
    let at = -1;
    for (let k = 0; k < occurrence; k++) {
      at = lines[r.line - 1].indexOf(r.text, at + 1);
      if (at < 0) return say(`${where}: "${r.text}" occurrence ${occurrence} is not on line ${r.line}: ${lines[r.line - 1].slice(0, 120)}`);
    }
    const key = `${r.line}:${at}`;
    if (seen.has(key)) say(`${where}: "${r.text}" labelled twice`);
    seen.add(key);
  });
}
console.log(problems ? `${problems} problem(s)` : `${names.length} label file(s) checked: no problems`);
process.exitCode = problems ? 1 : 0;
