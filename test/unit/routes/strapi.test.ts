import assert from 'node:assert/strict';
import { memFs } from '../helpers/memFs';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';
import { strapiApiPrefix, strapiRoutes } from '../../../src/core/gather/strapiApp';

// Strapi's API router files, loaded by Strapi itself: core routers from their content type's
// schema.json, custom routers' tables, all under the content API's prefix.
const APP = '/ws/cms';
const CORE = "import { factories } from '@strapi/strapi';\n\nexport default factories.createCoreRouter('api::dish.dish');\n";
const schema = (kind: string, singular: string, plural: string) => JSON.stringify({ kind, collectionName: plural, info: { singularName: singular, pluralName: plural, displayName: singular }, attributes: {} });

async function routesOf(files: Record<string, string>, others: Record<string, string> = {}): Promise<string[]> {
  const fs = memFs({ ...files, ...others });
  const extracted = Object.entries(files)
    .filter(([file, text]) => /\.[jt]s$/.test(file) && mayDeclareRoutes(text))
    .map(([file, text]) => ({ file, x: extractRoutesFromSource(text, file) }));
  return (await strapiRoutes(fs, extracted)).map((r) => `${r.method} ${r.path} :${r.line ?? 0}`).sort();
}

suite('Strapi', () => {
  test("a core router: its collection type's five REST routes under /api, named by schema.json's pluralName", async () => {
    const routes = await routesOf({ [`${APP}/src/api/dish/routes/dish.ts`]: CORE }, { [`${APP}/src/api/dish/content-types/dish/schema.json`]: schema('collectionType', 'dish', 'dishes') });
    assert.deepEqual(routes, ['DELETE /api/dishes/:id :3', 'GET /api/dishes :3', 'GET /api/dishes/:id :3', 'POST /api/dishes :3', 'PUT /api/dishes/:id :3']);
  });

  test("a single type's three routes; only / except / prefix options; config/api's rest.prefix", async () => {
    const router = "const { createCoreRouter } = require('@strapi/strapi').factories;\nmodule.exports = createCoreRouter('api::home.home', { prefix: '/site', except: ['delete'] });\n";
    const routes = await routesOf(
      { [`${APP}/src/api/home/routes/home.js`]: router },
      { [`${APP}/src/api/home/content-types/home/schema.json`]: schema('singleType', 'home', 'homes'), [`${APP}/config/api.ts`]: "export default {\n  rest: {\n    defaultLimit: 25,\n    prefix: '/v2',\n  },\n};\n" },
    );
    assert.deepEqual(routes, ['GET /v2/site/home :2', 'PUT /v2/site/home :2']);
    const only = CORE.replace("'api::dish.dish'", "'api::dish.dish', { only: ['find', 'findOne'] }");
    const found = await routesOf({ [`${APP}/src/api/dish/routes/dish.ts`]: only }, { [`${APP}/src/api/dish/content-types/dish/schema.json`]: schema('collectionType', 'dish', 'dishes') });
    assert.deepEqual(found, ['GET /api/dishes :3', 'GET /api/dishes/:id :3']);
  });

  test("a custom router's routes under /api; an admin router's and a file outside an API's routes folder are none", async () => {
    const custom = "export default {\n  routes: [\n    { method: 'GET', path: '/dishes/popular', handler: 'dish.popular' },\n    { method: 'POST', path: '/dishes/:id/like', handler: 'dish.like', config: { policies: [] } },\n  ],\n};\n";
    assert.deepEqual(await routesOf({ [`${APP}/src/api/dish/routes/custom.ts`]: custom }), ['GET /api/dishes/popular :3', 'POST /api/dishes/:id/like :4']);
    const admin = custom.replace('routes: [', "type: 'admin',\n  routes: [");
    assert.deepEqual(await routesOf({ [`${APP}/src/api/dish/routes/custom.ts`]: admin }), []);
    assert.deepEqual(await routesOf({ [`${APP}/src/lib/custom.ts`]: custom }), []);
  });

  test('a core router whose schema.json is missing or unreadable gives no route (not a guess at its plural)', async () => {
    assert.deepEqual(await routesOf({ [`${APP}/src/api/dish/routes/dish.ts`]: CORE }), []);
    assert.deepEqual(await routesOf({ [`${APP}/src/api/dish/routes/dish.ts`]: CORE }, { [`${APP}/src/api/dish/content-types/dish/schema.json`]: '{ "kind": "collectionType" }' }), []);
  });

  test("the content API's prefix: config/api's rest.prefix, else /api", () => {
    assert.equal(strapiApiPrefix(undefined), '/api');
    assert.equal(strapiApiPrefix("module.exports = { rest: { defaultLimit: 25, maxLimit: 100 } };"), '/api');
    assert.equal(strapiApiPrefix("module.exports = ({ env }) => ({ rest: { prefix: '/content' } });"), '/content');
  });
});
