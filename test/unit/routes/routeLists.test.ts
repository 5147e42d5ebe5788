// Route options kept in lists other files declare, registered by a loop over the list: directly,
// through lists spread into lists, and through a function given the list (a route list helper).
import * as assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const table = (name: string, entries: string) => `export const ${name} = [${entries}];\n`;

suite('route options from lists other files declare', () => {
  test('a loop over an imported list registers each element: the element itself, spread into options, or its properties read with text around them', () => {
    const { routes, warnings } = routesAndWarnings({
      '/s/books.ts': table('BOOKS', "{ method: 'GET', path: '/books' }, { method: 'POST', path: '/books' }"),
      '/s/shelves.ts': table('SHELVES', "{ method: 'DELETE', path: '/shelves/:id' }"),
      '/s/server.ts': [
        "import fastify from 'fastify';",
        "import { BOOKS } from './books';",
        "import { SHELVES } from './shelves';",
        'const app = fastify();',
        'for (const b of BOOKS) app.route(b);',
        'SHELVES.forEach((s) => app.route({ ...s, handler: async () => ({}) }));',
        "for (const b of BOOKS) app.route({ method: b.method, url: '/v2' + b.path, handler: async () => ({}) });",
        'app.listen({ port: 3000 });',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /shelves/:id', 'GET /books', 'GET /v2/books', 'POST /books', 'POST /v2/books']);
    assert.deepEqual(warnings, []);
  });

  test('a loop over an imported list whose variable is destructured reads each named property of each element, directly or through a helper of the file', () => {
    const files = (loop: string) => ({
      '/s/kinds.js': "module.exports = { kinds: [{ slug: 'lamp', label: 'Lamp' }, { slug: 'chair', label: 'Chair' }] };\n",
      '/s/server.js': [
        "const express = require('express');",
        "const { kinds } = require('./kinds');",
        'const app = express();',
        'const router = express.Router();',
        "const addKind = (slug) => { router.route(`/${slug}/list`).get(list); router.route(`/${slug}/read/:id`).get(read); };",
        loop,
        "app.use('/shop', router);",
        'app.listen(3000);',
      ].join('\n'),
    });
    const expected = ['GET /shop/chair/list', 'GET /shop/chair/read/:id', 'GET /shop/lamp/list', 'GET /shop/lamp/read/:id'];
    assert.deepEqual(routesAndWarnings(files('kinds.forEach(({ slug }) => { addKind(slug); });')), { routes: expected, warnings: [] });
    assert.deepEqual(routesAndWarnings(files('for (const { slug: s } of kinds) addKind(s);')), { routes: expected, warnings: [] });
    // A property the elements do not hold is no path: nothing is registered for it.
    assert.deepEqual(routesAndWarnings(files('kinds.forEach(({ missing }) => { addKind(missing); });')).routes, []);
  });

  test('lists spread into a list of another file are followed to the files declaring them; one not found leaves the loop a warning, not part of the list', () => {
    const server = (list: string) =>
      ["import fastify from 'fastify';", "import { DEFAULTS } from './defaults';", 'const app = fastify();', `for (const r of ${list}) app.route({ method: r.method, url: r.path, handler });`, 'app.listen({ port: 3000 });'].join('\n');
    const files = {
      '/s/books.ts': table('BOOKS', "{ method: 'GET', path: '/books' }"),
      '/s/probes.ts': table('PROBES', "{ method: 'GET', path: '/live' }"),
      '/s/defaults.ts': [
        "import { BOOKS } from './books';",
        "import { PROBES } from './probes';",
        "import { MISSING } from './missing';",
        "export const DEFAULTS = { api: { routes: [...BOOKS, ...PROBES, { method: 'HEAD', path: '/ping' }] }, broken: [...BOOKS, ...MISSING] };",
      ].join('\n'),
    };
    assert.deepEqual(routesAndWarnings({ ...files, '/s/server.ts': server('DEFAULTS.api.routes') }), { routes: ['GET /books', 'GET /live', 'HEAD /ping'], warnings: [] });
    const broken = routesAndWarnings({ ...files, '/s/server.ts': server('DEFAULTS.broken') });
    assert.deepEqual(broken.routes, []);
    assert.deepEqual(broken.warnings, ['/s/server.ts:4: app.route({...}) method or url is not known statically; route skipped (list it in x-runtime-drift.routes)']);
  });

  test('a function registering each element of a list parameter (on a plugin it registers) serves, at each call, the list that call gives, on the router it gives', () => {
    const helper = [
      "import type { FastifyInstance } from 'fastify';",
      'export function registerEach(app: FastifyInstance, ctx: unknown, endpoints: Endpoint[]) {',
      '  for (const e of endpoints) {',
      '    app.register(async function (scoped) {',
      '      scoped.route({ url: e.path, method: e.method, handler: async () => ({}) });',
      '    });',
      '  }',
      '}',
    ].join('\n');
    const server = [
      "import fastify from 'fastify';",
      "import { registerEach } from './register';",
      "import { BOOKS } from './books';",
      "import { PROBES } from './probes';",
      'export const DEFAULTS = { api: [...BOOKS], health: [...PROBES] };',
      'export function configure(app, options: { routes?: typeof DEFAULTS }) {',
      '  const { routes = DEFAULTS } = options;',
      "  app.register(async (child) => registerEach(child, {}, routes.api ?? DEFAULTS.api), { prefix: '/api' });",
      '  registerEach(app, {}, PROBES);',
      '  registerEach(app, {}, loadMore());',
      '}',
      'const app = fastify();',
      'configure(app, {});',
      'app.listen({ port: 3000 });',
    ].join('\n');
    const { routes, warnings } = routesAndWarnings({
      '/s/books.ts': table('BOOKS', "{ method: 'GET', path: '/books' }, { method: 'PUT', path: '/books/:id' }"),
      '/s/probes.ts': table('PROBES', "{ method: 'GET', path: '/live' }"),
      '/s/register.ts': helper,
      '/s/server.ts': server,
    });
    assert.deepEqual(routes, ['GET /api/books', 'GET /live', 'PUT /api/books/:id']);
    assert.deepEqual(warnings, ['/s/server.ts:10: app.route({...}) method or url is not known statically; route skipped (list it in x-runtime-drift.routes)']);
  });

  test("a method given as a member of a package's enum the scan does not read is the member's name when that names an HTTP method, else not known", () => {
    const server = (member: string) =>
      ["import fastify from 'fastify';", "import { router } from '@acme/http-kit';", 'const app = fastify();', `app.route(createRoute({ path: '/items', method: router.Verbs.${member}, handler }));`, 'app.listen({ port: 3000 });'].join('\n');
    assert.deepEqual(routesAndWarnings({ '/s/server.ts': server('PATCH') }), { routes: ['PATCH /items'], warnings: [] });
    const unknown = routesAndWarnings({ '/s/server.ts': server('Fetch') });
    assert.deepEqual(unknown.routes, []);
    assert.deepEqual(unknown.warnings, ['/s/server.ts:4: app.route({...}) method or url is not known statically; route skipped (list it in x-runtime-drift.routes)']);
  });
});
