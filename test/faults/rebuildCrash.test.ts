// A rebuild whose new container does not stay up says so, and names the image that ran before
// and how to go back to it; the named commands do go back.
import * as assert from 'node:assert/strict';
import { assertBounded, assertNoInternalError, runCli } from './support/cli';
import { BUILD_ENV } from './support/processes';
import { appWorkspace } from './support/workspace';
import type { Workspace } from './support/workspace';
import { cleanupProject } from '../engine/support/cleanupProject';
import { dockerCli, runCli as runCommand } from '../engine/support/dockerCli';
import { detectComposeCli } from '../fixtures/incident/driver.mjs';

const KEEPS_RUNNING = 'CMD ["node", "-e", "setInterval(() => {}, 1000)"]';
const CRASHES = 'CMD ["node", "-e", "process.exit(3)"]';

suite('rebuild that does not stay up', () => {
  let ws: Workspace | undefined;
  teardown(async () => {
    if (ws) await cleanupProject(ws.project);
    ws?.remove();
    ws = undefined;
  });

  test('the new container exits at once: exit 1, "does not stay up", the old image and the commands back to it', async () => {
    ws = appWorkspace('crash', `FROM runtime-drift/node:busybox\nCOPY src /app\n${KEEPS_RUNNING}\n`);
    const project = ws.project;
    const [cmd, ...base] = await detectComposeCli();
    const compose = (args: string[]) => runCommand(cmd as string, [...base, ...args], { cwd: ws?.dir, env: BUILD_ENV, timeoutMs: 300_000 });
    const up = await compose(['up', '-d', '--build', 'app']);
    assert.equal(up.code, 0, up.stderr);
    const ps = async () => (await dockerCli(['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Image}} {{.State}}'], { check: true })).stdout.trim();
    const worked = (await dockerCli(['ps', '-q', '--no-trunc', '--filter', `label=com.docker.compose.project=${project}`], { check: true })).stdout.trim();
    const workedImage = (await dockerCli(['inspect', '--format', '{{.Image}}', worked], { check: true })).stdout.trim();

    ws.write('app/Dockerfile', `FROM runtime-drift/node:busybox\nCOPY src /app\n${CRASHES}\n`);
    const run = await runCli(['rebuild', 'app', '--workspace', ws.dir], { boundMs: 240_000, env: BUILD_ENV });
    assertBounded(run, 240_000);
    assertNoInternalError(run);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    // A DOCKER_HOST the test runs with is named before each command, as the CLI shows it to a user.
    const label = [cmd, ...base].join(' ');
    const back = new RegExp(`does not stay up \\(exited\\).*the image that ran before is ${workedImage.slice(7, 19)}: go back with \`(?:DOCKER_HOST=\\S+ )?docker tag ${workedImage} (\\S+) && (?:DOCKER_HOST=\\S+ )?${label} up -d app\``);
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
