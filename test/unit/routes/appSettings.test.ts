// Express app settings as values (appSettings.ts): `app.set(name, value)`, or every key of a
// configuration object (a JS or JSON module) set in a loop, read back by `app.get(name)` in the
// paths of any file the app is handed to.
import * as assert from 'node:assert/strict';
import { collectExtracted } from '../../../src/core/routes/collect';
import type { ExtractedFile } from '../../../src/core/routes/extracted';
import { isRouteSource } from '../../../src/core/routes/isRouteSource';
import { scanSourceText } from '../../../src/core/routes/scanFile';
import { TestFolderImports } from '../../../src/core/routes/testFolderImports';
import { routesAndWarnings } from '../helpers/collectText';

const ROOT = '/w';

/** As the scanners read a tree: the route sources, then what they import that a first wave leaves out (a JSON module), wave by wave. */
function scannedRoutes(texts: Record<string, string>): { routes: string[]; warnings: string[] } {
  const files = Object.keys(texts).map((rel) => `${ROOT}/${rel}`);
  const extracted: { file: string; x: ExtractedFile }[] = [];
  const scan = (file: string): ExtractedFile | null => {
    const x = scanSourceText(file, texts[file.slice(ROOT.length + 1)] ?? '');
    if (x) extracted.push({ file, x });
    return x;
  };
  const reach = new TestFolderImports(ROOT, files, []);
  for (const f of files.filter((f) => isRouteSource(f, ROOT))) reach.add(f, scan(f));
  for (let wave = reach.wave(); wave.length > 0; wave = reach.wave()) for (const f of wave) reach.add(f, scan(f));
  const { routes, warnings } = collectExtracted(extracted, { moduleOf: () => undefined, aliases: [] });
  return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
}

const CONTROLLER = [
  "const express = require('express');",
  'const router = express.Router();',
  'module.exports = (app) => {',
  "  app.use(`${app.get('base path')}/things`, router);",
  '};',
  "router.get('/:id', (req, res) => res.json({}));",
].join('\n');

suite('Express app settings as values', () => {
  test("app.set(name, literal) read back by app.get(name) in a route path and in a mount prefix of another file the app is handed to; a one-argument app.get is a read, no route", () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/app.js': [
        "const express = require('express');",
        'const app = express();',
        "app.set('base path', '/base');",
        "app.set('api root', '/api');",
        "require('./things')(app);",
        "app.get(`${app.get('api root')}/health`, (req, res) => res.send('ok'));",
        "const env = app.get('env');",
        'app.listen(3000);',
      ].join('\n'),
      '/s/things.js': CONTROLLER,
    });
    assert.deepEqual(routes, ['GET /api/health', 'GET /base/things/:id']);
    assert.deepEqual(warnings, []);
  });

  test('every key of a configuration module set in a loop (for-in, Object.keys(...).forEach) is a setting; a key no one sets stays a prefix not known', () => {
    const files = (loop: string) => ({
      '/s/config.js': "module.exports = { server: { 'base path': '/base', port: 3000 } };",
      '/s/app.js': ["const express = require('express');", "const config = require('./config');", 'const app = express();', loop, "require('./things')(app);"].join('\n'),
      '/s/things.js': CONTROLLER,
    });
    const forIn = routesAndWarnings(files('for (const key in config.server) {\n  app.set(key, app.get(key) || config.server[key]);\n}'));
    assert.deepEqual(forIn.routes, ['GET /base/things/:id']);
    const forEach = routesAndWarnings(files('Object.keys(config.server).forEach((k) => app.set(k, config.server[k]));'));
    assert.deepEqual(forEach.routes, ['GET /base/things/:id']);
    const unset = routesAndWarnings(files("app.set('port', 3000);"));
    assert.deepEqual(unset.routes, ['GET /…/things/:id']);
    assert.equal(unset.warnings.length, 1);
  });

  test('a JSON module a scanned file requires is read (as the object it exports), its keys settings like a JS module\'s; one nobody imports is not read', () => {
    const { routes } = scannedRoutes({
      'config/defaults.json': '{\n  "base path": "/from-json",\n  "nested": { "a": 1 }\n}\n',
      'config/unused.json': '{ "base path": "/never" }',
      'config/model.js': "const settings = require('./defaults');\nmodule.exports = { server: settings };",
      'app.js': [
        "const express = require('express');",
        "const config = require('./config/model');",
        'const app = express();',
        'for (const item in config.server) app.set(item, config.server[item]);',
        "require('./controllers/things')(app);",
        'app.listen(3000);',
      ].join('\n'),
      'controllers/things.js': CONTROLLER,
    });
    assert.deepEqual(routes, ['GET /from-json/things/:id']);
  });

  test("a path a JSON module gives a router the file does not make (a function's parameter) without a leading slash is no route, as the same literal there is none", () => {
    const { routes } = scannedRoutes({
      'server.ts': "import Koa from 'koa';\nimport Router from 'koa-router';\nconst app = new Koa();\nconst router = new Router();\nrouter.get('/health', (ctx) => {});\napp.use(router.routes());\napp.listen(3000);",
      'plug/plugin.json': '{ "id": "sso" }',
      'plug/make.ts': "import config from './plugin.json';\nexport function makeRoutes(router) {\n  router.get(config.id, (ctx) => {});\n  router.get('sso.logout', (ctx) => {});\n}",
      'plug/index.ts': "import Router from 'koa-router';\nimport { makeRoutes } from './make';\nconst router = new Router();\nmakeRoutes(router);\nexport default router;",
    });
    assert.deepEqual(routes, ['GET /health']);
  });
});

suite('route calls marking the request for the routes chained after them', () => {
  test("an all() whose handler marks the request and hands it on (inline, a function of the file, or handing an error on in its other branch) is middleware of the calls chained after it; alone, or as a get, it stays a route", () => {
    const { routes } = routesAndWarnings({
      '/s/app.js': [
        "const express = require('express');",
        'const app = express();',
        'const router = express.Router();',
        "app.use('/api', router);",
        'router',
        "  .all('/*/iframe', setIframe)",
        "  .all('/survey/preview*', (req, res, next) => {\n    req.kind = 'preview';\n    next();\n  })",
        "  .all('/survey/offline*', (req, res, next) => {\n    if (req.app.get('offline')) {\n      req.kind = 'offline';\n      next();\n    } else {\n      next(new Error('no'));\n    }\n  })",
        "  .get('/survey/preview', show)",
        "  .get('/survey/offline', show);",
        "router.all('/marked', (req, res, next) => {\n  req.kind = 'x';\n  next();\n});",
        "app.get('/:id', (req, res, next) => {\n  req.url = '/';\n  next();\n});",
        'function setIframe(req, res, next) {\n  req.iframe = true;\n  next();\n}',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['ALL /api/marked', 'GET /:id', 'GET /api/survey/offline', 'GET /api/survey/preview']);
  });
});
