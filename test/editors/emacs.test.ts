// Real Emacs + eglot (batch, Debian's Emacs 28.2 and eglot 1.9 in CI) as the LSP client of the
// bundled server over stdio: test/editors/eglot.el configures eglot exactly as docs/editors.md tells
// users to, and asks for a hover, document links and a completion after an edit.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { TIMEOUT_MS, assertServerAnswers, available, describeRun, inWorkspace, installed, readResult, root, run, type Result as BaseResult } from './harness';

const script = path.join(root, 'test', 'editors', 'eglot.el');

interface Result extends BaseResult {
  majorMode?: string;
  languageId?: string;
  serverName?: string;
}

test('Emacs eglot: hover, document links and completion from the server over stdio', { timeout: TIMEOUT_MS + 30_000 }, async (t) => {
  if (!available(t, installed('emacs'), 'emacs not installed: apt-get install emacs-nox elpa-eglot (.ci/run does)')) return;
  const eglot = spawnSync('emacs', ['--batch', '--eval', "(progn (package-initialize) (require 'eglot))"], { env: { ...process.env, HOME: os.tmpdir() }, timeout: 30_000, encoding: 'utf8' });
  if (!available(t, eglot.status === 0, `eglot not loadable in Emacs: apt-get install elpa-eglot (.ci/run does)\n${eglot.stderr}`)) return;

  await inWorkspace('normref-emacs-', async ({ tmp, out, line, character: column, env }) => {
    const log = path.join(tmp, 'eglot-events.log');
    const result = await run('emacs', ['--batch', '-l', script], {
      cwd: tmp,
      env: {
        ...env,
        NORMREF_LOG: log,
        NORMREF_HOVER_LINE: String(line + 1), // Emacs lines are 1-based
        NORMREF_HOVER_COLUMN: String(column),
      },
    });
    t.diagnostic(`emacs ran for ${result.ms} ms`);

    const parsed = readResult<Result>(out);
    const context = () => describeRun('emacs', result, parsed, 'emacs output', 'eglot events (server stderr included)', log);

    assert.ok(parsed && !parsed.error && !result.timedOut && result.code === 0, `the eglot script failed\n${context()}`);
    assert.equal(parsed.languageId, 'markdown', `eglot sends languageId "markdown" for markdown-mode\n${context()}`);
    assert.equal(typeof parsed.hover, 'string', `no hover at line ${line + 1}, column ${column}\n${context()}`);
    assertServerAnswers(parsed, context);
    assert.equal(parsed.stopped, true, `eglot shut the server down\n${context()}`);
  });
});
