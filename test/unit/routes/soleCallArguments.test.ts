// A parameter of a function the file calls once is what that call passes (soleCallArguments.ts), for
// every such function of a file: the first asked walks the file for its name, the next ones read an
// index of the file's names, and each gets its own call's argument, never another function's.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const run = (text: string) => {
  const sources = [{ file: '/w/src/server.js', text }];
  const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: sources.map((s) => s.file) });
  return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings: warnings.length };
};

/** A function registering one route under its own prefix, its path a local made from its parameter. */
const adder = (name: string, prefix: string) => `function ${name}(part) {\n  const full = \`${prefix}\${part}\`;\n  api.get(full, (req, res) => res.end());\n}`;

suite('routes: parameters of several functions the file calls once', () => {
  test('each function called once gets its own call\'s argument, whichever is asked first; one called twice gets none (its route skipped with a warning)', () => {
    const text = [
      "import express from 'express';",
      'const app = express();',
      'const api = express.Router();',
      adder('addOrders', '/v1'),
      adder('addTwice', '/v3'),
      adder('addUsers', '/v2'),
      adder('addItems', '/v4'),
      "addOrders('/orders');",
      "addTwice('/a');",
      "addTwice('/b');",
      "addUsers('/users');",
      "addItems('/items');",
      "app.use('/api', api);",
      'app.listen(3000);',
    ].join('\n');
    assert.deepEqual(run(text), { routes: ['GET /api/v1/orders', 'GET /api/v2/users', 'GET /api/v4/items'], warnings: 1 });
  });

  test('a name used once more anywhere in the file (passed along, not called) leaves that function unknown, the others known', () => {
    const text = [
      "import express from 'express';",
      'const app = express();',
      'const api = express.Router();',
      adder('addOrders', '/v1'),
      adder('addUsers', '/v2'),
      "addOrders('/orders');",
      "addUsers('/users');",
      'export const kept = [addUsers];',
      "app.use('/api', api);",
      'app.listen(3000);',
    ].join('\n');
    assert.deepEqual(run(text), { routes: ['GET /api/v1/orders'], warnings: 1 });
  });
});
