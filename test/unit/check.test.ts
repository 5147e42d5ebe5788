// checkWorkspace's gathering, with an in-memory workspace and a fake engine and prober: which
// facts reach the ladder, and which calls are (not) made.
import * as assert from 'node:assert/strict';
import { checkWorkspace as runCheck } from '../../src/core/check';
import { UnknownServiceError } from '../../src/core/errors';
import type { CheckDeps, CheckOptions, KeptWorkspaceRead } from '../../src/core/check';
import { KeptReads } from '../../src/core/gather/keptReads';
import { createInlineScanner } from '../../src/engine/inlineScanner';
import { scanSourceText } from '../../src/core/routes/scanFile';
import { mergeReport } from '../../src/core/report/mergeReport';
import type { ContainerInfo, FileListing, ImageInfo, ProbeOutcome, Report, ServiceReport } from '../../src/core/model';
import type { EngineLike, ProbeRequest, ProberLike } from '../../src/core/ports';
import { EngineUnreachableError } from '../../src/core/errors';
import { memFs } from './helpers/memFs';
import { formatReport } from '../../src/core/report/text';
import { walkComposeFolders } from '../../src/core/compose/walk';
import { COMPOSE_FOLDERS_REFRESH_MS, ComposeFolderMemory } from '../../src/engine/composeFolders';
import { extractRoutesFromSource } from '../../src/core/routes/extract';
import type { FsLike, SourceScannerLike, SourceScanRequest } from '../../src/core/ports';

/** The check with the engine's inline scanner over the same in-memory files (no worker thread). */
function checkWorkspace(deps: Omit<CheckDeps, 'scanner'> & { scanner?: SourceScannerLike }, opts: CheckOptions) {
  return runCheck({ scanner: createInlineScanner(deps.fs, { remember: false, scanText: () => scanSourceText }), ...deps }, opts);
}

const OLD = 'sha256:0ld0ld0ld0ld';
const NEW = 'sha256:new0new0new0';
const T = Date.parse('2026-11-29T10:00:00Z');

const WORKSPACE = {
  '/ws/compose.yaml': `services:
  api:
    build: ./backend
    network_mode: host
    x-runtime-drift:
      baseUrl: http://127.0.0.1:3300
      auth: { bearerTokenEnv: API_TOKEN }
`,
  '/ws/backend/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
  '/ws/backend/Dockerfile': 'FROM node-base\nWORKDIR /app\nCOPY dist ./dist\nCMD ["node","dist/main.js"]\n',
  '/ws/backend/src/main.ts': "const app = create();\napp.setGlobalPrefix('api/v1');\n",
  '/ws/backend/src/modules/users/users.controller.ts': "@Controller('users')\nexport class UsersController {\n  @Get()\n  list() {}\n}\n",
  '/ws/backend/src/modules/workflow/workflow.controller.ts':
    "@Controller('workflows')\nexport class WorkflowController {\n  @Get('steps/definitions')\n  defs() {}\n  @Post('runs')\n  run() {}\n}\n",
  '/ws/backend/dist/main.js': 'x',
  '/ws/backend/dist/modules/users/users.controller.js': 'x',
  '/ws/backend/dist/modules/workflow/workflow.controller.js': 'x',
};

const ALL_TARGETS = ['/app/dist/main.js', '/app/dist/modules/users/users.controller.js', '/app/dist/modules/workflow/workflow.controller.js'];

interface FakeEngine extends EngineLike {
  calls: string[];
}

function fakeEngine(opts: { stale: boolean; containerFiles: string[]; imageFiles: string[]; unreachable?: boolean; noContainer?: boolean; noImage?: boolean }): FakeEngine {
  const calls: string[] = [];
  const container: ContainerInfo = {
    id: 'c0ntainer0001',
    name: 'ws_api_1',
    state: 'running',
    imageId: opts.stale ? OLD : NEW,
    imageRef: 'ws_api',
    created: '2026-11-29T09:00:00Z',
    labels: {},
  };
  const images: Record<string, ImageInfo> = {
    ws_api: { ref: 'ws_api', id: NEW, created: '2026-11-29T10:05:00Z' },
    [OLD]: { ref: OLD, id: OLD, created: '2026-11-29T09:00:00Z' },
  };
  const listing = (files: string[]): FileListing => ({ root: '/app/dist', files: new Set(files), rootMissing: false });
  const guard = async (): Promise<void> => {
    if (opts.unreachable) throw new EngineUnreachableError('Docker engine not reachable at unix:///nope.sock (connect ENOENT). Is Docker running?');
  };
  return {
    host: 'unix:///fake.sock',
    calls,
    async ping() {
      calls.push('ping');
      await guard();
    },
    async findServiceContainers(project, service) {
      calls.push(`containers ${project}/${service}`);
      return opts.noContainer ? [] : [container];
    },
    async inspectImage(ref) {
      calls.push(`image ${ref}`);
      return opts.noImage ? undefined : images[ref];
    },
    async listContainerFiles(id, root) {
      calls.push(`list container ${id} ${root}`);
      return listing(opts.containerFiles);
    },
    async listImageFiles(id, root) {
      calls.push(`list image ${id} ${root}`);
      return listing(opts.imageFiles);
    },
  };
}

function fakeProber(answer: (req: ProbeRequest) => number): ProberLike & { sent: ProbeRequest[] } {
  const sent: ProbeRequest[] = [];
  return {
    sent,
    async probe(req): Promise<ProbeOutcome> {
      sent.push(req);
      const status = answer(req);
      return { status, verdict: status === 404 ? 'missing' : status === 401 ? 'needs-auth' : 'live' };
    },
  };
}

const mtimes = Object.fromEntries(Object.keys(WORKSPACE).map((p) => [p, T]));

/** A workspace whose image runs apps/web's server and `second` through GNU parallel, with `files` beside it. */
const parallelWorkspace = (second: string, files: Record<string, string>): Record<string, string> => ({
  '/ws/compose.yaml': 'services:\n  app:\n    build: .\n',
  '/ws/package.json': JSON.stringify({ private: true, workspaces: ['apps/*'] }),
  '/ws/apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { fastify: '5' } }),
  '/ws/apps/web/src/main.ts': "import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/health', async () => 'ok');\n",
  '/ws/Dockerfile': `FROM node:24-alpine\nWORKDIR /srv\nCOPY . .\nRUN npm install\nCMD [ "/bin/sh", "-c", "parallel node --experimental-strip-types {} ::: apps/web/src/main.ts ${second}" ]\n`,
  ...files,
});

