// A microservice of a shared tree: the file its container starts, and only that file's routes.
import * as assert from 'node:assert/strict';
import { hasStem, startedSourceFiles } from '../../../src/core/gather/startedEntry';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec, SourceMapping } from '../../../src/core/model';
import { collectRoutes } from '../helpers/collectText';
import { memFs } from '../helpers/memFs';

const files = ['/w/index.js', '/w/user/index.js', '/w/tweet/index.js'];
const service = (name: string, extra: Partial<ServiceSpec> = {}): ServiceSpec =>
  ({ name, project: 'p', projectDir: '/w/docker', build: { context: '/w', dockerfile: `/w/docker/${name}.Dockerfile` }, drift: {}, ...extra }) as ServiceSpec;

suite('startedSourceFiles', () => {
  const fs = memFs({
    '/w/package.json': JSON.stringify({ scripts: { start: 'fastify start index.js', microservice: 'fastify start' } }),
    '/w/docker/user.Dockerfile': 'FROM node:20\nWORKDIR /usr/src/app\nCOPY . .\nCMD [ "npm", "run", "microservice", "--", "--prefix", "/api/user", "user/index.js" ]\n',
    '/w/docker/all.Dockerfile': 'FROM node:20\nWORKDIR /usr/src/app\nCOPY . .\nCMD ["npm", "start"]\n',
    '/w/docker/shell.Dockerfile': 'FROM node:20\nWORKDIR /usr/src/app\nCOPY . .\nCMD ["/bin/sh"]\n',
  });

  // The Dockerfile is read once, for the mapping: what its stage starts comes with it.
  const started = async (spec: ServiceSpec) => startedSourceFiles(fs, spec, (await inferMapping(fs, spec)) as SourceMapping, files);

  test("the script file the Dockerfile's CMD names, through the package script it runs, as a path of the image", async () => {
    assert.deepEqual(await started(service('user')), ['/w/user/index.js']);
    assert.deepEqual(await started(service('all')), ['/w/index.js']);
  });

  test("`node .` (after flags) runs the package of its working directory: its package.json main (without its extension too)", async () => {
    const pkgFs = (main: string) =>
      memFs({
        '/m/package.json': JSON.stringify({ main, scripts: { build: 'tsc' } }),
        '/m/tsconfig.json': '{"compilerOptions":{"outDir":"dist","rootDir":"src"},"include":["src"]}',
        '/m/src/index.ts': '',
        '/m/src/app.ts': '',
        '/m/Dockerfile': 'FROM node:22\nWORKDIR /home/node/app\nCOPY . .\nRUN npm run build\nCMD [ "node", "-r", "source-map-support/register", "." ]\n',
      });
    const spec = { name: 'api', project: 'p', projectDir: '/m', build: { context: '/m', dockerfile: '/m/Dockerfile' }, drift: {} } as ServiceSpec;
    for (const [main, want] of [['dist/app.js', '/m/src/app.ts'], ['./dist/index', '/m/src/index.ts']] as const) {
      const fs = pkgFs(main);
      const mapping = (await inferMapping(fs, spec)) as SourceMapping;
      assert.deepEqual(await startedSourceFiles(fs, spec, mapping, ['/m/src/index.ts', '/m/src/app.ts']), [want], `main ${main}`);
    }
  });

  test("compose's command comes before the image's; a command naming no file of the tree says nothing", async () => {
    const config = { command: ['node', 'tweet/index.js'] } as ServiceSpec['config'];
    assert.deepEqual(await started(service('user', { config })), ['/w/tweet/index.js']);
    assert.deepEqual(await started(service('shell')), []);
  });

  test('a script node runs named without its extension, as Node resolves it (node user/index, node tweet/, after its flags)', async () => {
    const run = (command: string[]) => started(service('user', { config: { command } as ServiceSpec['config'] }));
    assert.deepEqual(await run(['node', 'user/index']), ['/w/user/index.js']);
    assert.deepEqual(await run(['node', '--max-old-space-size=360', '-r', './index.js', 'tweet/']), ['/w/tweet/index.js']);
    // A word of another program than node (a folder it is given) names no script.
    assert.deepEqual(await run(['serve', 'tweet/']), []);
  });

  test('a file the command preloads (--import, -r) is not the one it starts', async () => {
    const config = { command: ['node', '--import', './index.js', '-r', 'user/index.js', 'tweet/index.js'] } as ServiceSpec['config'];
    assert.deepEqual(await started(service('user', { config })), ['/w/tweet/index.js']);
  });
});

