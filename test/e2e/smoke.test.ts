// Proves the harness end to end with a throwaway extension: package -> install into a real
// VS Code (code-server) -> drive it in Chromium -> read what a person would see. If this fails,
// the Runtime Drift e2e tests cannot be trusted either way.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { notifications, openFile, openView, openWorkbench, runCommand, screenshot, waitForText } from './harness/browser';
import type { Workbench } from './harness/browser';
import { repoRoot, startCodeServer } from './harness/codeServer';
import type { CodeServer } from './harness/codeServer';
import { packageVsix } from './harness/vsix';

const FIXTURE = path.join(repoRoot, 'test', 'e2e', 'fixtures', 'smoke-extension');
const SCREENSHOTS = path.join(repoRoot, 'test-results', 'e2e', 'smoke');

suite('e2e harness smoke: a packaged extension in code-server', () => {
  let tempDir: string;
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;

  suiteSetup(async () => {
    tempDir = await mkdtemp(path.join(tmpdir(), 'rd-smoke-'));
    const vsix = await packageVsix(FIXTURE, path.join(tempDir, 'smoke-extension.vsix'));
    const workspace = path.join(tempDir, 'workspace');
    await mkdir(workspace);
    await writeFile(path.join(workspace, 'hello.txt'), 'smoke workspace file\n');
    server = await startCodeServer({ vsix, workspace });
    workbench = await openWorkbench(server.url, workspace, { screenshotsDir: SCREENSHOTS });
  });

  suiteTeardown(async () => {
    await workbench?.close();
    await server?.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  teardown(async function () {
    // A failing UI test is read from its picture: keep what the page showed at that moment.
    if (this.currentTest?.state === 'failed' && workbench) {
      await screenshot(workbench.page, SCREENSHOTS, `failed-${this.currentTest.title}`);
    }
  });

  test('the command from the palette shows its notification and status bar text', async () => {
    const page = workbench!.page;
    await runCommand(page, 'Smoke: Say Hello');

    await waitForText(page, 'Hello from the smoke extension', 60_000, '.notifications-toasts');
    assert.ok(
      (await notifications(page)).includes('Hello from the smoke extension'),
      `toasts: ${JSON.stringify(await notifications(page))}`,
    );
    const status = await waitForText(page, 'Smoke said hello', 30_000, '.part.statusbar');
    assert.match(await status.innerText(), /Smoke said hello/);

    const shot = await screenshot(page, SCREENSHOTS, 'after-say-hello');
    assert.deepEqual(workbench!.pageErrors, [], `page errors (screenshot ${shot})`);
  });

  test('quick open shows a workspace file in an editor', async () => {
    const page = workbench!.page;
    await openFile(page, 'hello.txt');
    await waitForText(page, 'smoke workspace file', 30_000, '.part.editor');
    await screenshot(page, SCREENSHOTS, 'after-open-file');
  });

  test('a view opens by its title', async () => {
    const page = workbench!.page;
    await openView(page, 'Search');
    await page.locator('.part.sidebar .search-view').waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, SCREENSHOTS, 'after-open-view');
  });
});
