#!/usr/bin/env node
// Runs vscode-tmgrammar-test over the grammar fixtures (test/grammar/*.md, *.txt).
//
// Our own grammars (normref.injection and text.plain.normref) come from package.json's
// contributes.grammars, so the injectTo wiring is tested as VS Code reads it. The base Markdown
// grammar is VS Code's markdown.tmLanguage.json as shipped by the tm-grammars package, together with
// the grammars it embeds (HTML for inline comments, YAML/JS/... for fenced code), so the scopes the
// injection selector excludes are the ones VS Code produces.
//
// Usage: node scripts/test-grammar.mjs [fixture-glob-or-file ...]   (default: the fixtures above)
// Exits 0 when every assertion holds, 1 otherwise.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { grammars } from 'tm-grammars';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Markdown plus everything it embeds, transitively (names as in tm-grammars' index).
const byName = new Map(grammars.map((g) => [g.name, g]));
const wanted = new Set();
const stack = ['markdown'];
while (stack.length > 0) {
  const name = stack.pop();
  const info = byName.get(name);
  if (wanted.has(name) || !info) continue;
  wanted.add(name);
  stack.push(...(info.embedded ?? []));
}
const grammarFiles = [...wanted].map((name) => require.resolve(`tm-grammars/grammars/${name}.json`));

const tool = path.join(path.dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
const fixtures = process.argv.slice(2);
const cases = fixtures.length > 0 ? fixtures : ['test/grammar/*.md', 'test/grammar/*.txt'];

const args = [tool, '--config', path.join(root, 'package.json')];
for (const file of grammarFiles) args.push('-g', file);
args.push(...cases);

const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 90_000 });
if (result.error) {
  console.error(`test-grammar: could not run vscode-tmgrammar-test: ${result.error.message}`);
  process.exit(1);
}

// Embedded grammars that tm-grammars does not ship (a few fenced-code languages) are only warned
// about; they do not affect the fixtures. Summarise instead of printing dozens of lines
// (NORMREF_GRAMMAR_VERBOSE=1 prints them).
const verbose = Boolean(process.env.NORMREF_GRAMMAR_VERBOSE);
let missing = 0;
const keep = (text) =>
  text
    .split('\n')
    .filter((line) => {
      if (!/^grammar not found for "/.test(line)) return true;
      missing++;
      return verbose;
    })
    .join('\n');
process.stdout.write(keep(result.stdout));
process.stderr.write(keep(result.stderr));
if (missing > 0) console.log(`(${missing} embedded grammars referenced by Markdown are not loaded; fixtures do not use them)`);

const ok = result.status === 0;
console.log(ok ? 'test-grammar: all fixtures passed' : `test-grammar: FAILED (vscode-tmgrammar-test exit ${result.status ?? result.signal})`);
process.exit(ok ? 0 : 1);