suite('startedSourceFiles: a compiled server started by a watcher', () => {
  // WORKDIR /app holds package.json; tsc compiles src/ to /app/dist; compose runs `npm run dev`,
  // whose tsc-watch starts the output through --onSuccess "node dist/index.js".
  const fs = memFs({
    '/w/package.json': JSON.stringify({ scripts: { dev: 'tsc-watch --onSuccess "node dist/index.js"' } }),
    '/w/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: './src', outDir: './dist' } }),
    '/w/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nRUN npx tsc\nCMD ["node", "dist/index.js"]\n',
    '/w/src/index.ts': "import express from 'express';\nconst app = express();\napp.get('/', h);\napp.listen(3000);\n",
    '/w/dist/index.js': "const app = require('express')();\napp.get('/', h);\n",
  });
  const spec = (command?: string[]): ServiceSpec =>
    ({ name: 'app', project: 'p', projectDir: '/w', build: { context: '/w', dockerfile: '/w/Dockerfile' }, drift: {}, ...(command ? { config: { command } } : {}) }) as ServiceSpec;
  const started = async (s: ServiceSpec) => startedSourceFiles(fs, s, (await inferMapping(fs, s)) as SourceMapping, ['/w/src/index.ts']);

  test('the package script is read in the WORKDIR above the compiled target, and the command its quoted argument holds is followed', async () => {
    assert.deepEqual(await started(spec()), ['/w/src/index.ts']);
    assert.deepEqual(await started(spec(['npm', 'run', 'dev'])), ['/w/src/index.ts']);
    assert.deepEqual(await started(spec(['tsc-watch', '--onSuccess', 'node dist/index.js'])), ['/w/src/index.ts']);
    assert.deepEqual(await started(spec(['tsc-watch', '--onSuccess', 'echo built'])), []);
  });
});

suite('startedSourceFiles: the source run as copied, its package.json beside the copied folder', () => {
  // WORKDIR /app holds package.json; COPY src ./src, no build; CMD npm run dev runs the TypeScript
  // entry through tsx. The tree also holds a stray server at its root, and tsc's .js beside the .ts.
  const dockerfile = 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY tsconfig.json ./\nCOPY src ./src\nCMD ["npm", "run", "dev"]\n';
  const fs = memFs({
    '/w/package.json': JSON.stringify({ scripts: { dev: 'npx tsx watch -r tsconfig-paths/register src/http/server.ts' } }),
    '/w/tsconfig.json': JSON.stringify({ include: ['src/**/*'] }),
    '/w/Dockerfile': dockerfile,
    '/w/src/http/server.ts': "import { fastify } from 'fastify';\nconst app = fastify();\napp.listen({ port: 3000 });\n",
    '/w/src/http/server.js': "const app = require('fastify')();\napp.listen({ port: 3000 });\n",
  });
  const spec = { name: 'app', project: 'p', projectDir: '/w', build: { context: '/w', dockerfile: '/w/Dockerfile' }, drift: {} } as unknown as ServiceSpec;
  const files = ['/w/src/http/server.ts', '/w/src/http/server.js'];

  test("the package script is read in the WORKDIR above the copied source root, and names the file it starts", async () => {
    const mapping = (await inferMapping(fs, spec)) as SourceMapping;
    assert.equal(mapping.target, '/app/src');
    assert.deepEqual(await startedSourceFiles(fs, spec, mapping, files), ['/w/src/http/server.ts']);
  });
});

