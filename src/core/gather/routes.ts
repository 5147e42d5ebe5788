// The route side of one service's evidence: the routes its source declares (joined across files)
// and what each answered when probed, under the probe policy and the user's trust.
import { isAbsolute, join, normalize } from 'node:path';
import * as l10n from '@vscode/l10n';
import type { ContainerInfo, RouteDef, RouteReport, ServiceSpec, SourceMapping } from '../model';
import type { FsLike, LogSink, ProberLike, SourceScan } from '../ports';
import type { ServiceEvidence } from '../ladder/evidence';
import type { ModuleDir } from '../mapping/modules';
import { moduleLookup } from '../mapping/modules';
import { collectExtracted, type CollectedRoutes, type ExampleEnv, type PathAlias } from '../routes/collect';
import { exampleEnvOf } from './exampleEnv';
import { serviceEnvOf } from './serviceEnv';
import type { ServiceEnv } from '../routes/settingGuardWarnings';
import { resolveBaseUrl, SAFE_METHODS, unknownPrefixReason } from '../probe/policy';
import { NO_TRUST, refuseTokenVariable } from '../probe/trust';
import type { ProbeTrust } from '../probe/trust';
import { probeRoutes, type ProbeRoutesOptions, type RouteProbeResult } from '../probe/runProbes';
import type { HttpMethod } from '../model';
import { rel } from './paths';
import { handlerServedRoutes } from './appPackages';
import { foldersUpTo } from '../pathInside';
import { parseJsonc, readJsonObject } from '../mapping/tsconfig';
import { unreadFrameworkWarnings } from '../routes/unreadFrameworks';
import { dependencyNames } from '../routes/serverApps';
import { nestCoreMajor } from '../routes/nestExclude';
import { NODE_CONFIG_DEFAULT_FILES, NODE_CONFIG_PACKAGE, nodeConfigDefaults } from '../routes/nodeConfig';
import { TSOA_CONFIG, TSOA_SOURCE, tsoaBasePath } from '../routes/tsoaRoutes';
import { loadedRoutes } from './loadedRoutes';
import { runnerLoadedGateways, unloadedGatewayFiles } from './moleculerRunner';
import { openApiDocuments as readOpenApiDocuments } from './openApiDocs';
import type { OpenApiDocument } from '../routes/openApiDocument';
import { parse as parseYaml } from 'yaml';

/** What probing needs of the check's options. */
export interface ProbeOptions {
  workspaceDir: string;
  probe?: boolean;
  allowedMethods?: HttpMethod[];
  env: Record<string, string | undefined>;
  token?: (envName: string, service: string) => string | undefined;
  trust?: ProbeTrust;
  signal?: AbortSignal;
}

/** The routes a service's source declares (plus x-runtime-drift.routes), and what could not be known. */
export function collectRoutes(
  log: LogSink | undefined,
  spec: ServiceSpec,
  sourceRoot: string,
  modules: readonly ModuleDir[],
  found: SourceScan['extracted'],
  aliases: PathAlias[],
  tree: { entry?: readonly string[] | undefined; files?: readonly string[]; serviceEnv?: ServiceEnv | undefined } & RouteTreeFacts = {},
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
    ...(tree.entry !== undefined ? { entry: tree.entry, ...(spec.ownStart ? { entryOnly: true } : {}) } : {}),
    ...(tree.files ? { files: tree.files, processDir: sourceRoot } : {}),
    ...(tree.nestMajor !== undefined ? { nestMajor: tree.nestMajor } : {}),
    ...(tree.settings !== undefined ? { settings: tree.settings } : {}),
    ...(tree.exampleEnv !== undefined ? { exampleEnv: tree.exampleEnv } : {}),
    ...(tree.tsoaBasePath !== undefined ? { tsoaBasePath: tree.tsoaBasePath } : {}),
    ...(tree.openApiDocuments !== undefined ? { openApiDocuments: tree.openApiDocuments } : {}),
    ...(tree.yamlSettings !== undefined ? { yamlSettings: tree.yamlSettings } : {}),
    ...(tree.serviceEnv !== undefined ? { serviceEnv: tree.serviceEnv } : {}),
  });
  for (const w of collected.warnings) log?.log('warn', `${spec.name}: ${w}`);
  return collected;
}

