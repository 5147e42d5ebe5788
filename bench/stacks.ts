// Synthetic compose stacks on the real engine: S services, F files in each image's /app/dist,
// R routes answered by a real HTTP server in each container. Some services run an old image
// (stale: one module missing from the container, present in the newest image) and some have a
// module in source that no image has (missing: fix is a build), so the check does real work.
//
// Images: one pair of base images per distinct file count (v1 = all modules but the last, v2 =
// v1 + the last module as one more layer), built from an in-memory tar context: no temp folder
// with 50,000 files. Each service then gets its own tag built `FROM` a base with a LABEL only
// (no layer, a fraction of a second), so every service has a distinct image ID as in a real
// stack and nothing can be cached across services by accident.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { pack } from 'tar-stream';
import { findFreePort, waitForHealthy } from '../test/fixtures/incident/driver.mjs';
import { mapPool } from '../src/core/pool';
import type { LatencyInput } from './latency';

/** Label on every image and container the bench creates; its value is the run id. */
export const BENCH_LABEL = 'io.runtime-drift.bench';
export const BASE_IMAGE = 'runtime-drift/node:busybox';
/** Files per module folder: large services have many modules, as real monorepos do. */
const FILES_PER_MODULE = 250;
/** Files of the module present in source only (no image has it). */
const NEW_MODULE_FILES = 20;
const NEW_MODULE = 'mnew';
/** A container's HTTP server must answer within this after start. */
const SERVER_START_TIMEOUT_MS = 60_000;
const SERVER_POLL_MS = 100;
/** Bounds for engine work done while setting up (builds of 50,000-file contexts included). */
const BUILD_TIMEOUT_MS = 600_000;
const WRITE_CONCURRENCY = 64;

export interface StackSpec {
  name: string;
  services: number;
  files: number;
  routes: number;
}

export interface RouteSpec {
  path: string;
  status: number;
}

export interface ServicePlan {
  name: string;
  port: number;
  stale: boolean;
  newModule: boolean;
  /** Source files whose counterpart the running container lacks. */
  expectedMissing: number;
  /** Of those, the ones the newest image has. */
  expectedMissingInImage: number;
}

export interface Stack extends StackSpec {
  project: string;
  dir: string;
  target: string;
  routeSpecs: RouteSpec[];
  plans: ServicePlan[];
  expectedMissing: number;
  expectedStale: number;
  /** Regular files in all running containers' /app/dist. */
  expectedContainerFiles: number;
}

/** Module folder names and file counts for F files: main.ts at the root, the rest in modules. */
/**
 * A free loopback port none of `taken` has: each service listens on the host's network, and two
 * picks of port 0 can return the same port (30 picks: a few % of runs), which left a container
 * exiting at start with EADDRINUSE (session 9's first idle bench run).
 */
async function distinctFreePort(taken: readonly number[]): Promise<number> {
  for (;;) {
    const port = await findFreePort();
    if (!taken.includes(port)) return port;
  }
}

export function layout(files: number): { modules: { name: string; files: number }[]; rootFiles: number } {
  const inModules = Math.max(0, files - 1);
  const count = Math.max(1, Math.ceil(inModules / FILES_PER_MODULE));
  const modules = Array.from({ length: count }, (_, i) => ({
    name: `m${String(i).padStart(3, '0')}`,
    files: Math.min(FILES_PER_MODULE, inModules - i * FILES_PER_MODULE),
  })).filter((m) => m.files > 0);
  return { modules, rootFiles: files - modules.reduce((n, m) => n + m.files, 0) };
}

export function fileName(k: number): string {
  return `file${String(k).padStart(5, '0')}`;
}

function fileText(k: number): string {
  return `export const f${k} = ${k};\n`;
}

/** R routes: /health and a mix of 200, 401 (needs auth) and 404 (not exposed), as in a real API. */
export function routeSpecs(count: number): RouteSpec[] {
  const kinds = [200, 200, 401, 404];
  return Array.from({ length: count }, (_, i) =>
    i === 0 ? { path: '/health', status: 200 } : { path: `/api/r${i}`, status: kinds[(i - 1) % kinds.length] ?? 200 },
  );
}

/** Role of service i: every third runs an old image, every fourth has a module no image has. */
function roles(i: number): { stale: boolean; newModule: boolean } {
  return { stale: i % 3 === 0, newModule: i % 4 === 0 };
}

/** Waits for a build or other progress stream and fails on the first error it reports. */
async function followProgress(docker: Dockerode, stream: NodeJS.ReadableStream): Promise<void> {
  const output = await new Promise<{ error?: string; errorDetail?: { message?: string } }[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('image build did not finish in time')), BUILD_TIMEOUT_MS);
    docker.modem.followProgress(stream, (err: Error | null, res: { error?: string }[]) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(res);
    });
  });
  const failed = output.find((o) => o.error);
  if (failed) throw new Error(`image build failed: ${failed.errorDetail?.message ?? failed.error}`);
}