suite('startedSourceFiles: a container starting two programs of one repository', () => {
  // One image holds an API in api/, a file converter with its own small server in converter/, and a
  // tool in tools/ that nothing starts; the command starts the first two in the background.
  const fs = memFs({ '/w/Dockerfile': 'FROM node:20\nWORKDIR /srv\nCOPY . .\nCMD ["node", "api/main.js"]\n' });
  const spec = (command?: string[]) =>
    ({ name: 'app', project: 'p', projectDir: '/w', build: { context: '/w', dockerfile: '/w/Dockerfile' }, drift: {}, ...(command ? { config: { command } } : {}) }) as unknown as ServiceSpec;
  const files = ['/w/api/main.js', '/w/converter/main.js', '/w/tools/main.js'];
  const started = async (s: ServiceSpec) => startedSourceFiles(fs, s, (await inferMapping(fs, s)) as SourceMapping, files);

  test('each program the command starts is a started file; the one nothing starts is not', async () => {
    assert.deepEqual(await started(spec()), ['/w/api/main.js']);
    assert.deepEqual(await started(spec(['sh', '-c', 'node api/main.js & node converter/main.js'])), ['/w/api/main.js', '/w/converter/main.js']);
  });

  test('a started path two files of the tree map to names none of them (which one runs is not known)', async () => {
    const both = ['/w/api/main.js', '/w/api/main.ts'];
    const mapping = { ...((await inferMapping(fs, spec())) as SourceMapping), rewrites: { '.ts': '.js' } };
    assert.deepEqual(await startedSourceFiles(fs, spec(), mapping, both), []);
  });
});

suite('collect: routes of the started file', () => {
  const tree = [
    { file: '/w/index.js', text: "module.exports = async function (fastify) {\n  fastify.register(require('./user'), { prefix: '/api/user' });\n  fastify.register(require('./tweet'), { prefix: '/api/tweet' });\n};\n" },
    { file: '/w/user/index.js', text: "module.exports = async function (fastify) {\n  fastify.post('/login', h);\n};\n" },
    { file: '/w/tweet/index.js', text: "module.exports = async function (fastify) {\n  fastify.get('/', h);\n};\n" },
  ];
  const paths = (entry?: string) => collectRoutes(tree, { moduleOf: () => undefined, ...(entry ? { entry } : {}) }).routes.map((r) => `${r.method} ${r.path}`);

  test('a service starting one plugin file serves its routes only; one starting the app file serves all it mounts', () => {
    assert.deepEqual(paths('/w/user/index.js'), ['POST /api/user/login']);
    assert.deepEqual(paths('/w/index.js'), ['GET /api/tweet', 'POST /api/user/login']);
    assert.deepEqual(paths(), ['GET /api/tweet', 'POST /api/user/login']);
  });

  test('an entry whose mounts reach no route (its routers dispatch through a table of routers) restricts nothing', () => {
    const koa = [
      { file: '/w/src/app.ts', text: "import Koa from 'koa';\nimport api from './api';\nconst app = new Koa();\napp.use(api.routes());\napp.listen(3000);\n" },
      { file: '/w/src/api.ts', text: "import Router from 'koa-router';\nimport routes from './routes';\nconst api = new Router();\napi.use(async (ctx) => routes[ctx.path].exec(ctx));\nexport default api;\n" },
      { file: '/w/src/routes.ts', text: "import ping from './ping';\nconst routes = { 'api/ping': ping };\nexport default routes;\n" },
      { file: '/w/src/ping.ts', text: "import Router from 'koa-router';\nconst router = new Router();\nrouter.get('/api/ping', h);\nexport default router;\n" },
    ];
    const routes = collectRoutes(koa, { moduleOf: () => undefined, entry: '/w/src/app.ts' }).routes.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(routes, ['GET /api/ping']);
  });

  test('an entry that declares and mounts nothing (it starts the app some other way) restricts nothing', () => {
    assert.deepEqual(paths('/w/none.js'), ['GET /api/tweet', 'POST /api/user/login']);
  });

  test('a container starting two programs serves the routes each reaches, not those of a program it does not start', () => {
    const two = [
      { file: '/w/api/main.js', text: "const app = require('express')();\napp.use('/api', require('./users'));\napp.listen(3001);\n" },
      { file: '/w/api/users.js', text: "const router = require('express').Router();\nrouter.get('/users', h);\nmodule.exports = router;\n" },
      { file: '/w/converter/main.js', text: "const app = require('express')();\napp.post('/convert', h);\napp.listen(8888);\n" },
      { file: '/w/tools/main.js', text: "const app = require('express')();\napp.get('/debug', h);\napp.listen(9000);\n" },
    ];
    const served = (entry: string[]) => collectRoutes(two, { moduleOf: () => undefined, entry }).routes.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(served(['/w/api/main.js', '/w/converter/main.js']), ['GET /api/users', 'POST /convert']);
    assert.deepEqual(served(['/w/converter/main.js']), ['POST /convert']);
    // One program reaching its routes in a way no mount shows (a framework loading its route file by
    // convention, nothing imported): every file serves, that program's routes among them.
    assert.deepEqual(served(['/w/converter/main.js', '/w/bin/server.js']), ['GET /api/users', 'POST /convert', 'GET /debug']);
  });

  test("a Nest main.ts using middleware (app.use(helmet())) mounts no router: its controllers' routes stay", () => {
    const nest = [
      {
        file: '/w/src/main.ts',
        text: "import helmet from 'helmet';\nimport { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet());\n  app.setGlobalPrefix('api');\n  await app.listen(3000);\n}\nbootstrap();\n",
      },
      { file: '/w/src/users.controller.ts', text: "import { Controller, Get } from '@nestjs/common';\n@Controller('users')\nexport class UsersController {\n  @Get()\n  list() {}\n}\n" },
    ];
    const routes = collectRoutes(nest, { moduleOf: () => undefined, entry: '/w/src/main.ts' }).routes.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(routes, ['GET /api/users']);
  });
});