suite('checkWorkspace (fake engine, in-memory workspace)', () => {
  test('a service of a profile not active here is checked only when the engine has a container of it (started with --profile), where an active service of its stack builds', async () => {
    const profiled = WORKSPACE['/ws/compose.yaml'].replace('    network_mode: host\n', '    network_mode: host\n    profiles: [dev]\n');
    const files = { ...WORKSPACE, '/ws/compose.yaml': `${profiled}  worker:\n    build: ./backend\n` };
    const opts = { workspaceDir: '/ws', env: {}, trust: { allowedOrigins: [], tokenVariables: [] } };
    const started = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: ALL_TARGETS }), prober: fakeProber(() => 200), fs: memFs(files, { mtimes }) }, opts);
    assert.deepEqual(started.services.map((s) => [s.name, s.container?.name]), [['api', 'ws_api_1'], ['worker', 'ws_api_1']]);
    const none = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true }), prober: fakeProber(() => 200), fs: memFs(files, { mtimes }) }, opts);
    assert.deepEqual(none.services.map((s) => s.name), ['worker']);
    const away = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [], unreachable: true }), prober: fakeProber(() => 200), fs: memFs(files, { mtimes }) }, opts);
    assert.deepEqual(away.services.map((s) => s.name), ['worker']);
  });

  test('a stack whose every building service is under a profile not active here shows them before anything runs: not running, the profile named, routes read', async () => {
    const profiled = WORKSPACE['/ws/compose.yaml'].replace('    network_mode: host\n', '    network_mode: host\n    profiles: [dev, full]\n');
    const files = { ...WORKSPACE, '/ws/compose.yaml': `${profiled}  db:\n    image: postgres\n    profiles: [dev]\n  init:\n    image: alpine\n` };
    const opts = { workspaceDir: '/ws', env: {}, trust: { allowedOrigins: [], tokenVariables: [] } };
    const none = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true }), prober: fakeProber(() => 200), fs: memFs(files, { mtimes }) }, opts);
    assert.deepEqual(none.services.map((s) => [s.name, s.verdict]), [['api', 'not-running'], ['init', 'not-running']]);
    assert.equal(none.verdict, 'not-running');
    const api = none.services[0] as ServiceReport;
    assert.match(api.summary, /none of its profiles dev, full is active/);
    assert.ok(api.routes.some((r) => r.path === '/api/v1/workflows/steps/definitions'), JSON.stringify(api.routes.map((r) => r.path)));
    const away = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [], unreachable: true }), prober: fakeProber(() => 200), fs: memFs(files, { mtimes }) }, opts);
    assert.deepEqual(away.services.map((s) => s.name), ['api', 'init']);
  });

  test('a stack whose every service is under a profile not active here, none building (a published image in two variants), shows them all before anything runs, the profiles named', async () => {
    const variant = (name: string, profile: string) => `  ${name}:\n    image: acme/shop\n    profiles: [${profile}]\n`;
    const files = { ...WORKSPACE, '/ws/compose.yaml': `services:\n${variant('shop', 'direct')}${variant('shop-proxied', 'proxied')}` };
    const opts = { workspaceDir: '/ws', env: {}, trust: { allowedOrigins: [], tokenVariables: [] } };
    const none = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true }), prober: fakeProber(() => 200), fs: memFs(files, { mtimes }) }, opts);
    assert.deepEqual(none.services.map((s) => [s.name, s.verdict]), [['shop', 'not-running'], ['shop-proxied', 'not-running']]);
    assert.match((none.services[1] as ServiceReport).summary, /its profile proxied is not active/);
    const active = { ...files, '/ws/compose.yaml': `${files['/ws/compose.yaml']}  db:\n    image: postgres\n` };
    const withDb = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true }), prober: fakeProber(() => 200), fs: memFs(active, { mtimes }) }, opts);
    assert.deepEqual(withDb.services.map((s) => s.name), ['db']);
  });

  test('a build compose cannot run is said: a context that is a file (`build: backend/Dockerfile`), one that does not exist, a Dockerfile that is not there', async () => {
    const opts = { workspaceDir: '/ws', env: {}, trust: { allowedOrigins: [], tokenVariables: [] } };
    const warningsWith = async (build: string) => {
      const files = { ...WORKSPACE, '/ws/compose.yaml': WORKSPACE['/ws/compose.yaml'].replace('build: ./backend', build) };
      const report = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true }), prober: fakeProber(() => 200), fs: memFs(files, { mtimes }) }, opts);
      return report.services[0]?.warnings.filter((w) => w.includes('compose cannot build'));
    };
    assert.deepEqual(await warningsWith('build: ./backend/Dockerfile'), ['build context backend/Dockerfile is a file, not a folder: compose cannot build this service (`build: PATH` names the context folder; the Dockerfile goes in build.dockerfile)']);
    assert.deepEqual(await warningsWith('build: ./server'), ['build context server does not exist: compose cannot build this service']);
    assert.deepEqual(await warningsWith('build: { context: ./backend, dockerfile: Dockerfile.prod }'), ['backend/Dockerfile.prod does not exist: compose cannot build this service']);
    assert.deepEqual(await warningsWith('build: ./backend'), []);
    assert.deepEqual(await warningsWith('build: { context: ./backend, target: development }'), ['build.target development names a stage, but backend/Dockerfile names none: compose cannot build this service']);
  });

  test('the fix of a build compose cannot run says what the build lacks, not `up -d`; a context blank for an unset variable names the variable', async () => {
    const opts = { workspaceDir: '/ws', env: {}, trust: { allowedOrigins: [], tokenVariables: [] } };
    const serviceWith = async (build: string) => {
      const files = { ...WORKSPACE, '/ws/compose.yaml': WORKSPACE['/ws/compose.yaml'].replace('build: ./backend', build) };
      const report = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true, noImage: true }), prober: fakeProber(() => 200), fs: memFs(files, { mtimes }) }, opts);
      return report.services[0] as ServiceReport;
    };
    const noDockerfile = await serviceWith('build: { context: ./backend, dockerfile: Dockerfile.prod }');
    assert.equal(noDockerfile.fix, 'the build cannot run until backend/Dockerfile.prod is there: add it (or correct build.dockerfile), then check again');
    assert.equal((await serviceWith('build: ./server')).fix, 'the build cannot run until its context server is there: add it (or correct build.context), then check again');
    const blank = await serviceWith('build: { context: "${SERVICE_DIR}" }');
    assert.deepEqual(blank.warnings.filter((w) => w.includes('compose cannot build')), ['Dockerfile does not exist: compose cannot build this service (the build context is blank: SERVICE_DIR is not set, so compose substitutes a blank string and builds from .)']);
    assert.equal(blank.fix, 'set SERVICE_DIR in .env beside the compose file or in the environment, then check again');
    const buildable = await serviceWith('build: ./backend');
    assert.ok(!buildable.fix?.startsWith('the build cannot run'), buildable.fix ?? '');
  });

  test('a build.target the Dockerfile has no stage of is said (an override naming a stage the Dockerfile dropped); a stage of another case is the same stage', async () => {
    const opts = { workspaceDir: '/ws', env: {}, trust: { allowedOrigins: [], tokenVariables: [] } };
    const staged = 'FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM node:20 AS Production\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nCMD ["node","dist/main.js"]\n';
    const warningsWith = async (target: string) => {
      const files = { ...WORKSPACE, '/ws/backend/Dockerfile': staged, '/ws/compose.yaml': WORKSPACE['/ws/compose.yaml'].replace('build: ./backend', `build: { context: ./backend, target: ${target} }`) };
      const report = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true }), prober: fakeProber(() => 200), fs: memFs(files, { mtimes }) }, opts);
      return report.services[0]?.warnings.filter((w) => w.includes('build.target'));
    };
    assert.deepEqual(await warningsWith('development'), ['build.target development is not a stage of backend/Dockerfile (its stages: build, Production): compose cannot build this service']);
    assert.deepEqual(await warningsWith('production'), []);
    assert.deepEqual(await warningsWith('build'), []);
  });

  test('a variant compose file beside the base file that no stack is read from is named in the report, workspace-relative (composeFilesNotRead); none, no field', async () => {
    const opts = { workspaceDir: '/ws', env: {}, trust: { allowedOrigins: [], tokenVariables: [] } };
    const engine = () => fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: ALL_TARGETS });
    const files = { ...WORKSPACE, '/ws/docker-compose.dev.yml': 'services:\n  web:\n    image: nginx\n' };
    const withVariant = await checkWorkspace({ engine: engine(), prober: fakeProber(() => 200), fs: memFs(files, { mtimes }) }, opts);
    assert.deepEqual(withVariant.composeFilesNotRead, ['docker-compose.dev.yml']);
    assert.deepEqual(withVariant.services.map((s) => s.name), ['api']);
    const plain = await checkWorkspace({ engine: engine(), prober: fakeProber(() => 200), fs: memFs(WORKSPACE, { mtimes }) }, opts);
    assert.equal('composeFilesNotRead' in plain, false);
  });

  test('no service found, compose files only in hidden folders: named in the report and its text (composeFilesHidden); never read', async () => {
    const opts = { workspaceDir: '/ws', env: {}, trust: { allowedOrigins: [], tokenVariables: [] } };
    const engine = () => fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true });
    const hiddenOnly = {
      '/ws/package.json': '{"name":"app"}',
      '/ws/.devcontainer/docker-compose.yml': 'services:\n  dev:\n    build: ..\n',
      '/ws/.github/deployment/self-host/compose.yaml': 'services:\n  app:\n    image: acme/app\n',
    };
    const report = await checkWorkspace({ engine: engine(), prober: fakeProber(() => 200), fs: memFs(hiddenOnly, { mtimes }) }, opts);
    assert.deepEqual(report.services, []);
    assert.deepEqual(report.composeFilesHidden, ['.devcontainer/docker-compose.yml', '.github/deployment/self-host/compose.yaml']);
    assert.match(formatReport(report), /no compose services or Dockerfiles found\ncompose files in hidden folders, not read on their own: \.devcontainer\/docker-compose\.yml, \.github\/deployment\/self-host\/compose\.yaml\n {2}check one with --compose-file \.devcontainer\/docker-compose\.yml/);
    // Chosen with --compose-file / the setting: read, and nothing is said of hidden files.
    const chosen = await checkWorkspace({ engine: engine(), prober: fakeProber(() => 200), fs: memFs(hiddenOnly, { mtimes }) }, { ...opts, composeFiles: ['.devcontainer/docker-compose.yml'] });
    assert.deepEqual(chosen.services.map((s) => s.name), ['dev']);
    assert.equal('composeFilesHidden' in chosen, false);
    // A workspace with a service of its own says nothing of hidden ones either.
    const withService = await checkWorkspace({ engine: engine(), prober: fakeProber(() => 200), fs: memFs({ ...WORKSPACE, '/ws/.devcontainer/compose.yaml': 'services:\n  dev:\n    image: node\n' }, { mtimes }) }, opts);
    assert.equal('composeFilesHidden' in withService, false);
  });

  test('the incident: finds the stale container, lists the newest image too, and maps files, modules and routes', async () => {
    const engine = fakeEngine({ stale: true, containerFiles: ALL_TARGETS.slice(0, 2), imageFiles: ALL_TARGETS });
    const prober = fakeProber((req) => (req.url.includes('workflows') ? 404 : req.bearerToken ? 200 : 401));
    const report = await checkWorkspace(
      { engine, prober, fs: memFs(WORKSPACE, { mtimes }) },
      { workspaceDir: '/ws', env: { API_TOKEN: 't0ken' }, trust: { allowedOrigins: [], tokenVariables: ['API_TOKEN'] } },
    );
    assert.equal(report.verdict, 'drift');
    const api = report.services[0];
    assert.ok(api);
    assert.equal(api.project, 'ws');
    assert.equal(api.staleContainer, true);
    assert.deepEqual(api.missingFiles, ['backend/src/modules/workflow/workflow.controller.ts']);
    assert.deepEqual(api.missingFilesInImage, ['backend/src/modules/workflow/workflow.controller.ts']);
    assert.deepEqual(api.modules.map((m) => [m.name, m.firstFailure]), [['users', null], ['workflow', 'container']]);
    assert.ok(engine.calls.includes(`list image ${NEW} /app/dist`), engine.calls.join('\n'));
    const wf = api.routes.find((r) => r.path === '/api/v1/workflows/steps/definitions');
    assert.deepEqual(
      [wf?.method, wf?.module, wf?.file, wf?.line, wf?.status],
      ['GET', 'workflow', 'backend/src/modules/workflow/workflow.controller.ts', 3, 404],
    );
    // POST is never sent by default; GET is sent without and with the token.
    assert.ok(prober.sent.every((r) => r.method === 'GET' || r.method === 'HEAD'));
    assert.equal(api.routes.find((r) => r.method === 'POST')?.verdict, 'not-probed');
    assert.equal(prober.sent.filter((r) => r.bearerToken === 't0ken').length, 2);
  });

  test('a hostile compose file cannot send a secret: its origin is not probed and its token variable is not read', async () => {
    const hostile = {
      ...WORKSPACE,
      '/ws/compose.yaml':
        'services:\n  api:\n    build: ./backend\n    x-runtime-drift:\n      baseUrl: http://some-host.example:31877\n      auth: { bearerTokenEnv: CLOUD_KEY }\n',
    };
    const prober = fakeProber(() => 200);
    const report = await checkWorkspace(
      { engine: fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] }), prober, fs: memFs(hostile, { mtimes }) },
      { workspaceDir: '/ws', env: { CLOUD_KEY: 'cloud-secret-value' } },
    );
    assert.deepEqual(prober.sent, []);
    const api = report.services[0];
    assert.ok(api && api.routes.length > 0);
    for (const r of api.routes) assert.match(r.detail ?? '', /not probing http:\/\/some-host\.example:31877: only the workspace's files name it/);
    assert.ok(!JSON.stringify(report).includes('cloud-secret-value'));
  });

  test('a token variable the compose file names is not read on loopback either, unless the user allowed it', async () => {
    const run = async (tokenVariables: string[]) => {
      const prober = fakeProber((req) => (req.bearerToken ? 200 : 401));
      const report = await checkWorkspace(
        { engine: fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] }), prober, fs: memFs(WORKSPACE, { mtimes }) },
        { workspaceDir: '/ws', env: { API_TOKEN: 't0ken' }, trust: { allowedOrigins: [], tokenVariables } },
      );
      return { sentWithToken: prober.sent.filter((r) => r.bearerToken !== undefined).length, auth: report.services[0]?.modules[0]?.rungs.auth };
    };
    const refused = await run([]);
    assert.equal(refused.sentWithToken, 0);
    assert.match(refused.auth?.evidence ?? '', /API_TOKEN is not an allowed token variable/);
    const allowed = await run(['API_TOKEN']);
    assert.ok(allowed.sentWithToken > 0);
  });

  test('what the route scan cannot know statically is a warning in the report, with the workspace-relative file and line', async () => {
    const ws = {
      ...WORKSPACE,
      '/ws/backend/src/modules/users/users.controller.ts': "@Controller('users')\nexport class UsersController {\n  @Get(pathFromSomewhere())\n  list() {}\n}\n",
    };
    const report = await checkWorkspace(
      { engine: fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] }), prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) },
      { workspaceDir: '/ws', env: {}, probe: false },
    );
    assert.deepEqual(report.services[0]?.warnings, [
      'backend/src/modules/users/users.controller.ts:3: @Get path is not known statically; route skipped (list it in x-runtime-drift.routes)',
    ]);
  });

  test("a build serving a port that brings no source to read says why and names the override: FROM a published image with a script added, or FROM node copying nothing of the workspace; not a service publishing no port (a worker, a test runner), nor a Python service's build, and said once where the context holds a package.json", async () => {
    const ws = {
      '/ws/compose.yaml': 'services:\n  main:\n    build:\n      context: ./docker\n      dockerfile: Dockerfile.compose\n    ports: ["3000:3000"]\n  worker:\n    build:\n      context: ./docker\n      dockerfile: Dockerfile.compose\n  tools:\n    build: ./tools\n    ports: ["3001:3000"]\n  ml:\n    build: ./ml\n    ports: ["8000:8000"]\n  web:\n    build: ./web\n    ports: ["8080:8080"]\n',
      '/ws/web/package.json': '{"name":"web","dependencies":{"serve":"14"}}',
      '/ws/web/Dockerfile': 'FROM node:20-alpine\nRUN npm install -g serve@14\nCMD ["serve", "-l", "8080"]\n',
      '/ws/docker/Dockerfile.compose': 'FROM acme/shop:latest\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["sh", "/entrypoint.sh"]\n',
      '/ws/docker/entrypoint.sh': 'exec node server.js\n',
      '/ws/tools/Dockerfile': 'FROM node:20-alpine\nRUN npm install -g json-server@1\nCMD ["json-server", "--port", "3000"]\n',
      '/ws/ml/Dockerfile': 'FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      '/ws/ml/main.py': 'print(1)\n',
      '/ws/packages/backend/package.json': '{"name":"@shop/backend","dependencies":{"express":"4"}}',
      '/ws/packages/backend/src/app.js': "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\napp.listen(3000);\n",
    };
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const warnings = Object.fromEntries(report.services.map((s) => [s.name, s.warnings]));
    const fix = 'point x-runtime-drift.source at its server source folder to read its routes and files';
    assert.deepEqual(warnings, {
      main: [`docker/Dockerfile.compose: the image builds FROM acme/shop:latest, a published image, and copies no app of the workspace: which source it runs is not known; ${fix}`],
      worker: [],
      tools: [`tools/Dockerfile: no folder of the workspace holding a server app (a package.json depending on a server framework) is copied into the image; ${fix}`],
      ml: [],
      // Its context's package.json: the check's own warning says no folder of it is copied, said once.
      web: ['web/Dockerfile: no folder of the workspace found copied into the image as its source, so files are not compared with it (x-runtime-drift.source and target say where it goes)'],
    });
  });

  test("a service built FROM a database, cache or proxy image with its config copied in from the project's folder runs none of the project's code: no routes of the server, no warning that no source folder is copied", async () => {
    const ws = {
      '/ws/compose.yaml': 'services:\n  api:\n    build: .\n    ports: ["3000:3000"]\n  cache:\n    image: shop-cache-img\n    build:\n      context: .\n      dockerfile: docker/cache/cache.Dockerfile\n    ports: ["6379:6379"]\n',
      '/ws/package.json': '{"name":"shop","dependencies":{"express":"4"}}',
      '/ws/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["node", "src/app.js"]\n',
      '/ws/src/app.js': "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\napp.listen(3000);\n",
      '/ws/docker/cache/cache.Dockerfile': 'FROM redis:7-alpine\nCOPY docker/cache/redis.conf /usr/local/etc/redis/redis.conf\n',
      '/ws/docker/cache/redis.conf': 'appendonly yes\n',
    };
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const byName = Object.fromEntries(report.services.map((s) => [s.name, { routes: s.routes.map((r) => `${r.method} ${r.path}`), warnings: s.warnings }]));
    assert.deepEqual(byName, { api: { routes: ['GET /health'], warnings: [] }, cache: { routes: [], warnings: [] } });
    // An nginx stage serving what an earlier stage built holds the project's output: still said to be compared with nothing.
    const served = { ...ws, '/ws/docker/cache/cache.Dockerfile': 'FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM nginx:alpine\nCOPY --from=build /app/out /usr/share/nginx/html\n' };
    const again = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(served, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.equal(again.services.find((s) => s.name === 'cache')?.warnings.length, 1);
  });

  test("a Dockerfile that sets no WORKDIR took Docker's default: the container's image working elsewhere gives the target checked, and a warning says so", async () => {
    const ws = { ...WORKSPACE, '/ws/backend/Dockerfile': 'FROM acme/node-base\nCOPY dist ./dist\nCMD ["node","dist/main.js"]\n' };
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
    const defaults = { env: [], cmd: null, entrypoint: null, exposed: [], volumes: [], labels: {}, healthcheck: null, user: '', workingDir: '/app' };
    const config = { image: 'ws_api', env: [], cmd: null, entrypoint: null, exposed: [], published: {}, volumes: {}, labels: {}, healthcheck: null, user: '', workingDir: '/app', imageDefaults: defaults };
    const found = engine.findServiceContainers.bind(engine);
    engine.findServiceContainers = async (project, service) => (await found(project, service)).map((c) => ({ ...c, config }));
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.ok(
      report.services[0]?.warnings.includes('the Dockerfile sets no WORKDIR in the stage it builds: taken as /, but the image of container ws_api_1 works in /app, so its files are looked for in /app/dist, not /dist (x-runtime-drift.target to say otherwise)'),
      report.services[0]?.warnings.join('\n'),
    );
    assert.equal(report.services[0]?.mapping?.target, '/app/dist');
  });

  test("the environment compose gives a service (environment:, env_file, ${VAR:-default} from .env) decides its routes' env-read prefix and the tests they are registered under: a route the service does not serve is listed with why and never probed", async () => {
    const ws = {
      '/ws/.env': 'STATS_MODE=web\n',
      '/ws/compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1\n    network_mode: host\n    env_file: api.env\n    environment:\n      - STATS_MODE=${STATS_MODE:-python}\n    x-runtime-drift:\n      baseUrl: http://127.0.0.1:3300\n',
      '/ws/api.env': '# the api\nAPI_BASE=/v2\n',
      '/ws/api/package.json': '{"dependencies":{"express":"4"}}',
      '/ws/api/src/main.ts':
        "import express from 'express';\nimport users from './users';\nimport { settings } from './settings';\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\napp.use(settings.base, users);\nif (process.env.STATS_MODE === 'python') app.post('/stats', (req, res) => res.send('s'));\n",
      '/ws/api/src/settings.ts': "const readEnv = (name: string) => process.env[name];\nexport const settings = { base: readEnv('API_BASE') };\n",
      '/ws/api/src/users.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/users/:id', (req, res) => res.send('x'));\nexport default router;\n",
    };
    const prober = fakeProber(() => 200);
    const report = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [] }), prober, fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, allowedMethods: ['GET', 'POST'] });
    assert.deepEqual(prober.sent.map((r) => r.url).sort(), ['http://127.0.0.1:3300/health', 'http://127.0.0.1:3300/v2/users/1']);
    const api = report.services[0];
    const stats = api?.routes.find((r) => r.path === '/stats');
    assert.deepEqual([stats?.notServed, stats?.verdict, stats?.status], [true, 'not-probed', null]);
    assert.equal(stats?.detail, "not served by service api: registered only when process.env.STATS_MODE === 'python' holds, and it does not with STATS_MODE=web (compose.yaml:7); not probed");
    assert.deepEqual(api?.warnings, ['api/src/main.ts: the environment variable API_BASE in a route path or prefix is /v2 for service api, as set at api.env:2']);
    assert.match(formatReport(report), /1 not sent: not served by service api: registered only when process\.env\.STATS_MODE/);
  });

  test("a running container's environment (the engine's inspect) is its process's: it decides the routes' env reads and guards over compose's, noted as from the container; a stopped one's does not", async () => {
    const ws = {
      '/ws/.env': 'STATS_MODE=web\nAPI_BASE=/v2\n',
      '/ws/compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1\n    network_mode: host\n    environment:\n      - STATS_MODE=${STATS_MODE}\n      - API_BASE=${API_BASE}\n    x-runtime-drift:\n      baseUrl: http://127.0.0.1:3300\n',
      '/ws/api/package.json': '{"dependencies":{"express":"4"}}',
      '/ws/api/src/main.ts':
        "import express from 'express';\nimport users from './users';\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\napp.use(process.env.API_BASE || '/api', users);\nif (process.env.STATS_MODE === 'python') app.post('/stats', (req, res) => res.send('s'));\n",
      '/ws/api/src/users.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/users/:id', (req, res) => res.send('x'));\nexport default router;\n",
    };
    const config = { image: 'ws_api', env: ['PATH=/usr/bin', 'API_BASE=/v3', 'STATS_MODE=python', 'DB_PASSWORD=hunter2'], cmd: null, entrypoint: null, exposed: [], published: {}, volumes: {}, labels: {}, healthcheck: null, user: '', workingDir: '/app', imageDefaults: null };
    const run = async (state: string) => {
      const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
      const found = engine.findServiceContainers.bind(engine);
      engine.findServiceContainers = async (project, service) => (await found(project, service)).map((c) => ({ ...c, state, config }));
      const prober = fakeProber(() => 200);
      const report = await checkWorkspace({ engine, prober, fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, allowedMethods: ['GET', 'POST'] });
      return { report, api: report.services[0], paths: (report.services[0]?.routes ?? []).map((r) => `${r.method} ${r.path}${r.notServed ? ' (not served)' : ''}`).sort() };
    };
    const live = await run('running');
    assert.deepEqual(live.paths, ['GET /health', 'GET /v3/users/:id', 'POST /stats']);
    assert.deepEqual(live.api?.warnings, ['api/src/main.ts: the environment variable API_BASE in a route path or prefix is /v3 for service api, as set at the running container ws_api_1']);
    assert.doesNotMatch(JSON.stringify(live.report), /hunter2/);
    // Stopped: what compose declares (.env), as before.
    const stopped = await run('exited');
    assert.deepEqual(stopped.paths, ['GET /health', 'GET /v2/users/:id', 'POST /stats (not served)']);
    assert.deepEqual(stopped.api?.warnings, ['api/src/main.ts: the environment variable API_BASE in a route path or prefix is /v2 for service api, as set at compose.yaml:7']);
  });

  test("the ENV its image's Dockerfile sets is the service's environment under compose's: a route only for NODE_ENV other than production is not served where the image sets production; compose's value replaces the image's", async () => {
    const ws = {
      '/ws/compose.yaml': 'services:\n  api:\n    build: ./api\n    environment:\n      FEATURE: "on"\n',
      '/ws/api/Dockerfile': 'FROM node:20\nWORKDIR /app\nENV NODE_ENV=production FEATURE=off\nCOPY . .\nCMD ["node", "app.js"]\n',
      '/ws/api/package.json': '{"dependencies":{"express":"4"}}',
      '/ws/api/app.js':
        "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\nif (process.env.NODE_ENV !== 'production') app.get('/debug', (req, res) => res.send('d'));\nif (process.env.FEATURE === 'on') app.get('/feature', (req, res) => res.send('f'));\napp.listen(3000);\n",
    };
    const report = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [] }), prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const routes = report.services[0]?.routes ?? [];
    const debug = routes.find((r) => r.path === '/debug');
    assert.equal(debug?.notServed, true);
    assert.equal(debug?.detail, "not served by service api: registered only when process.env.NODE_ENV !== 'production' holds, and it does not with NODE_ENV=production (ENV of api/Dockerfile); not probed");
    const feature = routes.find((r) => r.path === '/feature');
    assert.deepEqual([feature?.notServed, routes.find((r) => r.path === '/health')?.notServed], [undefined, undefined]);
    // Compose's FEATURE=on decides that test: no warning is left for it.
    assert.ok(!(report.services[0]?.warnings ?? []).some((w) => w.includes('FEATURE')), (report.services[0]?.warnings ?? []).join('\n'));
  });

  test("a service whose package depends on a server framework of which the scan found no route says so in its warnings, at its package.json", async () => {
    const ws = {
      '/ws/compose.yaml': 'services:\n  api:\n    build: ./api\n',
      '/ws/api/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "app.js"]\n',
      '/ws/api/package.json': '{"dependencies":{"@hapi/hapi":"21"}}',
      '/ws/api/app.js': "const Hapi = require('@hapi/hapi');\nconst loadRoutes = require('./load-routes');\nconst server = Hapi.server({ port: 3000 });\nserver.route(loadRoutes(__dirname + '/routes'));\n",
    };
    const report = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [] }), prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.deepEqual(report.services[0]?.routes, []);
    assert.deepEqual(report.services[0]?.warnings, [
      'api/app.js:4: server.route({...}) method or url is not known statically; route skipped (list it in x-runtime-drift.routes)',
      'api/package.json: no route of hapi found though package.json depends on @hapi/hapi: its routes are read where written out, and these are made in a way the scan does not follow; none is shown or probed (list them in x-runtime-drift.routes)',
    ]);
  });

  test('a route under a mount prefix not known statically is reported with … and its warning, and never probed at a guessed URL', async () => {
    const ws = {
      '/ws/compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1\n    network_mode: host\n    x-runtime-drift:\n      baseUrl: http://127.0.0.1:3300\n',
      '/ws/api/package.json': '{"dependencies":{"express":"4"}}',
      '/ws/api/src/main.ts': "import express from 'express';\nimport users from './users';\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\napp.use(process.env.API_BASE, users);\n",
      '/ws/api/src/users.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/users/:id', (req, res) => res.send('x'));\nexport default router;\n",
    };
    const prober = fakeProber(() => 404);
    const report = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [] }), prober, fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {} });
    assert.deepEqual(prober.sent.map((r) => r.url), ['http://127.0.0.1:3300/health']);
    const api = report.services[0];
    const users = api?.routes.find((r) => r.file === 'api/src/users.ts');
    assert.deepEqual(
      [users?.path, users?.prefixUnknown, users?.verdict, users?.status, users?.line],
      ['/…/users/:id', true, 'not-probed', null, 3],
    );
    assert.match(users?.detail ?? '', /prefix not known statically: not sent.*x-runtime-drift\.routes/);
    assert.equal('prefixUnknown' in (api?.routes.find((r) => r.path === '/health') ?? {}), false);
    assert.deepEqual(api?.warnings, [
      'api/src/main.ts:5: mount prefix process.env.API_BASE is not known statically; the routes mounted there are shown under … and not probed (list them with their full paths in x-runtime-drift.routes)',
    ]);
  });

  test("a server file at the package root that mounts the routers of its src folder (the mapped source root) is read for routes: they take its mount prefixes", async () => {
    const ws = {
      '/ws/compose.yaml': 'services:\n  api:\n    build: .\n',
      '/ws/package.json': JSON.stringify({ name: 'api', main: 'server.js', scripts: { start: 'node server.js' }, dependencies: { express: '4' } }),
      '/ws/Dockerfile': 'FROM node:22\nWORKDIR /home/node/app\nCOPY . ./\nCMD ["./entrypoint.sh"]\n',
      '/ws/server.js': "const express = require('express');\nconst app = express();\napp.get('/version', (req, res) => res.send('1'));\napp.use('/api/users', require('./src/endpoints/users').router);\napp.listen(8000);\n",
      '/ws/src/endpoints/users.js': "const express = require('express');\nconst router = express.Router();\nrouter.get('/me', (req, res) => res.send('x'));\nmodule.exports = { router };\n",
      '/ws/src/util.js': 'module.exports = {};\n',
    };
    const report = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [] }), prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const api = report.services[0];
    assert.deepEqual(api?.routes.map((r) => `${r.method} ${r.path} ${r.file}`).sort(), ['GET /api/users/me src/endpoints/users.js', 'GET /version server.js']);
  });

  test('routes are found for a prebuilt image with no Dockerfile, from the server folder named like the service; a database gets none', async () => {
    const ws = {
      '/ws/compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1\n  db:\n    image: postgres:16\n',
      '/ws/api/package.json': '{"dependencies":{"express":"4"}}',
      '/ws/api/src/main.ts': "import express from 'express';\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\n",
    };
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const byName = Object.fromEntries(report.services.map((s) => [s.name, s.routes.map((r) => `${r.method} ${r.path} ${r.file}`)]));
    assert.deepEqual(byName, { api: ['GET /health api/src/main.ts'], db: [] });
  });

  test("a published image of the project's Next.js app (no server framework, no build) gets that app's routes: its route handlers and metadata files", async () => {
    const ws = {
      '/ws/docker-compose.yml': 'services:\n  umami:\n    image: ghcr.io/umami-software/umami:postgresql-latest\n  db:\n    image: postgres:16\n',
      '/ws/package.json': JSON.stringify({ name: 'umami', dependencies: { next: '15', react: '19' }, scripts: { build: 'next build', start: 'next start' } }),
      '/ws/src/app/api/heartbeat/route.ts': 'export async function GET() {\n  return Response.json({ ok: true })\n}\n',
      '/ws/src/app/favicon.ico': '',
      '/ws/src/components/Chart.tsx': 'export function Chart() {\n  return null\n}\n',
    };
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const byName = Object.fromEntries(report.services.map((s) => [s.name, s.routes.map((r) => `${r.method} ${r.path} ${r.file}`)]));
    assert.deepEqual(byName, { umami: ['GET /api/heartbeat src/app/api/heartbeat/route.ts', 'GET /favicon.ico src/app/favicon.ico'], db: [] });
  });

  test("a node project's build whose Dockerfile copies no source into the image says so in a warning; a mapped build and a build of another language do not", async () => {
    const ws = {
      ...WORKSPACE,
      '/ws/compose.yaml': `${WORKSPACE['/ws/compose.yaml']}  cloned:\n    build: ./cloned\n  py:\n    build: ./py\n`,
      '/ws/cloned/package.json': '{"dependencies":{"express":"4"}}',
      '/ws/cloned/Dockerfile': 'FROM node-base\nWORKDIR /srv\nRUN git clone https://example.invalid/x.git .\nCMD ["node","index.js"]\n',
      '/ws/cloned/index.js': "const app = require('express')();\napp.get('/health', h);\n",
      '/ws/py/Dockerfile': 'FROM python:3\nRUN pip install flask\n',
      '/ws/py/app.py': 'print(1)\n',
    };
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const warnings = Object.fromEntries(report.services.map((s) => [s.name, s.warnings]));
    assert.deepEqual(warnings, {
      api: [],
      cloned: ['cloned/Dockerfile: the image fetches its source (https://example.invalid/x.git, line 3) instead of copying it from the workspace, so files are not compared with it'],
      py: [],
    });
  });

  test('a build whose image starts a file its context does not hold, found in one package folder (a Dockerfile written for that folder), warns that the container cannot start and which file was meant', async () => {
    const ws = {
      '/ws/compose.yaml': 'services:\n  app:\n    build: .\n',
      '/ws/package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      '/ws/packages/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '4' } }),
      '/ws/packages/api/src/main.js': "const app = require('express')();\napp.get('/health', h);\n",
      '/ws/Dockerfile': 'FROM node-base\nWORKDIR /srv\nCOPY . .\nCMD ["node", "src/main.js"]\n',
    };
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.deepEqual(report.services.map((s) => s.warnings), [
      ['Dockerfile: the image starts /srv/src/main.js, which its build context does not hold, so the container fails to start; packages/api/src/main.js is the file meant (the Dockerfile looks written for its package folder as the build context): mapped to that package'],
    ]);
  });

  test('an image starting a second program of another package beside the mapped one (`parallel node {} ::: apps/web/src/main.ts apps/jobs/src/main.ts`): each program\'s files are compared with its own target, the container listed under both', async () => {
    const ws = parallelWorkspace('apps/jobs/src/main.ts', {
      '/ws/apps/jobs/package.json': JSON.stringify({ name: 'jobs', dependencies: { bullmq: '5' } }),
      '/ws/apps/jobs/src/main.ts': 'export {};\n',
      '/ws/apps/jobs/src/queue.ts': 'export {};\n',
    });
    // The running container lacks the worker's queue.ts: an image built before it was written.
    const engine = fakeEngine({ stale: false, containerFiles: ['/srv/apps/web/src/main.ts', '/srv/apps/jobs/src/main.ts'], imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const [service] = report.services;
    assert.deepEqual(service?.warnings, []);
    assert.deepEqual([service?.mapping?.sourceRoot, service?.mapping?.programs?.map((p) => `${p.sourceRoot} -> ${p.target}`)], ['/ws/apps/web/src', ['/ws/apps/jobs/src -> /srv/apps/jobs/src']]);
    assert.deepEqual(service?.missingFiles, ['apps/jobs/src/queue.ts']);
    assert.deepEqual(engine.calls.filter((c) => c.startsWith('list container')), ['list container c0ntainer0001 /srv/apps/web/src', 'list container c0ntainer0001 /srv/apps/jobs/src']);
  });

  test("a build context outside the workspace opened (`context: ../..` from an app folder opened alone) is not read at all: no Dockerfile, package or program above the workspace is opened, and the warning says why nothing is compared", async () => {
    const ws = parallelWorkspace('apps/jobs/src/main.ts', {
      '/ws/apps/web/compose.yaml': 'services:\n  app:\n    build:\n      context: ../..\n',
      '/ws/apps/jobs/package.json': JSON.stringify({ name: 'jobs', dependencies: { bullmq: '5' } }),
      '/ws/apps/jobs/src/main.ts': 'export {};\n',
    });
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
    // A file system that tells real paths: the workspace boundary is checked on them.
    const mem = memFs(ws, { mtimes });
    const touched: string[] = [];
    const seen = <A extends unknown[], R>(f: (p: string, ...rest: A) => R) => (p: string, ...rest: A): R => (touched.push(p), f(p, ...rest));
    const fs: FsLike = { ...mem, readFile: seen(mem.readFile), stat: seen(mem.stat), readdir: seen(mem.readdir), realpath: async (p) => p };
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs }, { workspaceDir: '/ws/apps/web', env: {}, probe: false });
    const [service] = report.services;
    assert.equal(service?.mapping, null);
    assert.deepEqual(service?.warnings, ["build context ../.. is outside the workspace: not read, so files are not compared (open the folder that holds it to check this service's source)"]);
    assert.equal(service?.fix, null);
    assert.deepEqual(touched.filter((p) => !p.startsWith('/ws/apps/web')), []);
    assert.ok(touched.includes('/ws/apps/web/compose.yaml'));
  });

  test("a workspace file linked to a file elsewhere (.env -> a secrets file) is never read: the report lists it as not read, outside the workspace, in JSON and text", async () => {
    const ws = {
      '/ws/compose.yaml': 'services:\n  api:\n    image: api:1\n    environment:\n      - TOKEN=${TOKEN:-none}\n',
      '/ws/.env': 'TOKEN=s3cr3t\n',
    };
    const mem = memFs(ws, { mtimes });
    const read: string[] = [];
    const fs: FsLike = { ...mem, readFile: (p) => (read.push(p), mem.readFile(p)), realpath: async (p) => (p === '/ws/.env' ? '/home/someone/secrets.env' : p) };
    const report = await checkWorkspace({ engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [] }), prober: fakeProber(() => 200), fs }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.deepEqual(read, ['/ws/compose.yaml']);
    assert.deepEqual(report.readOutside, ['.env']);
    assert.match(formatReport(report), /not read, outside the workspace \(1\): \.env\n/);
    assert.doesNotMatch(JSON.stringify(report), /s3cr3t/);
  });

  test('a second program the image starts that maps to no folder of its own (its file at the root of the workspace, beside the packages) keeps the warning: its files are not compared', async () => {
    const ws = parallelWorkspace('jobs.ts', { '/ws/jobs.ts': 'export {};\n' });
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.deepEqual(report.services[0]?.warnings, [
      "Dockerfile: the image also starts jobs.ts, outside the source root apps/web/src: that program's files are not compared with the image (a service of its own with x-runtime-drift.source and target maps them)",
    ]);
    assert.equal(report.services[0]?.mapping?.programs, undefined);
  });

  test("a build of no package whose service bind-mounts a server's folder (`- ../backend:/app`): that folder's routes, no mapping of the image's context, and a warning saying why files are not compared; not for a test runner", async () => {
    const ws = {
      '/ws/docker/compose.yaml': 'services:\n  fullstack:\n    build:\n      context: ./\n      dockerfile: ./dev/Dockerfile\n    volumes:\n      - ../backend:/app\n      - data:/data\n    working_dir: /app\n  e2e:\n    build: ./cypress\n    volumes:\n      - ../backend:/app\n    entrypoint: npm\n    command: ["run", "cypress:run"]\nvolumes:\n  data: {}\n',
      '/ws/docker/cypress/Dockerfile': 'FROM cypress/included:15\n',
      '/ws/docker/dev/Dockerfile': 'FROM acme/nginx-node:1\nCOPY rootfs /\nWORKDIR /root\n',
      '/ws/docker/rootfs/etc/services.d/backend/run': '#!/bin/sh\ncd /app && node index.js\n',
      '/ws/backend/package.json': '{"dependencies":{"express":"4"}}',
      '/ws/backend/index.js': "const app = require('express')();\napp.get('/api/health', h);\napp.listen(3000);\n",
    };
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const [service, e2e] = report.services;
    assert.deepEqual(service?.routes.map((r) => `${r.method} ${r.path} ${r.file}`), ['GET /api/health backend/index.js']);
    // A test runner mounting the same folder serves none of its routes.
    assert.deepEqual([e2e?.name, e2e?.routes, e2e?.warnings], ['e2e', [], []]);
    assert.equal(service?.mapping, null);
    assert.deepEqual(service?.warnings, [
      'docker/dev/Dockerfile: the service bind-mounts backend at /app, so the container runs those files from the workspace, not from the image: they are not compared with it (x-runtime-drift.source and target map them if the image holds them too)',
    ]);
  });

  test('a prebuilt image that another compose file of the workspace builds gets that build\'s routes, when run with the same command', async () => {
    const ws = {
      ...WORKSPACE,
      '/ws/compose.yaml': WORKSPACE['/ws/compose.yaml'].replace('    build: ./backend\n', '    build: ./backend\n    image: ghcr.io/acme/api:dev\n'),
      // a deployment stack running the published image; a worker started from it with a command of its own
      '/ws/deploy/compose.yaml': "services:\n  api:\n    image: ghcr.io/acme/api:1.4\n  worker:\n    image: ghcr.io/acme/api:1.4\n    command: ['node', 'dist/worker.js']\n  other:\n    image: ghcr.io/acme/other:1.4\n",
    };
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const byName = Object.fromEntries(report.services.map((s) => [`${s.project}/${s.name}`, s.routes.map((r) => `${r.method} ${r.path}`).sort()]));
    const routes = ['GET /api/v1/users', 'GET /api/v1/workflows/steps/definitions', 'POST /api/v1/workflows/runs'];
    assert.deepEqual(byName, { 'ws/api': routes, 'deploy/api': routes, 'deploy/worker': [], 'deploy/other': [] });
    // the built service keeps its mapping; the prebuilt one gets the routes alone
    assert.equal(report.services.find((s) => s.project === 'deploy' && s.name === 'api')?.mapping, null);
  });

  test("a Next.js app with a custom server is read for routes only through what its server, route handlers and config load: a component's router is never read", async () => {
    const ws = {
      '/ws/compose.yaml': 'services:\n  web:\n    image: ghcr.io/acme/web:1\n',
      '/ws/web/package.json': JSON.stringify({ dependencies: { next: '15', express: '4', react: '19' }, scripts: { build: 'next build', start: 'node server.js' } }),
      '/ws/web/server.js': "const express = require('express');\nconst { api } = require('./server/api');\nconst app = express();\napp.use('/api', api);\napp.all('*', (req, res) => handle(req, res));\napp.listen(3000);\n",
      '/ws/web/server/api.ts': "import { Router } from 'express';\nexport const api = Router();\napi.get('/health', h);\n",
      '/ws/web/components/Widget.tsx': "import express from 'express';\nexport const router = express.Router();\nrouter.get('/never', h);\n",
      '/ws/web/pages/index.tsx': "import { router } from '../components/Widget';\nexport default function Home() { return null; }\n",
    };
    const base = memFs(ws, { mtimes });
    const reads: string[] = [];
    const fs: FsLike = { ...base, readFile: (p) => (reads.push(p), base.readFile(p)) };
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.deepEqual(report.services[0]?.routes.map((r) => `${r.method} ${r.path} ${r.file}`).sort(), ['ALL /* web/server.js', 'GET /api/health web/server/api.ts']);
    assert.ok(!reads.includes('/ws/web/components/Widget.tsx') && !reads.includes('/ws/web/pages/index.tsx'), reads.join('\n'));
  });

  test("an image running several server apps (pm2 starting each): each app's routes are probed on the published port of the port it listens on", async () => {
    const express = (name: string, port: number, route: string) => ({
      [`/ws/apps/${name}/package.json`]: JSON.stringify({ name, dependencies: { express: '4' }, scripts: { start: 'node dist/main.js', pm2: `pm2 start pnpm --name ${name} -- start` } }),
      [`/ws/apps/${name}/src/main.ts`]: `import express from 'express';\nconst app = express();\napp.get('${route}', h);\napp.listen(${port});\n`,
    });
    const ws = {
      '/ws/compose.yaml': "services:\n  shop:\n    image: ghcr.io/acme/shop:1\n    ports: ['9229:9229', '8080:3001', '8000:3000']\n",
      '/ws/package.json': JSON.stringify({ name: 'shop', scripts: { pm2: 'pnpm run --parallel pm2' } }),
      '/ws/pnpm-workspace.yaml': 'packages:\n  - apps/*\n',
      '/ws/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . /app\nCMD ["pnpm", "run", "pm2"]\n',
      ...express('backend', 3000, '/orders'),
      ...express('worker', 3001, '/jobs'),
    };
    const prober = fakeProber(() => 200);
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
    const report = await checkWorkspace({ engine, prober, fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {} });
    assert.deepEqual(prober.sent.map((r) => r.url).sort(), ['http://127.0.0.1:8000/orders', 'http://127.0.0.1:8080/jobs']);
    // The service's base URL is one of its apps' (the first published port one listens on), not the debugger's.
    assert.equal(report.services[0]?.baseUrl, 'http://127.0.0.1:8080');
  });

  test("a folder in no package that the server's tsconfig paths reach is read for its routes (as the corpus shares it with every app); another package's is not", async () => {
    const ws = {
      '/ws/compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1\n',
      '/ws/package.json': JSON.stringify({ name: 'mono', workspaces: ['apps/*'], dependencies: { express: '4' } }),
      '/ws/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@mono/lib/*': ['libs/lib/src/*'], '@mono/web/*': ['apps/web/src/*'] } } }),
      '/ws/apps/api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '4' } }),
      '/ws/apps/api/src/main.ts': "import express from 'express';\nimport { mountMcp } from '@mono/lib/mcp';\nconst app = express();\napp.get('/orders', h);\nmountMcp(app);\napp.listen(3000);\n",
      '/ws/libs/lib/src/mcp.ts': "import type { Express } from 'express';\nexport function mountMcp(app: Express) {\n  app.use('/mcp', (req, res) => res.send('ok'));\n}\n",
      '/ws/apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { react: '19', 'react-dom': '19', vite: '7' }, scripts: { build: 'vite build' } }),
      '/ws/apps/web/src/dev.ts': "import express from 'express';\nconst app = express();\napp.get('/web-only', h);\n",
    };
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.deepEqual(report.services[0]?.routes.map((r) => `${r.method} ${r.path} ${r.file}`).sort(), ['ALL /mcp libs/lib/src/mcp.ts', 'GET /orders apps/api/src/main.ts']);
  });

  test("one service's broken definition is that service's error; the others are checked and make the verdict", async () => {
    const ws = { ...WORKSPACE, '/ws/compose.yaml': `${WORKSPACE['/ws/compose.yaml']}  web:\n    image: "web:\${WEB_TAG:?set WEB_TAG in .env}"\n` };
    const report = await checkWorkspace(
      { engine: fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] }), prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) },
      { workspaceDir: '/ws', env: {}, probe: false },
    );
    const web = report.services.find((s) => s.name === 'web');
    assert.equal(web?.verdict, 'unknown');
    assert.match(web?.errors[0] ?? '', /set WEB_TAG in \.env/);
    assert.equal(web?.fix, 'set WEB_TAG in .env beside the compose file or in the environment, then check again');
    assert.equal(report.services.find((s) => s.name === 'api')?.verdict, 'in-sync');
    assert.equal(report.verdict, 'in-sync');
  });

  test('a bad value no variable made (a port "http:3000"): the fix is to correct the service', async () => {
    const compose = WORKSPACE['/ws/compose.yaml'].replace('    network_mode: host\n', '    ports: ["http:3000"]\n');
    const engine = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs({ ...WORKSPACE, '/ws/compose.yaml': compose }, { mtimes }) }, { workspaceDir: '/ws', env: {} });
    assert.equal(report.services[0]?.verdict, 'unknown');
    assert.equal(report.services[0]?.fix, 'correct the service in the compose file, then check again');
  });

  test('a service with neither an image nor a build (its file only adds to another): the fix is to check it with the file that gives them, not to correct it', async () => {
    const ws = { ...WORKSPACE, '/ws/compose.yaml': `${WORKSPACE['/ws/compose.yaml']}  sidecar:\n    volumes: ["shared:/run"]\n` };
    const engine = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const sidecar = report.services.find((s) => s.name === 'sidecar');
    assert.equal(sidecar?.verdict, 'unknown');
    assert.equal(sidecar?.fix, 'check it together with the compose file that gives its image or build (--compose-file for each, or the runtimeDrift.composeFiles setting)');
  });

  test('a service whose only bad value is a port (${PORT} not set yet): unknown, not asked of the engine, but its mapping and routes show, not probed', async () => {
    const compose = WORKSPACE['/ws/compose.yaml'].replace('    network_mode: host\n', '    ports: ["${PORT}:${PORT}"]\n');
    const engine = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] });
    const prober = fakeProber(() => 200);
    const report = await checkWorkspace({ engine, prober, fs: memFs({ ...WORKSPACE, '/ws/compose.yaml': compose }, { mtimes }) }, { workspaceDir: '/ws', env: {} });
    const api = report.services[0];
    assert.equal(api?.verdict, 'unknown');
    assert.match(api?.definitionError ?? '', /variable PORT is not set/);
    assert.equal(api?.fix, 'set PORT in .env beside the compose file or in the environment, then check again');
    assert.equal(api?.mapping?.target, '/app/dist');
    assert.ok(api?.routes.some((r) => r.method === 'GET' && r.path === '/api/v1/workflows/steps/definitions' && r.verdict === 'not-probed' && /could not be read/.test(r.detail ?? '')));
    assert.deepEqual(prober.sent, []);
    assert.ok(!engine.calls.some((c) => c.startsWith('containers')), engine.calls.join(', '));
  });

  test("a project's services are found from one list of the project per check, where the engine can; a lone service is asked for alone", async () => {
    const ws = { ...WORKSPACE, '/ws/compose.yaml': `${WORKSPACE['/ws/compose.yaml']}  worker:\n    image: ws_api\n  db:\n    image: postgres\n` };
    const base = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] });
    const engine: FakeEngine = {
      ...base,
      projectContainers(project) {
        base.calls.push(`project ${project}`);
        return (service) => base.findServiceContainers(project, service);
      },
    };
    const run = (services?: string[]) =>
      checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false, ...(services ? { services } : {}) });
    await run();
    await run();
    assert.deepEqual(base.calls.filter((c) => c.startsWith('project')), ['project ws', 'project ws']);
    assert.deepEqual(base.calls.filter((c) => c.startsWith('containers')).sort(), ['containers ws/api', 'containers ws/api', 'containers ws/db', 'containers ws/db', 'containers ws/worker', 'containers ws/worker']);
    base.calls.length = 0;
    await run(['api']);
    assert.ok(!base.calls.some((c) => c.startsWith('project')), base.calls.join('\n'));
    assert.ok(base.calls.includes('containers ws/api'), base.calls.join('\n'));
  });

  test('a file .dockerignore keeps out of the image is not reported missing from the container', async () => {
    const spec = '/ws/backend/src/modules/users/users.fixture.ts';
    const ws = { ...WORKSPACE, [spec]: 'export const x = 1;\n', '/ws/backend/dist/modules/users/users.fixture.js': 'x', '/ws/backend/.dockerignore': 'node_modules\n**/*.fixture.js\n' };
    const engine = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.deepEqual(report.services[0]?.missingFiles, []);
    assert.equal(report.verdict, 'in-sync', report.services[0]?.summary);
    const without = await checkWorkspace(
      { engine, prober: fakeProber(() => 200), fs: memFs({ ...ws, '/ws/backend/.dockerignore': 'node_modules\n' }, { mtimes }) },
      { workspaceDir: '/ws', env: {}, probe: false },
    );
    assert.deepEqual(without.services[0]?.missingFiles, ['backend/src/modules/users/users.fixture.ts']);
  });

  test('a module folder whose every file is kept out of the image (.dockerignore, or excluded) is no module of the image: not a failed source rung', async () => {
    const engine = () => fakeEngine({ stale: false, containerFiles: ALL_TARGETS.slice(0, 2), imageFiles: [] });
    const ignored = { ...WORKSPACE, '/ws/backend/.dockerignore': 'node_modules\ndist/modules/workflow\n' };
    const cases: Array<[string, Record<string, string>, string[] | undefined]> = [
      ['.dockerignore', ignored, undefined],
      ['exclude setting', WORKSPACE, ['backend/src/modules/workflow']],
    ];
    for (const [how, ws, exclude] of cases) {
      const report = await checkWorkspace({ engine: engine(), prober: fakeProber(() => 401), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false, ...(exclude ? { exclude } : {}) });
      const names = (report.services[0]?.modules ?? []).map((m) => `${m.name}:${m.firstFailure ?? 'none'}`);
      assert.deepEqual(names, ['users:none'], how);
      assert.equal(report.verdict, 'in-sync', `${how}: ${report.services[0]?.summary}`);
    }
    // Without either, the folder is the image's: its file missing from the container fails it.
    const report = await checkWorkspace({ engine: engine(), prober: fakeProber(() => 401), fs: memFs(WORKSPACE, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.deepEqual((report.services[0]?.modules ?? []).map((m) => `${m.name}:${m.firstFailure ?? 'none'}`), ['users:none', 'workflow:image']);
    assert.equal(report.verdict, 'drift');
  });

  test('a current container: the image is not listed separately (the container speaks for it)', async () => {
    const engine = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] });
    const report = await checkWorkspace(
      { engine, prober: fakeProber(() => 401), fs: memFs(WORKSPACE, { mtimes }) },
      { workspaceDir: '/ws', env: {}, probe: false },
    );
    assert.equal(report.services[0]?.staleContainer, false);
    assert.ok(!engine.calls.some((c) => c.startsWith('list image')), engine.calls.join('\n'));
    assert.equal(report.verdict, 'in-sync', report.services[0]?.summary);
  });

  test("a container whose reference named its own image when listed: that image is taken, the reference is not asked again", async () => {
    const base = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] });
    const refImage = { ref: 'ws_api', id: NEW, created: '2026-11-29T10:05:00Z' };
    const engine: FakeEngine = { ...base, findServiceContainers: async (p, s) => (await base.findServiceContainers(p, s)).map((c) => ({ ...c, refImage })) };
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(WORKSPACE, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.ok(!base.calls.some((c) => c.startsWith('image')), base.calls.join('\n'));
    assert.deepEqual(report.services[0]?.image, { ref: 'ws_api', id: NEW, created: refImage.created });
    assert.equal(report.verdict, 'in-sync', report.services[0]?.summary);
  });

  test('missing local build output fails the build rung for that module only', async () => {
    const ws: Record<string, string> = { ...WORKSPACE };
    delete ws['/ws/backend/dist/modules/workflow/workflow.controller.js'];
    const engine = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 401), fs: memFs(ws, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const byName = Object.fromEntries((report.services[0]?.modules ?? []).map((m) => [m.name, m]));
    assert.equal(byName.workflow?.firstFailure, 'build');
    assert.equal(byName.users?.rungs.build.status, 'pass');
  });

  test('tsc without outDir, the whole context copied and built by the image: no local build output is compared (a fresh checkout has no compiled files beside its sources, and needs none)', async () => {
    const ws = (run: string) => ({
      '/ws/compose.yaml': 'services:\n  api:\n    build: .\n',
      '/ws/Dockerfile': `FROM node:20\nCOPY . /opt/server\nWORKDIR /opt/server\n${run}CMD ["node", "src/main.js"]\n`,
      '/ws/package.json': '{"scripts":{"build":"tsc"},"dependencies":{"express":"4"}}',
      '/ws/tsconfig.json': '{"compilerOptions":{"module":"commonjs"}}',
      '/ws/src/main.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
      '/ws/src/modules/users/users.ts': 'export const users = [];\n',
    });
    const check = async (files: Record<string, string>) => {
      const engine = fakeEngine({ stale: false, containerFiles: ['/opt/server/src/main.js', '/opt/server/src/modules/users/users.js'], imageFiles: [] });
      const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(files, { mtimes: Object.fromEntries(Object.keys(files).map((p) => [p, T])) }) }, { workspaceDir: '/ws', env: {}, probe: false });
      return report.services[0];
    };
    const built = await check(ws('RUN npm run build\n'));
    assert.deepEqual(built?.modules.map((m) => [m.name, m.rungs.build.status, m.rungs.build.evidence]), [['users', 'skip', 'no local build output to compare (the image builds from source)']]);
    assert.ok(built?.mapping?.evidence.includes('the image compiles them itself (a build step in the Dockerfile): no local build output to compare'), built?.mapping?.evidence.join('\n'));
    // no build step in the image: the compiled files beside the sources are what it copies, and their absence fails the rung
    const copied = await check(ws(''));
    assert.deepEqual(copied?.modules.map((m) => [m.name, m.rungs.build.status]), [['users', 'fail']]);
  });

  test('excluded files (folders or globs) are left out of the file checks', async () => {
    const engine = () => fakeEngine({ stale: false, containerFiles: ALL_TARGETS.slice(0, 2), imageFiles: [] });
    const deps = { prober: fakeProber(() => 401), fs: memFs(WORKSPACE, { mtimes }) };
    const plain = await checkWorkspace({ ...deps, engine: engine() }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.deepEqual(plain.services[0]?.missingFiles, ['backend/src/modules/workflow/workflow.controller.ts']);
    for (const exclude of [['backend/src/modules/workflow'], ['**/workflow.controller.ts']]) {
      const report = await checkWorkspace({ ...deps, engine: engine() }, { workspaceDir: '/ws', env: {}, probe: false, exclude });
      assert.deepEqual(report.services[0]?.missingFiles, [], exclude.join());
    }
  });

  test('--no-probe sends nothing', async () => {
    const prober = fakeProber(() => 200);
    await checkWorkspace(
      { engine: fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] }), prober, fs: memFs(WORKSPACE, { mtimes }) },
      { workspaceDir: '/ws', env: {}, probe: false },
    );
    assert.equal(prober.sent.length, 0);
  });

  test('nothing started: not running (not drift), nothing probed, routes read "not running", the action is Start', async () => {
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: ALL_TARGETS, noContainer: true });
    const prober = fakeProber(() => 200);
    const report = await checkWorkspace({ engine, prober, fs: memFs(WORKSPACE, { mtimes }) }, { workspaceDir: '/ws', env: {} });
    const api = report.services[0];
    assert.equal(report.verdict, 'not-running');
    assert.equal(api?.verdict, 'not-running', api?.summary);
    assert.deepEqual(prober.sent, [], 'a service that does not run is not probed');
    assert.ok(api && api.routes.length > 0);
    assert.ok(api?.routes.every((r) => r.verdict === 'not-probed' && r.detail === 'not running'), JSON.stringify(api?.routes));
    assert.deepEqual(api?.modules.map((m) => m.firstFailure), [null, null]);
    assert.equal(api?.action?.label, 'Start api');
    assert.ok(!engine.calls.some((c) => c.startsWith('list container')));
  });

  test('a one-shot job (a migration another service waits for) that exited with 0 is completed: no routes of its own, the stack is in sync', async () => {
    const files = {
      ...WORKSPACE,
      '/ws/compose.yaml': `services:
  migrate:
    build: ./backend
    command: ["node", "dist/migrate.js"]
  api:
    build: ./backend
    network_mode: host
    depends_on:
      migrate: { condition: service_completed_successfully }
    x-runtime-drift:
      baseUrl: http://127.0.0.1:3300
`,
    };
    const engine = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: ALL_TARGETS });
    const running = engine.findServiceContainers.bind(engine);
    engine.findServiceContainers = async (project, service, signal) => {
      const found = await running(project, service, signal);
      return service === 'migrate' ? found.map((c) => ({ ...c, id: 'c0ntainer0002', state: 'exited', exitCode: 0 })) : found;
    };
    const prober = fakeProber(() => 401);
    const report = await checkWorkspace({ engine, prober, fs: memFs(files, { mtimes }) }, { workspaceDir: '/ws', env: {} });
    const byName = Object.fromEntries(report.services.map((s) => [s.name, s]));
    assert.equal(byName['migrate']?.verdict, 'completed', byName['migrate']?.summary);
    assert.deepEqual(byName['migrate']?.routes, []);
    assert.equal(byName['migrate']?.action, null);
    assert.equal(byName['api']?.verdict, 'in-sync', byName['api']?.summary);
    assert.ok((byName['api']?.routes.length ?? 0) > 0);
    assert.equal(report.verdict, 'in-sync');
  });

  test("a worker running the image the api's build makes, with a command of its own: mapped from that build, and serving none of the api's routes", async () => {
    const files = {
      ...WORKSPACE,
      '/ws/compose.yaml': `services:
  api:
    build: ./backend
    image: demo/api
    network_mode: host
    x-runtime-drift:
      baseUrl: http://127.0.0.1:3300
  worker:
    image: demo/api
    command: ["node", "dist/worker.js"]
`,
      '/ws/backend/src/worker.ts': 'setInterval(() => undefined, 1000);\n',
      '/ws/backend/dist/worker.js': 'x',
    };
    const engine = fakeEngine({ stale: false, containerFiles: [...ALL_TARGETS, '/app/dist/worker.js'], imageFiles: [...ALL_TARGETS, '/app/dist/worker.js'] });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 401), fs: memFs(files, { mtimes }) }, { workspaceDir: '/ws', env: {} });
    const byName = Object.fromEntries(report.services.map((s) => [s.name, s]));
    assert.equal(byName['worker']?.mapping?.sourceRoot, '/ws/backend/src', JSON.stringify(byName['worker']?.mapping));
    assert.deepEqual(byName['worker']?.routes, []);
    assert.ok((byName['api']?.routes.length ?? 0) > 0);
  });

  test("two services building alike with commands of their own (a Deno app's `deno task dev` and `deno task worker`): each serves what its started file reaches, the worker none", async () => {
    const files = {
      '/ws/compose.yaml': 'services:\n  app:\n    build: .\n    ports: ["3000:3000"]\n    command: deno task dev\n  worker:\n    build: .\n    command: deno task worker\n',
      '/ws/Dockerfile': 'FROM denoland/deno:alpine\nWORKDIR /app\nCOPY . .\n',
      '/ws/deno.json': JSON.stringify({ tasks: { dev: 'deno run --allow-all src/main.ts', worker: 'deno run --allow-all src/jobs.ts' }, imports: { '@/': './', express: 'npm:express@4' } }),
      '/ws/src/main.ts': "import express from 'express';\nimport makeRoutes from '@/src/routes.ts';\nconst server = express();\nserver.use('/', makeRoutes());\nserver.listen(3000);\n",
      '/ws/src/routes.ts': "import express from 'express';\nexport default function makeRoutes() {\n  const r = express.Router();\n  r.get('/ping', (req, res) => res.json({}));\n  return r;\n}\n",
      '/ws/src/jobs.ts': "import { Worker } from 'bullmq';\nnew Worker('pull', async () => undefined);\n",
    };
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(files, { mtimes: Object.fromEntries(Object.keys(files).map((p) => [p, T])) }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const byName = Object.fromEntries(report.services.map((s) => [s.name, s.routes.map((r) => `${r.method} ${r.path}`)]));
    assert.deepEqual(byName, { app: ['GET /ping'], worker: [] });
  });

  test("a workspace package the server depends on is read for its routes: the dashboard it mounts joins the service's routes", async () => {
    const files: Record<string, string> = {
      '/ws/compose.yaml': 'services:\n  worker:\n    build: { context: ., dockerfile: apps/worker/Dockerfile }\n',
      '/ws/package.json': '{"name":"mono","private":true,"workspaces":["apps/*","packages/*"]}',
      '/ws/apps/worker/Dockerfile': 'FROM node-base\nWORKDIR /app\nCOPY packages ./packages\nCOPY apps/worker/src ./apps/worker/src\nCMD ["node","apps/worker/src/index.ts"]\n',
      '/ws/apps/worker/package.json': '{"name":"@m/worker","scripts":{"start":"node src/index.ts"},"dependencies":{"hono":"4","dash":"workspace:*"}}',
      '/ws/apps/worker/src/index.ts':
        "import { Hono } from 'hono';\nimport { dashboard } from 'dash/hono';\nconst app = new Hono();\napp.get('/health', (c) => c.text('ok'));\napp.route('/admin', dashboard());\nexport default app;\n",
      // Built for the browser too, but a server library of the worker (no script starts it).
      '/ws/packages/dash/package.json':
        '{"name":"dash","exports":{"./hono":{"types":"./dist/hono.d.ts","import":"./dist/hono.js"}},"scripts":{"build":"vite build"},"dependencies":{"hono":"4","react-dom":"19"}}',
      '/ws/packages/dash/tsconfig.json': '{"compilerOptions":{"rootDir":"src","outDir":"dist"}}',
      '/ws/packages/dash/src/hono.ts': "import { Hono } from 'hono';\nexport function dashboard(): Hono {\n  const app = new Hono();\n  app.get('/api/queues', (c) => c.json([]));\n  return app;\n}\n",
    };
    const report = await checkWorkspace(
      { engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true }), prober: fakeProber(() => 200), fs: memFs(files, { mtimes: {} }) },
      { workspaceDir: '/ws', env: {}, probe: false },
    );
    const worker = report.services.find((s) => s.name === 'worker');
    assert.deepEqual(worker?.routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /admin/api/queues', 'GET /health']);
  });

  test("the Express app a workspace package exports (a dev script also starts it) keeps its routes when the service's own file imports it, adds to it and serves it", async () => {
    const files: Record<string, string> = {
      '/ws/compose.yaml': 'services:\n  cli:\n    build: { context: ., dockerfile: Dockerfile }\n',
      '/ws/package.json': '{"name":"mono","private":true,"workspaces":["packages/*","cli"]}',
      '/ws/Dockerfile': 'FROM node-base\nWORKDIR /app\nCOPY packages ./packages\nCOPY cli ./cli\nWORKDIR /app/cli\nCMD ["node","src/server.ts"]\n',
      '/ws/cli/package.json': '{"name":"cli","scripts":{"start":"node src/server.ts"},"dependencies":{"express":"4","@m/api":"workspace:^"}}',
      '/ws/cli/src/server.ts': "import { app } from '@m/api';\napp.get('*', (_req, res) => res.send('page'));\napp.listen(2000);\n",
      '/ws/packages/api/package.json': '{"name":"@m/api","main":"./index.ts","scripts":{"dev":"tsx watch dev-server.ts"},"dependencies":{"express":"4"}}',
      '/ws/packages/api/index.ts': "export { app } from './http';\n",
      '/ws/packages/api/http.ts': "import express from 'express';\nexport const app = express();\nconst router = express.Router();\nrouter.get('/items', (_req, res) => res.json([]));\napp.use('/api', router);\n",
      '/ws/packages/api/dev-server.ts': "import { app } from './index';\napp.listen(2001);\n",
    };
    const report = await checkWorkspace(
      { engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [], noContainer: true }), prober: fakeProber(() => 200), fs: memFs(files, { mtimes: {} }) },
      { workspaceDir: '/ws', env: {}, probe: false },
    );
    const cli = report.services.find((s) => s.name === 'cli');
    assert.deepEqual(cli?.routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /*', 'GET /api/items']);
  });

  test('Nest modules outside modules/: each folder with a *.module.ts is a module named by its class, routes grouped under it', async () => {
    const nest: Record<string, string> = {
      '/ws/compose.yaml': WORKSPACE['/ws/compose.yaml'],
      '/ws/backend/tsconfig.json': WORKSPACE['/ws/backend/tsconfig.json'],
      '/ws/backend/Dockerfile': WORKSPACE['/ws/backend/Dockerfile'],
      '/ws/backend/src/main.ts': "const app = create();\napp.setGlobalPrefix('api');\n",
      '/ws/backend/src/app.module.ts': '@Module({})\nexport class AppModule {}\n',
      '/ws/backend/src/users/users.module.ts': '@Module({ controllers: [UsersController] })\nexport class UsersModule {}\n',
      '/ws/backend/src/users/users.controller.ts': "@Controller('users')\nexport class UsersController {\n  @Get()\n  list() {}\n}\n",
      '/ws/backend/src/users/dto/create-user.dto.ts': 'export class CreateUserDto {}\n',
      '/ws/backend/src/auth/auth.module.ts': '@Module({})\nexport class AuthModule {}\n',
      '/ws/backend/src/auth/auth.controller.ts': "@Controller('auth')\nexport class AuthController {\n  @Get('me')\n  me() {}\n}\n",
    };
    const targets = ['/app/dist/main.js', '/app/dist/app.module.js', '/app/dist/users/users.module.js', '/app/dist/users/users.controller.js', '/app/dist/users/dto/create-user.dto.js', '/app/dist/auth/auth.module.js', '/app/dist/auth/auth.controller.js'];
    const engine = fakeEngine({ stale: false, containerFiles: targets, imageFiles: targets });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(nest, { mtimes: Object.fromEntries(Object.keys(nest).map((p) => [p, T])) }) }, { workspaceDir: '/ws', env: {} });
    const api = report.services[0];
    assert.deepEqual(api?.modules.map((m) => [m.name, m.source, m.target]), [
      ['AuthModule', 'backend/src/auth', '/app/dist/auth'],
      ['UsersModule', 'backend/src/users', '/app/dist/users'],
    ]);
    assert.deepEqual(api?.routes.map((r) => `${r.method} ${r.path} ${r.module}`), ['GET /api/auth/me AuthModule', 'GET /api/users UsersModule']);
    assert.equal(api?.modules.find((m) => m.name === 'UsersModule')?.rungs.source.evidence, '3 source file(s) in backend/src/users');
    assert.equal(api?.verdict, 'in-sync', api?.summary);
  });

  test('an unreachable engine: verdict unknown with the one-line reason, no further engine calls', async () => {
    const engine = fakeEngine({ stale: false, containerFiles: [], imageFiles: [], unreachable: true });
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs: memFs(WORKSPACE, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.equal(report.verdict, 'unknown');
    assert.equal(report.engine.reachable, false);
    assert.match(report.engine.error ?? '', /^Docker engine not reachable at unix:\/\/\/nope\.sock/);
    assert.deepEqual(engine.calls, ['ping']);
  });

  test('an unknown service is an error naming the services there are', async () => {
    await assert.rejects(
      checkWorkspace(
        { engine: fakeEngine({ stale: false, containerFiles: [], imageFiles: [] }), prober: fakeProber(() => 200), fs: memFs(WORKSPACE) },
        { workspaceDir: '/ws', env: {}, services: ['nope'] },
      ),
      (err: unknown) => err instanceof UnknownServiceError && /no service named nope .*services: api/.test(err.message),
    );
  });

  test('mergeReport replaces only the re-checked service and recomputes the verdict', async () => {
    const deps = { prober: fakeProber(() => 401), fs: memFs(WORKSPACE, { mtimes }) };
    const stale = await checkWorkspace({ ...deps, engine: fakeEngine({ stale: true, containerFiles: ALL_TARGETS.slice(0, 2), imageFiles: ALL_TARGETS }) }, { workspaceDir: '/ws', env: {}, probe: false });
    const fresh = await checkWorkspace({ ...deps, engine: fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] }) }, { workspaceDir: '/ws', env: {}, probe: false, services: ['api'] });
    const merged = mergeReport(stale, fresh);
    assert.equal(merged.services.length, 1);
    assert.equal(merged.verdict, 'in-sync');
    assert.equal(merged.services[0]?.staleContainer, false);
  });

  test("mergeReport keeps apart services of one project and name from stacks of separate files", () => {
    const service = (stackFile: string, verdict: ServiceReport['verdict']) => ({ name: 'api', project: 'p', stackFile, verdict }) as ServiceReport;
    const report = (services: ServiceReport[]) => ({ verdict: 'drift', workspace: '/ws', checkedAt: '', engine: { reachable: true, host: 'h', error: null }, services }) as Report;
    const merged = mergeReport(report([service('a.yml', 'drift'), service('b.yml', 'drift')]), report([service('b.yml', 'in-sync')]));
    assert.deepEqual(merged.services.map((s) => [s.stackFile, s.verdict]), [['a.yml', 'drift'], ['b.yml', 'in-sync']]);
  });

  test('remembered scans (the inline scanner): unchanged files are not read on the next check; a changed mtime is read again, a deleted file drops out', async () => {
    const reads: string[] = [];
    let current: FsLike = memFs(WORKSPACE, { mtimes });
    // One scanner for every check, over whatever the workspace holds now.
    const live: FsLike = {
      readFile: async (p) => {
        reads.push(p);
        return current.readFile(p);
      },
      stat: (p) => current.stat(p),
      readdir: (p) => current.readdir(p),
    };
    const scanner = createInlineScanner(live, { remember: true, scanText: () => scanSourceText });
    const engine = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] });
    const check = (fs: FsLike) => {
      current = fs;
      return checkWorkspace({ engine, prober: fakeProber(() => 200), fs: live, scanner }, { workspaceDir: '/ws', env: {}, probe: false });
    };
    const routesOf = (r: Awaited<ReturnType<typeof check>>) => r.services[0]?.routes.map((x) => `${x.method} ${x.path}`).sort();

    const first = await check(memFs(WORKSPACE, { mtimes }));
    const sources = reads.filter((p) => p.includes('/src/'));
    assert.equal(sources.length, 3, reads.join('\n'));
    reads.length = 0;

    const second = await check(memFs(WORKSPACE, { mtimes }));
    assert.deepEqual(reads.filter((p) => p.includes('/src/')), [], 'nothing under src read again');
    assert.deepEqual(second.services, first.services, 'the same report from remembered scans');

    // workflow.controller.ts changed (new mtime, new route); users.controller.ts deleted.
    const wf = '/ws/backend/src/modules/workflow/workflow.controller.ts';
    const users = '/ws/backend/src/modules/users/users.controller.ts';
    const edited: Record<string, string> = { ...WORKSPACE, [wf]: "@Controller('workflows')\nexport class W {\n  @Get('history')\n  h() {}\n}\n" };
    delete edited[users];
    reads.length = 0;
    const third = await check(memFs(edited, { mtimes: { ...mtimes, [wf]: T + 1 } }));
    assert.deepEqual(reads.filter((p) => p.includes('/src/')), [wf]);
    assert.deepEqual(routesOf(third), ['GET /api/v1/workflows/history']);
    assert.deepEqual(routesOf(first), ['GET /api/v1/users', 'GET /api/v1/workflows/steps/definitions', 'POST /api/v1/workflows/runs']);
  });

  test('kept workspace reads (a file watcher vouches): an unchanged workspace is not scanned again; a reported change, a new listing or a tree not kept reads it again', async () => {
    // No local build output (its files are stat'ed on every check: such a read is not kept).
    const source = Object.fromEntries(Object.entries(WORKSPACE).filter(([p]) => !p.includes('/dist/')));
    let current: FsLike = memFs(source, { mtimes });
    const live: FsLike = { readFile: (p) => current.readFile(p), stat: (p) => current.stat(p), readdir: (p) => current.readdir(p) };
    const inline = createInlineScanner(live, { remember: false, scanText: () => scanSourceText });
    let scans = 0;
    let kept = true;
    // As the scan worker answers from trees the watcher keeps up to date.
    const scanner: SourceScannerLike = { scan: async (req, signal) => ((scans += 1), { ...(await inline.scan(req, signal)), kept }) };
    const base = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: [] });
    // Remembered listings: the same object until an event drops it.
    let listing: FileListing | undefined;
    const engine: EngineLike = { ...base, listContainerFiles: async (id, root) => (listing ??= await base.listContainerFiles(id, root)) };
    const workspaceReads = new KeptReads<KeptWorkspaceRead>();
    workspaceReads.watcher(true);
    const check = (env: Record<string, string> = {}) => checkWorkspace({ engine, prober: fakeProber(() => 200), fs: live, scanner, workspaceReads }, { workspaceDir: '/ws', env, probe: false });
    const routesOf = (r: Report) => r.services[0]?.routes.map((x) => `${x.method} ${x.path}`).sort();
    const withoutTime = (r: Report) => ({ ...r, checkedAt: '' });

    const first = await check();
    assert.ok(scans > 0);
    const scanned = scans;
    const second = await check();
    assert.equal(scans, scanned, 'nothing scanned again');
    assert.deepEqual(withoutTime(second), withoutTime(first), 'the same report from the kept read');
    // The environment reaches a read only through the compose file's interpolation (the service): another one that changes no service keeps it.
    await check({ RUNTIME_DRIFT_UNUSED: '1' });
    assert.equal(scans, scanned, 'an environment no service reads changes nothing');

    // A file saved (a new route) and one added that the container lacks; the watcher reports them.
    const wf = '/ws/backend/src/modules/workflow/workflow.controller.ts';
    const added = '/ws/backend/src/modules/users/users.service.ts';
    current = memFs({ ...source, [wf]: "@Controller('workflows')\nexport class W {\n  @Get('history')\n  h() {}\n}\n", [added]: 'export const x = 1;\n' }, { mtimes: { ...mtimes, [wf]: T + 1, [added]: T + 1 } });
    workspaceReads.changed();
    const third = await check();
    assert.ok(scans > scanned, 'read again after the watcher reported a change');
    assert.deepEqual(routesOf(third), ['GET /api/v1/users', 'GET /api/v1/workflows/history']);
    assert.deepEqual(third.services[0]?.missingFiles, ['backend/src/modules/users/users.service.ts']);
    // Kept again: the same answer without a scan.
    const after = scans;
    const fourth = await check();
    assert.equal(scans, after);
    assert.deepEqual(fourth.services[0]?.missingFiles, third.services[0]?.missingFiles);
    assert.deepEqual(fourth.services[0]?.modules, third.services[0]?.modules, 'the modules\' rungs count every file, not only the missing ones');

    // The container's listing made again (an event dropped it): the files are judged against it from a
    // fresh read, also those the kept read no longer holds (main.js, removed inside the container).
    listing = { root: '/app/dist', files: new Set([...ALL_TARGETS.filter((t) => !t.endsWith('/main.js')), '/app/dist/modules/users/users.service.js']), rootMissing: false };
    const fifth = await check();
    assert.ok(scans > after);
    assert.deepEqual(fifth.services[0]?.missingFiles, ['backend/src/main.ts']);

    // A tree the worker does not keep (behind a link, a Next.js app's closure): read on every check.
    kept = false;
    workspaceReads.changed();
    await check();
    const unkept = scans;
    await check();
    assert.ok(scans > unkept);
  });

  test("a scanner that walks for compose files: its walk finds the projects, and the check's source walks may use its listings; a remembered walk's may not", async () => {
    const engine = fakeEngine({ stale: true, containerFiles: ALL_TARGETS.slice(0, 2), imageFiles: ALL_TARGETS });
    const opts = { workspaceDir: '/ws', env: {}, probe: false };
    const fs = memFs(WORKSPACE, { mtimes });
    const asked: SourceScanRequest[] = [];
    let walks = 0;
    const inline = createInlineScanner(fs, { remember: false, scanText: () => scanSourceText });
    const walking: SourceScannerLike = {
      scan: async (req) => {
        asked.push(req);
        return inline.scan(req);
      },
      walkComposeFolders: async (dir, o) => ({ ...(await walkComposeFolders(fs, dir, o)), listings: 40 + ++walks }),
    };
    const plain = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs }, opts);
    const walked = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs, scanner: walking }, opts);
    assert.deepEqual(walked.services.map((s) => [s.name, s.verdict]), plain.services.map((s) => [s.name, s.verdict]));
    assert.equal(walks, 1);
    assert.deepEqual(asked, [{ root: '/ws/backend/src', routes: true, listings: 41 }], "the scan names the check's own walk");

    // Remembered between checks (the extension's file watcher vouches for it): the second check
    // does not walk, and its scans must not take listings the first check's walk kept.
    let now = 1_000_000;
    const composeFolders = new ComposeFolderMemory({ now: () => now });
    composeFolders.watcher(true);
    asked.length = 0;
    for (let i = 0; i < 2; i++) await checkWorkspace({ engine, prober: fakeProber(() => 200), fs, scanner: walking, composeFolders }, opts);
    assert.equal(walks, 2);
    assert.deepEqual(asked.map((r) => r.listings), [42, undefined]);
    // Its refresh in the background is walked here, not by the scanner, whose scans would wait behind it.
    now += COMPOSE_FOLDERS_REFRESH_MS;
    await checkWorkspace({ engine, prober: fakeProber(() => 200), fs, scanner: walking, composeFolders }, opts);
    assert.equal(walks, 2);
  });

  test('a source root two compose files build (a dev and a prod variant) is scanned once per check, both services answering from it', async () => {
    const engine = fakeEngine({ stale: true, containerFiles: ALL_TARGETS.slice(0, 2), imageFiles: ALL_TARGETS });
    const opts = { workspaceDir: '/ws', env: {}, probe: false };
    const prod = `services:\n  api-prod:\n    build: ./backend\n    network_mode: host\n`;
    const fs = memFs({ ...WORKSPACE, '/ws/deploy/compose.yaml': prod.replace('./backend', '../backend') }, { mtimes });
    const asked: string[] = [];
    const inline = createInlineScanner(fs, { remember: false, scanText: () => scanSourceText });
    const counting: SourceScannerLike = { scan: async (req) => (asked.push(req.root), inline.scan(req)) };
    const report = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs, scanner: counting }, opts);
    assert.deepEqual(report.services.map((s) => s.name).sort(), ['api', 'api-prod']);
    assert.deepEqual(asked, ['/ws/backend/src'], 'one walk and read of the shared source root');
    for (const s of report.services) assert.deepEqual(s.routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /api/v1/users', 'GET /api/v1/workflows/steps/definitions', 'POST /api/v1/workflows/runs'], s.name);
    // The next check asks again: nothing is kept between checks.
    await checkWorkspace({ engine, prober: fakeProber(() => 200), fs, scanner: counting }, opts);
    assert.deepEqual(asked, ['/ws/backend/src', '/ws/backend/src']);
  });

  test("the scanner's answer is what the check uses; a cancelled scan is the check's rejection", async () => {
    const engine = fakeEngine({ stale: true, containerFiles: ALL_TARGETS.slice(0, 2), imageFiles: ALL_TARGETS });
    const opts = { workspaceDir: '/ws', env: {}, probe: false };
    const fs = memFs(WORKSPACE, { mtimes });
    const asked: SourceScanRequest[] = [];
    const plain = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs }, opts);
    assert.equal(plain.services[0]?.sourceNewest, new Date(T).toISOString(), 'the newest source change comes from the scan');
    const recording: SourceScannerLike = {
      scan: async (req) => {
        asked.push(req);
        return createInlineScanner(fs, { remember: false, scanText: () => scanSourceText }).scan(req);
      },
    };
    await checkWorkspace({ engine, prober: fakeProber(() => 200), fs, scanner: recording }, opts);
    assert.deepEqual(asked, [{ root: '/ws/backend/src', routes: true }], 'one scan of the source root serves files and routes');

    // A scanner's answer is what the check uses: here it saw only main.ts, declaring one route,
    // with an mtime of its own (mtimes[i] belongs to files[i]).
    const main = '/ws/backend/src/main.ts';
    const scannedMtime = T + 86_400_000;
    const only: SourceScannerLike = {
      scan: async () => ({
        files: [main],
        mtimes: Float64Array.of(scannedMtime),
        extracted: [{ file: main, x: extractRoutesFromSource("app.get('/from-scanner', h);\n", main) }],
        skipped: [],
      }),
    };
    const scanned = await checkWorkspace({ engine, prober: fakeProber(() => 200), fs, scanner: only }, opts);
    const service = scanned.services[0];
    assert.deepEqual(service?.modules.map((m) => m.name), [], 'modules come from the one walk of the tree (the scan), not a second listing');
    assert.ok(service?.routes.some((r) => r.path.endsWith('/from-scanner')), JSON.stringify(service?.routes));
    assert.equal(service?.sourceNewest, new Date(scannedMtime).toISOString(), 'the mtime comes with its file');

    // Cancelled: the scanner's rejection is the check's, not a fallback scan.
    const controller = new AbortController();
    const cancelled: SourceScannerLike = {
      scan: async () => {
        controller.abort();
        throw new Error('scan cancelled');
      },
    };
    await assert.rejects(checkWorkspace({ engine, prober: fakeProber(() => 200), fs, scanner: cancelled }, { ...opts, signal: controller.signal }));
  });

  test('a current container in sync: its image is not listed; holding another build of a file: its image is listed too', async () => {
    const inSync = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: ALL_TARGETS });
    await checkWorkspace({ engine: inSync, prober: fakeProber(() => 200), fs: memFs(WORKSPACE, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.equal(inSync.calls.filter((c) => c.startsWith('list image')).length, 0, inSync.calls.join('\n'));

    // users.controller.js is 1 byte in the local build output ('x') and 9 bytes in the container.
    const sized = (size: number): FileListing => ({ root: '/app/dist', files: new Set(ALL_TARGETS), sizes: new Map(ALL_TARGETS.map((t) => [t, t.includes('users') ? size : 1])), rootMissing: false });
    const base = fakeEngine({ stale: false, containerFiles: ALL_TARGETS, imageFiles: ALL_TARGETS });
    const tampered: typeof base = { ...base, listContainerFiles: async (id, root) => (base.calls.push(`list container ${id} ${root}`), sized(9)), listImageFiles: async (id, root) => (base.calls.push(`list image ${id} ${root}`), sized(1)) };
    const report = await checkWorkspace({ engine: tampered, prober: fakeProber(() => 200), fs: memFs(WORKSPACE, { mtimes }) }, { workspaceDir: '/ws', env: {}, probe: false });
    assert.deepEqual(base.calls.filter((c) => c.startsWith('list image')), [`list image ${NEW} /app/dist`]);
    const api = report.services[0];
    const users = api?.modules.find((m) => m.name === 'users');
    assert.equal(users?.rungs.image.status, 'pass', users?.rungs.image.evidence);
    assert.equal(users?.firstFailure, 'container');
    assert.match(api?.fix ?? '', /up -d --force-recreate api$/);
  });
});
