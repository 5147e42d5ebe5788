// Container listings that do not end on their own: a `find` that floods (a target holding a
// million files) and one that never answers. Each ends in bounded time with one line naming
// what to do, exit 2 (could not check), and no helper or process of ours left behind.
import * as assert from 'node:assert/strict';
import { assertBounded, assertNoInternalError, runCli } from './support/cli';
import { createWorkspace } from './support/workspace';
import type { Workspace } from './support/workspace';
import { cleanupProject } from '../engine/support/cleanupProject';
import { dockerCli } from '../engine/support/dockerCli';

/** find stand-ins: the listing runs `find <root>/ ... -exec stat ...`; these ignore their arguments. */
const FLOOD = `#!/bin/sh
exec node -e "const b = Buffer.from(Array.from({ length: 10000 }, (_, i) => '81a4 10 /app/f' + i).join('\\\\n') + '\\\\n'); const w = () => { while (process.stdout.write(b)); process.stdout.once('drain', w); }; w();"
`;
const HANG = `#!/bin/sh
exec sleep 100000
`;

async function imageWithFind(tag: string, script: string, ws: Workspace): Promise<void> {
  ws.write('find-image/find', script);
  ws.write('find-image/Dockerfile', 'FROM runtime-drift/node:busybox\nCOPY find /bin/find.fake\nRUN chmod +x /bin/find.fake && rm /bin/find && mv /bin/find.fake /bin/find\n');
  await dockerCli(['build', '-q', '-t', tag, `${ws.dir}/find-image`], { check: true });
}

async function runningService(ws: Workspace, image: string): Promise<void> {
  ws.write('compose.yaml', `services:\n  api:\n    image: ${image}\n    network_mode: host\n    x-runtime-drift:\n      source: src\n      target: /app\n`);
  ws.write('src/main.ts', 'export {};\n');
  await dockerCli(
    ['run', '-d', '--network', 'host', '--label', `com.docker.compose.project=${ws.project}`, '--label', 'com.docker.compose.service=api', image, 'node', '-e', 'setInterval(() => {}, 1000)'],
    { check: true },
  );
}

suite('container listings that do not end', () => {
  let ws: Workspace | undefined;
  const tags: string[] = [];
  teardown(async () => {
    if (ws) await cleanupProject(ws.project);
    ws?.remove();
    ws = undefined;
    for (const t of tags.splice(0)) await dockerCli(['rmi', '-f', t]);
  });

  test('a listing that floods (a million files under the target) is stopped at 500,000 entries: exit 2, one line, memory bounded', async () => {
    ws = createWorkspace('flood');
    const tag = `${ws.project}-flood:latest`;
    tags.push(tag);
    await imageWithFind(tag, FLOOD, ws);
    await runningService(ws, tag);
    const run = await runCli(['check', '--workspace', ws.dir, '--no-probe'], { boundMs: 90_000 });
    assertBounded(run, 90_000);
    assertNoInternalError(run);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stdout, /the listing of \/app passed 500,000 entries and was stopped: point x-runtime-drift\.target at the folder that holds the build output/);
    assert.ok(run.peakRssKb < 600 * 1024, `peak memory ${Math.round(run.peakRssKb / 1024)} MB`);
  });

  test('a listing that never answers (find hangs) ends at the 60 s listing bound: exit 2, one line', async () => {
    ws = createWorkspace('hangfind');
    const tag = `${ws.project}-hang:latest`;
    tags.push(tag);
    await imageWithFind(tag, HANG, ws);
    await runningService(ws, tag);
    const run = await runCli(['check', '--workspace', ws.dir, '--no-probe'], { boundMs: 120_000 });
    assertBounded(run, 120_000);
    assertNoInternalError(run);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stdout, /did not answer within 60 s \(list \/app in container [0-9a-f]{12}\)/);
  });
});
