// Running the real bundled CLI (dist/cli.js) on real files in temporary folders.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const root = path.resolve(__dirname, '../../..');
export const cli = path.join(root, 'dist', 'cli.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function normref(args: string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Run {
  // No colour unless a test asks: the tests read what a pipe gets.
  const env = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env };
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? root, input: options.input, env, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
// The folders go when the test file's process ends, whatever its tests did with them.
process.once('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder, removed when the tests of this file are done. */
export function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'normref-cli-')));
  made.push(dir);
  return dir;
}

/** Writes `files` (relative path → text or bytes) under `dir`, making folders as needed. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}
