// A Fastify plugin handing the instance it is given to a function of a module imported as a
// namespace (`import * as imageRoutes from './image'`, then `imageRoutes.setup(app)`): that
// function's routes are the plugin's, under every prefix the plugin is registered with.
import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const MAIN = [
  "import { fastify } from 'fastify';",
  "import * as wiki from './wiki';",
  'const app = fastify();',
  "await app.register(wiki.setup, { prefix: '/wiki' });",
  'await app.listen({ port: 3000 });',
].join('\n');
const SUBJECT = (call: string) =>
  [
    "import * as imageRoutes from './image';",
    'export async function setup(app) {',
    `  ${call}`,
    "  app.get('/subjects/:id', async () => ({}));",
    '}',
  ].join('\n');
const IMAGE = "export function setup(app) {\n  app.get('/subjects/:id/covers', async () => []);\n  app.post('/subjects/:id/covers', async () => ({}));\n}\n";

const routesOf = (call: string) => routesAndWarnings({ '/ws/src/main.ts': MAIN, '/ws/src/wiki.ts': SUBJECT(call), '/ws/src/image.ts': IMAGE }).routes;

suite('a plugin handing its instance to a namespace import', () => {
  test("the namespace's function registers on the plugin's instance, under the plugin's prefix", () => {
    assert.deepEqual(routesOf('imageRoutes.setup(app);'), ['GET /wiki/subjects/:id', 'GET /wiki/subjects/:id/covers', 'POST /wiki/subjects/:id/covers']);
  });
});
