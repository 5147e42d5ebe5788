// Ts.ED: controllers with Nest-like decorators, served under the path the server's
// `@Configuration({ mount })` lists them at (tsedMount.ts, nestApp.ts readTsedConfiguration).
// Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const CONTROLLER = [
  "import { Controller } from '@tsed/di';",
  "import { Get, Post } from '@tsed/schema';",
  "@Controller('/invoices')",
  'export class InvoiceCtrl {',
  "  @Get('/')",
  '  list() { return []; }',
  "  @Post('/:id/send')",
  '  send() { return {}; }',
  '}',
].join('\n');

const server = (mount: string) =>
  [
    "import { Configuration } from '@tsed/di';",
    "import '@tsed/platform-express';",
    "import { InvoiceCtrl } from './invoice.ctrl';",
    `@Configuration({ port: 8083, mount: ${mount} })`,
    'export class Server {}',
  ].join('\n');

suite('Ts.ED controllers', () => {
  test("controllers mounted at '/' are served at their own paths, with no warning", () => {
    const { routes, warnings } = routesAndWarnings({ '/s/src/invoice.ctrl.ts': CONTROLLER, '/s/src/server.ts': server("{ '/': [InvoiceCtrl] }") });
    assert.deepEqual(routes, ['GET /invoices', 'POST /invoices/:id/send']);
    assert.deepEqual(warnings, []);
  });

  test('the path the mount object lists them under goes before theirs', () => {
    const { routes } = routesAndWarnings({ '/s/src/invoice.ctrl.ts': CONTROLLER, '/s/src/server.ts': server("{ '/rest/v2': [InvoiceCtrl] }") });
    assert.deepEqual(routes, ['GET /rest/v2/invoices', 'POST /rest/v2/invoices/:id/send']);
  });

  test('controllers mounted at several paths are shown under an unknown prefix, with a warning', () => {
    const { routes, warnings } = routesAndWarnings({ '/s/src/invoice.ctrl.ts': CONTROLLER, '/s/src/server.ts': server("{ '/rest': [InvoiceCtrl], '/admin': [InvoiceCtrl] }") });
    assert.deepEqual(routes, ['GET /…/invoices', 'POST /…/invoices/:id/send']);
    assert.equal(warnings.length, 1);
  });
});
