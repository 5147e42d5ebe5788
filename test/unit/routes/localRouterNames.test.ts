// A router a function declares under a name another function of the file takes as a parameter:
// two routers, not one.
import * as assert from 'node:assert/strict';
import { routeLines } from '../helpers/collectText';

const routesOf = (files: Record<string, string>) => routeLines(Object.entries(files).map(([file, text]) => ({ file, text })));

suite('routes: a local router named like another function parameter', () => {
  test("a factory's `const router = express.Router()` mounted by a function whose parameter is also `router`: its routes under each mount, the parameter's own at its place", () => {
    const pages = [
      "import express, { Router } from 'express';",
      'function pageRouter(kind: string) {',
      '  const router = express.Router();',
      "  router.get('/*', (req, res) => res.send(kind));",
      '  return router;',
      '}',
      'export function mountPages(router: Router) {',
      "  router.use('/docs', pageRouter('docs'));",
      "  router.use('/help', pageRouter('help'));",
      "  router.get('/ping', (req, res) => res.end());",
      '}',
    ].join('\n');
    const server = "import express from 'express';\nimport { mountPages } from './pages';\nconst app = express();\nconst root = express.Router();\nmountPages(root);\napp.use('/site', root);\napp.listen(80);\n";
    assert.deepEqual(routesOf({ '/w/pages.ts': pages, '/w/server.ts': server }), ['GET /site/docs/*', 'GET /site/help/*', 'GET /site/ping']);
  });
});
