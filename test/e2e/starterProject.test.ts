/// <reference lib="dom" />
// The first five minutes on a real project, in a real VS Code (code-server + Chromium) on a real
// engine: a Nest starter (modules under src/<name>/) with a registry-image database beside the
// built api. Nothing started: neutral states, no notification, Start. Started from the CodeLens:
// in sync. Drifted (a new module built into the image, the old container serving): a warning
// whose main button is Recreate api, which fixes it.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startCodeServer, repoRoot } from './harness/codeServer';
import type { CodeServer } from './harness/codeServer';
import { notifications, openFile, openWorkbench, runCommand, screenshot, waitForText } from './harness/browser';
import type { Workbench } from './harness/browser';
import { packageVsix } from './harness/vsix';
import { createStarterWorkspace } from '../fixtures/starter/driver.mjs';
import type { StarterWorkspace } from '../fixtures/starter/driver.mjs';

const SHOTS = path.join(repoRoot, 'test-results', 'e2e', 'starter');
const USERS_FILE = 'api/src/users/users.controller.ts';
const REPORTS_FILE = 'api/src/reports/reports.controller.ts';
const CHECK_TIMEOUT_MS = 60_000;
/** Start builds the api image (compose up builds a missing image), then re-checks. */
const START_TIMEOUT_MS = 180_000;

async function treeText(page: Page): Promise<string> {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: /containers/i }) }).first().innerText();
}

function treeRow(page: Page, label: string) {
  return page
    .locator('.pane .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) })
    .first();
}

/** Expands a tree row unless it is already (VS Code keeps a node's expansion across refreshes). */
async function expand(row: ReturnType<typeof treeRow>): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
  await row.page().waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await row.elementHandle(), { timeout: 10_000 });
}

async function codeLensText(page: Page): Promise<string> {
  return (await page.locator('.monaco-editor .codelens-decoration').allInnerTexts()).join('\n');
}

