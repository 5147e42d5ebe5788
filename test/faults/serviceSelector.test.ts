// Naming one service of variant stacks on the command line: stacks of one folder, each a variant
// file, share the folder's project name; the label the views show (`project/name (file)`) names
// one of them, and a rebuild refuses a name that several share, listing how each is written.
import * as assert from 'node:assert/strict';
import { assertBounded, assertNoInternalError, runCli } from './support/cli';
import { createWorkspace } from './support/workspace';
import type { Workspace } from './support/workspace';
import type { Report } from '../../src/core/model';

const BOUND_MS = 15_000;
/** Bad arguments (README, exit codes). */
const USAGE = 2;

suite('--service with variant stacks', () => {
  let ws: Workspace | undefined;
  teardown(() => ws?.remove());

  test("the label `project/name (file)` checks that stack's service alone; `project/name` checks each; rebuild refuses it, listing both labels", async () => {
    ws = createWorkspace('variants');
    ws.write('docker-compose.full.yml', 'services:\n  director:\n    image: runtime-drift/never-built-full:1\n  mongo:\n    image: runtime-drift/never-built-mongo:1\n');
    ws.write('docker-compose.minio.yml', 'services:\n  director:\n    image: runtime-drift/never-built-minio:1\n');
    const check = async (selector: string) => {
      const run = await runCli(['check', '--workspace', ws?.dir ?? '', '--json', '--no-probe', '--service', selector], { boundMs: BOUND_MS });
      assertBounded(run, BOUND_MS);
      assertNoInternalError(run);
      return (JSON.parse(run.stdout) as Report).services.map((s) => `${s.name} ${s.stackFile ?? ''} ${s.image.ref ?? ''}`);
    };
    const p = ws.project;
    assert.deepEqual(await check(`${p}/director (docker-compose.minio.yml)`), ['director docker-compose.minio.yml runtime-drift/never-built-minio:1']);
    assert.deepEqual(await check(`${p}/director (docker-compose.full.yml)`), ['director docker-compose.full.yml runtime-drift/never-built-full:1']);
    assert.deepEqual((await check(`${p}/director`)).length, 2);
    const rebuild = await runCli(['rebuild', `${p}/director`, '--workspace', ws.dir], { boundMs: BOUND_MS });
    assertNoInternalError(rebuild);
    assert.equal(rebuild.code, USAGE, rebuild.stderr);
    assert.match(rebuild.stderr, new RegExp(`names more than one service \\(${p}/director \\(docker-compose\\.full\\.yml\\), ${p}/director \\(docker-compose\\.minio\\.yml\\)\\)`));
  });
});
