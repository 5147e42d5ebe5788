import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectComposeCli, runCompose } from '../../src/engine/composeCli';
import type { ComposeCli } from '../../src/engine/composeCli';
import { uniqueProjectName } from './support/projectNames';

suite('compose CLI on this machine', () => {
  let dir = '';
  let cli: ComposeCli | undefined;
  const project = () => ({ name: uniqueProjectName('rd-compose'), dir, composeFiles: [join(dir, 'compose.yaml')] });

  suiteSetup(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rd-compose-'));
    writeFileSync(join(dir, 'compose.yaml'), 'version: "3.8"\nservices:\n  api:\n    image: runtime-drift/node:distroless\n  worker:\n    image: runtime-drift/node:distroless\n');
    cli = await detectComposeCli();
  });
  suiteTeardown(() => rmSync(dir, { recursive: true, force: true }));

  test('a compose CLI is detected (engine-setup installs docker-compose)', () => {
    assert.ok(cli, 'neither `docker compose` nor `docker-compose` answered');
    assert.match(cli.version, /^\d+\.\d+\.\d+/);
  });

  test('runCompose streams the output and resolves with exit code 0', async () => {
    assert.ok(cli);
    let output = '';
    const result = await runCompose(cli, project(), ['config', '--services'], { onOutput: (chunk) => (output += chunk) });
    assert.equal(result.code, 0);
    assert.deepEqual(output.trim().split('\n').sort(), ['api', 'worker']);
  });

  test('a failing command resolves with its non-zero code and its stderr reaches onOutput', async () => {
    assert.ok(cli);
    let output = '';
    const broken = { ...project(), composeFiles: [join(dir, 'missing.yaml')] };
    const result = await runCompose(cli, broken, ['config'], { onOutput: (chunk) => (output += chunk) });
    assert.notEqual(result.code, 0);
    assert.match(output, /missing\.yaml/);
  });

  test('extra env reaches the CLI (interpolation sees it)', async () => {
    assert.ok(cli);
    const file = join(dir, 'env.yaml');
    writeFileSync(file, 'version: "3.8"\nservices:\n  api:\n    image: "rd-${RD_TEST_TAG}"\n');
    let output = '';
    const result = await runCompose(cli, { ...project(), composeFiles: [file] }, ['config'], {
      onOutput: (chunk) => (output += chunk),
      env: { RD_TEST_TAG: 'from-env' },
    });
    assert.equal(result.code, 0);
    assert.match(output, /image: rd-from-env/);
  });

  test('aborting stops the CLI and rejects with the reason', async () => {
    assert.ok(cli);
    const controller = new AbortController();
    // Aborted right after spawning: the caller must not wait for the CLI to finish.
    const pending = runCompose(cli, project(), ['config'], { onOutput: () => undefined, signal: controller.signal });
    controller.abort(new Error('user cancelled'));
    await assert.rejects(pending, /user cancelled/);
  });
});
