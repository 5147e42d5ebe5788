// Drives the code-server workbench in Debian's headless Chromium through playwright-core, the
// way a person would: keyboard shortcuts, the command palette, what is visible on screen.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Locator, Page } from 'playwright-core';

/** Playwright cannot download its own browser here; Debian's works (RECIPES.md). */
const CHROMIUM = process.env.RUNTIME_DRIFT_CHROMIUM ?? '/usr/bin/chromium';

/** The machine has no network but loopback: these flags stop Chromium dialling out at all. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Loading the workbench bundle and restoring the window takes ~5-20 s on two cores. */
const WORKBENCH_TIMEOUT_MS = 90_000;
const UI_TIMEOUT_MS = 30_000;
/** A quick-pick row is retried this long: covers the extension host's start on a busy machine. */
const PICK_TIMEOUT_MS = 60_000;
const PICK_ATTEMPT_MS = 3_000;

export type Workbench = {
  page: Page;
  browser: Browser;
  /** Uncaught errors of the page, to attach to a failing test's message. */
  pageErrors: string[];
  close(): Promise<void>;
};

export async function openWorkbench(
  url: string,
  folder: string,
  opts?: { screenshotsDir?: string },
): Promise<Workbench> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const pageErrors: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const target = new URL(url);
    target.searchParams.set('folder', path.resolve(folder));
    await page.goto(target.toString(), { waitUntil: 'domcontentloaded', timeout: WORKBENCH_TIMEOUT_MS });
    try {
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
      // The status bar is among the last parts laid out; before it, keystrokes can be lost.
      await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
    } catch (error) {
      if (opts?.screenshotsDir) await screenshot(page, opts.screenshotsDir, 'workbench-not-ready');
      throw error;
    }
    // Keyboard shortcuts go to the focused element; the page starts with focus nowhere.
    await page.locator('.part.editor').click({ position: { x: 200, y: 200 } });
    if (opts?.screenshotsDir) await screenshot(page, opts.screenshotsDir, 'workbench-ready');
    return { page, browser, pageErrors, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Runs a command by its palette title ("Category: Title"), as a user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await pickFromQuickInput(page, 'Control+Shift+P', title, title);
}

/** Opens a workspace file by path relative to the folder through Quick Open (Ctrl+P). */
export async function openFile(page: Page, relPath: string): Promise<void> {
  const base = path.posix.basename(relPath);
  await pickFromQuickInput(page, 'Control+P', relPath, base);
  await page
    .locator('.tabs-container .tab.active', { hasText: base })
    .waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
}

/** Opens a view (Explorer, Problems, an extension's tree...) by its title via Ctrl+P "view ". */
export async function openView(page: Page, title: string): Promise<void> {
  await pickFromQuickInput(page, 'Control+P', `view ${title}`, title);
}

/** Saves a full-page PNG as DIR/NAME.png and returns its path. */
export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.resolve(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Waits until TEXT is visible and returns its locator. A CSS selector can narrow where to look,
 * e.g. `.part.statusbar`, so the same words elsewhere (a notification) do not count.
 */
export async function waitForText(
  page: Page,
  text: string | RegExp,
  timeout = UI_TIMEOUT_MS,
  within = 'body',
): Promise<Locator> {
  const found = page.locator(within).getByText(text).first();
  await found.waitFor({ state: 'visible', timeout });
  return found;
}

/** What the last editor's visible lines say, keyed by their top offset in the document. */
async function visibleLines(page: Page): Promise<Array<[number, string]>> {
  return page.locator('.part.editor .editor-instance .view-lines').last().evaluate((lines) =>
    Array.from(lines.querySelectorAll<HTMLElement>('.view-line')).map(
      (line): [number, string] => [Number.parseFloat(line.style.top) || 0, line.innerText.replace(/\u00a0/g, ' ')],
    ),
  );
}

/**
 * The whole text of the last editor, not only what fits on screen: Monaco renders the visible
 * lines alone, so this focuses it, pages down through the document and
 * collects every line by its offset, until a page adds nothing. Wrapped lines come as their own.
 */
export async function editorText(page: Page, maxPages = 40): Promise<string> {
  const seen = new Map<number, string>();
  await page.locator('.part.editor .editor-instance .view-lines').last().click();
  await page.keyboard.press('Control+Home');
  for (let pageNo = 0; pageNo < maxPages; pageNo++) {
    const before = seen.size;
    for (const [top, text] of await visibleLines(page)) seen.set(top, text);
    if (pageNo > 0 && seen.size === before) break;
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(100);
  }
  await page.keyboard.press('Control+Home');
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text).join('\n');
}