suite('hasStem: a file name less its last extension, compared in place', () => {
  // What the old per-file `basename(f).replace(/\.[^.]*$/, '')` gave, for the same names.
  const reference = (f: string) => (f.replace(/\\/g, '/').split('/').pop() ?? '').replace(/\.[^.]*$/, '');
  const names = ['/w/src/main.ts', '/w/src/main.test.ts', '/w/src/mainx.ts', '/w/src/xmain.ts', '/w/src/main', '/w/src.d/main', '/w/src.d/mai', '/w/.env', '/w/a.b.c', 'C:\\w\\src\\main.ts', '/w/dir\\main.js', '/w/src/main.', 'main.ts', '', '.', '/w/x.y/', 'a\\b.c/d', '/w/main..ts', 'main', 'a.', '/', '\\', '/w/x.y\\main', '/w/x.y/.main.ts', 'w.x\\a.b/main.test.ts', '/w/x/..'];

  test('the same answer as cutting the name, for plain, dotted, dotless, hidden and backslashed names', () => {
    for (const stems of [['main'], ['main.test'], ['a.b'], [''], ['.env'], ['main', 'mai'], ['.main'], ['.'], ['a'], []])
      for (const f of names) assert.equal(hasStem(f, stems), stems.includes(reference(f)), `${f} against ${stems.join(',')}`);
  });
});

suite('startedSourceFiles: a bundled server', () => {
  // tsup bundles src/server.ts to dist/server.js; the image starts that bundle. A bundle has no
  // file-by-file counterpart: the bundler names its output after its entry.
  const tree = (entry: string, extra: Record<string, string> = {}) =>
    memFs({
      '/w/package.json': JSON.stringify({ dependencies: { hono: '4' }, scripts: { build: 'tsup' } }),
      '/w/tsup.config.ts': `export default { entry: ['src/${entry}.ts'], format: 'esm' };\n`,
      '/w/Dockerfile': `FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM node:22\nWORKDIR /srv\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/${entry}.js"]\n`,
      [`/w/src/${entry}.ts`]: "import app from './app';\nexport default { port: 8080, fetch: app.fetch };\n",
      '/w/src/app.ts': "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => c.text('ok'));\nexport default app;\n",
      ...extra,
    });
  const spec = { name: 'api', project: 'p', projectDir: '/w', build: { context: '/w', dockerfile: '/w/Dockerfile' }, drift: {} } as ServiceSpec;
  const started = async (fs: ReturnType<typeof memFs>, files: string[]) => {
    const mapping = (await inferMapping(fs, spec)) as SourceMapping;
    assert.equal(mapping.bundled, true, mapping.evidence.join('\n'));
    return startedSourceFiles(fs, spec, mapping, files);
  };

  test('the bundle at the top of the image folder stands for the source file of its name at the top of the source root, one that starts a server', async () => {
    assert.deepEqual(await started(tree('server'), ['/w/src/server.ts', '/w/src/app.ts']), ['/w/src/server.ts']);
  });

  test('a file of that name that starts no server and loads none (a barrel of exports) is not taken for the entry', async () => {
    const fs = tree('index', { '/w/src/index.ts': "export * from './app';\n" });
    assert.deepEqual(await started(fs, ['/w/src/index.ts', '/w/src/app.ts']), []);
  });

  test('no source file of that name at the top of the source root: nothing', async () => {
    assert.deepEqual(await started(tree('server'), ['/w/src/app.ts', '/w/src/routes/server.ts']), []);
  });
});
