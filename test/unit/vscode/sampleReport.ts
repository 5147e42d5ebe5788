// Hand-built Reports for the view-model tests: the classic drift (a workflow module added, image
// rebuilt, old container still serving) plus an in-sync service next to it.
import type { ModuleReport, Report, RouteReport, Rungs, ServiceReport } from '../../../src/core/model';

export const WS = '/ws';

export function rungs(fail?: keyof Rungs, stale = false): Rungs {
  const order: (keyof Rungs)[] = ['source', 'build', 'image', 'container', 'route', 'auth'];
  const at = fail === undefined ? order.length : order.indexOf(fail);
  const out = {} as Rungs;
  order.forEach((name, i) => {
    if (i < at) out[name] = { status: 'pass', evidence: `${name} ok` };
    else if (i === at) out[name] = { status: 'fail', evidence: stale ? 'expected /app/dist/modules/workflow, container 3f2a has no such path; image 9c1e has it' : `${name} failed` };
    else out[name] = { status: 'skip', evidence: 'not checked after a failure' };
  });
  return out;
}

export function moduleReport(over: Partial<ModuleReport> & { name: string }): ModuleReport {
  return {
    source: `backend/src/modules/${over.name}`,
    target: `/app/dist/modules/${over.name}`,
    rungs: rungs(),
    firstFailure: null,
    fix: null,
    ...over,
  };
}

export function route(over: Partial<RouteReport> & { path: string }): RouteReport {
  return {
    method: 'GET',
    module: null,
    file: null,
    line: null,
    status: 200,
    authStatus: null,
    verdict: 'live',
    authVerdict: null,
    detail: null,
    ...over,
  };
}

export function staleApi(over: Partial<ServiceReport> = {}): ServiceReport {
  return {
    name: 'api',
    project: 'demo',
    verdict: 'drift',
    summary: 'container runs an older image than the newest build',
    container: { id: '3f2a1b2c3d4e5f60718293a4b5c6d7e8', name: 'demo-api-1', state: 'running', imageId: 'sha256:aaaa1111bbbb2222cccc', created: '2024-05-01T10:00:00Z' },
    image: { ref: 'demo-api', id: 'sha256:9c1e2d3f4a5b6c7d8e9f', created: '2024-05-01T11:55:00Z' },
    staleContainer: true,
    baseUrl: 'http://127.0.0.1:3300',
    mapping: { sourceRoot: '/ws/backend/src', target: '/app/dist', bundled: false, evidence: ['target from Dockerfile COPY'] },
    sourceNewest: '2024-05-01T11:50:00Z',
    modules: [
      moduleReport({ name: 'workflow', rungs: rungs('container', true), firstFailure: 'container', fix: 'docker compose up -d api' }),
      moduleReport({ name: 'users' }),
    ],
    routes: [
      route({ path: '/api/v1/workflows/steps/definitions', module: 'workflow', file: 'backend/src/modules/workflow/workflow.controller.ts', line: 12, status: 404, verdict: 'missing' }),
      route({ path: '/api/v1/users', module: 'users', file: 'backend/src/modules/users/users.controller.ts', line: 8, status: 401, verdict: 'needs-auth' }),
    ],
    missingFiles: ['backend/src/modules/workflow/workflow.controller.ts', 'backend/src/modules/workflow/workflow.service.ts'],
    missingFilesInImage: ['backend/src/modules/workflow/workflow.controller.ts', 'backend/src/modules/workflow/workflow.service.ts'],
    changedFiles: [],
    configDrift: [],
    configBasis: null,
    pages: [],
    fix: 'docker compose build api && docker compose up -d api',
    action: { kind: 'recreate', label: 'Recreate api', steps: [['up', '-d', 'api']], command: 'docker compose up -d api' },
    errors: [],
    warnings: [],
    ...over,
  };
}

export function syncedWeb(over: Partial<ServiceReport> = {}): ServiceReport {
  return {
    name: 'web',
    project: 'demo',
    verdict: 'in-sync',
    summary: 'runs the current source',
    container: { id: 'beef00112233445566778899', name: 'demo-web-1', state: 'running', imageId: 'sha256:beefcafe0000', created: '2024-05-01T09:00:00Z' },
    image: { ref: 'demo-web', id: 'sha256:beefcafe0000', created: '2024-05-01T08:59:00Z' },
    staleContainer: false,
    baseUrl: 'http://127.0.0.1:8080',
    mapping: { sourceRoot: '/ws/web/src', target: '/usr/share/nginx/html', bundled: true, evidence: [] },
    sourceNewest: '2024-05-01T08:00:00Z',
    modules: [],
    routes: [route({ path: '/health', status: 200 })],
    missingFiles: [],
    missingFilesInImage: [],
    changedFiles: [],
    configDrift: [],
    configBasis: null,
    pages: [],
    fix: null,
    action: null,
    errors: [],
    warnings: [],
    ...over,
  };
}

/** A registry-image service (no build:) that was never started: nothing runs, nothing drifts. */
export function idleDb(over: Partial<ServiceReport> = {}): ServiceReport {
  return {
    name: 'postgres',
    project: 'demo',
    verdict: 'not-running',
    summary: 'not running (no container)',
    container: null,
    image: { ref: 'postgres:16', id: null, created: null },
    staleContainer: false,
    baseUrl: null,
    mapping: null,
    sourceNewest: null,
    modules: [],
    routes: [],
    missingFiles: [],
    missingFilesInImage: [],
    changedFiles: [],
    configDrift: [],
    configBasis: null,
    pages: [],
    fix: 'start it (not running): docker compose up -d postgres',
    action: { kind: 'start', label: 'Start postgres', steps: [['up', '-d', 'postgres']], command: 'docker compose up -d postgres' },
    errors: [],
    warnings: [],
    ...over,
  };
}

export function sampleReport(over: Partial<Report> = {}): Report {
  return {
    verdict: 'drift',
    workspace: WS,
    checkedAt: '2024-05-01T12:00:00Z',
    engine: { reachable: true, host: 'unix:///var/run/docker.sock', error: null },
    services: [staleApi(), syncedWeb()],
    ...over,
  };
}

export const NOW = new Date('2024-05-01T12:00:00Z');