/** A package.json at or above a source root, read. */
export interface PackageFile {
  dir: string;
  file: string;
  pkg: Record<string, unknown>;
}

/**
 * The package.json files at or above `sourceRoot` (up to the workspace), nearest first, read once on
 * first use and shared by the gatherers below (each wants a different one of them).
 */
export function packagesAbove(fs: FsLike, sourceRoot: string, workspaceDir: string): () => Promise<PackageFile[]> {
  let read: Promise<PackageFile[]> | undefined;
  const readAll = async (): Promise<PackageFile[]> => {
    const found: PackageFile[] = [];
    for (const dir of foldersUpTo(sourceRoot, workspaceDir)) {
      const file = join(dir, 'package.json');
      const pkg = await readJsonObject(fs, file);
      if (pkg) found.push({ dir, file, pkg });
    }
    return found;
  };
  return () => (read ??= readAll());
}

/**
 * What the nearest package.json at or above the source root says of server frameworks whose routes
 * are not read (routes/unreadFrameworks.ts): a warning for each, at that file.
 */
async function unreadFrameworkNotes(packages: () => Promise<PackageFile[]>, routes: readonly RouteDef[], extracted: SourceScan['extracted'], declaringElsewhere: ReadonlySet<string>): Promise<string[]> {
  const nearest = (await packages())[0];
  return nearest ? unreadFrameworkWarnings(dependencyNames(nearest.pkg), routes, extracted, declaringElsewhere).map((w) => `${nearest.file}: ${w}`) : [];
}

/**
 * The major of @nestjs/core installed for a source root, when its setGlobalPrefix has an exclude
 * list (routes/nestExclude.ts reads it as that major does): the first package.json at or above
 * the source root that names a version, else the package-lock.json beside one that records it.
 */
export async function installedNestMajor(fs: FsLike, packages: () => Promise<PackageFile[]>, extracted: SourceScan['extracted']): Promise<number | undefined> {
  if (!extracted.some((e) => (e.x.globalPrefixExclude ?? []).length > 0)) return undefined;
  for (const { dir, pkg } of await packages()) {
    const major = nestCoreMajor(pkg, undefined) ?? nestCoreMajor(pkg, await readJsonObject(fs, join(dir, 'package-lock.json')));
    if (major !== undefined) return major;
  }
  return undefined;
}

/**
 * node-config's defaults for a source root that imports it (routes/nodeConfig.ts): the config
 * folder's default files beside the first package.json at or above the source root that depends on
 * it (the folder the server runs in, node-config's NODE_CONFIG_DIR default `./config`).
 */
export async function nodeConfigSettings(fs: FsLike, packages: () => Promise<PackageFile[]>, extracted: SourceScan['extracted']): Promise<Record<string, string> | undefined> {
  if (!extracted.some((e) => e.x.imports.some((i) => i.source === NODE_CONFIG_PACKAGE))) return undefined;
  const owner = (await packages()).find(({ pkg }) => dependencyNames(pkg).includes(NODE_CONFIG_PACKAGE));
  if (!owner) return undefined;
  const values: unknown[] = [];
  for (const name of NODE_CONFIG_DEFAULT_FILES) {
    const file = join(owner.dir, 'config', name);
    if (!(await fs.stat(file))?.isFile) continue;
    try {
      values.push(name.endsWith('.json') ? parseJsonc(await fs.readFile(file)) : parseYaml(await fs.readFile(file)));
    } catch {
      // A default file node-config could not read either: the server does not start.
    }
  }
  return nodeConfigDefaults(values);
}

/**
 * The YAML settings files the root's settings modules load their defaults from (routes/yamlSettings.ts),
 * by their path as written, relative to the folder the server runs in (the first package.json's at or
 * above the source root): each parsed, when found and none of the files the module loads only under
 * a test is there (such a file, committed, may set any value).
 */
