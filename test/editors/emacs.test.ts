// Real Emacs + eglot (batch, Debian's Emacs 28.2 and eglot 1.9 in CI) as the LSP client of the
// bundled server over stdio: test/editors/eglot.el configures eglot exactly as docs/editors.md tells
// users to, and asks for a hover, document links and a completion after an edit.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const serverPath = path.join(root, 'dist', 'server.js');
const script = path.join(root, 'test', 'editors', 'eglot.el');
const TIMEOUT_MS = 60_000;

const POLICY = `# Policy
Our ISMS is certified against ISO/IEC 27001:2022 and follows ISO 27002.
Governance follows COBIT 2019.
`;

interface Result {
  error?: string;
  majorMode?: string;
  languageId?: string;
  serverName?: string;
  hover?: string | null;
  links?: string[];
  completion?: string[];
  stopped?: boolean;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  output: string;
  ms: number;
}

/** Runs `command` in its own process group, killed (with anything it started) when it exits or times out. */
function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', killGroup); // the language server, should the editor have left it behind
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, output, ms: Date.now() - started });
    });
  });
}

function installed(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

/** A directory holding `normref-language-server`, as `npm i -g` would put it on PATH. */
function binDir(tmp: string): string {
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  const shim = path.join(bin, 'normref-language-server');
  fs.writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(serverPath)} "$@"\n`, { mode: 0o755 });
  return bin;
}

function tail(text: string, max = 6000): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

test('Emacs eglot: hover, document links and completion from the server over stdio', { timeout: TIMEOUT_MS + 30_000 }, async (t) => {
  if (!installed('emacs')) {
    const message = 'emacs not installed: apt-get install emacs-nox elpa-eglot (.ci/run does)';
    if (process.env.CI) assert.fail(message);
    t.skip(message);
    return;
  }
  const eglot = spawnSync('emacs', ['--batch', '--eval', "(progn (package-initialize) (require 'eglot))"], { env: { ...process.env, HOME: os.tmpdir() }, timeout: 30_000, encoding: 'utf8' });
  if (eglot.status !== 0) {
    const message = `eglot not loadable in Emacs: apt-get install elpa-eglot (.ci/run does)\n${eglot.stderr}`;
    if (process.env.CI) assert.fail(message);
    t.skip(message);
    return;
  }
  assert.ok(fs.existsSync(serverPath), `${serverPath} is missing: run npm run build first`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-emacs-'));
  try {
    const file = path.join(tmp, 'policy.md');
    fs.writeFileSync(file, POLICY);
    const lines = POLICY.split('\n');
    const line = lines.findIndex((l) => l.includes('ISO/IEC 27001:2022'));
    const column = lines[line].indexOf('ISO/IEC 27001:2022') + 9; // inside "27001"
    const out = path.join(tmp, 'result.json');
    const log = path.join(tmp, 'eglot-events.log');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${binDir(tmp)}${path.delimiter}${process.env.PATH ?? ''}`,
      HOME: tmp,
      NORMREF_FILE: file,
      NORMREF_OUT: out,
      NORMREF_LOG: log,
      NORMREF_HOVER_LINE: String(line + 1), // Emacs lines are 1-based
      NORMREF_HOVER_COLUMN: String(column),
    };
    const result = await run('emacs', ['--batch', '-l', script], { cwd: tmp, env });
    t.diagnostic(`emacs ran for ${result.ms} ms`);

    const parsed: Result | undefined = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Result) : undefined;
    const context = () =>
      [
        `emacs exit code ${result.code}, signal ${result.signal}${result.timedOut ? `, killed after ${TIMEOUT_MS} ms` : ''}`,
        `result: ${parsed ? JSON.stringify(parsed, null, 2) : '(none written)'}`,
        `emacs output:\n${tail(result.output) || '(empty)'}`,
        `eglot events (server stderr included):\n${fs.existsSync(log) ? tail(fs.readFileSync(log, 'utf8')) : '(none)'}`,
      ].join('\n\n');

    assert.ok(parsed && !parsed.error && !result.timedOut && result.code === 0, `the eglot script failed\n${context()}`);
    assert.equal(parsed.languageId, 'markdown', `eglot sends languageId "markdown" for markdown-mode\n${context()}`);
    assert.equal(typeof parsed.hover, 'string', `no hover at line ${line + 1}, column ${column}\n${context()}`);
    assert.ok(parsed.hover!.includes('ISO/IEC 27001:2022'), `hover names the edition\n${context()}`);
    assert.ok(
      parsed.hover!.includes('Information security, cybersecurity and privacy protection - Information security management systems - Requirements'),
      `hover has the ISO title\n${context()}`,
    );
    assert.ok(parsed.links?.includes('https://www.iso.org/standard/82875.html'), `link to ISO/IEC 27001:2022 on iso.org\n${context()}`);
    assert.ok(parsed.links?.includes('https://www.iso.org/standard/75652.html'), `link for "ISO 27002" (ISO/IEC 27002:2022)\n${context()}`);
    assert.ok(parsed.completion?.includes('27002'), `completion after "ISO/IEC 2700" typed in the buffer offers 27002\n${context()}`);
    assert.equal(parsed.stopped, true, `eglot shut the server down\n${context()}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
