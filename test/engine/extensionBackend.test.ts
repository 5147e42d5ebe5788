// The extension's engine side on a real engine: what the editor asks beyond the ladder.
import * as assert from 'node:assert/strict';
import { createExtensionBackend } from '../../src/engine/extensionBackend';
import type { ExtensionBackend } from '../../src/engine/extensionBackend';
import { BUSYBOX_NODE, DISTROLESS_NODE } from './support/buildImage';
import { cleanupProject } from './support/cleanupProject';
import { dockerCli } from './support/dockerCli';
import { uniqueProjectName } from './support/projectNames';

suite('extension backend on a real engine', () => {
  const project = uniqueProjectName('rdbackend');
  let runtime: ExtensionBackend;

  async function run(image: string, service: string): Promise<string> {
    const res = await dockerCli(
      ['run', '-d', '--network', 'host', '--label', `com.docker.compose.project=${project}`, '--label', `com.docker.compose.service=${service}`, image, 'node', '-e', 'setTimeout(() => {}, 1e9)'],
      { check: true },
    );
    return res.stdout.trim();
  }

  suiteSetup(() => {
    runtime = createExtensionBackend({ engineHost: '', probeTimeoutMs: 1000, env: process.env, log: { log: () => undefined } });
  });

  suiteTeardown(async () => {
    await runtime?.close();
    await cleanupProject(project);
  });

  test('hasShell: true for an image with busybox sh, false for a distroless one (no exec needed to tell)', async () => {
    const withShell = await run(BUSYBOX_NODE, 'shell');
    const without = await run(DISTROLESS_NODE, 'distroless');
    assert.equal(await runtime.hasShell(withShell), true);
    assert.equal(await runtime.hasShell(without), false);
  });
});
