// A workspace library exporting a server factory (`createServer(configure?)`) and fastify plugins:
// an app serves a library plugin's routes only when its own code, or the factory with the
// arguments the app gives it, registers that plugin.
import * as assert from 'node:assert/strict';
import { workspacePackageAliases } from '../../../src/core/routes/aliases';
import { findPackages, findServerApps, groupFilesByApp } from '../../../src/core/routes/serverApps';
import { collectRoutes } from '../helpers/collectText';
import { memFs } from '../helpers/memFs';

const LIB: Record<string, string> = {
  '/r/packages/kit/package.json': JSON.stringify({ name: '@acme/kit', main: './src/index.ts', dependencies: { fastify: '5', 'fastify-plugin': '5' } }),
  '/r/packages/kit/src/index.ts': "export * from './wrap';\nexport * from './plugins';\nexport * from './server';\n",
  '/r/packages/kit/src/wrap.ts': "import fp from 'fastify-plugin';\nexport const makePlugin = (fn) => fp(fn);\n",
  '/r/packages/kit/src/plugins/index.ts': "export * from './billing';\nexport * from './accounts';\nexport * from './settings';\n",
  '/r/packages/kit/src/plugins/billing/index.ts': "import { paymentsPlugin } from './payments';\nexport { paymentsPlugin };\n",
  '/r/packages/kit/src/plugins/billing/payments.ts': "import { makePlugin } from '../../wrap';\nimport rawBody from 'fastify-raw-body';\nconst paymentsPlugin = makePlugin(async (app) => {\n  await app.register(rawBody, { global: false });\n  app.post('/payments/hook', async () => ({}));\n});\nexport { paymentsPlugin };\n",
  '/r/packages/kit/src/plugins/accounts.ts': "import { makePlugin } from '../wrap';\nconst addRenew = (app) => {\n  app.post('/accounts/renew', async () => ({}));\n};\nexport const accountsPlugin = makePlugin(async (app) => {\n  addRenew(app);\n});\n",
  '/r/packages/kit/src/plugins/settings.ts': "import { makePlugin } from '../wrap';\nexport const settingsPlugin = makePlugin(async (app) => {\n  app.decorate('settings', {});\n});\n",
  '/r/packages/kit/src/server.ts':
    "import Fastify from 'fastify';\nimport { settingsPlugin } from './plugins';\nexport const createServer = async (configure) => {\n  const server = Fastify();\n  await server.register(settingsPlugin);\n  if (configure) await configure(server);\n  return server;\n};\n",
};

const APPS: Record<string, string> = {
  '/r/apps/main/package.json': JSON.stringify({ name: 'main', dependencies: { fastify: '5', '@acme/kit': 'workspace:*' }, scripts: { start: 'node dist/index.js' } }),
  '/r/apps/main/src/index.ts':
    "import { createServer, accountsPlugin } from '@acme/kit';\nimport { mainRoutes } from './routes';\n(async () => {\n  const server = await createServer(async (s) => {\n    await s.register(accountsPlugin);\n  });\n  await server.register(mainRoutes);\n  await server.listen({ port: 3000 });\n})();\n",
  '/r/apps/main/src/routes.ts': "import { makePlugin } from '@acme/kit';\nexport const mainRoutes = makePlugin(async (app) => {\n  app.get('/main', async () => ({}));\n});\n",
  '/r/apps/side/package.json': JSON.stringify({ name: 'side', dependencies: { fastify: '5', '@acme/kit': 'workspace:*' }, scripts: { start: 'node dist/index.js' } }),
  '/r/apps/side/src/index.ts':
    "import { createServer } from '@acme/kit';\nimport { sideRoutes } from './routes';\n(async () => {\n  const server = await createServer();\n  await server.register(sideRoutes);\n  await server.listen({ port: 3001 });\n})();\n",
  '/r/apps/side/src/routes.ts': "import { makePlugin } from '@acme/kit';\nexport const sideRoutes = makePlugin(async (app) => {\n  app.get('/side', async () => ({}));\n});\n",
};

async function routesByApp(files: Record<string, string>): Promise<Record<string, string[]>> {
  const fs = memFs(files);
  const all = Object.keys(files);
  const packages = await findPackages(fs, all);
  const groups = groupFilesByApp('/r', await findServerApps(fs, all), all.filter((f) => f.endsWith('.ts')), packages);
  const aliases = await workspacePackageAliases(fs, packages);
  const out: Record<string, string[]> = {};
  for (const g of groups) {
    const routes = collectRoutes(g.files.map((file) => ({ file, text: files[file] ?? '' })), { moduleOf: () => undefined, aliases });
    out[g.dir] = routes.routes.map((r) => `${r.method} ${r.path}`).sort();
  }
  return out;
}

suite('a shared server library: whose plugins each app serves', () => {
  test("an app serves the library plugins it registers (in the factory's callback), not the library's others; an app calling the factory with no callback serves none of them", async () => {
    assert.deepEqual(await routesByApp({ ...LIB, ...APPS }), {
      '/r/apps/main': ['GET /main', 'POST /accounts/renew'],
      '/r/apps/side': ['GET /side'],
    });
  });
});
