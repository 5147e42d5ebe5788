/// <reference lib="dom" />
// The extension in another display language, in a real VS Code (code-server + Chromium) on a real
// engine: the texts of both bundles reach the UI translated. The engine bundle (dist/engine.js)
// makes the report's texts (summaries, rung evidence, fixes, action labels) with its own copy of
// @vscode/l10n; the extension bundle makes the view texts. A pseudo translation of
// l10n/bundle.l10n.json (every message wrapped in ⟪ ⟫) is the German bundle, so each text shows
// which of its parts went through a translation.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startCodeServer, repoRoot } from './harness/codeServer';
import type { CodeServer } from './harness/codeServer';
import { editorText, installVsix, openFile, openWorkbench, runCommand, screenshot } from './harness/browser';
import type { Workbench } from './harness/browser';
import { packageVsix } from './harness/vsix';
import { createStarterWorkspace } from '../fixtures/starter/driver.mjs';
import type { StarterWorkspace } from '../fixtures/starter/driver.mjs';

const SHOTS = path.join(repoRoot, 'test-results', 'e2e', 'translations');
const LANGUAGE_PACK = path.join(repoRoot, 'test', 'e2e', 'fixtures', 'language-pack-de');
const USERS_FILE = 'api/src/users/users.controller.ts';
const CHECK_TIMEOUT_MS = 60_000;

/** l10n/bundle.l10n.json with every message wrapped in ⟪ ⟫, placeholders kept. */
async function pseudoBundle(): Promise<string> {
  const english = JSON.parse(await readFile(path.join(repoRoot, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string | { message: string }>;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(english)) out[key] = `⟪${typeof value === 'string' ? value : value.message}⟫`;
  return JSON.stringify(out, null, 2);
}

async function codeLensText(page: Page): Promise<string> {
  return (await page.locator('.monaco-editor .codelens-decoration').allInnerTexts()).join('\n');
}

/** Waits for the workbench after a load, and gives it the focus, as openWorkbench does. */
async function reload(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: 120_000 });
  await page.locator('.part.editor').click({ position: { x: 200, y: 200 } });
}

suite('Runtime Drift in another display language: translated texts reach the tree, CodeLens and report', () => {
  let ws: StarterWorkspace;
  let server: CodeServer;
  let wb: Workbench;
  let page: Page;
  let tempDir: string;

  suiteSetup(async () => {
    tempDir = await mkdtemp(path.join(tmpdir(), 'rd-l10n-'));
    ws = await createStarterWorkspace();
    const vsix = path.join(repoRoot, 'runtime-drift.vsix');
    if (!existsSync(vsix)) await packageVsix(repoRoot, vsix);
    server = await startCodeServer({ vsix, workspace: ws.dir, locale: 'de' });
    // A translation the extension would ship as l10n/bundle.l10n.de.json, put beside the installed one.
    const installed = (await readdir(server.extensionsDir)).find((d) => d.startsWith('runtime-drift.runtime-drift-'));
    assert.ok(installed, 'the extension is installed');
    await writeFile(path.join(server.extensionsDir, installed, 'l10n', 'bundle.l10n.de.json'), await pseudoBundle());
    wb = await openWorkbench(server.url, ws.dir, { screenshotsDir: SHOTS });
    page = wb.page;
  });

  suiteTeardown(async () => {
    await wb?.close();
    await server?.stop();
    await ws?.down();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  teardown(async function () {
    if (this.currentTest?.state === 'failed' && page) await screenshot(page, SHOTS, `failed-${this.currentTest.title}`);
  });

  test('before the language pack VS Code is English: the same texts carry no translation', async () => {
    await openFile(page, USERS_FILE);
    await page.locator('.monaco-editor .codelens-decoration', { hasText: /Start api/ }).first().waitFor({ timeout: CHECK_TIMEOUT_MS });
    const lenses = await codeLensText(page);
    assert.match(lenses, /GET \/api\/users → not probed: not running/);
    assert.doesNotMatch(lenses, /⟪/);
  });

  test('in German, the engine-made action label and the view-made CodeLens words are the translated ones', async () => {
    await installVsix(page, await packageVsix(LANGUAGE_PACK, path.join(tempDir, 'language-pack-de.vsix')));
    await reload(page);
    await openFile(page, USERS_FILE);
    await page.locator('.monaco-editor .codelens-decoration', { hasText: /⟪Start api⟫/ }).first().waitFor({ timeout: CHECK_TIMEOUT_MS });
    const lenses = await codeLensText(page);
    // "Start api" is the report's action label, made in dist/engine.js (core/ladder/action.ts);
    // "not probed: …" and "not running" are the view's words, made in dist/extension.js.
    assert.match(lenses, /⟪Start api⟫/);
    assert.match(lenses, /GET \/api\/users → ⟪not probed: ⟪not running⟫⟫/);
    assert.match(await page.locator('.part.statusbar').innerText(), /⟪2 not running⟫/);
    await screenshot(page, SHOTS, '1-codelens-de');
  });

  test('in German, the report says the engine-made summary and fix translated', async () => {
    await runCommand(page, 'Runtime Drift: Show Report');
    const editor = page.locator('.part.editor .editor-instance .view-lines').last();
    // Monaco draws a line in token spans: read the lines' text, not one element's.
    const deadline = Date.now() + CHECK_TIMEOUT_MS;
    while (!(await editor.innerText()).includes('⟪Runtime Drift report⟫') && Date.now() < deadline) await page.waitForTimeout(500);
    // The whole report, paged through: what it asserts may sit below the first screen.
    const text = await editorText(page);
    assert.match(text, /⟪Runtime Drift report⟫/);
    // The service summary, fix, action label and a rung's evidence (core/ladder), made in the engine bundle.
    assert.match(text, /⟪not running \(no container\)⟫/);
    assert.match(text, /⟪start it \(not running\): docker(-| )compose up -d api⟫/);
    assert.match(text, /⟪Start api⟫/);
    assert.match(text, /⟪no container for service api: not running⟫/);
    await screenshot(page, SHOTS, '2-report-de');
  });
});
