// A Dockerfile whose built stage sets no WORKDIR, FROM a base image of a company's own that sets
// one (the Dockerfile cannot show it), on a real engine with the real compose CLI: the mapping
// takes Docker's default "/", the container's image works in /srv/app, and the check looks for
// the service's files where the image put them (its WORKDIR), saying so; a file changed in the
// workspace afterwards is seen as not in the container.
import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './support/dockerCli';
import { runtimeDrift as cli } from './support/runtimeDriftCli';
import { cleanupProject } from './support/cleanupProject';
import { uniqueProjectName } from './support/projectNames';
import { BUSYBOX_NODE, buildImage } from './support/buildImage';
import type { Report, ServiceReport } from '../../src/core/model';

suite("a base image's own WORKDIR, which the Dockerfile does not show (real engine, real CLI)", () => {
  let dir = '';
  const project = uniqueProjectName('rdbasewd');
  const env = { COMPOSE_PROJECT_NAME: project };
  const base = `${project}-base:1`;

  suiteSetup(async () => {
    await buildImage({ tag: base, project, files: { Dockerfile: `FROM ${BUSYBOX_NODE}\nWORKDIR /srv/app\n` } });
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-basewd-'));
    await writeFile(path.join(dir, 'Dockerfile'), `FROM ${base}\nCOPY src ./src\nCMD ["node", "src/index.js"]\n`);
    await writeFile(path.join(dir, 'package.json'), '{ "name": "app", "main": "src/index.js" }\n');
    await mkdir(path.join(dir, 'src'));
    await writeFile(path.join(dir, 'src', 'index.js'), 'setInterval(() => {}, 1000);\n');
    await writeFile(path.join(dir, 'src', 'util.js'), 'module.exports = 1;\n');
    await writeFile(path.join(dir, 'compose.yaml'), ['services:', '  api:', '    build: .', '    network_mode: none', ''].join('\n'));
    await runCli('docker-compose', ['up', '-d', '--build'], { cwd: dir, env: { ...env, DOCKER_BUILDKIT: '0' }, timeoutMs: 300_000, check: true });
  });

  suiteTeardown(async () => {
    await cleanupProject(project);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const api = async (): Promise<ServiceReport> => {
    const run = await cli(['check', '--workspace', dir, '--json', '--no-probe'], env);
    const found = (JSON.parse(run.stdout) as Report).services.find((s) => s.name === 'api');
    assert.ok(found, run.stdout + run.stderr);
    return found;
  };

  test("the files are looked for in the image's WORKDIR, and the check says why", async () => {
    const report = await api();
    assert.equal(report.container?.state, 'running');
    assert.equal(report.mapping?.target, '/srv/app/src');
    assert.ok(report.mapping?.evidence.some((e) => e.includes('works in /srv/app')), report.mapping?.evidence.join('\n'));
    assert.ok(report.warnings.some((w) => /taken as \/, but the image of container .* works in \/srv\/app, so its files are looked for in \/srv\/app\/src, not \/src/.test(w)), report.warnings.join('\n'));
    assert.equal(report.verdict, 'in-sync', report.summary);
  });

  test('a file added in the workspace after the build is not in the container', async () => {
    await writeFile(path.join(dir, 'src', 'workflow.js'), 'module.exports = 2;\n');
    const report = await api();
    assert.equal(report.verdict, 'drift', report.summary);
    assert.match(report.summary, /1 file\(s\) not in the running container \(src\/workflow\.js\)/);
  });
});
