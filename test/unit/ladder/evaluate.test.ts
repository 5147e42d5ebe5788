import * as assert from 'node:assert/strict';
import { builtAt, evaluateService, fixFor, overallVerdict } from '../../../src/core/ladder/evaluate';
import { composeFileFlags } from '../../../src/core/ladder/composeCommand';
import type { MappedFile, ModuleEvidence, ServiceEvidence } from '../../../src/core/ladder/evidence';
import type { ContainerInfo, FileListing, ImageInfo, RouteReport } from '../../../src/core/model';

const OLD = 'sha256:aaaaaaaaaaaa1111';
const NEW = 'sha256:bbbbbbbbbbbb2222';
const T0 = Date.parse('2026-11-29T10:00:00Z');

function file(rel: string, target: string, mtime = T0): MappedFile {
  return { source: `/ws/${rel}`, rel, target, sourceMtimeMs: mtime };
}

const usersFiles = [file('backend/src/modules/users/users.controller.ts', '/app/dist/modules/users/users.controller.js', T0 - 7_200_000)];
const workflowFiles = [
  file('backend/src/modules/workflow/workflow.controller.ts', '/app/dist/modules/workflow/workflow.controller.js', T0 + 60_000),
];

function mod(name: string, files: MappedFile[]): ModuleEvidence {
  return {
    name,
    rel: `backend/src/modules/${name}`,
    target: `/app/dist/modules/${name}`,
    files,
    buildMissing: [],
    buildStale: [],
  };
}

function listing(paths: string[]): FileListing {
  return { root: '/app/dist', files: new Set(paths), rootMissing: false };
}

const container: ContainerInfo = {
  id: 'c0ffee000000aaaa',
  name: 'demo_api_1',
  state: 'running',
  imageId: OLD,
  imageRef: 'demo_api',
  created: '2026-11-29T09:00:00Z',
  labels: {},
};
const oldImage: ImageInfo = { ref: OLD, id: OLD, created: '2026-11-29T09:00:00Z' };
const newImage: ImageInfo = { ref: 'demo_api', id: NEW, created: '2026-11-29T10:05:00Z' };

function route(path: string, module: string, status: number | null, verdict: RouteReport['verdict'], auth?: number): RouteReport {
  return {
    method: 'GET',
    path,
    module,
    file: null,
    line: null,
    status,
    authStatus: auth ?? null,
    verdict,
    authVerdict: auth === undefined ? null : auth < 300 ? 'live' : 'needs-auth',
    detail: null,
  };
}

function evidence(over: Partial<ServiceEvidence>): ServiceEvidence {
  return {
    spec: { name: 'api', project: 'demo', projectDir: '/ws', composeFiles: ['/ws/compose.yaml'], ports: [], drift: {}, build: { context: '/ws/backend', dockerfile: '/ws/backend/Dockerfile' } },
    mapping: { sourceRoot: '/ws/backend/src', target: '/app/dist', rewrites: { '.ts': '.js' }, bundled: false, modulesDir: 'modules', evidence: [] },
    engineError: null,
    imageRef: 'demo_api',
    container,
    image: newImage,
    
    stale: true,
    containerListing: listing(usersFiles.map((f) => f.target)),
    imageListing: listing([...usersFiles, ...workflowFiles].map((f) => f.target)),
    routes: [
      route('/api/v1/users', 'users', 401, 'needs-auth', 200),
      route('/api/v1/workflows/steps/definitions', 'workflow', 404, 'missing', 404),
    ],
    auth: { env: 'API_TOKEN', present: true },
    baseUrl: 'http://127.0.0.1:3300',
    composeLabel: 'docker compose',
    buildDirRel: 'backend',
    ...over,
  };
}

/** A bundled front end's current container: judged by image time. */
const BUNDLED: Partial<ServiceEvidence> = {
  mapping: { sourceRoot: '/ws/web/src', target: '/usr/share/nginx/html', rewrites: {}, bundled: true, modulesDir: 'modules', evidence: [] },
  container: { ...container, imageId: NEW },
  stale: false,
  containerListing: undefined,
  imageListing: undefined,
  routes: [],
};

