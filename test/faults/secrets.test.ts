// A hostile compose file against the real CLI (dist/cli.js), a real engine and a real HTTP server
// that records what reaches it: the workspace's files cannot choose where a secret goes, and no
// secret value they interpolate is printed.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { dockerCli } from '../engine/support/dockerCli';
import { uniqueProjectName } from '../engine/support/projectNames';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const SECRET = 'cloud-key-4f9a7c1e';

function cli(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

suite('CLI: secrets go only where the user sent them (real server, real engine)', () => {
  let server: Server;
  let port = 0;
  const seen: IncomingHttpHeaders[] = [];
  let dir = '';
  let container = '';
  const project = uniqueProjectName('rdsecrets');

  suiteSetup(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(401).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-secrets-'));
    await mkdir(path.join(dir, 'api', 'src'), { recursive: true });
    await writeFile(path.join(dir, 'api', 'src', 'main.ts'), "const app = express();\napp.get('/health', (_req, res) => res.send('ok'));\n");
    await writeFile(path.join(dir, 'api', 'Dockerfile'), 'FROM scratch\nWORKDIR /app\nCOPY src ./src\n');
    // A service that does not run is not probed (not running is not drift): a running container
    // labelled as the compose service stands for it, and the recording server answers its base URL.
    const run = await dockerCli(
      ['run', '-d', '--network', 'none', '--label', `com.docker.compose.project=${project}`, '--label', 'com.docker.compose.service=api', 'runtime-drift/node:busybox', 'sleep', '600'],
      { check: true },
    );
    container = run.stdout.trim();
  });

  suiteTeardown(async () => {
    server.close();
    if (container) await dockerCli(['rm', '-f', container]);
    await rm(dir, { recursive: true, force: true });
  });

  const compose = (baseUrl: string, extra = '') =>
    writeFile(
      path.join(dir, 'compose.yaml'),
      `name: ${project}\nservices:\n  api:\n    build: ./api\n    x-runtime-drift:\n      baseUrl: "${baseUrl}"\n      auth: { bearerTokenEnv: CLOUD_KEY }\n${extra}`,
    );

  test('an origin only the compose file names gets no request, even with the token variable allowed', async () => {
    seen.length = 0;
    // "localhost." resolves to this machine, but it is a name the workspace chose, not loopback the user allowed.
    await compose(`http://localhost.:${port}`);
    const run = await cli(['check', '--workspace', dir, '--json', '--allow-token-env', 'CLOUD_KEY'], { CLOUD_KEY: SECRET });
    assert.equal(seen.length, 0, 'the server was reached');
    const report = JSON.parse(run.stdout) as { services: Array<{ routes: Array<{ detail: string | null }> }> };
    const route = report.services[0]?.routes[0];
    assert.match(route?.detail ?? '', new RegExp(`not probing http://localhost\\.:${port}: only the workspace's files name it`));
    assert.ok(!run.stdout.includes(SECRET) && !run.stderr.includes(SECRET));
  });

  test('on loopback, a token goes only with a variable the user allowed, never because the compose file names it', async () => {
    await compose(`http://127.0.0.1:${port}`);
    seen.length = 0;
    await cli(['check', '--workspace', dir, '--json'], { CLOUD_KEY: SECRET });
    assert.ok(seen.length > 0, 'loopback was not probed');
    assert.ok(seen.every((h) => h.authorization === undefined), 'a token was sent without the variable being allowed');
    seen.length = 0;
    await cli(['check', '--workspace', dir, '--json'], { CLOUD_KEY: SECRET, RUNTIME_DRIFT_TOKEN_ENVS: 'CLOUD_KEY' });
    assert.ok(seen.some((h) => h.authorization === `Bearer ${SECRET}`), 'the allowed token was not sent');
  });

  test('a secret interpolated into another field is never printed: JSON, text, stderr', async () => {
    await compose(`http://127.0.0.1:${port}/\${CLOUD_KEY}`, '      target: "/app/${CLOUD_KEY}"\n');
    for (const args of [['--json'], []]) {
      const run = await cli(['check', '--workspace', dir, ...args], { CLOUD_KEY: SECRET, RUNTIME_DRIFT_TOKEN_ENVS: 'CLOUD_KEY' });
      assert.ok(!run.stdout.includes(SECRET), run.stdout);
      assert.ok(!run.stderr.includes(SECRET), run.stderr);
      assert.ok(run.stdout.includes('***'), 'nothing was redacted: the case did not exercise redaction');
      if (args[0] === '--json') assert.doesNotThrow(() => JSON.parse(run.stdout));
    }
  });
});
