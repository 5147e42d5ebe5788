/// <reference lib="dom" />
// The packaged extension in a real VS Code (code-server) in a real browser, on a real engine:
// the workflow incident seen from the editor, fixed from the editor, and proven fixed.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startCodeServer, repoRoot } from './harness/codeServer';
import type { CodeServer } from './harness/codeServer';
import { openFile, openWorkbench, runCommand, screenshot, waitForText } from './harness/browser';
import type { Workbench } from './harness/browser';
import { packageVsix } from './harness/vsix';
import { createIncidentWorkspace } from '../engine/support/incident';
import type { IncidentWorkspace } from '../engine/support/incident';

const SHOTS = path.join(repoRoot, 'test-results', 'e2e', 'runtime-drift');
const WORKFLOW_ROUTE = 'GET /api/v1/workflows/steps/definitions';
const WORKFLOW_FILE = 'backend/src/modules/workflow/workflow.controller.ts';
const USERS_FILE = 'backend/src/modules/users/users.controller.ts';
const PROBLEMS_VIEW = 'View: Focus Problems (Errors, Warnings, Infos)';
/** A check lists the container and probes routes; a rebuild runs compose build + up + re-check. */
const CHECK_TIMEOUT_MS = 60_000;
const REBUILD_TIMEOUT_MS = 180_000;

/** Text of the letter badge VS Code draws for a file decoration (a CSS ::after on the label). */
async function explorerBadge(page: Page, fileName: string): Promise<string | null> {
  const row = explorerRow(page, fileName);
  await row.waitFor({ state: 'visible', timeout: CHECK_TIMEOUT_MS });
  return row.evaluate((el) => {
    for (const node of [el, ...Array.from(el.querySelectorAll('*'))]) {
      const content = getComputedStyle(node, '::after').content;
      if (content && content !== 'none' && content !== 'normal' && content !== '""') return content.replace(/^"|"$/g, '');
    }
    return null;
  });
}

/** Opens `rel` and reveals it in the explorer, until its row shows (the reveal can race the editor switching tabs). */
async function revealInExplorer(page: Page, rel: string): Promise<void> {
  const row = explorerRow(page, path.posix.basename(rel));
  for (let attempt = 1; ; attempt++) {
    await openFile(page, rel);
    await runCommand(page, 'File: Reveal Active File in Explorer View');
    try {
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

function explorerRow(page: Page, fileName: string) {
  const name = new RegExp(`^\\s*${fileName.replace(/\./g, '\\.')}\\s*$`);
  return page.locator('.part.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: name }) }).first();
}

async function treeText(page: Page): Promise<string> {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: /containers/i }) }).first().innerText();
}

async function codeLensText(page: Page): Promise<string> {
  return (await page.locator('.monaco-editor .codelens-decoration').allInnerTexts()).join('\n');
}