suite('ladder: evaluateService', () => {
  test('the incident: a stale container lacks the new module; first failure is the container rung, fix is recreate', () => {
    const report = evaluateService(evidence({}), { modules: [mod('users', usersFiles), mod('workflow', workflowFiles)], loose: null });
    assert.equal(report.verdict, 'drift');
    assert.equal(report.staleContainer, true);
    const wf = report.modules.find((m) => m.name === 'workflow');
    assert.ok(wf);
    assert.equal(wf.rungs.source.status, 'pass');
    assert.equal(wf.rungs.image.status, 'pass');
    assert.equal(wf.rungs.container.status, 'fail');
    assert.match(wf.rungs.container.evidence, /\/app\/dist\/modules\/workflow\/workflow\.controller\.js/);
    assert.match(wf.rungs.container.evidence, /old image aaaaaaaaaaaa/);
    assert.equal(wf.rungs.route.status, 'fail');
    assert.equal(wf.firstFailure, 'container');
    assert.equal(wf.fix, 'recreate the container (it runs an old image): docker compose up -d api');
    const users = report.modules.find((m) => m.name === 'users');
    assert.equal(users?.firstFailure, null);
    assert.deepEqual(report.missingFiles, ['backend/src/modules/workflow/workflow.controller.ts']);
    assert.deepEqual(report.missingFilesInImage, ['backend/src/modules/workflow/workflow.controller.ts']);
    assert.equal(report.fix, 'recreate the container (it runs an old image): docker compose up -d api');
  });

  test('after the fix: current container, routes 401 then 200 with the token → in sync', () => {
    const all = [...usersFiles, ...workflowFiles].map((f) => f.target);
    const report = evaluateService(
      evidence({
        container: { ...container, imageId: NEW },
        
        stale: false,
        containerListing: listing(all),
        imageListing: undefined,
        routes: [
          route('/api/v1/users', 'users', 401, 'needs-auth', 200),
          route('/api/v1/workflows/steps/definitions', 'workflow', 401, 'needs-auth', 200),
        ],
      }),
      { modules: [mod('users', usersFiles), mod('workflow', workflowFiles)], loose: null },
    );
    assert.equal(report.verdict, 'in-sync', report.summary);
    assert.ok(report.modules.every((m) => m.firstFailure === null));
    assert.equal(report.modules[1]?.rungs.auth.status, 'pass');
    assert.deepEqual(report.missingFiles, []);
    assert.equal(report.fix, null);
  });

  test('a current container whose route answers 404 is a wiring bug, not a deploy problem', () => {
    const all = [...usersFiles, ...workflowFiles].map((f) => f.target);
    const report = evaluateService(
      evidence({ container: { ...container, imageId: NEW }, stale: false, containerListing: listing(all), imageListing: undefined }),
      { modules: [mod('workflow', workflowFiles)], loose: null },
    );
    assert.equal(report.modules[0]?.firstFailure, 'route');
    assert.match(report.modules[0]?.fix ?? '', /wiring bug in the code/);
  });

  test('an image that lacks the module fails at the image rung and says build', () => {
    const report = evaluateService(evidence({ imageListing: listing(usersFiles.map((f) => f.target)) }), {
      modules: [mod('workflow', workflowFiles)],
      loose: null,
    });
    assert.equal(report.modules[0]?.firstFailure, 'image');
    assert.equal(report.modules[0]?.fix, 'build the image: docker compose build api && docker compose up -d api');
    assert.deepEqual(report.missingFilesInImage, []);
  });

  test('missing local build output fails the build rung first', () => {
    const m = { ...mod('workflow', workflowFiles), buildMissing: ['backend/src/modules/workflow/workflow.controller.ts'] };
    const report = evaluateService(evidence({}), { modules: [m], loose: null });
    assert.equal(report.modules[0]?.rungs.build.status, 'fail');
    assert.equal(report.modules[0]?.firstFailure, 'build');
    assert.match(report.modules[0]?.fix ?? '', /^run the build in backend/);
  });

  test('no local build output: the build rung is skipped, not failed', () => {
    const m = { ...mod('users', usersFiles), buildMissing: null };
    const report = evaluateService(evidence({ stale: false, container: { ...container, imageId: NEW }, imageListing: undefined }), { modules: [m], loose: null });
    assert.equal(report.modules[0]?.rungs.build.status, 'skip');
  });

  test('engine unreachable: runtime rungs are unknown and the verdict is unknown', () => {
    const report = evaluateService(
      evidence({ engineError: 'Docker engine not reachable', container: undefined, image: undefined, containerListing: undefined, imageListing: undefined, stale: false, routes: [] }),
      { modules: [mod('users', usersFiles)], loose: null },
    );
    assert.equal(report.verdict, 'unknown');
    assert.equal(report.modules[0]?.rungs.image.status, 'unknown');
    assert.equal(report.modules[0]?.rungs.container.status, 'unknown');
    assert.deepEqual(report.errors, ['Docker engine not reachable']);
  });

  test('a stopped container that has the files is stopped, not drift: its files pass, the action is Start', () => {
    const all = usersFiles.map((f) => f.target);
    const report = evaluateService(
      evidence({ container: { ...container, imageId: NEW, state: 'exited' }, stale: false, containerListing: listing(all), imageListing: undefined, routes: [] }),
      { modules: [mod('users', usersFiles)], loose: null },
    );
    assert.equal(report.verdict, 'stopped');
    assert.equal(report.modules[0]?.firstFailure, null);
    assert.match(report.modules[0]?.rungs.container.evidence ?? '', /exited, not running/);
    assert.equal(report.fix, 'start the container (it is exited): docker compose up -d api');
    assert.equal(report.action?.label, 'Start api');
    assert.deepEqual(report.action?.steps, [['up', '-d', 'api']]);
  });

  test('a one-shot job that exited with 0 is completed: not stopped, no fix, no Start (that would run it again)', () => {
    const all = usersFiles.map((f) => f.target);
    const base = evidence({ container: { ...container, imageId: NEW, state: 'exited', exitCode: 0 }, stale: false, containerListing: listing(all), imageListing: undefined, routes: [] });
    const report = evaluateService({ ...base, spec: { ...base.spec, oneShot: true } }, { modules: [mod('users', usersFiles)], loose: null });
    assert.equal(report.verdict, 'completed');
    assert.equal(report.summary, 'one-shot job: completed (exit code 0)');
    assert.equal(report.container?.exitCode, 0);
    assert.equal(report.fix, null);
    assert.equal(report.action, null);
    // The same container of a service nothing waits for is a server that stopped.
    assert.equal(evaluateService(base, { modules: [mod('users', usersFiles)], loose: null }).verdict, 'stopped');
  });

  test('a one-shot job that failed is stopped, and the fix reads its logs before running it again', () => {
    const all = usersFiles.map((f) => f.target);
    const base = evidence({ container: { ...container, imageId: NEW, state: 'exited', exitCode: 3 }, stale: false, containerListing: listing(all), imageListing: undefined, routes: [] });
    const report = evaluateService({ ...base, spec: { ...base.spec, oneShot: true } }, { modules: [mod('users', usersFiles)], loose: null });
    assert.equal(report.verdict, 'stopped');
    assert.equal(report.summary, 'one-shot job: failed (exit code 3)');
    assert.equal(report.fix, 'the job failed (exit code 3): read docker compose logs api, then run it again: docker compose up -d api');
    assert.equal(report.action?.kind, 'start');
  });

  test('a one-shot job that ran an old image is drift: recreating runs it again from the new one', () => {
    const base = evidence({ container: { ...container, state: 'exited', exitCode: 0 }, routes: [] });
    const report = evaluateService({ ...base, spec: { ...base.spec, oneShot: true } }, { modules: [mod('users', usersFiles), mod('workflow', workflowFiles)], loose: null });
    assert.equal(report.verdict, 'drift');
    assert.equal(report.action?.kind, 'recreate');
  });

  test('a stopped container that lacks files is still drift: the file rungs are judged', () => {
    const report = evaluateService(
      evidence({ container: { ...container, imageId: NEW, state: 'exited' }, stale: false, containerListing: listing([]), imageListing: undefined, routes: [] }),
      { modules: [mod('users', usersFiles)], loose: null },
    );
    assert.equal(report.verdict, 'drift');
    assert.equal(report.modules[0]?.firstFailure, 'image');
    assert.equal(report.action?.kind, 'rebuild');
  });

  test('a module\'s route rung says why its routes were not sent, not that one of them is under a prefix not known statically', () => {
    const unknown = { ...route('/…/users/:id', 'users', null, 'not-probed'), detail: 'prefix not known statically: not sent', prefixUnknown: true as const };
    const notProbed = { ...route('/api/v1/users', 'users', null, 'not-probed'), detail: 'not running' };
    const report = evaluateService(
      evidence({ container: undefined, image: undefined, stale: false, containerListing: undefined, imageListing: undefined, routes: [unknown, notProbed] }),
      { modules: [mod('users', usersFiles)], loose: null },
    );
    assert.equal(report.modules[0]?.rungs.route.evidence, 'routes not probed: not running');
  });

  test('no container is not running, not drift: neutral rungs, summary says so, the action is Start', () => {
    const notProbed = { ...route('/api/v1/users', 'users', null, 'not-probed'), detail: 'not running' };
    const report = evaluateService(
      evidence({ container: undefined, image: undefined, stale: false, containerListing: undefined, imageListing: undefined, routes: [notProbed] }),
      { modules: [mod('users', usersFiles)], loose: null },
    );
    assert.equal(report.verdict, 'not-running');
    assert.equal(report.summary, 'not running (no container); image demo_api not built');
    assert.equal(report.modules[0]?.firstFailure, null);
    assert.equal(report.modules[0]?.rungs.image.status, 'skip');
    assert.match(report.modules[0]?.rungs.image.evidence ?? '', /not built yet: starting the service builds it/);
    assert.equal(report.modules[0]?.rungs.container.status, 'skip');
    assert.equal(report.modules[0]?.rungs.route.evidence, 'routes not probed: not running');
    assert.equal(report.fix, 'start it (not running): docker compose up -d api');
    assert.deepEqual(report.action, { kind: 'start', label: 'Start api', steps: [['up', '-d', 'api']], command: 'docker compose up -d api' });
  });

  suite('a Swarm service whose tasks run on other nodes than the checked engine', () => {
    const remoteTask = (stale: boolean, node = 'worker-1') => ({ id: `c-${node}`, name: `demo_api.1.${node}`, state: 'running', imageId: stale ? 'sha256:aa' : 'sha256:bb', created: '2026-11-29T10:00:00Z', stale, node, image: stale ? 'demo_api:1@sha256:aa' : 'demo_api:2@sha256:bb', inspectable: false });
    const swarmEvidence = (...tasks: ReturnType<typeof remoteTask>[]) =>
      evidence({ container: undefined, stale: false, containerListing: undefined, imageListing: undefined, routes: [], swarm: { stack: 'demo', service: 'demo_api', image: 'demo_api:2@sha256:bb', tasks } });

    test('running there, on its service\'s image: not "no container" but "not inspectable from this engine"; no compose action or fix', () => {
      const report = evaluateService(swarmEvidence(remoteTask(false)), { modules: [mod('users', usersFiles)], loose: null });
      assert.equal(report.verdict, 'in-sync');
      assert.equal(report.summary, 'task demo_api.1.worker-1 on node worker-1: not inspectable from this engine');
      assert.equal(report.fix, null);
      assert.equal(report.action, null);
    });

    test("a task there on another image than its service's spec is drift, fixed by a Swarm update, never by compose", () => {
      const report = evaluateService(swarmEvidence(remoteTask(true), remoteTask(false, 'worker-2')), { modules: [mod('users', usersFiles)], loose: null });
      assert.equal(report.verdict, 'drift');
      assert.match(report.summary, /^task demo_api\.1\.worker-1 on node worker-1 runs demo_api:1@sha256:aa, not the service's demo_api:2@sha256:bb; /);
      assert.equal(report.fix, 'update the Swarm service (its task runs an old image): docker service update --force demo_api');
      assert.equal(report.action, null);
    });
  });

  test('not running with an image behind the source: still not drift; Start builds first (--build)', () => {
    const report = evaluateService(
      evidence({ container: undefined, stale: false, containerListing: undefined, imageListing: listing(usersFiles.map((f) => f.target)), routes: [] }),
      { modules: [mod('users', usersFiles), mod('workflow', workflowFiles)], loose: null },
    );
    assert.equal(report.verdict, 'not-running');
    assert.equal(report.modules.find((m) => m.name === 'workflow')?.firstFailure, 'image');
    assert.deepEqual(report.action?.steps, [['up', '-d', '--build', 'api']]);
    assert.equal(report.action?.label, 'Start api');
  });

  test('a registry image (no build:) that is not running: Start, never a build', () => {
    const spec = { name: 'postgres', project: 'demo', projectDir: '/ws', composeFiles: ['/ws/compose.yaml'], ports: [], drift: {}, image: 'postgres:16' };
    const report = evaluateService(
      evidence({ spec, mapping: undefined, imageRef: 'postgres:16', container: undefined, image: undefined, stale: false, containerListing: undefined, imageListing: undefined, routes: [] }),
      { modules: [], loose: null },
    );
    assert.equal(report.verdict, 'not-running');
    assert.equal(report.summary, 'not running (no container)');
    assert.equal(report.action?.label, 'Start postgres');
  });

  test('a registry image running an old image: Recreate; behind the source: Pull, never Rebuild', () => {
    const spec = { name: 'postgres', project: 'demo', projectDir: '/ws', composeFiles: ['/ws/compose.yaml'], ports: [], drift: {}, image: 'postgres:16' };
    const stale = evaluateService(evidence({ spec, routes: [], imageListing: listing(usersFiles.map((f) => f.target)) }), { modules: [mod('users', usersFiles)], loose: null });
    assert.equal(stale.verdict, 'drift');
    assert.equal(stale.action?.label, 'Recreate postgres');
    const behind = evaluateService(evidence({ spec, stale: false, containerListing: listing([]), imageListing: undefined, routes: [] }), {
      modules: [mod('users', usersFiles)],
      loose: null,
    });
    assert.equal(behind.action?.kind, 'pull');
    assert.deepEqual(behind.action?.steps, [['pull', 'postgres'], ['up', '-d', 'postgres']]);
    assert.match(behind.fix ?? '', /pull/);
    assert.doesNotMatch(behind.fix ?? '', /build/);
  });

  test('the incident (stale, the newest image has the module) is Recreate; a current container lacking files is Rebuild', () => {
    const incident = evaluateService(evidence({}), { modules: [mod('users', usersFiles), mod('workflow', workflowFiles)], loose: null });
    assert.equal(incident.action?.label, 'Recreate api');
    assert.deepEqual(incident.action?.steps, [['up', '-d', 'api']]);
    const current = evaluateService(evidence({ stale: false, image: { ...newImage, id: OLD }, imageListing: undefined, routes: [] }), {
      modules: [mod('users', usersFiles), mod('workflow', workflowFiles)],
      loose: null,
    });
    assert.equal(current.action?.label, 'Rebuild api');
    assert.deepEqual(current.action?.steps, [['build', 'api'], ['up', '-d', 'api']]);
  });

  test('in sync: no action', () => {
    const all = [...usersFiles].map((f) => f.target);
    const report = evaluateService(evidence({ stale: false, containerListing: listing(all), imageListing: undefined, routes: [] }), {
      modules: [mod('users', usersFiles)],
      loose: null,
    });
    assert.equal(report.verdict, 'in-sync');
    assert.equal(report.action, null);
  });

  test('a token that is rejected fails the auth rung with a credentials fix', () => {
    const all = [...usersFiles].map((f) => f.target);
    const report = evaluateService(
      evidence({ container: { ...container, imageId: NEW }, stale: false, containerListing: listing(all), imageListing: undefined, routes: [route('/api/v1/users', 'users', 401, 'needs-auth', 401)] }),
      { modules: [mod('users', usersFiles)], loose: null },
    );
    assert.equal(report.modules[0]?.firstFailure, 'auth');
    assert.match(report.modules[0]?.fix ?? '', /credentials: the token in API_TOKEN/);
  });

  test('files outside modules are judged file by file', () => {
    const loose = mod('(root)', [file('backend/src/main.ts', '/app/dist/main.js')]);
    const report = evaluateService(evidence({ stale: false, container: { ...container, imageId: NEW }, containerListing: listing([]), imageListing: undefined, routes: [] }), {
      modules: [],
      loose,
    });
    assert.deepEqual(report.missingFiles, ['backend/src/main.ts']);
    assert.equal(report.verdict, 'drift');
  });

  test('another build of a present file (size differs from the local build output) fails at the image rung when the container is current', () => {
    const f = { ...usersFiles[0], buildSize: 120 } as MappedFile;
    const sized: FileListing = { root: '/app/dist', files: new Set([f.target]), sizes: new Map([[f.target, 100]]), rootMissing: false };
    const report = evaluateService(
      evidence({ container: { ...container, imageId: NEW }, stale: false, containerListing: sized, imageListing: undefined, routes: [] }),
      { modules: [mod('users', [f])], loose: null },
    );
    assert.equal(report.modules[0]?.firstFailure, 'image');
    assert.match(report.modules[0]?.rungs.image.evidence ?? '', /another build of \/app\/dist\/modules\/users\/users\.controller\.js/);
    assert.equal(report.modules[0]?.rungs.container.status, 'fail');
    assert.deepEqual(report.changedFiles, ['backend/src/modules/users/users.controller.ts']);
    assert.deepEqual(report.missingFiles, []);
    assert.equal(report.verdict, 'drift');
  });

  test('same sizes, or no size known, are not called a different build', () => {
    const f = { ...usersFiles[0], buildSize: 100 } as MappedFile;
    const sized: FileListing = { root: '/app/dist', files: new Set([f.target]), sizes: new Map([[f.target, 100]]), rootMissing: false };
    const ev = evidence({ container: { ...container, imageId: NEW }, stale: false, containerListing: sized, imageListing: undefined, routes: [] });
    assert.equal(evaluateService(ev, { modules: [mod('users', [f])], loose: null }).verdict, 'in-sync');
    const unsized = { ...usersFiles[0] } as MappedFile;
    assert.equal(evaluateService(ev, { modules: [mod('users', [unsized])], loose: null }).verdict, 'in-sync');
  });

  test('a bundled front end is judged by image time, never file by file', () => {
    const bundle = { ...mod('(bundle)', []), files: [file('web/src/App.tsx', '', T0 + 3_600_000)] };
    const ev = evidence(BUNDLED);
    const report = evaluateService(ev, { modules: [], loose: bundle });
    assert.deepEqual(report.missingFiles, []);
    assert.equal(report.verdict, 'drift');
    assert.match(report.summary, /source changed after the image was built/);
    assert.match(report.fix ?? '', /^build the image/);
    const fresh = evaluateService(ev, { modules: [], loose: { ...bundle, files: [file('web/src/App.tsx', '', T0)] } });
    assert.equal(fresh.verdict, 'in-sync', fresh.summary);
  });

  test('a bundled image a later build served from the layer cache (tagged again, created unchanged) is judged from that build; an image compose only pulls, from its creation', () => {
    const bundle = { ...mod('(bundle)', []), files: [file('web/src/App.tsx', '', T0 + 3_600_000)] };
    const retagged = { ...newImage, lastTagged: new Date(T0 + 3_700_000).toISOString() };
    const rebuilt = evaluateService(evidence({ ...BUNDLED, image: retagged }), { modules: [], loose: bundle });
    assert.equal(rebuilt.verdict, 'in-sync', rebuilt.summary);
    assert.equal(rebuilt.image.lastTagged, retagged.lastTagged);
    const pulled = evaluateService(evidence({ ...BUNDLED, image: retagged, spec: { ...evidence({}).spec, build: undefined, image: 'demo_api' } }), { modules: [], loose: bundle });
    assert.match(pulled.summary, /source changed after the image was built/);
    assert.equal(pulled.image.lastTagged, undefined);
    const taggedBefore = evaluateService(evidence({ ...BUNDLED, image: { ...newImage, lastTagged: newImage.created } }), { modules: [], loose: bundle });
    assert.match(taggedBefore.summary, /source changed after the image was built/);
    assert.equal(taggedBefore.image.lastTagged, undefined, 'said only when it is what the source is judged against');
    assert.equal(builtAt({ ...newImage, lastTagged: 'not a time' }, true), Date.parse(newImage.created));
  });

  test('fixFor names the compose command the machine has', () => {
    assert.equal(fixFor(evidence({ composeLabel: 'docker-compose' }), 'image'), 'build the image: docker-compose build api && docker-compose up -d api');
    assert.equal(fixFor(evidence({}), null), null);
  });

  test('a service whose image another service builds: its fixes build through that service', () => {
    const spec = { ...evidence({}).spec, name: 'worker', builtBy: 'api' };
    assert.equal(fixFor(evidence({ spec, container: undefined, image: undefined }), 'container'), 'start it (not running; its image is built by api): docker compose build api && docker compose up -d worker');
    assert.equal(fixFor(evidence({ spec, container: undefined }), 'container'), 'start it (not running): docker compose up -d worker');
    assert.equal(fixFor(evidence({ spec, container: undefined }), 'image'), 'not running, and the image is behind the source: docker compose build api && docker compose up -d worker');
    assert.equal(fixFor(evidence({ spec }), 'image'), 'build the image: docker compose build api && docker compose up -d worker');
  });

  test('a service whose image is built outside compose, as the project writes down: its fixes say that command, then up; no compose action makes the image', () => {
    const { build: _build, ...prebuilt } = evidence({}).spec;
    const spec = { ...prebuilt, image: 'shop-app', documentedBuild: { command: 'docker build -t shop-app .', where: 'README.md:12' } };
    assert.equal(fixFor(evidence({ spec, container: undefined, image: undefined }), 'container'), 'start it (not running; its image is built outside compose, as README.md:12 says): docker build -t shop-app . && docker compose up -d api');
    assert.equal(fixFor(evidence({ spec }), 'image'), 'build the image: docker build -t shop-app . && docker compose up -d api');
    assert.equal(fixFor(evidence({ spec, container: undefined }), 'image'), 'not running, and the image is behind the source: docker build -t shop-app . && docker compose up -d api');
    assert.equal(evaluateService(evidence({ spec, container: undefined, image: undefined, stale: false }), { modules: [], loose: null }).action, null);
  });

  test("a stack compose does not find by itself from the workspace root: its fix and its action's command carry the -f flags", () => {
    const ev = evidence({ composeLabel: 'docker-compose', composeFileFlags: composeFileFlags(['ops/docker-compose.full.yml']) });
    assert.equal(fixFor(ev, 'image'), 'build the image: docker-compose -f ops/docker-compose.full.yml build api && docker-compose -f ops/docker-compose.full.yml up -d api');
    const report = evaluateService(evidence({ container: undefined, stale: false, composeFileFlags: composeFileFlags(['ops/docker-compose.full.yml']) }), { modules: [], loose: null });
    assert.equal(report.action?.command, 'docker compose -f ops/docker-compose.full.yml up -d api');
    assert.deepEqual(report.action?.steps, [['up', '-d', 'api']], 'what runs is unchanged: the adapter passes the files itself');
  });

  test('composeFileFlags: none for the root folder\'s default files; every file, in order and quoted when needed, otherwise', () => {
    assert.equal(composeFileFlags(['compose.yaml']), '');
    assert.equal(composeFileFlags(['docker-compose.yml', 'docker-compose.override.yml']), '');
    assert.equal(composeFileFlags(['backend/compose.yaml']), '-f backend/compose.yaml');
    assert.equal(composeFileFlags(['compose.yaml', 'compose.prod.yaml']), '-f compose.yaml -f compose.prod.yaml');
    assert.equal(composeFileFlags(["my stack/it's.yml"]), "-f 'my stack/it'\\''s.yml'");
  });

  test('overallVerdict: drift wins, unknown beats in-sync, nothing is unknown', () => {
    assert.equal(overallVerdict([{ verdict: 'in-sync' }, { verdict: 'drift' }, { verdict: 'unknown' }]), 'drift');
    assert.equal(overallVerdict([{ verdict: 'in-sync' }, { verdict: 'unknown' }]), 'unknown');
    assert.equal(overallVerdict([{ verdict: 'in-sync' }]), 'in-sync');
    assert.equal(overallVerdict([{ verdict: 'in-sync' }, { verdict: 'not-running' }, { verdict: 'stopped' }]), 'not-running');
    assert.equal(overallVerdict([{ verdict: 'not-running' }, { verdict: 'drift' }]), 'drift');
    assert.equal(overallVerdict([]), 'unknown');
    assert.equal(overallVerdict([{ verdict: 'in-sync' }, { verdict: 'completed' }]), 'in-sync');
    assert.equal(overallVerdict([{ verdict: 'completed' }, { verdict: 'stopped' }]), 'stopped');
  });

  test('a current container changed inside (docker cp): the image has the local build, so the fix is a forced recreate', async () => {
    const sized = (paths: [string, number][]): FileListing => ({ root: '/app/dist', files: new Set(paths.map(([p]) => p)), sizes: new Map(paths), rootMissing: false });
    const users = { ...usersFiles[0], buildSize: 120 } as MappedFile;
    const wf = { ...workflowFiles[0], buildSize: 300 } as MappedFile;
    const current = { ...container, imageId: NEW };
    const ev = evidence({
      container: current,
      stale: false,
      routes: [],
      // Inside the container users.controller.js grew (a hotfix) and workflow's file was deleted.
      containerListing: sized([[users.target, 131]]),
      imageListing: sized([[users.target, 120], [wf.target, 300]]),
    });
    const report = evaluateService(ev, { modules: [mod('users', [users]), mod('workflow', [wf])], loose: null });
    const [u, w] = report.modules;
    assert.equal(u?.rungs.image.status, 'pass', u?.rungs.image.evidence);
    assert.equal(u?.firstFailure, 'container');
    assert.match(u?.rungs.container.evidence ?? '', /changed inside the container .*has the local build/);
    assert.equal(w?.rungs.image.status, 'pass');
    assert.match(w?.rungs.container.evidence ?? '', /removed inside the container: its image .* has it/);
    assert.equal(u?.fix, 'recreate the container from its image (it was changed inside): docker compose up -d --force-recreate api');
    assert.equal(report.fix, u?.fix);
    assert.deepEqual(report.missingFilesInImage, [wf.rel]);
    assert.deepEqual(report.changedFiles, [users.rel]);

    // The same container, but the image was built from other output too: the image is what is wrong.
    const badImage = evaluateService(
      evidence({ container: current, stale: false, routes: [], containerListing: sized([[users.target, 131]]), imageListing: sized([[users.target, 131]]) }),
      { modules: [mod('users', [users])], loose: null },
    );
    assert.equal(badImage.modules[0]?.firstFailure, 'image');
    assert.equal(badImage.fix, 'build the image: docker compose build api && docker compose up -d api');
  });
});

suite('ladder: config drift and front-end pages in the verdict', () => {
  const all = [...usersFiles, ...workflowFiles].map((f) => f.target);
  const current = {
    container: { ...container, imageId: NEW },
    stale: false,
    containerListing: listing(all),
    imageListing: undefined,
    routes: [route('/api/v1/users', 'users', 401, 'needs-auth', 200)],
  };
  const files = { modules: [mod('users', usersFiles), mod('workflow', workflowFiles)], loose: null };
  const drift = {
    field: 'environment.FEATURE_WORKFLOW',
    compose: 'on',
    container: 'off',
    hidden: false,
    evidence: 'environment.FEATURE_WORKFLOW: compose says `on`, container has `off`',
    file: 'compose.yaml',
    line: 9,
  };

  test('a current container created from an older compose configuration is drift; fix and action: up -d (compose recreates it by itself)', () => {
    const report = evaluateService(evidence({ ...current, config: { drift: [drift], basis: 'field by field', composeLine: { file: 'compose.yaml', line: 4 } } }), files);
    assert.equal(report.verdict, 'drift');
    assert.match(report.summary, /created from an older compose configuration \(environment\.FEATURE_WORKFLOW\)/);
    assert.equal(report.fix, 'recreate the container (the compose files changed since it was created): docker compose up -d api');
    assert.deepEqual(report.action?.steps, [['up', '-d', 'api']]);
    assert.equal(report.action?.kind, 'recreate');
    assert.deepEqual(report.configDrift, [drift]);
    assert.deepEqual(report.composeLine, { file: 'compose.yaml', line: 4 });
  });

  test('no config drift: in sync, no composeLine', () => {
    const report = evaluateService(evidence({ ...current, config: { drift: [], basis: 'field by field' } }), files);
    assert.equal(report.verdict, 'in-sync');
    assert.equal(report.composeLine, undefined);
  });

  test('a page missing from the served bundle is drift, fixed by a rebuild', () => {
    const page = { path: '/workflow', framework: 'react-router' as const, file: 'web/src/router.tsx', line: 6, chunk: 'Workflow', verdict: 'missing' as const, evidence: '/workflow is in no asset' };
    const report = evaluateService(evidence({ ...current, pages: [page] }), files);
    assert.equal(report.verdict, 'drift');
    assert.match(report.summary, /page\(s\) not in the bundle the container serves \(\/workflow\)/);
    assert.equal(report.action?.kind, 'rebuild');
    assert.deepEqual(report.pages, [page]);
  });
});
