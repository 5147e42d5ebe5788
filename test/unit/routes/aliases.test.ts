import assert from 'node:assert/strict';
import { readPathAliases } from '../../../src/core/routes/aliases';
import { collectRoutes } from '../helpers/collectText';
import { memFs } from '../helpers/memFs';

suite('route import aliases', () => {
  test("package.json imports (Node's subpath imports) resolve like tsconfig paths, conditional targets included", async () => {
    const fs = memFs({
      '/ws/apps/api/package.json': JSON.stringify({ name: '@x/api', imports: { '#api/*': './src/*', '#db': { types: './src/db/index.ts', default: './dist/db/index.js' }, '#ext': 'some-package' } }),
      '/ws/apps/api/tsconfig.json': '{"compilerOptions":{"paths":{"@lib/*":["./src/lib/*"]}}}',
      '/ws/apps/api/src/app.ts': '',
    });
    const aliases = await readPathAliases(fs, '/ws/apps/api', '/ws');
    assert.deepEqual(aliases, [
      { pattern: '@lib/*', targets: ['/ws/apps/api/src/lib/*'] },
      { pattern: '#api/*', targets: ['/ws/apps/api/src/*'] },
      { pattern: '#db', targets: ['/ws/apps/api/src/db/index.ts', '/ws/apps/api/dist/db/index.js'] },
      { pattern: '#ext', targets: [] },
    ]);
    const routes = collectRoutes(
      [
        { file: '/ws/apps/api/src/app.ts', text: "import { Hono } from 'hono';\nimport users from '#api/routes/users.ts';\nconst app = new Hono();\napp.route('/users', users);\n" },
        { file: '/ws/apps/api/src/routes/users.ts', text: "import { Hono } from 'hono';\nconst users = new Hono();\nusers.get('/:id', (c) => c.json({}));\nexport default users;\n" },
      ],
      { moduleOf: () => undefined, aliases },
    ).routes.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(routes, ['GET /users/:id']);
  });
});
