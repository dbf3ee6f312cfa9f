// What the editor tests (emacs.test.ts, neovim.test.ts) share: the bundled server behind a
// `normref-language-server` shim on PATH, a temporary folder holding the policy, the editor run in its
// own process group with a timeout, its result file read back, and the checks every client must pass.
// Not named *.test.ts: `node --test out/test/editors/` must not run it as a test file.
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const root = path.resolve(__dirname, '../../..');
export const serverPath = path.join(root, 'dist', 'server.js');
export const TIMEOUT_MS = 60_000;

export const POLICY = `# Policy
Our ISMS is certified against ISO/IEC 27001:2022 and follows ISO 27002.
Governance follows COBIT 2019.
`;

/** What every editor script writes to NORMREF_OUT (each adds fields of its own). */
export interface Result {
  error?: string;
  hover?: string | null;
  links?: string[];
  completion?: string[];
  stopped?: boolean;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  output: string;
  ms: number;
}

/** Runs `command` in its own process group, killed (with anything it started) when it exits or times out. */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
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

export function installed(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

/** Skips the test for a missing editor (or fails it under CI, which installs the editors); returns false then. */
export function available(t: TestContext, ok: boolean, message: string): boolean {
  if (ok) return true;
  if (process.env.CI) assert.fail(message);
  t.skip(message);
  return false;
}

/** A directory holding `normref-language-server`, as `npm i -g` would put it on PATH. */
function binDir(tmp: string): string {
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  const shim = path.join(bin, 'normref-language-server');
  fs.writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(serverPath)} "$@"\n`, { mode: 0o755 });
  return bin;
}

export function tail(text: string, max = 6000): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

/** The temporary folder of one editor run, with policy.md written and where to hover in it. */
export interface Workspace {
  tmp: string;
  /** policy.md, holding POLICY. */
  file: string;
  /** Where the editor script writes its Result. */
  out: string;
  /** The 0-based line and character inside "27001" of ISO/IEC 27001:2022. */
  line: number;
  character: number;
  /** process.env with the shim first on PATH, HOME in tmp, NORMREF_FILE and NORMREF_OUT. */
  env: NodeJS.ProcessEnv;
}

/** Checks that the server is built, runs fn in a fresh temporary folder (prefix e.g. 'normref-nvim-') and removes it. */
export async function inWorkspace(prefix: string, fn: (ws: Workspace) => Promise<void>): Promise<void> {
  assert.ok(fs.existsSync(serverPath), `${serverPath} is missing: run npm run build first`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    const file = path.join(tmp, 'policy.md');
    fs.writeFileSync(file, POLICY);
    const lines = POLICY.split('\n');
    const line = lines.findIndex((l) => l.includes('ISO/IEC 27001:2022'));
    const character = lines[line].indexOf('ISO/IEC 27001:2022') + 9; // inside "27001"
    const out = path.join(tmp, 'result.json');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${binDir(tmp)}${path.delimiter}${process.env.PATH ?? ''}`,
      HOME: tmp,
      NORMREF_FILE: file,
      NORMREF_OUT: out,
    };
    await fn({ tmp, file, out, line, character, env });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The Result the editor script wrote, if any. */
export function readResult<T extends Result>(out: string): T | undefined {
  return fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as T) : undefined;
}

/** What to show when a check fails: how the editor ended, its result, its output and the LSP log. */
export function describeRun(editor: string, result: Run, parsed: Result | undefined, outputTitle: string, logTitle: string, log: string): string {
  return [
    `${editor} exit code ${result.code}, signal ${result.signal}${result.timedOut ? `, killed after ${TIMEOUT_MS} ms` : ''}`,
    `result: ${parsed ? JSON.stringify(parsed, null, 2) : '(none written)'}`,
    `${outputTitle}:\n${tail(result.output) || '(empty)'}`,
    `${logTitle}:\n${fs.existsSync(log) ? tail(fs.readFileSync(log, 'utf8')) : '(none)'}`,
  ].join('\n\n');
}

/** The answers every client must get for POLICY: hover on ISO/IEC 27001:2022, links, completion of "ISO/IEC 2700". */
export function assertServerAnswers(parsed: Result, context: () => string): void {
  assert.ok(parsed.hover!.includes('ISO/IEC 27001:2022'), `hover names the edition\n${context()}`);
  assert.ok(
    parsed.hover!.includes('Information security, cybersecurity and privacy protection - Information security management systems - Requirements'),
    `hover has the ISO title\n${context()}`,
  );
  assert.ok(parsed.links?.includes('https://www.iso.org/standard/82875.html'), `link to ISO/IEC 27001:2022 on iso.org\n${context()}`);
  assert.ok(parsed.links?.includes('https://www.iso.org/standard/75652.html'), `link for "ISO 27002" (ISO/IEC 27002:2022)\n${context()}`);
  assert.ok(parsed.completion?.includes('27002'), `completion after "ISO/IEC 2700" typed in the buffer offers 27002\n${context()}`);
}
