// Images that hold a build made outside `docker build` (CI builds the workspace, then copies its
// output in), and Next.js apps, whose build writes .next (or a standalone server) and not dist.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const spec = (dockerfile: string, context = '/ws'): ServiceSpec => ({
  name: 'app',
  project: 'ws',
  projectDir: '/ws',
  composeFiles: ['/ws/compose.yaml'],
  ports: [],
  drift: {},
  build: { context, dockerfile },
});

async function mapped(files: Record<string, string>, dockerfile: string): Promise<string> {
  const m = await inferMapping(memFs(files), spec(dockerfile));
  return m ? `${m.sourceRoot} -> ${m.target}${m.bundled ? ' (bundled)' : ''}` : 'none';
}

/** A workspace whose server and web app CI builds before `docker build` (no dist in a checkout). */
const WORKSPACE = {
  '/ws/package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
  '/ws/packages/server/package.json': JSON.stringify({ name: '@x/server', dependencies: { '@nestjs/core': '10' }, scripts: { build: 'tsc' } }),
  '/ws/packages/server/tsconfig.json': '{"compilerOptions":{"rootDir":"./src","outDir":"dist"},"include":["./src"]}',
  '/ws/packages/server/src/index.ts': '',
  '/ws/packages/web/package.json': JSON.stringify({ name: '@x/web', browser: 'src/index.tsx', scripts: { build: 'yarn workspace @x/cli bundle' } }),
  '/ws/packages/web/tsconfig.json': '{"compilerOptions":{"rootDir":"./src","outDir":"lib"},"include":["./src"]}',
  '/ws/packages/web/src/index.tsx': '',
  '/ws/deploy/server/Dockerfile': ['FROM node:20-slim', 'COPY ./packages/server /app', 'COPY ./packages/web/dist /app/static', 'WORKDIR /app', 'CMD ["node", "--import", "./scripts/register.js", "./dist/index.js"]'].join('\n'),
  '/ws/deploy/web/Dockerfile': ['FROM nginx:alpine', 'WORKDIR /app', 'COPY ./packages/web/dist ./dist', 'COPY ./deploy/web/nginx.conf /etc/nginx/nginx.conf', 'RUN mkdir -p /var/log/nginx'].join('\n'),
};

