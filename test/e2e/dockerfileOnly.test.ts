/// <reference lib="dom" />
// A project with a Dockerfile and no compose file, in a real VS Code (code-server + Chromium) on
// a real engine, as its README says to run it (`docker build -t TAG .`, `docker run ... TAG`):
// before anything is built the Dockerfile is a service, "not running", with no button we could not
// keep; run by hand it is in sync, its route live in the CodeLens; after a new build of the tag
// the old container is stale, the new route 404, and the warning's main button is Recreate, which
// makes the container again on the new image with its own options and verifies it.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startCodeServer, repoRoot } from './harness/codeServer';
import type { CodeServer } from './harness/codeServer';
import { notifications, openFile, openWorkbench, runCommand, screenshot, waitForText } from './harness/browser';
import type { Workbench } from './harness/browser';
import { packageVsix } from './harness/vsix';
import { findFreePort, loopbackGet, run } from '../fixtures/incident/driver.mjs';
import { EXPRESS_SHAPED, serverFile } from '../fixtures/standalone/expressShaped';

const SHOTS = path.join(repoRoot, 'test-results', 'e2e', 'dockerfile-only');
const CHECK_TIMEOUT_MS = 60_000;
/** A recreate stops the old container (node as PID 1 takes the engine's 10 s), starts the new one and re-checks. */
const RECREATE_TIMEOUT_MS = 120_000;
const IMAGE = 'runtime-drift/node:busybox';
/** Labels what the test makes, for the cleanup (as the engine tests' TEST_PROJECT_LABEL). */
const LABEL = 'io.runtime-drift.test-project';

async function docker(args: string[], cwd?: string): Promise<string> {
  const result = await run('docker', args, cwd ? { cwd } : {});
  if (result.code !== 0) throw new Error(`docker ${args.join(' ')} exited ${result.code}:\n${result.output}`);
  return result.output.trim();
}

