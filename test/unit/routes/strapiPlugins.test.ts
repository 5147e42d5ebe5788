import assert from 'node:assert/strict';
import { memFs } from '../helpers/memFs';
import { loadedRoutes } from '../../../src/core/gather/loadedRoutes';
import { strapiLocalPlugins } from '../../../src/core/gather/strapiPlugins';
import { scanSourceText } from '../../../src/core/routes/scanFile';
import type { FsLike } from '../../../src/core/ports';

// Strapi's local plugins (enabled by path in config/plugins) and extensions of plugins: the routers
// a plugin's routes module exports, placed as Strapi's register-routes places them.
const APP = '/ws/cms';
const ENABLE = "export default () => ({\n  shop: { enabled: true, resolve: './src/plugins/shop' },\n});\n";

/** The routes of `files` as the scan reads them: each source file through the scan's own pre-filter. */
async function loadedOf(fs: FsLike, files: Record<string, string>) {
  const extracted = Object.entries(files).flatMap(([file, text]) => {
    const x = /\.[jt]s$/.test(file) ? scanSourceText(file, text) : null;
    return x ? [{ file, x }] : [];
  });
  return loadedRoutes(fs, extracted);
}

async function routesOf(files: Record<string, string>): Promise<string[]> {
  const fs = memFs(files);
  return (await loadedOf(fs, files)).map((r) => `${r.method} ${r.path} ${(r.file ?? '').replace(`${APP}/`, '')}:${r.line ?? 0}`).sort();
}

