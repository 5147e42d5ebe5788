// A service whose image no compose service builds: the project's README says how
// (`docker build -t <image> -f docker/Dockerfile .`). On a real engine with the real compose CLI:
// nothing built, `runtime-drift rebuild app` runs that build itself (our own argument list, in
// the README's folder, shown before it runs), starts the service and verifies it; a README whose
// build context is outside the workspace is refused and nothing runs (no build, no pull).
import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { dockerCli } from './support/dockerCli';
import { runtimeDrift as cli } from './support/runtimeDriftCli';
import { cleanupProject } from './support/cleanupProject';
import { uniqueProjectName } from './support/projectNames';
import { BUSYBOX_NODE } from './support/buildImage';
import type { Report } from '../../src/core/model';
import type { RebuildResult } from '../../src/core/rebuild';

suite('an image built outside compose, as the README says (real engine, real CLI)', () => {
  let root = '';
  const project = uniqueProjectName('rddocbuild');
  const env = { COMPOSE_PROJECT_NAME: project };
  const image = `${project}/app:latest`;
  // Its own project: the first test's container must not stand in the second's way.
  const awayProject = uniqueProjectName('rddocaway');
  const away = `${awayProject}/app:latest`;

  /** A workspace: compose.yaml running `tag`, and a README saying `docker build -t tag <context>`. */
  async function workspace(name: string, tag: string, context: string): Promise<string> {
    const dir = path.join(root, name);
    await mkdir(path.join(dir, 'src'), { recursive: true });
    await mkdir(path.join(dir, 'docker'));
    await writeFile(path.join(dir, 'docker', 'Dockerfile'), `FROM ${BUSYBOX_NODE}\nARG GREETING\nWORKDIR /app\nCOPY src/ /app/src/\nCMD ["node", "-e", "setTimeout(() => {}, 1e9)"]\n`);
    await writeFile(path.join(dir, 'src', 'worker.js'), 'setInterval(() => {}, 1000);\n');
    await writeFile(path.join(dir, 'README.md'), ['# App', '', 'Build the image first:', '', '```sh', `docker build -t ${tag} -f docker/Dockerfile --build-arg GREETING=hello ${context}`, 'docker compose up -d', '```', ''].join('\n'));
    await writeFile(path.join(dir, 'compose.yaml'), ['services:', '  app:', `    image: ${tag}`, '    network_mode: none', '    x-runtime-drift: { source: ./src, target: /app/src }', ''].join('\n'));
    return dir;
  }

  suiteSetup(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'rd-docbuild-'));
  });

  suiteTeardown(async () => {
    await cleanupProject(project);
    await cleanupProject(awayProject);
    if (root) await rm(root, { recursive: true, force: true });
  });

  test('missing: the check names the README command; rebuild runs our docker build in the README folder, starts the service and verifies it', async () => {
    const dir = await workspace('inside', image, '.');
    const before = (JSON.parse((await cli(['check', '--workspace', dir, '--json', '--no-probe'], env)).stdout) as Report).services.find((s) => s.name === 'app');
    assert.ok(before, 'app is reported');
    assert.match(before.fix ?? '', /as README\.md:6 says\): docker build -t \S+ -f docker\/Dockerfile --build-arg GREETING=hello \. && docker(-| )compose up -d app/);
    assert.deepEqual(before.action?.imageBuild, { dir: '.', args: ['build', `--tag=${image}`, '--file=docker/Dockerfile', '--build-arg=GREETING=hello', '.'] });

    const run = await cli(['rebuild', 'app', '--workspace', dir, '--json'], env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const result = JSON.parse(run.stdout) as RebuildResult;
    assert.equal(result.verified, true, result.message);
    // Shown before it ran, and before compose's up.
    const shown = run.stderr.indexOf(`$ docker build --tag=${image} --file=docker/Dockerfile --build-arg=GREETING=hello .\n`);
    assert.ok(shown >= 0 && shown < run.stderr.search(/\$ docker(-| )compose up -d app/), run.stderr);
    assert.equal((await dockerCli(['image', 'inspect', '--format', '{{.Id}}', image])).code, 0, 'the image was built');

    const after = (JSON.parse((await cli(['check', '--workspace', dir, '--json', '--no-probe'], env)).stdout) as Report).services.find((s) => s.name === 'app');
    assert.equal(after?.container?.state, 'running');
    assert.equal(after?.verdict, 'in-sync', after?.summary);
  });

  test('a README build whose context is outside the workspace: rebuild refuses with the reason and runs nothing', async () => {
    const dir = await workspace('outside', away, '..');
    const awayEnv = { COMPOSE_PROJECT_NAME: awayProject };
    const check = (JSON.parse((await cli(['check', '--workspace', dir, '--json', '--no-probe'], awayEnv)).stdout) as Report).services.find((s) => s.name === 'app');
    assert.equal(check?.action, null, 'no Start or Pull offered');
    assert.match(check?.fix ?? '', /docker build -t \S+ -f docker\/Dockerfile --build-arg GREETING=hello \.\. && /, 'the fix still names the command');
    const run = await cli(['rebuild', 'app', '--workspace', dir, '--json'], awayEnv);
    assert.notEqual(run.code, 0);
    const result = JSON.parse(run.stdout) as RebuildResult;
    assert.match(result.message, /whose \.\. is outside the workspace: Runtime Drift does not run it, and ran nothing/);
    assert.equal(result.upCode, null);
    assert.doesNotMatch(run.stderr, /^\$ /m, 'no command was run');
    assert.notEqual((await dockerCli(['image', 'inspect', away])).code, 0, 'no image was built');
    const containers = await dockerCli(['ps', '-aq', '--filter', `label=com.docker.compose.project=${awayProject}`]);
    assert.equal(containers.stdout.trim(), '', 'no container was made');
  });
});
