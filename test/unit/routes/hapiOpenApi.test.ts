// hapi-openapi: a plugin object { plugin, options: { api, handlers } } serves the document's
// operations at its base path, each handled by the handler module whose path mirrors it.
import assert from 'node:assert/strict';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { collectExtracted } from '../../../src/core/routes/collect';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';
import { openApiDocuments } from '../../../src/core/gather/openApiDocs';
import { memFs } from '../helpers/memFs';

const ROOT = '/w';

/** Routes found in the source files, the documents among `files` read as the gatherer reads them. */
async function collect(sources: Record<string, string>, documents: Record<string, string> = {}): Promise<{ routes: string[]; warnings: string[] }> {
  const extracted = Object.entries(sources)
    .filter(([, text]) => mayDeclareRoutes(text))
    .map(([rel, text]) => ({ file: `${ROOT}/${rel}`, x: extractRoutesFromSource(text, `${ROOT}/${rel}`) }));
  const fs = memFs(Object.fromEntries(Object.entries(documents).map(([rel, text]) => [`${ROOT}/${rel}`, text])));
  const docs = await openApiDocuments(fs, extracted);
  const out = collectExtracted(extracted, { moduleOf: () => undefined, files: Object.keys(sources).map((rel) => `${ROOT}/${rel}`), ...(docs ? { openApiDocuments: docs } : {}) });
  return { routes: out.routes.map((r) => `${r.method} ${r.path} ${(r.file ?? '').slice(ROOT.length + 1)}`).sort(), warnings: out.warnings };
}

const SERVER = "const Hapi = require('@hapi/hapi');\nconst plugins = require('./plugins');\nconst start = async () => {\n  const server = Hapi.server({ port: 8080 });\n  await server.register(plugins);\n  await server.start();\n};\nstart();\n";
const HANDLERS = {
  'lib/handlers/shelves.js': 'module.exports = {\n  get: async (request, h) => [],\n  post: async (request, h) => h.response().code(201),\n};\n',
  'lib/handlers/shelves/{shelfId}.js': 'module.exports = {\n  get: async function one(request) {\n    return {};\n  },\n  delete: async () => null,\n};\n',
  'lib/handlers/ping.js': "module.exports = {\n  get: () => 'pong',\n};\n",
};
const SHELVES_DOC = JSON.stringify({ swagger: '2.0', basePath: '/library/v1/', paths: { '/shelves': { get: {}, post: {} }, '/shelves/{shelfId}': { parameters: [], get: {} }, '/ping': { get: {} } } });
/** The routes of the two documents over the handlers folder: DELETE /shelves/{shelfId} is in neither. */
const BOTH_DOCUMENTS = [
  'GET /library/v1/ping lib/handlers/ping.js',
  'GET /library/v1/shelves lib/handlers/shelves.js',
  'GET /library/v1/shelves/:shelfId lib/handlers/shelves/{shelfId}.js',
  'GET /ops/ping lib/handlers/ping.js',
  'POST /library/v1/shelves lib/handlers/shelves.js',
];
const OPS_DOC = "openapi: 3.0.0\nservers:\n  - url: http://localhost:8080/ops\npaths:\n  /ping:\n    get:\n      operationId: ping\n";

suite('hapi-openapi', () => {
  test("each plugin object's document: its base path (basePath, else the servers' paths) + the handler module's path, only the operations the document declares", async () => {
    const plugins =
      "import HapiOpenAPI from 'hapi-openapi';\nimport path from 'path';\nexport default [\n  { plugin: HapiOpenAPI, options: { api: path.resolve(__dirname, '../docs/shelves.json'), handlers: path.resolve(__dirname, './handlers') } },\n  { plugin: HapiOpenAPI, options: { api: path.join(__dirname, 'ops.yaml'), handlers: path.join(__dirname, 'handlers') } },\n];\n";
    const { routes, warnings } = await collect({ 'lib/server.js': SERVER, 'lib/plugins.js': plugins, ...HANDLERS }, { 'docs/shelves.json': SHELVES_DOC, 'lib/ops.yaml': OPS_DOC });
    assert.deepEqual(routes, BOTH_DOCUMENTS);
    assert.deepEqual(warnings, []);
  });

  test('the plugin required in place; a document that cannot be read is warned of at the plugin object, its handler modules shown without a base path', async () => {
    const plugins = "const Path = require('path');\nmodule.exports = {\n  plugin: require('hapi-openapi'),\n  options: { api: Path.resolve(__dirname, './missing.json'), handlers: Path.resolve(__dirname, './handlers') },\n};\n";
    const { routes, warnings } = await collect({ 'lib/server.js': SERVER, 'lib/plugins.js': plugins, ...HANDLERS });
    assert.deepEqual(routes, [
      'DELETE /shelves/:shelfId lib/handlers/shelves/{shelfId}.js',
      'GET /ping lib/handlers/ping.js',
      'GET /shelves lib/handlers/shelves.js',
      'GET /shelves/:shelfId lib/handlers/shelves/{shelfId}.js',
      'POST /shelves lib/handlers/shelves.js',
    ]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /^\/w\/lib\/plugins\.js:2: hapi-openapi plugin: document \.\/missing\.json not read/);
  });

  test('options held by constants of the file, chosen by a condition (one server per document): both documents served', async () => {
    const server =
      "const Hapi = require('@hapi/hapi');\nconst HapiOpenAPI = require('hapi-openapi');\nconst Path = require('path');\nconst publicOptions = { api: Path.resolve(__dirname, '../docs/shelves.json'), handlers: Path.resolve(__dirname, './handlers') };\nconst opsOptions = { api: Path.resolve(__dirname, './ops.yaml'), handlers: Path.resolve(__dirname, './handlers') };\nconst create = async (port, isPublic) => {\n  const server = new Hapi.Server({ port });\n  await server.register([{ plugin: HapiOpenAPI, options: isPublic ? publicOptions : opsOptions }]);\n  return server;\n};\nmodule.exports = { create };\n";
    const { routes, warnings } = await collect({ 'lib/server.js': server, ...HANDLERS }, { 'docs/shelves.json': SHELVES_DOC, 'lib/ops.yaml': OPS_DOC });
    assert.deepEqual(routes, BOTH_DOCUMENTS);
    assert.deepEqual(warnings, []);
  });

  test("another package's plugin object with the same option names serves nothing", async () => {
    const plugins = "const Path = require('path');\nconst Other = require('hapi-other');\nmodule.exports = { plugin: Other, options: { api: Path.resolve(__dirname, '../docs/shelves.json'), handlers: Path.resolve(__dirname, './handlers') } };\n";
    const { routes } = await collect({ 'lib/server.js': SERVER, 'lib/plugins.js': plugins, ...HANDLERS }, { 'docs/shelves.json': SHELVES_DOC });
    assert.deepEqual(routes, []);
  });
});
