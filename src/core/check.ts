// Runs the whole ladder for a workspace through the ports (engine, prober, files): gathers the
// evidence for each service, then lets the pure ladder judge it.
import * as path from 'node:path';
import { NOT_RUNNING_DETAIL } from './model';
import type { ContainerInfo, HttpMethod, Report, RouteDef, RouteReport, ServiceReport, ServiceSpec, SourceMapping } from './model';
import type { EngineLike, FsLike, LogSink, ProberLike, RebuildLocksLike, SourceScan, SourceScannerLike, SourceScanRequest } from './ports';
import { EngineUnreachableError } from './ports';
import { discoverComposeProjects } from './compose/discover';
import { inferMapping } from './mapping/infer';
import { findModules, moduleClassName, moduleLookup, NEST_MODULE_FILE } from './mapping/modules';
import type { ModuleDir, ModuleRoots } from './mapping/modules';
import { mapSourceFile, mapToBuildOutput, walkedFileMapper } from './mapping/mapFile';
import { walkFileStats } from './mapping/walk';
import { relativeInside } from './mapping/fastRelative';
import type { WalkedTree } from './mapping/walk';
import { collectExtracted, type PathAlias } from './routes/collect';
import { readPathAliases } from './routes/aliases';
import { appSourceDir, findServerApps } from './routes/serverApps';
import { isRouteSource, scanSourceText } from './routes/scanFile';
import { beginScanPass } from './routes/scanCache';
import type { ScanCache } from './routes/scanCache';
import { resolveBaseUrl, SAFE_METHODS } from './probe/policy';
import { NO_TRUST, refuseTokenVariable } from './probe/trust';
import type { ProbeTrust } from './probe/trust';
import { probeRoutes } from './probe/runProbes';
import type { MappedFile, ModuleEvidence, ServiceEvidence } from './ladder/evidence';
import { allFilesOf, evaluateService, overallVerdict } from './ladder/evaluate';
import { changedIn } from './ladder/rungs';
import { createLimiter, mapPool } from './pool';
import { compileExclude } from './mapping/exclude';

export interface CheckDeps {
  engine: EngineLike;
  prober: ProberLike;
  fs: FsLike;
  log?: LogSink;
  /** Route scans remembered across checks (long-lived processes); each check reads every file without it. */
  scanCache?: ScanCache;
  /** Walks and scans source trees off this thread (engine: a worker); in process without it. */
  scanner?: SourceScannerLike;
  /** Rebuild locks: a rebuild takes one; a check notes a rebuild in progress. */
  rebuilds?: RebuildLocksLike;
}

export interface CheckOptions {
  /** Absolute workspace folder. */
  workspaceDir: string;
  /** Only these services (all when empty/undefined). */
  services?: string[];
  /** Send HTTP probes (default true). */
  probe?: boolean;
  /** Methods that may be sent; default GET and HEAD only. */
  allowedMethods?: HttpMethod[];
  /** Environment for compose interpolation and for token variables the user allowed. */
  env: Record<string, string | undefined>;
  /** Tokens the user stored outside the workspace (the extension's SecretStorage); win over env. */
  token?: (envName: string, service: string) => string | undefined;
  /** What the user allowed outside the workspace: probe origins, token variables, the engine's host. Default: loopback only, no token variables. */
  trust?: ProbeTrust;
  /** The compose files to read, like `docker compose -f` (workspace-relative); discovered when empty. */
  composeFiles?: string[];
  /** Workspace-relative folders or globs to leave out of file checks (mapping/exclude.ts). */
  exclude?: string[];
  /** Compose command named in fixes (default "docker compose"). */
  composeLabel?: string;
  signal?: AbortSignal;
}

/** Services checked at once: each holds an archive stream open while it is listed. */
export const SERVICE_CONCURRENCY = 8;
/** Services whose source trees are read at once: bounds peak memory on big workspaces. */
export const WORKSPACE_CONCURRENCY = 2;

