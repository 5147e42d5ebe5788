// A server bundled by tsup from the entry its config names, started through a JavaScript launcher
// of the package (bin/start.js) that spawns the bundle's file: the launcher is not the server.
import { memFs } from '../helpers/memFs';
import { assertMapping } from './assertMapping';

const LAUNCHER = "import { resolve, dirname } from 'path';\nimport { spawn } from 'child_process';\nconst root = resolve(dirname(new URL(import.meta.url).pathname), '..');\nconst server = resolve(root, \"dist\", \"server\", \"index.js\");\nspawn('node', [server], { stdio: 'inherit' });\n";
const DOCKERFILE = 'FROM node:22 AS build\nWORKDIR /src\nCOPY . .\nRUN npm ci && npm run build:lib && npm run build:server\nFROM node:22\nWORKDIR /app\nCOPY package.json ./\nCOPY --from=build /src/bin ./bin\nCOPY --from=build /src/dist ./dist\nCMD ["npm", "start"]\n';

const files = (launcher: string) =>
  memFs({
    '/ws/package.json': JSON.stringify({
      dependencies: { hono: '^4' },
      devDependencies: { tsup: '^8' },
      scripts: { 'build:lib': 'tsup --config lib/tsup.config.ts', 'build:server': 'tsup --config server/tsup.config.ts', start: 'node bin/start.js' },
    }),
    '/ws/bin/start.js': launcher,
    '/ws/lib/tsup.config.ts': "export default { entry: { 'lib/index': 'lib/index.ts' }, outDir: 'dist' };\n",
    '/ws/lib/index.ts': 'export const plugin = {};\n',
    '/ws/server/tsup.config.ts': "export default { entry: ['server/index.ts'], outDir: join(rootDir, 'dist/server'), bundle: true };\n",
    '/ws/server/index.ts': "import { Hono } from 'hono';\nexport default new Hono();\n",
    '/ws/Dockerfile': DOCKERFILE,
  });

suite('a bundled server started through a launcher of its build output', () => {
  test('the launcher naming dist/server/index.js is not the source run: the server bundle is, in the folder of the file it starts', async () => {
    await assertMapping(files(LAUNCHER), { sourceRoot: '/ws/server', target: '/app/dist/server', bundled: true });
  });

  test("the source root is the entry of the server's own build script's config (tsup --config server/tsup.config.ts), not a config file taken for an entry, nor a library's build:lib", async () => {
    await assertMapping(files("require('../dist/server/index.js');\n"), { sourceRoot: '/ws/server', target: '/app/dist/server' });
  });

  test('a script naming a URL of the output (`/dist/app.js` served to browsers) is no launcher: the image runs it as copied', async () => {
    const server = "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => c.html('<script src=\"/dist/app.js\"></script>'));\nconst asset = '/dist/app.js';\nexport default app;\n";
    await assertMapping(files(server), { sourceRoot: '/ws/bin', target: '/app/bin', bundled: false });
  });
});
