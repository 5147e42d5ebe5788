// moleculer-runner loads only the services its SERVICES variable lists: of one image run as several
// compose services (`SERVICES: api`, `SERVICES: orders`), only the one loading the gateway serves its routes.
import assert from 'node:assert/strict';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';
import { moleculerRoutes } from '../../../src/core/gather/loadedRoutes';
import { runnerLoadedGateways, unloadedGatewayFiles } from '../../../src/core/gather/moleculerRunner';
import { unreadFrameworkWarnings } from '../../../src/core/routes/unreadFrameworks';

const GATEWAY =
  "const Web = require('moleculer-web');\nmodule.exports = {\n  name: 'edge',\n  mixins: [Web],\n  settings: {\n    routes: [{ path: '/v1', autoAliases: true, aliases: { 'GET ping': 'edge.ping' } }],\n  },\n};\n";
const ORDERS = "module.exports = {\n  name: 'orders',\n  actions: { list: { rest: 'GET /', handler(ctx) {} } },\n};\n";
const FILES: Record<string, string> = { '/ws/services/edge.service.js': GATEWAY, '/ws/services/shop/orders.service.js': ORDERS };

const EXTRACTED = Object.entries(FILES)
  .filter(([, text]) => mayDeclareRoutes(text))
  .map(([file, text]) => ({ file, x: extractRoutesFromSource(text, file) }));
const envListing = (services: string | undefined) => (services === undefined ? undefined : { service: 'svc', values: { SERVICES: services }, where: {} });

function routesWith(services: string | undefined): string[] {
  return moleculerRoutes(runnerLoadedGateways(EXTRACTED, envListing(services))).map((r) => `${r.method} ${r.path}`).sort();
}

suite('moleculer-runner SERVICES', () => {
  test('with no SERVICES list every gateway serves, its aliases and the auto-aliased actions of every service', () => {
    assert.deepEqual(routesWith(undefined), ['GET /v1/orders', 'GET /v1/ping']);
  });

  test('a list naming the gateway (by name, path with its ending, a glob, its folder) keeps its routes, other services still aliased', () => {
    for (const listed of ['edge', 'orders, edge', './services/edge.service.js', '*.service.js', 'services']) assert.deepEqual(routesWith(listed), ['GET /v1/orders', 'GET /v1/ping'], listed);
  });

  test('a list naming only other services (the worker containers of the same image) serves none of the gateway routes', () => {
    for (const listed of ['orders', 'shop/orders', 'shop', 'edges']) assert.deepEqual(routesWith(listed), [], listed);
    // An exclusion alone lists nothing to load by name: not read, every gateway kept.
    assert.deepEqual(routesWith('!orders'), ['GET /v1/orders', 'GET /v1/ping']);
  });

  test('globs of the list match within a path segment, at any folder; a list of many stars from a compose file is read in its length, not tried every way', () => {
    for (const listed of ['e*e', '*dg*', 'serv*/edge', 'services/*.service.js', '*/edge.service.*']) assert.deepEqual(routesWith(listed), ['GET /v1/orders', 'GET /v1/ping'], listed);
    for (const listed of ['shop/edge', 'e*x', 'serv*/shop', 'edge/*']) assert.deepEqual(routesWith(listed), [], listed);
    // `*a*a*...*b` made a regular expression of nested [^/]* that backtracks in the path's length to the power of the stars.
    const long = `/ws/services/${'e'.repeat(200)}.service.js`;
    const extracted = [{ file: long, x: extractRoutesFromSource(GATEWAY, long) }];
    assert.deepEqual([...unloadedGatewayFiles(extracted, envListing(`${'*e'.repeat(40)}*x`))], [long]);
    assert.deepEqual([...unloadedGatewayFiles(extracted, envListing(`${'*e'.repeat(40)}*`))], []);
  });

  test('a gateway not loaded here still declares its routes: no note that the framework serves none read', () => {
    const unloaded = unloadedGatewayFiles(EXTRACTED, envListing('orders'));
    assert.deepEqual([...unloaded], ['/ws/services/edge.service.js']);
    assert.deepEqual(unreadFrameworkWarnings(['moleculer', 'moleculer-web'], [], EXTRACTED, unloaded), []);
    assert.equal(unreadFrameworkWarnings(['moleculer', 'moleculer-web'], [], EXTRACTED).length, 1);
  });
});
