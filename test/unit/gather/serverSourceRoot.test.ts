// Where a service's server source is without a mapping: build contexts, prebuilt images, monorepos.
import * as assert from 'node:assert/strict';
import { imageBuilders, imageRepository, isServerSource, serverSourceRoots, soleServerClaims } from '../../../src/core/gather/workspaceFiles';
import type { ServiceSpec } from '../../../src/core/model';
import { memFs } from '../helpers/memFs';

const nest = JSON.stringify({ name: '@acme/server', dependencies: { '@nestjs/core': '10' } });
const react = JSON.stringify({ name: 'client', dependencies: { react: '18' } });
/** The one source root found, or undefined: most services run one server app. */
const serverSourceRoot = async (...args: Parameters<typeof serverSourceRoots>): Promise<string | undefined> => {
  const roots = await serverSourceRoots(...args);
  assert.ok(roots.length <= 1, roots.join(', '));
  return roots[0];
};
const spec = (name: string, extra: Partial<ServiceSpec>): ServiceSpec => ({ name, project: 'p', projectDir: '/w', drift: {}, ...extra }) as ServiceSpec;

suite('serverSourceRoot', () => {
  const monorepo = memFs({
    '/w/package.json': JSON.stringify({ name: 'docmost', workspaces: ['apps/*'] }),
    '/w/apps/server/package.json': nest,
    '/w/apps/server/src/main.ts': '',
    '/w/apps/client/package.json': react,
    '/w/node_modules/x/package.json': nest,
    '/w/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
  });
  const built = (context: string, dockerfile = `${context}/Dockerfile`, target?: string): ServiceSpec['build'] => ({ context, dockerfile, ...(target !== undefined ? { target } : {}) });

  test("a prebuilt image named like a server package gets it; the project's only server app goes to the one service that claims it", async () => {
    assert.equal(await serverSourceRoot(monorepo, spec('web', { image: 'acme/server:1' })), '/w/apps/server/src');
    assert.equal(await serverSourceRoot(monorepo, spec('docmost', { image: 'docmost/docmost:latest' }), { claimsSoleApp: true }), '/w/apps/server/src');
    assert.equal(await serverSourceRoot(monorepo, spec('web', { image: 'acme/web:latest' })), undefined);
  });

  test("an image named like the project itself runs its only server app, claimed or not; one named like neither gets nothing", async () => {
    const teable = memFs({
      '/w/package.json': JSON.stringify({ name: '@teable/teable', private: true }),
      '/w/apps/nestjs-backend/package.json': JSON.stringify({ name: '@teable/backend', dependencies: { '@nestjs/core': '10' } }),
      '/w/apps/nestjs-backend/src/main.ts': '',
      '/w/apps/nextjs-app/package.json': react,
    });
    assert.equal(await serverSourceRoot(teable, spec('teable', { image: 'ghcr.io/teableio/teable:latest' })), '/w/apps/nestjs-backend/src');
    assert.equal(await serverSourceRoot(monorepo, spec('app', { image: 'docmost/docmost:latest' })), '/w/apps/server/src');
    assert.equal(await serverSourceRoot(teable, spec('migrate', { image: 'ghcr.io/teableio/teable-db-migrate:latest' })), undefined);
  });

  test("an image named like the project and like its front end's folder runs the front end, not the project's only server app; the server's own image still gets it", async () => {
    const files = {
      '/w/package.json': JSON.stringify({ name: 'quill', private: true }),
      '/w/apps/QuillApi/package.json': JSON.stringify({ name: 'quill_api', dependencies: { express: '5' } }),
      '/w/apps/QuillApi/index.js': '',
    };
    const front = { 'package.json': JSON.stringify({ name: 'quill_web', dependencies: { react: '19', vite: '7' } }), 'server.cjs': '' };
    const withFront = (folder: string) => memFs({ ...files, ...Object.fromEntries(Object.entries(front).map(([f, text]) => [`/w/apps/${folder}/${f}`, text])) });
    const client = spec('client', { image: 'quilllabs/quill:main' });
    assert.equal(await serverSourceRoot(withFront('Quill'), client), undefined);
    assert.equal(await serverSourceRoot(withFront('Quill'), spec('server', { image: 'quilllabs/quillapi:main' })), '/w/apps/QuillApi');
    // The front end in a folder of another name: the image named like the project is its only server's.
    assert.equal(await serverSourceRoot(withFront('Web'), client), '/w/apps/QuillApi');
    // Bind-mounting the server's folder, the image runs it whatever its name.
    const mounting = spec('client', { image: 'quilllabs/quill:main', config: { volumes: { '/app': 'bind:/w/apps/QuillApi' } } as unknown as ServiceSpec['config'] });
    assert.equal(await serverSourceRoot(withFront('Quill'), mounting), '/w/apps/QuillApi');
  });

  test("an image named like the project with its words run together (`chatollama` for the package chat-ollama) runs its only server app", async () => {
    const fs = memFs({ '/w/package.json': JSON.stringify({ name: 'chat-ollama', dependencies: { express: '5' } }), '/w/src/index.ts': '' });
    assert.equal(await serverSourceRoot(fs, spec('chatollama', { image: 'someone/chatollama:latest' })), '/w/src');
    assert.equal(await serverSourceRoot(fs, spec('chat', { image: 'someone/chat:latest' })), undefined);
  });

  test("an image named like the project does not run its only server app when another package of the project has a Dockerfile of its own: the image may be that package's, which the service's role names", async () => {
    const files = {
      '/w/package.json': JSON.stringify({ name: 'acme', private: true }),
      '/w/worker/package.json': JSON.stringify({ name: 'worker', dependencies: { express: '5' }, scripts: { start: 'node dist/index.js' } }),
      '/w/worker/src/index.ts': '',
      '/w/worker/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
      '/w/web/package.json': JSON.stringify({ name: 'web', dependencies: { next: '16', react: '19' }, scripts: { build: 'next build' } }),
    };
    const web = spec('acme-web', { image: 'acme/acme:3' });
    const worker = spec('acme-worker', { image: 'acme/acme-worker:3' });
    // The front end builds no image of its own: the project's image is its only server's.
    assert.equal(await serverSourceRoot(memFs(files), web), '/w/worker/src');
    const both = memFs({ ...files, '/w/web/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm run build\n' });
    // Then the service's role names which (`acme-web`: web/, the package with the Dockerfile); a role naming no package leaves it unknown.
    assert.equal(await serverSourceRoot(both, web), '/w/web');
    assert.equal(await serverSourceRoot(both, web, { claimsSoleApp: true }), '/w/web');
    assert.equal(await serverSourceRoot(both, spec('acme-app', { image: 'acme/acme:3' })), undefined);
    assert.equal(await serverSourceRoot(both, spec('app', { image: 'acme/acme:3' }), { claimsSoleApp: true }), undefined);
    assert.equal(await serverSourceRoot(both, worker), '/w/worker/src');
    // A Dockerfile inside the server's own folder, or a dev container's, leaves the rule as it was.
    const own = memFs({ ...files, '/w/worker/docker/Dockerfile': 'FROM node:22\n', '/w/.devcontainer/Dockerfile': 'FROM node:22\n' });
    assert.equal(await serverSourceRoot(own, web), '/w/worker/src');
  });

  test("an image bringing several server apps runs those its start command starts: every package a workspace run starts a script in, or the apps of a pm2 ecosystem file", async () => {
    const nestApp = (name: string, scripts: Record<string, string>) => JSON.stringify({ name, dependencies: { '@nestjs/core': '10' }, scripts });
    const files = {
      '/w/package.json': JSON.stringify({ name: 'gitroom', scripts: { pm2: 'pnpm run pm2-run', 'pm2-run': 'pm2 delete all || true && pnpm run --parallel pm2 && pm2 logs', up: 'pnpm --filter ./apps/orchestrator run start' } }),
      '/w/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
      '/w/apps/backend/package.json': nestApp('backend', { start: 'node dist/main.js', pm2: 'pm2 start pnpm --name backend -- start' }),
      '/w/apps/backend/src/main.ts': '',
      '/w/apps/orchestrator/package.json': nestApp('orchestrator', { start: 'node dist/main.js', pm2: 'pm2 start pnpm --name orchestrator -- start' }),
      '/w/apps/orchestrator/src/main.ts': '',
      '/w/apps/commands/package.json': nestApp('commands', { start: 'node dist/main.js' }),
      '/w/apps/commands/src/main.ts': '',
      '/w/apps/frontend/package.json': JSON.stringify({ name: 'frontend', dependencies: { next: '15', react: '19', express: '4' }, scripts: { build: 'next build', start: 'node server.js', pm2: 'pm2 start pnpm --name frontend -- start' } }),
      '/w/ecosystem.config.js': "module.exports = { apps: [{ name: 'api', cwd: './apps/backend', script: 'dist/main.js' }, { name: 'web', cwd: 'apps/frontend', script: 'npm', args: 'start' }] };\n",
    };
    const dockerfile = (cmd: string) => `FROM node:22\nWORKDIR /app\nCOPY . /app\nRUN pnpm install && pnpm run build\nCMD ${cmd}\n`;
    const service = spec('gitroom', { image: 'ghcr.io/acme/gitroom:latest' });
    const roots = async (cmd: string) => serverSourceRoots(memFs({ ...files, '/w/Dockerfile': dockerfile(cmd) }), service);
    assert.deepEqual(await roots('["sh", "-c", "nginx && pnpm run pm2"]'), ['/w/apps/backend/src', '/w/apps/orchestrator/src']);
    assert.deepEqual(await roots('["pm2-runtime", "ecosystem.config.js"]'), ['/w/apps/backend/src']);
    assert.deepEqual(await roots('["pnpm", "up"]'), ['/w/apps/orchestrator/src']);
    // A start command naming no app: which of the three servers runs is not known.
    assert.deepEqual(await roots('["sh"]'), []);
  });

  test("a prebuilt image of the project's own is the app its Dockerfile named for the image brings (Dockerfile.<name>, docker/<name>/Dockerfile, <app>/Dockerfile); a front end or a library it brings too is not", async () => {
    const hono = (name: string, extra: object = {}) => JSON.stringify({ name, dependencies: { hono: '4' }, ...extra });
    const repo = memFs({
      '/w/package.json': JSON.stringify({ name: 'kaneo', private: true }),
      '/w/apps/api/package.json': hono('@kaneo/api', { scripts: { start: 'node dist/index.js' } }),
      '/w/apps/api/src/index.ts': '',
      '/w/apps/web/package.json': JSON.stringify({ name: '@kaneo/web', dependencies: { hono: '4', 'react-dom': '19' }, scripts: { build: 'vite build' } }),
      '/w/packages/libs/package.json': hono('@kaneo/libs'),
      '/w/apps/worker/package.json': hono('@kaneo/worker', { scripts: { start: 'node dist/worker.js' } }),
      '/w/apps/worker/src/worker.ts': '',
      // Its own server, the web build and a library: the server runs.
      '/w/Dockerfile.kaneo': 'FROM node:22 AS b\nWORKDIR /app\nCOPY packages/libs ./packages/libs\nCOPY apps/api ./apps/api\nCOPY apps/web ./apps/web\nRUN pnpm build\nFROM node:22\nCOPY --from=b /app /app\nCMD ["node", "/app/apps/api/dist/index.js"]\n',
      // Copies that are not followed (a pruned workspace from another stage): the folder it lives in says.
      '/w/apps/worker/Dockerfile': 'FROM node:22 AS prune\nCOPY . .\nRUN turbo prune worker --docker\nFROM node:22\nCOPY --from=prune /prod/worker ./worker\nCMD ["node", "worker/dist/worker.js"]\n',
    });
    const kaneo = { name: 'kaneo', project: 'kaneo', projectDir: '/w', drift: {} };
    assert.equal(await serverSourceRoot(repo, { ...kaneo, image: 'ghcr.io/usekaneo/kaneo:latest' } as ServiceSpec), '/w/apps/api/src');
    assert.equal(await serverSourceRoot(repo, { ...kaneo, name: 'jobs', image: 'ghcr.io/usekaneo/kaneo-worker:1' } as ServiceSpec), '/w/apps/worker/src');
    // No Dockerfile is named for it: nothing is guessed.
    assert.equal(await serverSourceRoot(repo, { ...kaneo, name: 'jobs', image: 'ghcr.io/usekaneo/kaneo-mailer:1' } as ServiceSpec), undefined);
    const dockers = memFs({
      '/w/package.json': JSON.stringify({ name: '@teable/teable', private: true }),
      '/w/apps/nestjs-backend/package.json': JSON.stringify({ name: '@teable/backend', dependencies: { '@nestjs/core': '10' }, scripts: { start: 'node dist/index.js' } }),
      '/w/apps/nestjs-backend/src/main.ts': '',
      '/w/apps/admin/package.json': JSON.stringify({ name: '@teable/admin', dependencies: { express: '4' }, scripts: { start: 'node admin.js' } }),
      '/w/dockers/teable/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY apps/nestjs-backend ./apps/nestjs-backend\nCMD ["node", "apps/nestjs-backend/dist/index.js"]\n',
    });
    assert.equal(await serverSourceRoot(dockers, spec('teable', { image: 'ghcr.io/teableio/teable:latest' })), '/w/apps/nestjs-backend/src');
    // The root's Dockerfile is the image named like the project's; a front end's image sharing a word with it is not.
    const single = memFs({
      '/w/package.json': JSON.stringify({ name: 'nest-admin', dependencies: { '@nestjs/core': '10' }, scripts: { start: 'nest start' } }),
      '/w/src/main.ts': '',
      '/w/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["node", "dist/main.js"]\n',
      '/w/web/nginx.conf': '',
    });
    const admin = { project: 'nest-admin', projectDir: '/w', drift: {} };
    assert.equal(await serverSourceRoot(single, { ...admin, name: 'server', image: 'acme/nest-admin:stable' } as ServiceSpec), '/w/src');
    assert.equal(await serverSourceRoot(single, { ...admin, name: 'web', image: 'acme/vue3-antdv-admin:stable' } as ServiceSpec), undefined);
  });

  test('an app goes by its scoped package name joined (`@openpanel/api` is openpanel-api), and `_` is `-`; the scope alone picks no app', async () => {
    const repo = memFs({
      '/w/package.json': JSON.stringify({ name: '@openpanel/root' }),
      '/w/apps/api/package.json': JSON.stringify({ name: '@openpanel/api', dependencies: { fastify: '5' } }),
      '/w/apps/api/src/index.ts': '',
      '/w/apps/worker/package.json': JSON.stringify({ name: '@openpanel/worker', dependencies: { express: '4' } }),
      '/w/apps/worker/src/index.ts': '',
    });
    assert.equal(await serverSourceRoot(repo, spec('op-api', { image: 'lindesvard/openpanel-api:2' })), '/w/apps/api/src');
    assert.equal(await serverSourceRoot(repo, spec('op_worker', { image: 'lindesvard/openpanel_worker:2' })), '/w/apps/worker/src');
    assert.equal(await serverSourceRoot(repo, spec('op', { image: 'lindesvard/openpanel:2' })), undefined);
  });

  test('a server package that is the src/ folder of a workspace root is found; other folders inside src/ are not walked', async () => {
    const repo = memFs({
      '/w/package.json': JSON.stringify({ name: 'etherpad', workspaces: ['src', 'admin'], dependencies: { 'ep_etherpad-lite': 'workspace:*' } }),
      '/w/src/package.json': JSON.stringify({ name: 'ep_etherpad-lite', dependencies: { express: '5' } }),
      '/w/src/node/server.ts': '',
      '/w/src/vendor/thing/package.json': JSON.stringify({ name: 'thing', dependencies: { koa: '2' } }),
      '/w/admin/package.json': react,
    });
    assert.equal(await serverSourceRoot(repo, spec('app', { image: 'etherpad/etherpad:latest' }), { claimsSoleApp: true }), '/w/src');
  });

  test("a compose file below a docs site's own package.json looks further up, to the project that has the server", async () => {
    const repo = memFs({
      '/w/package.json': JSON.stringify({ name: 'hedgedoc', workspaces: ['backend', 'frontend'] }),
      '/w/backend/package.json': JSON.stringify({ name: '@hedgedoc/backend', dependencies: { '@nestjs/core': '10' } }),
      '/w/backend/src/main.ts': '',
      '/w/docs/package.json': JSON.stringify({ name: 'docs', devDependencies: { mkdocs: '1' } }),
      '/w/docs/content/setup/docker-compose.yml': '',
    });
    const backend = spec('backend', { image: 'ghcr.io/hedgedoc/hedgedoc/backend:2', projectDir: '/w/docs/content/setup' });
    assert.equal(await serverSourceRoot(repo, backend, { workspaceDir: '/w' }), '/w/backend/src');
  });

  test('who claims the only server app: the one non-infrastructure prebuilt service, when nothing builds', () => {
    const app = spec('docmost', { image: 'docmost/docmost:latest' });
    const db = spec('db', { image: 'postgres:18' });
    const cache = spec('cache', { image: 'docker.io/library/redis:8@sha256:abc' });
    assert.deepEqual([...soleServerClaims([app, db, cache])], [app]);
    // a directory server (an LDAP image for the auth tests) is infrastructure too
    const ldap = spec('ldap', { image: 'rroemhild/test-openldap' });
    assert.deepEqual([...soleServerClaims([app, ldap])], [app]);
    assert.deepEqual([...soleServerClaims([ldap])], []);
    // two candidates (an app and an agent): neither
    assert.deepEqual([...soleServerClaims([app, db, spec('agent', { image: 'acme/clickstack-agent:2' })])], []);
    // one image run twice (the app and its migration job) is one candidate: both run its code
    const migrate = spec('migrate', { image: 'docmost/docmost:latest' });
    assert.deepEqual([...soleServerClaims([app, migrate, db])], [app, migrate]);
    assert.deepEqual([...soleServerClaims([app, migrate, spec('agent', { image: 'acme/clickstack-agent:2' })])], []);
    // another service builds the source: a sidecar on a generic image claims nothing
    assert.deepEqual([...soleServerClaims([spec('api', { build: { context: '/w' } as ServiceSpec['build'] }), spec('tools', { image: 'node:20' })])], []);
  });

  test('which service builds the image a prebuilt service runs: same name whatever the tag, digest or implied registry; same command; one build', () => {
    const build = (context: string) => ({ context, dockerfile: `${context}/Dockerfile` }) as ServiceSpec['build'];
    const api = spec('api', { image: 'acme/api:dev', build: build('/w') });
    const deployed = spec('api', { project: 'deploy', image: 'docker.io/acme/api:1.4@sha256:abc' });
    const local = spec('app', { project: 'deploy', image: 'localhost:5000/acme/api' });
    const worker = spec('worker', { project: 'deploy', image: 'acme/api:1.4', config: { command: ['node', 'worker.js'] } as ServiceSpec['config'] });
    const node = spec('node', { image: 'library/node:20' });
    assert.deepEqual([...imageBuilders([api, deployed, local, worker, node], [api, deployed, local, worker, node])], [[deployed, api]]);
    // a builder outside the services checked (another project) still says where the source is
    assert.deepEqual([...imageBuilders([deployed], [api, deployed])], [[deployed, api]]);
    // two services building it from different contexts: which one cannot be told
    const other = spec('api2', { image: 'acme/api:2', build: build('/w/other') });
    assert.deepEqual([...imageBuilders([deployed], [api, other, deployed])], []);
    // the same build under two services is one
    assert.deepEqual([...imageBuilders([deployed], [api, { ...api, project: 'q' }, deployed])], [[deployed, api]]);
  });

  test("a compose file in a folder of its own (docker/, no package.json) looks for the prebuilt image's server from the project above it, never above the workspace", async () => {
    const repo = memFs({
      '/w/package.json': JSON.stringify({ name: 'ghostfolio', dependencies: { '@nestjs/core': '10' } }),
      '/w/docker/docker-compose.yml': '',
      '/w/apps/api/project.json': JSON.stringify({ projectType: 'application', targets: { build: { executor: '@nx/webpack:webpack' } } }),
      '/w/apps/api/src/main.ts': '',
      '/w/apps/client/project.json': JSON.stringify({ projectType: 'application', targets: { build: { executor: '@nx/angular:browser-esbuild' } } }),
    });
    const app = spec('ghostfolio', { image: 'docker.io/ghostfolio/ghostfolio:latest', projectDir: '/w/docker' });
    assert.equal(await serverSourceRoot(repo, app, { claimsSoleApp: true, workspaceDir: '/w' }), '/w/apps/api/src');
    // the workspace is the compose folder itself: nothing above it is read
    assert.equal(await serverSourceRoot(repo, app, { claimsSoleApp: true, workspaceDir: '/w/docker' }), undefined);
  });

  test('a repository with no package.json at its root or in the compose folder: the prebuilt image names its server among the packages beside that folder', async () => {
    const repo = memFs({
      '/w/docker/docker-compose.yml': '',
      '/w/backend/package.json': JSON.stringify({ name: 'shop-backend', dependencies: { express: '4' } }),
      '/w/backend/src/index.ts': '',
      '/w/frontend/package.json': react,
    });
    const api = spec('api', { image: 'acme/backend:latest', projectDir: '/w/docker' });
    assert.equal(await serverSourceRoot(repo, api, { workspaceDir: '/w' }), '/w/backend/src');
    assert.equal(await serverSourceRoot(repo, spec('web', { image: 'acme/frontend:latest', projectDir: '/w/docker' }), { workspaceDir: '/w' }), undefined);
    // never above the workspace
    assert.equal(await serverSourceRoot(repo, api, { workspaceDir: '/w/docker' }), undefined);
  });

  test("a prebuilt image's server is where the project's Dockerfile for that image takes it from, not the package's src/ when that is its front end", async () => {
    const files = {
      '/w/package.json': JSON.stringify({ name: 'shop', dependencies: { express: '4', react: '18' }, scripts: { 'build:server': 'tsc -p server/tsconfig.json', server: 'node server/dist/server.js' } }),
      '/w/src/main.tsx': '',
      '/w/server/tsconfig.json': JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist' } }),
      '/w/server/src/server.ts': '',
      '/w/compose.yaml': '',
    };
    const backend = spec('backend', { image: 'acme/shop-backend:1' });
    const dockerfile = 'FROM node:22 AS builder\nWORKDIR /app\nCOPY package.json ./\nCOPY server ./server\nRUN npm run build:server\nFROM node:22-slim\nWORKDIR /app\nCOPY --from=builder /app/server ./server\nCMD ["npm", "run", "server"]\n';
    assert.equal(await serverSourceRoot(memFs({ ...files, '/w/Dockerfile.backend': dockerfile }), backend, { claimsSoleApp: true }), '/w/server/src');
    // no Dockerfile builds the image: the package's own source folder, as before
    assert.equal(await serverSourceRoot(memFs(files), backend, { claimsSoleApp: true }), '/w/src');
  });

  test("a build that only layers over the project's published image (a script added) runs that image's server; one over an official image runs none", async () => {
    const files = {
      '/w/package.json': JSON.stringify({ name: 'shop', private: true }),
      '/w/packages/backend/package.json': JSON.stringify({ name: '@shop/backend', dependencies: { express: '4' } }),
      '/w/packages/backend/src/app.js': '',
      '/w/packages/web/package.json': react,
      '/w/docker/entrypoint.sh': '',
    };
    const main = spec('main', { build: built('/w/docker') });
    const layered = memFs({ ...files, '/w/docker/Dockerfile': 'FROM acme/shop:latest\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["sh", "/entrypoint.sh"]\n' });
    assert.equal(await serverSourceRoot(layered, main, { workspaceDir: '/w' }), '/w/packages/backend/src');
    const official = memFs({ ...files, '/w/docker/Dockerfile': 'FROM node:22\nCOPY entrypoint.sh /entrypoint.sh\n' });
    assert.equal(await serverSourceRoot(official, main, { workspaceDir: '/w' }), undefined);
  });

  test('a repository that is one server, its compose file beside its package.json: the prebuilt image named like it, or claiming it, gets its source', async () => {
    const single = memFs({ '/w/package.json': JSON.stringify({ name: 'uptime-kuma', dependencies: { express: '4' } }), '/w/server/server.js': '', '/w/compose.yaml': '' });
    assert.equal(await serverSourceRoot(single, spec('uptime-kuma', { image: 'louislam/uptime-kuma:2' })), '/w');
    assert.equal(await serverSourceRoot(single, spec('app', { image: 'acme/kuma:2' }), { claimsSoleApp: true }), '/w');
    assert.equal(await serverSourceRoot(single, spec('app', { image: 'acme/kuma:2' })), undefined);
  });

  test('a repository that is one server with a small server of its own below (a webhook receiver): the image named like the repository runs the root app, one named like neither gets neither', async () => {
    const repo = memFs({
      '/w/package.json': JSON.stringify({ name: 'p2p', dependencies: { express: '4' } }),
      '/w/app/src/server.js': '',
      '/w/webhook/package.json': JSON.stringify({ name: 'webhook', dependencies: { express: '4' } }),
      '/w/webhook/server.js': '',
      '/w/compose.yaml': '',
    });
    assert.equal(await serverSourceRoot(repo, spec('p2p', { image: 'acme/p2p:latest' })), '/w');
    assert.equal(await serverSourceRoot(repo, spec('turn', { image: 'coturn/coturn' }), { workspaceDir: '/w' }), undefined);
    assert.equal(await serverSourceRoot(repo, spec('hooks', { image: 'acme/webhook' })), '/w/webhook');
  });

  test("a build from the workspace root with the Dockerfile in a project's folder is that project's: a front end's gets no server even where the root's package.json depends on one; a server app's gets that app; a package declaring no dependencies leaves it to the root", async () => {
    const dockerfile = 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npx nx build web\n';
    const repo = memFs({
      '/w/package.json': JSON.stringify({ name: 'shortener', dependencies: { '@nestjs/core': '10', '@builder.io/qwik': '1' } }),
      '/w/apps/api/project.json': JSON.stringify({ projectType: 'application', sourceRoot: 'apps/api/src', targets: { build: { executor: '@nx/webpack:webpack' } } }),
      '/w/apps/api/src/main.ts': '',
      '/w/apps/api/Dockerfile': dockerfile,
      '/w/apps/web/project.json': JSON.stringify({ projectType: 'application', targets: { build: { executor: 'qwik-nx:build' }, serve: { executor: '@nx/vite:dev-server' } } }),
      '/w/apps/web/src/root.tsx': '',
      '/w/apps/web/Dockerfile': dockerfile,
      '/w/apps/tool/package.json': JSON.stringify({ name: 'tool' }),
      '/w/apps/tool/Dockerfile': dockerfile,
    });
    assert.equal(await serverSourceRoot(repo, spec('frontend', { build: built('/w', '/w/apps/web/Dockerfile') })), undefined);
    assert.equal(await serverSourceRoot(repo, spec('backend', { build: built('/w', '/w/apps/api/Dockerfile') })), '/w/apps/api/src');
    assert.equal(await serverSourceRoot(repo, spec('tool', { build: built('/w', '/w/apps/tool/Dockerfile') })), '/w');
  });

  test('a build from the repository root finds the one server app below it', async () => {
    assert.equal(await serverSourceRoot(monorepo, spec('app', { build: built('/w') })), '/w/apps/server/src');
  });

  test("a build from the repository root claims the server app below it only when its Dockerfile brings the app's folder into the image", async () => {
    const repo = memFs({
      '/w/package.json': JSON.stringify({ name: 'hdx', workspaces: ['packages/*'] }),
      '/w/packages/api/package.json': nest,
      '/w/packages/api/src/main.ts': '',
      '/w/packages/collector/go.mod': '',
      // maildev installed from npm: nothing of the repository
      '/w/maildev.Dockerfile': 'FROM node:22\nRUN npm i -g maildev\nCMD maildev\n',
      // a collector: another package's folder, its own config files
      '/w/docker/collector/Dockerfile':
        'FROM golang:1 AS builder\nCOPY packages/collector/ ./\nRUN go build\nFROM alpine AS base\nCOPY --from=builder /out /bin/col\nFROM base AS dev\nCOPY docker/collector/config.yaml /etc/col.yaml\n',
      // the app's folder copied in a build stage whose output reaches the image
      '/w/docker/api/Dockerfile':
        'FROM node:22 AS build\nWORKDIR /src\nCOPY package.json ./\nCOPY packages/api ./packages/api\nRUN npm run build\nFROM node:22-slim\nCOPY --from=build /src/packages/api/dist /app\n',
      // the whole context copied, but only in a stage the target never reaches
      '/w/docker/test/Dockerfile': 'FROM node:22 AS test\nCOPY . .\nRUN npm test\nFROM alpine AS tools\nRUN apk add curl\n',
      // only the app's manifest, to install: not its source
      '/w/docker/deps/Dockerfile': 'FROM node:22\nCOPY packages/api/package.json ./\nRUN npm i\n',
      // a glob over the apps' parent
      '/w/docker/glob/Dockerfile': 'FROM node:22\nCOPY pack* /repo/\n',
    });
    const claims = (dockerfile: string, target?: string) => serverSourceRoot(repo, spec('svc', { build: built('/w', dockerfile, target) }));
    assert.equal(await claims('/w/maildev.Dockerfile'), undefined);
    assert.equal(await claims('/w/docker/collector/Dockerfile', 'dev'), undefined);
    assert.equal(await claims('/w/docker/api/Dockerfile'), '/w/packages/api/src');
    assert.equal(await claims('/w/docker/test/Dockerfile', 'tools'), undefined);
    assert.equal(await claims('/w/docker/test/Dockerfile', 'test'), '/w/packages/api/src');
    assert.equal(await claims('/w/docker/deps/Dockerfile'), undefined);
    assert.equal(await claims('/w/docker/glob/Dockerfile'), '/w/packages/api/src');
    assert.equal(await claims('/w/no/Dockerfile'), undefined);
  });

  test("a front end built in a stage that got the whole repository takes only its own folder's output: the server app named like the service is not its", async () => {
    const repo = memFs({
      '/w/package.json': JSON.stringify({ name: 'openstatus', workspaces: ['apps/*'] }),
      '/w/apps/server/package.json': nest,
      '/w/apps/server/src/index.ts': '',
      '/w/apps/workflows/package.json': JSON.stringify({ name: 'workflows', dependencies: { hono: '4' } }),
      '/w/apps/dashboard/package.json': react,
      '/w/apps/dashboard/Dockerfile':
        'FROM node:24 AS builder\nWORKDIR /app\nCOPY . /app/\nRUN pnpm turbo run build --filter=dashboard\nFROM node:24 AS runtime\nWORKDIR /app/apps/dashboard\nCOPY --from=builder /app/apps/dashboard/.next/standalone/ ./\nCOPY --from=builder /app/node_modules/ /app/node_modules/\n',
      '/w/apps/server/Dockerfile': 'FROM node:24 AS builder\nWORKDIR /app\nCOPY . /app/\nRUN pnpm build\nFROM node:24\nCOPY --from=builder /app/apps/server/dist /bin/\n',
    });
    // compose names the service of apps/dashboard/docker-compose.yaml "server"
    const service = (dockerfile: string) => spec('server', { image: 'dashboard', build: built('/w', dockerfile) });
    assert.equal(await serverSourceRoot(repo, service('/w/apps/dashboard/Dockerfile')), undefined);
    assert.equal(await serverSourceRoot(repo, service('/w/apps/server/Dockerfile')), '/w/apps/server/src');
  });

  test('a build context that is the server app itself: its Dockerfile must copy it, or the service bind-mount it', async () => {
    const app = memFs({
      '/w/package.json': nest,
      '/w/src/main.ts': '',
      '/w/maildev.Dockerfile': 'FROM node:24\nRUN npm i -g maildev\nCMD maildev\n',
      '/w/deps.Dockerfile': 'FROM node:24\nWORKDIR /app\nCOPY package*.json tsconfig.json ./\nRUN npm ci\n',
      '/w/Dockerfile': 'FROM node:24\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\nCOPY src ./src\n',
    });
    const service = (dockerfile: string, volumes: Record<string, string> = {}) =>
      spec('svc', { build: built('/w', dockerfile), config: { volumes } as ServiceSpec['config'] });
    assert.equal(await serverSourceRoot(app, service('/w/maildev.Dockerfile')), undefined);
    assert.equal(await serverSourceRoot(app, service('/w/deps.Dockerfile')), undefined);
    assert.equal(await serverSourceRoot(app, service('/w/deps.Dockerfile', { '/app': 'bind:/w' })), '/w/src');
    assert.equal(await serverSourceRoot(app, service('/w/Dockerfile')), '/w/src');
  });

  test("a build compose cannot make (its context a file: `build: docker/Dockerfile`) beside an image runs that image, pulled: the project's server app when the image is named like the project", async () => {
    const app = memFs({ '/w/package.json': JSON.stringify({ name: 'quotes', dependencies: { koa: '2' } }), '/w/src/index.js': '', '/w/docker/Dockerfile': 'FROM node:22\nCOPY . .\n' });
    const broken = { context: '/w/docker/Dockerfile', dockerfile: '/w/docker/Dockerfile/Dockerfile' };
    assert.equal(await serverSourceRoot(app, spec('api', { image: 'quotes/quotes:release', build: broken })), '/w/src');
    assert.equal(await serverSourceRoot(app, spec('api', { build: broken })), undefined);
  });

  test("a build FROM a database, cache or proxy image (its config file copied in from the project's folder) runs that server, none of the project's routes", async () => {
    const files = { '/w/package.json': JSON.stringify({ name: 'shop', dependencies: { fastify: '5' } }), '/w/src/index.ts': '' };
    const cache = memFs({ ...files, '/w/docker/cache/cache.Dockerfile': 'ARG V=7-alpine\nFROM redis:${V}\nCOPY docker/cache/redis.conf /usr/local/etc/redis/redis.conf\n' });
    assert.equal(await serverSourceRoot(cache, spec('cache', { image: 'shop-cache-img', build: built('/w', '/w/docker/cache/cache.Dockerfile') })), undefined);
    const app = memFs({ ...files, '/w/docker/app/app.Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY docker/cache/redis.conf ./\nCOPY . .\n' });
    const proxied = memFs({ ...files, '/w/docker/app/app.Dockerfile': 'FROM nginx:alpine\nWORKDIR /app\nRUN apk add --update nodejs npm\nCOPY . .\nCMD ["node", "src/index.js"]\n' });
    assert.equal(await serverSourceRoot(proxied, spec('app', { image: 'shop-app-img', build: built('/w', '/w/docker/app/app.Dockerfile') })), '/w/src');
    assert.equal(await serverSourceRoot(app, spec('app', { image: 'shop-app-img', build: built('/w', '/w/docker/app/app.Dockerfile') })), '/w/src');
  });

  test('several server apps: the one named like the service or its image, else none', async () => {
    const two = memFs({ '/w/apps/api/package.json': nest, '/w/apps/api/src/a.ts': '', '/w/apps/worker/package.json': nest, '/w/apps/worker/src/b.ts': '', '/w/Dockerfile': 'FROM node:22\nCOPY apps ./apps\n' });
    assert.equal(await serverSourceRoot(two, spec('backend', { image: 'ghcr.io/acme/worker:1' })), '/w/apps/worker/src');
    assert.equal(await serverSourceRoot(two, spec('web', { image: 'acme/web' })), undefined);
    assert.equal(await serverSourceRoot(two, spec('api', { build: built('/w') })), '/w/apps/api/src');
  });

  test("a bundled source's routes are read when its package is a server's (tsup, deno compile), not a front end's", async () => {
    assert.equal(await isServerSource(monorepo, '/w/apps/server/src', '/w'), true);
    assert.equal(await isServerSource(monorepo, '/w/apps/client/src', '/w'), false);
    assert.equal(await isServerSource(monorepo, '/w/elsewhere/src', '/w/apps'), false);
  });

  test("a Deno project (no package.json) whose deno.jsonc maps a server framework in its imports is a server's source; one mapping none is not", async () => {
    const deno = (imports: Record<string, string>) => memFs({ '/d/deno.jsonc': `{\n  // tasks and imports\n  "imports": ${JSON.stringify(imports)}\n}\n`, '/d/src/main.ts': '' });
    assert.equal(await isServerSource(deno({ hono: 'jsr:@hono/hono@4.12.0', '@std/cli': 'jsr:@std/cli@^1' }), '/d/src', '/d'), true);
    assert.equal(await isServerSource(deno({ web: 'npm:express@5' }), '/d/src', '/d'), true);
    assert.equal(await isServerSource(deno({ '@std/cli': 'jsr:@std/cli@^1', preact: 'npm:preact@10' }), '/d/src', '/d'), false);
  });

  test("an app package that declares no dependencies (the workspace root's serve it) is judged by the root's package", async () => {
    const hoisted = memFs({
      '/w/package.json': JSON.stringify({ name: 'mono', workspaces: ['apps/*'], dependencies: { '@nestjs/core': '9' } }),
      '/w/nest-cli.json': JSON.stringify({ monorepo: true, projects: { api: { type: 'application', root: 'apps/api', sourceRoot: 'apps/api/src' } } }),
      '/w/apps/api/package.json': JSON.stringify({ name: '@app/api', dependencies: {} }),
      '/w/apps/api/src/main.ts': '',
      '/w/apps/web/package.json': react,
      '/w/apps/web/src/main.tsx': '',
    });
    assert.equal(await isServerSource(hoisted, '/w/apps/api/src', '/w'), true);
    assert.equal(await isServerSource(hoisted, '/w/apps/web/src', '/w'), false);
  });

  test("a prebuilt image named like an app of a Nest CLI monorepo gets that app's sourceRoot", async () => {
    const nestMono = memFs({
      '/w/package.json': JSON.stringify({ name: 'mono', dependencies: { '@nestjs/core': '9' } }),
      '/w/nest-cli.json': JSON.stringify({
        monorepo: true,
        sourceRoot: 'apps/api/src',
        projects: { api: { type: 'application', root: 'apps/api', sourceRoot: 'apps/api/src' }, auth: { type: 'application', root: 'apps/auth', sourceRoot: 'apps/auth/src' } },
      }),
      '/w/apps/api/src/main.ts': '',
      '/w/apps/auth/src/main.ts': '',
    });
    assert.equal(await serverSourceRoot(nestMono, spec('login', { image: 'acme/auth:1' })), '/w/apps/auth/src');
    assert.equal(await serverSourceRoot(nestMono, spec('api', { image: 'acme/gateway:1' })), '/w/apps/api/src');
  });

  test('imageRepository', () => {
    assert.equal(imageRepository('docmost/docmost:latest'), 'docmost');
    assert.equal(imageRepository('localhost:5000/team/api@sha256:00'), 'api');
    assert.equal(imageRepository(undefined), undefined);
  });
});

