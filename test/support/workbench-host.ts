// What the tests that run a VS Code workbench in Chromium share (code-server in
// test/vscode/code-server.test.ts, VS Code for the Web in test/vscode/web.test.ts): free ports,
// health checks, deadlines, the process group of a server, and how Debian's Chromium is started.
import type { ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as net from 'node:net';

/** CI=true (not 0, false or no): a missing prerequisite then fails instead of skipping. */
export const isCI = !!process.env.CI && !/^(0|false|no)$/i.test(process.env.CI);

export const CHROMIUM = process.env.NORMREF_CHROMIUM || '/usr/bin/chromium';

/** Flags for Debian's Chromium driven by playwright-core: headless, and nothing that goes online. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port free on 127.0.0.1 now: other test runs on the machine may hold any fixed one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The HTTP status of a GET of url, or 0 when nothing answers. */
export function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Rejects after ms with a message; clear() to cancel. */
export function deadline(ms: number, what: string): { promise: Promise<never>; clear: () => void } {
  let timer: NodeJS.Timeout;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms / 1000} s`)), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/** Signals the process group of child (started with detached: true, so it leads its own group). */
export function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals): void {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the process group of child: SIGTERM, then SIGKILL after 5 s. Killing only its pid would leave its children running. */
export async function stopGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid) return;
  const pid = child.pid;
  killGroup(child, 'SIGTERM');
  for (let i = 0; i < 25 && groupAlive(pid); i++) await sleep(200);
  if (groupAlive(pid)) killGroup(child, 'SIGKILL');
}

/** Waits until url answers 200; fails when exited() says the server is gone or after timeoutMs. */
export async function waitForHttp(url: string, timeoutMs: number, exited: () => string | undefined, logHint: string): Promise<void> {
  const start = Date.now();
  for (;;) {
    const gone = exited();
    if (gone) throw new Error(`${gone} before answering; see ${logHint}`);
    if ((await httpStatus(url)) === 200) return;
    if (Date.now() - start > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s; see ${logHint}`);
    await sleep(200);
  }
}
