// A server file copied alone into the image's working folder, keeping its name (`COPY
// ./apps/site/src/serve.ts .` then `bun run ./serve.ts`), beside a front end bundled in a build
// stage and copied under public/: the image runs that source file as copied. Fixtures of our own.
import { assertMapping } from './assertMapping';

const files = (copy: string, start: string) => ({
  '/ws/package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*'] }),
  '/ws/apps/site/package.json': JSON.stringify({ name: '@acme/site', scripts: { build: 'vite build', dev: 'vite' }, devDependencies: { vite: '^5' } }),
  '/ws/apps/site/tsconfig.json': JSON.stringify({ compilerOptions: { noEmit: true, jsx: 'react-jsx' }, include: ['src'] }),
  '/ws/apps/site/index.html': '<script type="module" src="/src/main.tsx"></script>\n',
  '/ws/apps/site/src/main.tsx': "import { createRoot } from 'react-dom/client';\ncreateRoot(document.body).render(null);\n",
  '/ws/apps/site/src/serve.ts': "Bun.serve({ port: 4000, fetch: () => new Response(Bun.file('./public/index.html')) });\n",
  '/ws/Dockerfile': `FROM node:20 AS build\nWORKDIR /repo\nCOPY . .\nRUN npm ci && npm run build --workspace @acme/site\n\nFROM oven/bun:1\nWORKDIR /srv\n${copy}\nCOPY --from=build /repo/apps/site/dist ./public\nCMD ${start}\n`,
});

suite('mapping: a server file copied alone into the working folder', () => {
  test('COPY ./apps/site/src/serve.ts . (a file into a folder keeps its name): the image runs it from there as copied', async () => {
    await assertMapping(files('COPY ./apps/site/src/serve.ts .', '[ "sh", "-c", "bun run ./serve.ts --port 4000" ]'), { sourceRoot: '/ws/apps/site/src', target: '/srv', bundled: false });
  });

  test('the same with the destination folder written out (COPY apps/site/src/serve.ts /srv/)', async () => {
    await assertMapping(files('COPY apps/site/src/serve.ts /srv/', '["bun", "serve.ts"]'), { sourceRoot: '/ws/apps/site/src', target: '/srv', bundled: false });
  });
});
