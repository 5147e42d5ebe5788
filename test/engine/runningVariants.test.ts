// The stack a user runs from other compose files than the folder's own, on a real engine with the
// real CLI: `docker-compose -f compose.yaml -f docker-compose.dev.yml up` is judged against both
// files (no config drift from the dev file's values), and a variant run under a name of its own
// (`-p <project>-build`) is a stack of its own; a rebuild of the name both share is refused.
import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './support/dockerCli';
import { runtimeDrift as cli } from './support/runtimeDriftCli';
import { cleanupProject } from './support/cleanupProject';
import { uniqueProjectName } from './support/projectNames';
import { DISTROLESS_NODE } from './support/buildImage';
import type { Report } from '../../src/core/model';

const SERVICE = (extra: string) =>
  ['services:', '  api:', `    image: ${DISTROLESS_NODE}`, '    command: ["node", "-e", "setTimeout(() => {}, 1e9)"]', '    network_mode: none', extra, ''].join('\n');

suite('stacks run from variant compose files beside the base file (real engine, real CLI)', () => {
  let dir = '';
  const project = uniqueProjectName('rdvariant');
  const built = `${project}-build`;
  const env = { COMPOSE_PROJECT_NAME: project };

  suiteSetup(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-variant-'));
    await writeFile(path.join(dir, 'compose.yaml'), SERVICE('    environment: { MODE: base }'));
    await writeFile(path.join(dir, 'docker-compose.dev.yml'), 'services:\n  api:\n    environment: { MODE: dev }\n');
    await writeFile(path.join(dir, 'docker-compose.build.yml'), SERVICE('    environment: { MODE: build }'));
    const compose = (args: string[], extraEnv: Record<string, string> = {}) => runCli('docker-compose', args, { cwd: dir, env: extraEnv, timeoutMs: 180_000, check: true });
    await compose(['-f', 'compose.yaml', '-f', 'docker-compose.dev.yml', 'up', '-d'], env);
    // Its own name (compose v1 reads no `name:` field; -p is the same to the engine).
    await compose(['-p', built, '-f', 'docker-compose.build.yml', 'up', '-d']);
  });

  suiteTeardown(async () => {
    await cleanupProject(project);
    await cleanupProject(built);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('each stack is judged against the files it runs from', async () => {
    const run = await cli(['check', '--workspace', dir, '--json', '--no-probe'], env);
    const report = JSON.parse(run.stdout) as Report;
    const byKey = new Map(report.services.map((s) => [`${s.project}/${s.name}`, s]));
    const dev = byKey.get(`${project}/api`);
    const build = byKey.get(`${built}/api`);
    assert.ok(dev && build, `services: ${[...byKey.keys()].join(', ')}\n${run.stderr}`);
    assert.equal(dev.container?.state, 'running');
    assert.deepEqual(dev.configDrift, [], 'judged against compose.yaml alone, MODE would differ');
    assert.equal(build.container?.state, 'running');
    assert.deepEqual(build.configDrift, []);
  });

  test('a rebuild of the name both stacks have is refused before compose runs; the project/service form is understood', async () => {
    const bare = await cli(['rebuild', 'api', '--workspace', dir, '--json'], env);
    assert.equal(bare.code, 2, bare.stdout + bare.stderr);
    assert.match(bare.stderr, new RegExp(`api names more than one service \\(${project}/api, ${built}/api\\): name one of them as listed`));
    assert.doesNotMatch(bare.stderr, /\n\s+at /, 'no stack trace');
    const scoped = await cli(['check', '--workspace', dir, '--json', '--no-probe', '--service', `${built}/api`], env);
    assert.deepEqual((JSON.parse(scoped.stdout) as Report).services.map((s) => `${s.project}/${s.name}`), [`${built}/api`]);
  });
});
