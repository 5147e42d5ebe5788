// One package starting two servers, each with its own routes: the same method and path in both is
// two routes, each at its file; the same route found twice in one server stays one. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const collect = (files: Record<string, string>) => {
  const { routes, warnings } = collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases: [] },
  );
  return { routes: routes.map((r) => `${r.method} ${r.path} ${r.file ?? ''}`).sort(), warnings };
};

/** A hapi plugin registering the routes `table` (a module of route options) on the server it is given. */
const plugin = (name: string) => `const table = require('./table');\nexports.plugin = { name: '${name}', register(server) { server.route(table); } };\n`;
/** An Express router module (CommonJS) answering GET `path`. */
const router = (path: string) => `const express = require('express');\nconst router = express.Router();\nrouter.get('${path}', (req, res) => res.send('ok'));\nmodule.exports = router;\n`;
const table = (...paths: string[]) => `module.exports = [${paths.map((p) => `{ method: 'GET', path: '${p}', handler: (req, h) => 'ok' }`).join(', ')}];\n`;

suite('routes of separate servers', () => {
  test('two hapi servers of one package (src/web and src/worker), each with a plugin serving GET /health: both routes, each at the file registering it', () => {
    // Each program hands its plugin to a setup module they share, which makes the hapi server.
    const start = (plugin: string) => `const setup = require('../shared/setup');\nconst routes = require('${plugin}');\nsetup.start({ port: 3000, plugins: [routes] });\n`;
    const { routes, warnings } = collect({
      '/p/src/shared/setup.js': "const Hapi = require('@hapi/hapi');\nexports.start = async ({ port, plugins }) => { const server = new Hapi.Server({ port }); await server.register(plugins); await server.start(); };\n",
      '/p/src/web/index.js': start('./routes/plugin'),
      '/p/src/worker/index.js': start('./probe/plugin'),
      '/p/src/web/routes/plugin.js': plugin('web'),
      '/p/src/web/routes/table.js': table('/health', '/orders'),
      '/p/src/worker/probe/plugin.js': plugin('probe'),
      '/p/src/worker/probe/table.js': table('/health'),
    });
    assert.deepEqual(routes, ['GET /health /p/src/web/routes/plugin.js', 'GET /health /p/src/worker/probe/plugin.js', 'GET /orders /p/src/web/routes/plugin.js']);
    assert.deepEqual(warnings, []);
  });

  test('one Express server mounting two routers that both declare GET /status at its root: one route (one mount tree)', () => {
    const { routes } = collect({
      '/p/srv/api/a.js': router('/status'),
      '/p/srv/admin/b.js': router('/status'),
      '/p/srv/app.js': "const express = require('express');\nconst app = express();\napp.use('/', require('./api/a'));\napp.use('/', require('./admin/b'));\napp.listen(3000);\n",
    });
    assert.deepEqual(routes, ['GET /status /p/srv/api/a.js']);
  });

  test('two routers in folders apart, mounted by one server in a way the scan does not read (through a function it imports): one route (one program imports both)', () => {
    const { routes } = collect({
      '/p/lib/stats/routes.js': router('/version'),
      '/p/lib/admin/routes.js': router('/version'),
      '/p/bin/server.js': "const express = require('express');\nconst attach = require('./attach');\nconst app = express();\nattach(app, [require('../lib/stats/routes'), require('../lib/admin/routes')]);\napp.listen(3000);\n",
    });
    assert.deepEqual(routes, ['GET /version /p/lib/stats/routes.js']);
  });

  test('a build\'s output committed beside its source (src/routes/health.ts and build/routes/health.js, each started by its own index): one route', () => {
    const health = "import { Router } from 'express';\nconst health = Router();\nhealth.get('/healthz', (req, res) => res.send('ok'));\nexport default health;\n";
    const index = "import express from 'express';\nimport health from './routes/health';\nconst app = express();\napp.use(health);\napp.listen(3000);\n";
    const { routes } = collect({
      '/p/src/index.ts': index,
      '/p/src/routes/health.ts': health,
      '/p/build/index.js': index,
      '/p/build/routes/health.js': health,
    });
    assert.deepEqual(routes, ['GET /healthz /p/src/routes/health.ts']);
  });

  test('an app and a router in a folder below it, mounted in a way the scan does not read, declaring the same route: one route (their folders nest)', () => {
    const { routes } = collect({
      '/p/src/app.js': "const express = require('express');\nconst app = express();\napp.get('/ping', (req, res) => res.send('pong'));\napp.listen(3000);\n",
      '/p/src/extra/ping.js': router('/ping'),
    });
    assert.deepEqual(routes, ['GET /ping /p/src/app.js']);
  });
});
