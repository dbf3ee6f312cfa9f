// What the workbench tests of code-server.test.ts do in the page, as a person would: load the
// workbench, open a file, find a word on screen, read the editor's lines, wait for something.
import type { Page } from 'playwright-core';
import { sleep } from '../support/workbench-host';

export { sleep }; // one copy, in workbench-host.ts; the page modules take it from here

// The few DOM types that the function run in the page (page.evaluate) needs; the project's
// tsconfig has no DOM lib. Module-scoped, so nothing leaks into other files.
interface DomNode { textContent: string | null }
interface DomDocument {
  querySelectorAll(selector: string): Iterable<DomNode>;
  createTreeWalker(root: DomNode, whatToShow: number): { nextNode(): DomNode | null };
  createRange(): {
    setStart(node: DomNode, offset: number): void;
    setEnd(node: DomNode, offset: number): void;
    getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  };
}
declare const document: DomDocument;
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT

const t0 = Date.now();
export function log(msg: string): void {
  console.log(`[code-server ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}`);
}

/** Loads the workbench at url and waits until it has painted. */
export async function openWorkbench(page: Page, url: string, tag: string): Promise<void> {
  const start = Date.now();
  log(`${tag}: opening ${url}`);
  await page.goto(url, { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
  log(`${tag}: workbench painted after ${Date.now() - start} ms`);
}

/**
 * Opens file of the workspace folder (Quick Open, or the Explorer) and waits until it is the active
 * tab and a line holding heading shows. (A window restores the editors of the one before it: the
 * heading alone could be found in another file.)
 */
export async function openFile(page: Page, file: string, heading: string, tag: string): Promise<void> {
  const start = Date.now();
  // Quick Open: Ctrl+P, type the name, Enter. Retry: early keystrokes can be lost while the
  // workbench is still restoring.
  const editorLines = page.locator('.editor-instance .view-lines');
  const activeTab = page.locator(`.tabs-container .tab.active[data-resource-name="${file}"]`);
  if ((await activeTab.isVisible()) && (await editorLines.filter({ hasText: heading }).first().isVisible())) return; // already open
  for (let attempt = 1; ; attempt++) {
    try {
      if (attempt % 2 === 0) {
        // Every other attempt, the Explorer: Quick Open can lag on a loaded machine.
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().dblclick({ timeout: 10_000 });
      } else {
        await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 5000 });
        await input.fill(file);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 20_000 });
        await page.keyboard.press('Enter');
      }
      await activeTab.waitFor({ timeout: 20_000 });
      await editorLines.filter({ hasText: heading }).first().waitFor({ timeout: 20_000 });
      break;
    } catch (err) {
      if (attempt >= 6) throw new Error(`could not open ${file} with Ctrl+P or the Explorer: ${String(err)}`);
      await page.keyboard.press('Escape');
      await sleep(1000);
    }
  }
  log(`${tag}: ${file} open after ${Date.now() - start} ms`);
}

/** The viewport point of the middle character of word at or after anchor in a visible editor line, or null. */
export function pointInEditor(page: Page, anchor: string, word: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(({ anchor, word, showText }) => {
    const norm = (s: string) => s.replace(/\u00a0/g, ' ');
    for (const line of document.querySelectorAll('.editor-instance .view-lines .view-line')) {
      const lineText = norm(line.textContent ?? '');
      const at = lineText.indexOf(anchor);
      if (at < 0) continue;
      const target = lineText.indexOf(word, at) + Math.floor(word.length / 2); // a character inside word
      const walker = document.createTreeWalker(line, showText);
      let offset = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent?.length ?? 0;
        if (target < offset + len) {
          const range = document.createRange();
          range.setStart(n, target - offset);
          range.setEnd(n, target - offset + 1);
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
        offset += len;
      }
    }
    return null;
  }, { anchor, word, showText: SHOW_TEXT });
}

/** The text of the visible lines of the editors, spaces as spaces (Monaco renders them as U+00A0). */
export function editorLineTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('.editor-instance .view-lines .view-line')].map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')));
}

/** Polls fn until it returns a value accepted by ok; throws after timeoutMs with the last value. */
export async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const start = Date.now();
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (ok(last)) return last;
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s (last: ${JSON.stringify(last)})`);
    await sleep(250);
  }
}