export async function checkWorkspace(deps: CheckDeps, opts: CheckOptions): Promise<Report> {
  const projects = await discoverComposeProjects(deps.fs, opts.workspaceDir, opts.env, { composeFiles: opts.composeFiles });
  const wanted = opts.services?.length ? new Set(opts.services) : undefined;
  const specs = projects.flatMap((p) => p.services).filter((s) => !wanted || wanted.has(s.name));
  if (wanted) {
    const known = new Set(projects.flatMap((p) => p.services.map((s) => s.name)));
    const unknown = [...wanted].filter((n) => !known.has(n));
    if (unknown.length > 0) throw new UnknownServiceError(unknown, [...known]);
  }

  let engineError: string | null = null;
  try {
    await deps.engine.ping(opts.signal);
  } catch (err) {
    if (!(err instanceof EngineUnreachableError)) throw err;
    engineError = err.message;
  }

  const readWorkspace = createLimiter(WORKSPACE_CONCURRENCY);
  // The walk follows no link out of the workspace, and a source root outside it is not read.
  const boundary = (await deps.fs.realpath?.(opts.workspaceDir)) ?? undefined;
  const services = await mapPool(specs, SERVICE_CONCURRENCY, (spec) => checkService(deps, opts, spec, engineError, readWorkspace, boundary));
  return {
    verdict: overallVerdict(services),
    workspace: opts.workspaceDir,
    checkedAt: new Date().toISOString(),
    engine: { reachable: engineError === null, host: deps.engine.host, error: engineError },
    services,
  };
}

export class UnknownServiceError extends Error {
  override readonly name = 'UnknownServiceError';
  constructor(unknown: string[], known: string[]) {
    super(`no service named ${unknown.join(', ')} in the workspace's compose files (services: ${known.join(', ') || 'none'})`);
  }
}


