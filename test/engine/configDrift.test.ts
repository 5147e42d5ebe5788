// Config drift on a real engine, judged by the real CLI (dist/cli.js): a container created from an
// older compose configuration (environment value, command, port) is found field by field, fixed by
// `rebuild` and verified; a secret-looking variable's value is never printed.
import * as assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkService, composeUpBuilt, freeLoopbackPort as freePort, runtimeDrift as cli } from './support/runtimeDriftCli';
import { cleanupProject } from './support/cleanupProject';
import { uniqueProjectName } from './support/projectNames';
import { DISTROLESS_NODE } from './support/buildImage';
import type { RebuildResult } from '../../src/core/rebuild';

/** Literal values in the compose file, not in any environment: only hiding them keeps them out of the output. */
const OLD_SECRET = 'pg-old-7d1c9a2b';
const NEW_SECRET = 'pg-new-3e8f0b6d';

const SERVER = `
const http = require('node:http');
const port = Number(process.env.PORT);
const mode = process.argv[2] || 'none';
http.createServer((req, res) => {
  res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'text/plain' });
  res.end(process.env.FEATURE_WORKFLOW + ' ' + mode);
}).listen(port, '127.0.0.1');
`;

interface Settings {
  feature: string;
  mode: string;
  port: number;
  secret: string;
}

suite('config drift on a real engine: environment, command and port, found and fixed by rebuild', () => {
  let dir = '';
  const project = uniqueProjectName('rdconfig');
  const env = { COMPOSE_PROJECT_NAME: project };
  let current: Settings;

  async function writeCompose(s: Settings): Promise<void> {
    current = s;
    await writeFile(
      path.join(dir, 'compose.yaml'),
      [
        'services:',
        '  api:',
        '    build: ./api',
        '    network_mode: host',
        `    command: ["node", "server.js", "${s.mode}"]`,
        `    expose: ["${s.port}"]`,
        '    environment:',
        `      PORT: "${s.port}"`,
        `      FEATURE_WORKFLOW: "${s.feature}"`,
        `      DB_PASSWORD: "${s.secret}"`,
        '    x-runtime-drift:',
        `      baseUrl: http://127.0.0.1:${s.port}`,
        '      routes: ["GET /health"]',
        '',
      ].join('\n'),
    );
  }

  const check = () => checkService(dir, 'api', env);

  async function rebuild(): Promise<{ code: number; result: RebuildResult; stdout: string; stderr: string }> {
    const run = await cli(['rebuild', 'api', '--workspace', dir, '--json'], env);
    return { code: run.code, result: JSON.parse(run.stdout) as RebuildResult, stdout: run.stdout, stderr: run.stderr };
  }

  const noSecret = (...texts: string[]) => {
    for (const t of texts) for (const secret of [OLD_SECRET, NEW_SECRET]) assert.ok(!t.includes(secret), `a secret value was printed:\n${t}`);
  };

  suiteSetup(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-config-'));
    await mkdir(path.join(dir, 'api'));
    await writeFile(path.join(dir, 'api', 'server.js'), SERVER);
    await writeFile(path.join(dir, 'api', 'Dockerfile'), `FROM ${DISTROLESS_NODE}\nWORKDIR /app\nCOPY server.js ./\nCMD ["node", "server.js"]\n`);
    await writeCompose({ feature: 'off', mode: 'a', port: await freePort(), secret: OLD_SECRET });
    await composeUpBuilt(dir, env);
  });

  suiteTeardown(async () => {
    await cleanupProject(project);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('a container created as the compose files say has no config drift', async () => {
    const { service, code, stdout } = await check();
    assert.deepEqual(service.configDrift, [], stdout);
    assert.ok(service.configBasis, 'the report says how the configuration was compared');
    assert.equal(code, 0, stdout);
  });

  test('a changed environment value: evidence with both values, fix up -d, rebuild verifies it; the changed secret only "differs"', async () => {
    await writeCompose({ ...current, feature: 'on', secret: NEW_SECRET });
    const { service, code, stdout, stderr } = await check();
    assert.equal(code, 1, stdout);
    const feature = service.configDrift.find((d) => d.field === 'environment.FEATURE_WORKFLOW');
    assert.equal(feature?.evidence, 'environment.FEATURE_WORKFLOW: compose says `on`, container has `off`');
    // On the compose line that declares it: where the editor puts its badge.
    assert.deepEqual([feature?.file, feature?.line], ['compose.yaml', 9]);
    assert.deepEqual(service.composeLine, { file: 'compose.yaml', line: 2 });
    const secret = service.configDrift.find((d) => d.field === 'environment.DB_PASSWORD');
    assert.equal(secret?.hidden, true);
    assert.equal(secret?.compose, null);
    assert.equal(service.action?.kind, 'recreate');
    assert.deepEqual(service.action?.steps, [['up', '-d', 'api']]);
    // Compose's own hash agrees where this compose can compute it.
    assert.match(service.configBasis ?? '', /config-hash/);
    const text = await cli(['check', '--workspace', dir], env);
    assert.match(text.stdout, /environment\.FEATURE_WORKFLOW: compose says `on`, container has `off`/);
    noSecret(stdout, stderr, text.stdout, text.stderr);

    const fixed = await rebuild();
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.equal(fixed.result.verified, true, fixed.result.message);
    assert.deepEqual(fixed.result.after?.configDrift, []);
    assert.ok(fixed.result.changes.some((c) => c === 'config environment.FEATURE_WORKFLOW was `off` → as compose declares'), fixed.result.changes.join('\n'));
    assert.ok(fixed.result.changes.some((c) => c === 'config environment.DB_PASSWORD differed (value hidden) → as compose declares'), fixed.result.changes.join('\n'));
    noSecret(fixed.stdout, fixed.stderr);
  });

  test('a changed command is found and fixed by rebuild (verified)', async () => {
    await writeCompose({ ...current, mode: 'b' });
    const { service, code } = await check();
    assert.equal(code, 1);
    assert.deepEqual(service.configDrift.map((d) => d.field), ['command']);
    assert.equal(service.configDrift[0]?.evidence, 'command: compose says `["node","server.js","b"]`, container has `["node","server.js","a"]`');
    const fixed = await rebuild();
    assert.equal(fixed.result.verified, true, fixed.result.message);
    assert.deepEqual(fixed.result.after?.configDrift, []);
  });

  test('a changed port (the exposed port and the PORT the process listens on) is found and fixed by rebuild (verified)', async () => {
    const old = current.port;
    const port = await freePort();
    await writeCompose({ ...current, port });
    const { service, code } = await check();
    assert.equal(code, 1);
    const fields = service.configDrift.map((d) => d.field);
    assert.ok(fields.includes(`ports.${old}/tcp`) && fields.includes(`ports.${port}/tcp`), fields.join(', '));
    assert.ok(fields.includes('environment.PORT'), fields.join(', '));
    const fixed = await rebuild();
    assert.equal(fixed.result.verified, true, fixed.result.message);
    assert.deepEqual(fixed.result.after?.configDrift, []);
    // The recreated process listens where compose now says (loopback only: network_mode host).
    const answer = await fetch(`http://127.0.0.1:${port}/health`);
    assert.equal(answer.status, 200);
    assert.equal(await answer.text(), 'on b');
  });
});
