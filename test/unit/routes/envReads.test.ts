// A prefix an environment variable decides: the variable named in the warning, and what a
// committed example environment sets it to, never taken for the prefix. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { exampleEnvOf } from '../../../src/core/gather/exampleEnv';
import { packagesAbove } from '../../../src/core/gather/routes';
import { memFs } from '../helpers/memFs';

const SETTINGS = "export const settings = {\n  http: { base: readEnv('HTTP_BASE'), port: Number(process.env.HTTP_PORT) },\n  name: process.env['SERVICE_NAME'],\n  quiet: lookup('QUIET'),\n  mode: readEnv('mode'),\n};\nexport const REGION = Deno.env.get('REGION');\n";
const CONTROLLER = "import { JsonController, Get } from 'routing-controllers';\n@JsonController('/boards')\nexport class BoardController {\n  @Get('/:id') one() {}\n}\n";
const SERVER = "import { createExpressServer } from 'routing-controllers';\nimport { settings } from './settings';\nconst app = createExpressServer({ routePrefix: settings.http.base, controllers: [__dirname + '/controllers/*.ts'] });\napp.listen(8080);\n";

const collect = (exampleEnv?: { file: string; vars: Record<string, string> }) =>
  collectRoutes(
    [
      { file: '/w/svc/src/controllers/board.ts', text: CONTROLLER },
      { file: '/w/svc/src/settings.ts', text: SETTINGS },
      { file: '/w/svc/src/server.ts', text: SERVER },
    ],
    { moduleOf: () => undefined, ...(exampleEnv ? { exampleEnv } : {}) },
  );

suite('environment variables a prefix is', () => {
  test('the variable each place of a top-level constant reads: process.env.X, process.env[\'X\'], Deno.env.get(\'X\'), a function named for the environment given the name; not another function, nor a name not written as a variable', () => {
    const x = extractRoutesFromSource(SETTINGS, '/w/svc/src/settings.ts');
    assert.deepEqual(x.envReads, { 'settings.http.base': 'HTTP_BASE', 'settings.name': 'SERVICE_NAME', REGION: 'REGION' });
  });

  test('routing-controllers routePrefix kept from an environment variable: the warning names the variable; with a committed example setting it, the example and the one step to take, the routes still under … (the example is not what runs)', () => {
    const bare = collect();
    assert.deepEqual(bare.routes.map((r) => `${r.method} ${r.path}`), ['GET /…/boards/:id']);
    assert.deepEqual(bare.warnings, [
      "/w/svc/src/server.ts:3: routing-controllers routePrefix is the environment variable HTTP_BASE, not known statically: the controllers' routes are shown under … and not probed (set x-runtime-drift.routePrefix to its value where the server runs)",
    ]);
    const hinted = collect({ file: 'svc/.env.sample', vars: { HTTP_BASE: 'v2', OTHER: '/x' } });
    assert.deepEqual(hinted.routes.map((r) => `${r.method} ${r.path}`), ['GET /…/boards/:id']);
    assert.deepEqual(hinted.warnings, [
      "/w/svc/src/server.ts:3: routing-controllers routePrefix is the environment variable HTTP_BASE, not known statically: the controllers' routes are shown under … and not probed (svc/.env.sample sets HTTP_BASE=v2; if that is what runs, set x-runtime-drift.routePrefix: /v2)",
    ]);
    // An example that does not set the variable says nothing of it.
    assert.deepEqual(collect({ file: 'svc/.env.sample', vars: { OTHER: '/x' } }).warnings, bare.warnings);
  });

  test('the example environment file beside the nearest package.json at or above the source root that has one, read only when a file keeps an environment variable', async () => {
    const fs = memFs({
      '/w/package.json': '{}',
      '/w/.env.example': 'HTTP_BASE=/outer\n',
      '/w/svc/package.json': '{}',
      '/w/svc/.env.sample': '# what we run with\nHTTP_BASE=/api\nexport QUIET="yes"\n',
    });
    const keeping = [{ file: '/w/svc/src/settings.ts', x: extractRoutesFromSource(SETTINGS, '/w/svc/src/settings.ts') }];
    assert.deepEqual(await exampleEnvOf(fs, packagesAbove(fs, '/w/svc/src', '/w'), keeping, '/w'), { file: 'svc/.env.sample', vars: { HTTP_BASE: '/api', QUIET: 'yes' } });
    assert.deepEqual(await exampleEnvOf(fs, packagesAbove(fs, '/w/other/src', '/w'), keeping, '/w'), { file: '.env.example', vars: { HTTP_BASE: '/outer' } });
    const none = [{ file: '/w/svc/src/server.ts', x: extractRoutesFromSource(CONTROLLER, '/w/svc/src/server.ts') }];
    assert.equal(await exampleEnvOf(fs, packagesAbove(fs, '/w/svc/src', '/w'), none, '/w'), undefined);
  });
});
