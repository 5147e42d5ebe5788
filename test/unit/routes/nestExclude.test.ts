// setGlobalPrefix's exclude list read as the installed @nestjs/core reads it (nestExclude.ts): path-to-regexp 3
// up to Nest 10, path-to-regexp 8 after LegacyRouteConverter from Nest 11. Fixtures of our own.
import assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import { nestCoreMajor } from '../../../src/core/routes/nestExclude';
import { installedNestMajor, packagesAbove } from '../../../src/core/gather/routes';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { memFs } from '../helpers/memFs';

const MAIN = [
  'const app = await NestFactory.create(AppModule);',
  "app.setGlobalPrefix('api', { exclude: ['metrics/(.*)', 'health/*', 'docs{/*path}', { path: 'Users/:id', method: RequestMethod.GET }] });",
  'await app.listen(3000);',
].join('\n');
const CONTROLLERS = [
  "@Controller('metrics')\nexport class MetricsController {\n  @Get()\n  all() {}\n  @Get('prom')\n  prom() {}\n}",
  "@Controller('health')\nexport class HealthController {\n  @Get('live')\n  live() {}\n}",
  "@Controller('docs')\nexport class DocsController {\n  @Get()\n  page() {}\n  @Get('json')\n  json() {}\n}",
  "@Controller('users')\nexport class UsersController {\n  @Get()\n  list() {}\n  @Get(':id')\n  one() {}\n  @Patch(':id')\n  edit() {}\n}",
];

const served = (nestMajor: number | undefined) =>
  collectRoutes([{ file: '/ws/src/main.ts', text: MAIN }, ...CONTROLLERS.map((text, i) => ({ file: `/ws/src/c${i}.controller.ts`, text }))], { moduleOf: () => undefined, ...(nestMajor !== undefined ? { nestMajor } : {}) })
    .routes.map((r) => `${r.method} ${r.path}`)
    .sort();

suite('Nest setGlobalPrefix exclude, by the installed @nestjs/core major', () => {
  test("Nest 10 (path-to-regexp 3): 'metrics/(.*)' needs the slash (/metrics keeps the prefix, /metrics/prom not); '*' and '{/*path}' are text, excluding nothing; a parameter matches one segment, whatever the case", () => {
    assert.deepEqual(served(10), ['GET /api/docs', 'GET /api/docs/json', 'GET /api/health/live', 'GET /api/metrics', 'GET /api/users', 'GET /metrics/prom', 'GET /users/:id', 'PATCH /api/users/:id']);
  });

  test("Nest 11 (path-to-regexp 8, legacy wildcards converted): 'metrics/(.*)' and 'health/*' become '{*path}' after the slash, not covering their base; 'docs{/*path}' covers /docs too", () => {
    const expected = ['GET /api/metrics', 'GET /api/users', 'GET /docs', 'GET /docs/json', 'GET /health/live', 'GET /metrics/prom', 'GET /users/:id', 'PATCH /api/users/:id'];
    assert.deepEqual(served(11), expected);
    // A project whose major is not known is read as the current major's.
    assert.deepEqual(served(undefined), expected);
  });

  test('the major comes from the @nestjs/core range of package.json, else the version its package-lock.json installed', () => {
    assert.equal(nestCoreMajor({ dependencies: { '@nestjs/core': '^11.2.1' } }, undefined), 11);
    assert.equal(nestCoreMajor({ devDependencies: { '@nestjs/core': '~10.4.7' } }, undefined), 10);
    assert.equal(nestCoreMajor({ dependencies: { '@nestjs/core': 'catalog:' } }, { packages: { 'node_modules/@nestjs/core': { version: '10.4.22' } } }), 10);
    assert.equal(nestCoreMajor({ dependencies: { '@nestjs/core': 'catalog:' } }, undefined), undefined);
  });

  test('a source root reads the first package.json at or above it naming a major, only when an exclude list is there to read', async () => {
    const fs = memFs({
      '/ws/package.json': JSON.stringify({ dependencies: { '@nestjs/core': '^11.0.0' } }),
      '/ws/apps/api/package.json': JSON.stringify({ dependencies: { '@nestjs/core': 'workspace:*' } }),
      '/ws/apps/api/package-lock.json': JSON.stringify({ packages: { 'node_modules/@nestjs/core': { version: '10.3.0' } } }),
      '/ws/apps/web/package.json': JSON.stringify({ dependencies: { '@nestjs/core': '^11.0.0' } }),
    });
    const withExclude = [{ file: '/ws/apps/api/src/main.ts', x: extractRoutesFromSource(MAIN, '/ws/apps/api/src/main.ts') }];
    assert.equal(await installedNestMajor(fs, packagesAbove(fs, '/ws/apps/api/src', '/ws'), withExclude), 10);
    assert.equal(await installedNestMajor(fs, packagesAbove(fs, '/ws/apps/other/src', '/ws'), withExclude), 11);
    assert.equal(await installedNestMajor(fs, packagesAbove(fs, '/ws/apps/api/src', '/ws'), []), undefined);
  });
});