/** Messages of the notification toasts now on screen (not the notification centre's history). */
export async function notifications(page: Page): Promise<string[]> {
  const messages = page.locator('.notifications-toasts .notification-toast .notification-list-item-message');
  return (await messages.allInnerTexts()).map((text) => text.trim());
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Opens a quick input with KEYS, types QUERY, and accepts the row labelled exactly LABEL.
 * Matching the label, not the first row, keeps "Smoke: Say Hello" from running a
 * "Smoke: Say Hello Twice" that the fuzzy filter happens to rank first.
 *
 * Retried: the workbench is drawn before the remote extension host has registered the
 * extensions' contributions, and an open palette does not refresh its list when they arrive.
 */
async function pickFromQuickInput(page: Page, keys: string, query: string, label: string, clickRetries = 3): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input.input');
  const row = widget
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) })
    .first();
  // The palette pre-fills ">"; keep that prefix so the box keeps listing commands.
  const text = keys === 'Control+Shift+P' ? `>${query}` : query;
  const deadline = Date.now() + PICK_TIMEOUT_MS;
  for (;;) {
    await page.keyboard.press(keys);
    try {
      // The shortcut can go unheard (the focus sits where it is not a workbench shortcut), and
      // the box can close again before it is typed into (a view refresh or a toast takes the
      // focus): then the focus goes back to the workbench and the box is opened again.
      await input.waitFor({ state: 'visible', timeout: PICK_ATTEMPT_MS });
      await input.fill(text, { timeout: PICK_ATTEMPT_MS });
      await row.waitFor({ state: 'visible', timeout: PICK_ATTEMPT_MS });
      break;
    } catch (error) {
      if (await widget.isVisible()) await page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
      // No click (it could land on a CodeLens): the focused element lets go, so the workbench
      // hears the next shortcut.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      if (Date.now() > deadline) {
        throw new Error(`no quick-input row labelled "${label}" for "${text}" within ${PICK_TIMEOUT_MS} ms`, {
          cause: error,
        });
      }
    }
  }
  if (((await row.getAttribute('class')) ?? '').split(/\s+/).includes('focused')) {
    await page.keyboard.press('Enter');
  } else {
    // A click that never happened (the list closed under it) is safe to try again from the start.
    const clicked = await row.click({ timeout: PICK_ATTEMPT_MS }).then(
      () => true,
      () => false,
    );
    if (!clicked && clickRetries > 0) return pickFromQuickInput(page, keys, query, label, clickRetries - 1);
    if (!clicked) throw new Error(`the quick-input row "${label}" closed before it could be clicked`);
  }
  await widget.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/**
 * Installs a .vsix through the running server, as Extensions: Install from VSIX... does. A
 * language pack must be installed so: the server lists it for --locale only from its own installs.
 */
export async function installVsix(page: Page, file: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input.input');
  await runCommandKeepingInput(page, 'Extensions: Install from VSIX...');
  // The file dialog reuses the box, pre-filled with a folder once it is ready for a path.
  await page.waitForFunction((el) => (el as HTMLInputElement | null)?.value.startsWith('/') ?? false, await input.elementHandle(), { timeout: UI_TIMEOUT_MS });
  // The dialog may put its folder back before our path after a fill (seen under load:
  // "<folder>//<our path>", then "Please enter a path that exists"): fill again until the box
  // still holds exactly the path a moment later.
  const want = path.resolve(file);
  for (let attempt = 0; ; attempt++) {
    await input.fill(want);
    await page.waitForTimeout(500);
    if ((await input.inputValue()) === want) break;
    if (attempt >= 4) throw new Error(`the Install from VSIX box holds "${await input.inputValue()}", not ${want}`);
  }
  await page.keyboard.press('Enter');
  await waitForText(page, /Completed installing/, 120_000, '.notifications-toasts');
}

/** Runs a command whose next step asks in the same quick-input box (a file dialog). */
async function runCommandKeepingInput(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const row = widget.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: title }) }).first();
  await page.keyboard.press('Control+Shift+P');
  await widget.locator('input.input').fill(`>${title}`, { timeout: UI_TIMEOUT_MS });
  await row.click({ timeout: UI_TIMEOUT_MS });
}