export async function yamlSettingsOf(fs: FsLike, packages: () => Promise<PackageFile[]>, root: string, extracted: SourceScan['extracted']): Promise<Record<string, unknown> | undefined> {
  const loads = extracted.flatMap((e) => (e.x.yamlDefaults ? [e.x.yamlDefaults] : []));
  if (loads.length === 0) return undefined;
  const dir = (await packages())[0]?.dir ?? root;
  const out: Record<string, unknown> = {};
  for (const { file, optional } of loads) {
    if (Object.hasOwn(out, file) || outsideFolder(file)) continue;
    let shadowed = false;
    // An override the check may not look at (outside the folder) may set anything: as if there.
    for (const o of optional) shadowed ||= outsideFolder(o) || (await fs.stat(join(dir, o)))?.isFile === true;
    if (shadowed || !(await fs.stat(join(dir, file)))?.isFile) continue;
    try {
      out[file] = parseYaml(await fs.readFile(join(dir, file)));
    } catch {
      // A file the module could not parse either: the server does not start.
    }
  }
  return out;
}

/** A path as written that leaves the folder it is relative to (`/etc/x.yml`, `../../x.yml`): workspace files are input, never a way out of it. */
function outsideFolder(file: string): boolean {
  return isAbsolute(file) || normalize(file).split(/[\\/]/)[0] === '..';
}

/**
 * tsoa.json's `routes.basePath` for a source root whose controllers tsoa's generated RegisterRoutes
 * registers (routes/tsoaRoutes.ts): from the first package at or above the root that has a tsoa.json.
 */
export async function tsoaRoutesBase(fs: FsLike, packages: () => Promise<PackageFile[]>, extracted: SourceScan['extracted']): Promise<string | undefined> {
  if (!extracted.some((e) => (e.x.controllerRegistrars ?? []).some((c) => c.source === TSOA_SOURCE))) return undefined;
  for (const { dir } of await packages()) {
    const config = await readJsonObject(fs, join(dir, TSOA_CONFIG));
    if (config !== undefined) return tsoaBasePath(config);
  }
  return undefined;
}

/** What joinRoutes reads of one source root's scan. */
interface ScannedRoot {
  root: string;
  modules: readonly ModuleDir[];
  entry: readonly string[] | undefined;
  files: readonly string[];
  extracted: SourceScan['extracted'];
  aliases: PathAlias[];
  /** The program the service starts serves no route (gather/startedEntry.ts startsNoServer): a worker of its own stage. */
  startsNoServer?: boolean;
}

/** What the package.json files and config files at or above a source root tell the route collection. */
export interface RouteTreeFacts {
  nestMajor?: number;
  settings?: Record<string, string>;
  exampleEnv?: ExampleEnv;
  tsoaBasePath?: string;
  openApiDocuments?: Record<string, OpenApiDocument>;
  yamlSettings?: Record<string, unknown>;
}

/**
 * A source root's RouteTreeFacts: the installed Nest major, node-config's defaults, an example env
 * file's values, tsoa's base path and the base paths of OpenAPI documents named by path, each read only when the root's scanned files need it.
 */
export async function routeTreeFacts(fs: FsLike, root: string, workspaceDir: string, extracted: SourceScan['extracted'], pkgs = packagesAbove(fs, root, workspaceDir)): Promise<RouteTreeFacts> {
  const nestMajor = await installedNestMajor(fs, pkgs, extracted);
  const settings = await nodeConfigSettings(fs, pkgs, extracted);
  const exampleEnv = await exampleEnvOf(fs, pkgs, extracted, workspaceDir);
  const tsoaBasePath = await tsoaRoutesBase(fs, pkgs, extracted);
  const openApiDocuments = await readOpenApiDocuments(fs, extracted);
  const yamlSettings = await yamlSettingsOf(fs, pkgs, root, extracted);
  return {
    ...(nestMajor !== undefined ? { nestMajor } : {}),
    ...(settings !== undefined ? { settings } : {}),
    ...(exampleEnv !== undefined ? { exampleEnv } : {}),
    ...(tsoaBasePath !== undefined ? { tsoaBasePath } : {}),
    ...(openApiDocuments !== undefined ? { openApiDocuments } : {}),
    ...(yamlSettings !== undefined ? { yamlSettings } : {}),
  };
}

