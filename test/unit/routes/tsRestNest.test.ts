// ts-rest's Nest adapter: @TsRest / @TsRestHandler handlers serving contract routes (src/core/routes/tsRestNest.ts). Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import type { PathAlias } from '../../../src/core/routes/collect';

const collect = (files: Record<string, string>, aliases: PathAlias[] = []) => {
  const { routes, warnings } = collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases },
  );
  return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
};

/** Two contracts: `books` under a pathPrefix, with a router nested in it under its own; `shelf` without one. */
const CONTRACT = [
  "import { initContract } from '@ts-rest/core';",
  'const c = initContract();',
  'export const books = c.router({',
  "  all: { method: 'GET', path: '', responses: { 200: null } },",
  "  add: { method: 'POST', path: '/', body: null, responses: {} },",
  "  drop: { method: 'DELETE', path: '/:bookId', responses: {} },",
  "  loans: c.router({ open: { method: 'PATCH', path: '/:loanId', body: null, responses: {} } }, { pathPrefix: '/loans' }),",
  "}, { pathPrefix: '/books' });",
  "export const shelf = c.router({ count: { method: 'GET', path: '/shelf/count', responses: {} } });",
  'export const library = c.router({ books, shelf }, { pathPrefix: `/lib` });',
].join('\n');

const MAIN = "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nasync function start() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api');\n  await app.listen(3000);\n}\nstart();\n";

suite('ts-rest Nest adapter', () => {
  test("@TsRestHandler(route), @TsRest(route) and the deprecated @Api(route): each a Nest route of the contract route's method, its path after the contract's pathPrefix, under the controller's path and the global prefix", () => {
    const { routes, warnings } = collect({
      '/s/contract.ts': CONTRACT,
      '/s/main.ts': MAIN,
      '/s/books.controller.ts': [
        "import { Controller } from '@nestjs/common';",
        "import { TsRestHandler, tsRestHandler, TsRest, Api } from '@ts-rest/nest';",
        "import { books } from './contract';",
        "@Controller('v1')",
        '@TsRest({ validateResponses: true })',
        'export class BooksController {',
        '  @TsRestHandler(books.all)',
        '  all() { return tsRestHandler(books.all, async () => ({ status: 200, body: [] })); }',
        '  @TsRest(books.add, { jsonQuery: true })',
        '  add() { return { status: 201, body: null }; }',
        '  @Api(books.loans.open)',
        '  open() { return { status: 200, body: null }; }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /api/v1/books', 'PATCH /api/v1/books/loans/:loanId', 'POST /api/v1/books']);
    assert.deepEqual(warnings, []);
  });

  test('@TsRestHandler(router): one handler serving each route written in the router, not those of a router nested in it', () => {
    const { routes } = collect({
      '/s/contract.ts': CONTRACT,
      '/s/books.controller.ts': [
        "import { Controller } from '@nestjs/common';",
        "import * as tsr from '@ts-rest/nest';",
        "import { books } from './contract';",
        '@Controller()',
        'export class BooksController {',
        '  @tsr.TsRestHandler(books)',
        '  handler() { return tsr.tsRestHandler(books, { all: h, add: h, drop: h }); }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /books/:bookId', 'GET /books', 'POST /books']);
  });

  test('a route reached through a contract of contracts: the outer pathPrefix, then the inner one; a contract of the controller file itself', () => {
    const { routes } = collect({
      '/s/contract.ts': CONTRACT,
      '/s/lib.controller.ts': [
        "import { Controller } from '@nestjs/common';",
        "import { TsRestHandler } from '@ts-rest/nest';",
        "import { initContract } from '@ts-rest/core';",
        "import { library } from './contract';",
        'const c = initContract();',
        "const local = c.router({ ping: { method: 'GET', path: '/ping', responses: {} } }, { pathPrefix: '/health' });",
        "@Controller('shop')",
        'export class LibController {',
        '  @TsRestHandler(library.books.drop)',
        '  drop() { return null; }',
        '  @TsRestHandler(library.shelf.count)',
        '  count() { return null; }',
        '  @TsRestHandler(local.ping)',
        '  ping() { return null; }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /shop/lib/books/:bookId', 'GET /shop/health/ping', 'GET /shop/lib/shelf/count']);
  });

  test('a contract imported from another package of the monorepo (a path alias), re-exported by its index', () => {
    const { routes } = collect(
      {
        '/m/packages/contracts/src/books.ts': CONTRACT,
        '/m/packages/contracts/src/index.ts': "export * from './books';\n",
        '/m/apps/api/src/books.controller.ts': [
          "import { Controller } from '@nestjs/common';",
          "import { TsRestHandler } from '@ts-rest/nest';",
          "import { books } from '@acme/contracts';",
          '@Controller()',
          'export class BooksController {',
          '  @TsRestHandler(books.drop)',
          '  drop() { return null; }',
          '}',
        ].join('\n'),
      },
      [{ pattern: '@acme/contracts', targets: ['/m/packages/contracts/src/index.ts'] }],
    );
    assert.deepEqual(routes, ['DELETE /books/:bookId']);
  });

  test('the older helpers handing the contract back: @TsRest(c.route) of nestControllerContract(contract), @Api(s.route.route) of initNestServer(contract)', () => {
    const { routes, warnings } = collect({
      '/s/contract.ts': CONTRACT,
      '/s/books.controller.ts': [
        "import { Controller } from '@nestjs/common';",
        "import { Api, TsRest, initNestServer, nestControllerContract } from '@ts-rest/nest';",
        "import { books, shelf } from './contract';",
        'const c = nestControllerContract(books);',
        'const s = initNestServer(shelf);',
        "@Controller('old')",
        'export class BooksController {',
        '  @TsRest(c.drop)',
        '  drop() { return null; }',
        '  @Api(s.route.count)',
        '  count() { return null; }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['DELETE /old/books/:bookId', 'GET /old/shelf/count']);
    assert.deepEqual(warnings, []);
  });

  test('a contract not known statically is warned of at the decorator; a TsRestHandler of another package is no ts-rest route', () => {
    const { routes, warnings } = collect({
      '/s/books.controller.ts': [
        "import { Controller, Get } from '@nestjs/common';",
        "import { TsRestHandler } from '@ts-rest/nest';",
        "import { TsRestHandler as Mine } from './mine';",
        "import { loadContract } from './load';",
        '@Controller()',
        'export class BooksController {',
        '  @TsRestHandler(loadContract().all)',
        '  all() { return null; }',
        '  @Mine(loadContract())',
        "  @Get('plain')",
        '  plain() { return null; }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /plain']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /books\.controller\.ts:7.*@TsRestHandler: the ts-rest contract route.*not found statically/);
  });
});