suite('serverSourceRoot: a prebuilt tool beside the server', () => {
  const repo = memFs({ '/w/package.json': JSON.stringify({ name: 'shop', dependencies: { express: '4' } }), '/w/src/index.ts': '', '/w/compose.yaml': '' });

  test('the one non-infrastructure image claims the only server app only with a reason: its name shares a word with the project, or it bind-mounts the code', async () => {
    const tool = spec('docs', { image: 'swaggerapi/swagger-ui:v5' });
    assert.deepEqual([...soleServerClaims([tool, spec('db', { image: 'postgres:18' })])], [tool]);
    assert.equal(await serverSourceRoot(repo, tool, { claimsSoleApp: true }), undefined);
    assert.equal(await serverSourceRoot(repo, spec('web', { image: 'ghcr.io/acme/shop-server:2' }), { claimsSoleApp: true }), '/w/src');
    const dev = spec('dev', { image: 'node:22', config: { volumes: { '/app': 'bind:/w' } } as unknown as ServiceSpec['config'] });
    assert.equal(await serverSourceRoot(repo, dev, { claimsSoleApp: true }), '/w/src');
    assert.equal(await serverSourceRoot(repo, spec('dev', { image: 'node:22' }), { claimsSoleApp: true }), undefined);
  });

  test("a database's high-availability or cluster image (`timescaledb-ha`, `redis-cluster`) is no candidate: the project's own image beside it still claims the only server app", async () => {
    const app = spec('app', { image: 'ghcr.io/acme/shop:1' });
    for (const image of ['timescale/timescaledb-ha:pg17', 'bitnami/redis-cluster:7', 'bitnami/postgresql-repmgr:16']) {
      assert.deepEqual([...soleServerClaims([app, spec('db', { image })])], [app], image);
    }
    assert.equal(soleServerClaims([app, spec('db', { image: 'acme/timescaledb-tools:1' })]).size, 0);
  });

  test("an official library image (no namespace) claims the only server app only by the project's very word: `gate` is not the image of the `gatekeep` dashboard, a namespaced `acme/gate` may be", async () => {
    const dashboard = memFs({ '/w/package.json': JSON.stringify({ name: 'gatekeep', dependencies: { express: '4' } }), '/w/src/index.ts': '' });
    const db = spec('db', { image: 'postgres:18' });
    for (const image of ['gate:1.5', 'library/gate', 'docker.io/library/gate:2']) {
      const gateway = spec('gateway', { image });
      assert.deepEqual([...soleServerClaims([gateway, db])], [gateway]);
      assert.equal(await serverSourceRoot(dashboard, gateway, { claimsSoleApp: true }), undefined, image);
    }
    assert.equal(await serverSourceRoot(dashboard, spec('gateway', { image: 'gatekeep:latest' }), { claimsSoleApp: true }), '/w/src');
    assert.equal(await serverSourceRoot(dashboard, spec('gateway', { image: 'acme/gate:1' }), { claimsSoleApp: true }), '/w/src');
  });

  test("a third party's image in a compose file of its own folder (config/office/compose.yaml, the project named office by it) has no reason to run the app's code; a name: given to the stack still counts", async () => {
    const office = spec('office', { image: 'office/documentserver:9', project: 'office', projectDir: '/w/config/office' });
    assert.equal(await serverSourceRoot(repo, office, { claimsSoleApp: true, workspaceDir: '/w' }), undefined);
    const named = spec('edge', { image: 'acme/edge:1', project: 'acme', projectDir: '/w/config/edge' });
    assert.equal(await serverSourceRoot(repo, named, { claimsSoleApp: true, workspaceDir: '/w' }), '/w/src');
  });

  test("an image of the project's publisher named for another product, from a test harness's compose file (src/test/sim-chain/docker/compose.yaml running acme/simchain), is a tool to test against, not the app; from the project's own compose file, or named for the project, it still claims it", async () => {
    const single = memFs({ '/w/package.json': JSON.stringify({ name: 'acme-ledger-api', dependencies: { express: '4' } }), '/w/src/index.ts': '' });
    const simulator = spec('simchain', { image: 'acme/simchain:v1.2', project: 'docker', projectDir: '/w/src/test/sim-chain/docker' });
    assert.deepEqual([...soleServerClaims([simulator])], [simulator]);
    assert.equal(await serverSourceRoot(single, simulator, { claimsSoleApp: true, workspaceDir: '/w' }), undefined);
    // The same image from the project's own compose file, or one named for the folder that is the project itself: the publisher's app.
    assert.equal(await serverSourceRoot(single, spec('simchain', { image: 'acme/simchain:v1.2' }), { claimsSoleApp: true, workspaceDir: '/w' }), '/w/src');
    assert.equal(await serverSourceRoot(single, spec('notes', { image: 'acme/notes:1', projectDir: '/w/deploy' }), { claimsSoleApp: true, workspaceDir: '/w' }), '/w/src');
    assert.equal(await serverSourceRoot(single, spec('ledger', { image: 'acme/ledger:1', project: 'docker', projectDir: '/w/test/e2e' }), { claimsSoleApp: true, workspaceDir: '/w' }), '/w/src');
  });

  test("a configuration file of the project mounted into a third party's image (a TURN server's config, an .env) is no reason to run the app's code; a source folder or file is", async () => {
    const mounts = (volumes: Record<string, string>) => ({ volumes }) as unknown as ServiceSpec['config'];
    const turn = spec('turn', { image: 'relay/relayd', config: mounts({ '/etc/relayd.conf': 'bind:/w/turn/relayd.conf', '/run/.env': 'bind:/w/.env:ro' }) });
    assert.equal(await serverSourceRoot(repo, turn, { claimsSoleApp: true }), undefined);
    const sources = spec('dev', { image: 'node:22', config: mounts({ '/app/src': 'bind:/w/src' }) });
    assert.equal(await serverSourceRoot(repo, sources, { claimsSoleApp: true }), '/w/src');
    const entry = spec('dev', { image: 'node:22', config: mounts({ '/app/index.js': 'bind:/w/src/index.ts:ro' }) });
    assert.equal(await serverSourceRoot(repo, entry, { claimsSoleApp: true }), '/w/src');
  });

  test("a compose file in a folder below the server (a database to test a driver against) is named after that folder: its name is no word of the project's", async () => {
    const server = memFs({ '/w/package.json': JSON.stringify({ name: 'shop', dependencies: { express: '4' } }), '/w/app.js': '', '/w/drivers/warehouse/compose.yaml': '' });
    const inDrivers = (name: string, image: string, project = name) => spec(name, { image, project, projectDir: '/w/drivers/warehouse' });
    // `warehousedb/warehouse` claims the only server app and shares the word `warehouse` with the compose project's default name only.
    assert.equal(await serverSourceRoot(server, inDrivers('warehouse', 'warehousedb/warehouse'), { claimsSoleApp: true, workspaceDir: '/w' }), undefined);
    // `warehouse-server` minus that word is `server`, not an app's name here.
    assert.equal(await serverSourceRoot(server, inDrivers('warehouse', 'acme/warehouse-server'), { workspaceDir: '/w' }), undefined);
    // A database whose repository alone is a server folder's name (`mssql/server`) runs none of the project's code.
    const named = memFs({ '/w/package.json': JSON.stringify({ name: 'shop' }), '/w/server/package.json': JSON.stringify({ name: 'shop-api', dependencies: { express: '4' } }), '/w/server/app.js': '' });
    assert.equal(await serverSourceRoot(named, spec('db', { image: 'mcr.microsoft.com/mssql/server:2022-latest' }), { workspaceDir: '/w' }), undefined);
    assert.equal(await serverSourceRoot(named, spec('api', { image: 'acme/server:2' }), { workspaceDir: '/w' }), '/w/server');
    // The project's own image there still runs it.
    assert.equal(await serverSourceRoot(server, inDrivers('app', 'acme/shop:2', 'warehouse'), { claimsSoleApp: true, workspaceDir: '/w' }), '/w');
  });

  test("the project's image of a program in another language (its Dockerfile in a folder with a requirements.txt, no package.json) runs that program, not the only server app", async () => {
    const polyglot = memFs({
      '/w/worker/package.json': JSON.stringify({ name: 'mail-worker', dependencies: { hono: '4' } }),
      '/w/worker/src/index.ts': '',
      '/w/relay/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nCMD ["python3", "main.py"]\n',
      '/w/relay/requirements.txt': 'aiosmtpd\n',
      '/w/relay/compose.yaml': '',
    });
    const relay = (image: string) => spec('relay', { image, project: 'relay', projectDir: '/w/relay' });
    assert.equal(await serverSourceRoot(polyglot, relay('ghcr.io/acme/mail/relay:latest'), { claimsSoleApp: true, workspaceDir: '/w' }), undefined);
    // Without the other language's manifest the folder's Dockerfile says nothing of what the image runs.
    const bare = memFs({ ...Object.fromEntries(['/w/worker/package.json', '/w/worker/src/index.ts', '/w/relay/Dockerfile', '/w/relay/compose.yaml'].map((f) => [f, f.endsWith('package.json') ? JSON.stringify({ name: 'mail-worker', dependencies: { hono: '4' } }) : ''])) });
    assert.equal(await serverSourceRoot(bare, relay('ghcr.io/acme/mail/relay:latest'), { claimsSoleApp: true, workspaceDir: '/w' }), '/w/worker/src');
  });

  test("the project's recipe for an image that starts another language's program (a <name>.Dockerfile at the root, FROM python, gunicorn) runs that program, not the root's server app", async () => {
    const files = {
      '/w/package.json': JSON.stringify({ name: 'pantry-api', dependencies: { fastify: '5' } }),
      '/w/src/index.ts': '',
      '/w/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "build"]\n',
      '/w/fetcher.Dockerfile': 'FROM python:3.12-alpine\nCOPY fetcher /app/fetcher\nWORKDIR /app/fetcher\nRUN pip install -r requirements.txt\nCMD [ "gunicorn", "-b", "0.0.0.0", "app:app" ]\n',
      '/w/fetcher/app.py': '',
      '/w/fetcher/requirements.txt': 'flask\n',
      '/w/compose.yaml': '',
    };
    const onImage = (name: string, image: string) => spec(name, { image, project: 'pantry', projectDir: '/w' });
    assert.equal(await serverSourceRoot(memFs(files), onImage('fetcher', 'ghcr.io/acme/pantry-fetcher:latest'), { workspaceDir: '/w' }), undefined);
    assert.equal(await serverSourceRoot(memFs(files), onImage('api', 'ghcr.io/acme/pantry-api:latest'), { workspaceDir: '/w' }), '/w/src');
    // The same recipe starting node runs the project's code: it says nothing against the server app.
    const onNode = { ...files, '/w/fetcher.Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "build"]\n' };
    assert.equal(await serverSourceRoot(memFs(onNode), onImage('fetcher', 'ghcr.io/acme/pantry-fetcher:latest'), { workspaceDir: '/w' }), '/w/src');
  });

  test("the project's image built in a folder of its own FROM a proxy image (a gateway's Lua copied in, no package.json) runs that proxy, not the only server app; the server's image keeps it", async () => {
    const files = {
      '/w/api/package.json': JSON.stringify({ name: 'gate-api', dependencies: { koa: '2' } }),
      '/w/api/app.js': '',
      '/w/api/Dockerfile': 'FROM node:20\nCOPY ./ /opt/gate/api\nWORKDIR /opt/gate/api\nCMD ["node", "app.js"]\n',
      '/w/gateway/Dockerfile': 'FROM openresty/openresty:alpine\nCOPY ./ /opt/gate/gateway\nWORKDIR /opt/gate/gateway\nENTRYPOINT ["sh", "./entrypoint.sh"]\n',
      '/w/gateway/lua/access.lua': '',
      '/w/demo/compose.yaml': '',
    };
    const onImage = (name: string, image: string) => spec(name, { image, project: 'gate', projectDir: '/w/demo' });
    assert.equal(await serverSourceRoot(memFs(files), onImage('gateway-one', 'acme/gate-gateway'), { claimsSoleApp: true, workspaceDir: '/w' }), undefined);
    assert.equal(await serverSourceRoot(memFs(files), onImage('api', 'acme/gate-api'), { claimsSoleApp: true, workspaceDir: '/w' }), '/w/api');
    // The same recipe FROM a Node image runs code of the project: it says nothing against the server app.
    const onNode = { ...files, '/w/gateway/Dockerfile': 'FROM node:20\nCOPY ./ /opt/gate/gateway\nCMD ["node", "index.js"]\n' };
    assert.equal(await serverSourceRoot(memFs(onNode), onImage('gateway-one', 'acme/gate-gateway'), { claimsSoleApp: true, workspaceDir: '/w' }), '/w/api');
  });
});