/**
 * A source root's collected routes as its tree serves them: a Next.js app's only through what its
 * route handlers reach (appPackages.ts handlerServedRoutes), and, unless the service is a one-shot
 * job, the routes of files a framework loads itself (Strapi's routers, Moleculer's services: only the
 * gateways its runner loads, moleculerRunner.ts).
 */
export async function servedTreeRoutes(
  fs: FsLike,
  where: { root: string; workspaceDir: string; oneShot: boolean; serviceEnv?: ServiceEnv | undefined; ownProgram?: boolean },
  read: { files: readonly string[]; extracted: SourceScan['extracted']; aliases: PathAlias[] },
  collected: CollectedRoutes,
): Promise<CollectedRoutes> {
  // A program of its own the service starts (a WebSocket gateway's file beside a Next.js app): none of the app's file routes.
  const served = where.ownProgram === true ? collected : await handlerServedRoutes(fs, where.root, where.workspaceDir, read, collected, where.serviceEnv);
  if (where.oneShot) return served;
  const loaded = runnerLoadedGateways(read.extracted, where.serviceEnv);
  return { ...served, routes: [...served.routes, ...(await loadedRoutes(fs, loaded, packagesAbove(fs, where.root, where.workspaceDir)))] };
}

/**
 * A source root's routes joined across its files (with what the package.json files above it tell:
 * RouteTreeFacts, frameworks not read), and their warnings; `routes` false for a root read for its
 * files only (no notes of frameworks not read). `mapping`: the service's image's, whose Dockerfile's
 * ENV joins compose's environment; `running`: its running container, whose environment is taken
 * over both (gather/serviceEnv.ts).
 */
export async function joinRoutes(
  ctx: { fs: FsLike; log: LogSink | undefined; workspaceDir: string },
  spec: ServiceSpec,
  read: ScannedRoot,
  routes: boolean,
  mapping?: SourceMapping,
  running?: ContainerInfo,
): Promise<{ routes: RouteDef[]; warnings: string[] }> {
  const { root, extracted, aliases } = read;
  const pkgs = packagesAbove(ctx.fs, root, ctx.workspaceDir);
  const tree = { entry: read.entry, files: read.files, serviceEnv: await serviceEnvOf(ctx.fs, spec, ctx.workspaceDir, mapping, running), ...(await routeTreeFacts(ctx.fs, root, ctx.workspaceDir, extracted, pkgs)) };
  // A one-shot job (a migration), or a program reaching no server, runs the server's code but serves nothing: only declared routes.
  const servesNone = spec.oneShot === true || read.startsNoServer === true;
  const joined = collectRoutes(ctx.log, spec, root, read.modules, servesNone ? [] : extracted, aliases, tree);
  const where = { root, workspaceDir: ctx.workspaceDir, oneShot: servesNone, serviceEnv: tree.serviceEnv, ownProgram: startsOwnProgram(spec, read) };
  const collected = await servedTreeRoutes(ctx.fs, where, { files: read.files, extracted, aliases }, joined);
  // A gateway the runner does not load here declares its routes all the same: no note that none was found.
  const unread = routes ? await unreadFrameworkNotes(pkgs, collected.routes, extracted, unloadedGatewayFiles(extracted, tree.serviceEnv)) : [];
  return { routes: collected.routes, warnings: [...collected.warnings, ...unread] };
}

/** A framework's own server, or the build output a custom server hands requests to (`next`, `@remix-run/express`, `./build/handler.js`). */
const FRAMEWORK_SERVER_IMPORT = /^(?:next|nuxt|nitropack|h3|@remix-run\/|@react-router\/|@sveltejs\/|@tanstack\/)|(?:^|\/)(?:build|\.output|\.next|dist)\//;

/**
 * The service starts another program of its image than its sibling does (ServiceSpec.ownStart), a
 * file of the source root, and that file loads no framework server (a WebSocket gateway, a queue
 * worker): the file routes of the package around it (a Next.js app's route handlers) are not served.
 */
