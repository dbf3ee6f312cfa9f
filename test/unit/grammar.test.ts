// The TextMate grammars (syntaxes/normref.injection.tmLanguage.json injected into Markdown and
// text.plain.normref) against the fixtures in test/grammar, through scripts/test-grammar.mjs
// (vscode-tmgrammar-test with VS Code's Markdown grammar from tm-grammars as base).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const script = path.join(root, 'scripts', 'test-grammar.mjs');

function runGrammarTests(...fixtures: string[]) {
  const result = spawnSync(process.execPath, [script, ...fixtures], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

test('grammar fixtures in test/grammar pass', () => {
  const { status, output } = runGrammarTests();
  assert.equal(status, 0, output);
  assert.match(output, /all fixtures passed/);
  for (const fixture of fs.readdirSync(path.join(root, 'test', 'grammar')).filter((f) => /\.(md|txt)$/.test(f))) {
    assert.match(output, new RegExp(`test/grammar/${fixture.replace('.', '\\.')} run successfuly`), `${fixture} was not run`);
  }
});

test('grammar test fails on a wrong expected scope', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-grammar-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const good = path.join(dir, 'good.txt');
  const bad = path.join(dir, 'bad.txt');
  const badMd = path.join(dir, 'bad.md');
  fs.writeFileSync(good, ['# SYNTAX TEST "text.plain.normref"', 'See ISO/IEC 27001:2022.', '#   ^^^^^^^ meta.reference.standard.normref support.class.standard.normref', ''].join('\n'));
  // The publisher is not a framework name.
  fs.writeFileSync(bad, ['# SYNTAX TEST "text.plain.normref"', 'See ISO/IEC 27001:2022.', '#   ^^^^^^^ meta.reference.framework.normref', ''].join('\n'));
  // Nothing inside a fenced code block is a reference.
  fs.writeFileSync(badMd, ['<!-- SYNTAX TEST "text.html.markdown"', '```', 'ISO/IEC 27001', '<!-- <------------- meta.reference.standard.normref', '```', ''].join('\n'));

  const ok = runGrammarTests(good);
  assert.equal(ok.status, 0, `the control fixture should pass:\n${ok.output}`);

  const failed = runGrammarTests(bad);
  assert.equal(failed.status, 1, failed.output);
  assert.match(failed.output, /missing required scopes: meta\.reference\.framework\.normref/);
  assert.match(failed.output, /actual: .*meta\.reference\.standard\.normref support\.class\.standard\.normref/);

  const failedMd = runGrammarTests(badMd);
  assert.equal(failedMd.status, 1, failedMd.output);
  assert.match(failedMd.output, /missing required scopes: meta\.reference\.standard\.normref/);
  assert.match(failedMd.output, /actual: .*markup\.fenced_code\.block\.markdown/);
});
