// chanfana's OpenAPI registry over a Hono app (`fromHono(app, options)`): routes and mounts made on
// the registry are the app's (declarations.ts openApiWrapped). Fixtures of our own.
import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const ROOT = [
  "import { fromHono } from 'chanfana';",
  "import { Hono } from 'hono';",
  "import v1 from './v1';",
  'const app = new Hono();',
  "const openapi = fromHono(app, { docs_url: '/', openapi_url: '/openapi.json' });",
  "openapi.route('/api/v1', v1);",
  "app.get('/health', (c) => c.text('ok'));",
  'export default { fetch: app.fetch };',
].join('\n');

const V1 = [
  "import { fromHono, OpenAPIRoute } from 'chanfana';",
  "import { Hono } from 'hono';",
  'class TicketGet extends OpenAPIRoute { async handle() { return {}; } }',
  'class TicketCreate extends OpenAPIRoute { async handle() { return {}; } }',
  'const app = new Hono();',
  "const registry = fromHono(app, { docs_url: '/docs' });",
  "registry.get('/tickets/:id', TicketGet);",
  "registry.post('/tickets', TicketCreate);",
  "// registry.delete('/tickets/:id', TicketDelete);",
  'export default registry;',
].join('\n');

suite('chanfana registries over Hono apps', () => {
  test("routes registered on fromHono's registry, a sub-app's registry (its default export) mounted with route(prefix, sub) on the root's: each under the mount, beside the app's own", () => {
    const { routes, warnings } = routesAndWarnings({ '/w/src/index.ts': ROOT, '/w/src/v1.ts': V1 });
    assert.deepEqual(routes, ['GET /api/v1/tickets/:id', 'GET /health', 'POST /api/v1/tickets']);
    assert.deepEqual(warnings, []);
  });

  test('a function of another package named fromHono wraps nothing: its result is not the app', () => {
    const other = V1.replace("import { fromHono, OpenAPIRoute } from 'chanfana';", "import { fromHono } from './local';\nimport { OpenAPIRoute } from 'chanfana';");
    const { routes } = routesAndWarnings({ '/w/src/index.ts': ROOT.replace("import { fromHono } from 'chanfana';", "import { fromHono } from './local';"), '/w/src/v1.ts': other });
    assert.ok(!routes.includes('GET /api/v1/tickets/:id'));
  });
});