/** The service's row: the project (the workspace folder) has the same name and comes first. */
function serviceRow(page: Page, label: string) {
  return page.locator('.pane .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) }).last();
}

async function codeLensText(page: Page): Promise<string> {
  return (await page.locator('.monaco-editor .codelens-decoration').allInnerTexts()).join('\n');
}

suite('A Dockerfile with no compose file in a real VS Code on a real engine: not running, run by hand, stale, recreated', () => {
  const unique = `rddockerfile${Math.random().toString(36).slice(2, 8)}`;
  const tag = `${unique}/shop:latest`;
  const container = `${unique}-shop`;
  let parent = '';
  let dir = '';
  let port = 0;
  let codeServer: CodeServer;
  let wb: Workbench;
  let page: Page;

  suiteSetup(async () => {
    parent = await mkdtemp(path.join(os.tmpdir(), 'rd-e2e-alone-'));
    dir = path.join(parent, 'shop');
    port = await findFreePort();
    await mkdir(path.join(dir, 'src'), { recursive: true });
    await mkdir(path.join(dir, 'node_modules', 'express'), { recursive: true });
    await writeFile(path.join(dir, 'node_modules', 'express', 'index.js'), EXPRESS_SHAPED);
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'shop', dependencies: { express: '4' } }));
    await writeFile(path.join(dir, 'src', 'server.js'), serverFile(port, ['/health']));
    await writeFile(path.join(dir, 'Dockerfile'), `FROM ${IMAGE}\nWORKDIR /app\nCOPY node_modules ./node_modules\nCOPY src ./src\nEXPOSE ${port}\nCMD ["node", "src/server.js"]\n`);
    await writeFile(path.join(dir, 'README.md'), `# Shop\n\n    docker build -t ${tag} .\n    docker run -d --network host ${tag}\n`);
    const vsix = path.join(repoRoot, 'runtime-drift.vsix');
    if (!existsSync(vsix)) await packageVsix(repoRoot, vsix);
    codeServer = await startCodeServer({ vsix, workspace: dir });
    wb = await openWorkbench(codeServer.url, dir, { screenshotsDir: SHOTS });
    page = wb.page;
  });

  suiteTeardown(async () => {
    await wb?.close();
    await codeServer?.stop();
    await run('docker', ['rm', '-f', container]);
    const images = (await run('docker', ['images', '-q', '--filter', `label=${LABEL}=${unique}`])).output.split('\n').filter(Boolean);
    await run('docker', ['rmi', '-f', tag, ...images]);
    if (parent) await rm(parent, { recursive: true, force: true });
  });

  teardown(async function () {
    if (this.currentTest?.state === 'failed' && page) await screenshot(page, SHOTS, `failed-${this.currentTest.title}`);
  });

  test('not built: the Dockerfile is a service, "not running", no notification, no Rebuild or Recreate; the CodeLens says not probed', async () => {
    await runCommand(page, 'Runtime Drift: Check Runtime');
    await runCommand(page, 'View: Show Runtime Drift');
    await waitForText(page, /1 not running/, CHECK_TIMEOUT_MS, '.part.statusbar');
    await waitForText(page, /Dockerfiles, no compose file/, CHECK_TIMEOUT_MS, '.part.sidebar');
    await page.waitForTimeout(2000);
    assert.ok(!(await notifications(page)).some((t) => /drift|Rebuild|Recreate/i.test(t)));
    const shop = serviceRow(page, 'shop');
    await shop.hover();
    assert.equal(await shop.locator('.action-label[aria-label^="Rebuild"]').count(), 0, 'nothing to rebuild into: no container was run');
    await openFile(page, 'src/server.js');
    await page.locator('.monaco-editor .codelens-decoration', { hasText: /GET \/health → not probed: not running/ }).first().waitFor({ timeout: CHECK_TIMEOUT_MS });
    assert.doesNotMatch(await codeLensText(page), /Rebuild|Recreate|Start/);
    await screenshot(page, SHOTS, '1-dockerfile-not-running');
  });

  test('built and run by hand as the README says: in sync, the route live in the CodeLens', async () => {
    await docker(['build', '-t', tag, '--label', `${LABEL}=${unique}`, '.'], dir);
    await docker(['run', '-d', '--name', container, '--network', 'host', '-e', 'GREETING=hello', tag]);
    assert.ok(await waitFor(async () => (await loopbackGet(port, '/health')).status === 200), 'the container answers');
    await runCommand(page, 'Runtime Drift: Check Runtime');
    await waitForText(page, /Runtime in sync/, CHECK_TIMEOUT_MS, '.part.statusbar');
    await page.locator('.monaco-editor .codelens-decoration', { hasText: /GET \/health → 200 in runtime/ }).first().waitFor({ timeout: CHECK_TIMEOUT_MS });
    await screenshot(page, SHOTS, '2-dockerfile-in-sync');
  });

  test('a new build of the tag leaves the container stale: Recreate is the main button, and it makes the container again and verifies it', async () => {
    await writeFile(path.join(dir, 'src', 'server.js'), serverFile(port, ['/health', '/orders']));
    await docker(['build', '-t', tag, '--label', `${LABEL}=${unique}`, '.'], dir);
    const before = await docker(['inspect', '--format', '{{.Id}}', container]);
    await runCommand(page, 'Runtime Drift: Check Runtime');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /drifted/ }).first();
    await toast.waitFor({ timeout: CHECK_TIMEOUT_MS });
    const buttons = await toast.locator('.monaco-button').allInnerTexts();
    assert.equal(buttons[0]?.trim(), 'Recreate shop', `buttons: ${buttons.join(' | ')}`);
    await page.locator('.monaco-editor .codelens-decoration', { hasText: /GET \/orders → 404 in runtime · container is stale/ }).first().waitFor({ timeout: CHECK_TIMEOUT_MS });
    await screenshot(page, SHOTS, '3-dockerfile-stale');
    await toast.locator('.monaco-button', { hasText: 'Recreate shop' }).click();
    await page.locator('.monaco-editor .codelens-decoration', { hasText: /GET \/orders → 200 in runtime/ }).first().waitFor({ timeout: RECREATE_TIMEOUT_MS });
    await waitForText(page, /Runtime in sync/, CHECK_TIMEOUT_MS, '.part.statusbar');
    await waitForText(page, /shop recreated and verified/, CHECK_TIMEOUT_MS, '.notifications-toasts');
    assert.equal((await loopbackGet(port, '/orders')).status, 200, 'the new route is served');
    // Made again, not restarted: a new container under the same name, with the options it was run with.
    const after = (await docker(['inspect', '--format', '{{.Id}}|{{.HostConfig.NetworkMode}}|{{json .Config.Env}}', container])).split('|');
    assert.notEqual(after[0], before);
    assert.equal(after[1], 'host');
    assert.match(after[2] ?? '', /"GREETING=hello"/);
    await screenshot(page, SHOTS, '4-dockerfile-recreated');
  });
});

async function waitFor(ok: () => Promise<boolean>, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ok().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}