suite('inferMapping: output built before docker build, and Next.js', () => {
  test('a package copied whole, no build step, whose start command runs its outDir: the output is where the image starts it (built by CI), not the sources', async () => {
    assert.equal(await mapped(WORKSPACE, '/ws/deploy/server/Dockerfile'), '/ws/packages/server/src -> /app/dist');
    // Started from its sources instead (tsx), the same copy holds the sources.
    const fromSource = { ...WORKSPACE, '/ws/deploy/server/Dockerfile': WORKSPACE['/ws/deploy/server/Dockerfile'].replace('"./dist/index.js"', '"./src/index.ts"').replace('"node", "--import", "./scripts/register.js"', '"npx", "tsx"') };
    assert.equal(await mapped(fromSource, '/ws/deploy/server/Dockerfile'), '/ws/packages/server/src -> /app/src');
  });

  test("a package's output folder copied from the context into a web server: that package's source, bundled (no tsconfig outDir names the folder), at where the folder lands", async () => {
    assert.equal(await mapped(WORKSPACE, '/ws/deploy/web/Dockerfile'), '/ws/packages/web/src -> /app/dist (bundled)');
    // The folder is the tsconfig's outDir: compiled file by file, not a bundle.
    const tscOut = { ...WORKSPACE, '/ws/packages/web/tsconfig.json': '{"compilerOptions":{"rootDir":"./src","outDir":"dist"},"include":["./src"]}' };
    assert.equal(await mapped(tscOut, '/ws/deploy/web/Dockerfile'), '/ws/packages/web/src -> /app/dist');
  });

  const NEXT_APP = {
    '/ws/package.json': JSON.stringify({ private: true, workspaces: ['apps/*'] }),
    '/ws/apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { next: '15', react: '19', 'react-dom': '19' }, scripts: { build: 'next build', start: 'next start' } }),
    '/ws/apps/web/pages/index.tsx': '',
    '/ws/apps/web/pages/api/hello.ts': '',
    '/ws/apps/web/tsconfig.json': '{"compilerOptions":{"noEmit":true,"jsx":"preserve"}}',
    '/ws/Dockerfile': ['FROM node:22 AS build', 'WORKDIR /data', 'COPY . .', 'RUN yarn install && yarn workspace web build', 'FROM node:22', 'WORKDIR /data', 'COPY --from=build /data/apps/web ./apps/web', 'CMD ["sh", "-c", "cd /data/apps/web && exec next start"]'].join('\n'),
  };

  test("a Next.js app's build writes .next (next.config's distDir when it names one), not dist", async () => {
    assert.equal(await mapped(NEXT_APP, '/ws/Dockerfile'), '/ws/apps/web -> /data/apps/web/.next (bundled)');
    const distDir = { ...NEXT_APP, '/ws/apps/web/next.config.js': "module.exports = { distDir: 'out-next' };\n" };
    assert.equal(await mapped(distDir, '/ws/Dockerfile'), '/ws/apps/web -> /data/apps/web/out-next (bundled)');
    // A custom server bundled into dist by a build script file beside the pages: dist, not .next.
    const customServer = {
      ...NEXT_APP,
      '/ws/apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { next: '15', react: '19', 'react-dom': '19' }, scripts: { build: 'npm run build-server && npm run build-next', 'build-server': 'tsx esbuild.config.ts', 'build-next': 'next build', start: 'node dist/server.mjs' } }),
      '/ws/apps/web/esbuild.config.ts': "import { build } from 'esbuild';\nawait build({ entryPoints: ['server/server.ts'], bundle: true, platform: 'node', outdir: 'dist' });\n",
      '/ws/apps/web/server/server.ts': '',
      '/ws/Dockerfile': ['FROM node:22 AS build', 'WORKDIR /data', 'COPY . .', 'RUN yarn install && yarn workspace web build', 'FROM node:22', 'WORKDIR /app', 'COPY --from=build /data/apps/web/.next ./.next', 'COPY --from=build /data/apps/web/dist ./dist', 'CMD ["sh", "-c", "exec node -r dotenv/config dist/server.mjs"]'].join('\n'),
    };
    assert.equal(await mapped(customServer, '/ws/Dockerfile'), '/ws/apps/web -> /app/dist (bundled)');
  });

  test("Next.js standalone output: the image copies .next/standalone, which holds the app's .next at its path below the workspace root", async () => {
    const standalone = (appDir: string, copyFrom: string) => ({
      '/ws/package.json': JSON.stringify(appDir === '' ? { name: 'site', dependencies: { next: '15' }, scripts: { build: 'next build --turbo' } } : { private: true, workspaces: ['apps/*'] }),
      ...(appDir === '' ? {} : { [`/ws/${appDir}/package.json`]: JSON.stringify({ name: 'site', dependencies: { next: '15', 'react-dom': '19' }, scripts: { build: 'next build' } }) }),
      [`/ws/${appDir}${appDir ? '/' : ''}src/app/page.tsx`]: '',
      [`/ws/${appDir}${appDir ? '/' : ''}next.config.ts`]: "export default { output: 'standalone' };\n",
      '/ws/Dockerfile': ['FROM node:22 AS builder', 'WORKDIR /app', 'COPY . .', `RUN npm run build${appDir ? ' --workspace site' : ''}`, 'FROM node:22', 'WORKDIR /app', `COPY --from=builder /app/${copyFrom}/.next/standalone ./`, `COPY --from=builder /app/${copyFrom}/.next/static ./${appDir ? `${appDir}/` : ''}.next/static`, `CMD ["node", "${appDir ? `${appDir}/` : ''}server.js"]`].join('\n').replaceAll('/./', '/'),
    });
    assert.equal(await mapped(standalone('', '.'), '/ws/Dockerfile'), '/ws/src -> /app/.next (bundled)');
    assert.equal(await mapped(standalone('apps/site', 'apps/site'), '/ws/Dockerfile'), '/ws/apps/site/src -> /app/apps/site/.next (bundled)');
  });

  test("a folder inside the context package's own output folder (COPY dist/bundle /app into nginx), built before docker build: that package's source, bundled, where the folder lands; lib/routes is not read as output", async () => {
    const front = (copied: string) => ({
      '/ws/package.json': JSON.stringify({ name: 'board-ui', dependencies: { 'ui-kit': '2' }, scripts: { serve: 'kit serve' } }),
      '/ws/tsconfig.json': JSON.stringify({ extends: 'ui-kit/tsconfig.json', include: ['**/*.ts'] }),
      '/ws/entry/main.ts': 'export {};\n',
      '/ws/lib/routes/x.ts': 'export {};\n',
      '/ws/Dockerfile': ['FROM nginx:1.27-alpine', `COPY ${copied} /app`, 'COPY assets /app/assets', 'COPY nginx.conf /etc/nginx/conf.d/default.conf'].join('\n'),
    });
    assert.equal(await mapped(front('dist/bundle'), '/ws/Dockerfile'), '/ws -> /app (bundled)');
    assert.equal(await mapped(front('build/web'), '/ws/Dockerfile'), '/ws -> /app (bundled)');
    assert.notEqual(await mapped(front('lib/routes'), '/ws/Dockerfile'), '/ws -> /app (bundled)');
  });

  test("rollup's output folder, bundled by a `bundle` script before docker build, copied in part (`COPY out/dist .`): the source bundled, where the started file lands", async () => {
    const gateway = {
      '/ws/package.json': JSON.stringify({ name: 'relay-gateway', type: 'module', bin: { relay: './dist/bin.js' }, scripts: { build: 'tsc', bundle: 'rimraf out && rollup -c' }, devDependencies: { rollup: '4', typescript: '5' } }),
      '/ws/tsconfig.json': '{"compilerOptions":{"rootDir":"./src","outDir":"dist"},"include":["./src"]}',
      '/ws/rollup.config.js': "export default {\n  input: { 'dist/bin': 'src/bin.ts', 'node_modules/relay/index': 'src/index.ts' },\n  output: { dir: 'out', format: 'esm', entryFileNames: '[name].mjs' },\n};\n",
      '/ws/src/bin.ts': "import { start } from './index';\nstart();\n",
      '/ws/src/index.ts': "import { createServer } from 'node:http';\nexport const start = () => createServer(() => undefined).listen(4000);\n",
      '/ws/Dockerfile': ['FROM node:22-slim', 'WORKDIR /relay', 'COPY out/node_modules /node_modules', 'COPY out/dist .', 'RUN chown node . && echo "{}" > package.json', 'USER node', 'ENTRYPOINT ["dumb-init", "node", "bin.mjs"]'].join('\n'),
    };
    assert.equal(await mapped(gateway, '/ws/Dockerfile'), '/ws/src -> /relay (bundled)');
  });

  test("a front end Parcel bundles from web/index.html into --dist-dir out, served by nginx: web is the source, bundled, where out lands", async () => {
    const files = {
      '/ws/package.json': JSON.stringify({ name: 'panel', scripts: { build: 'rm -rf out && parcel build web/index.html --dist-dir out --no-source-maps' }, devDependencies: { parcel: '2' }, dependencies: { react: '19' } }),
      '/ws/web/index.html': '<script type="module" src="./main.tsx"></script>\n',
      '/ws/web/main.tsx': 'export {};\n',
      '/ws/tests/main.test.ts': 'export {};\n',
      '/ws/Dockerfile': ['FROM node:22 AS builder', 'WORKDIR /work', 'COPY . .', 'RUN yarn && yarn build', 'FROM nginx:alpine', 'COPY --from=builder /work/out /var/www/panel', 'COPY nginx.conf /etc/nginx/conf.d/default.conf'].join('\n'),
    };
    assert.equal(await mapped(files, '/ws/Dockerfile'), '/ws/web -> /var/www/panel (bundled)');
  });

  test('a job stage that copies only a folder deep in the context (a migration: the schema and its migrations) holds no build of the context: no mapping, not the whole workspace as its source', async () => {
    const files = {
      ...WORKSPACE,
      '/ws/packages/db/prisma/schema.prisma': '',
      '/ws/Dockerfile': ['FROM oven/bun:1 AS migrator', 'WORKDIR /app', 'COPY packages/db/prisma ./packages/db/prisma', 'RUN bun install', 'RUN cp -R packages/db/prisma/migrations node_modules/db/', 'CMD ["bunx", "prisma", "migrate", "deploy"]'].join('\n'),
    };
    assert.equal(await mapped(files, '/ws/Dockerfile'), 'none');
  });
});