suite('Runtime Drift in a real VS Code (code-server + Chromium) on a real engine', () => {
  let ws: IncidentWorkspace;
  let vsix: string;

  suiteSetup(async () => {
    // The incident: a running stack, the workflow module added and built into a new image, but
    // the old container still serving.
    ws = await createIncidentWorkspace();
    await ws.up();
    await ws.addWorkflowFeature();
    await ws.buildImageOnly();
    vsix = path.join(repoRoot, 'runtime-drift.vsix');
    if (!existsSync(vsix)) await packageVsix(repoRoot, vsix);
  });

  suiteTeardown(async () => {
    await ws?.down();
  });

  suite('an untrusted workspace: state is shown, nothing is run', () => {
    let server: CodeServer;
    let wb: Workbench;

    suiteSetup(async () => {
      server = await startCodeServer({ vsix, workspace: ws.dir, env: { API_TOKEN: ws.apiToken }, settings: { 'runtimeDrift.probe.tokenVariables': ['API_TOKEN'] }, restricted: true });
      wb = await openWorkbench(server.url, ws.dir, { screenshotsDir: SHOTS });
    });

    suiteTeardown(async () => {
      await wb?.close();
      await server?.stop();
    });

    test('the stale container is shown, routes are not probed, and no rebuild is offered', async () => {
      const page = wb.page;
      const containerBefore = (await ws.compose(['ps', '-q', 'api'])).output.trim();
      await waitForText(page, /Restricted Mode/, CHECK_TIMEOUT_MS, '.part.statusbar');
      await runCommand(page, 'View: Show Runtime Drift');
      await waitForText(page, /stale/, CHECK_TIMEOUT_MS, '.part.sidebar');
      const text = await treeText(page);
      assert.match(text, /workflow/);
      assert.doesNotMatch(text, /→ 404/, 'no probe was sent, so no 404 is known');
      // Rebuild is disabled in restricted mode: the palette does not offer it.
      await page.keyboard.press('Control+Shift+P');
      await page.locator('.quick-input-widget input.input').fill('>Runtime Drift: Rebuild Service');
      await page.waitForTimeout(1500);
      const rows = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name').allInnerTexts();
      await page.keyboard.press('Escape');
      assert.ok(!rows.some((r) => /Rebuild Service/.test(r)), `palette rows: ${rows.join(' | ')}`);
      await screenshot(page, SHOTS, '0-untrusted');
      const containerAfter = (await ws.compose(['ps', '-q', 'api'])).output.trim();
      assert.equal(containerAfter, containerBefore, 'the container was not touched');
      assert.equal((await ws.get('/api/v1/workflows/steps/definitions')).status, 404, 'still the incident');
    });
  });

  suite('a trusted workspace: the incident seen and fixed from the editor', () => {
    let server: CodeServer;
    let wb: Workbench;
    let page: Page;

    suiteSetup(async () => {
      server = await startCodeServer({ vsix, workspace: ws.dir, env: { API_TOKEN: ws.apiToken }, settings: { 'runtimeDrift.probe.tokenVariables': ['API_TOKEN'] } });
      wb = await openWorkbench(server.url, ws.dir, { screenshotsDir: SHOTS });
      page = wb.page;
    });

    suiteTeardown(async () => {
      await wb?.close();
      await server?.stop();
    });

    teardown(async function () {
      if (this.currentTest?.state === 'failed' && page) await screenshot(page, SHOTS, `failed-${this.currentTest.title}`);
    });

    test('Check Runtime from the palette: the tree shows the stale api container and the missing workflow module', async () => {
      await runCommand(page, 'Runtime Drift: Check Runtime');
      await runCommand(page, 'View: Show Runtime Drift');
      await waitForText(page, /stale/, CHECK_TIMEOUT_MS, '.part.sidebar');
      await waitForText(page, 'workflow', CHECK_TIMEOUT_MS, '.part.sidebar');
      const text = await treeText(page);
      assert.match(text, /\bapi\b/);
      assert.match(text, /stale/);
      assert.match(text, /workflow/);
      assert.match(text, /container/);
      assert.match(text, /404/);
      await waitForText(page, /drifted/, CHECK_TIMEOUT_MS, '.part.statusbar');
      await screenshot(page, SHOTS, '1-tree-stale');
      // The .vsix carries the scan worker and the extension host runs it (its log says which).
      const log = extensionLog(server.userDataDir);
      assert.match(log, /source trees are walked and read in a worker thread/);
      assert.doesNotMatch(log, /no worker bundle/);
    });

    test('the explorer badges workflow.controller.ts (in the image, not the container) and not the users module', async () => {
      await revealInExplorer(page, WORKFLOW_FILE);
      // VS Code joins the Problems count to the badge ("2, S"): the file's own letter comes last.
      const badge = await explorerBadge(page, 'workflow.controller.ts');
      assert.match(badge ?? '', /^(\d+, )?S$/, 'stale badge: in the newest image, not in the running container');
      await revealInExplorer(page, USERS_FILE);
      assert.equal(await explorerBadge(page, 'users.controller.ts'), null);
      await screenshot(page, SHOTS, '2-explorer-badges');
    });

    test('the editor shows the gutter badge and the CodeLens with the 404', async () => {
      await openFile(page, WORKFLOW_FILE);
      await page.locator('.monaco-editor .codelens-decoration', { hasText: WORKFLOW_ROUTE }).first().waitFor({ timeout: CHECK_TIMEOUT_MS });
      const lenses = await codeLensText(page);
      assert.match(lenses, /GET \/api\/v1\/workflows\/steps\/definitions → 404/);
      assert.match(lenses, /stale/);
      assert.match(lenses, /Recreate api|Rebuild api/);
      const glyphs = page.locator('.monaco-editor .glyph-margin-widgets .cgmr, .monaco-editor .margin-view-overlays .cgmr');
      await glyphs.first().waitFor({ timeout: CHECK_TIMEOUT_MS });
      const images = await glyphs.evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundImage));
      assert.ok(images.some((img) => /gutter-/.test(img)), `gutter images: ${images.join(', ')}`);
      await screenshot(page, SHOTS, '3-editor-gutter-codelens');
    });

    test('the Problems panel lists the stale files and the 404 route, and the quick fix runs Recreate api', async () => {
      // The check's toast would cover the panel in the screenshots.
      await runCommand(page, 'Notifications: Clear All Notifications');
      await runCommand(page, PROBLEMS_VIEW);
      try {
        await waitForText(page, /not in the running container/, CHECK_TIMEOUT_MS, '.part.panel');
        const text = await page.locator('.part.panel').innerText();
        assert.match(text, /workflow\.controller\.ts/);
        assert.match(text, /workflow\.service\.ts/);
        assert.match(text, /GET \/api\/v1\/workflows\/steps\/definitions → 404 .*in runtime · container is stale/);
        assert.match(text, /fix: recreate \(Recreate api\)/);
        assert.match(text, /Runtime Drift/, 'the source of each entry');
        await screenshot(page, SHOTS, '3b-problems');
        // Line 1 of the file carries its problem: Ctrl+. there offers the service's fix.
        await openFile(page, WORKFLOW_FILE);
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('Control+.');
        await page.locator('.action-widget', { hasText: /Recreate api/ }).first().waitFor({ timeout: CHECK_TIMEOUT_MS });
        await screenshot(page, SHOTS, '3c-quick-fix');
        await page.keyboard.press('Escape');
      } finally {
        await runCommand(page, 'View: Hide Panel');
      }
    });

    test('Rebuild from the CodeLens: the tree and the CodeLens turn to 401, and the fix is verified', async () => {
      await page.locator('.monaco-editor .codelens-decoration a', { hasText: /Recreate api|Rebuild api/ }).first().click();
      await page
        .locator('.monaco-editor .codelens-decoration', { hasText: /→ 401/ })
        .first()
        .waitFor({ timeout: REBUILD_TIMEOUT_MS });
      const lenses = await codeLensText(page);
      assert.match(lenses, /GET \/api\/v1\/workflows\/steps\/definitions → 401/);
      assert.doesNotMatch(lenses, /→ 404/);
      await waitForText(page, /Runtime in sync/, CHECK_TIMEOUT_MS, '.part.statusbar');
      await runCommand(page, 'View: Show Runtime Drift');
      // "users in sync" was there before the rebuild: wait for the service row itself to turn.
      await waitForText(page, /in sync · running/, CHECK_TIMEOUT_MS, '.part.sidebar');
      const text = await treeText(page);
      assert.doesNotMatch(text, /stale/);
      assert.match(text, /401/);
      const api = await ws.get('/api/v1/workflows/steps/definitions');
      assert.equal(api.status, 401, 'the live route really answers 401 now');
      await screenshot(page, SHOTS, '4-after-rebuild');
      // The drift is gone, and with it its problems.
      await runCommand(page, PROBLEMS_VIEW);
      try {
        await page.locator('.part.panel').getByText(/not in the running container/).first().waitFor({ state: 'detached', timeout: CHECK_TIMEOUT_MS });
        assert.doesNotMatch(await page.locator('.part.panel').innerText(), /Runtime Drift|→ 404/);
      } finally {
        await runCommand(page, 'View: Hide Panel');
      }
    });

    test('live: stopping the container outside VS Code shows in the tree with no command run', async () => {
      const stop = await ws.compose(['stop', 'api']);
      assert.equal(stop.code, 0, stop.output);
      // The engine's "die" event re-checks api; nothing is clicked or run in VS Code.
      await waitForText(page, /exited/, CHECK_TIMEOUT_MS, '.part.sidebar');
      assert.match(await treeText(page), /exited/);
      await screenshot(page, SHOTS, '5-live-stopped');
    });

    test('Get Started opens the walkthrough: its four steps; Check Runtime from its step marks the step done', async () => {
      await runCommand(page, 'Runtime Drift: Get Started');
      const walkthrough = page.locator('.gettingStartedContainer');
      await walkthrough.getByText('Get Started with Runtime Drift').first().waitFor({ timeout: CHECK_TIMEOUT_MS });
      const steps = walkthrough.locator('button.getting-started-step');
      for (const title of ['Open a compose workspace', 'Check the runtime', 'Read the ladder', 'Rebuild, and see it verified']) {
        await steps.filter({ hasText: title }).first().waitFor({ timeout: CHECK_TIMEOUT_MS });
      }
      await steps.filter({ hasText: 'Check the runtime' }).first().click();
      await walkthrough.locator('.getting-started-step', { hasText: 'Check the runtime' }).getByRole('button', { name: 'Check Runtime' }).first().click();
      await walkthrough.locator('button.getting-started-step[aria-checked="true"]', { hasText: 'Check the runtime' }).first().waitFor({ timeout: CHECK_TIMEOUT_MS });
      await steps.filter({ hasText: 'Read the ladder' }).first().click();
      await walkthrough.getByText(/first rung that fails says what to do/).first().waitFor({ timeout: CHECK_TIMEOUT_MS });
      await page.waitForTimeout(1500); // the ladder picture loads in its own frame
      await screenshot(page, SHOTS, '6-walkthrough');
    });
  });
});

/** The text of the extension's log channel files under code-server's user data (logs/SESSION/exthostN/EXTENSION_ID/). */
function extensionLog(userDataDir: string): string {
  const logs = path.join(userDataDir, 'logs');
  const found = existsSync(logs) ? (readdirSync(logs, { recursive: true }) as string[]).filter((p) => p.endsWith(`${path.sep}Runtime Drift.log`)) : [];
  assert.ok(found.length > 0, `no Runtime Drift.log under ${logs}`);
  return found.map((p) => readFileSync(path.join(logs, p), 'utf8')).join('\n');
}
