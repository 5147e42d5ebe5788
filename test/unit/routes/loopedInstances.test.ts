// Controller instances listed in an array and mounted in a loop at each one's own path
// (`for (const c of [new A(), new B()]) app.use(c.path, c.buildRoutes())`): each class's
// routes under the path its instance is given. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as collect } from '../helpers/collectText';

const PLANTS = [
  "import * as express from 'express';",
  'export class PlantsController {',
  '  readonly path: string;',
  "  constructor() { this.path = '/plants'; }",
  '  makeRouter(): express.Router {',
  '    const router = express.Router();',
  "    router.get('/', (_q, r) => r.send([]));",
  "    router.delete('/:plantId', (_q, r) => r.end());",
  '    return router;',
  '  }',
  '}',
].join('\n');
const SEEDS = [
  "import * as express from 'express';",
  'export class SeedsController {',
  "  readonly path = '/seeds';",
  '  makeRouter(): express.Router {',
  '    const router = express.Router();',
  "    router.post('/sow', (_q, r) => r.end());",
  '    return router;',
  '  }',
  '}',
].join('\n');
const server = (lines: string[]): string =>
  ["import express from 'express';", "import { PlantsController } from './plants';", "import { SeedsController } from './seeds';", 'const app = express();', ...lines, 'app.listen(3000);'].join('\n');

suite('controller instances mounted in a loop at their own path', () => {
  test('for...of over [new A(), new B()], the router kept in a name first', () => {
    const { routes } = collect({
      '/s/plants.ts': PLANTS,
      '/s/seeds.ts': SEEDS,
      '/s/server.ts': server(['const controllers = [new PlantsController(), new SeedsController()];', 'for (const c of controllers) {', '  const router = c.makeRouter();', '  app.use(c.path, router);', '}']),
    });
    assert.deepEqual(routes, ['DELETE /plants/:plantId', 'GET /plants', 'POST /seeds/sow']);
  });

  test('forEach over the array, the method called in the mount', () => {
    const { routes } = collect({
      '/s/plants.ts': PLANTS,
      '/s/seeds.ts': SEEDS,
      '/s/server.ts': server(['[new PlantsController(), new SeedsController()].forEach((c) => app.use(c.path, c.makeRouter()));']),
    });
    assert.deepEqual(routes, ['DELETE /plants/:plantId', 'GET /plants', 'POST /seeds/sow']);
  });

  test('one instance in a name: the same routes (as before)', () => {
    const { routes } = collect({
      '/s/plants.ts': PLANTS,
      '/s/seeds.ts': SEEDS,
      '/s/server.ts': server(['const p = new PlantsController();', 'app.use(p.path, p.makeRouter());', 'const s = new SeedsController();', 'app.use(s.path, s.makeRouter());']),
    });
    assert.deepEqual(routes, ['DELETE /plants/:plantId', 'GET /plants', 'POST /seeds/sow']);
  });
});

suite('controller instances with a router field mounted in a loop', () => {
  const BEES = [
    "import { Router } from 'express';",
    'export class BeesController {',
    "  public path = '/bees';",
    '  public router = Router();',
    "  constructor() { this.router.get('/count', (_q, r) => r.send('3')); }",
    '}',
  ].join('\n');
  test('forEach((c) => app.use(c.path, c.router)) over [new A(), new B()]', () => {
    const { routes } = collect({
      '/s/bees.ts': BEES,
      '/s/seeds.ts': SEEDS,
      '/s/server.ts': ["import express from 'express';", "import { BeesController } from './bees';", "import { SeedsController } from './seeds';", 'const app = express();', 'const list = [new BeesController(), new SeedsController()];', 'list.forEach((c) => app.use(c.path, c.router));', "app.use('/v1' + '/x', new SeedsController().makeRouter());"].join('\n'),
    });
    assert.deepEqual(routes, ['GET /bees/count', 'POST /v1/x/sow']);
  });
});
