// A list of route kinds one module fills at load time, one element per file a glob relative to the
// process's working folder lists (`for (const f of globSync('./src/kinds/*.js')) kinds.push({ ... })`),
// registered by another file through a helper called per element; and a helper's `if (kind === 'x')`
// that registers some routes only for some elements.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const registry = (push: string) =>
  [
    "const { basename, extname } = require('path');",
    "const { globSync } = require('glob');",
    "const found = globSync('./src/kinds/**/*.js');",
    'const shelves = [];',
    'for (const file of found) {',
    '  const named = basename(file);',
    "  const bare = named.replace(extname(named), '');",
    '  const slug = bare.toLowerCase();',
    "  const entry = { slug: slug, title: bare + 'Shelf' };",
    `  ${push}`,
    '}',
    'module.exports = { shelves };',
  ].join('\n');

const api = (test: string) =>
  [
    "const express = require('express');",
    'const router = express.Router();',
    "const { shelves } = require('./registry');",
    'const addShelf = (slug) => {',
    '  router.get(`/${slug}/items`, list);',
    `  if (${test}) router.post(\`/\${slug}/export\`, exportAll);`,
    '};',
    'shelves.forEach(({ slug }) => { addShelf(slug); });',
    'module.exports = router;',
  ].join('\n');

const server = "const express = require('express');\nconst app = express();\napp.use('/v1', require('./routes/api'));\napp.listen(8080);";
const tree = ['/p/src/kinds/Lamp.js', '/p/src/kinds/DeskChair.js', '/p/src/kinds/Rug.js', '/p/package.json'];

function scan(files: Record<string, string>, processDir: string | null = '/p') {
  const sources = Object.entries(files).map(([file, text]) => ({ file, text }));
  const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: [...sources.map((s) => s.file), ...tree], ...(processDir !== null ? { processDir } : {}) });
  return { routes: routes.map((r) => `${r.method} ${r.path}`).sort(), warnings };
}

suite('lists filled per listed file, and routes a helper registers for some elements', () => {
  test("a list pushed once per file of a glob relative to the process's folder has an element per file there, each read from its name", () => {
    const got = scan({ '/p/src/routes/registry.js': registry('shelves.push(entry);'), '/p/src/routes/api.js': api('true'), '/p/src/server.js': server });
    assert.deepEqual(got.routes, ['GET /v1/deskchair/items', 'GET /v1/lamp/items', 'GET /v1/rug/items', 'POST /v1/deskchair/export', 'POST /v1/lamp/export', 'POST /v1/rug/export']);
    assert.deepEqual(got.warnings, []);
  });

  test("the helper's test of the element's value keeps its routes to the elements it holds of: equal to one of the texts, or to none", () => {
    const files = (test: string) => ({ '/p/src/routes/registry.js': registry('shelves.push(entry);'), '/p/src/routes/api.js': api(test), '/p/src/server.js': server });
    const base = ['GET /v1/deskchair/items', 'GET /v1/lamp/items', 'GET /v1/rug/items'];
    assert.deepEqual(scan(files("slug === 'lamp' || slug === 'rug'")).routes, [...base, 'POST /v1/lamp/export', 'POST /v1/rug/export']);
    assert.deepEqual(scan(files("slug !== 'lamp'")).routes, [...base, 'POST /v1/deskchair/export', 'POST /v1/rug/export']);
    assert.deepEqual(scan(files("['deskchair'].includes(slug)")).routes, [...base, 'POST /v1/deskchair/export']);
  });

  test('over a literal list of the file the test is decided per element where the loop binds it', () => {
    const local = api("slug === 'b'").replace("const { shelves } = require('./registry');", "const shelves = [{ slug: 'a' }, { slug: 'b' }];");
    assert.deepEqual(scan({ '/p/src/routes/api.js': local, '/p/src/server.js': server }).routes, ['GET /v1/a/items', 'GET /v1/b/items', 'POST /v1/b/export']);
  });

  test('a list changed otherwise too (pushed outside the loop) is not read as one element per file', () => {
    const changed = registry('shelves.push(entry);').replace('module.exports', "shelves.push({ slug: 'extra' });\nmodule.exports");
    const got = scan({ '/p/src/routes/registry.js': changed, '/p/src/routes/api.js': api('true'), '/p/src/server.js': server });
    assert.ok(!got.routes.some((r) => r.includes('lamp')), got.routes.join(', '));
  });

  test("without the process's folder known, the glob lists no file: no route is guessed", () => {
    const got = scan({ '/p/src/routes/registry.js': registry('shelves.push(entry);'), '/p/src/routes/api.js': api('true'), '/p/src/server.js': server }, null);
    assert.deepEqual(got.routes, []);
  });
});
