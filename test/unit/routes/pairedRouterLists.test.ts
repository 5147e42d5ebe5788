// Routers kept with their prefix in objects (`{ path, router }`) or pairs (`[path, router]`), gathered
// in a list or re-exported from an index, and mounted by a loop reading each element's prefix and router.
import * as assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const routerFile = (paths: string[], exported: string) =>
  ["import express from 'express';", 'const router = express.Router();', ...paths.map((p) => `router.get('${p}', (q, s) => s.end());`), exported].join('\n');

suite('routers paired with their prefix, mounted by a loop', () => {
  test('objects { path, router } re-exported from an index, mounted over Object.values of the namespace', () => {
    const { routes, warnings } = routesAndWarnings({
      '/p/src/parts/lamps.ts': routerFile(['/', '/:id'], "export const lampPart = { router, path: '/lamps' };"),
      '/p/src/parts/desks.ts': routerFile(['/top'], "export const deskPart = { path: '/desks', router };"),
      '/p/src/parts/index.ts': "export * from './lamps';\nexport * from './desks';",
      '/p/src/app.ts': [
        "import express from 'express';",
        "import * as parts from './parts';",
        'const app = express();',
        'function all() {',
        '  const router = express.Router();',
        '  for (const part of Object.values<{ path: string; router: express.Router }>(parts)) {',
        '    router.use(part.path, part.router);',
        '  }',
        '  return router;',
        '}',
        "app.use('/shop/:region', all());",
        'app.listen(3000);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /shop/:region/desks/top', 'GET /shop/:region/lamps', 'GET /shop/:region/lamps/:id']);
    assert.deepEqual(warnings, []);
  });

  test('an imported array of such objects (each a name of another file), or of [path, router] pairs, mounted element by element: each prefix with its own router only', () => {
    const parts = {
      '/p/src/parts/lamps.ts': routerFile(['/', '/:id'], "export const lampPart = { router, path: '/lamps' };"),
      '/p/src/parts/desks.ts': "import { Router } from 'express';\nconst deskRouter = Router();\ndeskRouter.get('/top', (q, s) => s.end());\nexport const deskPart = { path: '/desks', router: deskRouter };",
      '/p/src/parts/list.ts': [
        "import { lampPart } from './lamps';",
        "import { deskPart } from './desks';",
        'export const PARTS = [lampPart, deskPart];',
        "export const PAIRS = [['/l', lampPart.router], ['/d', deskPart.router]];",
      ].join('\n'),
    };
    const app = (loop: string) =>
      routesAndWarnings({ ...parts, '/p/src/app.ts': ["import express from 'express';", "import { PARTS, PAIRS } from './parts/list';", 'const app = express();', loop, 'app.listen(3000);'].join('\n') });
    assert.deepEqual(app('for (const part of PARTS) app.use(part.path, part.router);'), { routes: ['GET /desks/top', 'GET /lamps', 'GET /lamps/:id'], warnings: [] });
    assert.deepEqual(app("PARTS.forEach(({ path, router }) => app.use('/v1' + path, router));"), { routes: ['GET /v1/desks/top', 'GET /v1/lamps', 'GET /v1/lamps/:id'], warnings: [] });
    assert.deepEqual(app('for (const [at, r] of PAIRS) app.use(at, r);'), { routes: ['GET /d/top', 'GET /l', 'GET /l/:id'], warnings: [] });
  });
});