async function checkService(
  deps: CheckDeps,
  opts: CheckOptions,
  spec: ServiceSpec,
  engineError: string | null,
  readWorkspace: <R>(fn: () => Promise<R>) => Promise<R>,
  boundary: string | undefined,
): Promise<ServiceReport> {
  if (spec.error !== undefined) return invalidServiceReport(spec);
  const inferred = await inferMapping(deps.fs, spec);
  const serviceWarnings: string[] = [];
  // x-runtime-drift.source (or a build context) outside the workspace: its names would walk
  // the host (`source: ../../../../etc`). Checked on the real path, so a link cannot hide it.
  const outside = inferred && boundary !== undefined ? await outsideWorkspace(deps.fs, inferred.sourceRoot, boundary) : false;
  if (outside) serviceWarnings.push(`${rel(opts.workspaceDir, inferred?.sourceRoot ?? '')}: the source root is outside the workspace: not read`);
  const mapping = outside ? undefined : inferred;
  // Every walk stays in the workspace: no link is followed out of it, no root outside it is read.
  const bounded = boundary !== undefined ? { boundary } : {};
  const rebuilding = deps.rebuilds?.holder(spec.project, spec.name);
  if (rebuilding) serviceWarnings.push(`a rebuild of ${spec.name} is in progress (${rebuilding}): this answer may be overtaken when it ends`);
  // The engine's answers and the workspace's files are independent: gather them at once, so the
  // wait on archive streams and probes overlaps the source walk instead of following it. One walk
  // of the source tree (with its stats) serves both the file rungs and the route extraction.
  // The container is asked for first, on its own: the probes wait only for it (a service that
  // does not run is not probed), not for the listings.
  const containerAsked: Promise<ContainerInfo | undefined> | undefined = engineError
    ? undefined
    : deps.engine.findServiceContainers(spec.project, spec.name, opts.signal).then(pickContainer);
  const runtimeAsked: Promise<Runtime> = !containerAsked
    ? Promise.resolve(emptyRuntime(spec, engineError ?? ''))
    : gatherRuntime(deps.engine, spec, mapping, containerAsked, opts.signal).catch((err: unknown) =>
        emptyRuntime(spec, err instanceof EngineUnreachableError ? err.message : errorText(err)),
      );
  // Not known (the engine failed): probe anyway, the answers still tell something.
  const notRunning = containerAsked?.then(
    (c) => (!c ? NOT_RUNNING_DETAIL : c.state !== 'running' ? `${NOT_RUNNING_DETAIL} (container ${c.state})` : undefined),
    () => undefined,
  );
  // Reading the workspace is CPU work and holds every file of the service in memory: a few
  // services at a time (WORKSPACE_CONCURRENCY), while more wait on the engine meanwhile.
  // Routes are read even when nothing maps the source into an image (a prebuilt image, a
  // Dockerfile that is not understood): from the server folder the build context or the
  // service's name points at.
  const routeRoot = mapping ? undefined : await serverSourceRoot(deps.fs, spec);
  const workspace = mapping
    ? readWorkspace(async () => {
        const buildRoot = mapping.buildOutDir && !mapping.bundled ? await deps.fs.stat(mapping.buildOutDir) : undefined;
        const hasBuild = Boolean(buildRoot?.isDirectory);
        const scanned = await scanSource(deps, opts, { root: mapping.sourceRoot, routes: !mapping.bundled, ...bounded });
        const modules = mapping.bundled ? [] : await findServiceModules(deps.fs, mapping, scanned);
        const files = await gatherFiles(deps.fs, opts, mapping, scanned, hasBuild, modules);
        const aliases = await readPathAliases(deps.fs, mapping.sourceRoot, opts.workspaceDir);
        const collected = collectRoutes(deps, spec, mapping.sourceRoot, modules, scanned.extracted, aliases);
        return { files, declared: collected.routes, warnings: [...skippedWarnings(opts.workspaceDir, scanned), ...collected.warnings.map((w) => relativeWarning(opts.workspaceDir, w))] };
      })
    : routeRoot
      ? readWorkspace(async () => {
          const scanned = await scanSource(deps, opts, { root: routeRoot, routes: true, ...bounded });
          const aliases = await readPathAliases(deps.fs, routeRoot, opts.workspaceDir);
          // No module reports without a mapping; the modules still name the routes' groups.
          const modules = await findServiceModules(deps.fs, { sourceRoot: routeRoot, modulesDir: spec.drift.modulesDir ?? 'modules', target: '' }, scanned);
          const collected = collectRoutes(deps, spec, routeRoot, modules, scanned.extracted, aliases);
          const files: Awaited<ReturnType<typeof gatherFiles>> = { modules: [], loose: null };
          return { files, declared: collected.routes, warnings: [...skippedWarnings(opts.workspaceDir, scanned), ...collected.warnings.map((w) => relativeWarning(opts.workspaceDir, w))] };
        })
      : undefined;
  const [files, runtime, routes, workspaceWarnings] = await Promise.all([
    workspace ? workspace.then((w) => w.files) : { modules: [], loose: null },
    runtimeAsked,
    workspace
      ? workspace.then(async (w) => probeServiceRoutes(deps, opts, spec, w.declared, await notRunning))
      : { routes: [], auth: null, baseUrl: null },
    workspace ? workspace.then((w) => w.warnings) : [],
  ]);
  // A current container normally speaks for its image. When it holds other builds of files than
  // the local build output (a docker cp hotfix, a write at run time, or an image built from older
  // output), ask the image itself (listed once per image ID): that tells "changed inside the
  // container" (recreate it) from "the image is wrong" (build it). Files missing from a current
  // container are taken as missing from its image: the common case, and the diff API that could
  // tell a deletion inside costs the engine 0.3 s per 10,000 files; a rebuild recreates anyway.
  if (mapping && runtime.image && runtime.container && !runtime.stale && !runtime.imageListing && runtime.containerListing) {
    if (changedIn(allFilesOf(files), runtime.containerListing).length > 0) {
      runtime.imageListing = await deps.engine.listImageFiles(runtime.image.id, mapping.target, opts.signal).catch(() => undefined);
    }
  }
  const ev: ServiceEvidence = {
    spec,
    mapping,
    ...runtime,
    ...routes,
    composeLabel: opts.composeLabel ?? 'docker compose',
    buildDirRel: spec.build ? rel(opts.workspaceDir, spec.build.context) : null,
  };
  const warnings = [...serviceWarnings, ...workspaceWarnings];
  const report = { ...evaluateService(ev, files), warnings: warnings.slice(0, MAX_WARNINGS) };
  if (warnings.length > MAX_WARNINGS) report.warnings.push(`… and ${warnings.length - MAX_WARNINGS} more`);
  deps.log?.log('info', `${spec.project}/${spec.name}: ${report.verdict} — ${report.summary}`);
  return report;
}