suite('A Nest starter in a real VS Code on a real engine: not running, started, drifted', () => {
  let ws: StarterWorkspace;
  let server: CodeServer;
  let wb: Workbench;
  let page: Page;

  suiteSetup(async () => {
    ws = await createStarterWorkspace();
    const vsix = path.join(repoRoot, 'runtime-drift.vsix');
    if (!existsSync(vsix)) await packageVsix(repoRoot, vsix);
    server = await startCodeServer({ vsix, workspace: ws.dir });
    wb = await openWorkbench(server.url, ws.dir, { screenshotsDir: SHOTS });
    page = wb.page;
  });

  suiteTeardown(async () => {
    await wb?.close();
    await server?.stop();
    await ws?.down();
  });

  teardown(async function () {
    if (this.currentTest?.state === 'failed' && page) await screenshot(page, SHOTS, `failed-${this.currentTest.title}`);
  });

  test('nothing started: every service "not running" (neutral), no notification, Start offered; modules by Nest class', async () => {
    await runCommand(page, 'Runtime Drift: Check Runtime');
    await runCommand(page, 'View: Show Runtime Drift');
    await waitForText(page, /2 not running/, CHECK_TIMEOUT_MS, '.part.statusbar');
    await waitForText(page, /not running/, CHECK_TIMEOUT_MS, '.part.sidebar');
    // Check Runtime is done (the status bar says so); give a toast time to show if one were coming.
    await page.waitForTimeout(2000);
    const toasts = await notifications(page);
    assert.ok(!toasts.some((t) => /Runtime Drift|drift|Rebuild/i.test(t)), `toasts: ${toasts.join(' | ')}`);
    const text = await treeText(page);
    assert.equal(await treeRow(page, 'api').count(), 1);
    assert.equal(await treeRow(page, 'db').count(), 1);
    assert.doesNotMatch(text, /drift|fails at|stale/i);
    assert.doesNotMatch(await page.locator('.part.statusbar').innerText(), /drifted/);
    // The inline actions that fit: Start on each service, Start All on the project; no Rebuild.
    const api = treeRow(page, 'api');
    await api.hover();
    assert.equal(await api.locator('.action-label[aria-label^="Start Service"]').count(), 1, 'api offers Start');
    assert.equal(await api.locator('.action-label[aria-label^="Rebuild"]').count(), 0, 'api offers no Rebuild');
    const db = treeRow(page, 'db');
    await db.hover();
    assert.equal(await db.locator('.action-label[aria-label^="Start Service"]').count(), 1, 'db offers Start');
    assert.equal(await db.locator('.action-label[aria-label^="Rebuild"]').count(), 0, 'db (a registry image) is never offered a build');
    const project = treeRow(page, ws.project);
    await project.hover();
    assert.equal(await project.locator('.action-label[aria-label^="Start All"]').count(), 1, 'the project offers Start All');
    // The api's modules are its Nest modules, each with its routes counted.
    await expand(api);
    await waitForText(page, 'UsersModule', CHECK_TIMEOUT_MS, '.part.sidebar');
    const expanded = await treeText(page);
    assert.match(expanded, /AuthModule/);
    assert.match(expanded, /FilesModule/);
    assert.match(expanded, /UsersModule/);
    assert.match(expanded, /3 routes/);
    await api.hover();
    await screenshot(page, SHOTS, '6-starter-not-running');
  });

  test('the CodeLens says "not probed: not running" and offers Start api', async () => {
    await openFile(page, USERS_FILE);
    await page.locator('.monaco-editor .codelens-decoration', { hasText: /not probed: not running/ }).first().waitFor({ timeout: CHECK_TIMEOUT_MS });
    const lenses = await codeLensText(page);
    assert.match(lenses, /GET \/api\/users → not probed: not running/);
    assert.match(lenses, /Start api/);
    assert.doesNotMatch(lenses, /Rebuild|unreachable/);
    await screenshot(page, SHOTS, '7-starter-codelens-not-running');
  });

  test('Start api from the CodeLens: the stack comes up (the database with it) and everything reads in sync', async () => {
    await page.locator('.monaco-editor .codelens-decoration a', { hasText: /^Start api$/ }).first().click();
    await page.locator('.monaco-editor .codelens-decoration', { hasText: /GET \/api\/users → 401 in runtime/ }).first().waitFor({ timeout: START_TIMEOUT_MS });
    await waitForText(page, /Runtime in sync/, START_TIMEOUT_MS, '.part.statusbar');
    await runCommand(page, 'View: Show Runtime Drift');
    await waitForText(page, /in sync · running/, CHECK_TIMEOUT_MS, '.part.sidebar');
    assert.doesNotMatch(await treeText(page), /not running/);
    assert.equal((await ws.get('/api/users')).status, 401, 'the api really runs');
    const db = await ws.compose(['ps', '-q', 'db']);
    assert.notEqual(db.output.trim(), '', 'the database runs too');
    await screenshot(page, SHOTS, '8-starter-in-sync');
  });

  test('drifted: a new module built into the image, the old container serving: the warning\'s main button is Recreate api, and it fixes it', async () => {
    await ws.addReportsFeature();
    await ws.buildImageOnly();
    await runCommand(page, 'Runtime Drift: Check Runtime');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /drifted/ }).first();
    await toast.waitFor({ timeout: CHECK_TIMEOUT_MS });
    const buttons = await toast.locator('.monaco-button').allInnerTexts();
    assert.equal(buttons[0]?.trim(), 'Recreate api', `buttons: ${buttons.join(' | ')}`);
    assert.ok(!buttons.some((b) => /db|postgres|Rebuild/.test(b)), `buttons: ${buttons.join(' | ')}`);
    await runCommand(page, 'View: Show Runtime Drift');
    await waitForText(page, /stale/, CHECK_TIMEOUT_MS, '.part.sidebar');
    await expand(treeRow(page, 'api'));
    await waitForText(page, 'ReportsModule', CHECK_TIMEOUT_MS, '.part.sidebar');
    const text = await treeText(page);
    assert.match(text, /stale/);
    assert.match(text, /ReportsModule/);
    await openFile(page, REPORTS_FILE);
    await page.locator('.monaco-editor .codelens-decoration', { hasText: /→ 404 in runtime · container is stale/ }).first().waitFor({ timeout: CHECK_TIMEOUT_MS });
    assert.match(await codeLensText(page), /Recreate api/);
    await screenshot(page, SHOTS, '9-starter-drift');
    await toast.locator('.monaco-button', { hasText: 'Recreate api' }).click();
    await page.locator('.monaco-editor .codelens-decoration', { hasText: /GET \/api\/reports\/summary → 401 in runtime/ }).first().waitFor({ timeout: START_TIMEOUT_MS });
    await waitForText(page, /Runtime in sync/, CHECK_TIMEOUT_MS, '.part.statusbar');
    assert.equal((await ws.get('/api/reports/summary')).status, 401, 'the new module is served');
  });
});