/** Builds `tag` from a Dockerfile plus generated files, streamed as the build context tar. */
async function buildFromTar(
  docker: Dockerode,
  tag: string,
  runId: string,
  dockerfile: string,
  files: Iterable<{ name: string; text: string }>,
): Promise<void> {
  const context = pack();
  const build = docker.buildImage(context as unknown as NodeJS.ReadableStream, {
    t: tag,
    labels: { [BENCH_LABEL]: runId },
    rm: true,
    forcerm: true,
  });
  context.entry({ name: 'Dockerfile' }, dockerfile);
  for (const f of files) context.entry({ name: f.name }, f.text);
  context.finalize();
  await followProgress(docker, await build);
}

function* distFiles(modules: { name: string; files: number }[], rootFiles: number): Generator<{ name: string; text: string }> {
  for (let k = 0; k < rootFiles; k++) yield { name: `dist/${k === 0 ? 'main' : fileName(k)}.js`, text: fileText(k) };
  for (const m of modules) {
    for (let k = 0; k < m.files; k++) yield { name: `dist/modules/${m.name}/${fileName(k)}.js`, text: fileText(k) };
  }
}

/** Base image tags for a file count, built once per run whatever the number of stacks using them. */
export function baseTags(runId: string, files: number): { v1: string; v2: string } {
  return { v1: `rdbench-base-${runId}:f${files}-v1`, v2: `rdbench-base-${runId}:f${files}-v2` };
}

export async function buildBaseImages(docker: Dockerode, runId: string, files: number): Promise<void> {
  const { modules, rootFiles } = layout(files);
  const last = modules[modules.length - 1];
  const tags = baseTags(runId, files);
  // v1: every module but the last. v2: v1 plus the last module, as one more layer.
  await buildFromTar(docker, tags.v1, runId, `FROM ${BASE_IMAGE}\nCOPY dist /app/dist\n`, distFiles(modules.slice(0, -1), rootFiles));
  await buildFromTar(docker, tags.v2, runId, `FROM ${tags.v1}\nCOPY dist /app/dist\n`, distFiles(last ? [last] : [], 0));
}

/** The HTTP server each container runs: loopback only, answers the stack's routes. */
const SERVER_JS = `
const [port, table] = [Number(process.argv[1]), JSON.parse(process.argv[2])];
require('http').createServer((req, res) => {
  const status = table[req.url.split('?')[0]] ?? 404;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(status === 404 ? '{"message":"Cannot GET ' + req.url + '"}' : '{"ok":' + (status === 200) + '}');
}).listen(port, '127.0.0.1');
`;

/**
 * Writes the workspace (compose.yaml, per service tsconfig, Dockerfile and source tree), tags
 * and starts the containers. Base images for spec.files must exist (buildBaseImages).
 */
export async function createStack(docker: Dockerode, runId: string, root: string, spec: StackSpec): Promise<Stack> {
  const project = `rdbench-${runId}-${spec.name}`;
  const dir = join(root, spec.name);
  const target = '/app/dist';
  const { modules, rootFiles } = layout(spec.files);
  const lastModule = modules[modules.length - 1];
  const routes = routeSpecs(spec.routes);
  const plans: ServicePlan[] = [];
  for (let i = 0; i < spec.services; i++) {
    const { stale, newModule } = roles(i);
    const inImage = stale ? (lastModule?.files ?? 0) : 0;
    const missing = inImage + (newModule ? NEW_MODULE_FILES : 0);
    plans.push({ name: `svc${String(i).padStart(2, '0')}`, port: await distinctFreePort(plans.map((p) => p.port)), stale, newModule, expectedMissing: missing, expectedMissingInImage: inImage });
  }

  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'compose.yaml'), composeYaml(project, plans, routes, target));
  for (const plan of plans) await writeServiceSource(join(dir, plan.name), modules, rootFiles, plan.newModule);

  const base = baseTags(runId, spec.files);
  for (const plan of plans) {
    const tag = `${project}-${plan.name}`;
    // A service's own image: FROM a base plus a LABEL, so its ID is its own (no new layer).
    const labelled = (from: string): Promise<void> =>
      buildFromTar(docker, tag, runId, `FROM ${from}\nLABEL ${BENCH_LABEL}.service=${project}/${plan.name}\n`, []);
    await labelled(plan.stale ? base.v1 : base.v2);
    const container = await docker.createContainer({
      name: `${project}-${plan.name}-1`,
      Image: tag,
      Cmd: ['node', '-e', SERVER_JS, String(plan.port), JSON.stringify(Object.fromEntries(routes.map((r) => [r.path, r.status])))],
      Labels: {
        [BENCH_LABEL]: runId,
        'com.docker.compose.project': project,
        'com.docker.compose.service': plan.name,
        'com.docker.compose.project.working_dir': dir,
        'com.docker.compose.project.config_files': join(dir, 'compose.yaml'),
        'com.docker.compose.container-number': '1',
        'com.docker.compose.oneoff': 'False',
      },
      HostConfig: { NetworkMode: 'host' },
    });
    await container.start();
    // The incident: the image is rebuilt with the new module, the container is not recreated.
    if (plan.stale) await labelled(base.v2);
  }
  await mapPool(plans, 8, (plan) => waitForServer(plan.port));

  const files = spec.files;
  return {
    ...spec,
    project,
    dir,
    target,
    routeSpecs: routes,
    plans,
    expectedMissing: plans.reduce((n, p) => n + p.expectedMissing, 0),
    expectedStale: plans.filter((p) => p.stale).length,
    expectedContainerFiles: plans.reduce((n, p) => n + files - (p.stale ? (lastModule?.files ?? 0) : 0), 0),
  };
}