type Runtime = Pick<
  ServiceEvidence,
  'engineError' | 'imageRef' | 'container' | 'image' | 'stale' | 'containerListing' | 'imageListing'
>;

function emptyRuntime(spec: ServiceSpec, engineError: string): Runtime {
  return {
    engineError,
    imageRef: spec.image ?? defaultImageRefs(spec)[0] ?? spec.name,
    container: undefined,
    image: undefined,
    stale: false,
    containerListing: undefined,
    imageListing: undefined,
  };
}

/** Compose v2 names built images PROJECT-SERVICE, v1 PROJECT_SERVICE. */
export function defaultImageRefs(spec: ServiceSpec): string[] {
  return [`${spec.project}-${spec.name}`, `${spec.project}_${spec.name}`];
}

/** Of a service's containers, a running one; among equals, the newest. */
function pickContainer(containers: readonly ContainerInfo[]): ContainerInfo | undefined {
  return [...containers].sort(
    (a, b) => Number(b.state === 'running') - Number(a.state === 'running') || b.created.localeCompare(a.created),
  )[0];
}

async function gatherRuntime(
  engine: EngineLike,
  spec: ServiceSpec,
  mapping: SourceMapping | undefined,
  containerAsked: Promise<ContainerInfo | undefined>,
  signal?: AbortSignal,
): Promise<Runtime> {
  const container = await containerAsked;
  let imageRef = container?.imageRef ?? spec.image;
  let image = imageRef ? await engine.inspectImage(imageRef, signal) : undefined;
  if (!imageRef) {
    for (const ref of defaultImageRefs(spec)) {
      image = await engine.inspectImage(ref, signal);
      if (image) {
        imageRef = ref;
        break;
      }
    }
  }
  const ref = imageRef ?? defaultImageRefs(spec)[0] ?? spec.name;
  const stale = Boolean(container && image && container.imageId !== image.id);
  const listable = mapping && !mapping.bundled;
  const [containerListing, imageListing] = await Promise.all([
    container && listable ? engine.listContainerFiles(container.id, mapping.target, signal) : undefined,
    image && listable && (stale || !container) ? engine.listImageFiles(image.id, mapping.target, signal) : undefined,
  ]);
  return { engineError: null, imageRef: ref, container, image, stale, containerListing, imageListing };
}

function rel(root: string, abs: string): string {
  return relativeInside(root, abs) ?? path.relative(root, abs).split(path.sep).join('/');
}


/** Sorts like String#localeCompare with no arguments (same default collator), without building one per call. */
const LOCALE_ORDER = new Intl.Collator().compare;