// A webpack bundle of the server committed to the repository (`output.path: __dirname + '/precompiled'`)
// and copied entry by entry (`COPY ./precompiled/* /app/`): the bundle's folder is the image's /app.
suite('a committed webpack bundle copied by a glob of its folder', () => {
  const given = (copy: string, outputPath = "__dirname + '/precompiled'") =>
    memFs({
      '/ws/package.json': JSON.stringify({ name: 'relay', main: 'src/provider/match.js', scripts: { build: 'webpack', start: 'node src/app.js' }, devDependencies: { webpack: '^5' } }),
      '/ws/webpack.config.js': `module.exports = {\n  target: 'node',\n  entry: { app: './src/app.js' },\n  output: {\n    filename: '[name].js',\n    path: ${outputPath},\n  },\n};\n`,
      '/ws/src/app.js': "require('http').createServer(() => undefined).listen(8080);\n",
      '/ws/src/provider/match.js': 'module.exports = {};\n',
      '/ws/app.js': "require('./src/app');\n",
      '/ws/precompiled/app.js': '(()=>{})();\n',
      '/ws/Dockerfile': `FROM node:lts-alpine\n${copy}\nWORKDIR /app\nENTRYPOINT ["node", "app.js"]\n`,
    });

  test("`COPY ./precompiled/* /app/` with output.path __dirname + '/precompiled': src bundled into /app", async () => {
    const m = await inferMapping(given('COPY ./precompiled/* /app/'), spec('/ws/Dockerfile'));
    assert.equal(m?.sourceRoot, '/ws/src', m?.evidence.join('\n'));
    assert.equal(m?.target, '/app', m?.evidence.join('\n'));
    assert.equal(m?.bundled, true, m?.evidence.join('\n'));
  });

  test('output.path written as path.resolve(__dirname, ...) reads the same', async () => {
    const m = await inferMapping(given('COPY ./precompiled/* /app/', "path.resolve(__dirname, 'precompiled')"), spec('/ws/Dockerfile'));
    assert.equal(m?.target, '/app', m?.evidence.join('\n'));
  });
});
