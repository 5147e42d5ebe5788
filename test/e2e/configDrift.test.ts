/// <reference lib="dom" />
// Config drift seen in a real VS Code (code-server + Chromium) on a real engine: the compose file
// itself carries the badge on the line whose value the running container does not have, and the
// service line offers Recreate; recreating clears both.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startCodeServer, repoRoot } from './harness/codeServer';
import type { CodeServer } from './harness/codeServer';
import { openFile, openWorkbench, runCommand, screenshot, waitForText } from './harness/browser';
import type { Workbench } from './harness/browser';
import { packageVsix } from './harness/vsix';
import { runCli } from '../engine/support/dockerCli';
import { cleanupProject } from '../engine/support/cleanupProject';
import { uniqueProjectName } from '../engine/support/projectNames';
import { DISTROLESS_NODE } from '../engine/support/buildImage';
import { freeLoopbackPort } from '../engine/support/runtimeDriftCli';

const SHOTS = path.join(repoRoot, 'test-results', 'e2e', 'config-drift');
const TIMEOUT_MS = 90_000;

const SERVER = `require('node:http').createServer((req, res) => res.end(process.env.FEATURE_WORKFLOW)).listen(Number(process.env.PORT), '127.0.0.1');\n`;

function compose(port: number, feature: string): string {
  return [
    'services:',
    '  api:',
    '    build: ./api',
    '    network_mode: host',
    '    environment:',
    `      PORT: "${port}"`,
    `      FEATURE_WORKFLOW: "${feature}"`,
    '    x-runtime-drift:',
    `      baseUrl: http://127.0.0.1:${port}`,
    '',
  ].join('\n');
}

async function lensText(page: Page): Promise<string> {
  return (await page.locator('.monaco-editor .codelens-decoration').allInnerTexts()).join('\n');
}

suite('config drift in a real VS Code: the compose file shows what the container was created with', () => {
  let dir = '';
  let server: CodeServer;
  let wb: Workbench;
  const project = uniqueProjectName('rdcfge2e');
  const env = { COMPOSE_PROJECT_NAME: project };

  suiteSetup(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-config-e2e-'));
    const port = await freeLoopbackPort();
    await mkdir(path.join(dir, 'api'));
    await writeFile(path.join(dir, 'api', 'server.js'), SERVER);
    await writeFile(path.join(dir, 'api', 'Dockerfile'), `FROM ${DISTROLESS_NODE}\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n`);
    // COMPOSE_PROJECT_NAME in .env: compose and the extension find the same project.
    await writeFile(path.join(dir, '.env'), `COMPOSE_PROJECT_NAME=${project}\n`);
    await writeFile(path.join(dir, 'compose.yaml'), compose(port, 'off'));
    const up = await runCli('docker-compose', ['up', '-d', '--build'], { cwd: dir, env: { ...env, DOCKER_BUILDKIT: '0' }, timeoutMs: 300_000 });
    assert.equal(up.code, 0, up.stderr);
    // The incident's everyday cousin: the flag turned on in compose.yaml, the container not recreated.
    await writeFile(path.join(dir, 'compose.yaml'), compose(port, 'on'));
    const vsix = path.join(repoRoot, 'runtime-drift.vsix');
    if (!existsSync(vsix)) await packageVsix(repoRoot, vsix);
    server = await startCodeServer({ vsix, workspace: dir, env });
    wb = await openWorkbench(server.url, dir, { screenshotsDir: SHOTS });
  });

  suiteTeardown(async () => {
    await wb?.close();
    await server?.stop();
    await cleanupProject(project);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the changed line has the config badge, the service line "config differs" and Recreate', async () => {
    const page = wb.page;
    await openFile(page, 'compose.yaml');
    await page.locator('.monaco-editor .codelens-decoration', { hasText: /config differs from compose/ }).first().waitFor({ timeout: TIMEOUT_MS });
    const lenses = await lensText(page);
    assert.match(lenses, /config differs from compose: environment\.FEATURE_WORKFLOW/);
    assert.match(lenses, /Recreate api/);
    const glyphs = page.locator('.monaco-editor .glyph-margin-widgets .cgmr, .monaco-editor .margin-view-overlays .cgmr');
    await glyphs.first().waitFor({ timeout: TIMEOUT_MS });
    const images = await glyphs.evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundImage));
    assert.ok(images.some((img) => /gutter-config\.svg/.test(img)), `gutter images: ${images.join(', ')}`);
    // The badge stands on line 7, FEATURE_WORKFLOW's: the glyph's row is the 7th line's.
    const badgeTop = await glyphs.first().evaluate((el) => (el.closest('[style*="top"]') as HTMLElement | null)?.style.top ?? '');
    const lineTop = await page.locator('.monaco-editor .view-line', { hasText: 'FEATURE_WORKFLOW' }).first().evaluate((el) => (el as HTMLElement).style.top);
    assert.equal(badgeTop, lineTop, 'the badge is on the FEATURE_WORKFLOW line');
    await screenshot(page, SHOTS, '1-compose-config-badge');
    // Its hover (on the line's text, where VS Code shows a decoration's hover): both values, and Recreate as a link.
    await page.locator('.monaco-editor .view-line', { hasText: 'FEATURE_WORKFLOW' }).first().locator('span span').first().hover();
    const hover = page.locator('.monaco-hover', { hasText: /older compose configuration/ }).first();
    await hover.waitFor({ timeout: 20_000 });
    const text = await hover.innerText();
    assert.match(text, /environment\.FEATURE_WORKFLOW: compose says on, the container has off/);
    assert.match(text, /Recreate api/);
    await screenshot(page, SHOTS, '1b-compose-config-hover');
    await page.mouse.move(0, 0);
    // The same line in the Problems panel, with Recreate as its quick fix.
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    try {
      await waitForText(page, /created from an older compose configuration/, TIMEOUT_MS, '.part.panel');
      const problems = await page.locator('.part.panel').innerText();
      assert.match(problems, /api: the container was created from an older compose configuration — environment\.FEATURE_WORKFLOW: compose says `on`, container has `off` — fix: Recreate api/);
      assert.match(problems, /config-differs/);
    } finally {
      await runCommand(page, 'View: Hide Panel');
    }
  });

  test('Recreate from the CodeLens: the container gets the new value, the badge and the lens go', async () => {
    const page = wb.page;
    await page.locator('.monaco-editor .codelens-decoration a', { hasText: /Recreate api/ }).first().click();
    await page.waitForFunction(
      () => !Array.from(document.querySelectorAll('.monaco-editor .codelens-decoration')).some((el) => /config differs/.test(el.textContent ?? '')),
      undefined,
      { timeout: 180_000 },
    );
    const inspect = await runCli('docker', ['ps', '-q', '--filter', `label=com.docker.compose.project=${project}`]);
    const id = inspect.stdout.trim().split('\n')[0] ?? '';
    const envOf = await runCli('docker', ['inspect', '--format', '{{json .Config.Env}}', id]);
    assert.match(envOf.stdout, /FEATURE_WORKFLOW=on/);
    await screenshot(page, SHOTS, '2-compose-after-recreate');
  });
});
