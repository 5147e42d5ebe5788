// A server that walks its routes folder's tree at start-up with a function of its own (readdirSync,
// itself again for each sub-folder) and registers a Hono base path per file found: the files below
// that folder, read from the tree, when what the walk keeps and makes of a name is known statically.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const registry = (keep: string, made: string) =>
  [
    "import { Hono } from 'hono';",
    "import fs from 'node:fs';",
    "import path from 'node:path';",
    'const app = new Hono();',
    "const pagesDir = path.join(__dirname, 'pages');",
    'let pages: string[] = [];',
    "function gather(dir: string, into: string[] = [], prefix = ''): string[] {",
    '  const entries = fs.readdirSync(dir);',
    '  entries.forEach((entry) => {',
    '    const where = path.join(dir, entry);',
    '    const rel = prefix ? path.posix.join(prefix, entry) : entry;',
    '    if (fs.statSync(where).isDirectory()) gather(where, into, rel);',
    `    else if (${keep}) into.push(${made});`,
    '  });',
    '  return into;',
    '}',
    'if (fs.existsSync(pagesDir)) pages = gather(pagesDir);',
    'for (let n = 0; n < pages.length; n++) {',
    '  const page = pages[n];',
    '  const face = app.basePath(`/p/${page}`);',
    "  face.get('/', (c) => c.text(page));",
    "  face.post('*', (c) => c.text('no', 405));",
    '}',
    'export default app;',
  ].join('\n');

const tree = ['/s/src/pages/alpha.ts', '/s/src/pages/group/beta.js', '/s/src/pages/group/types.d.ts', '/s/src/pages/notes.md', '/s/src/other/gamma.ts'];

function scan(keep: string, made: string) {
  const sources = [{ file: '/s/src/registry.ts', text: registry(keep, made) }];
  return collectRoutes(sources, { moduleOf: () => undefined, files: [...sources.map((s) => s.file), ...tree] });
}

suite('a folder tree walked at start-up by a function of the server', () => {
  test("each file below the walked folder that the walk's ending tests keep, as its path below the folder without its extension, gives the loop's routes", () => {
    const { routes, warnings } = scan("(entry.endsWith('.ts') || entry.endsWith('.js')) && !entry.endsWith('.d.ts')", "rel.replace(/\\.(ts|js)$/, '')");
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /p/alpha', 'POST /p/alpha/*', 'GET /p/group/beta', 'POST /p/group/beta/*']);
    assert.deepEqual(warnings, []);
  });

  test('a walk whose kept files are decided by a test not known statically is a warning at the base path, not routes at guessed paths', () => {
    const { routes, warnings } = scan("entry.endsWith('.ts') && isWanted(entry)", "rel.replace(/\\.ts$/, '')");
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /…', 'POST /…/*']);
    assert.deepEqual(warnings, ['/s/src/registry.ts:20: mount prefix `/p/${page}` is not known statically; the routes mounted there are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)']);
  });

  test('a walk pushing the whole path of each file (not its path below the folder) is not read as names below it', () => {
    const { routes, warnings } = scan("entry.endsWith('.ts')", 'where');
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`), ['GET /…', 'POST /…/*']);
    assert.equal(warnings.length, 1);
  });
});

suite('a Hono base path made in a loop over a listed folder', () => {
  test('each file of the folder gives the routes of its own base path', () => {
    const text = [
      "import { Hono } from 'hono';",
      "import { readdirSync } from 'node:fs';",
      "import { join } from 'node:path';",
      'const app = new Hono();',
      "for (const file of readdirSync(join(__dirname, 'pages'))) {",
      "  const name = file.replace(/\\.ts$/, '');",
      "  app.basePath(`/${name}`).get('/', (c) => c.text(name));",
      "  const face = app.basePath(`/${name}`);",
      "  face.delete('/item', (c) => c.text(name));",
      '}',
      'export default app;',
    ].join('\n');
    const sources = [{ file: '/s/src/app.ts', text }];
    const { routes, warnings } = collectRoutes(sources, { moduleOf: () => undefined, files: ['/s/src/app.ts', '/s/src/pages/one.ts', '/s/src/pages/two.ts'] });
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`).filter((r) => r.startsWith('DELETE')), ['DELETE /one/item', 'DELETE /two/item']);
    assert.deepEqual(warnings, []);
  });
});