async function gatherFiles(
  fs: FsLike,
  opts: CheckOptions,
  mapping: SourceMapping,
  tree: WalkedTree,
  hasBuild: boolean,
  modules: readonly ModuleDir[],
): Promise<{ modules: ModuleEvidence[]; loose: ModuleEvidence | null }> {
  const excluded = compileExclude(opts.exclude);
  // Walked files are the source root plus a clean relative path: slice it off once per file and
  // map with string work (walkedFileMapper) rather than path.relative / path.join per file.
  const sourcePrefix = mapping.sourceRoot.endsWith(path.sep) ? mapping.sourceRoot : mapping.sourceRoot + path.sep;
  const rootRel = rel(opts.workspaceDir, mapping.sourceRoot);
  const wsPrefix = rootRel === '' ? '' : `${rootRel}/`;
  const fast = path.sep === '/' && !rootRel.startsWith('..');
  const mapWalked = walkedFileMapper(mapping);
  const mapped: MappedFile[] = [];
  const buildState = new Map<string, 'missing' | 'stale' | 'ok'>();
  // One pass: workspace-relative path, exclusion, container path. The scan has each file's
  // mtime: no second stat.
  const { files, mtimes } = tree;
  for (let i = 0; i < files.length; i++) {
    const source = files[i] as string;
    const below = fast && source.startsWith(sourcePrefix) ? source.slice(sourcePrefix.length) : undefined;
    const relPath = below !== undefined ? wsPrefix + below : rel(opts.workspaceDir, source);
    if (excluded(relPath)) continue;
    const target = mapping.bundled ? undefined : below !== undefined ? mapWalked(below) : mapSourceFile(mapping, source);
    if (!mapping.bundled && !target) continue;
    mapped.push({ source, rel: relPath, target: target ?? '', sourceMtimeMs: mtimes[i] ?? 0 });
  }
  if (hasBuild) {
    await mapPool(mapped, 64, async (file) => {
      const out = mapToBuildOutput(mapping, file.source);
      if (!out) return;
      file.buildOut = out;
      const ost = await fs.stat(out);
      file.buildSize = ost?.isFile ? ost.size : undefined;
      buildState.set(file.source, !ost ? 'missing' : ost.mtimeMs + 1000 < file.sourceMtimeMs ? 'stale' : 'ok');
    });
  }
  mapped.sort((a, b) => LOCALE_ORDER(a.source, b.source));

  const toEvidence = (name: string, dir: string, target: string, files: MappedFile[]): ModuleEvidence => ({
    name,
    rel: rel(opts.workspaceDir, dir),
    target,
    files: mapping.bundled ? [] : files,
    buildMissing: hasBuild ? files.filter((f) => buildState.get(f.source) === 'missing').map((f) => f.rel) : null,
    buildStale: files.filter((f) => buildState.get(f.source) === 'stale').map((f) => f.rel),
  });
  // A file belongs to the deepest module folder holding it (modules.ts); the lookup remembers
  // each folder, so this is one map hit per file.
  const moduleOf = moduleLookup(modules, mapping.sourceRoot);
  const filesOf = new Map<string, MappedFile[]>(modules.map((m) => [m.name, []]));
  const rest: MappedFile[] = [];
  for (const f of mapped) {
    const mod = moduleOf(f.source);
    const bucket = mod ? filesOf.get(mod.name) : undefined;
    if (bucket) bucket.push(f);
    else rest.push(f);
  }
  const moduleEvidence = modules.map((m) => toEvidence(m.name, m.sourceDir, m.target, filesOf.get(m.name) ?? []));
  const loose = rest.length > 0 ? toEvidence('(root)', mapping.sourceRoot, mapping.target, rest) : null;
  if (mapping.bundled) {
    // A bundle has no 1:1 files; keep the mtimes for the "source newer than image" comparison.
    return { modules: [], loose: { ...toEvidence('(bundle)', mapping.sourceRoot, mapping.target, []), files: mapped } };
  }
  return { modules: moduleEvidence, loose };
}

/**
 * The source tree and what its route sources declare: through the scanner (a worker thread)
 * when there is one, else in process. A scanner that cannot run leaves the job to this thread.
 */
async function scanSource(deps: CheckDeps, opts: CheckOptions, req: SourceScanRequest): Promise<SourceScan> {
  if (deps.scanner) {
    try {
      return await deps.scanner.scan(req, opts.signal);
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      deps.log?.log('debug', `source scan of ${req.root} in process: ${errorText(err)}`);
    }
  }
  const tree = await walkFileStats(deps.fs, req.root, { boundary: req.boundary });
  return { ...tree, extracted: req.routes ? await scanRoutesInProcess(deps, req.root, tree) : [] };
}