suite("serverSourceRoot: a prebuilt image whose Dockerfile copies the whole workspace", () => {
  test("the image starts another package than the server app it brings (a worker's file, a front end's WORKDIR): it runs none of the server's routes, and a front end named like the image is its app", async () => {
    const whole = (start: string) => `FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build --workspaces\n${start}\n`;
    const fs = memFs({
      '/w/package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*'] }),
      '/w/apps/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { hono: '4' }, scripts: { start: 'node dist/index.js' } }),
      '/w/apps/api/src/index.ts': '',
      '/w/apps/worker/package.json': JSON.stringify({ name: '@acme/worker', dependencies: { bullmq: '5' }, scripts: { start: 'node dist/index.js' } }),
      '/w/apps/worker/src/index.ts': '',
      '/w/apps/web/package.json': JSON.stringify({ name: '@acme/web', dependencies: { next: '15', react: '19' }, scripts: { build: 'next build', start: 'next start' } }),
      '/w/apps/web/app/api/health/route.ts': 'export const GET = () => new Response()\n',
      '/w/docker/Dockerfile.gateway': whole('CMD ["node", "apps/api/dist/index.js"]'),
      '/w/docker/Dockerfile.worker': whole('CMD ["node", "apps/worker/dist/index.js"]'),
      '/w/docker/Dockerfile.web': whole('WORKDIR /app/apps/web\nCMD ["npm", "start"]'),
    });
    const on = (name: string) => spec(name, { image: `acme/${name}:1`, projectDir: '/w/deploy' });
    assert.deepEqual(await serverSourceRoots(fs, on('gateway'), { workspaceDir: '/w' }), ['/w/apps/api/src']);
    assert.deepEqual(await serverSourceRoots(fs, on('worker'), { workspaceDir: '/w' }), []);
    assert.deepEqual(await serverSourceRoots(fs, on('web'), { workspaceDir: '/w' }), ['/w/apps/web']);
  });
});

