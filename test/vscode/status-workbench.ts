// The status bar item and the walkthrough as a person meets them in the workbench (code-server.test.ts
// runs these in a window of their own): the item reads the edition at the cursor and the findings,
// its click offers the editions, choosing 2013 writes the declaration and the item follows; the
// walkthrough is listed under Welcome: Open Walkthrough…, opens with its steps, and checks them as
// the reader opens the sample and hovers a reference.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { log, openFile, pointInEditor, sleep, until } from './workbench';

// The DOM the function run in the page needs (the project's tsconfig has no DOM lib).
interface ViewLine {
  textContent: string | null;
  style: { top: string };
}
declare const document: { querySelectorAll(selector: string): Iterable<ViewLine> };

export const STATUS = {
  file: 'status.md', // test/fixtures/vscode/status.md
  heading: 'Remote Access Standard',
  line: 'Privileged access rights (A.8.2) are reviewed every quarter.',
  word: 'quarter', // clicked to put the cursor where nothing but the document dates the edition
  before: '27001/27002: 2022 · 1 finding',
  picks: ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2013', 'ISO/IEC 27001:2005'],
  chosen: 'ISO/IEC 27001:2013',
  comment: '<!-- normref edition: 2013 -->',
  after: '27001/27002: 2013 · 1 finding',
  tooltip: 'declared by <!-- normref edition: 2013 --> on line 1',
};

const WALKTHROUGH = {
  title: 'Get started with normref',
  steps: ['Open a sample policy', 'Hover a reference', 'See a withdrawn edition flagged', 'Fix it', 'See what normref read', 'Check your policies in CI'],
};

const TIMEOUT_MS = 60_000;

/** The lines of the active editor top to bottom (Monaco reuses line elements: their DOM order is not the text's). */
function linesOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.editor-group-container.active .editor-instance .view-lines .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')),
  );
}

function statusItem(page: Page) {
  return page.locator('.part.statusbar .statusbar-item', { hasText: '27001/27002:' });
}

/** Clicks the status bar item, picks STATUS.chosen; the comment is written and the item reads the declared edition. */
export async function statusBarDeclaresEdition(page: Page, output: string): Promise<void> {
  await openFile(page, STATUS.file, STATUS.heading, 'status bar');
  const item = statusItem(page);
  const start = Date.now();
  const box = await pointInEditor(page, STATUS.line, STATUS.word);
  assert.ok(box, `"${STATUS.line}" is not visible in the editor`);
  await page.mouse.click(box.x, box.y);
  const text = await until('the status bar item', async () => ((await item.allInnerTexts()).map((t) => t.trim()))[0] ?? '', (t) => t === STATUS.before, TIMEOUT_MS);
  log(`status bar: reads ${JSON.stringify(text)} after ${Date.now() - start} ms`);

  await item.click();
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
  // A row's first label is its title; the detail line under it is a label too.
  const labels = await Promise.all((await rows.all()).map(async (row) => (await row.locator('.label-name').first().innerText()).trim()));
  log(`status bar: the quick pick offers ${JSON.stringify(labels)}`);
  assert.deepEqual(labels, STATUS.picks);
  const inForce = (await rows.filter({ hasText: STATUS.picks[0] }).locator('.label-description').innerText()).trim();
  assert.equal(inForce, 'in force at the cursor');
  await rows.filter({ hasText: STATUS.chosen }).click();

  const lines = await until(`the editor's first line ${STATUS.comment}`, () => linesOnScreen(page), (ls) => ls[0] === STATUS.comment, 20_000);
  assert.equal(lines[1], `# ${STATUS.heading}`);
  const updated = await until('the status bar item after the declaration', async () => (await item.innerText()).trim(), (t) => t === STATUS.after, 20_000);
  log(`status bar: reads ${JSON.stringify(updated)} after choosing ${STATUS.chosen}`);

  // Its tooltip says why, as a person pointing at it sees it.
  await item.hover();
  const tooltip = page.locator('.monaco-hover:not(.hidden), .workbench-hover-container').filter({ hasText: STATUS.tooltip });
  await tooltip.first().waitFor({ state: 'visible', timeout: 10_000 });
  log(`status bar: tooltip ${JSON.stringify((await tooltip.first().innerText()).trim())}`);
  await sleep(300);
  const shot = path.join(output, 'status-bar.png');
  await page.screenshot({ path: shot });
  log(`status bar: screenshot ${shot}`);
}

/** Welcome: Open Walkthrough… lists normref's; choosing it shows its steps. */
export async function walkthroughIsListed(page: Page, output: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
      await page.keyboard.press('Control+Shift+P');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill('>Welcome: Open Walkthrough');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().click({ timeout: 10_000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: WALKTHROUGH.title }).first().waitFor({ timeout: 10_000 });
      break;
    } catch (err) {
      if (attempt >= 4) throw new Error(`no "${WALKTHROUGH.title}" under Welcome: Open Walkthrough…: ${String(err)}`);
      await page.keyboard.press('Escape');
      await sleep(1000);
    }
  }
  const listed = await Promise.all((await page.locator('.quick-input-list .monaco-list-row').all()).map(async (row) => (await row.locator('.label-name').first().innerText()).trim()));
  log(`walkthrough: listed ${JSON.stringify(listed)}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: WALKTHROUGH.title }).first().click();
  const page1 = page.locator('.gettingStartedContainer');
  await page1.locator('.getting-started-step', { hasText: WALKTHROUGH.steps[0] }).first().waitFor({ state: 'visible', timeout: 20_000 });
  const steps = (await page1.locator('.getting-started-step .step-title').allInnerTexts()).map((s) => s.trim());
  log(`walkthrough: steps ${JSON.stringify(steps)}`);
  assert.deepEqual(steps, WALKTHROUGH.steps);

  // Its first button opens the sample beside it, and the step is checked; a hover checks the next.
  await page1.locator('.getting-started-step', { hasText: WALKTHROUGH.steps[0] }).getByText('Open Sample Policy').click();
  await page.locator('.editor-instance .view-lines', { hasText: '# Access Control Policy' }).first().waitFor({ timeout: 20_000 });
  const done = (step: string) => page1.locator(`[data-done-step-id$="#${step}"][aria-checked="true"]`);
  await done('openSample').waitFor({ state: 'attached', timeout: 10_000 });
  // Its withdrawn edition is flagged in the editor.
  await page.locator('.editor-group-container.active .squiggly-warning').first().waitFor({ state: 'attached', timeout: TIMEOUT_MS });
  log('walkthrough: the sample is open, its withdrawn edition underlined, and its step checked');
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Information security management systems' });
  const start = Date.now();
  for (;;) {
    const box = await pointInEditor(page, 'ISO/IEC 27001:2022', '27001');
    assert.ok(box, 'ISO/IEC 27001:2022 is not visible in the sample');
    await page.mouse.move(box.x + 150, box.y + 150);
    await page.mouse.move(box.x, box.y, { steps: 3 });
    if (await hover.first().waitFor({ state: 'visible', timeout: 4000 }).then(() => true, () => false)) break;
    if (Date.now() - start > TIMEOUT_MS) throw new Error('no hover on ISO/IEC 27001:2022 in the sample');
  }
  await done('hover').waitFor({ state: 'attached', timeout: 10_000 });
  log(`walkthrough: a hover in the sample checked "${WALKTHROUGH.steps[1]}" after ${Date.now() - start} ms`);
  await page.mouse.move(5, 5);
  await sleep(500);
  await page.screenshot({ path: path.join(output, 'walkthrough.png') });
}