/** Reads every route source of the walked tree (unless remembered by mtime) and scans it. */
async function scanRoutesInProcess(deps: CheckDeps, root: string, tree: WalkedTree): Promise<SourceScan['extracted']> {
  // Extract as each file is read and keep only what it declares: the texts of a large tree are
  // never held at once, and files that cannot declare a route skip the full scan.
  const extracted: SourceScan['extracted'] = [];
  // A file unchanged since the last scan (same mtime) is not read again.
  const pass = beginScanPass(deps.scanCache, root);
  const toRead: string[] = [];
  const mtimeOf = new Map<string, number>();
  for (let i = 0; i < tree.files.length; i++) {
    const file = tree.files[i] as string;
    if (!isRouteSource(file)) continue;
    const mtimeMs = tree.mtimes[i] ?? 0;
    const reused = pass.reuse(file, mtimeMs);
    if (reused !== undefined) {
      if (reused) extracted.push({ file, x: reused });
    } else {
      toRead.push(file);
      if (deps.scanCache) mtimeOf.set(file, mtimeMs);
    }
  }
  const take = (file: string, text: string): void => {
    const x = scanSourceText(file, text);
    if (x) extracted.push({ file, x });
    const mtimeMs = mtimeOf.get(file);
    if (mtimeMs !== undefined) pass.keep(file, mtimeMs, x);
  };
  const skip = (path: string, reason: string): void => {
    tree.skipped.push({ path, reason });
  };
  if (deps.fs.readEach) await deps.fs.readEach(toRead, take, skip);
  else await mapPool(toRead, 64, async (file) => take(file, await deps.fs.readFile(file)));
  pass.finish();
  return extracted;
}

/**
 * Where a service's server source is when no mapping says: the build context's server app, or
 * for a prebuilt image a server folder named like the service (api/, apps/api/, packages/api/).
 * Only a folder whose package.json depends on a server framework (or a Nest/Nx app file) counts:
 * a database service never gets another service's routes.
 */
async function serverSourceRoot(fs: FsLike, spec: ServiceSpec): Promise<string | undefined> {
  const candidates = spec.build
    ? [spec.build.context]
    : ['', 'apps', 'packages', 'services'].map((d) => path.join(spec.projectDir, d, spec.name));
  for (const dir of candidates) {
    const files = ['package.json', 'nest-cli.json', 'project.json'].map((f) => path.join(dir, f));
    const present: string[] = [];
    for (const f of files) if ((await fs.stat(f))?.isFile) present.push(f);
    if ((await findServerApps(fs, present)).length > 0) return appSourceDir(fs, dir);
  }
  return undefined;
}

/** A service whose compose definition could not be read: only it is "unknown", the others are checked. */
function invalidServiceReport(spec: ServiceSpec): ServiceReport {
  return {
    name: spec.name,
    project: spec.project,
    verdict: 'unknown',
    summary: `its compose definition could not be read: ${spec.error ?? ''}`,
    container: null,
    image: { ref: spec.image ?? spec.name, id: null, created: null },
    staleContainer: false,
    baseUrl: null,
    mapping: null,
    sourceNewest: null,
    modules: [],
    routes: [],
    missingFiles: [],
    missingFilesInImage: [],
    changedFiles: [],
    fix: 'correct the service in the compose file, then check again',
    action: null,
    errors: [spec.error ?? ''],
    warnings: [],
    definitionError: spec.error ?? '',
  };
}

/** Warnings kept per service in a report: the rest are counted. */
export const MAX_WARNINGS = 50;

/** What the source walk left out, as report warnings: "backend/src/loop: a symlink loop". */
function skippedWarnings(workspaceDir: string, scanned: SourceScan): string[] {
  return scanned.skipped.map((s) => `${rel(workspaceDir, s.path)}: ${s.reason}`);
}

/** "/ws/backend/src/a.ts:12: ..." -> "backend/src/a.ts:12: ...". */
function relativeWarning(workspaceDir: string, warning: string): string {
  const prefix = workspaceDir.endsWith(path.sep) ? workspaceDir : workspaceDir + path.sep;
  return warning.startsWith(prefix) ? warning.slice(prefix.length).split(path.sep).join('/') : warning;
}

/**
 * The service's modules as its framework sees them (modules.ts): the walked files, the class of
 * each Nest *.module.ts (read here: a handful of small files), and the files that declare
 * Express/Fastify/Koa routes or mount routers and plugins.
 */