suite('serverSourceRoot: a prebuilt Next.js app', () => {
  const nextPkg = (name: string) => JSON.stringify({ name, dependencies: { next: '15', react: '19' }, scripts: { build: 'next build', start: 'next start' } });

  test("a project that is a Next.js app with no server framework: its published image, named like it or claiming it, runs that app", async () => {
    const umami = memFs({
      '/w/package.json': nextPkg('umami'),
      '/w/src/app/api/heartbeat/route.ts': 'export async function GET() {\n  return Response.json({ ok: true })\n}\n',
    });
    assert.equal(await serverSourceRoot(umami, spec('umami', { image: 'ghcr.io/umami-software/umami:postgresql-latest' })), '/w/src');
    assert.equal(await serverSourceRoot(umami, spec('analytics', { image: 'ghcr.io/acme/analytics:1' }), { claimsSoleApp: true }), undefined);
    assert.equal(await serverSourceRoot(umami, spec('db', { image: 'postgres:16' })), undefined);
  });

  test("beside an API the API stays the image's server (named like the project, or brought by its Dockerfile); a web app is the project's image named like it, not a third party's", async () => {
    const files = {
      '/w/package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*'] }),
      '/w/apps/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { express: '5' }, scripts: { start: 'node dist/index.js' } }),
      '/w/apps/api/src/index.ts': '',
      '/w/apps/web/package.json': nextPkg('@acme/web'),
      '/w/apps/web/app/api/health/route.ts': 'export const GET = () => new Response()\n',
      '/w/apps/console/package.json': nextPkg('console'),
      '/w/apps/console/app/favicon.ico': '',
    };
    const fs = memFs(files);
    assert.equal(await serverSourceRoot(fs, spec('acme', { image: 'acme/acme:1' })), '/w/apps/api/src');
    assert.equal(await serverSourceRoot(fs, spec('web', { image: 'acme/web:1' })), '/w/apps/web');
    // A third party's image named like one of the project's apps runs none of its code.
    assert.equal(await serverSourceRoot(fs, spec('kafka-console', { image: 'docker.redpanda.com/vectorized/console:1' })), undefined);
    assert.equal(await serverSourceRoot(fs, spec('console', { image: 'ghcr.io/acme/console:1' })), '/w/apps/console');
    const together = memFs({ ...files, '/w/Dockerfile.acme': 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "apps/api/dist/index.js"]\n' });
    assert.equal(await serverSourceRoot(together, spec('app', { image: 'ghcr.io/acme/acme:1' })), '/w/apps/api/src');
  });

  test("an image shipping the API and a Next.js app's standalone output (both started by a process supervisor) serves both apps' routes; a copy of no standalone output ships no server of the front end", async () => {
    const stages = 'FROM node:22 AS api\nWORKDIR /app/api\nCOPY apps/api/ ./\nRUN npm ci && npm run build\nFROM node:22 AS web\nWORKDIR /app/web\nCOPY apps/web/ ./\nRUN npm ci && npm run build\n';
    const final = (webCopy: string) => `${stages}FROM node:22\nWORKDIR /app\nCOPY --from=api /app/api/dist ./api/dist\n${webCopy}\nCOPY supervisord.conf /etc/supervisord.conf\nCMD ["supervisord"]\n`;
    const files = {
      '/w/package.json': JSON.stringify({ name: 'acme', private: true }),
      '/w/apps/api/package.json': JSON.stringify({ name: 'acme-api', dependencies: { fastify: '5' }, scripts: { start: 'node dist/index.js' } }),
      '/w/apps/api/src/index.ts': '',
      '/w/apps/web/package.json': nextPkg('acme-web'),
      '/w/apps/web/src/app/api/health/route.ts': 'export const GET = () => new Response()\n',
    };
    const app = spec('acme', { image: 'acme/acme:latest' });
    const shipped = memFs({ ...files, '/w/Dockerfile': final('COPY --from=web /app/web/.next/standalone ./web') });
    assert.deepEqual(await serverSourceRoots(shipped, app), ['/w/apps/api/src', '/w/apps/web/src']);
    const assets = memFs({ ...files, '/w/Dockerfile': final('COPY --from=web /app/web/out ./public') });
    assert.deepEqual(await serverSourceRoots(assets, app), ['/w/apps/api/src']);
  });
});

