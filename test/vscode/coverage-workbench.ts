// The Annex A coverage report as a person opens it in the workbench (code-server.test.ts runs this in
// the diagnostics window): F1, "normref: Show Annex A Coverage", the workspace's numbers in the
// webview, and a citation that opens its place.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { log, sleep, until } from './workbench';

// The workspace of code-server.test.ts under ISO/IEC 27001:2022: soa.md cites A.5.15, A.5.24, A.7.4
// and A.8.2, status.md A.8.2 as well; policy.md, withdrawn.md and fix-on-save.md cite no control.
// (The same files give these numbers with `node dist/cli.js coverage <folder>`.)
export const COVERAGE = {
  command: 'normref: Show Annex A Coverage',
  summary: /^4 of 93 controls \(4 %\) are cited in 2 of \d+ documents\.$/,
  themes: ['5 Organizational controls2/37', '6 People controls0/8', '7 Physical controls1/14', '8 Technological controls1/34'],
  uncovered: 89,
  citation: 'soa.md', // a citation of this file is clicked, and the file opens
};

const TIMEOUT_MS = 60_000;

/**
 * F1, "normref: Show Annex A Coverage": the webview shows the workspace's numbers and a bar per
 * theme (screenshot coverage.png in output); a click on a soa.md citation opens soa.md.
 */
export async function coverageReport(page: Page, output: string): Promise<void> {
  // The report alone in the editor area: the screenshot is the README's, without the earlier steps' tabs.
  await fromPalette(page, 'View: Close All Editors', 'Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
  await fromPalette(page, COVERAGE.command, 'Show Annex A Coverage');
  const start = Date.now();
  // The report is inside the webview's inner frame.
  const frame = await until(
    'the coverage webview',
    async () => {
      for (const f of page.frames()) if ((await f.locator('h1', { hasText: 'Annex A coverage' }).count().catch(() => 0)) > 0) return f;
      return undefined;
    },
    (f) => !!f,
    TIMEOUT_MS,
  );
  const summary = ((await frame!.locator('p.summary').textContent()) ?? '').trim();
  log(`coverage: the report reads ${JSON.stringify(summary)} after ${Date.now() - start} ms`);
  assert.match(summary, COVERAGE.summary);
  const themes = await frame!.locator('.chart li').allTextContents();
  assert.deepEqual(themes, COVERAGE.themes);
  assert.equal(await frame!.locator('tr.uncovered').count(), COVERAGE.uncovered);
  await sleep(300);
  const shot = path.join(output, 'coverage.png');
  await page.screenshot({ path: shot });
  log(`coverage: screenshot ${shot}`);
  await frame!.locator('a', { hasText: `${COVERAGE.citation}:` }).first().click();
  await page.locator(`.tabs-container .tab.active[data-resource-name="${COVERAGE.citation}"]`).waitFor({ timeout: 20_000 });
  log(`coverage: a click on a citation opened ${COVERAGE.citation}`);
}

/** F1, the command's name typed, Enter on its row. */
async function fromPalette(page: Page, command: string, rowText: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`>${command}`);
      await row.waitFor({ timeout: 20_000 });
      break;
    } catch (err) {
      if (attempt >= 3) throw new Error(`no "${command}" in the Command Palette: ${String(err)}`);
      await page.keyboard.press('Escape');
      await sleep(1000);
    }
  }
  await page.keyboard.press('Enter');
}
