import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';
import { assertMapping } from './assertMapping';

const spec = (dockerfile: string) => buildSpec(`/ws/${dockerfile}`);

suite('inferMapping: an image that never builds the bundle its scripts make', () => {
  // A Nuxt app in its own folder beside a root package.json of scripts; the development image
  // copies the folder and runs a package script (ENTRYPOINT pnpm run, the command given by compose).
  const app = {
    '/ws/package.json': JSON.stringify({ private: true, scripts: { dev: 'docker compose up --build' } }),
    '/ws/.dockerignore': '/web/node_modules\n/web/.nuxt\n/web/.output\n',
    '/ws/web/package.json': JSON.stringify({ type: 'module', scripts: { build: 'nuxt build', dev: 'nuxt dev', postinstall: 'nuxt prepare' }, dependencies: { nuxt: '4', vue: '3' } }),
    '/ws/web/nuxt.config.ts': 'export default defineNuxtConfig({});\n',
    '/ws/web/server/api/health.get.ts': 'export default defineEventHandler(() => "ok");\n',
    '/ws/web/app/app.vue': '<template><div/></template>\n',
  };
  const dev = 'FROM node:24-alpine\nWORKDIR /app\nCOPY web/package.json ./\nRUN pnpm install\nCOPY web ./\nENTRYPOINT [ "pnpm", "run" ]\n';
  const built = 'FROM node:24-alpine AS build\nWORKDIR /app\nCOPY web/package.json ./\nRUN pnpm install\nCOPY web ./\nRUN pnpm build\nFROM node:24-alpine\nWORKDIR /app\nCOPY --from=build /app/.output /app\nCMD ["node", "server/index.mjs"]\n';

  test('no RUN builds, nor the start command, and the context has no output: the image holds the sources as copied, not a bundle', async () => {
    await assertMapping({ ...app, '/ws/Dockerfile.dev': dev }, { sourceRoot: '/ws/web', target: '/app', bundled: false, rewrites: {}, evidence: ['no build step in the Dockerfile, nor in its start command, and no bundle output in the context: the image holds the sources'] }, spec('Dockerfile.dev'));
  });

  test('a bundle the image does build stays one: a RUN of the build script, an install script that builds, a start command that builds, an output in the context', async () => {
    await assertMapping({ ...app, '/ws/Dockerfile': built }, { target: '/app/server', bundled: true }, spec('Dockerfile'));
    const byInstall = { ...app, '/ws/web/package.json': app['/ws/web/package.json'].replace('nuxt prepare', 'nuxt build'), '/ws/Dockerfile.dev': dev };
    assert.equal((await inferMapping(memFs(byInstall), spec('Dockerfile.dev')))?.bundled, true);
    const byStart = { ...app, '/ws/Dockerfile.dev': `${dev}CMD ["build"]\n` };
    assert.equal((await inferMapping(memFs(byStart), spec('Dockerfile.dev')))?.bundled, true);
    // Built before docker build, and not ignored: the copy carries it.
    const local = { ...app, '/ws/.dockerignore': '/web/node_modules\n', '/ws/web/.output/server/index.mjs': '', '/ws/Dockerfile.dev': dev };
    assert.equal((await inferMapping(memFs(local), spec('Dockerfile.dev')))?.bundled, true);
    // A task runner or a script run by name may build, whatever the task is called.
    for (const run of ['RUN pnpm turbo make-image', 'RUN npx nx run web:package', 'RUN npm run package']) {
      const byTask = { ...app, '/ws/Dockerfile.dev': dev.replace('COPY web ./\n', `COPY web ./\n${run}\n`) };
      assert.equal((await inferMapping(memFs(byTask), spec('Dockerfile.dev')))?.bundled, true, run);
    }
  });
});