suite('serverSourceRoot: Next.js apps run by a task runner, services named with the project', () => {
  test("a Next.js app started by Nx's inferred targets (a next.config beside a next dependency, no script), and a service named `<project>-<app>`, run that app", async () => {
    const app = (name: string) => ({
      [`/w/apps/${name}/package.json`]: JSON.stringify({ name, dependencies: { next: '16', react: '19' }, nx: { targets: { dev: { dependsOn: ['^build'] } } } }),
      [`/w/apps/${name}/next.config.mjs`]: 'export default {}\n',
      [`/w/apps/${name}/src/app/api/health/route.ts`]: 'export const GET = () => new Response()\n',
    });
    const fs = memFs({ '/w/package.json': JSON.stringify({ name: 'typebot-os', private: true, workspaces: ['apps/*'] }), ...app('builder'), ...app('viewer') });
    assert.equal(await serverSourceRoot(fs, spec('typebot-builder', { image: 'acme/typebot-builder:latest', project: 'typebot' })), '/w/apps/builder/src');
    assert.equal(await serverSourceRoot(fs, spec('typebot-viewer', { image: 'acme/typebot-viewer:latest', project: 'typebot' })), '/w/apps/viewer/src');
    // The first word not the project's, or only the service named so: no app is named.
    assert.equal(await serverSourceRoot(fs, spec('other-builder', { image: 'acme/other-builder:latest', project: 'typebot' })), undefined);
    assert.equal(await serverSourceRoot(fs, spec('typebot-builder', { image: 'acme/typebot:latest', project: 'typebot' })), undefined);
    // Without a next.config the package is no Next.js app Nx starts.
    const bare = memFs({ '/w/package.json': JSON.stringify({ name: 'typebot-os', private: true, workspaces: ['apps/*'] }), '/w/apps/builder/package.json': JSON.stringify({ name: 'builder', dependencies: { next: '16' } }), '/w/apps/builder/src/app/api/health/route.ts': '' });
    assert.equal(await serverSourceRoot(bare, spec('typebot-builder', { image: 'acme/typebot-builder:latest', project: 'typebot' })), undefined);
  });
});

