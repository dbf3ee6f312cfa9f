// Real Neovim (headless, Debian's 0.7.2 in CI) as the LSP client of the bundled server over stdio:
// test/editors/neovim.lua starts it the way docs/editors.md tells users to, and asks for a hover,
// document links and a completion after an edit.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { TIMEOUT_MS, assertServerAnswers, available, describeRun, inWorkspace, installed, readResult, root, run, type Result as BaseResult } from './harness';

const script = path.join(root, 'test', 'editors', 'neovim.lua');

interface Result extends BaseResult {
  steps: string[];
  nvim?: { major: number; minor: number; patch: number };
  filetype?: string;
}

test('Neovim: hover, document links and completion from the server over stdio', { timeout: TIMEOUT_MS + 30_000 }, async (t) => {
  if (!available(t, installed('nvim'), 'nvim not installed: apt-get install neovim (.ci/run does)')) return;

  await inWorkspace('normref-nvim-', async ({ tmp, out, line, character, env }) => {
    const result = await run('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-c', `luafile ${script}`], {
      cwd: tmp,
      env: {
        ...env,
        XDG_CONFIG_HOME: path.join(tmp, 'config'),
        XDG_CACHE_HOME: path.join(tmp, 'cache'),
        XDG_STATE_HOME: path.join(tmp, 'state'),
        XDG_DATA_HOME: path.join(tmp, 'data'),
        NORMREF_HOVER_LINE: String(line),
        NORMREF_HOVER_CHAR: String(character),
      },
    });
    t.diagnostic(`nvim ran for ${result.ms} ms`);

    const log = path.join(tmp, 'cache', 'nvim', 'lsp.log');
    const parsed = readResult<Result>(out);
    const context = () => describeRun('nvim', result, parsed, 'nvim stdout/stderr', 'lsp.log (server stderr included)', log);

    assert.ok(parsed && !parsed.error && !result.timedOut && result.code === 0, `the Neovim script failed\n${context()}`);
    assert.equal(parsed.filetype, 'markdown', `Neovim detects policy.md as markdown (the languageId it sends)\n${context()}`);
    assert.equal(typeof parsed.hover, 'string', `no hover at ${line}:${character}\n${context()}`);
    assertServerAnswers(parsed, context);
    assert.equal(parsed.stopped, true, `the client stopped the server (shutdown, exit)\n${context()}`);
  });
});
