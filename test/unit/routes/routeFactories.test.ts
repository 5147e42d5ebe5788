// Route factories: a function returning a plugin whose routes take their paths from the function's
// parameters, defined in one file and called from others (routeFactories.ts, collect.ts
// factoryCallRoutes). Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';

const collect = (files: Record<string, string>) => {
  const { routes, warnings } = collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases: [] },
  );
  return { routes: routes.map((r) => `${r.method} ${r.path} ${(r.file ?? '').slice(3)}:${r.line}`).sort(), warnings };
};

/** A factory of a plugin answering its JSON document at the path it is given, and one more route under it. */
const FACTORY = [
  "import type { FastifyPluginAsync } from 'fastify';",
  'export const documentRoute = (at: string, doc: object): FastifyPluginAsync => {',
  '  const body = JSON.stringify(doc);',
  '  return async (server) => {',
  '    server.get(at, async () => body);',
  "    server.route({ method: 'HEAD', url: at + '/meta', handler: async () => '' });",
  '  };',
  '};',
].join('\n');

const caller = (path: string) => ["import { documentRoute } from './documentRoute';", `const docs = documentRoute('${path}', { title: 'x' });`, 'export default docs;'].join('\n');

const APP = `import Fastify from 'fastify';
import terms from './terms';
import privacy from './privacy';
const app = Fastify();
app.register(terms);
app.register(privacy, { prefix: '/legal' });
app.listen({ port: 3000 });
`;

suite('route factories called from other files', () => {
  test("each calling file's plugin registers the factory's routes at the path its call gives, under the prefix it is registered with; the factory's own body warns of nothing", () => {
    const { routes, warnings } = collect({ '/s/documentRoute.ts': FACTORY, '/s/terms.ts': caller('/terms'), '/s/privacy.ts': caller('/privacy'), '/s/app.ts': APP });
    assert.deepEqual(routes, ['GET /legal/privacy privacy.ts:2', 'GET /terms terms.ts:2', 'HEAD /legal/privacy/meta privacy.ts:2', 'HEAD /terms/meta terms.ts:2']);
    assert.deepEqual(warnings, []);
  });

  test('without the factory read, a call adds nothing; a returned plugin whose path reads no parameter makes no factory, and its body warns of the path', () => {
    const { routes } = collect({ '/s/terms.ts': caller('/terms'), '/s/app.ts': APP });
    assert.deepEqual(routes, []);
    const alone = collect({ '/s/documentRoute.ts': FACTORY.replace('export const documentRoute = (at: string, doc: object): FastifyPluginAsync => {', 'export const documentRoute = (doc: object): FastifyPluginAsync => {\n  const at = process.env.DOC_PATH;') });
    assert.equal(alone.warnings.length, 2, alone.warnings.join('\n'));
  });

  test('a call of an imported function that is no route factory adds no route and no warning', () => {
    const client = "export const makeClient = (base: string) => ({ get: (p: string) => fetch(base + p) });";
    const { routes, warnings } = collect({ '/s/client.ts': client, '/s/use.ts': "import { makeClient } from './client';\nconst api = makeClient('/api');\nexport default api;", '/s/app.ts': APP });
    assert.deepEqual(routes, []);
    assert.deepEqual(warnings, []);
  });

  test('a call whose path is not known statically: a warning at the call, no route', () => {
    const { routes, warnings } = collect({
      '/s/documentRoute.ts': FACTORY,
      '/s/terms.ts': "import { documentRoute } from './documentRoute';\nimport { where } from './where';\nconst docs = documentRoute(where(), { title: '/x' });\nexport default docs;",
      '/s/app.ts': "import Fastify from 'fastify';\nimport terms from './terms';\nconst app = Fastify();\napp.register(terms);",
    });
    assert.deepEqual(routes, []);
    assert.ok(warnings.some((w) => /terms\.ts:3/.test(w)), warnings.join('\n'));
  });

  test('the cheap pre-filter passes a file whose constant is made by a call given a path, and not a plain call', () => {
    assert.equal(mayDeclareRoutes(caller('/terms')), true);
    assert.equal(mayDeclareRoutes("import { documentRoute } from './d';\nconst docs = documentRoute(\n  PATHS.base,\n  '/terms',\n);\n"), true);
    assert.equal(mayDeclareRoutes("import { load } from './d';\nconst data = load('terms.json');\nconsole.log(data);\n"), false);
  });
});