async function findServiceModules(fs: FsLike, mapping: ModuleRoots, scan: SourceScan): Promise<ModuleDir[]> {
  const nestModules = new Map<string, string>();
  const moduleFiles = scan.files.filter((f) => NEST_MODULE_FILE.test(f));
  await mapPool(moduleFiles, 16, async (file) => {
    const cls = moduleClassName(await fs.readFile(file).catch(() => ''));
    if (cls) nestModules.set(file, cls);
  });
  const routerFiles = scan.extracted.filter(({ x }) => x.mounts.length > 0 || x.routes.some((r) => r.kind === 'router')).map((e) => e.file);
  return findModules(mapping, { files: scan.files, nestModules, routerFiles });
}

/** The routes a service's source declares (plus x-runtime-drift.routes), and what could not be known. */
function collectRoutes(
  deps: CheckDeps,
  spec: ServiceSpec,
  sourceRoot: string,
  modules: readonly ModuleDir[],
  found: SourceScan['extracted'],
  aliases: PathAlias[],
): { routes: RouteDef[]; warnings: string[] } {
  // Reads finish in any order; the collection's warnings and tie-breaks follow the files' order.
  const extracted = [...found].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const lookup = moduleLookup(modules, sourceRoot);
  const moduleOf = (file: string): string | undefined => lookup(file)?.name;
  const collected = collectExtracted(extracted, {
    routePrefix: spec.drift.routePrefix,
    moduleOf,
    extra: spec.drift.routes,
    aliases,
  });
  for (const w of collected.warnings) deps.log?.log('warn', `${spec.name}: ${w}`);
  return collected;
}

/** Probes the declared routes (unless probing is off) and reports each with its answer. */
async function probeServiceRoutes(
  deps: CheckDeps,
  opts: CheckOptions,
  spec: ServiceSpec,
  declared: RouteDef[],
  notRunning: string | undefined,
): Promise<Pick<ServiceEvidence, 'routes' | 'auth' | 'baseUrl'>> {
  const trust = opts.trust ?? NO_TRUST;
  const base = resolveBaseUrl(spec, trust.engineHost);
  const tokenEnv = spec.drift.auth?.bearerTokenEnv;
  // The compose file only names the variable; whether its value may be sent is the user's call.
  const stored = tokenEnv ? opts.token?.(tokenEnv, spec.name) : undefined;
  const refused = tokenEnv && stored === undefined ? refuseTokenVariable(tokenEnv, trust) : undefined;
  const token = tokenEnv && !refused ? (stored ?? opts.env[tokenEnv]) : undefined;
  const auth = tokenEnv ? { env: tokenEnv, present: Boolean(token), ...(refused ? { refused } : {}) } : null;
  const probing = opts.probe !== false && base.url !== undefined && notRunning === undefined;
  const results = probing
    ? await probeRoutes(deps.prober, base.url as string, declared, {
        allowedMethods: opts.allowedMethods ?? [...SAFE_METHODS],
        trust,
        bearerToken: token || undefined,
        signal: opts.signal,
      })
    : undefined;
  const notProbed = opts.probe === false ? 'probing disabled (--no-probe)' : (notRunning ?? base.evidence);
  const routes: RouteReport[] = declared.map((r) => {
    const res = results?.get(r);
    return {
      method: r.method,
      path: r.path,
      module: r.module ?? null,
      file: r.file ? rel(opts.workspaceDir, r.file) : null,
      line: r.line ?? null,
      status: res?.outcome.status ?? null,
      authStatus: res?.auth?.status ?? null,
      verdict: res?.outcome.verdict ?? 'not-probed',
      authVerdict: res?.auth?.verdict ?? null,
      detail: res ? (res.outcome.detail ?? null) : notProbed,
    };
  });
  return { routes, auth, baseUrl: base.url ?? null };
}

/** True when `dir`'s real path is not inside `boundary` (a missing folder is judged by its path). */
async function outsideWorkspace(fs: FsLike, dir: string, boundary: string): Promise<boolean> {
  const real = (await fs.realpath?.(dir)) ?? path.resolve(dir);
  return real !== boundary && !real.startsWith(boundary.endsWith(path.sep) ? boundary : boundary + path.sep);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