suite('Strapi local plugins', () => {
  test("an array of routes (Strapi 4's layout) is one admin router under /<plugin name>, the key config/plugins gives it", async () => {
    const routes = "'use strict';\nmodule.exports = [\n  { method: 'GET', path: '/', handler: 'home.index' },\n  { method: 'POST', path: '/orders/', handler: 'orders.create' },\n];\n";
    const found = await routesOf({ [`${APP}/config/plugins.js`]: "module.exports = { shop: { enabled: true, resolve: './src/plugins/shop-folder' } };\n", [`${APP}/src/plugins/shop-folder/server/routes/index.js`]: routes });
    assert.deepEqual(found, ['GET /shop src/plugins/shop-folder/server/routes/index.js:3', 'POST /shop/orders src/plugins/shop-folder/server/routes/index.js:4']);
  });

  test("an object of routers (Strapi 5's server/src/routes), followed through imports and spreads: content-api under /api/<name>, admin under /<name>, a route's own config.prefix skips the router's", async () => {
    const index = "import admin from './admin';\nimport publicRoutes from './public';\n\nexport default {\n  'content-api': { type: 'content-api', routes: publicRoutes },\n  admin,\n};\n";
    const admin = "import items from './items';\n\nexport default {\n  type: 'admin',\n  routes: [...items],\n};\n";
    const items = "export default [\n  { method: 'DELETE', path: '/items/:id', handler: 'items.remove' },\n];\n";
    const pub = "const routes = [\n  { method: 'GET', path: '/items', handler: 'items.list' },\n  { method: 'GET', path: '/catalog', handler: 'items.catalog', config: { prefix: '' } },\n];\nexport default routes;\n";
    const dir = `${APP}/src/plugins/shop/server/src/routes`;
    const found = await routesOf({ [`${APP}/config/plugins.ts`]: ENABLE, [`${dir}/index.ts`]: index, [`${dir}/admin/index.ts`]: admin, [`${dir}/admin/items.ts`]: items, [`${dir}/public.ts`]: pub });
    const at = 'src/plugins/shop/server/src/routes';
    assert.deepEqual(found, [`DELETE /shop/items/:id ${at}/admin/items.ts:2`, `GET /api/catalog ${at}/public.ts:3`, `GET /api/shop/items ${at}/public.ts:2`]);
  });

  test("a router's own prefix and config/api's rest.prefix; a router file the routes module does not load, a plugin not enabled by path, enabled: false: none", async () => {
    const index = "const reviews = require('./reviews');\nmodule.exports = { reviews };\n";
    const reviews = "module.exports = { type: 'content-api', prefix: '/opinions', routes: [{ method: 'PUT', path: '/:id', handler: 'r.update' }] };\n";
    const unused = "module.exports = { type: 'admin', routes: [{ method: 'GET', path: '/unused', handler: 'u.get' }] };\n";
    const files = { [`${APP}/src/plugins/shop/server/routes/index.js`]: index, [`${APP}/src/plugins/shop/server/routes/reviews.js`]: reviews, [`${APP}/src/plugins/shop/server/routes/unused.js`]: unused, [`${APP}/config/api.js`]: "module.exports = { rest: { prefix: '/v2' } };\n" };
    assert.deepEqual(await routesOf({ ...files, [`${APP}/config/plugins.js`]: ENABLE }), ['PUT /v2/opinions/:id src/plugins/shop/server/routes/reviews.js:1']);
    assert.deepEqual(await routesOf({ ...files, [`${APP}/config/plugins.js`]: 'module.exports = { i18n: true };\n' }), []);
    assert.deepEqual(await routesOf({ ...files, [`${APP}/config/plugins.js`]: ENABLE.replace('enabled: true', 'enabled: false') }), []);
  });

  test("a plugin folder beside src (resolve './plugins/x'); a plugin module exporting no routers and a routes-like file outside a plugin's routes folder: none", async () => {
    const index = "export default [{ method: 'GET', path: '/ping', handler: 'p.ping' }];\n";
    const config = ENABLE.replace('./src/plugins/shop', './plugins/shop');
    assert.deepEqual(await routesOf({ [`${APP}/config/plugins.ts`]: config, [`${APP}/plugins/shop/server/routes/index.ts`]: index }), ['GET /shop/ping plugins/shop/server/routes/index.ts:1']);
    assert.deepEqual(await routesOf({ [`${APP}/config/plugins.ts`]: ENABLE, [`${APP}/src/plugins/shop/server/routes/index.ts`]: 'export const helper = 1;\n' }), []);
    assert.deepEqual(await routesOf({ [`${APP}/config/plugins.ts`]: ENABLE, [`${APP}/src/plugins/shop/server/helpers/index.ts`]: index }), []);
  });

  test("an extension pushing routes onto a plugin's content-api router: under /api/<plugin>, or at /api itself with config.prefix", async () => {
    const ext = "export default (plugin) => {\n  plugin.routes['content-api'].routes.push({ method: 'POST', path: '/auth/magic', handler: 'auth.magic', config: { prefix: '' } });\n  plugin.routes['content-api'].routes.push({\n    method: 'GET',\n    path: '/stats',\n    handler: 'stats.get',\n  });\n  plugin.routes.admin.routes.push({ method: 'GET', path: '/audit', handler: 'audit.list' });\n  plugin.controllers.auth = {};\n  return plugin;\n};\n";
    const found = await routesOf({ [`${APP}/src/extensions/members/strapi-server.ts`]: ext });
    const at = 'src/extensions/members/strapi-server.ts';
    assert.deepEqual(found, [`GET /api/members/stats ${at}:3`, `GET /members/audit ${at}:8`, `POST /api/auth/magic ${at}:2`]);
  });

  test("config/plugins' local plugins: quoted keys, a function returning the object, only literal resolves", () => {
    const config = "const path = require('path');\nexport default ({ env }) => ({\n  i18n: true,\n  'admin-tools': { enabled: true, resolve: './src/plugins/admin-tools', config: {} },\n  other: { resolve: path.resolve(__dirname, '../x') },\n});\n";
    assert.deepEqual(strapiLocalPlugins(config), [{ name: 'admin-tools', resolve: './src/plugins/admin-tools' }]);
  });
});