async function waitForServer(port: number): Promise<void> {
  const last = await waitForHealthy(port, SERVER_START_TIMEOUT_MS, SERVER_POLL_MS);
  if (last === undefined) return;
  throw new Error(`container server on 127.0.0.1:${port} did not answer /health within ${SERVER_START_TIMEOUT_MS} ms (${last})`);
}

function composeYaml(project: string, plans: ServicePlan[], routes: RouteSpec[], target: string): string {
  const lines = [`name: ${project}`, 'services:'];
  for (const p of plans) {
    lines.push(
      `  ${p.name}:`,
      `    build: ./${p.name}`,
      '    network_mode: host',
      '    x-runtime-drift:',
      `      source: ./${p.name}/src`,
      `      target: ${target}`,
      `      baseUrl: "http://127.0.0.1:${p.port}"`,
      '      routes:',
      ...routes.map((r) => `        - "GET ${r.path}"`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** src/modules/mNNN/fileK.ts -> /app/dist/modules/mNNN/fileK.js (tsconfig rootDir src, outDir dist). */
async function writeServiceSource(
  serviceDir: string,
  modules: { name: string; files: number }[],
  rootFiles: number,
  newModule: boolean,
): Promise<void> {
  const src = join(serviceDir, 'src');
  const all = newModule ? [...modules, { name: NEW_MODULE, files: NEW_MODULE_FILES }] : modules;
  await mkdir(src, { recursive: true });
  await Promise.all(all.map((m) => mkdir(join(src, 'modules', m.name), { recursive: true })));
  await writeFile(join(serviceDir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { rootDir: 'src', outDir: 'dist', strict: true } }, null, 2));
  await writeFile(join(serviceDir, 'Dockerfile'), `FROM ${BASE_IMAGE}\nWORKDIR /app\nCOPY dist ./dist\nCMD ["node", "dist/main.js"]\n`);
  const jobs: { path: string; text: string }[] = [];
  for (let k = 0; k < rootFiles; k++) jobs.push({ path: join(src, `${k === 0 ? 'main' : fileName(k)}.ts`), text: fileText(k) });
  for (const m of all) {
    for (let k = 0; k < m.files; k++) jobs.push({ path: join(src, 'modules', m.name, `${fileName(k)}.ts`), text: fileText(k) });
  }
  await mapPool(jobs, WRITE_CONCURRENCY, (j) => writeFile(j.path, j.text));
}

/**
 * The latency section's plan (bench/latency.ts) for a stack: the last service with a module in
 * source that no image has, its first module for the file rounds.
 */
export function latencyPlan(stack: Stack, rounds: number): LatencyInput | undefined {
  const plan = [...stack.plans].reverse().find((p) => p.newModule);
  const first = layout(stack.files).modules[0];
  if (!plan || !first) return undefined;
  return {
    workspaceDir: stack.dir,
    service: plan.name,
    serviceDir: join(stack.dir, plan.name),
    target: stack.target,
    module: NEW_MODULE,
    moduleFiles: Array.from({ length: NEW_MODULE_FILES }, (_, k) => fileName(k)),
    fileModule: first.name,
    rounds,
  };
}

/** Removes every container and image labelled with this run id (containers first: they pin images). */
export async function cleanupRun(docker: Dockerode, runId: string): Promise<void> {
  const filters = { label: [`${BENCH_LABEL}=${runId}`] };
  const containers = await docker.listContainers({ all: true, filters });
  await mapPool(containers, 8, (c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined));
  // Newest first, so a child image goes before the base it is built FROM.
  const images = (await docker.listImages({ all: true, filters })).sort((a, b) => b.Created - a.Created);
  for (const img of images) {
    for (const tag of img.RepoTags ?? []) if (tag !== '<none>:<none>') await docker.getImage(tag).remove({ noprune: false }).catch(() => undefined);
    await docker.getImage(img.Id).remove({ force: true }).catch(() => undefined);
  }
}
