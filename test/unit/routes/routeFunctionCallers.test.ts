// A second server in one process made by a factory of its own file: its routes are used where the
// function calling the factory is.
import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const API = [
  "import fastify from 'fastify';",
  "import { itemRoutes } from './items';",
  'export async function startApi() {',
  '  const app = fastify();',
  "  app.get('/', async () => 'hello');",
  '  itemRoutes(app);',
  '  await app.listen({ port: 3000 });',
  '}',
].join('\n');
const ITEMS = "export function itemRoutes(app) { app.get('/items', async () => []); }";
const STATS = (tail: string) =>
  [
    "import fastify from 'fastify';",
    'export function buildStatsServer() {',
    '  const app = fastify();',
    "  app.get('/stats', async () => 'up 1');",
    '  return app;',
    '}',
    tail,
  ].join('\n');
const STARTER = 'export async function startStats() {\n  const app = buildStatsServer();\n  await app.listen({ port: 9100 });\n}';
const MAIN = (imports: string) => `import { startApi } from './api';\n${imports}\nawait startApi();`;

const routesOf = (stats: string, main: string) => routesAndWarnings({ '/ws/src/api.ts': API, '/ws/src/items.ts': ITEMS, '/ws/src/stats.ts': stats, '/ws/src/main.ts': main }).routes;

suite('route functions reached through their own file', () => {
  test("a factory's server started by another function of its file, which the entry imports: its routes are served beside the main app's", () => {
    assert.deepEqual(routesOf(STATS(STARTER), MAIN("import { startStats } from './stats';\nawait startStats();")), ['GET /', 'GET /items', 'GET /stats']);
  });

  test('the same starter imported by no file: the factory is used by nothing, its routes are not served', () => {
    assert.deepEqual(routesOf(STATS(STARTER), MAIN('')), ['GET /', 'GET /items']);
  });

  test('called through a chain of the file\'s functions (a helper not exported between them): used where the exported end is', () => {
    const chain = 'function listenStats(port) {\n  return buildStatsServer().listen({ port });\n}\nexport const startStats = () => listenStats(9100);';
    assert.deepEqual(routesOf(STATS(chain), MAIN("import { startStats } from './stats';\nstartStats();")), ['GET /', 'GET /items', 'GET /stats']);
    assert.deepEqual(routesOf(STATS(chain), MAIN('')), ['GET /', 'GET /items']);
  });

  test('called by the top level of its file (run when it is loaded): served; its own export statement is no call', () => {
    assert.deepEqual(routesOf(STATS('buildStatsServer().listen({ port: 9100 });'), MAIN("import './stats';")), ['GET /', 'GET /items', 'GET /stats']);
    assert.deepEqual(routesOf(STATS('export { buildStatsServer as makeStats };'), MAIN('')), ['GET /', 'GET /items']);
  });
});
