// A rebuild whose new container does not stay up says so, and names the image that ran before
// and how to go back to it; the named commands do go back.
import * as assert from 'node:assert/strict';
import { assertBounded, assertNoInternalError, runCli } from './support/cli';
import { createWorkspace } from './support/workspace';
import type { Workspace } from './support/workspace';
import { cleanupProject } from '../engine/support/cleanupProject';
import { dockerCli, runCli as runCommand } from '../engine/support/dockerCli';
import { detectComposeCli } from '../fixtures/incident/driver.mjs';

const KEEPS_RUNNING = 'CMD ["node", "-e", "setInterval(() => {}, 1000)"]';
const CRASHES = 'CMD ["node", "-e", "process.exit(3)"]';

suite('rebuild that does not stay up', () => {
  let ws: Workspace | undefined;
  let project = '';
  teardown(async () => {
    if (project) await cleanupProject(project);
    ws?.remove();
    ws = undefined;
  });

  test('the new container exits at once: exit 1, "does not stay up", the old image and the commands back to it', async () => {
    ws = createWorkspace('crash');
    project = ws.dir.split('/').pop()?.toLowerCase() as string;
    ws.write('compose.yaml', 'services:\n  app:\n    build: ./app\n    network_mode: host\n    x-runtime-drift:\n      source: app/src\n      target: /app\n');
    ws.write('app/src/main.ts', 'export {};\n');
    ws.write('app/Dockerfile', `FROM runtime-drift/node:busybox\nCOPY src /app\n${KEEPS_RUNNING}\n`);
    const [cmd, ...base] = await detectComposeCli();
    const compose = (args: string[]) => runCommand(cmd as string, [...base, ...args], { cwd: ws?.dir, env: { DOCKER_BUILDKIT: '0', COMPOSE_DOCKER_CLI_BUILD: '0' }, timeoutMs: 300_000 });
    const up = await compose(['up', '-d', '--build', 'app']);
    assert.equal(up.code, 0, up.stderr);
    const ps = async () => (await dockerCli(['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Image}} {{.State}}'], { check: true })).stdout.trim();
    const worked = (await dockerCli(['ps', '-q', '--no-trunc', '--filter', `label=com.docker.compose.project=${project}`], { check: true })).stdout.trim();
    const workedImage = (await dockerCli(['inspect', '--format', '{{.Image}}', worked], { check: true })).stdout.trim();

    ws.write('app/Dockerfile', `FROM runtime-drift/node:busybox\nCOPY src /app\n${CRASHES}\n`);
    const run = await runCli(['rebuild', 'app', '--workspace', ws.dir], { boundMs: 240_000, env: { DOCKER_BUILDKIT: '0', COMPOSE_DOCKER_CLI_BUILD: '0' } });
    assertBounded(run, 240_000);
    assertNoInternalError(run);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const label = [cmd, ...base].join(' ');
    const back = new RegExp(`does not stay up \\(exited\\).*the image that ran before is ${workedImage.slice(7, 19)}: go back with \`docker tag ${workedImage} (\\S+) && ${label} up -d app\``);
    const m = back.exec(run.stdout);
    assert.ok(m, run.stdout);
    assert.doesNotMatch(run.stdout.split('\n').filter((l) => l.startsWith('✗')).join('\n'), /start the container/);

    // The commands it names go back to the image that worked.
    await dockerCli(['tag', workedImage, m[1] as string], { check: true });
    assert.equal((await compose(['up', '-d', 'app'])).code, 0);
    await new Promise((r) => setTimeout(r, 1500));
    assert.match(await ps(), /running/);
  });
});