suite('serverSourceRoot: a prebuilt Nuxt app', () => {
  test("a project that is a Nuxt app with server routes: its published image, named like it, runs that app; another image does not", async () => {
    const ziit = memFs({
      '/ziit/package.json': JSON.stringify({ name: 'nuxt-app', dependencies: { nuxt: '4.4.6', vue: '3' }, scripts: { build: 'nuxt build', dev: 'nuxt dev' } }),
      '/ziit/nuxt.config.ts': 'export default defineNuxtConfig({})\n',
      '/ziit/server/api/stats.get.ts': 'export default defineEventHandler(() => ({}))\n',
      '/ziit/app/app.vue': '<template />\n',
    });
    assert.equal(await serverSourceRoot(ziit, spec('app', { image: 'ghcr.io/0pandadev/ziit:v1.1.2', projectDir: '/ziit' })), '/ziit');
    assert.equal(await serverSourceRoot(ziit, spec('postgres', { image: 'timescale/timescaledb-ha:pg17', projectDir: '/ziit' })), undefined);
  });
});

suite('serverSourceRoot: a prebuilt SvelteKit app', () => {
  const kit = (adapter: string) =>
    memFs({
      '/trails/package.json': JSON.stringify({ name: 'trails', scripts: { build: 'vite build' }, devDependencies: { '@sveltejs/kit': '2', [adapter]: '5', svelte: '5', vite: '6' } }),
      '/trails/svelte.config.js': `import adapter from '${adapter}';\nexport default { kit: { adapter: adapter() } };\n`,
      '/trails/src/routes/api/trails/+server.ts': 'export async function GET() {}\n',
      '/trails/src/routes/+page.svelte': '<h1>trails</h1>\n',
    });

  test("a project that is a SvelteKit app built for Node: its published image, named like it, runs that app; a static site's serves no endpoint", async () => {
    assert.equal(await serverSourceRoot(kit('@sveltejs/adapter-node'), spec('web', { image: 'ghcr.io/acme/trails:v1.2.0', projectDir: '/trails' })), '/trails/src');
    assert.equal(await serverSourceRoot(kit('@sveltejs/adapter-static'), spec('web', { image: 'ghcr.io/acme/trails:v1.2.0', projectDir: '/trails' })), undefined);
  });
});