function startsOwnProgram(spec: ServiceSpec, read: ScannedRoot): boolean {
  if (spec.ownStart !== true || read.entry === undefined || read.entry.length === 0) return false;
  const entry = new Set(read.entry);
  return !read.extracted.some((e) => entry.has(e.file) && e.x.imports.some((i) => FRAMEWORK_SERVER_IMPORT.test(i.source)));
}

/**
 * The ports a service's server source listens on, where it says: `ports` for the service (its base
 * URL is the published port of one of them); `ofRoute` for a route of one of several apps the image
 * runs (pm2 starting each), that app's own, so each route is probed on its app's published port.
 */
export interface ListenPorts {
  ports?: readonly number[];
  ofRoute?: ReadonlyMap<RouteDef, readonly number[]>;
}

/** The declared routes by the base URL each is probed at: its app's published port when known, else the service's `base`. */
function byBaseUrl(spec: ServiceSpec, engineHost: string | undefined, base: string, declared: RouteDef[], listen: ListenPorts): Map<string, RouteDef[]> {
  const groups = new Map<string, RouteDef[]>();
  for (const route of declared) {
    const own = listen.ofRoute?.get(route);
    const url = (own && own.length > 0 ? resolveBaseUrl(spec, engineHost, own).url : undefined) ?? base;
    groups.set(url, [...(groups.get(url) ?? []), route]);
  }
  return groups;
}

/** Each group of routes probed at its base URL, one group after another (the concurrency limit holds for the service). */
async function probeEachApp(prober: ProberLike, groups: ReadonlyMap<string, RouteDef[]>, opts: ProbeRoutesOptions): Promise<Map<RouteDef, RouteProbeResult>> {
  const answers = new Map<RouteDef, RouteProbeResult>();
  for (const [url, routes] of groups) for (const [route, answer] of await probeRoutes(prober, url, routes, opts)) answers.set(route, answer);
  return answers;
}

/** Probes the declared routes (unless probing is off) and reports each with its answer. */
export async function probeServiceRoutes(
  prober: ProberLike,
  opts: ProbeOptions,
  spec: ServiceSpec,
  declared: RouteDef[],
  notRunning: string | undefined,
  listen: ListenPorts = {},
): Promise<Pick<ServiceEvidence, 'routes' | 'auth' | 'baseUrl'>> {
  const trust = opts.trust ?? NO_TRUST;
  const base = resolveBaseUrl(spec, trust.engineHost, listen.ports);
  const tokenEnv = spec.drift.auth?.bearerTokenEnv;
  // The compose file only names the variable; whether its value may be sent is the user's call.
  const stored = tokenEnv ? opts.token?.(tokenEnv, spec.name) : undefined;
  const refused = tokenEnv && stored === undefined ? refuseTokenVariable(tokenEnv, trust) : undefined;
  const token = tokenEnv && !refused ? (stored ?? opts.env[tokenEnv]) : undefined;
  const auth = tokenEnv ? { env: tokenEnv, present: Boolean(token), ...(refused ? { refused } : {}) } : null;
  const probing = opts.probe !== false && base.url !== undefined && notRunning === undefined;
  const results = probing
    ? await probeEachApp(prober, byBaseUrl(spec, trust.engineHost, base.url as string, declared, listen), {
        allowedMethods: opts.allowedMethods ?? [...SAFE_METHODS],
        trust,
        bearerToken: token || undefined,
        signal: opts.signal,
      })
    : undefined;
  const notProbed = opts.probe === false ? l10n.t('probing disabled (--no-probe)') : (notRunning ?? base.evidence);
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
      detail: res ? (res.outcome.detail ?? null) : (r.notServed ?? (r.prefixUnknown ? unknownPrefixReason() : notProbed)),
      ...(r.prefixUnknown ? { prefixUnknown: true as const } : {}),
      ...(r.notServed !== undefined ? { notServed: true as const } : {}),
    };
  });
  return { routes, auth, baseUrl: base.url ?? null };
}
