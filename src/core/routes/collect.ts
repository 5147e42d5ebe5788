// All routes of a service: extraction over every file, then the joins no single file knows
// (Nest's global prefix, Express/Fastify/Koa mounts across imports), the user's extra routes,
// de-duplicated and in a stable order so reports diff cleanly.
import { dropCompiledTwins } from './compiledTwins';
import { modulePathAliases } from './modulePaths';
import { pickedFunctions } from './keyLists';
import { applyMethodWrappers } from './methodWrapperRoutes';
import { posix } from 'node:path';
import { aliasMatch, resolvedKey } from './moduleResolution';
import { importNamed, starReexports } from './importIndex';
import * as l10n from '@vscode/l10n';
import { escapeRegExp } from '../escapeRegExp';
import { isExcluded } from './nestExclude';
import { HTTP_METHODS, type HttpMethod, type RouteDef } from '../model';
import type { Endpoint, ExtractedFile, ExtractedMount, ExtractedRoute, GivenObject, NestModuleDecl, SettingGuard, PrefixExclude, RouterModuleEntry, UriVersioning, HelperArg, FixedRegistration } from './extracted';
import { factoryRouteAt } from './routeFactories';
import { DEFAULT_FACTORY_INSTANCE, dropUnmetMemberGuards } from './unmetMemberGuards';
import { ANY_CLASS, CLASS_ROUTER, ENDPOINT_METHODS, NEUTRAL_VERSION, endpointPath, factoryMethod, guardsHold, mayHold, substituteParams, methodRouterName, routerMethodName, writtenName } from './extracted';
import { concat, APP_SETTING, ARG, CALLED, CALLED_TEMPLATE, DEFAULT_CALL, CONFIG_KEY, CONTRACT_PREFIX, CWD_FOLDER, ENV_READ, DEFAULT_OBJECT, SERVED_CONTRACT, EACH, IMPORTED_FOLDER, LISTED, OMIT, PER_ENTRY, SPREAD, SPREAD_ITEMS, VALUES, argRef, UNKNOWN_LOCAL, readsArgs, readsEnv, hasEach, NEW, hasParams, literalOf, paramRef, propOf, soleRef, str, type ConstValue, type Part, type Reference, type StrValue } from './values';
import { UNKNOWN_PREFIX, bracedPathToRoute, joinRoutePath, openApiPathToRoute, expandAlternativeSegments, stripParamPatterns, unknownPrefixPath, isRoutePath } from './joinPath';
import { isHttpMethod, parseRouteSpec, ROUTER_METHODS } from './routeSpec';
import { scanMessageText, scanWarningText, type ScanMessage } from '../scanTexts';
import { closureSettingDefault } from './settingClosure';
import { EMPTY_WHEN_UNSET, ENV_VALUE, URL_PATH, urlPathRefText } from './urlPathRefs';
import { NOT_KNOWN } from './guardTest';
import { configGuardedFile, yamlValueAt } from './configGuards';
import { decidedGuardWarning, envPathNote, envPathValue, GuardedRoutes, guardInEnv, notServedReason, settingGuardWarning, type GuardedSubject, type ServiceEnv } from './settingGuardWarnings';
import { addInheritedPathRoutes, type ClassFinder } from './inheritedPathRoutes';
import { addSetterPathRoutes } from './setterPathRoutes';
import { KEYS, keyText, routerMethodOf, type TableEntry } from './tableKeys';
import { SERVER_FRAMEWORKS } from './serverApps';
import { eachElementOptions, listElements, listParamAt, optionsForList, type Located } from './listElements';
import { ServerTrees, type ImportGraph } from './serverTrees';
import { TSOA_SOURCE } from './tsoaRoutes';
import type { OpenApiInit } from './openApiFramework';
import { openApiInitRoutes, type OpenApiScan } from './openApiJoin';
import { openApiDocKey, type OpenApiDocument } from './openApiDocument';
import { tsRestNestRoutes } from './tsRestNestRoutes';
import { loopbackMountedPrefix } from './loopbackRoutes';
import { dropUnansweredMatchOnly } from './matchOnlyServed';
import { MODULE_KEYS, entryText, listedFiles, listedFolder, listedNames, madeOfName } from './listedFolders';

export interface CollectOptions {
  /**
   * x-runtime-drift.routePrefix: all that goes before a Nest controller's path, instead of what
   * the source says (setGlobalPrefix and, under URI versioning, the version segment).
   */
  routePrefix?: string;
  /** Module name of a file, when it lives under the modules folder. */
  moduleOf: (file: string) => string | undefined;
  /** x-runtime-drift.routes: "GET /health", taken as full paths (no prefix applied). */
  extra?: string[];
  /** tsconfig `paths` (and `baseUrl`) as absolute patterns: how non-relative imports resolve. */
  aliases?: PathAlias[];
  /**
   * The file the service's container starts (gather/startedEntry.ts), when known: only the routes
   * of files it reaches through its mounts are served (one microservice of a shared tree). Several
   * when it starts several programs (`node server/index.js & node collector/index.js`): what each reaches.
   */
  entry?: string | readonly string[];
  /**
   * The entry is a program of the image other than its server (a worker a service starts from the
   * image another service builds and serves): when it reaches no route, it serves none, instead of
   * every file serving as for an entry whose server is reached some other way.
   */
  entryOnly?: true;
  /**
   * The tree's files, absolute: a loop over a folder listed at run time (`fs.readdirSync(dir)`)
   * registers one route per file there, named from the file (values.ts LISTED).
   */
  files?: readonly string[];
  /** The folder the server's process runs in (the service's source root): what a glob relative to it lists (values.ts CWD_FOLDER). */
  processDir?: string;
  /** The major of @nestjs/core the app's package installs (nestExclude.ts nestCoreMajor): how its setGlobalPrefix exclude list reads. */
  nestMajor?: number;
  /** node-config's defaults by dotted key (nodeConfig.ts): the text of `config.get('server.apiPath')`. */
  settings?: Readonly<Record<string, string>>;
  /**
   * A committed example of the environment (`.env.example`) beside the app's package.json, read
   * (gather/exampleEnv.ts): named in a warning about a value an environment variable decides,
   * never taken for that value.
   */
  exampleEnv?: ExampleEnv;
  /**
   * The environment the service runs with as its compose files declare it (gather/serviceEnv.ts):
   * tests of the environment a registration is made under are evaluated with it, and a prefix that
   * is an environment variable takes its value.
   */
  serviceEnv?: ServiceEnv;
  /** tsoa.json's `routes.basePath` (tsoaRoutes.ts): before each path tsoa's generated RegisterRoutes registers. */
  tsoaBasePath?: string;
  /** OpenAPI documents in files (hapi-openapi's `api`), by openApiDocKey, as gather/openApiDocs.ts read them. */
  openApiDocuments?: Readonly<Record<string, OpenApiDocument>>;
  /**
   * The YAML settings files settings modules load their defaults from (yamlSettings.ts), by their
   * path as written: only those found, with none of the files loaded under a test beside them.
   */
  yamlSettings?: Readonly<Record<string, unknown>>;
}

/** An example environment file, repository-relative as shown, and the variables it sets. */
export interface ExampleEnv {
  file: string;
  vars: Readonly<Record<string, string>>;
}

/** `"@server/*": ["../server/*"]` from a tsconfig, made absolute: pattern and targets hold at most one '*'. */
export interface PathAlias {
  pattern: string;
  targets: string[];
}

export interface CollectedRoutes {
  routes: RouteDef[];
  /** What was skipped or could not be joined, with file:line where known. */
  warnings: string[];
}

/** A router variable in a file; name '*' stands for every router in the file (a whole module mounted). */
interface RouterNode {
  key: string;
  name: string;
  /** Made by a call of the router factory `fn` of its file: what the call gives its parameters (argConditions.ts). */
  via?: { fn: string; given: ReadonlyArray<GivenObject | null> };
}

interface MountEdge {
  prefix: string;
  parent: RouterNode;
  child: RouterNode;
  /** The constructor arguments of a class mounted as `new X(a, 'b').router`, as text where known. */
  args?: Array<string | undefined>;
  /** The line of the mount call in the parent's file, for one read from a call. */
  line?: number;
  /** Made only under a test of the environment the service's environment makes fail (settingGuards.ts): why its routes are not served. */
  notServed?: string;
}

/** A file as a relative import names it from another's folder (`./settings/defaults.js`, `../defaults.js`). */
function fromFolder(fromKey: string, key: string): string {
  const rel = posix.relative(posix.dirname(fromKey), key);
  return rel.startsWith('../') ? rel : `./${rel}`;
}

/** A property name of a settings path (no marker of values.ts). */
const SETTING_NAME = /^[A-Za-z_$][\w$]*$/;

interface Scanned {
  file: string;
  /** The path with forward slashes: what relative imports resolve against. */
  key: string;
  x: ExtractedFile;
}

/** Parameters a function building a path is called with, at most, as collect.ts fills them (calledText). */
const MAX_CALL_ARGS = 16;

/** Guards against mount chains that loop or explode (a router mounted in itself). */
const MAX_MOUNT_DEPTH = 10;

/** Routes one loop over an imported array may stand for, at most: past it the loop is not read. */
const MAX_LOOP_EXPANSION = 500;

/**
 * Every route of a service, from its files already extracted one by one (extract.ts): a large
 * tree is never held as text, only as what each file declares.
 */
/**
 * Routes a plain Node server's handler answers by hand (ExtractedRoute.hand) are the app's only
 * when it has no framework routes or mounts: beside them, that handler serves another server (a
 * worker's health port, a dev tool's page server) the app's own address never reaches. A mount at
 * the root (`x.use(fn)`: a middleware, a router handed to a function, a tRPC procedure's
 * middleware) says nothing until what it mounts has routes, and a tRPC procedure's REST meta
 * (openApiMeta) is served only below a handler's mount: neither is a framework's route.
 */
function dropHandRoutesBesideFramework(scanned: Scanned[]): Scanned[] {
  const framework = scanned.some((s) => s.x.mounts.some((m) => m.prefix !== '/') || s.x.routes.some((r) => r.hand === undefined && !r.openApiMeta));
  if (framework) for (const s of scanned) if (s.x.routes.some((r) => r.hand)) s.x = { ...s.x, routes: s.x.routes.filter((r) => !r.hand) };
  return scanned;
}

/**
 * Mounts at a prefix that is an environment variable read whole (ExtractedMount.prefixEnv) the
 * service's environment sets: at its value, the warning of a prefix not known replaced by a note of
 * where it is set. A secret-looking variable is never taken into a path.
 */
function envPrefixedMounts(scanned: Scanned[], env: ServiceEnv | undefined, warnings: string[]): Scanned[] {
  if (!env) return scanned;
  const known = (m: ExtractedMount) => m.prefixEnv !== undefined && envPathValue(env, m.prefixEnv) !== undefined;
  for (const s of scanned) {
    const set = s.x.mounts.filter(known);
    if (set.length === 0) continue;
    const lines = new Set(set.map((m) => m.line));
    const mounts = s.x.mounts.map((m) => (known(m) ? { ...m, prefix: joinRoutePath(envPathValue(env, m.prefixEnv ?? '') ?? '') } : m));
    s.x = { ...s.x, mounts, warnings: s.x.warnings.filter((w) => !(w.id === 'mountPrefix' && lines.has(w.line ?? 0))) };
    for (const variable of new Set(set.map((m) => m.prefixEnv ?? ''))) warnings.push(envPathNote(s.file, env, variable));
  }
  return scanned;
}

/** Pending class mounts (`this.useWithMiddleware(path, router, mw)`) that some class method of that name makes: mounts. */
function confirmClassMounts(scanned: Scanned[]): Scanned[] {
  const made = new Set(scanned.flatMap((s) => Object.entries(s.x.mountMethods ?? {}).map(([name, sig]) => `${name}#${sig.pathArg}#${sig.routerArg}`)));
  if (made.size === 0) return scanned;
  for (const s of scanned) {
    const confirmed = (s.x.pendingClassMounts ?? []).filter((m) => made.has(`${m.method}#${m.pathArg}#${m.routerArg}`));
    if (confirmed.length > 0) s.x = { ...s.x, mounts: [...s.x.mounts, ...confirmed.map(({ method: _m, pathArg: _p, routerArg: _r, ...mount }) => mount)] };
  }
  return scanned;
}

/**
 * Pending method mounts (`router.addRelationRoutes(rolesScopes, 'scopes')` on an instance) of a
 * method some file of the scan declares as a method router (methodRouters.ts): mounts, resolved to
 * the instance's class as the others are (resolveClassMount).
 */
function confirmMethodMounts(scanned: Scanned[]): Scanned[] {
  const made = new Set(scanned.flatMap((s) => [...s.x.routes.map((r) => routerMethodName(r.router)), ...s.x.mounts.map((m) => routerMethodName(m.mountedOn))]));
  for (const s of scanned) {
    const confirmed = (s.x.pendingMethodMounts ?? []).filter((m) => made.has(m.routerName.slice(m.routerName.indexOf('#') + 1)));
    if (confirmed.length > 0) s.x = { ...s.x, mounts: [...s.x.mounts, ...confirmed] };
  }
  return scanned;
}

/** A route the source declares, at its full path (a prefix not known statically shown as such). */
function sourceRoute(r: { method: RouteDef['method']; line: number }, file: string, path: string, module: string | undefined): RouteDef {
  const known = stripParamPatterns(path);
  const unknown = unknownPrefixPath(known);
  const def: RouteDef = { method: r.method, path: unknown ?? known, file, line: r.line, origin: 'source' };
  if (module !== undefined) def.module = module;
  if (unknown !== undefined) def.prefixUnknown = true;
  return def;
}

/** oRPC procedures are answered where their OpenAPI handler is, under each prefix it is given (in any file of the scan). */
function underOrpcPrefixes(r: { orpc?: true }, paths: string[], prefixes: readonly string[]): string[] {
  return r.orpc && prefixes.length > 0 ? paths.flatMap((p) => prefixes.map((pre) => joinRoutePath(pre, p))) : paths;
}

/** trpc-to-openapi's procedure routes (ExtractedRoute.openApiMeta) and its handlers' mounts, as joined. */
interface OpenApiParts {
  metas: { r: ExtractedRoute; file: string; module: string | undefined }[];
  mounts: RouteDef[];
}

/**
 * Each procedure's REST route below each trpc-to-openapi handler's mount (`/api/*` -> `/api/v1/notes`);
 * a mount stays a subtree when the scan finds no procedure's meta, a meta without a mount is served nowhere.
 * A mount serves the procedures of the router its file reaches by the names it imports (`reaches`:
 * its own router's files, not those of another package's router whose helpers it imports through
 * the same barrel); all of them when it reaches none (the router handed in from elsewhere).
 */
function openApiRoutes({ metas, mounts }: OpenApiParts, reaches: (mountFile: string) => ReadonlySet<string>): RouteDef[] {
  if (metas.length === 0) return mounts;
  return mounts.flatMap((m) => {
    const reached = m.file !== undefined ? reaches(toSlash(m.file)) : undefined;
    const own = metas.filter(({ file }) => reached?.has(toSlash(file)));
    return (own.length > 0 ? own : metas).map(({ r, file, module }) => sourceRoute(r, file, joinRoutePath(m.path.replace(/\/\*$/, ''), r.path), module));
  });
}

/** namedImportClosure of each file asked, worked out once. */
function importClosures(byKey: Map<string, Scanned>, aliases: PathAlias[]): (key: string) => ReadonlySet<string> {
  const closures = new Map<string, Set<string>>();
  return (key) => closures.get(key) ?? closures.set(key, namedImportClosure(key, byKey, aliases)).get(key) ?? new Set<string>();
}

/**
 * The files a file reaches through the names it imports, each followed to the file declaring it
 * (through re-export barrels: followExport), then on through that file's own imports; a barrel's
 * other exports are not reached. Re-exports of a reached file pass names on and are not followed.
 */
function namedImportClosure(start: string, byKey: Map<string, Scanned>, aliases: PathAlias[]): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    const from = byKey.get(key);
    for (const imp of from?.x.imports ?? []) {
      if (imp.local.startsWith('*reexport*')) continue;
      const target = from && followExport(from, imp, undefined, byKey, aliases, 0)?.target;
      if (target && !seen.has(target.key)) {
        seen.add(target.key);
        queue.push(target.key);
      }
    }
  }
  return seen;
}

export function collectExtracted(extracted: { file: string; x: ExtractedFile }[], opts: CollectOptions): CollectedRoutes {
  // Bare module names an app-module-path call lets resolve below a folder, beside the tsconfig's aliases.
  const sources = dropCompiledTwins(extracted, toSlash);
  const added = modulePathAliases(sources);
  return collectWithAliases(sources, added.length > 0 ? { ...opts, aliases: [...(opts.aliases ?? []), ...added] } : opts);
}

function collectWithAliases(extracted: { file: string; x: ExtractedFile }[], opts: CollectOptions): CollectedRoutes {
  const warnings: string[] = [];
  const scanned: Scanned[] = envPrefixedMounts(applyMethodWrappers(dropHandRoutesBesideFramework(dropUnansweredMatchOnly(confirmMethodMounts(confirmClassMounts(extracted.map((f) => ({ file: f.file, key: toSlash(f.file), x: f.x })))), warnings))), opts.serviceEnv, warnings);
  const unknownMounts = fileWarnings(withSetterPathRoutes(scanned, opts.aliases ?? []), warnings, opts.aliases ?? []);
  const byKey = new Map(scanned.map((s) => [s.key, s]));
  dropUnmadeRouters(scanned, byKey, opts.aliases ?? []);
  madeReceiverWarnings(scanned, warnings);
  expandListedImports(resolveProcessFolders(resolveImportedFolders(scanned, byKey, opts.aliases ?? []), opts.processDir), opts.files ?? []);
  addListedRoutes(scanned, byKey, opts.aliases ?? [], warnings);
  const resolver = new ValueResolver(scanned, byKey, opts.aliases ?? [], opts.files ?? [], opts.settings ?? {}, opts.exampleEnv, opts.openApiDocuments ?? {}, opts.serviceEnv, opts.yamlSettings ?? {});
  // Paths and prefixes built from other files' constants (or config defaults) are resolved now
  // that every file is known; what still cannot be known is a warning with file and line.
  // Routers made by a factory given their prefix (`mod('/users')`) first take it; then tests of configuration
  // flags another file commits (`if (config.files.enable)`): its values decide them.
  for (const s of applyFactoryPrefixes(scanned, byKey, opts.aliases ?? [], resolver, warnings)) s.x = resolver.withConfigDefaults(s, resolver.resolveFile(s, warnings) ?? s.x);

  const sourcePrefixes = scanned.filter((s) => s.x.globalPrefix !== undefined);
  const distinct = [...new Set(sourcePrefixes.map((s) => s.x.globalPrefix))];
  // Several apps, each from its own root module with its own prefix: each controller takes its apps' prefixes.
  const entries = opts.routePrefix === undefined ? nestEntries(scanned, sourcePrefixes) : [];
  if (opts.routePrefix === undefined && distinct.length > 1 && entries.length === 0)
    warnings.push(scanMessageText({ id: 'severalGlobalPrefixes', args: [distinct.join(', '), distinct[0] ?? '', sourcePrefixes[0]?.file ?? ''] }));
  const globalPrefix = opts.routePrefix !== undefined ? joinRoutePath(opts.routePrefix) : loopbackMountedPrefix(startedLoopbackMount(scanned, byKey, opts), distinct[0]);
  const exclude = sourcePrefixes.flatMap((s) => s.x.globalPrefixExclude ?? []);
  const versioning = opts.routePrefix === undefined ? versioningOf(scanned, warnings) : undefined;

  dropUnmetMemberGuards(scanned, (s, local) => classMembersOf(s, local, byKey, opts.aliases ?? []), unknownServiceClass(warnings));
  addImportedRoutes(scanned, byKey, opts.aliases ?? [], resolver, warnings);
  const edges = dropEmptyUnknownMounts(warnings, unknownMounts, mountEdges(scanned, byKey, warnings, opts.aliases ?? [], resolver), byKey);
  const moduleMounts = controllerPrefixes(scanned, byKey, opts.aliases ?? []);
  const envRules = serviceEnvRules(scanned, byKey, opts, { edges, unknownRouters: unknownPrefixRouters(scanned, byKey, opts.aliases ?? [], warnings), resolver, registered: registeredControllers(scanned, byKey, opts.aliases ?? []) });
  const { prefixesOf, registered } = envRules;
  const ownDecorated = ownDecoratorPaths(scanned, byKey, opts.aliases ?? [], prefixesOf, warnings, opts.tsoaBasePath ?? scanned.find((s) => s.x.tsoaBasePath !== undefined)?.x.tsoaBasePath);
  const routes: RouteDef[] = [];
  const { served, servesNone } = servedByEntry(opts, edges, byKey);
  const orpcPrefixes = [...new Set(scanned.flatMap((s) => s.x.orpcPrefixes ?? []))];
  const unserved = new Set([...unservedRouters(scanned, byKey, opts.aliases ?? [], edges), ...unpickedTableRouters(scanned, edges)]);
  const unused = unusedRouteFunctions(scanned, byKey, opts.aliases ?? [], edges);
  const openApi: OpenApiParts = { metas: [], mounts: [] };
  const trees = new ServerTrees(edges, importGraph(scanned, byKey, opts.aliases ?? []));
  const guarded = new GuardedRoutes();
  for (const s of scanned) {
    const outside = served !== undefined && !served.has(s.key);
    const unreachable = unmountedRelative(s, edges);
    if (!outside) for (const [router, rs] of unreachable) warnings.push(scanWarningText(s.file, { id: 'relativeUnmounted', args: [router, rs.map((r) => r.path.slice(1)).join(', ')], line: rs[0]?.line ?? 0 }));
    for (const r of s.x.routes) {
      const module = opts.moduleOf(r.declaredIn ?? s.file); // read from another file (express-openapi's path modules): that file's module
      if (r.openApiMeta) {
        openApi.metas.push({ r, file: r.declaredIn ?? s.file, module });
        continue;
      }
      // Nest controllers are served by the app their module reaches (nestEntries), not through mounts.
      if (unused.has(r) || (r.router !== undefined && (unreachable.has(r.router) || unserved.has(`${s.key}#${r.router}`))) || (outside && (r.kind !== 'nest' || servesNone)) || (r.kind === 'nest' && !isRegistered(registered, s, r))) continue;
      const nestRoute = (prefix: string | undefined, excluded: PrefixExclude[]) =>
        nestPaths({ ...r, path: joinRoutePath((moduleMounts.get(`${s.key}#${r.controller ?? ''}`) ?? moduleMounts.get(`#${r.controller ?? ''}`)) ?? '', r.path) }, prefix, excluded, versioning, opts.nestMajor);
      const serving = r.kind === 'nest' ? entries.filter((e) => e.controllers.has(r.controller ?? '')) : [];
      const paths =
        r.kind !== 'nest'
          ? routerPaths(s, r, edges, prefixesOf, resolver, warnings).flatMap(expandAlternativeSegments)
          : (ownDecorated(s, r) ?? (serving.length > 0 ? [...new Set(serving.flatMap((e) => nestRoute(e.prefix, e.exclude)))] : nestRoute(globalPrefix, exclude)));
      // A test the service's environment decides: no warning; where it fails, listed as not served.
      const whyNot = envRules.whyNot(s, r, paths);
      for (const path of underOrpcPrefixes(r, paths, orpcPrefixes)) (r.openApiMount ? openApi.mounts : routes).push(trees.at(notServedAs(sourceRoute(r, r.declaredIn ?? s.file, path, module), whyNot(path)), r.kind !== 'nest' ? s.key : undefined));
      if (r.onlyWhen && !envRules.decides(r.onlyWhen)) for (const path of underOrpcPrefixes(r, paths, orpcPrefixes)) guarded.add(s.file, r.onlyWhen, `${r.method} ${path}`);
    }
  }
  warnings.push(...resolver.envNotes(), ...guarded.warnings(), ...guardedMountWarnings(scanned, edges, byKey, guarded, opts.serviceEnv), ...guardedModuleWarnings(scanned, registered, opts.serviceEnv));
  return { routes: sortRoutes(trees.dedupe(withListedPaths(servedFirst([...routes, ...openApiRoutes(openApi, importClosures(byKey, opts.aliases ?? []))]), configRoutes(opts.extra ?? [], warnings)))), warnings: [...new Set(servedWarnings(warnings, scanned, served, servesNone))] }; // one per text: a registration read once per element of a loop is warned of once
}

/**
 * The warnings of the files the started file reaches (servedByEntry): a file it never loads serves
 * none of its routes here, so what the scan could not read in it says nothing of this service (a
 * worker of the api's image is not warned of the api's mounts). Every warning where all files
 * serve, and where Nest controllers serve by their modules, not by imports, unless none is served.
 */
function servedWarnings(warnings: string[], scanned: readonly Scanned[], served: Set<string> | undefined, servesNone: boolean): string[] {
  if (served === undefined || (!servesNone && scanned.some((s) => s.x.routes.some((r) => r.kind === 'nest')))) return warnings;
  const outside = new Set(scanned.filter((s) => !served.has(s.key)).map((s) => s.file));
  return warnings.filter((w) => !outside.has(/^(.*?):\d+:/.exec(w)?.[1] ?? ''));
}

/** A route the service does not serve under one test is left out where another registration of it serves (`if (x) app.get('/a', a) else app.get('/a', b)`). */
function servedFirst(routes: RouteDef[]): RouteDef[] {
  const served = new Set(routes.filter((r) => r.notServed === undefined).map((r) => `${r.method} ${r.path}`));
  return routes.filter((r) => r.notServed === undefined || !served.has(`${r.method} ${r.path}`));
}

/** The URI versioning of the first file enabling it; a warning when files enable it with different options. */
function versioningOf(scanned: readonly Scanned[], warnings: string[]): UriVersioning | undefined {
  const versioned = scanned.filter((s) => s.x.uriVersioning !== undefined);
  const versionings = [...new Set(versioned.map((s) => JSON.stringify(s.x.uriVersioning)))];
  if (versionings.length > 1) warnings.push(scanMessageText({ id: 'severalVersionings', args: [versioned[0]?.file ?? ''] }));
  return versioned[0]?.x.uriVersioning;
}

/** The environment variable a value is, when it is one place of a constant that keeps one (ExtractedFile.envReads), of this file or imported. */
function envVariableOf(s: Scanned, v: ConstValue, byKey: Map<string, Scanned>, aliases: PathAlias[]): string | undefined {
  const part = v.kind === 'str' && v.parts.length === 1 ? v.parts[0] : undefined;
  const ref = typeof part === 'object' && !part.ref.args && !part.ref.truthy && !part.ref.oneOf ? part.ref : undefined;
  if (!ref) return undefined;
  const own = s.x.envReads?.[[ref.local, ...ref.path].join('.')];
  const imp = importNamed(s.x.imports, ref.local);
  if (own !== undefined || !imp) return own;
  const member = imp.imported === '*' ? ref.path[0] : undefined;
  const found = followExport(s, imp, member, byKey, aliases, 0);
  return found?.name !== undefined ? found.target.x.envReads?.[[found.name, ...(imp.imported === '*' ? ref.path.slice(1) : ref.path)].join('.')] : undefined;
}

/** The scan's files, each with the files of the scan it imports (resolved as mounts resolve them). */
/**
 * The path Express serves the LoopBack app under (`app.use('/api', lbApp.requestHandler)`), of a file
 * the started program imports: LoopBack's generated `src/server.ts` that nothing imports, beside an
 * `index.ts` starting the application itself, mounts nothing where the image runs that index.
 */
function startedLoopbackMount(scanned: readonly Scanned[], byKey: ReadonlyMap<string, Scanned>, opts: CollectOptions): string | undefined {
  const mounting = scanned.filter((s) => s.x.loopbackMount !== undefined);
  if (opts.entry === undefined || mounting.length === 0) return mounting[0]?.x.loopbackMount;
  const graph = importGraph(scanned, byKey, opts.aliases ?? []);
  const reached = new Set<string>();
  const todo = (typeof opts.entry === 'string' ? [opts.entry] : opts.entry).map(toSlash).filter((k) => byKey.has(k));
  // An entry the scan does not hold (a file outside its set): what it imports is not known, every mount stays.
  if (todo.length === 0) return mounting[0]?.x.loopbackMount;
  for (let key = todo.pop(); key !== undefined; key = todo.pop()) {
    if (reached.has(key)) continue;
    reached.add(key);
    todo.push(...graph.importsOf(key));
  }
  return mounting.find((s) => reached.has(s.key))?.x.loopbackMount;
}

function importGraph(scanned: readonly Scanned[], byKey: ReadonlyMap<string, Scanned>, aliases: readonly PathAlias[]): ImportGraph {
  return {
    keys: scanned.map((s) => s.key),
    importsOf: (key) => [...new Set(byKey.get(key)?.x.imports.map((i) => i.source))].flatMap((source) => resolveModule(key, source, byKey, aliases)?.key ?? []),
  };
}

/** A warning of a mount whose prefix is not known statically, at index `at` of the warnings. */
interface UnknownMountWarning {
  at: number;
  key: string;
  line: number;
}

/**
 * A mount of what an instance of a package's class gives (`board.getRouter()` of `new ExpressAdapter()`
 * imported from `@bull-board/express`, no alias of the scan's): code the scan does not read, so
 * whether it serves routes is not known, and a warning of its prefix stays.
 */
function packageClassMount(s: Scanned, m: ExtractedMount, aliases: PathAlias[]): boolean {
  if (!m.routerName.startsWith('new ')) return false;
  const source = importNamed(s.x.imports, m.routerName.slice(4).split('#')[0] ?? '')?.source;
  return source !== undefined && !/^[.~#]|^@\//.test(source) && !aliases.some((a) => aliasMatch(a, source) !== undefined);
}

/** Each file's own warnings, in line order (a chain's outer call is visited first); those of mounts at a prefix not known statically, for dropEmptyUnknownMounts. */
function fileWarnings(scanned: Scanned[], warnings: string[], aliases: PathAlias[]): UnknownMountWarning[] {
  const unknownMounts: UnknownMountWarning[] = [];
  for (const s of scanned)
    for (const w of [...s.x.warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
      if (w.on !== undefined) continue;
      if (w.id === 'mountPrefix' && s.x.mounts.some((m) => m.line === w.line && !packageClassMount(s, m, aliases))) unknownMounts.push({ at: warnings.length, key: s.key, line: w.line ?? 0 });
      warnings.push(scanWarningText(s.file, w));
    }
  return unknownMounts;
}

/** The warnings about a receiver some call made (ScanWarning.on), of those dropUnmadeRouters kept: about a router. */
function madeReceiverWarnings(scanned: Scanned[], warnings: string[]): void {
  for (const s of scanned) for (const w of s.x.warnings) if (w.on !== undefined) warnings.push(scanWarningText(s.file, w));
}

/**
 * A mount prefix not known statically matters only where what is mounted there declares routes or
 * mounts more: of middleware (`app.use(`${base}/api`, (req, res, next) => ...)`) or a package
 * nothing is shown under it, so its warning goes too.
 */
function dropEmptyUnknownMounts(warnings: string[], unknownMounts: UnknownMountWarning[], edges: MountEdge[], byKey: Map<string, Scanned>): MountEdge[] {
  for (const w of [...unknownMounts].reverse()) if (!mountsRoutes(edges, byKey, w.key, w.line)) warnings.splice(w.at, 1);
  return edges;
}

/** Whether the mount of file `key` at `line` brings in a router that declares routes or mounts more. */
function mountsRoutes(edges: readonly MountEdge[], byKey: ReadonlyMap<string, Scanned>, key: string, line: number): boolean {
  const of = (node: RouterNode, name: string | undefined) => node.name === '*' || name === node.name;
  const serves = (node: RouterNode) => byKey.get(node.key)?.x.routes.some((r) => of(node, r.router)) === true || edges.some((e) => e.parent.key === node.key && of(node, e.parent.name));
  return edges.some((e) => e.parent.key === key && e.line === line && serves(e.child));
}

/** The mounts made only when a test of settings holds (settingGuards.ts) that bring in routes: a warning each, unless the routes under that test are told already. */
function guardedMountWarnings(scanned: readonly Scanned[], edges: readonly MountEdge[], byKey: ReadonlyMap<string, Scanned>, told: GuardedRoutes, env: ServiceEnv | undefined): string[] {
  // One a test, naming each call's router: of `app.use('/x', auth, router)` the last argument.
  const byGuard = new Map<string, { file: string; guard: SettingGuard; byCall: Map<string, { router: string; prefix: string }> }>();
  for (const s of scanned)
    for (const m of s.x.mounts) {
      if (!m.onlyWhen || told.has(s.file, m.onlyWhen) || !mountsRoutes(edges, byKey, s.key, m.line)) continue;
      const key = `${s.key}\0${m.onlyWhen.line}\0${m.onlyWhen.code}`;
      const group = byGuard.get(key) ?? { file: s.file, guard: m.onlyWhen, byCall: new Map() };
      byGuard.set(key, group);
      // A router handed to a function (`setupDocs(app)`, mounts.ts's `setupDocs#0`): the call.
      group.byCall.set(`${m.line}\0${m.prefix}`, { router: m.routerName.replace(/#\d.*$/, '(…)'), prefix: m.prefix });
    }
  return [...byGuard.values()].flatMap((g) => decidedOrWarned(g.file, { kind: 'mount', mounts: [...g.byCall.values()] }, g.guard, env));
}

/** The warning of a guarded mount or module: none when the service's environment makes its test hold, a note when it makes it fail, else the warning. */
function decidedOrWarned(file: string, subject: Exclude<GuardedSubject, { kind: 'routes' }>, guard: SettingGuard, env: ServiceEnv | undefined): string[] {
  const decided = guardInEnv(guard, env);
  if (!decided) return [scanWarningText(file, settingGuardWarning(subject, guard))];
  // Decided by the committed configuration alone (no variable of the environment set): said on the routes (notServedReason), as with no environment.
  return decided.holds || !env || decided.set === '' ? [] : [scanWarningText(file, decidedGuardWarning(subject, guard, env, decided.set))];
}

/**
 * The Nest modules and controllers a module lists only when a test of settings holds, of those whose
 * controllers the app registers and that declare routes: a warning each.
 */
function guardedModuleWarnings(scanned: readonly Scanned[], registered: Set<string> | undefined, env: ServiceEnv | undefined): string[] {
  const modules = new Map<string, NestModuleDecl>();
  for (const s of scanned) for (const [name, m] of Object.entries(s.x.nestModules ?? {})) if (!modules.has(name)) modules.set(name, m);
  const routed = new Set(scanned.flatMap((s) => s.x.routes.filter((r) => r.kind === 'nest' && isRegistered(registered, s, r)).map((r) => r.controller ?? '')));
  const serves = (name: string, seen: Set<string>): boolean => {
    if (routed.has(name)) return true;
    const m = modules.get(name);
    if (!m || seen.has(name)) return false;
    seen.add(name);
    return m.controllers.some((c) => routed.has(c)) || m.imports.some((i) => serves(i, seen));
  };
  // One a test: the modules and controllers it lists that serve.
  const byGuard = new Map<string, { file: string; guard: SettingGuard; names: string[] }>();
  for (const s of scanned)
    for (const m of Object.values(s.x.nestModules ?? {}))
      for (const [name, g] of Object.entries(m.onlyWhen ?? {})) {
        if (!serves(name, new Set())) continue;
        const key = `${s.key}\0${g.line}\0${g.code}`;
        const known = byGuard.get(key);
        if (known) known.names.push(name);
        else byGuard.set(key, { file: s.file, guard: g, names: [name] });
      }
  return [...byGuard.values()].flatMap((b) => decidedOrWarned(b.file, { kind: 'modules', names: b.names }, b.guard, env));
}

/**
 * The source routes and those x-runtime-drift.routes lists. A listed route that fills a source
 * route's unknown prefix (`GET /api/v2/users/:userId` for `GET /api/…/users/:id`: same method,
 * its known parts around the …) stands for it: probed at that path, at the handler's file and line.
 */
function withListedPaths(routes: RouteDef[], listed: RouteDef[]): RouteDef[] {
  const shape = (p: string) => p.replace(/:[^/]+/g, ':');
  // The known parts in order, any segments where each … is.
  const fills = (unknown: RouteDef, full: RouteDef) =>
    full.method === unknown.method && new RegExp(`^${shape(unknown.path).split(`/${UNKNOWN_PREFIX}`).map(escapeRegExp).join('(?:/.+)?')}$`).test(shape(full.path));
  const filled = new Set<RouteDef>();
  const placed = listed.map((full) => {
    const source = routes.find((u) => u.prefixUnknown && !filled.has(u) && fills(u, full));
    if (!source) return full;
    filled.add(source);
    const { prefixUnknown: _unknown, ...known } = source;
    return { ...known, path: full.path };
  });
  return [...routes.filter((r) => !filled.has(r)), ...placed];
}

/** The routes `x-runtime-drift.routes` lists; a malformed entry is a warning. */
function configRoutes(extra: readonly string[], warnings: string[]): RouteDef[] {
  const out: RouteDef[] = [];
  for (const entry of extra) {
    const parsed = parseRouteSpec(entry);
    if ('error' in parsed) warnings.push(l10n.t('x-runtime-drift.routes: {0}; skipped', parsed.error));
    else out.push({ method: parsed.method, path: parsed.path, origin: 'config' });
  }
  return out;
}

/** A route whose path refers to a value not found: what the source wrote, when the scan kept it. */
function routeValueMessage(r: ExtractedRoute): ScanMessage & { line: number } {
  return r.pathCode !== undefined ? { id: 'routeValueCode', args: [r.method, r.pathCode], line: r.line } : { id: 'routeValue', args: [r.method], line: r.line };
}

/**
 * Where a router's route is served: under each prefix its router is mounted at. One whose path is
 * built from its class's constructor parameters, under each mount of an instance (`new
 * ContextController(config, services, 'project').router`), with that instance's arguments (or the
 * parameters' defaults) in its path.
 */
function routerPaths(s: Scanned, r: ExtractedRoute, edges: MountEdge[], prefixesOf: PrefixesOf, resolver: ValueResolver, warnings: string[]): string[] {
  const node = { key: s.key, name: r.router ?? '' };
  const value = r.pathValue;
  // Registered under conditions on its factory's options: not where the call making the instance rules them out.
  const when = r.when;
  const keep = when ? (e: MountEdge) => e.child.via === undefined || mayHold(when, e.child.via.fn, e.child.via.given) : undefined;
  if (!value) return prefixesOf(node, keep).map((p) => joinRoutePath(p, r.path));
  const incoming = keep ? incomingOf(edges, node).filter(keep) : incomingOf(edges, node);
  const defaults = s.x.constructorDefaults?.[node.name] ?? [];
  const out: string[] = [];
  for (const e of incoming.length > 0 ? incoming : [undefined]) {
    // An argument passed but not known leaves its reference, so the path is not known either.
    const passed = e?.args ?? [];
    // A path of the function's own parameters (givenPath) takes every argument the call hands in.
    const places = r.givenPath !== undefined ? Math.max(defaults.length, MAX_CALL_ARGS) : defaults.length;
    const args = Array.from({ length: places }, (_, i) => {
      const text = passed[i];
      return text !== undefined ? str(text) : i < passed.length ? paramRef(i) : (defaults[i] ?? paramRef(i));
    });
    const filled = substituteParams(value, args);
    const known = r.givenPath !== undefined && hasParams(filled) ? undefined : resolver.texts(s, filled);
    const underUnknown = known === undefined ? (r.givenPath?.path ?? resolver.afterUnknownUrlPath(s, r, warnings)) : undefined;
    const unfilled = known === undefined && r.givenPath ? scanWarningText(s.file, { ...r.givenPath.warning, line: r.line }) : undefined;
    if (unfilled !== undefined && !warnings.includes(unfilled)) warnings.push(unfilled);
    const texts = known ?? (underUnknown !== undefined ? [underUnknown] : undefined);
    if (texts === undefined) {
      warnings.push(scanWarningText(s.file, routeValueMessage(r)));
      continue;
    }
    const prefixes = e ? prefixesOf(e.parent).map((p) => joinRoutePath(p, e.prefix)) : [''];
    for (const p of prefixes) for (const t of texts) out.push(joinRoutePath(p, t));
  }
  return out;
}

/** A route as not served, why given. */
function notServedAs(route: RouteDef, why: string | undefined): RouteDef {
  return why === undefined ? route : { ...route, notServed: why };
}

/**
 * The prefixes each router is served under and the Nest controllers registered (as joined), with
 * what the service's environment (CollectOptions.serviceEnv) decides of the routes: whether it
 * decides a test, and for a route, why each of its paths is not served (its own test fails, a mount
 * or a Nest module list bringing it in is made only under one that fails), undefined for one served.
 */
function serviceEnvRules(
  scanned: Scanned[],
  byKey: Map<string, Scanned>,
  opts: CollectOptions,
  joined: { edges: MountEdge[]; unknownRouters: Set<string>; resolver: ValueResolver; registered: Set<string> | undefined },
): { prefixesOf: PrefixesOf; registered: Set<string> | undefined; decides(g: SettingGuard): boolean; whyNot(s: Scanned, r: ExtractedRoute, paths: readonly string[]): (path: string) => string | undefined } {
  const env = opts.serviceEnv;
  const { edges, resolver } = joined;
  const servedPrefixes = mountPrefixes(edges, joined.unknownRouters, true);
  const throughMounts = notServedMounts(edges, byKey, env, (s, r) => routerPaths(s, r, edges.filter((e) => e.notServed === undefined), servedPrefixes, resolver, []));
  const unlisted = notServedControllers(scanned, byKey, opts.aliases ?? [], joined.registered, env);
  return {
    prefixesOf: mountPrefixes(edges, joined.unknownRouters),
    registered: joined.registered,
    decides: (g) => guardInEnv(g, env) !== undefined,
    whyNot(s, r, paths) {
      const decided = r.onlyWhen ? guardInEnv(r.onlyWhen, env) : undefined;
      const own = r.onlyWhen && decided && !decided.holds ? notServedReason(r.onlyWhen, env, decided.set) : r.kind === 'nest' ? unlisted?.(s, r) : undefined;
      const mounted = r.kind !== 'nest' && own === undefined ? throughMounts?.(s, r, paths) : undefined;
      return (path) => own ?? mounted?.get(path);
    },
  };
}

/**
 * The mounts made only under a test of the environment that the service's environment makes fail
 * (ExtractedMount.onlyWhen), marked on their edges; and, when there is one, for a route, each of
 * its paths that only such a mount gives, with why (`served`: its paths through the other mounts).
 */
function notServedMounts(
  edges: MountEdge[],
  byKey: ReadonlyMap<string, Scanned>,
  env: ServiceEnv | undefined,
  served: (s: Scanned, r: ExtractedRoute) => string[],
): ((s: Scanned, r: ExtractedRoute, paths: readonly string[]) => Map<string, string>) | undefined {
  let any = false;
  for (const e of edges) {
    const guard = e.line !== undefined ? byKey.get(e.parent.key)?.x.mounts.find((m) => m.line === e.line && m.onlyWhen)?.onlyWhen : undefined;
    const decided = guard ? guardInEnv(guard, env) : undefined;
    if (!guard || !decided || decided.holds) continue;
    e.notServed = notServedReason(guard, env, decided.set);
    any = true;
  }
  if (!any) return undefined;
  return (s, r, paths) => {
    const kept = new Set(served(s, r));
    const reason = firstNotServed(edges, { key: s.key, name: r.router ?? '' });
    return new Map(reason === undefined ? [] : paths.filter((p) => !kept.has(p)).map((p) => [p, reason]));
  };
}

/** The reason of the nearest mount ruled out above a router, walking its mounts up. */
function firstNotServed(edges: MountEdge[], node: RouterNode, depth = 0): string | undefined {
  if (depth > MAX_MOUNT_DEPTH) return undefined;
  for (const e of incomingOf(edges, node)) {
    const found = e.notServed ?? firstNotServed(edges, e.parent, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * What the started file serves (servedFrom), undefined for every file; for a program of the image
 * other than its server (`entryOnly`) reaching no route file, nothing (`servesNone`: no Nest app's either).
 */
function servedByEntry(opts: CollectOptions, edges: MountEdge[], byKey: ReadonlyMap<string, Scanned>): { served: Set<string> | undefined; servesNone: boolean } {
  if (opts.entry === undefined) return { served: undefined, servesNone: false };
  const served = new Set<string>();
  // Several programs: the files any of them serves; every file when one of them restricts nothing.
  for (const entry of typeof opts.entry === 'string' ? [opts.entry] : opts.entry) {
    const own = servedFrom(byKey.get(toSlash(entry)), edges, byKey, opts.aliases ?? []) ?? (opts.entryOnly ? new Set<string>() : undefined);
    if (own === undefined) return { served: undefined, servesNone: false };
    for (const key of own) served.add(key);
  }
  return { served, servesNone: opts.entryOnly === true && served.size === 0 };
}

/**
 * The files an entry file serves routes of: itself, the router roots it imports (a file declaring
 * routes or mounting a router: the entry starts that server too, `await startApiServer()` beside
 * its own metrics server), itself or through a module it imports that only gathers them, and what their routers mount, through every mount below.
 * An entry declaring no route and mounting nothing starts the app some other way (`require('./server').listen()`,
 * a bootstrap function): the roots its imports reach, across files (importedRoots). Undefined (every
 * file serves) when no file of the set declares a route (its routers dispatch through a table the
 * mounts do not show; the entry reaches its server through a file the scan does not hold). A file outside the set
 * (another microservice's) gives none of its routes and none of their warnings.
 */
function servedFrom(entry: Scanned | undefined, edges: MountEdge[], byKey: ReadonlyMap<string, Scanned>, aliases: readonly PathAlias[]): Set<string> | undefined {
  const isRoot = (s: Scanned) => s.x.routes.length > 0 || edges.some((e) => e.parent.key === s.key);
  if (!entry) return undefined;
  const rootsOf = (from: Scanned): Scanned[] => [...new Set([...from.x.imports.map((i) => i.source), ...(from.x.loads ?? [])])].flatMap((source) => {
    const imported = resolveModule(from.key, source, byKey, aliases);
    return imported ? [imported] : [];
  });
  // `app.use(helmet())` in a Nest main.ts mounts nothing: only a route or a resolved mount makes the entry a router root.
  const served = isRoot(entry) ? new Set([entry.key]) : importedRoots(entry, rootsOf, isRoot);
  // The entry, or each server it reaches through a bootstrap (`initServer()` in ./server, which also
  // starts the metrics server of the module it imports: `metricsServer.listen()`), starts the router roots it imports.
  const starters = isRoot(entry) ? [entry] : [...served].flatMap((key) => byKey.get(key) ?? []);
  for (const starter of starters)
    for (const imported of rootsOf(starter)) {
      if (isRoot(imported)) served.add(imported.key);
      // A module gathering router files for the entry to register (`const routes = require('./api')`,
      // then `_.each(routes, (register) => register(app))`): the roots it imports are the entry's too.
      else for (const gathered of rootsOf(imported)) if (isRoot(gathered)) served.add(gathered.key);
    }
  for (const key of listeningRoots(served, byKey, rootsOf, isRoot)) served.add(key);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of edges) {
      if (!served.has(e.parent.key) || served.has(e.child.key)) continue;
      served.add(e.child.key);
      grew = true;
    }
  }
  // A served router mounting in a loop over values not known (`for (const c of controllers)
  // app.use('/', c.router)`): what it mounts may be any router, so every file serves.
  if ([...served].some((key) => byKey.get(key)?.x.warnings.some((w) => w.id === 'loopMount'))) return undefined;
  // Mounts reaching no route declaration (`app.use(routeHandler)`, a middleware dispatching through
  // a table of routers): the entry's routes are reached some other way, so every file serves.
  return [...served].some((key) => (byKey.get(key)?.x.routes.length ?? 0) > 0) ? served : undefined;
}

/** How many imports deep a served file's code is followed to a server a function of it starts (listeningRoots). */
const LISTENING_DEPTH = 4;

/**
 * The router roots that start a server of their own (`listens`) which the served files reach
 * through their imports, a few files deep and each file once: a second app made and listened in
 * a function of a module that a served module's function calls (`run(app)` in ./api calling
 * `startStatusServer()` of ./status, which makes an app, declares its routes and listens). A
 * router root that listens on nothing is reached through mounts only.
 */
function listeningRoots(served: ReadonlySet<string>, byKey: ReadonlyMap<string, Scanned>, importsOf: (s: Scanned) => Scanned[], isRoot: (s: Scanned) => boolean): Set<string> {
  const found = new Set<string>();
  const seen = new Set(served);
  let level = [...served].flatMap((key) => byKey.get(key) ?? []);
  for (let depth = 0; depth < LISTENING_DEPTH && level.length > 0; depth++) {
    const next: Scanned[] = [];
    for (const imported of level.flatMap(importsOf)) {
      if (seen.has(imported.key)) continue;
      seen.add(imported.key);
      if (isRoot(imported) && imported.x.listens) found.add(imported.key);
      next.push(imported);
    }
    level = next;
  }
  return found;
}

/**
 * The router roots an entry declaring no route of its own reaches through its imports, across
 * files (`import { bootstrap } from './server'; bootstrap()`, a `./server` importing `./app`): the
 * server it starts. Not through a root: what a root imports is its routers, which its mounts say.
 */
function importedRoots(entry: Scanned, importsOf: (s: Scanned) => Scanned[], isRoot: (s: Scanned) => boolean): Set<string> {
  const roots = new Set<string>();
  const seen = new Set([entry.key]);
  for (let todo = importsOf(entry), at = todo.pop(); at !== undefined; at = todo.pop()) {
    if (seen.has(at.key)) continue;
    seen.add(at.key);
    if (isRoot(at)) roots.add(at.key);
    else todo.push(...importsOf(at));
  }
  return roots;
}

/**
 * Nest apps built from different root modules with global prefixes of their own (a second entry,
 * `collab-main.ts` with `setGlobalPrefix('api', { exclude: ['/'] })` beside `main.ts`): each
 * with the controllers its module reaches through `imports`, by class name. Only when the
 * prefixes differ between entries; a controller no entry reaches takes the joined prefix.
 */
function nestEntries(scanned: Scanned[], withPrefix: Scanned[]): { prefix: string | undefined; exclude: PrefixExclude[]; controllers: Set<string> }[] {
  const configs = withPrefix.filter((s) => s.x.nestEntryModule !== undefined);
  if (configs.length < 2 || new Set(configs.map((s) => JSON.stringify([s.x.globalPrefix, s.x.globalPrefixExclude ?? []]))).size < 2) return [];
  const modules = new Map<string, { controllers: string[]; imports: string[] }>();
  for (const s of scanned) for (const [name, m] of Object.entries(s.x.nestModules ?? {})) if (!modules.has(name)) modules.set(name, m);
  return configs.map((s) => {
    const controllers = new Set<string>();
    const seen = new Set<string>();
    const walk = (name: string): void => {
      const m = modules.get(name);
      if (!m || seen.has(name)) return;
      seen.add(name);
      for (const c of m.controllers) controllers.add(c);
      for (const i of m.imports) walk(i);
    };
    walk(s.x.nestEntryModule ?? '');
    return { prefix: s.x.globalPrefix, exclude: s.x.globalPrefixExclude ?? [], controllers };
  });
}

/** A Nest module's lists as references across files: `file#Class`, or `#Class` for an import not followed. */
interface ModuleRefs {
  controllers: string[];
  imports: string[];
  open: { controllers: boolean; imports: boolean };
}

/**
 * The Nest controllers the app registers, as `file#Class`: from the root modules the scan's
 * NestFactory.create calls start, those the modules they import reach when every such module's
 * imports are known; else those any module of the scan lists. A controller named through an import
 * this scan cannot follow counts by its class name (`#Class`). Undefined (every controller serves)
 * when no file starts a Nest app or some module's controllers are not known statically.
 */
function registeredControllers(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[], dropped?: (guard: SettingGuard) => boolean): Set<string> | undefined {
  const modules = new Map<string, ModuleRefs>();
  // `dropped`: the entries listed under a test it rules out are not listed.
  const listed = (m: NestModuleDecl): NestModuleDecl => {
    const out = (names: string[]) => names.filter((n) => !(m.onlyWhen?.[n] && dropped?.(m.onlyWhen[n])));
    return dropped && m.onlyWhen ? { ...m, controllers: out(m.controllers), imports: out(m.imports) } : m;
  };
  for (const s of scanned) for (const [name, m] of Object.entries(s.x.nestModules ?? {})) modules.set(`${s.key}#${name}`, moduleRefs(s, listed(m), byKey, aliases, 0));
  // A module named through an import not followed: each module of the scan with that class name.
  const modulesOf = (ref: string): string[] => (modules.has(ref) ? [ref] : ref.startsWith('#') ? [...modules.keys()].filter((k) => k.endsWith(ref)) : []);
  const roots = scanned.flatMap((s) => (s.x.nestEntryModules ?? (s.x.nestEntryModule !== undefined ? [s.x.nestEntryModule] : [])).flatMap((m) => modulesOf(classRef(s, m, byKey, aliases))));
  if (roots.length === 0 || [...modules.values()].some((m) => m.open.controllers)) return undefined;
  const reached = new Set<string>();
  for (let todo = roots, key = todo.pop(); key !== undefined; key = todo.pop()) {
    const mod = modules.get(key);
    if (!mod || reached.has(key)) continue;
    reached.add(key);
    todo.push(...mod.imports.flatMap(modulesOf));
  }
  const known = [...reached].every((k) => !modules.get(k)?.open.imports);
  return new Set([...modules].filter(([k]) => !known || reached.has(k)).flatMap(([, m]) => m.controllers));
}

/**
 * Controllers decorated by a module of no decorator framework the scan knows (a project's own
 * `@Controller`, ExtractedRoute.decoratedBy): served under the prefixes of each router a function of
 * that same module is handed (`registerController(this.router, controller)` with `app.use('/live',
 * this.router)`). With no such call and no Nest-like app in the scan (NestFactory.create, a global
 * prefix, modules listing controllers: a framework of the project's own shaped like Nest places them
 * as Nest does), a package's decorator (an npm framework the scan does not know) is served at the
 * controller's own path, that package's server registering what it decorates; a module of the
 * project's own: where they are served is not known, under … with a warning. Undefined for a route to place as a Nest controller's.
 * tsoa's controllers are served by its generated `RegisterRoutes(app)` under tsoa.json's basePath,
 * unless the scan holds that generated file (its own registrations are then the routes).
 */
function ownDecoratorPaths(
  scanned: Scanned[],
  byKey: Map<string, Scanned>,
  aliases: PathAlias[],
  prefixesOf: PrefixesOf,
  warnings: string[],
  tsoaBase: string | undefined,
): (s: Scanned, r: ExtractedRoute) => string[] | undefined {
  const moduleOf = (s: Scanned, spec: string) => resolveModule(s.key, spec, byKey, aliases)?.key ?? (spec.startsWith('.') ? `${s.key}\0${spec}` : spec);
  // Each registration's paths before the controller's own: its router's prefixes, and the path the class mounts that field of its own at.
  const routers = new Map<string, string[]>();
  // tsoa's RegisterRoutes imported from a generated file the scan holds: that file's registrations are the routes.
  const generated = new Set<string>();
  for (const s of scanned)
    for (const c of s.x.controllerRegistrars ?? []) {
      if (c.generatedIn !== undefined && resolveModule(s.key, c.generatedIn, byKey, aliases)) generated.add(c.source);
      const own = c.member !== undefined ? s.x.mounts.find((m) => m.ownMember === c.member && m.routerName === c.router && m.mountedOn === c.router) : undefined;
      const base = c.source === TSOA_SOURCE ? (tsoaBase ?? '') : '';
      const prefixes = prefixesOf({ key: s.key, name: c.router }).map((p) => joinRoutePath(joinRoutePath(p, base), own?.prefix ?? ''));
      routers.set(moduleOf(s, c.source), [...(routers.get(moduleOf(s, c.source)) ?? []), ...prefixes]);
    }
  // A Nest-like app: NestFactory.create, a global prefix, or modules listing controllers (a framework of the project's own shaped like Nest).
  const nestApp = scanned.some((s) => s.x.nestEntryModule !== undefined || s.x.globalPrefix !== undefined || s.x.globalPrefixValue !== undefined || Object.keys(s.x.nestModules ?? {}).length > 0);
  const warned = new Set<string>();
  return (s, r) => {
    if (r.decoratedBy === undefined) return undefined;
    if (generated.has(r.decoratedBy)) return [];
    const on = routers.get(moduleOf(s, r.decoratedBy));
    if (on) return [...new Set(on.map((p) => joinRoutePath(p, r.path)))];
    if (nestApp) return undefined;
    // A package's own decorator (an npm framework the scan does not know, its server in that package):
    // it registers the controllers it decorates as decorator frameworks do, at their own paths.
    if (r.decoratedBy !== TSOA_SOURCE && !r.decoratedBy.startsWith('.') && resolveModule(s.key, r.decoratedBy, byKey, aliases) === undefined) return [r.path];
    const id = `${s.key}#${r.controller ?? ''}`;
    if (!warned.has(id)) warnings.push(scanWarningText(s.file, { id: 'controllerUnregistered', args: [r.controller ?? '', r.decoratedBy], line: r.line }));
    warned.add(id);
    return [joinRoutePath(UNKNOWN_PREFIX, r.path)];
  };
}

/**
 * The Nest controllers the app registers only through entries of modules listed under a test of the
 * environment the service's environment makes fail (NestModuleDecl.onlyWhen): for a route of one,
 * why it is not served; undefined when no such entry is there or the modules are not known whole.
 */
function notServedControllers(
  scanned: Scanned[],
  byKey: Map<string, Scanned>,
  aliases: PathAlias[],
  registered: Set<string> | undefined,
  env: ServiceEnv | undefined,
): ((s: Scanned, r: ExtractedRoute) => string | undefined) | undefined {
  if (!env || !registered) return undefined;
  const failing = new Map<SettingGuard, string>();
  for (const s of scanned)
    for (const m of Object.values(s.x.nestModules ?? {}))
      for (const g of Object.values(m.onlyWhen ?? {})) {
        const decided = guardInEnv(g, env);
        if (decided && !decided.holds) failing.set(g, notServedReason(g, env, decided.set));
      }
  if (failing.size === 0) return undefined;
  const served = registeredControllers(scanned, byKey, aliases, (g) => failing.has(g));
  if (!served) return undefined;
  const [first] = failing.values();
  // One reason per test; with several, the first (each names its test and values).
  return (s, r) => (isRegistered(registered, s, r) && !isRegistered(served, s, r) ? first : undefined);
}

/** Whether a controller's route serves: a class no module of the app registers serves nothing (a package's controller named like the app's own). */
function isRegistered(registered: Set<string> | undefined, s: Scanned, r: ExtractedRoute): boolean {
  return !registered || r.controller === undefined || registered.has(`${s.key}#${r.controller}`) || registered.has(`#${r.controller}`);
}

/**
 * `file#Class` for the Nest class `name` stands for in `s`; `#Class` when its import is not followed
 * to the file declaring it (a barrel's `export *` of a module class is not told apart).
 */
function classRef(s: Scanned, name: string, byKey: Map<string, Scanned>, aliases: PathAlias[]): string {
  const found = classOf(s, name, byKey, aliases);
  const cls = found?.name;
  const declared = cls !== undefined && (found?.target.x.nestModules?.[cls] !== undefined || found?.target.x.routes.some((r) => r.controller === cls));
  return declared ? `${found?.target.key}#${cls}` : `#${name}`;
}

/** A module's lists with those of the metadata functions it takes (`@Module(getModuleConfig())`), resolved where each is written. */
function moduleRefs(s: Scanned, m: NestModuleDecl, byKey: Map<string, Scanned>, aliases: PathAlias[], depth: number): ModuleRefs {
  const refOf = (name: string): string => classRef(s, name, byKey, aliases);
  // Entries taken from a module this scan holds are not known; from one outside it, not the scan's classes.
  const inScan = (m.loadedFrom ?? []).some((spec) => spec.startsWith('.') || resolveModule(s.key, spec, byKey, aliases) !== undefined);
  const out: ModuleRefs = { controllers: m.controllers.map(refOf), imports: m.imports.map(refOf), open: { controllers: m.openControllers === true || inScan, imports: m.openImports === true || inScan } };
  for (const c of m.configs ?? []) {
    const found = classOf(s, c, byKey, aliases);
    const config = found?.name !== undefined ? found.target.x.moduleConfigs?.[found.name] : undefined;
    if (!found || !config || depth > 4) {
      out.open = { controllers: true, imports: true };
      continue;
    }
    const inner = moduleRefs(found.target, config, byKey, aliases, depth + 1);
    out.controllers.push(...inner.controllers);
    out.imports.push(...inner.imports);
    out.open = { controllers: out.open.controllers || inner.open.controllers, imports: out.open.imports || inner.open.imports };
  }
  return out;
}

/**
 * Where Nest serves a controller route: under URI versioning one path per version (the
 * handler's, else the controller's, else the default; none for VERSION_NEUTRAL), then the
 * global prefix unless the route's path is excluded from it. Nest matches the exclude list
 * against the path without its version segment (`exclude: ['health']` with default version 1
 * serves /v1/health, not /api/v1/health).
 */
function nestPaths(r: ExtractedRoute, globalPrefix: string | undefined, exclude: PrefixExclude[], versioning: UriVersioning | undefined, nestMajor: number | undefined): string[] {
  const versions = versioning ? (r.version ?? versioning.defaultVersion) : undefined;
  const paths = versions?.length ? versions.map((v) => (v === NEUTRAL_VERSION ? r.path : joinRoutePath(`${versioning?.prefix ?? ''}${v}`, r.path))) : [r.path];
  const excluded = isExcluded(r, exclude, nestMajor);
  return paths.map((p) => (globalPrefix && !excluded ? joinRoutePath(globalPrefix, p) : p));
}

export function toSlash(p: string): string {
  return p.replace(/\\/g, '/');
}

/** Packages whose router factory makes a router only, never an app (ExtractedFile.plainRouters). */
const ROUTER_PACKAGES = new Set(['express', 'koa-router', '@koa/router', 'express-promise-router']);

/**
 * Routers that serve nothing: one an Express or koa-router factory makes in a file and exports for
 * another file to mount (or returns from a function of the file that makes it: `export function
 * usersRouter() { const router = Router(); ...; return router }`), when no mount reaches it, it
 * mounts nothing (a root of the app's routers is exported for the app) and no file of the scan
 * imports that file (its mount commented out, the file left behind), in a scan where some mount is
 * resolved; also any such router of a file other files import only for request handlers it holds
 * (`import getTerms from './terms'` mounted in the router's place). By `key#router`. A router its file
 * keeps to itself is still taken for the app's root (mountPrefixes); so is a file a mount may reach
 * by its name through a folder loaded at run time (`const ctrl = autoload('controllers');
 * app.use('/', ctrl.auth)` for controllers/auth.js).
 */
function unservedRouters(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[], edges: MountEdge[]): Set<string> {
  const out = new Set<string>();
  // A scan where no mount is resolved (a lone router file, a library of routers) has no app to leave a router out of.
  if (edges.length === 0) return out;
  const candidates: { s: Scanned; name: string; exported: boolean }[] = [];
  for (const s of scanned) {
    // Exported, or returned by a function that makes it (a router factory: called where the router is wanted).
    const exported = new Set([s.x.defaultExport, ...Object.values(s.x.exportNames ?? {}), ...Object.values(s.x.routerFactories ?? {})]);
    for (const [name, via] of Object.entries(s.x.plainRouters ?? {})) {
      const from = importNamed(s.x.imports, via)?.source;
      if (from !== undefined && ROUTER_PACKAGES.has(from) && incomingOf(edges, { key: s.key, name }).length === 0 && !edges.some((e) => e.parent.key === s.key && e.parent.name === name)) candidates.push({ s, name, exported: exported.has(name) });
    }
  }
  // Resolving every import of the scan is the costly part: only when some router may be left out.
  if (candidates.length === 0) return out;
  const imported = importedNames(scanned, byKey, aliases);
  const takenOf = new Map<string, Set<string>>();
  for (const k of imported) {
    const at = k.lastIndexOf('#');
    takenOf.set(k.slice(0, at), (takenOf.get(k.slice(0, at)) ?? new Set()).add(k.slice(at + 1)));
  }
  const members = new Set(scanned.flatMap((s) => s.x.mounts.map((m) => /^[\w$]+\.([\w$]+)$/.exec(m.routerName)?.[1] ?? '')));
  for (const { s, name, exported } of candidates) {
    const base = /([^/]+?)(?:\/index)?\.[cm]?[jt]sx?$/.exec(s.key)?.[1] ?? '';
    if (members.has(base)) continue;
    const taken = [...(takenOf.get(s.key) ?? [])];
    // Imported only for request handlers it also holds (mounted in the router's place): the router is no one's.
    const handlersOnly = taken.length > 0 && taken.every((n) => s.x.endpoints?.[n] === 'handler');
    if (handlersOnly || (exported && taken.length === 0)) out.add(`${s.key}#${name}`);
  }
  return out;
}

/**
 * What the scan's imports take of each file, by `key#name` (the name in that file). A namespace, a
 * re-export or an import not followed to a name counts as the whole file (`key#*`).
 */
function importedNames(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[]): Set<string> {
  const out = new Set<string>();
  for (const s of scanned)
    for (const i of s.x.imports) {
      const target = resolveModule(s.key, i.source, byKey, aliases);
      if (!target) continue;
      const found = i.imported === '*' || i.local.startsWith('*reexport*') ? undefined : followExport(s, i, undefined, byKey, aliases, 0);
      const named = found?.name !== undefined && found.name !== '*';
      if (named) out.add(`${found.target.key}#${found.name}`);
      // Passed on from another file (a barrel's re-export): the file imported is taken whole, as before.
      if (!named || found.target !== target) out.add(`${target.key}#*`);
    }
  return out;
}

/**
 * Routes of a file's exported functions (ExtractedFile.routeFunctions: a fastify plugin, a route
 * factory) that no file of the scan imports (a barrel's re-export is no use; a namespace import
 * is, nor a file importing it only to export it again), nor one of its file's functions calling it that some file imports (routeFunctionCallers.ts:
 * a second server of the process made by a factory its starter calls), in a file no mount reaches: a plugin whose registration is gone, or a library's API the app
 * does not take. Served nowhere, in a scan where some mount is resolved. Not a plain Node server's routes
 * (ExtractedRoute.hand, kept only in an app of no framework): its `createServer` call is that
 * app's server, whatever starts it (`server().listen(port)` in an entry declaring nothing).
 */
function unusedRouteFunctions(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[], edges: MountEdge[]): Set<ExtractedRoute> {
  const out = new Set<ExtractedRoute>();
  // A plugin handing its router to another route function of its own file (`addRenew(app)`) reaches nothing outside it.
  const fnRouters = (s: Scanned | undefined) => new Set(Object.keys(s?.x.routeFunctions ?? {}).flatMap((fn) => s?.x.routerParams?.[fn] ?? []));
  const ownCall = (e: MountEdge) => e.child.key === e.parent.key && [e.parent.name, e.child.name].every((n) => fnRouters(byKey.get(e.parent.key)).has(n));
  const reached = new Set(edges.filter((e) => !ownCall(e)).flatMap((e) => [e.child.key, e.parent.key]));
  const candidates = scanned.filter((s) => s.x.routeFunctions !== undefined && !reached.has(s.key));
  // A scan where no mount is resolved (a lone plugin file, a library of plugins) has no app to leave one out of.
  if (edges.length === 0 || candidates.length === 0) return out;
  const used = new Set<string>();
  for (const s of scanned)
    for (const i of s.x.imports) {
      // Imported only to be exported again (`import { billing } from './plugin'; export { billing }`): a barrel's, no use.
      const passedOn = s.x.imports.some((j) => j.local.startsWith('*reexport*') && j.source === i.source && j.imported === i.imported);
      const found = i.local.startsWith('*reexport*') || passedOn ? undefined : followExport(s, i, undefined, byKey, aliases, 0);
      if (found) used.add(`${found.target.key}#${found.name ?? '*'}`);
    }
  for (const s of candidates)
    for (const [fn, [from, to]] of Object.entries(s.x.routeFunctions ?? {}))
      if (![fn, ...(s.x.routeFunctionCallers?.[fn] ?? [])].some((name) => name === '' || used.has(`${s.key}#${name}`)) && !used.has(`${s.key}#*`)) for (const r of s.x.routes) if (r.declaredIn === undefined && !r.hand && r.line >= from && r.line <= to) out.add(r);
  return out;
}

/**
 * koa-router routes whose paths have no leading slash (`router.post('email', ...)`), on routers
 * nothing mounts: at the root such a path matches no request (koa-router compares it with
 * '/email'), so they are served only under a mount this scan does not see (a plugin registry
 * filled at run time). By router, in declaration order.
 */
function unmountedRelative(s: Scanned, edges: MountEdge[]): Map<string, ExtractedRoute[]> {
  const out = new Map<string, ExtractedRoute[]>();
  for (const r of s.x.routes) {
    if (!r.relative || r.router === undefined || incomingOf(edges, { key: s.key, name: r.router }).length > 0) continue;
    out.set(r.router, [...(out.get(r.router) ?? []), r]);
  }
  return out;
}

/**
 * A router taken from a call (`const api = apiModule()`, see routerMakers) is one only when the
 * function called makes a router, through the functions it calls in turn: else what was read on
 * it (`const m = buildMap(); m.get('key')`) is dropped. A name that alone makes a receiver
 * (`app`) keeps what it would keep without the call: all but what reads like a client's request.
 */
function dropUnmadeRouters(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[]): void {
  for (const s of scanned) {
    const unmade = Object.entries(s.x.routerMakers ?? {}).filter(([, m]) => !makesRouter(s, m.maker, byKey, aliases, 0));
    if (unmade.length === 0) continue;
    // A name that alone makes a receiver keeps what does not read like a client's request.
    // A plugin function handed to a wrapper (`const authorized = createAuthorizedRoute(async (fastify) => {...})`)
    // declares its routes on its own parameter (fileExports.ts ownParamRouters): a mount of it stays.
    const gone = new Set(unmade.filter(([name, m]) => !m.byName && ownParamRouter(s, name) === undefined).map(([name]) => name));
    const clientLike = new Set(unmade.map(([name]) => name));
    // Paths without a leading slash count only on a router class of the project's own (ownsRouter in extract.ts).
    const classless = new Set(unmade.filter(([, m]) => m.maker.startsWith('new ')).map(([name]) => name));
    const kept = (r: ExtractedRoute) => r.router === undefined || (!gone.has(r.router) && !(r.clientLike && clientLike.has(r.router)) && !(r.relative && classless.has(r.router)));
    const warnings = s.x.warnings.filter((w) => w.on === undefined || !gone.has(w.on));
    s.x = { ...s.x, routes: s.x.routes.filter(kept), mounts: s.x.mounts.filter((m) => !gone.has(m.mountedOn ?? '') && !gone.has(m.routerName)), warnings };
  }
  for (const s of scanned) dropPackageClientReceivers(s, byKey, aliases);
}

/**
 * `const users = mod('/users')` of `const mod = (prefix) => new Elysia({ prefix })` (another file's
 * or this one's, ExtractedFile.factoryPrefixes): the prefix the call's arguments give, before the
 * paths of the routes declared on `users` and the mounts made on it. One the arguments do not make
 * known is warned of, its routes under …. The files, for the next step.
 */
function applyFactoryPrefixes(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[], resolver: ValueResolver, warnings: string[]): Scanned[] {
  for (const s of scanned) {
    for (const [router, made] of Object.entries(s.x.routerMakers ?? {})) {
      const found = factoryOf(s, made.maker, byKey, aliases);
      const value = found ? found.target.x.factoryPrefixes?.[found.name] : undefined;
      if (!found || !value) continue;
      const args = Array.from({ length: MAX_CALL_ARGS }, (_, i) => {
        const given = made.args?.[i];
        const text = given ? resolver.quietText(s, given) : undefined;
        return text !== undefined ? str(text) : argRef(i);
      });
      const filled = substituteParams(value, args, ARG);
      const text = resolver.text(found.target, filled, 0);
      const line = s.x.routes.find((r) => r.router === router)?.line ?? s.x.mounts.find((m) => m.mountedOn === router)?.line;
      if (text === undefined && line !== undefined) warnings.push(scanWarningText(s.file, { id: 'routerPrefixValue', args: [router], line }));
      const prefix = joinRoutePath(text ?? resolver.shownText(found.target, filled));
      if (prefix === '/') continue;
      const routes = s.x.routes.map((r) => (r.router === router ? { ...r, path: joinRoutePath(prefix, r.path), ...(r.pathValue ? { pathValue: concat(str(prefix, '/'), r.pathValue) ?? r.pathValue } : {}) } : r));
      const mounts = s.x.mounts.map((m) => (m.mountedOn === router ? { ...m, prefix: joinRoutePath(prefix, m.prefix) } : m));
      s.x = { ...s.x, routes, mounts };
    }
  }
  return scanned;
}

/**
 * A receiver imported from the file that makes it by calling another package's function, one no
 * server framework of ours gives (`export const api = createApi()` of saga-query, a client's request
 * builder): what another file reads on it (`api.post('/auth/login', function* (ctx, next) {...})`)
 * is no route either, as it is not in the file that makes it (dropUnmadeRouters).
 */
function dropPackageClientReceivers(s: Scanned, byKey: Map<string, Scanned>, aliases: PathAlias[]): void {
  const clients = new Set<string>();
  for (const imp of s.x.imports) {
    if (!s.x.routes.some((r) => r.router === imp.local)) continue;
    const found = followExport(s, imp, undefined, byKey, aliases, 0);
    const maker = found?.name !== undefined ? found.target.x.routerMakers?.[found.name]?.maker : undefined;
    const makerImport = maker !== undefined && found ? importNamed(found.target.x.imports, maker) : undefined;
    if (found && makerImport && !resolveModule(found.target.key, makerImport.source, byKey, aliases) && !isFrameworkPackage(makerImport.source)) clients.add(imp.local);
  }
  if (clients.size === 0) return;
  s.x = { ...s.x, routes: s.x.routes.filter((r) => r.router === undefined || !clients.has(r.router)), mounts: s.x.mounts.filter((m) => !clients.has(m.mountedOn ?? '')) };
}

/** A package of a server framework whose routes are read (serverApps.ts SERVER_FRAMEWORKS), or one of its own packages (`@hono/zod-openapi`, `@fastify/autoload`). */
function isFrameworkPackage(source: string): boolean {
  const name = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : (source.split('/')[0] ?? source);
  return (SERVER_FRAMEWORKS as readonly string[]).includes(name) || /^@(?:hono|fastify|koa|nestjs|hapi|adonisjs)\//.test(name);
}

/**
 * Routers under a prefix this scan cannot know: a router class whose constructor hands its base
 * such a prefix (ExtractedFile.unknownPrefixClasses: `class SchemaRouter`, through `this`) and each
 * router made by `new` of one (`const router = new SchemaRouter(...)`, with a warning). Their routes,
 * and those of routers mounted on them, are not served at a guessed path (mountPrefixes).
 */
function unknownPrefixRouters(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[], warnings: string[]): Set<string> {
  const out = new Set<string>();
  for (const s of scanned) {
    for (const cls of s.x.unknownPrefixClasses ?? []) out.add(`${s.key}#${CLASS_ROUTER}${cls}`);
    for (const [name, cls] of Object.entries(s.x.classInstances ?? {})) {
      const found = classOf(s, cls, byKey, aliases);
      if (found?.name === undefined || !found.target.x.unknownPrefixClasses?.includes(found.name)) continue;
      out.add(`${s.key}#${name}`);
      // At its first route, else where it is mounted.
      const lines = [...s.x.routes.filter((r) => r.router === name), ...s.x.mounts.filter((m) => m.routerName === name || m.mountedOn === name)].map((r) => r.line);
      warnings.push(scanWarningText(s.file, { id: 'instancePrefix', args: [name, cls], line: Math.min(...lines) }));
    }
  }
  return out;
}

/** The file and name the class `cls` stands for in `s`: imported, or declared there. */
function classOf(s: Scanned, cls: string, byKey: Map<string, Scanned>, aliases: PathAlias[]): { target: Scanned; name?: string } | undefined {
  const imp = importNamed(s.x.imports, cls);
  return imp ? followExport(s, imp, undefined, byKey, aliases, 0) : { target: s, name: cls };
}

/**
 * Before the values are resolved: what a route list helper registers (route options to resolve),
 * and the routes of router classes at the paths their subclasses give (inheritedPathRoutes.ts).
 */
function addListedRoutes(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[], warnings: string[]): void {
  if (scanned.some((s) => s.x.listHelpers !== undefined)) for (const s of scanned) addListHelperRoutes(s, byKey, aliases, warnings);
  if (scanned.some((s) => s.x.pathClasses !== undefined)) addInheritedPathRoutes(scanned, pathClassFinder(byKey, aliases), warnings);
}

/** The files with the routes at paths a setter gives the instance (setterPathRoutes.ts): before their warnings are read, as it drops those it answers. */
function withSetterPathRoutes(scanned: Scanned[], aliases: PathAlias[]): Scanned[] {
  if (scanned.some((s) => s.x.setterCalls !== undefined)) addSetterPathRoutes(scanned, pathClassFinder(new Map(scanned.map((s) => [s.key, s])), aliases));
  return scanned;
}

/** A class a file names (declared there or imported), by the file and name it is declared under (inheritedPathRoutes.ts). */
function pathClassFinder(byKey: Map<string, Scanned>, aliases: PathAlias[]): ClassFinder<Scanned> {
  return (at, name) => {
    const found = classOf(at, name, byKey, aliases);
    return found?.name !== undefined ? { target: found.target, name: found.name } : undefined;
  };
}

/** Whether calling `fn` (declared in `s` or imported there) returns a router. */
function makesRouter(s: Scanned, fn: string, byKey: Map<string, Scanned>, aliases: PathAlias[], depth: number): boolean {
  if (fn.startsWith('new ')) return isRouterClass(s, fn.slice(4), byKey, aliases);
  if (fn.endsWith(APP_FACTORY_CALL)) return isAppFactory(s, fn.slice(0, -APP_FACTORY_CALL.length), byKey, aliases);
  const found = factoryOf(s, fn, byKey, aliases);
  if (!found) return false;
  const inner = found.target.x.routerMakers?.[found.router];
  return inner === undefined || (depth < MAX_MOUNT_DEPTH && makesRouter(found.target, inner.maker, byKey, aliases, depth + 1));
}

const APP_FACTORY_CALL = '.createApp';

/** Whether `name` (declared in `s` or imported there) is a Hono factory (ExtractedFile.appFactories). */
function isAppFactory(s: Scanned, name: string, byKey: Map<string, Scanned>, aliases: PathAlias[]): boolean {
  const imp = importNamed(s.x.imports, name);
  const found = imp ? followExport(s, imp, undefined, byKey, aliases, 0) : { target: s, name };
  return found?.name !== undefined && found.target.x.appFactories?.includes(found.name) === true;
}

/** Whether the class `cls` (declared in `s` or imported there) is a router class of the project's own (ExtractedFile.routerClasses). */
function isRouterClass(s: Scanned, cls: string, byKey: Map<string, Scanned>, aliases: PathAlias[]): boolean {
  const found = classOf(s, cls, byKey, aliases);
  return found?.name !== undefined && found.target.x.routerClasses?.includes(found.name) === true;
}

/**
 * Routes this file adds to a router another module exports, read as a member of that module's
 * namespace (`import * as hooks from './hooks'; hooks.router.post('/x', h)`, or `const hooks =
 * require('./hooks')`): they are that router's, under its prefix and wherever it is mounted, as a
 * named import's are (mountEdges).
 */
function memberImportEdges(s: Scanned, byKey: Map<string, Scanned>, aliases: PathAlias[], resolver: ValueResolver): MountEdge[] {
  const names = new Set<string>();
  for (const r of s.x.routes) if (r.router !== undefined) names.add(r.router);
  for (const m of s.x.mounts) if (m.mountedOn !== undefined) names.add(m.mountedOn);
  const out: MountEdge[] = [];
  for (const name of names) {
    const m = /^([\w$]+)\.([\w$]+)$/.exec(name);
    const imp = m ? s.x.imports.find((i) => i.local === m[1] && (i.imported === '*' || i.imported === 'default')) : undefined;
    if (!m || !imp) continue;
    const found = followExport(s, imp, m[2], byKey, aliases, 0);
    if (!found || found.name === undefined || found.target === s) continue;
    const prefixValue = found.target.x.routerPrefixes?.[found.name];
    const prefix = prefixValue ? resolver.shownText(found.target, prefixValue) : '';
    out.push({ prefix: joinRoutePath(prefix), parent: { key: found.target.key, name: found.name }, child: { key: s.key, name } });
  }
  return out;
}

/** The function `fn` names (by import or in this file) when it makes a router: its file and the router it returns. */
function factoryOf(s: Scanned, fn: string, byKey: Map<string, Scanned>, aliases: PathAlias[]): { target: Scanned; router: string; name: string } | undefined {
  let imp = importNamed(s.x.imports, fn);
  // `makeRouters.admin`: the router under that key of the object the function returns (fileExports.ts).
  const dot = imp ? -1 : fn.lastIndexOf('.');
  const member = dot > 0 ? fn.slice(dot + 1) : undefined;
  if (member !== undefined) imp = importNamed(s.x.imports, fn.slice(0, dot));
  const found = imp ? followExport(s, imp, undefined, byKey, aliases, 0) : { target: s, name: member !== undefined ? fn.slice(0, dot) : fn };
  const name = found?.name !== undefined && member !== undefined ? `${found.name}.${member}` : found?.name;
  const router = name !== undefined && found ? found.target.x.routerFactories?.[name] : undefined;
  return found && name !== undefined && router !== undefined ? { target: found.target, router, name } : undefined;
}

function mountEdges(scanned: Scanned[], byKey: Map<string, Scanned>, warnings: string[], aliases: PathAlias[], resolver: ValueResolver): MountEdge[] {
  const edges: MountEdge[] = [];
  const byArgs: Array<{ s: Scanned; mount: ExtractedMount; prefixValue: ConstValue; children: RouterNode[]; own: string; unknown: string }> = [];
  for (const s of scanned) {
    for (const mount of s.x.mounts) {
      const { children, unknown } = mountChildren(s, mount, scanned, byKey, aliases, warnings);
      // koa-router: `parent.use(child.routes())` serves the child under the parent's own prefix too.
      const ownValue = mount.mountedOn !== undefined ? s.x.routerPrefixes?.[mount.mountedOn] : undefined;
      const ownText = ownValue ? resolver.text(s, ownValue, 0) : '';
      if (ownText === undefined && children.length > 0)
        warnings.push(scanWarningText(s.file, { ...(mount.mountedOn !== undefined ? { id: 'mountedOnPrefix', args: [mount.mountedOn] } : { id: 'mountedOnPrefixUnnamed', args: [] }), line: mount.line }));
      const own = ownText ?? UNKNOWN_PREFIX;
      if (mount.prefixValue && readsArgs(mount.prefixValue) && children.length > 0) {
        byArgs.push({ s, mount, prefixValue: mount.prefixValue, children, own, unknown });
        continue;
      }
      const args = mount.args?.map((a) => (a ? resolver.quietText(s, a) : undefined));
      for (const child of children) {
        // `register(api)` with `function register(api) {...}` beside it: the router itself, no mount.
        if (child.key === s.key && child.name === (mount.mountedOn ?? '')) continue;
        // A fastify-plugin plugin (`register(fp(plugin), { prefix })`): registered on its parent, the prefix ignored.
        const onParent = isSkipOverride(byKey.get(child.key), child.name);
        edges.push({ prefix: onParent ? joinRoutePath(own) : joinRoutePath(own, mount.prefix, unknown), parent: { key: s.key, name: mount.mountedOn ?? '' }, child, line: mount.line, ...(args ? { args } : {}) });
      }
    }
    // Routes added in this file to a router imported from another: they get that router's
    // prefix and its mounts (koa-router `new Router({ prefix })` shared across files). Routers
    // mounted on it here too (`const spaces = require('./spaces'); app.use('/api/spaces', spaces);
    // spaces.use('/:id/items', items)`): they are under it wherever it is mounted.
    for (const imp of s.x.imports) {
      const added = s.x.routes.some((r) => r.router === imp.local) || s.x.mounts.some((m) => m.mountedOn === imp.local);
      if (!added || imp.local.startsWith('*')) continue;
      const found = followExport(s, imp, undefined, byKey, aliases, 0);
      if (!found || found.name === undefined || found.target === s) continue;
      // A prefix not found statically is warned of where the router is made (underUnknownPrefix).
      const prefixValue = found.target.x.routerPrefixes?.[found.name];
      const prefix = prefixValue ? resolver.shownText(found.target, prefixValue) : '';
      edges.push({ prefix: joinRoutePath(prefix), parent: { key: found.target.key, name: found.name }, child: { key: s.key, name: imp.local } });
    }
    edges.push(...memberImportEdges(s, byKey, aliases, resolver));
    for (const auto of s.x.autoloads ?? []) {
      if (auto.dir === undefined) continue;
      const dir = posix.normalize(posix.join(posix.dirname(s.key), auto.dir));
      for (const t of scanned) {
        if (!t.key.startsWith(`${dir}/`)) continue;
        const folders = posix.dirname(t.key.slice(dir.length + 1));
        // Autoload's folder prefixes: each folder a segment, `_id` a parameter.
        const folderPrefix = auto.dirNamePrefix && folders !== '.' ? folders.split('/').map((f) => (f.startsWith('_') ? `:${f.slice(1)}` : f)).join('/') : '';
        // @fastify/autoload: a plugin's own autoPrefix replaces its folder prefix (`autoPrefix || directoryPrefix`).
        const prefix = unencapsulated(auto, t) ? '/' : joinRoutePath(auto.prefix, t.x.autoPrefix || folderPrefix);
        edges.push({ prefix, parent: { key: s.key, name: auto.mountedOn }, child: { key: t.key, name: '*' } });
      }
    }
  }
  edges.push(...argPrefixEdges(byArgs, edges, resolver, warnings));
  for (const s of scanned) edges.push(...mountHelperEdges(s, scanned, byKey, aliases, resolver, warnings), ...tableMountEdges(s, scanned, byKey, aliases, resolver, warnings));
  return [...edges, ...keyedEdges(scanned, edges, byKey, aliases), ...instanceEdges(scanned, byKey, aliases), ...unknownAutoloadEdges(scanned, edges)];
}

/**
 * The calls of `s` to a mount helper (mountHelpers.ts: `setup('users', app, usersRouter)` of
 * `setup(type, app, routes) { app.use(`/${type}`, routes) }`): one mount per call, of the router the
 * call hands in for the helper's child on the one it hands in for its parent, under the prefix its
 * arguments make. The calls are the mounts readRouterPassed records of each router argument.
 */
function mountHelperEdges(s: Scanned, scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[], resolver: ValueResolver, warnings: string[]): MountEdge[] {
  // Each argument's routers by the place they take: a position, a property of one, or each element's property of a list there (`2.subRouters[].router`).
  const calls = new Map<string, { fn: string; mount: ExtractedMount; names: Map<string, string[]> }>();
  for (const m of s.x.mounts) {
    const passed = /^(.+?)#(\d+)(\.[\w$.[\]]+)?$/.exec(m.routerName);
    if (!passed || m.mountedOn === undefined || passed[1]?.startsWith(ANY_CLASS)) continue;
    const id = `${m.line}:${passed[1] ?? ''}`;
    const call = calls.get(id) ?? { fn: passed[1] ?? '', mount: m, names: new Map(Object.entries(m.argNames ?? {}).map(([k, v]) => [k, [v]])) };
    const at = `${passed[2] ?? ''}${passed[3] ?? ''}`;
    call.names.set(at, [...(call.names.get(at) ?? []), m.mountedOn]);
    calls.set(id, call);
  }
  const out: MountEdge[] = keyedHelperEdges(s, calls.values(), byKey, aliases, resolver, warnings);
  for (const { fn, mount, names } of calls.values()) {
    const helper = mountHelperOf(s, fn, byKey, aliases);
    if (!helper) continue;
    const args = Array.from({ length: MAX_CALL_ARGS }, (_, i) => {
      const given = mount.args?.[i];
      const text = given ? resolver.text(s, given, 0) : undefined;
      return text !== undefined ? str(text) : argRef(i);
    });
    const at = (arg: HelperArg) => names.get(typeof arg === 'number' ? String(arg) : `${arg[0]}.${arg[1]}`);
    for (const entry of helper.entries) {
      const [parent, children] = [at(entry.on)?.[0], at(entry.child) ?? []];
      if (parent === undefined || children.length === 0) continue;
      const value = substituteParams(entry.prefix, args, ARG);
      const text = resolver.text(helper.target, value, 0);
      if (text === undefined) warnings.push(scanWarningText(s.file, { id: 'mountPrefixValue', args: [], line: mount.line }));
      const prefix = joinRoutePath(text ?? resolver.shownText(helper.target, value));
      for (const child of children)
        for (const c of resolveMount(s, { prefix, routerName: child, line: mount.line, mountedOn: parent }, scanned, byKey, aliases))
          out.push({ prefix, parent: { key: s.key, name: parent }, child: c, line: mount.line });
    }
  }
  return out;
}

/** Tables within tables deeper than this are not walked (a table holding itself). */
const MAX_TABLE_DEPTH = 8;

/**
 * The calls of `s` to a table mount helper (tableMounts.ts: `walk(app, routes)` of `walk(app, table,
 * base = '') { table.forEach((e) => Array.isArray(e.routes) ? walk(app, e.routes, e.prefix) :
 * app.register(e.routes, { prefix: base + e.prefix })) }`): each entry of the table the call gives
 * (another file's constant followed) mounted on the router the call hands in, under the prefix the
 * helper builds of the entry and the arguments; an entry holding a list walked again with the
 * arguments the helper's own call gives it. A prefix not known statically is warned of at the call.
 */
function tableMountEdges(s: Scanned, scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[], resolver: ValueResolver, warnings: string[]): MountEdge[] {
  const out: MountEdge[] = [];
  for (const call of s.x.listHelperCalls ?? []) {
    const found = calledFunction(s, call.member !== undefined ? `${call.helper}.${call.member}` : call.helper, byKey, aliases);
    // `Walker.walk(...)` of a module exporting the object `Walker`: its member function `Walker.walk`.
    const helpers = found?.target.x.tableMountHelpers;
    const helper = found ? (helpers?.[found.name] ?? (call.member !== undefined ? helpers?.[`${found.name}.${call.member}`] : undefined)) : undefined;
    const parent = helper ? call.routers[helper.router] : undefined;
    const list = helper ? call.args[helper.list] : undefined;
    if (!found || !helper || !parent || !list) continue;
    const known = (file: Scanned, v: ConstValue | null | undefined, i: number): ConstValue => {
      const text = v ? resolver.quietText(file, v) : '';
      return text !== undefined ? str(text) : argRef(i);
    };
    const args = helper.defaults.map((d, i) => (call.args[i] ? known(s, call.args[i], i) : known(found.target, d, i)));
    const walk = (table: { file: Scanned; value: ConstValue }, given: ConstValue[], depth: number): void => {
      for (const e of (depth < MAX_TABLE_DEPTH && resolver.elementsOf(table.file, table.value)) || []) {
        const withEntry = [...given];
        withEntry[helper.element] = entryTexts(e, resolver);
        for (const r of helper.recursions) {
          const inner = propOf(e.value, [r.key]);
          if (inner && resolver.elementsOf(e.file, inner)) walk({ file: e.file, value: inner }, r.args.map((a, i) => known(found.target, a && substituteParams(a, withEntry, ARG), i)), depth + 1);
        }
        for (const m of helper.mounts) {
          const child = soleRef(propOf(e.value, [m.key]));
          if (!child || resolver.elementsOf(e.file, str({ ref: child }))) continue;
          const text = resolver.text(found.target, substituteParams(m.prefix, withEntry, ARG), 0);
          if (text === undefined) warnings.push(scanWarningText(s.file, { id: 'mountPrefixValue', args: [], line: call.line }));
          const prefix = joinRoutePath(text ?? UNKNOWN_PREFIX);
          for (const c of resolveMount(e.file, { prefix, routerName: [child.local, ...child.path].join('.'), line: call.line, mountedOn: parent }, scanned, byKey, aliases))
            out.push({ prefix, parent: { key: s.key, name: parent }, child: c, line: call.line });
        }
      }
    };
    walk({ file: s, value: list }, args, 0);
  }
  return out;
}

/** An entry of a table as the texts of its properties, read in its file (a property not known statically stays unknown). */
function entryTexts(e: { file: Scanned; value: ConstValue }, resolver: ValueResolver): ConstValue {
  if (e.value.kind !== 'obj') return e.value;
  const props: Record<string, ConstValue> = {};
  for (const [key, v] of Object.entries(e.value.props)) {
    const text = resolver.quietText(e.file, v);
    props[key] = text !== undefined ? str(text) : str({ ref: { local: UNKNOWN_LOCAL, path: [] } });
  }
  return { kind: 'obj', props };
}

/** The mount helper a call's function names (in this file, imported, or a member of an imported module), with its file. */
function mountHelperOf(s: Scanned, fn: string, byKey: Map<string, Scanned>, aliases: PathAlias[]): { target: Scanned; entries: NonNullable<ExtractedFile['mountHelpers']>[string] } | undefined {
  const found = calledFunction(s, fn, byKey, aliases);
  const entries = found ? found.target.x.mountHelpers?.[found.name] : undefined;
  return found && entries ? { target: found.target, entries } : undefined;
}

/**
 * The function a call names (in this file, imported, or a member of an imported module): its file and
 * its name there; with `unnamed`, a module's unnamed default export is 'default' (fileExports.ts routerParams).
 */
function calledFunction(s: Scanned, fn: string, byKey: Map<string, Scanned>, aliases: PathAlias[], unnamed = false): { target: Scanned; name: string } | undefined {
  const dot = fn.indexOf('.');
  const [local, member] = dot > 0 && !fn.startsWith('require(') ? [fn.slice(0, dot), fn.slice(dot + 1)] : [fn, undefined];
  const imp = importNamed(s.x.imports, local);
  const found = imp ? followExport(s, imp, member, byKey, aliases, 0) : { target: s, name: fn };
  const byDefault = unnamed && member === undefined && imp?.imported === 'default' && (found?.name === undefined || found.name === '*') ? 'default' : undefined;
  const name = byDefault ?? found?.name ?? member;
  return found && name !== undefined ? { target: found.target, name } : undefined;
}

/**
 * The router parameters of the functions of keyed helpers' tables (keyedHelpers.ts) no call picks:
 * run only through the table, by keys no call gives, they serve nothing. By `key#router`.
 */
function unpickedTableRouters(scanned: Scanned[], edges: MountEdge[]): string[] {
  const out: string[] = [];
  for (const s of scanned)
    for (const entry of Object.values(s.x.keyedHelpers ?? {}).flat())
      for (const fn of new Set(Object.values(entry.table)))
        for (const [, at] of entry.passes) {
          const router = s.x.routerParams?.[fn]?.[at];
          if (router && incomingOf(edges, { key: s.key, name: router }).length === 0) out.push(`${s.key}#${router}`);
        }
  return out;
}

/**
 * The calls of `s` to a keyed helper (keyedHelpers.ts: `decorate(router, User, ['list', 'add'])` of
 * `decorate(router, model, ops) { ops.forEach((op) => handlers[op](router, model)) }`): the router
 * each call hands in, mounted at / on the router parameter of each function of the table the
 * call's keys pick. A call whose keys are not known is warned of at the helper's keyed call.
 */
function keyedHelperEdges(s: Scanned, calls: Iterable<{ fn: string; mount: ExtractedMount; names: Map<string, string[]> }>, byKey: Map<string, Scanned>, aliases: PathAlias[], resolver: ValueResolver, warnings: string[]): MountEdge[] {
  const out: MountEdge[] = [];
  for (const { fn, mount, names } of calls) {
    const found = calledFunction(s, fn, byKey, aliases, true);
    for (const entry of (found && found.target.x.keyedHelpers?.[found.name]) ?? []) {
      if (!found || !entry.passes.some(([param]) => names.has(String(param)))) continue;
      const given = mount.args?.[entry.keys];
      const keys = given?.kind === 'arr' ? given.items.map((v) => resolver.quietText(s, v)) : undefined;
      if (!keys || keys.some((k) => k === undefined)) {
        warnings.push(scanWarningText(found.target.file, { id: 'tableCallKey', args: entry.code, line: entry.line }));
        continue;
      }
      for (const picked of pickedFunctions(entry, keys as string[]))
        for (const [param, at] of entry.passes)
          for (const parent of names.get(String(param)) ?? [])
            for (const child of resolvePassedRouter(found.target, picked, at, byKey, aliases)) out.push({ prefix: '/', parent: { key: s.key, name: parent }, child, line: mount.line });
    }
  }
  return out;
}

/**
 * The mounts whose prefix is built from the parameters of the function their router is handed to
 * (mounts.ts paramPrefix): under the prefix each call's arguments make, the calls being the mounts
 * of that parameter (`require('./routes')(app, urlPrefix)`); one no call makes known is warned of
 * and shown under UNKNOWN_PREFIX where a parameter is.
 */
function argPrefixEdges(mounts: ReadonlyArray<{ s: Scanned; mount: ExtractedMount; prefixValue: ConstValue; children: RouterNode[]; own: string; unknown: string }>, edges: readonly MountEdge[], resolver: ValueResolver, warnings: string[]): MountEdge[] {
  const out: MountEdge[] = [];
  for (const { s, mount, prefixValue, children, own, unknown } of mounts) {
    const parent = { key: s.key, name: mount.mountedOn ?? '' };
    const texts = new Set<string>();
    for (const e of edges) {
      if (e.child.key !== parent.key || e.child.name !== parent.name) continue;
      // An argument not known (or not given) leaves its reference: the prefix is not known from that call.
      const args = Array.from({ length: MAX_CALL_ARGS }, (_, i) => (e.args?.[i] !== undefined ? str(e.args[i] ?? '') : argRef(i)));
      const text = resolver.text(s, substituteParams(prefixValue, args, ARG), 0);
      if (text !== undefined) texts.add(text);
    }
    if (texts.size === 0) {
      warnings.push(scanWarningText(s.file, { id: 'mountPrefixValue', args: [], line: mount.line }));
      // Its known parts kept (`${urlPrefix}/v1` -> /…/v1), as for any prefix not known (evaluator.ts unknownPrefix).
      texts.add(resolver.shownText(s, prefixValue));
    }
    for (const text of texts) for (const child of children) out.push({ prefix: joinRoutePath(own, text, unknown), parent, child, line: mount.line });
  }
  return out;
}

/** The default export of a file exporting `fp(plugin)` (fileExports.ts skipsOverride). */
function isSkipOverride(t: Scanned | undefined, name: string): boolean {
  return t?.x.skipsOverride === true && (name === '*' || name === t.x.defaultExport);
}

/**
 * A plugin autoload registers on its parent (fastify-plugin's `fp(plugin)`, or `encapsulate: false`):
 * Fastify skips its encapsulation, so neither the prefix option nor the folder's prefix applies.
 */
function unencapsulated(auto: { encapsulate?: false }, t: Scanned): boolean {
  return auto.encapsulate === false || t.x.skipsOverride === true;
}

/**
 * `register(AutoLoad, { dir: join(__dirname, settings.dir), options: { prefix: '/api' } })`: the
 * plugin files below the registering file's folder that nothing else registers (routes only on
 * their plugin function's parameter) are taken for what it loads, under its prefix and … (their
 * folders' prefixes are not known), or their own autoPrefix, which replaces the folder prefix.
 */
function unknownAutoloadEdges(scanned: Scanned[], edges: MountEdge[]): MountEdge[] {
  const out: MountEdge[] = [];
  const reached = new Set(edges.map((e) => e.child.key));
  const plugin = (t: Scanned) => {
    const params = new Set(Object.values(t.x.routerParams ?? {}).flat());
    return t.x.routes.length > 0 && t.x.routes.every((r) => r.router !== undefined && params.has(r.router));
  };
  for (const s of scanned) {
    for (const auto of (s.x.autoloads ?? []).filter((a) => a.dir === undefined)) {
      const below = `${posix.dirname(s.key)}/`;
      for (const t of scanned)
        if (t !== s && t.key.startsWith(below) && !reached.has(t.key) && plugin(t))
          out.push({ prefix: unencapsulated(auto, t) ? '/' : joinRoutePath(auto.prefix, t.x.autoPrefix || UNKNOWN_PREFIX), parent: { key: s.key, name: auto.mountedOn }, child: { key: t.key, name: '*' } });
    }
  }
  return out;
}

/**
 * What a mount mounts, warning of what it cannot find. A module under an alias this scan does not
 * know (a bundler's or a loader's: `import usersRouter from '@server/routes/users'`) is taken for
 * the one file of the scan whose path ends as the specifier does below its first segment
 * (`…/routes/users.ts`), when that file declares what is mounted; the alias may lead elsewhere, so
 * its routes are shown under the mount's prefix and then `unknown`, never probed.
 */
function mountChildren(s: Scanned, mount: ExtractedMount, scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[], warnings: string[]): { children: RouterNode[]; unknown: string } {
  const children = [...resolveMount(s, mount, scanned, byKey, aliases), ...alternativeChildren(s, mount, scanned, byKey, aliases)];
  // A mount at / changes no path: not finding it costs nothing worth a warning.
  // A module's function called (`require('./mw')()`) that makes no router is middleware: nothing to warn of.
  const calledModule = mount.routerName.startsWith('require(') && mount.routerName.endsWith('()');
  if (children.length > 0 || mount.prefix === '/' || mount.handsOn || !/rout|require\(/i.test(mount.routerName) || calledModule || mount.handler || packageCall(s, mount, byKey, aliases) || (mount.atPath && madeHandler(s, mount.routerName, byKey, aliases))) return { children, unknown: '' };
  const guessed = guessedModule(s, mount, scanned, byKey, aliases);
  if (!guessed) {
    warnings.push(scanWarningText(s.file, { id: 'mountUnresolved', args: [mount.routerName, mount.prefix], line: mount.line }));
    return { children, unknown: '' };
  }
  const file = posix.relative(posix.dirname(s.key), guessed.file.key);
  warnings.push(scanWarningText(s.file, { id: 'mountGuessed', args: [mount.routerName, mount.prefix, file, joinRoutePath(mount.prefix, UNKNOWN_PREFIX)], line: mount.line }));
  return { children: guessed.children, unknown: UNKNOWN_PREFIX };
}

/**
 * What a mount reaches through the other modules its name may be bound to (`const { maps } = await
 * import(lite ? './lite.js' : './full.js')`: one import of the name per module, moduleLoads.ts
 * dynamicImportSources), each resolved as if it were the first (importNamed).
 */
function alternativeChildren(s: Scanned, mount: ExtractedMount, scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[]): RouterNode[] {
  const head = /^[\w$]+/.exec(mount.routerName)?.[0];
  const bound = head === undefined ? [] : s.x.imports.filter((i) => i.local === head);
  return bound.slice(1).flatMap((alt) => {
    const patched: Scanned = { ...s, x: { ...s.x, imports: [alt, ...s.x.imports.filter((i) => i !== alt)] } };
    return resolveMount(patched, mount, scanned, byKey, aliases);
  });
}

const withoutScriptExtension = (path: string) => path.replace(/\.[cm]?[jt]sx?$/, '');

/** The file a non-relative import the scan cannot resolve may stand for (mountChildren), and what the mount names in it. */
function guessedModule(s: Scanned, mount: ExtractedMount, scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[]): { file: Scanned; children: RouterNode[] } | undefined {
  const head = mount.routerName.split('.')[0];
  const imp = importNamed(s.x.imports, mount.routerName) ?? importNamed(s.x.imports, head);
  if (!imp || imp.source.startsWith('.') || resolveModule(s.key, imp.source, byKey, aliases)) return undefined;
  const tail = withoutScriptExtension(imp.source.split('/').slice(1).join('/'));
  if (tail === '') return undefined;
  const stem = (key: string) => withoutScriptExtension(key).replace(/\/index$/, '');
  const hits = scanned.filter((t) => t !== s && stem(t.key).endsWith(`/${tail}`));
  const file = hits.length === 1 ? hits[0] : undefined;
  if (!file) return undefined;
  const source = posix.relative(posix.dirname(s.key), file.key).replace(/^(?!\.)/, './');
  const patched: Scanned = { ...s, x: { ...s.x, imports: s.x.imports.map((i) => (i === imp ? { ...i, source } : i)) } };
  const declaring = (node: RouterNode) => node.key === file.key && (node.name === '*' ? file.x.routes.length + file.x.mounts.length > 0 : declares(file, node.name));
  const children = resolveMount(patched, mount, scanned, byKey, aliases).filter(declaring);
  return children.length > 0 ? { file, children } : undefined;
}

/**
 * `const itemsRouter = new TableRouter(items)` of a router class that declares routes on itself
 * (`this.get('/:id', h)` in its constructor, read as the router `class TableRouter`): the instance
 * serves them, so they are served wherever the instance is mounted, under its mounts' prefixes.
 */
function instanceEdges(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[]): MountEdge[] {
  const out: MountEdge[] = [];
  for (const s of scanned) {
    for (const [name, cls] of Object.entries(s.x.classInstances ?? {})) {
      const found = classOf(s, cls, byKey, aliases);
      const classRouter = found?.name !== undefined ? `${CLASS_ROUTER}${found.name}` : undefined;
      if (found && classRouter !== undefined && declares(found.target, classRouter)) out.push({ prefix: '/', parent: { key: s.key, name }, child: { key: found.target.key, name: classRouter } });
    }
  }
  return out;
}

/**
 * `const routes = { 'api/items': apiItems, '': defaultRoute }` (ExtractedFile.keyedRouters): a
 * router of another file kept under a path-like key, for a dispatcher of the project's own that
 * picks the router by the request's first segments. Taken for a mount only for a router nothing
 * else mounts whose paths have no leading slash: at the root those answer nothing, so the key is
 * the one place they can answer. When every such path already starts with the key
 * (`router.get('api/items/:id')` under 'api/items'), the router registers whole paths and the key
 * only picks it; else its paths are below the key (`router.get(':id')`).
 */
function keyedEdges(scanned: Scanned[], edges: MountEdge[], byKey: Map<string, Scanned>, aliases: PathAlias[]): MountEdge[] {
  const out: MountEdge[] = [];
  for (const s of scanned) {
    for (const entry of s.x.keyedRouters ?? []) {
      const imp = importNamed(s.x.imports, entry.routerName);
      const found = imp && followExport(s, imp, undefined, byKey, aliases, 0);
      const name = found?.name;
      if (!found || name === undefined || !declares(found.target, name)) continue;
      const child = { key: found.target.key, name };
      const relative = found.target.x.routes.filter((r) => r.relative && r.router === name);
      if (relative.length === 0 || edges.some((e) => e.child.key === child.key && (e.child.name === '*' || e.child.name === name))) continue;
      const base = joinRoutePath(entry.key);
      const whole = relative.every((r) => base === '/' || r.path === base || r.path.startsWith(`${base}/`));
      out.push({ prefix: whole ? '/' : base, parent: { key: s.key, name: '' }, child });
    }
  }
  return out;
}

/**
 * `app.use('/x', createRouter(opts))` of a function imported from a package this scan does not
 * hold (not a workspace package's source), or a method of its class's instance: middleware of a
 * dependency, nothing to warn of.
 */
function packageCall(s: Scanned, mount: ExtractedMount, byKey: Map<string, Scanned>, aliases: PathAlias[]): boolean {
  // `new ExpressAdapter().getRouter()` of a package's class: its method's router is the package's too.
  const made = mount.routerName.startsWith('new ') ? mount.routerName.slice(4).split('#')[0] : undefined;
  if (!mount.routerName.endsWith('()') && made === undefined) return false;
  const source = importNamed(s.x.imports, made ?? mount.routerName.slice(0, -2))?.source;
  return source !== undefined && !source.startsWith('.') && resolveModule(s.key, source, byKey, aliases) === undefined;
}

/** Whether a file holds something under `name` that a route scan can use. */
function exportsValue(s: Scanned, name: string): boolean {
  return (
    declares(s, name) ||
    // A Nest controller or module class declared there (one with no base class holds no constant).
    s.x.routes.some((r) => r.controller === name) ||
    s.x.nestModules?.[name] !== undefined ||
    s.x.constants?.[name] !== undefined ||
    s.x.routerFactories?.[name] !== undefined ||
    s.x.appFactories?.includes(name) === true ||
    s.x.decoratorFactories?.[name] !== undefined ||
    s.x.controllerFactories?.[name] !== undefined ||
    s.x.routerParams?.[name] !== undefined ||
    s.x.handlerClasses?.[name] !== undefined ||
    s.x.endpoints?.[name] !== undefined ||
    s.x.routeTables?.[name] !== undefined
  );
}

/** The parameter of the file's function `fn` that is its own router (fileExports.ts ownParamRouters), when it declares anything. */
function ownParamRouter(s: Scanned, fn: string): string | undefined {
  const own = s.x.routerParams?.[fn]?.find((p) => p.includes('@'));
  return own !== undefined && declares(s, own) ? own : undefined;
}

function declares(s: Scanned, name: string): boolean {
  return s.x.routes.some((r) => r.router === name) || s.x.mounts.some((m) => m.mountedOn === name);
}

/** Where the router mounted as `mount.routerName` is declared: by import, in this file, or by name. */
function resolveMount(s: Scanned, mount: ExtractedMount, scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[]): RouterNode[] {
  if (mount.each) return eachRouters(s, mount.routerName, mount.each, byKey, aliases);
  if (mount.routerName.endsWith('()')) return resolveFactoryMount(s, mount.member !== undefined ? `${mount.routerName.slice(0, -2)}.${mount.member}` : mount.routerName.slice(0, -2), byKey, aliases);
  if (mount.routerName.startsWith('new ')) return resolveClassMount(s, mount.routerName.slice(4), byKey, aliases, mount.member);
  // A function of this file whose parameter is its own router (`fastify.register(authorized)` of
  // `const authorized = wrap(async (fastify) => {...})`): that function's routes.
  const own = ownParamRouter(s, mount.routerName);
  if (own !== undefined) return [{ key: s.key, name: own }];
  // `const api = apiModule(); app.route('/', api)`: the router the function makes.
  const made = s.x.routerMakers?.[mount.routerName];
  if (made && !made.maker.startsWith('new ') && !declares(s, mount.routerName)) return resolveFactoryMount(s, made.maker, byKey, aliases, 0, made.given);
  const passed = /^(.+)#(\d+)(?:\.([\w$]+))?$/.exec(mount.routerName);
  if (passed) return resolvePassedRouter(s, passed[1] ?? '', Number(passed[2]), byKey, aliases, passed[3]);
  const [head, ...rest] = mount.routerName.split('.');
  // `routers.users` where `routers` is a namespace import or a default-exported object of routers.
  const imported =
    importNamed(s.x.imports, mount.routerName) ??
    s.x.imports.find((i) => i.local === head && (i.imported === '*' || (rest.length === 1 && (i.imported === 'default' || holdsMember(s, i, rest[0] ?? '', byKey, aliases)))));
  if (imported) return importedRouters(s, imported, imported.local === head ? rest[0] : undefined, byKey, aliases);
  // A router this file declares itself (`const router = new Router()`, a variable, a parameter) is
  // its own, even with no route here: not another file's router of the same name.
  if (declares(s, mount.routerName) || s.x.ownRouters?.includes(mount.routerName)) return [{ key: s.key, name: mount.routerName }];
  return scanned.filter((o) => o !== s && declares(o, mount.routerName)).map((o) => ({ key: o.key, name: mount.routerName }));
}

/** The router an import names (and a member of it), in the file it comes from. */
function importedRouters(s: Scanned, imported: { imported: string; source: string }, member: string | undefined, byKey: Map<string, Scanned>, aliases: PathAlias[]): RouterNode[] {
  const found = followExport(s, imported, member, byKey, aliases, 0);
  if (!found) return [];
  const { target, name } = found;
  if (name !== undefined && declares(target, name)) return [{ key: target.key, name }];
  // A plugin its own file registers too (`fastify.register(Api, { prefix })`): the body read there, not the whole file.
  const copy = name !== undefined ? target.x.pluginCopies?.[name]?.[0] : undefined;
  if (copy !== undefined) return [{ key: target.key, name: copy }];
  // `export default createXaaRouter({ ... })` through a constant: the router that call makes, with its options.
  const made = name !== undefined ? target.x.routerMakers?.[name] : undefined;
  const viaCall = made?.given && !made.maker.startsWith('new ') ? resolveFactoryMount(target, made.maker, byKey, aliases, 0, made.given) : [];
  if (viaCall.length > 0) return viaCall;
  // A function of that file that declares nothing (`app.use('/q', verifyToken, board)`: a
  // middleware), or a handler answering the request itself (an endpoint, addEndpointRoutes), mounts
  // no router of the file; a default export or a plugin function means the file.
  if (name !== undefined && (target.x.plainFunctions?.includes(name) || target.x.endpoints?.[name] === 'handler')) return [];
  // A plugin function whose parameter is its own router (another function of the file declares
  // routes on a parameter of the same name: fileExports.ts ownParamRouters): that function's routes.
  const own = name !== undefined ? ownParamRouter(target, name) : undefined;
  if (own !== undefined) return [{ key: target.key, name: own }];
  return [{ key: target.key, name: '*' }];
}

/**
 * `for (const m of routers) app.use(m.default.routes())` over a list another file holds
 * (ExtractedMount.each): the router of each element, followed from the reference `local` of file
 * `s` along `path` through imports, exported constants, lists (EACH) and members. Empty when a step
 * is not known.
 */
function eachRouters(s: Scanned, local: string, path: readonly string[], byKey: Map<string, Scanned>, aliases: PathAlias[], depth = 0): RouterNode[] {
  if (depth > MAX_MOUNT_DEPTH) return [];
  const imp = importNamed(s.x.imports, local);
  if (!imp) {
    if (path.length === 0) return declares(s, local) ? [{ key: s.key, name: local }] : [];
    const value = s.x.constants?.[local];
    return value ? valueRouters(s, value, path, byKey, aliases, depth + 1) : [];
  }
  // A namespace (`import('./x')`) read by a member: that export.
  const namespace = imp.imported === '*';
  // `Object.values(ns)` read at one element (Resolver elementMounts): that value of the module's exports.
  const index = namespace && path[0] === VALUES ? elementIndex(path[1]) : undefined;
  if (index !== undefined) {
    const target = resolveModule(s.key, imp.source, byKey, aliases);
    const element = target ? moduleValues(target, byKey, aliases, 0)[index] : undefined;
    return element ? valueRouters(element.file, element.value, path.slice(2), byKey, aliases, depth + 1) : [];
  }
  const exported = namespace ? path[0] : imp.imported;
  const rest = namespace ? path.slice(1) : path;
  if (exported === undefined || exported === EACH) return [];
  if (rest.length === 0) return importedRouters(s, { imported: exported, source: imp.source }, undefined, byKey, aliases);
  const found = followExport(s, { imported: exported, source: imp.source }, undefined, byKey, aliases, 0);
  if (!found) return [];
  const value = (found.name !== undefined ? found.target.x.constants?.[found.name] : undefined) ?? (exported === 'default' ? found.target.x.constants?.[DEFAULT_OBJECT] : undefined);
  return value ? valueRouters(found.target, value, rest, byKey, aliases, depth + 1) : [];
}

/** What `path` reads of a value of file `s` (eachRouters): each element of a list, a property, or what a reference holds. */
function valueRouters(s: Scanned, value: ConstValue, path: readonly string[], byKey: Map<string, Scanned>, aliases: PathAlias[], depth: number): RouterNode[] {
  const [step, ...rest] = path;
  if (step === EACH && value.kind === 'arr') return value.items.flatMap((item) => valueRouters(s, item, rest, byKey, aliases, depth));
  // One element of a list, or of an object's values (Resolver elementMounts).
  const index = elementIndex(step === VALUES ? rest[0] : step);
  const items = value.kind === 'arr' ? value.items : value.kind === 'obj' && step === VALUES ? objectValues(value) : undefined;
  if (index !== undefined && items) {
    const item = items[index];
    return item ? valueRouters(s, item, step === VALUES ? rest.slice(1) : rest, byKey, aliases, depth) : [];
  }
  // `{ path: '/lamps', router }`: the router that name of the file holds, one it declares routes on or an import.
  const held = step !== undefined && value.kind === 'obj' ? value.names?.[step] : undefined;
  if (held !== undefined && (rest.length > 0 || declares(s, held) || importNamed(s.x.imports, held))) return eachRouters(s, held, rest, byKey, aliases, depth + 1);
  // `[path, router]` pairs: the element at that position.
  const prop = step !== undefined && value.kind === 'obj' ? value.props[step] : step !== undefined && value.kind === 'arr' && /^\d+$/.test(step) ? value.items[Number(step)] : undefined;
  if (prop) return valueRouters(s, prop, rest, byKey, aliases, depth);
  const ref = soleRef(value);
  return ref ? eachRouters(s, ref.local, [...ref.path, ...path], byKey, aliases, depth + 1) : [];
}

/** In a mount's `each` path, in place of EACH: the element at that index alone (`[]#2`, Resolver elementMounts). */
const ELEMENT_AT = '[]#';

function elementIndex(step: string | undefined): number | undefined {
  return step?.startsWith(ELEMENT_AT) ? Number(step.slice(ELEMENT_AT.length)) : undefined;
}

/** The values `Object.values` gives of an object written as a constant, in its order: its keys but a spread's. */
function objectValues(value: Extract<ConstValue, { kind: 'obj' }>): ConstValue[] {
  return Object.entries(value.props)
    .filter(([k]) => k !== SPREAD)
    .map(([, v]) => v);
}

/**
 * `router.use(usersRouter())`: the router the function makes, in its file; nothing for middleware().
 * A function returning what another one makes (`return createXaaRouter(options)`), adding nothing
 * to it: that one's router.
 */
function resolveFactoryMount(s: Scanned, fn: string, byKey: Map<string, Scanned>, aliases: PathAlias[], depth = 0, given?: ReadonlyArray<GivenObject | null>): RouterNode[] {
  const found = factoryOf(s, fn, byKey, aliases);
  if (!found) return [];
  const inner = found.target.x.routerMakers?.[found.router];
  // Only a router declaring nothing of its own there: one built on a made instance (`const app = createInstance(); app.get(...)`) is that file's.
  if (inner !== undefined && !inner.maker.startsWith('new ') && !declares(found.target, found.router) && depth < MAX_MOUNT_DEPTH) return resolveFactoryMount(found.target, inner.maker, byKey, aliases, depth + 1, inner.given);
  return [{ key: found.target.key, name: found.router, ...(given ? { via: { fn: found.name, given } } : {}) }];
}

/**
 * `new UsersController(config).router`: the routes that class declares on itself, in its file;
 * `new SchemaRouter#addRelationRoutes`: those its method declares (methodRouters.ts).
 */
function resolveClassMount(s: Scanned, named: string, byKey: Map<string, Scanned>, aliases: PathAlias[], member?: string): RouterNode[] {
  const [cls = named, method, index] = named.split('#');
  const imp = importNamed(s.x.imports, cls);
  const found = imp ? followExport(s, imp, undefined, byKey, aliases, 0) : { target: s, name: cls };
  // `this.codes.route(app)`: the parameter at that position of the class's method (routeHelpers.ts readInstancePassed).
  if (index !== undefined) {
    const param = found?.name !== undefined ? found.target.x.routerParams?.[`${found.name}#${method ?? ''}`]?.[Number(index)] : undefined;
    return found && param ? [{ key: found.target.key, name: param }] : [];
  }
  const name = found?.name === undefined ? undefined : method === undefined ? `${CLASS_ROUTER}${found.name}` : methodRouterName(found.name, method);
  if (found && name !== undefined && declares(found.target, name)) return [{ key: found.target.key, name }];
  // `new Hub().middleware` of a class whose constructor keeps a router it builds in that field (memberRouters.ts).
  const kept = found?.name !== undefined && member !== undefined && method === undefined ? found.target.x.memberRouters?.[`${found.name}#${member}`] : undefined;
  if (found && kept !== undefined) return [{ key: found.target.key, name: kept }];
  // `new UsersApi().mount`: a function the class holds, whose first parameter its routes are declared on.
  const param = found?.name !== undefined && member !== undefined ? found.target.x.routerParams?.[`${found.name}#${member}`]?.[0] : undefined;
  return found && param ? [{ key: found.target.key, name: param }] : [];
}

/** Routes this file's calls and mounts make of what other files declare: route helpers, package handlers. */
function addImportedRoutes(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[], resolver: ValueResolver, warnings: string[]): void {
  // Helper calls (many: every router handed to an imported function) are followed only when some
  // file of the scan declares a helper: each is a module resolution, on every join.
  const helpers = scanned.some((s) => Object.keys(s.x.routeHelpers ?? {}).length > 0 || Object.keys(s.x.fixedHelpers ?? {}).length > 0);
  for (const s of scanned) {
    warnUnreadLoopHelpers(s, byKey, aliases, warnings);
    if (helpers) addHelperRoutes(s, byKey, aliases, resolver, warnings);
    addSpecMounts(s, byKey, aliases);
    addEndpointRoutes(s, byKey, aliases);
  }
}

/**
 * `apm.koa.addRoutes(router, d.paths, ...d.handlers)` in a loop over a table: what each pass registers
 * is up to a package's code, which the scan does not read: a warning at the call, not a guess.
 */
function warnUnreadLoopHelpers(s: Scanned, byKey: Map<string, Scanned>, aliases: PathAlias[], warnings: string[]): void {
  const warned = new Set<number>();
  for (const call of s.x.loopHelperCalls ?? []) {
    const imp = importNamed(s.x.imports, call.local);
    // A module of the project (under an alias, or found by the scan) is read for what it declares, or is no route's.
    if (!imp || warned.has(call.line) || aliases.some((a) => aliasMatch(a, imp.source) !== undefined) || resolveModule(s.key, imp.source, byKey, aliases)) continue;
    warned.add(call.line);
    warnings.push(scanWarningText(s.file, { id: call.once ? 'helperUnread' : 'loopHelperUnread', args: [call.callee, imp.source], line: call.line }));
  }
}

/**
 * `eu.route(router, 'get', '/etapi/notes', h)`: a call of another file's route helper is a route on
 * the router it is given, with the method and path at the helper's parameter positions (the path
 * joined from its pieces, `createAction(router, '/api', c, a, '/group/list', 'get')` with `base +
 * path`). A method or path the call does not give is a warning at the call.
 */
function addHelperRoutes(s: Scanned, byKey: Map<string, Scanned>, aliases: PathAlias[], resolver: ValueResolver, warnings: string[]): void {
  for (const call of s.x.helperCalls ?? []) {
    const imp = importNamed(s.x.imports, call.helper);
    const found = imp && followExport(s, imp, call.member, byKey, aliases, 0);
    const sig = found?.name !== undefined && !call.noMethod ? found.target.x.routeHelpers?.[found.name] : undefined;
    // A helper of a fixed method (`registerPage(server, { path })`): each route it registers.
    const fixed = found?.name !== undefined ? found.target.x.fixedHelpers?.[found.name] : undefined;
    const given = givenBy(s, call, resolver);
    if (sig) addHelperRoute(s, call, { ...sig, method: given(sig.method) ?? '' }, given, call.line, warnings);
    for (const r of fixed ?? []) {
      if (!r.via) {
        if (guardsHold(r.when, given)) addHelperRoute(s, call, { ...r, method: typeof r.method === 'string' ? r.method : (given(r.method) ?? '') }, given, call.line, warnings);
        continue;
      }
      // One registered for each call a callback the call gives makes of a member of what it is handed (helperChains.ts):
      // that call's arguments at the places from `via.from` on; warned once at it when one it reads is not known at all.
      const { member, callback, from } = r.via;
      for (const c of call.callbacks ?? []) {
        if (c.member !== member || !sameArg(c.at, callback)) continue;
        if (readsUnknown(r, from, c)) {
          const text = scanWarningText(s.file, { id: 'routeConfig', args: [member, call.helper], line: c.line });
          if (!warnings.includes(text)) warnings.push(text);
          continue;
        }
        const inner = givenBy(s, c, resolver);
        const read = (arg: HelperArg): string | null => ((typeof arg === 'number' ? arg : arg[0]) >= from ? inner(shifted(arg, -from)) : given(arg));
        if (guardsHold(r.when, read)) addHelperRoute(s, call, { ...r, method: typeof r.method === 'string' ? r.method : (read(r.method) ?? '') }, read, c.line, warnings);
      }
    }
  }
}

/** Whether a registration reads, at a place from `from` on, an argument of the member call that is nothing known: no literal, no object, no other file's binding. */
function readsUnknown(r: FixedRegistration, from: number, c: { literals: Array<string | null>; props?: Array<Record<string, string> | null>; refs?: Array<unknown> }): boolean {
  const places = [...r.path, ...(r.when ?? []).map((g) => g.arg), r.method].flatMap((p) => (typeof p === 'string' ? [] : [typeof p === 'number' ? p : p[0]]));
  return places.some((p) => p >= from && (c.literals[p - from] ?? c.props?.[p - from] ?? c.refs?.[p - from] ?? null) === null);
}

/** What a helper call (or a callback's member call) gives at a helper's place: a literal argument, a literal property of an object written there or of another file's object, or the place's default. */
function givenBy(s: Scanned, call: { literals: Array<string | null>; props?: Array<Record<string, string> | null>; refs?: Array<Reference | null> }, resolver: ValueResolver): (arg: HelperArg) => string | null {
  // Each place once: a callback's call is read for every registration of its helper (one per method).
  const known = new Map<string, string | null>();
  return (arg) => {
    const key = String(arg);
    const had = known.get(key);
    if (had !== undefined) return had;
    const v = typeof arg === 'number' ? (call.literals[arg] ?? null) : (call.props?.[arg[0]]?.[arg[1]] ?? importedProp(s, call.refs?.[arg[0]], arg[1], resolver) ?? arg[2] ?? null);
    known.set(key, v);
    return v;
  };
}

/** A helper's place moved by `by` positions. */
function shifted(arg: HelperArg, by: number): HelperArg {
  return typeof arg === 'number' ? arg + by : ([arg[0] + by, ...arg.slice(1)] as HelperArg);
}

/** Whether two helper places are the same. */
function sameArg(a: HelperArg, b: HelperArg): boolean {
  return typeof a === 'number' || typeof b === 'number' ? a === b : a[0] === b[0] && a[1] === b[1];
}

/** The route one registration of a helper makes for a call, on the router the call gives; a warning at `line` when its method or path is not known (once per line and kind). */
function addHelperRoute(s: Scanned, call: NonNullable<ExtractedFile['helperCalls']>[number], r: { router: HelperArg; method: string; path: Array<HelperArg | string>; options?: true }, given: (arg: HelperArg) => string | null, line: number, warnings: string[]): void {
  const router = typeof r.router === 'number' ? call.routers[r.router] : call.routerProps?.[r.router[0]]?.[r.router[1]];
  if (!router) return;
  const method = r.method === '*' ? 'ALL' : ROUTER_METHODS[r.method.toLowerCase()];
  const pieces = r.path.map((p) => (typeof p === 'string' ? p : given(p)));
  const joined = pieces.every((p): p is string => typeof p === 'string') ? pieces.join('') : undefined;
  const path = joined !== undefined && 'options' in r && r.options ? bracedPathToRoute(joined) : joined;
  const warn = (text: string): void => void (warnings.includes(text) ? undefined : warnings.push(text));
  // Built of parameters of the function the router is handed to: filled by each call handing it in (routerPaths).
  const filled = method && path?.startsWith('/') ? givenPathValue(r.path, call.given, given) : undefined;
  if (method && path && filled) {
    s.x.routes.push({ method, path: '/', pathValue: filled, givenPath: { path: joinRoutePath(path), warning: { id: 'routeValuePart', args: [method, joinRoutePath(path)] } }, line, kind: 'router', router });
    return;
  }
  if (method && path?.startsWith('/')) {
    if (unknownPrefixPath(path) !== undefined) warn(scanWarningText(s.file, { id: 'routeValuePart', args: [method, joinRoutePath(path)], line }));
    // The router's own prefix (`new Elysia({ prefix: '/api' })`, koa-router's), as its routes written in this file have it.
    s.x.routes.push({ method, path: joinRoutePath(literalOf(s.x.routerPrefixes?.[router]) ?? '', path), line, kind: 'router', router });
  }
  else if (method && path === undefined) warn(scanWarningText(s.file, { id: 'routeValue', args: [method], line }));
  else if (!method) warn(scanWarningText(s.file, { id: 'routeTable', args: [], line }));
}

/** A helper's path whose pieces a call gives built of its own function's parameters (helperCalls' `given`): one value, undefined when none is. */
function givenPathValue(path: ReadonlyArray<HelperArg | string>, given: ReadonlyArray<ConstValue | null> | undefined, literal: (arg: HelperArg) => string | null): ConstValue | undefined {
  if (!given || !path.some((p) => typeof p === 'number' && given[p])) return undefined;
  const parts = path.flatMap((p) => (typeof p === 'string' ? [p] : typeof p === 'number' && given[p]?.kind === 'str' ? (given[p] as StrValue).parts : [literal(p) ?? '']));
  return str(...parts);
}

/** A property of an imported object handed to a helper (`createRoute(server, healthHandler)` reading `rh.path`): its text, resolved where the object is declared. */
function importedProp(s: Scanned, ref: Reference | null | undefined, prop: string, resolver: ValueResolver): string | null {
  return ref ? (resolver.text(s, { kind: 'str', parts: [{ ref: { ...ref, path: [...ref.path, prop] } }] }, 0) ?? null) : null;
}

/**
 * `registerRoutes(server, defaults.api.routes)` of a route list helper (listHelpers.ts): the routes
 * it registers for each element of the list given, on the router given, as route options read where
 * the list is declared (optionRoutes).
 */
function addListHelperRoutes(s: Scanned, byKey: Map<string, Scanned>, aliases: PathAlias[], warnings: string[]): void {
  // A router handed to a function is recorded as a mount of its parameter (`registerRoutes#0` on `server`), with the call's arguments.
  const handed = s.x.mounts.flatMap((m) => {
    const passed = /^([^#]+)#(\d+)$/.exec(m.routerName);
    if (!passed?.[1] || m.mountedOn === undefined) return [];
    const [local = '', member] = passed[1].startsWith('require(') ? [passed[1]] : passed[1].split('.');
    const routers = Array.from({ length: Number(passed[2]) + 1 }, (_, i) => (i === Number(passed[2]) ? (m.mountedOn ?? null) : null));
    return [{ helper: local, ...(member !== undefined ? { member } : {}), args: m.args ?? [], routers, line: m.line }];
  });
  const calls = [...(s.x.listHelperCalls ?? []), ...handed.filter((h) => !s.x.listHelperCalls?.some((c) => c.line === h.line && c.helper === h.helper))];
  const added: ExtractedRoute[] = [];
  for (const call of calls) {
    const imp = importNamed(s.x.imports, call.helper);
    // A helper of this file, or one imported.
    const found = imp ? followExport(s, imp, call.member, byKey, aliases, 0) : call.member === undefined ? { target: s, name: call.helper } : undefined;
    const entries = found?.name !== undefined ? found.target.x.listHelpers?.[found.name] : undefined;
    for (const e of entries ?? []) {
      // A helper making its own router (`own`) gives its routes to it, called in its own file.
      const router = e.router < 0 ? (found?.target === s ? e.own : undefined) : call.routers[e.router];
      const at = listParamAt(e.options);
      const list = call.args[at];
      const optionsValue = list ? optionsForList(e.options, at, list) : undefined;
      if (router && optionsValue) added.push({ method: 'ALL', optionsValue, path: '/', line: call.line, kind: 'router', router });
      // A list not known here (`registerAll(app, loadEndpoints())`): its routes are not known, said at the call.
      else if (router) warnings.push(scanWarningText(s.file, { id: 'routeOptions', args: [writtenName(router)], line: call.line }));
    }
  }
  if (added.length > 0) s.x = { ...s.x, routes: [...s.x.routes, ...added] };
}

/**
 * `listMembers.mountHttp(app)` of a value `defineApiEndpoint(prefix)({ route: createRoute(...) })`
 * made: a route on that router when the function registers the config it is given through that method.
 */
function addSpecMounts(s: Scanned, byKey: Map<string, Scanned>, aliases: PathAlias[]): void {
  for (const m of s.x.specMounts ?? []) {
    const imp = importNamed(s.x.imports, m.factory);
    const found = imp ? followExport(s, imp, m.member, byKey, aliases, 0) : { target: s, name: m.factory };
    if (found?.name !== undefined && found.target.x.specMounters?.[found.name]?.includes(m.mount)) s.x.routes.push(m.route);
  }
}

/**
 * `app.use('/trpc', trpcHandler)` where another file holds `export const trpcHandler =
 * createExpressMiddleware({ router })`: the routes of that package's endpoint at the mount;
 * `app.use('/api', notFound)` of a function there that answers the request itself: every method
 * at that path (a plugin registered, a middleware mounted with no path, is none).
 */
function addEndpointRoutes(s: Scanned, byKey: Map<string, Scanned>, aliases: PathAlias[]): void {
  for (const mount of s.x.mounts) {
    // `app.use('/files/:file', serveFiles())`: what the function called makes (fileExports.ts keys it `serveFiles()`);
    // `app.use('/config.json', require('./config')(options))`: what the module's function makes (`*()` for an unnamed one).
    const called = mount.routerName.endsWith('()') && (!mount.routerName.startsWith('require(') || mount.member === undefined);
    const local = called ? mount.routerName.slice(0, -2) : mount.routerName;
    const imp = importNamed(s.x.imports, local);
    const found = imp && followExport(s, imp, undefined, byKey, aliases, 0);
    const served = (found?.name !== undefined ? found.target.x.endpoints?.[called ? `${found.name}()` : found.name] : undefined) ?? (mount.atPath ? madeHandler(s, mount.routerName, byKey, aliases) : undefined);
    if (!served || (served === 'handler' && !mount.atPath)) continue;
    const path = endpointPath(served, mount.prefix);
    for (const method of ENDPOINT_METHODS[served]) s.x.routes.push({ method, path, line: mount.line, kind: 'router', router: mount.mountedOn ?? '' });
  }
}

/**
 * `app.use('/settings.json', app.kit.handlers.settings)` of `app.kit.handlers = require('./handlers')(app)`,
 * whose function returns `{ settings: require('./settings')(app) }`: what that module's function makes
 * (madeHandlers.ts).
 */
function madeHandler(s: Scanned, routerName: string, byKey: Map<string, Scanned>, aliases: PathAlias[]): Endpoint | undefined {
  const dot = routerName.lastIndexOf('.');
  const source = dot > 0 ? s.x.madeFields?.[routerName.slice(0, dot)] : undefined;
  const factory = source !== undefined ? resolveModule(s.key, source, byKey, aliases) : undefined;
  const inner = factory?.x.factoryLoads?.[routerName.slice(dot + 1)];
  const made = factory && inner !== undefined ? resolveModule(factory.key, inner, byKey, aliases) : undefined;
  return made?.x.endpoints?.['*()'];
}

/** `usersRoutes(apiRouter)`: the parameter at `index` of the function, in its file, is that router. */
function resolvePassedRouter(s: Scanned, fn: string, index: number, byKey: Map<string, Scanned>, aliases: PathAlias[], property?: string): RouterNode[] {
  // `chat.dynamicRouter(router)` on a value of no known class: that method's parameter in every class of the scan declaring routes on it.
  if (fn.startsWith(ANY_CLASS)) {
    const method = `#${fn.slice(ANY_CLASS.length)}`;
    return [...byKey.values()].flatMap((t) =>
      Object.entries(t.x.routerParams ?? {}).flatMap(([key, names]) => (key.endsWith(method) && key.indexOf('#') > 0 && names[index] ? [{ key: t.key, name: names[index] }] : [])),
    );
  }
  // `etapiNotes.register(router)`: a function of an imported module object, by its member name.
  const dot = fn.indexOf('.');
  const [local, member] = dot > 0 && !fn.startsWith('require(') ? [fn.slice(0, dot), fn.slice(dot + 1)] : [fn, undefined];
  const imp = importNamed(s.x.imports, local);
  const found = imp ? followExport(s, imp, member, byKey, aliases, 0) : { target: s, name: fn };
  if (!found) return [];
  const params = found.target.x.routerParams;
  // `users.mount(router)` of `exports.mount = (app) => ...`: the function the module exports under that name.
  const param = (found.name !== undefined && found.name !== '*' ? params?.[found.name] : undefined) ?? (imp?.imported === 'default' ? (params?.['default'] ?? (member !== undefined ? params?.[member] : undefined)) : undefined);
  // `registerMcp({ routes })`: the name the function binds that property of its parameter to.
  const fnName = found.name !== undefined && found.name !== '*' ? found.name : imp?.imported === 'default' ? 'default' : undefined;
  const name = property !== undefined ? (fnName !== undefined ? found.target.x.routerParamProps?.[fnName]?.[`${index}.${property}`] : undefined) : param?.[index];
  return name ? [{ key: found.target.key, name }] : [];
}

/** A Feathers service of a class not found (feathersServices.ts): its routes dropped, said at the `use` line. */
function unknownServiceClass(warnings: string[]): (s: Scanned, local: string, line: number) => void {
  return (s, local, line) => warnings.push(scanWarningText(s.file, { id: 'feathersServiceMethods', args: [`new ${local}()`], line }));
}

/** The members of the class `local` stands for in `s`: declared there, or imported (memberGuards.ts). */
function classMembersOf(s: Scanned, local: string, byKey: Map<string, Scanned>, aliases: PathAlias[], depth = 0): readonly string[] | undefined {
  const own = s.x.classMembers?.[local];
  if (own) return own;
  if (depth > 8) return undefined;
  // A class extending another (`class Users extends BaseService`): its own members and its base's, known when the base's are.
  const sub = s.x.classBases?.[local];
  if (sub) {
    const base = sub.base !== local ? classMembersOf(s, sub.base, byKey, aliases, depth + 1) : undefined;
    return base && [...new Set([...sub.members, ...base])];
  }
  const imp = importNamed(s.x.imports, local);
  const hit = imp ? followExport(s, imp, undefined, byKey, aliases, 0) : undefined;
  // A default export made by a factory (memberGuards.ts defaultFactoryClass): the members of the class it returns.
  const made = imp?.imported === 'default' ? hit?.target.x.classMembers?.[DEFAULT_FACTORY_INSTANCE] : undefined;
  const name = hit?.name ?? (imp?.imported === 'default' ? hit?.target.x.defaultExport : undefined);
  return (name !== undefined && hit ? classMembersOf(hit.target, name, byKey, aliases, depth + 1) : undefined) ?? made;
}

/**
 * The file and exported name an import stands for, through re-export barrels
 * (`export { default as users } from './users'`, `export * from './x'`).
 */
/** What an exported object's member (`shop.orders`) stands for: a name of that file, or an import passed on. */
function heldMember(target: Scanned, exported: string): { name?: string; imp?: { imported: string; source: string } } | undefined {
  const name = target.x.exportNames?.[exported];
  if (name !== undefined) return { name };
  const imp = importNamed(target.x.imports, `*reexport*${exported}`);
  return imp ? { imp } : undefined;
}

/** Whether a named import is an object whose member `member` the importing file mounts (`register(shop.orders)`). */
function holdsMember(s: Scanned, imp: { imported: string; source: string }, member: string, byKey: Map<string, Scanned>, aliases: PathAlias[]): boolean {
  const target = resolveModule(s.key, imp.source, byKey, aliases);
  return target !== undefined && heldMember(target, `${imp.imported}.${member}`) !== undefined;
}

function followExport(
  from: Scanned,
  imp: { imported: string; source: string },
  member: string | undefined,
  byKey: Map<string, Scanned>,
  aliases: PathAlias[],
  depth: number,
): { target: Scanned; name: string | undefined; viaDefault?: true } | undefined {
  const target = resolveModule(from.key, imp.source, byKey, aliases);
  if (!target || depth > 8) return target ? { target, name: undefined } : undefined;
  const wanted = imp.imported === 'default' ? 'default' : imp.imported === '*' ? member : imp.imported;
  if (wanted === undefined) return { target, name: undefined };
  // `export default { users, posts }`: a member of the default export is what that property holds;
  // so is a name taken from a CommonJS module (`const { users } = require('./x')` of `module.exports = { users }`).
  const key = wanted === 'default' ? member : wanted;
  const property = key !== undefined ? importNamed(target.x.imports, `*reexport*default.${key}`) : undefined;
  if (property) return followExport(target, property, undefined, byKey, aliases, depth + 1);
  // `shop.orders` of `export const shop = { orders: ordersPlugin }` (fileExports.ts exportObjectMembers).
  const held = wanted !== 'default' && imp.imported !== '*' && member !== undefined ? heldMember(target, `${wanted}.${member}`) : undefined;
  if (held?.name !== undefined) return { target, name: held.name };
  if (held?.imp) return followExport(target, held.imp, undefined, byKey, aliases, depth + 1);
  // `module.exports = { api: apiRouter }` read as `routes.api`, or `exports.api = apiRouter`.
  const aliased = target.x.exportNames?.[wanted === 'default' && member !== undefined ? member : wanted];
  if (aliased !== undefined) return { target, name: aliased };
  // `helpers.setupPageRoute(...)` of a CommonJS module exporting no value as a whole (`exports.x = ...`,
  // `const helpers = module.exports; helpers.x = ...`): the member is its export of that name.
  if (wanted === 'default' && member !== undefined && target.x.defaultExport === undefined && !target.x.imports.some((i) => i.local.startsWith('*reexport*'))) return { target, name: member };
  const name = wanted === 'default' ? target.x.defaultExport : wanted;
  if (name !== undefined && name !== '*' && exportsValue(target, name)) return { target, name };
  const reexport = importNamed(target.x.imports, `*reexport*${wanted}`);
  // `module.exports = require('./routes')` passes `routes.api` on as the same member there; so does a
  // namespace passed on under a name (`export * as constants from './constants'`, `constants.API_VERSION`).
  if (reexport) return followExport(target, reexport, wanted === 'default' || reexport.imported === '*' ? member : undefined, byKey, aliases, depth + 1);
  // CommonJS: `const { api } = require('./x')` where x is `module.exports = require('./y')`.
  const cjsDefault = wanted !== 'default' ? importNamed(target.x.imports, '*reexport*default') : undefined;
  if (cjsDefault) return followExport(target, cjsDefault, wanted, byKey, aliases, depth + 1);
  for (const star of starReexports(target.x.imports)) {
    const hit = followExport(target, { imported: wanted, source: star.source }, wanted === imp.imported ? member : undefined, byKey, aliases, depth + 1);
    // `export * from './a'; export * from './b'`: the one that has the name (or passes a namespace on under it), not the first.
    if (hit && (hit.name === undefined ? hit.target !== target : exportsValue(hit.target, hit.name))) return hit;
  }
  // `export { default as routes } from './routes'` of a file exporting an unnamed value: its default export.
  return { target, name, ...(wanted === 'default' ? { viaDefault: true as const } : {}) };
}

/** The values a module exports, for `Object.values(namespace)`: its constants, its exported names, what its re-exports bring. */
function moduleValues(target: Scanned, byKey: Map<string, Scanned>, aliases: PathAlias[], depth: number): Array<{ file: Scanned; value: ConstValue; name: string }> {
  if (depth > 8) return [];
  const own = new Map(Object.entries(target.x.constants ?? {}).filter(([name]) => name !== DEFAULT_OBJECT));
  for (const [name, local] of Object.entries(target.x.exportNames ?? {})) {
    const value = target.x.constants?.[local];
    if (value) own.set(name, value);
  }
  const out = [...own].map(([name, value]) => ({ file: target, value, name }));
  for (const imp of target.x.imports) {
    if (imp.local === '*reexport*') {
      const star = resolveModule(target.key, imp.source, byKey, aliases);
      if (star) out.push(...moduleValues(star, byKey, aliases, depth + 1));
    } else if (imp.local.startsWith('*reexport*') && imp.local !== '*reexport*default') {
      const hit = followExport(target, imp, undefined, byKey, aliases, depth + 1);
      const value = hit?.name !== undefined ? hit.target.x.constants?.[hit.name] : undefined;
      if (hit && value) out.push({ file: hit.target, value, name: imp.local.slice('*reexport*'.length) });
    }
  }
  return out;
}

const NO_ALIASES: PathAlias[] = [];

/** The scanned file an import names (moduleResolution.ts resolvedKey, remembered per set of files). */
function resolveModule(fromKey: string, specifier: string, byKey: ReadonlyMap<string, Scanned>, aliases: readonly PathAlias[] = NO_ALIASES): Scanned | undefined {
  const key = resolvedKey(fromKey, specifier, byKey, aliases);
  return key === undefined ? undefined : byKey.get(key);
}

/**
 * The mounts that reach a router: those naming it, and a whole module's mount (name '*') unless its
 * own file mounts it (`instance.register(async (i) => { i.get(...) }, { prefix: '/v8' })` in a
 * plugin another file registers is served under '/v8' only, not also where the module is).
 */
function incomingOf(edges: MountEdge[], node: RouterNode): MountEdge[] {
  const named = edges.filter((e) => e.child.key === node.key && e.child.name === node.name);
  const inFile = named.some((e) => e.parent.key === node.key && e.parent.name !== node.name);
  return inFile ? named : [...named, ...edges.filter((e) => e.child.key === node.key && e.child.name === '*')];
}

/**
 * Prefixes a router is reachable under: [''] when nothing mounts it (it is the app itself). A
 * router whose own prefix is not known statically (`unknown`) is under each of them and then that
 * prefix, UNKNOWN_PREFIX: its routes are shown, never at a guessed path.
 */
function mountPrefixes(edges: MountEdge[], unknown: Set<string>, servedOnly = false): PrefixesOf {
  const memo = new Map<string, string[]>();
  const visit = (node: RouterNode, depth: number, visiting: Set<string>, keep?: (e: MountEdge) => boolean): string[] => {
    const id = `${node.key}#${node.name}`;
    const own = unknown.has(id) ? UNKNOWN_PREFIX : '';
    const cached = keep ? undefined : memo.get(id);
    if (cached) return cached;
    const all = incomingOf(edges, node);
    // `servedOnly`: the mounts the service's environment rules out are not made; a router mounted only through them is not served.
    const incoming = servedOnly ? all.filter((e) => e.notServed === undefined) : all;
    if (servedOnly && all.length > 0 && incoming.length === 0) return [];
    if (incoming.length === 0 || depth > MAX_MOUNT_DEPTH || visiting.has(id)) return [own];
    visiting.add(id);
    const prefixes = new Set<string>();
    for (const e of keep ? incoming.filter(keep) : incoming) {
      for (const p of visit(e.parent, depth + 1, visiting)) prefixes.add(joinRoutePath(p, e.prefix, own));
    }
    visiting.delete(id);
    const result = [...prefixes];
    if (!keep) memo.set(id, result);
    return result;
  };
  return (node, keep) => visit(node, 0, new Set(), keep);
}

/** The prefixes a router is served under, through the mounts reaching it that `keep` keeps (every one without it). */
type PrefixesOf = (node: RouterNode, keep?: (e: MountEdge) => boolean) => string[];

/** The path each controller is served under before its own: its RouterModule prefix, its OvernightJS parents' paths. */
function controllerPrefixes(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[]): Map<string, string> {
  const mounts = routerModulePrefixes(scanned, byKey, aliases);
  addChildControllerPrefixes(scanned, byKey, aliases, mounts);
  return mounts;
}

/**
 * RouterModule.register trees: the path each module's controllers are served under, keyed by
 * the controller's file and class (`backend/src/me.controller.ts#MeController`): two modules
 * may each have their own controller of the same class name.
 */
function routerModulePrefixes(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[]): Map<string, string> {
  const modulePrefix = new Map<string, string>();
  const walk = (entries: RouterModuleEntry[], base: string): void => {
    for (const e of entries) {
      const path = joinRoutePath(base, e.path);
      // A path not known statically never stands over a known one (the module registered twice).
      if (e.module && !(unknownPrefixPath(path) !== undefined && modulePrefix.has(e.module))) modulePrefix.set(e.module, path);
      walk(e.children, path);
    }
  };
  for (const s of scanned) walk(s.x.routerModules ?? [], '');
  const out = new Map<string, string>();
  if (modulePrefix.size === 0) return out;
  for (const s of scanned) {
    for (const [name, m] of Object.entries(s.x.nestModules ?? {})) {
      const prefix = modulePrefix.get(name);
      if (prefix === undefined) continue;
      for (const controller of m.controllers) {
        const imp = importNamed(s.x.imports, controller);
        const found = imp ? followExport(s, imp, undefined, byKey, aliases, 0) : undefined;
        // Not imported (declared beside it, or not followed): known by its class name alone.
        out.set(found ? `${found.target.key}#${found.name ?? controller}` : `#${controller}`, prefix);
      }
    }
  }
  return out;
}

/**
 * OvernightJS child controllers, keyed like the RouterModule prefixes: each is served under its
 * parent's path, and that under the parent's own parent (`@Controller('hooks')
 * @ChildControllers([new Incoming()])` and Incoming's `@Controller('in') @ChildControllers([new
 * Sns()])`: Sns's routes under /hooks/in), not at its own path alone.
 */
function addChildControllerPrefixes(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[], mounts: Map<string, string>): void {
  const parentOf = new Map<string, { parent: string; path: string }>();
  for (const s of scanned) {
    for (const c of s.x.childControllers ?? []) {
      for (const child of c.children) {
        const imp = importNamed(s.x.imports, child);
        const found = imp ? followExport(s, imp, undefined, byKey, aliases, 0) : undefined;
        parentOf.set(found ? `${found.target.key}#${found.name ?? child}` : `${s.key}#${child}`, { parent: `${s.key}#${c.parent}`, path: c.path });
      }
    }
  }
  // A cycle of children (a mistake in the code) stops at a fixed depth instead of looping.
  const prefixOf = (key: string, depth: number): string => {
    const p = parentOf.get(key);
    if (!p || depth > MAX_CHILD_DEPTH) return mounts.get(key) ?? mounts.get(`#${key.slice(key.lastIndexOf('#') + 1)}`) ?? '';
    return joinRoutePath(prefixOf(p.parent, depth + 1), p.path);
  };
  const prefixes = [...parentOf.keys()].map((key) => [key, prefixOf(key, 0)] as const);
  for (const [key, prefix] of prefixes) mounts.set(key, prefix);
}

const MAX_CHILD_DEPTH = 16;

/** Resolves the parts of paths that refer to other files' constants and config keys. */
class ValueResolver {
  private readonly configDefaults = new Map<string, string>();
  /** The defaults convict schemas declare, by dotted key (ExtractedFile.declaredDefaults). */
  private readonly declaredDefaults = new Map<string, string>();
  /** Config defaults that are other files' constants (ExtractedFile.configDefaultValues), with the file that reads them. */
  private readonly configDefaultValues = new Map<string, { file: Scanned; value: ConstValue }>();
  /** registerAs values that are environment variables with no default in code (ExtractedFile.configEnvReads): the variable, by key. */
  private readonly configEnvReads = new Map<string, string>();
  /** Every file's Express app settings by name (readAppSettings), gathered when first asked. */
  private appSettings: Map<string, { file: Scanned; value: ConstValue }> | undefined;
  /** Every file's module calls by `Class.method` (moduleCallsOf), indexed when first asked. */
  private moduleCalls: Map<string, Array<{ file: Scanned; args: ReadonlyArray<ConstValue | null> }>> | undefined;
  /** Every file's calls of imported functions by the function called (importCallsOf), indexed when first asked. */
  private importCalls: Map<string, Array<{ file: Scanned; args: ReadonlyArray<string | null> }>> | undefined;
  /** While set, envReadText notes no variable (quietText). */
  private quiet = false;
  /** The environment variables whose values from the service's environment went into paths, with the first file reading each (envNotes). */
  private readonly envUsed = new Map<string, string>();

  constructor(
    private readonly scanned: Scanned[],
    private readonly byKey: Map<string, Scanned>,
    private readonly aliases: PathAlias[],
    private readonly files: readonly string[],
    private readonly settings: Readonly<Record<string, string>>,
    private readonly exampleEnv: ExampleEnv | undefined,
    private readonly openApiDocuments: Readonly<Record<string, OpenApiDocument>>,
    private readonly serviceEnv: ServiceEnv | undefined,
    private readonly yamlSettings: Readonly<Record<string, unknown>>,
  ) {
    for (const s of scanned) for (const [k, v] of Object.entries(s.x.configDefaults ?? {})) if (!this.configDefaults.has(k)) this.configDefaults.set(k, v);
    for (const s of scanned) for (const [k, v] of Object.entries(s.x.declaredDefaults ?? {})) if (!this.declaredDefaults.has(k)) this.declaredDefaults.set(k, v);
    for (const s of scanned) for (const [k, v] of Object.entries(s.x.configDefaultValues ?? {})) if (!this.configDefaultValues.has(k)) this.configDefaultValues.set(k, { file: s, value: v });
    for (const s of scanned) for (const [k, v] of Object.entries(s.x.configEnvReads ?? {})) if (!this.configEnvReads.has(k)) this.configEnvReads.set(k, v);
  }

  /**
   * A route registered only for the elements of another file's list a value test holds of
   * (ExtractedRoute.valueWhen): one per element it holds of (or is not known of), the element's
   * properties read in place; the route as it is when the list is not known.
   */
  private testedRoutes(s: Scanned, r: ExtractedRoute): ExtractedRoute[] {
    if (!r.valueWhen) return [r];
    const { valueWhen, ...plain } = r;
    const first = valueWhen.flatMap((t) => (t.value.kind === 'str' ? t.value.parts : [])).find((p): p is Exclude<Part, string> => typeof p !== 'string' && p.ref.path.includes(EACH));
    const at = first ? first.ref.path.indexOf(EACH) : -1;
    const listPath = first ? first.ref.path.slice(0, at) : [];
    const list = first && !first.ref.local.startsWith(LISTED) ? this.refValue(s, first.ref.local, listPath) : undefined;
    const elements = list && listElements(list, (f, local, path) => this.refValue(f, local, path), this.perEntry);
    if (!first || !elements) return [plain];
    const sameList = (ref: Reference) => ref.local === first.ref.local && ref.path[at] === EACH && listPath.every((k, i) => ref.path[i] === k);
    const out = new Map<string, ExtractedRoute>();
    for (const e of elements) {
      const own = (v: ConstValue): ConstValue =>
        mapRefs(v, (ref) => {
          const value = sameList(ref) ? propOf(e.value, ref.path.slice(at + 1)) : undefined;
          return (value && (literalOf(value) ?? this.text(e.file, value, 1))) ?? { ref };
        });
      const fails = valueWhen.some((t) => {
        const text = literalOf(own(t.value));
        return text !== undefined && t.oneOf.includes(text) !== t.holds;
      });
      if (fails) continue;
      const made: ExtractedRoute = { ...plain, ...(plain.pathValue ? { pathValue: own(plain.pathValue) } : {}), ...(plain.methodValue ? { methodValue: own(plain.methodValue) } : {}) };
      out.set(JSON.stringify([made.method, made.pathValue, made.methodValue]), made);
    }
    return [...out.values()];
  }

  /** A copy of the file's extraction with its values resolved; undefined when it has none. */
  resolveFile(s: Scanned, warnings: string[]): ExtractedFile | undefined {
    const x = s.x;
    if (!needsResolving(x)) return undefined;
    const out: ExtractedFile = { ...x, routes: [], mounts: [] };
    for (const c of x.controllerBases ?? []) out.routes.push(...this.inheritedRoutes(s, c, warnings));
    for (const c of x.decoratedControllers ?? []) out.routes.push(...this.factoryControllerRoutes(s, c, warnings));
    for (const c of x.factoryControllers ?? []) out.routes.push(...this.factoryClassRoutes(s, c, warnings));
    for (const h of x.decoratedHandlers ?? []) out.routes.push(...this.decoratedRoutes(s, h, warnings));
    for (const h of x.tsRestHandlers ?? []) out.routes.push(...this.tsRestNestHandlerRoutes(s, h, warnings));
    for (const c of x.factoryCalls ?? []) out.routes.push(...this.factoryCallRoutes(s, c, warnings));
    for (const init of x.openApiInits ?? []) out.routes.push(...this.openApiRoutes(s, init, warnings));
    this.resolvePrefixes(s, out, warnings);
    this.resolveRouterModules(s, out, warnings);
    const warned = new Set<string>();
    for (const r of x.routes.some((r) => r.valueWhen) ? x.routes.flatMap((r) => this.testedRoutes(s, r)) : x.routes) {
      if (r.serviceMethod && !this.servesMethod(s, r.serviceMethod)) continue;
      if (r.optionsValue) {
        out.routes.push(...this.optionRoutes(s, r, r.optionsValue, warnings));
        continue;
      }
      // A path built from a class's constructor parameters is known per instance (instancePaths).
      if (!r.pathValue || hasParams(r.pathValue)) {
        out.routes.push(r);
        continue;
      }
      const looped = this.loopRoutes(s, r, r.pathValue, warnings);
      if (looped) {
        out.routes.push(...looped);
        continue;
      }
      const texts = this.texts(s, r.pathValue);
      const method = r.methodValue ? this.text(s, r.methodValue, 0)?.toUpperCase() : r.method;
      const underUnknown = texts === undefined && !r.methodValue ? (this.underUnknownPrefix(s, r, warned, warnings) ?? this.underUnknownUrlPath(s, r, warnings)) : undefined;
      if (underUnknown) {
        out.routes.push(underUnknown);
        continue;
      }
      // A method known statically that is no HTTP method (a listed file describing something else: `{ verb: 'prefix' }`) is no route, and nothing unknown.
      if (r.methodValue && texts !== undefined && method !== undefined && !isHttpMethod(method)) continue;
      if (texts === undefined || method === undefined || !isHttpMethod(method))
        warnings.push(scanWarningText(s.file, r.methodValue ? { id: 'openapiValue', args: [], line: r.line } : routeValueMessage(r)));
      else if (r.methodValue) for (const text of texts) out.routes.push({ ...r, method, path: joinRoutePath(openApiPathToRoute(text)), pathValue: undefined, methodValue: undefined });
      else for (const text of texts) if (!r.rooted || isRoutePath(text)) out.routes.push({ ...r, path: joinRoutePath(text), pathValue: undefined });
    }
    out.mounts.push(...x.mounts.flatMap((m) => this.elementMounts(s, m) ?? [m]).map((m) => this.resolveMount(s, m, warnings)));
    return out;
  }

  /**
   * `for (const r of Object.values(routes)) app.use(r.path, r.router)`, `for (const [p, r] of pairs)
   * app.use(p, r)` over a list (or an object's values, a namespace's exports) another file holds
   * (ExtractedMount.each), the prefix read from the same element: one mount per element, that
   * element's prefix with that element's router (an index in place of EACH), not every prefix with
   * every router. An element with no such prefix property is no mount. Undefined when the prefix
   * reads no element of the list or the list is not known.
   */
  private elementMounts(s: Scanned, m: ExtractedMount): ExtractedMount[] | undefined {
    const at = m.each?.indexOf(EACH) ?? -1;
    const v = m.prefixValue;
    if (!m.each || at < 0 || v?.kind !== 'str') return undefined;
    const listPath = m.each.slice(0, at);
    const sameList = (ref: Reference) => ref.local === m.routerName && ref.path.length > at && ref.path[at] === EACH && listPath.every((k, i) => ref.path[i] === k);
    if (!v.parts.some((p) => typeof p !== 'string' && sameList(p.ref))) return undefined;
    const elements = this.listItems(s, m.routerName, listPath);
    if (!elements) return undefined;
    return elements.flatMap((e, i) => {
      let missing = false;
      const prefixValue = mapRefs(v, (ref) => {
        const value = sameList(ref) ? propOf(e.value, ref.path.slice(at + 1)) : undefined;
        if (sameList(ref) && !value) missing = true;
        return (value && (literalOf(value) ?? this.text(e.file, value, 1))) ?? { ref };
      });
      return missing ? [] : [{ ...m, prefixValue, each: [...listPath, `${ELEMENT_AT}${i}`, ...(m.each ?? []).slice(at + 1)] }];
    });
  }

  /** The elements of the list `local` and `path` name in `s` as eachRouters reads them (no spread followed), or the values `Object.values` gives there (VALUES last). */
  private listItems(s: Scanned, local: string, path: string[]): Array<{ file: Scanned; value: ConstValue }> | undefined {
    if (path.some((k) => k.startsWith(OMIT) || k === EACH)) return undefined;
    if (path[path.length - 1] === VALUES) return this.listedValues(s, local, path.slice(0, -1));
    const found = this.refValue(s, local, path);
    if (found?.value.kind !== 'arr' || found.value.items.some((item) => (item.kind === 'obj' && item.props[PER_ENTRY]) || soleRef(item)?.path.includes(SPREAD_ITEMS))) return undefined;
    return found.value.items.map((value) => ({ file: found.file, value }));
  }

  /**
   * A text per element of the list its EACH references read (`'/' + r` and `./paths/${r}` of one
   * element together), where texts() gives every combination; undefined when any part is not known.
   */
  private elementwiseTexts(s: Scanned, v: ConstValue): string[] | undefined {
    const first = v.kind === 'str' ? v.parts.find((p): p is Exclude<Part, string> => typeof p !== 'string' && p.ref.path.includes(EACH)) : undefined;
    if (v.kind !== 'str' || !first) return this.texts(s, v);
    const at = first.ref.path.indexOf(EACH);
    const list = this.refValue(s, first.ref.local, first.ref.path.slice(0, at));
    if (list?.value.kind !== 'arr') return undefined;
    const texts = list.value.items.map((item) => {
      const parts = v.parts.map((p) => {
        if (typeof p === 'string') return p;
        const each = p.ref.local === first.ref.local ? p.ref.path.indexOf(EACH) : -1;
        const value = each >= 0 ? propOf(item, p.ref.path.slice(each + 1)) : undefined;
        return each >= 0 ? value && (literalOf(value) ?? this.text(list.file, value, 1)) : this.refText(s, p, 0);
      });
      return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
    });
    return texts.every((t) => t !== undefined) ? texts : undefined;
  }

  /** express-openapi's initialize (openApiJoin.ts): its path modules' operations on its app. */
  private openApiRoutes(s: Scanned, init: OpenApiInit, warnings: string[]): ExtractedRoute[] {
    const scan: OpenApiScan = {
      texts: (v) => this.elementwiseTexts(s, v),
      object: (v) => {
        const ref = v.kind === 'obj' ? undefined : soleRef(v);
        return ref ? this.refValue(s, ref.local, ref.path)?.value : v;
      },
      module: (specifier) => {
        const target = resolveModule(s.key, specifier, this.byKey, this.aliases);
        return target && { file: target.file, operations: target.x.openApiOperations ?? [] };
      },
      filesUnder: (folder, fromFile) => {
        const dirs = fromFile ? [posix.dirname(s.key)] : ancestors(posix.dirname(s.key));
        for (const dir of dirs) {
          const under = `${posix.join(dir, folder).replace(/\/+$/, '')}/`;
          const files = this.scanned.filter((f) => f.key.startsWith(under));
          if (files.length > 0) return files.map((f) => ({ relative: f.key.slice(under.length), file: f.file, operations: f.x.openApiOperations ?? [] }));
        }
        return [];
      },
      document: (file) => this.openApiDocuments[openApiDocKey(s.file, file)],
    };
    const joined = openApiInitRoutes(init, scan);
    warnings.push(...joined.warnings.map((w) => scanWarningText(s.file, w)));
    return joined.routes;
  }

  /**
   * Route options from another file (`server.route(routes)`, `instance.route(getThing)` with the
   * value imported): a route per method of each element, lists flattened (`[a, b].flat()`), an
   * element naming another file's value followed there, hapi `{id}` parameters read as `:id`. An
   * element whose method or path is not known is warned of once.
   */
  private optionRoutes(s: Scanned, r: ExtractedRoute, options: ConstValue, warnings: string[]): ExtractedRoute[] {
    const out: ExtractedRoute[] = [];
    let unknown = false;
    // ts-rest writes a contract's route path after its pathPrefix, those of enclosing contracts before both (`/projects` + `-bulk`).
    // A ts-rest server router (SERVED_CONTRACT) may turn out to be another library's plugin: silent unless a contract is reached.
    let contracts = 0;
    // Among `Object.values(x)` (listed): an exported value that is no route options (a path constant) is no route, not one unknown.
    const visit = (file: Scanned, v: ConstValue | undefined, depth: number, prefix: string, listed = false): void => {
      // `for (const e of routes) server.route({ url: e.path, method: e.method })` over another file's list: each element's.
      const each = v && depth < 12 ? eachElementOptions({ file, value: v }, (f, local, path) => this.refValue(f, local, path), this.perEntry) : undefined;
      if (each) return each.forEach((e) => visit(e.file, e.value, depth + 1, prefix, listed));
      const ref = soleRef(v);
      // A list spread into this one (`[...adminRoutes, probe]`, SPREAD_ITEMS): its elements in place.
      const refPath = ref && ref.path[ref.path.length - 1] === SPREAD_ITEMS ? ref.path.slice(0, -1) : ref?.path;
      const values = ref && refPath && refPath[refPath.length - 1] === VALUES && depth < 12 ? this.listedValues(file, ref.local, refPath.slice(0, -1)) : undefined;
      if (values) return values.forEach((x) => visit(x.file, x.value, depth + 1, prefix, true));
      const found = ref && refPath && depth < 12 ? this.refValue(file, ref.local, refPath) : undefined;
      // `Filter.go(routes, env)` of a method giving back a list it is handed (passThrough.ts): that argument, here.
      const passed = found && ref?.args ? passedArg(found.value, ref.args) : undefined;
      if (passed) return visit(file, passed, depth + 1, prefix, listed);
      if (found) return visit(found.file, found.value, depth + 1, prefix, listed);
      if (v?.kind === 'arr' && depth < 12) return v.items.forEach((item) => visit(file, item, depth + 1, prefix, listed));
      if (listed && (v?.kind !== 'obj' || propOf(v, ['method']) === undefined)) return;
      const contractPrefix = v?.kind === 'obj' && depth < 12 ? v.props[CONTRACT_PREFIX] : undefined;
      const served = v?.kind === 'obj' ? v.props[SERVED_CONTRACT] : undefined;
      // Served under a register's prefix (mounts.ts readTsRestServed): one not known is the mount's warning.
      const under = served && contractPrefix ? this.text(file, contractPrefix, 0) : '';
      if (served && depth < 12) return under === undefined ? undefined : visit(file, served, depth + 1, prefix + under);
      if (v?.kind === 'obj' && contractPrefix) {
        contracts++;
        const own = this.text(file, contractPrefix, 0);
        if (own === undefined) unknown = true;
        else for (const [key, entry] of Object.entries(v.props)) if (key !== CONTRACT_PREFIX) visit(file, entry, depth + 1, prefix + own);
        return;
      }
      const given = v?.kind === 'obj' ? propOf(v, ['method']) : undefined;
      const methods = (given?.kind === 'arr' ? given.items : given ? [given] : []).map((m) => (this.text(file, m, 0) ?? methodMemberName(m))?.toUpperCase());
      const pathValue = v?.kind === 'obj' ? (propOf(v, ['path']) ?? propOf(v, ['url'])) : undefined;
      const path = pathValue && this.text(file, pathValue, 0);
      if (path === undefined || methods.length === 0 || methods.some((m) => m === undefined)) {
        unknown = true;
        return;
      }
      for (const m of methods) {
        const method = m === '*' ? 'ALL' : m;
        if (method !== undefined && isHttpMethod(method)) out.push({ ...r, method, path: joinRoutePath(r.path, bracedPathToRoute(prefix + path)), optionsValue: undefined });
      }
    };
    visit(s, options, 0, '');
    const servedOnly = options.kind === 'obj' && Object.hasOwn(options.props, SERVED_CONTRACT);
    if (unknown && (!servedOnly || contracts > 0)) warnings.push(scanWarningText(s.file, { id: 'routeOptions', args: [writtenName(r.router ?? '')], line: r.line }));
    return out;
  }

  /** A mount with its prefix resolved; one not known statically is UNKNOWN_PREFIX, warned of. */
  private resolveMount(s: Scanned, m: ExtractedMount, warnings: string[]): ExtractedMount {
    // Built from the parameters of the function the router is handed to: per call (mountEdges).
    if (!m.prefixValue || readsArgs(m.prefixValue)) return m;
    const text = this.text(s, m.prefixValue, 0);
    const defaulted = text === undefined ? this.settingDefaultText(s, m.prefixValue) : undefined;
    if (defaulted) {
      warnings.push(...defaulted.used.map((u) => scanWarningText(s.file, { id: 'mountPrefixSettingDefault', args: [u.setting, u.value, u.where], line: m.line })));
      return { ...m, prefix: joinRoutePath(defaulted.text), prefixValue: undefined };
    }
    // `passport.use(config.id, withProxyAgent(strategy))`: a call making no router mounts nothing to warn of.
    const noRouter = m.routerName.endsWith('()') && !factoryOf(s, m.routerName.slice(0, -2), this.byKey, this.aliases);
    if (text === undefined && !noRouter) warnings.push(scanWarningText(s.file, { id: 'mountPrefixValue', args: [], line: m.line }));
    // A setting with no default (`${config.get('basePath')}/docs`) keeps the prefix's known parts, as a template not evaluated does (evaluator.ts unknownPrefix).
    const readsSetting = m.prefixValue.kind === 'str' && m.prefixValue.parts.some((p) => typeof p !== 'string' && (p.ref.local === CONFIG_KEY || p.ref.local === APP_SETTING || (p.ref.local.startsWith('*load*') && p.ref.path[0] === CALLED)));
    return { ...m, prefix: joinRoutePath(text ?? (readsSetting ? this.shownText(s, m.prefixValue) : UNKNOWN_PREFIX)), prefixValue: undefined };
  }

  /**
   * A prefix whose settings read through a module the file loads are known only by their defaults
   * (`${UI.PATH}/api` of `const { UI } = require('./settings')()`, a module merging a configuration
   * file read at run time over another's exported object literal): the prefix with each such setting
   * at its default (settingDefaults.ts), and for each, what to warn of; undefined when any part stays unknown.
   */
  private settingDefaultText(s: Scanned, v: ConstValue): { text: string; used: Array<{ setting: string; value: string; where: string }> } | undefined {
    if (v.kind !== 'str') return undefined;
    let text = '';
    const used: Array<{ setting: string; value: string; where: string }> = [];
    for (const p of v.parts) {
      const known = typeof p === 'string' ? p : this.refText(s, p, 0);
      const d = known === undefined && typeof p !== 'string' ? this.settingDefault(s, p.ref) : undefined;
      if (known === undefined && !d) return undefined;
      if (d) used.push(d);
      text += known ?? d?.value ?? '';
    }
    return used.length > 0 ? { text, used } : undefined;
  }

  /** A setting of a module the file loads (a plain property path, through what its export returns), at the default its loaded modules write. */
  private settingDefault(s: Scanned, ref: Reference): { setting: string; value: string; where: string } | undefined {
    const imp = ref.args || ref.oneOf || ref.truthy || ref.orElse ? undefined : importNamed(s.x.imports, ref.local);
    const names = ref.path.filter((k) => k !== CALLED);
    if (!imp?.source.startsWith('.') || names.length === 0 || !names.every((k) => SETTING_NAME.test(k))) return undefined;
    const start = resolveModule(s.key, imp.source, this.byKey, this.aliases);
    const whole = imp.imported === 'default' || imp.imported === '*';
    const key = [...(whole ? [] : [imp.imported]), ...names].map((k) => k.toLowerCase()).join('.');
    const loads = (f: Scanned) => f.x.imports.flatMap((i) => (i.source.startsWith('.') ? [resolveModule(f.key, i.source, this.byKey, this.aliases)].filter((g): g is Scanned => g !== undefined) : []));
    const hit = start && closureSettingDefault(start, key, loads, (f) => f.x.settingDefaults);
    return hit && { setting: names.join('.'), value: hit.found.value, where: `${fromFolder(s.key, hit.file.key)}:${hit.found.line}` };
  }

  /**
   * The routes of a class decorated with an imported controller factory (`@ApiController('users')`,
   * controllerFactories): its handlers, and its base classes', under the factory's path filled with
   * the use's arguments. Nothing when the decorator is not found to be a controller factory.
   */
  private factoryControllerRoutes(s: Scanned, c: NonNullable<ExtractedFile['decoratedControllers']>[number], warnings: string[]): ExtractedRoute[] {
    const imp = importNamed(s.x.imports, c.decorator);
    const found = imp ? followExport(s, imp, undefined, this.byKey, this.aliases, 0) : undefined;
    const template = found?.name !== undefined ? found.target.x.controllerFactories?.[found.name] : undefined;
    if (!found || !template) return [];
    const path = this.text(found.target, substituteParams(template, c.args), 0);
    if (path === undefined) {
      warnings.push(scanWarningText(s.file, { id: 'decoratorFactoryPath', args: [c.decorator], line: c.line }));
      return [];
    }
    return this.inheritedRoutes(s, { controller: c.controller, base: c.controller, controllerPaths: str(path), line: c.line }, warnings);
  }

  /**
   * The routes of `class AdminSales extends SalesController({ path: 'admins' }) {}` where the
   * function called declares and returns an @Controller class: its handlers, the returned class's
   * and that class's bases', under the factory's path filled with the call's arguments. Nothing
   * when no function of the chain is such a factory.
   */
  private factoryClassRoutes(s: Scanned, c: NonNullable<ExtractedFile['factoryControllers']>[number], warnings: string[]): ExtractedRoute[] {
    const template = this.factoryTemplate(s, c.controller, 0);
    if (!template) return [];
    const path = this.text(template.at, template.value, 0);
    if (path === undefined) {
      warnings.push(scanWarningText(s.file, { id: 'decoratorFactoryPath', args: [c.controller], line: c.line }));
      return [];
    }
    return this.inheritedRoutes(s, { controller: c.controller, base: c.controller, controllerPaths: str(path), line: c.line }, warnings);
  }

  /**
   * The @Controller path the class `name` of `at` gets from the call it extends: the called
   * factory's path (controllerFactories), or the path that one gets from the call its own class
   * extends, each filled with the arguments of the call below it.
   */
  private factoryTemplate(at: Scanned, name: string, depth: number): { at: Scanned; value: ConstValue } | undefined {
    const cls = at.x.handlerClasses?.[name];
    const found = cls?.base !== undefined && cls.baseArgs && depth < 4 ? this.handlerClass(at, cls.base) : undefined;
    if (!cls?.baseArgs || !found) return undefined;
    const own = found.target.x.controllerFactories?.[found.name];
    const template = own ? { at: found.target, value: own } : this.factoryTemplate(found.target, found.name, depth + 1);
    return template && { at: template.at, value: substituteParams(template.value, cls.baseArgs) };
  }

  /** The handler class `name` stands for in `at`: declared there or imported (`ns.Base` of a namespace import). */
  private handlerClass(at: Scanned, name: string): { target: Scanned; name: string } | undefined {
    if (at.x.handlerClasses?.[name]) return { target: at, name };
    const [head, ...rest] = name.split('.');
    const imp = importNamed(at.x.imports, head);
    const found = imp ? followExport(at, imp, imp.imported === '*' ? rest[0] : undefined, this.byKey, this.aliases, 0) : undefined;
    return found?.name !== undefined && found.target.x.handlerClasses?.[found.name] ? { target: found.target, name: found.name } : undefined;
  }

  /**
   * The routes a controller inherits: the handlers of the class it extends (local or imported,
   * and that class's own base), under the controller's path, version and name.
   */
  private inheritedRoutes(s: Scanned, c: NonNullable<ExtractedFile['controllerBases']>[number], warnings: string[]): ExtractedRoute[] {
    const out: ExtractedRoute[] = [];
    let at: Scanned = s;
    let name: string | undefined = c.base;
    for (let depth = 0; name !== undefined && depth < 4; depth++) {
      const found = this.handlerClass(at, name);
      const cls = found ? found.target.x.handlerClasses?.[found.name] : undefined;
      if (!found || !cls) break;
      for (const r of cls.routes) {
        const sub = r.pathValue ? this.text(found.target, r.pathValue, 0) : r.path;
        const bases = c.controllerPaths.kind === 'arr' ? c.controllerPaths.items : [c.controllerPaths];
        for (const b of bases) {
          const base = this.text(s, b, 0);
          if (base === undefined || sub === undefined) {
            warnings.push(scanWarningText(s.file, { id: 'inheritedPath', args: [r.method, c.controller, name], line: c.line }));
            continue;
          }
          // Where the handler that answers is: the base class's method, not the subclass's line.
          const route: ExtractedRoute = { method: r.method, path: joinRoutePath(base, sub), line: r.line, kind: 'nest', controller: c.controller };
          if (found.target !== s) route.declaredIn = found.target.file;
          const version = r.version ?? c.version;
          if (version) route.version = version;
          out.push(route);
        }
      }
      at = found.target;
      name = cls.base;
    }
    return out;
  }

  /**
   * A koa-router route whose router's prefix is an imported value this scan cannot find
   * (`new Router({ prefix: API_BASE })` of a module it does not hold): its own path under the
   * prefix's known parts and … for the rest, warned of once per router where it is made.
   */
  private underUnknownPrefix(s: Scanned, r: ExtractedRoute, warned: Set<string>, warnings: string[]): ExtractedRoute | undefined {
    const value = r.router !== undefined ? s.x.routerPrefixes?.[r.router] : undefined;
    if (r.router === undefined || value?.kind !== 'str' || this.text(s, value, 0) !== undefined) return undefined;
    const prefix = this.shownText(s, value);
    if (!warned.has(r.router)) warnings.push(scanWarningText(s.file, { id: 'routerPrefixValue', args: [r.router], line: s.x.routerPrefixLines?.[r.router] ?? r.line }));
    warned.add(r.router);
    return { ...r, path: joinRoutePath(prefix, r.path), pathValue: undefined };
  }

  /**
   * `app.get(BASE_PATH + '/login')` where BASE_PATH is the path of a URL not known (urlPathRefs.ts:
   * no default in code, none set by the service, or a text that is no URL): the rest of the path
   * under …, warned of as the scan warns of a start it cannot read (routerCalls.ts unknownStartPath).
   */
  private underUnknownUrlPath(s: Scanned, r: ExtractedRoute, warnings: string[]): ExtractedRoute | undefined {
    const rest = this.afterUnknownUrlPath(s, r, warnings);
    return rest !== undefined ? { ...r, path: rest, pathValue: undefined } : undefined;
  }

  /** A route path's rest after the path of a URL not known, under … (underUnknownUrlPath), warned of; undefined for any other path. */
  afterUnknownUrlPath(s: Scanned, r: ExtractedRoute, warnings: string[]): string | undefined {
    // After the slashes the scan roots a path with (`//` before a value it keeps).
    const parts = r.pathValue?.kind === 'str' ? r.pathValue.parts : [];
    const [first, ...rest] = parts.slice(parts.findIndex((p) => typeof p !== 'string' || !/^\/*$/.test(p)));
    if (typeof first !== 'object' || first.ref.local !== URL_PATH) return undefined;
    const tail = this.text(s, str(...rest), 0);
    if (tail === undefined || !tail.startsWith('/')) return undefined;
    warnings.push(scanWarningText(s.file, { id: 'routePathStart', args: [writtenName(r.router ?? ''), r.method.toLowerCase(), r.pathCode ?? ''], line: r.line }));
    return joinRoutePath(UNKNOWN_PREFIX, tail);
  }

  /**
   * `const schemaRoutes = createSchemaRoute('/schema/post', ...)` of another file's route factory
   * (routeFactories.ts): its routes on that constant, at the paths the call gives; a path or method
   * the call does not give is a warning at the call. Nothing for a function that is no route factory.
   */
  private factoryCallRoutes(s: Scanned, c: NonNullable<ExtractedFile['factoryCalls']>[number], warnings: string[]): ExtractedRoute[] {
    const imp = importNamed(s.x.imports, c.factory);
    const found = imp ? followExport(s, imp, c.member, this.byKey, this.aliases, 0) : undefined;
    const out: ExtractedRoute[] = [];
    for (const r of found?.name !== undefined ? (found.target.x.routeFactories?.[found.name] ?? []) : []) {
      const at = factoryRouteAt(r, c.args);
      const text = at.path && this.text(s, at.path, 0);
      if (at.method && text?.startsWith('/')) out.push({ method: at.method, path: joinRoutePath(r.options ? bracedPathToRoute(text) : text), line: c.line, kind: 'router', router: c.router });
      else warnings.push(scanWarningText(s.file, at.method ? { id: 'routeValue', args: [at.method], line: c.line } : { id: 'routeTable', args: [], line: c.line }));
    }
    return out;
  }

  /** A handler's routes from a decorator factory of another file (`@GetUser('me')`, `@APIRoute('GET', 'feed')`), under its controller's paths. */
  private decoratedRoutes(s: Scanned, h: NonNullable<ExtractedFile['decoratedHandlers']>[number], warnings: string[]): ExtractedRoute[] {
    const imp = importNamed(s.x.imports, h.decorator);
    const found = imp ? followExport(s, imp, undefined, this.byKey, this.aliases, 0) : undefined;
    const factory = found?.name !== undefined ? found.target.x.decoratorFactories?.[found.name] : undefined;
    const out: ExtractedRoute[] = [];
    for (const r of factory ?? []) {
      const bases = h.controllerPaths.kind === 'arr' ? h.controllerPaths.items : [h.controllerPaths];
      const method = r.methodValue ? factoryMethod(r.methodValue, h.args) : r.method;
      for (const base of bases) {
        const sub = substituteParams(r.path, h.args);
        const baseText = this.text(s, base, 0);
        const subText = found ? this.text(found.target, sub, 0) : undefined;
        if (baseText === undefined || subText === undefined || method === undefined) {
          warnings.push(scanWarningText(s.file, { id: method === undefined ? 'decoratorFactoryMethod' : 'decoratorFactoryPath', args: [h.decorator], line: h.line }));
          continue;
        }
        const route: ExtractedRoute = { method, path: joinRoutePath(baseText, subText), line: h.line, kind: 'nest' };
        if (h.version) route.version = h.version;
        if (h.controller) route.controller = h.controller;
        out.push(route);
      }
    }
    return out;
  }

  /** A @ts-rest/nest handler's routes (tsRestNest.ts), under its controller's paths; one whose contract route is not known is warned of. */
  private tsRestNestHandlerRoutes(s: Scanned, h: NonNullable<ExtractedFile['tsRestHandlers']>[number], warnings: string[]): ExtractedRoute[] {
    const lookup = { refValue: (f: Scanned, local: string, path: string[]) => this.refValue(f, local, path), text: (f: Scanned, v: ConstValue) => this.text(f, v, 0) };
    const routes = h.contract ? tsRestNestRoutes({ file: s, value: h.contract }, h.keys, lookup) : undefined;
    const bases = (h.controllerPaths.kind === 'arr' ? h.controllerPaths.items : [h.controllerPaths]).map((b) => this.text(s, b, 0));
    if (!routes || bases.some((b) => b === undefined)) {
      warnings.push(scanWarningText(s.file, { id: 'tsRestNestRoute', args: [h.decorator], line: h.line }));
      return [];
    }
    const out: ExtractedRoute[] = [];
    for (const r of routes) {
      for (const base of bases) {
        const route: ExtractedRoute = { method: r.method, path: joinRoutePath(base ?? '', r.path), line: h.line, kind: 'nest' };
        if (h.version) route.version = h.version;
        if (h.controller) route.controller = h.controller;
        out.push(route);
      }
    }
    return out;
  }

  /**
   * RouterModule trees left to the join: one registered here but written in another file as a
   * constant (`RouterModule.register(routes)`, routes imported), read from that file's value; and
   * those a module's static method registers with paths of its parameters, once per call of that
   * method found in a module's imports (`HashModule.register({ route })`). What stays unknown is a
   * warning at the registration, its modules' routes shown under … as before.
   */
  private resolveRouterModules(s: Scanned, out: ExtractedFile, warnings: string[]): void {
    if (out.routerModules) out.routerModules = this.importedPaths(s, out.routerModules, warnings);
    const trees: RouterModuleEntry[] = [];
    for (const { value, line } of s.x.routerModuleValues ?? []) {
      const ref = value.kind === 'str' && value.parts.length === 1 ? value.parts[0] : undefined;
      const found = typeof ref === 'object' ? this.refValue(s, ref.ref.local, ref.ref.path) : undefined;
      const unknown: string[] = [];
      const tree = found ? this.treeOf(found.file, found.value, unknown, 0) : undefined;
      if (!tree) warnings.push(scanWarningText(s.file, { id: 'routerModuleTree', args: [], line }));
      for (const module of unknown) warnings.push(scanWarningText(s.file, { id: 'routerModulePath', args: [module], line }));
      trees.push(...(tree ?? []));
    }
    for (const f of s.x.routerModuleFactories ?? []) {
      const filled = this.moduleCallsOf(f.module, f.method).map((c) => this.filledTree(f.tree, c.file, c.args));
      const known = filled.filter((t): t is RouterModuleEntry[] => t !== undefined);
      if (known.length === 0) warnings.push(scanWarningText(s.file, { id: 'routerModulePath', args: [f.module], line: f.line }));
      trees.push(...(known.length > 0 ? known.flat() : f.tree));
    }
    if (trees.length > 0) out.routerModules = [...(out.routerModules ?? []), ...trees];
  }

  /** A RouterModule tree with the paths written as other files' constants read (`path: ClientTypeBaseRoute.Student`); one not found stays … and is warned of. */
  private importedPaths(s: Scanned, tree: RouterModuleEntry[], warnings: string[]): RouterModuleEntry[] {
    return tree.map((e) => {
      const children = this.importedPaths(s, e.children, warnings);
      if (!e.pathValue || hasParams(e.pathValue)) return { ...e, children };
      const path = this.text(s, e.pathValue, 0);
      const line = e.line ?? 0;
      if (path === undefined) warnings.push(scanWarningText(s.file, e.module ? { id: 'routerModulePath', args: [e.module], line } : { id: 'routerModulePathUnnamed', args: [], line }));
      return { path: path ?? UNKNOWN_PREFIX, module: e.module, children };
    });
  }

  /** A RouterModule tree as another file's constant holds it: its entries' paths in that file, modules by the names it gives them. */
  private treeOf(file: Scanned, v: ConstValue, unknown: string[], depth: number): RouterModuleEntry[] | undefined {
    if (v.kind !== 'arr' || depth > 10) return undefined;
    return v.items.flatMap((item): RouterModuleEntry[] => {
      // `children: [UserModule]`: a module class, served under its parent's path.
      const named = moduleName(item);
      if (named !== undefined) return [{ path: '', module: named, children: [] }];
      if (item.kind !== 'obj') return [];
      const pathValue = propOf(item, ['path']);
      const path = pathValue ? this.text(file, pathValue, 0) : '';
      const module = moduleName(propOf(item, ['module'])) ?? '';
      const childValue = propOf(item, ['children']);
      const children = childValue ? (this.treeOf(file, childValue, unknown, depth + 1) ?? []) : [];
      if (path === undefined && module !== '') unknown.push(module);
      return [{ path: path ?? UNKNOWN_PREFIX, module, children }];
    });
  }

  /** A static method's RouterModule tree with one call's arguments in its paths (in the calling file); undefined when one is not known. */
  private filledTree(tree: RouterModuleEntry[], file: Scanned, args: ReadonlyArray<ConstValue | null>): RouterModuleEntry[] | undefined {
    const out: RouterModuleEntry[] = [];
    for (const e of tree) {
      const children = this.filledTree(e.children, file, args);
      const value = e.pathValue && paramsGiven(e.pathValue, args) ? substituteParams(e.pathValue, args.map((a) => a ?? str(''))) : undefined;
      const path = e.pathValue ? (value && this.text(file, value, 0)) : e.path;
      if (path === undefined || children === undefined) return undefined;
      out.push({ path, module: e.module, children });
    }
    return out;
  }

  /** The calls of a module class's static method in the scan's module imports (`HashModule.register({ route })`), with their files. */
  private moduleCallsOf(module: string, method: string): Array<{ file: Scanned; args: ReadonlyArray<ConstValue | null> }> {
    if (!this.moduleCalls) {
      this.moduleCalls = new Map();
      for (const file of this.scanned)
        for (const c of file.x.moduleCalls ?? []) {
          const key = `${c.module}.${c.method}`;
          this.moduleCalls.set(key, [...(this.moduleCalls.get(key) ?? []), { file, args: c.args }]);
        }
    }
    return this.moduleCalls.get(`${module}.${method}`) ?? [];
  }

  /** Nest's global prefix and URI-versioning prefix when they are config keys or other files' constants. */
  private resolvePrefixes(s: Scanned, out: ExtractedFile, warnings: string[]): void {
    const x = s.x;
    if (x.globalPrefixValue) {
      const text = this.text(s, x.globalPrefixValue, 0);
      const known = text === undefined ? this.knownPart(s, x.globalPrefixValue) : undefined;
      const line = x.globalPrefixLine !== undefined ? { line: x.globalPrefixLine } : {};
      if (text !== undefined) out.globalPrefix = joinRoutePath(text);
      else if (known !== undefined) {
        out.globalPrefix = joinRoutePath(known);
        warnings.push(scanWarningText(s.file, { id: 'globalPrefixPart', args: [known], ...line }));
      } else if (x.globalPrefixUnknownShown) {
        out.globalPrefix = joinRoutePath(UNKNOWN_PREFIX);
        warnings.push(scanWarningText(s.file, { ...this.exampleEnvHint(s, x.globalPrefixValue), ...line }));
      } else if (x.globalPrefixValue.kind === 'config' && this.configEnvReads.has(x.globalPrefixValue.key)) {
        // A configuration key whose value is an environment variable with no default in code: the
        // service's value where it sets it (noted), else a prefix there is that what runs sets: its
        // routes under `…`, not at the root where they are not.
        const variable = this.configEnvReads.get(x.globalPrefixValue.key) ?? '';
        const set = this.serviceEnv ? envPathValue(this.serviceEnv, variable) : undefined;
        if (set !== undefined && !this.envUsed.has(variable)) this.envUsed.set(variable, s.file);
        out.globalPrefix = joinRoutePath(set ?? UNKNOWN_PREFIX);
        if (set === undefined) warnings.push(scanWarningText(s.file, { ...this.globalPrefixEnvHint(variable), ...line }));
      } else warnings.push(scanWarningText(s.file, { id: 'globalPrefixValue', args: [], ...line }));
    }
    if (x.versioningPrefixValue && x.uriVersioning) {
      const text = this.text(s, x.versioningPrefixValue.value, 0);
      const known = text === undefined ? this.knownPart(s, x.versioningPrefixValue.value) : undefined;
      if (text !== undefined) out.uriVersioning = { ...x.uriVersioning, prefix: text };
      else if (known !== undefined) {
        out.uriVersioning = { ...x.uriVersioning, prefix: known };
        warnings.push(scanWarningText(s.file, { id: 'versioningPrefixPart', args: [known], line: x.versioningPrefixValue.line }));
      } else {
        warnings.push(scanWarningText(s.file, { id: 'versioningPrefix', args: [], line: x.versioningPrefixValue.line }));
        delete out.uriVersioning;
      }
    }
    // `defaultVersion: process.env.API_VERSION || '1'`: the service's value where it sets the variable (envReadText).
    const defaultVersion = x.defaultVersionValue && this.text(s, x.defaultVersionValue, 0);
    if (defaultVersion !== undefined && out.uriVersioning) out.uriVersioning = { ...out.uriVersioning, defaultVersion: [defaultVersion] };
  }

  /**
   * The routePrefix warning, naming the environment variable the prefix is (`env.app.routePrefix`
   * kept from `getOsEnv('APP_ROUTE_PREFIX')`) and what the committed example environment sets it to.
   */
  private exampleEnvHint(s: Scanned, v: ConstValue): ScanMessage {
    const variable = envVariableOf(s, v, this.byKey, this.aliases);
    const value = variable !== undefined ? this.exampleEnv?.vars[variable] : undefined;
    if (this.exampleEnv && variable !== undefined && value !== undefined) return { id: 'routePrefixEnvExample', args: [variable, this.exampleEnv.file, value, joinRoutePath(value)] };
    return variable !== undefined ? { id: 'routePrefixEnv', args: [variable] } : { id: 'routePrefixValue', args: [] };
  }

  /** The setGlobalPrefix warning naming the environment variable, with what the committed example environment sets it to (when not empty). */
  private globalPrefixEnvHint(variable: string): ScanMessage {
    const value = this.exampleEnv?.vars[variable];
    if (this.exampleEnv && value !== undefined && value !== '') return { id: 'globalPrefixEnvExample', args: [variable, this.exampleEnv.file, value, joinRoutePath(value)] };
    return { id: 'globalPrefixEnv', args: [variable] };
  }

  /**
   * `${CONTEXT_PATH}v1` where CONTEXT_PATH is a run-time value (read from the environment by a
   * function): the parts found, the others left out, as an unknown prefix is left out whole.
   * Undefined when no literal part is there to keep.
   */
  private knownPart(s: Scanned, v: ConstValue): string | undefined {
    if (v.kind !== 'str' || !v.parts.some((p) => typeof p === 'string' && p !== '')) return undefined;
    return v.parts.map((p) => (typeof p === 'string' ? p : (this.refText(s, p, 0) ?? ''))).join('');
  }

  /** A prefix as shown: its text, else its known parts with … for each part not found statically (what is under it is not probed). */
  shownText(s: Scanned, v: ConstValue): string {
    const text = this.text(s, v, 0);
    if (text !== undefined || v.kind !== 'str') return text ?? UNKNOWN_PREFIX;
    return v.parts.map((p) => (typeof p === 'string' ? p : (this.refText(s, p, 0) ?? `/${UNKNOWN_PREFIX}/`))).join('');
  }

  /**
   * A configuration key's default: the full key of a registerAs namespace first, then node-config's,
   * then a registerAs default that is another file's constant, then a property of that name anywhere.
   */
  private configText(full: string, depth: number): string | undefined {
    const key = full.split('.').pop() ?? full;
    const held = this.configDefaultValues.get(full);
    // `apiPrefix: process.env.API_PREFIX || 'api'`: the value the service's environment sets, else the default (envReadText).
    if (held && readsEnv(held.value)) return this.text(held.file, held.value, depth + 1);
    return this.configDefaults.get(full) ?? this.declaredDefaults.get(full) ?? this.settings[full] ?? (held && this.text(held.file, held.value, depth + 1)) ?? this.appSettingText(full, depth) ?? this.configDefaults.get(key);
  }

  /** An Express app setting's text (appSettings.ts): what a file of the project sets it to, the first file's when several do. */
  private appSettingText(name: string, depth: number): string | undefined {
    this.appSettings ??= this.readAppSettings();
    const held = this.appSettings.get(name);
    // `conf.get('api.version')` of a convict instance another file made: the default its schema declares.
    return held ? (literalOf(held.value) ?? this.text(held.file, held.value, depth + 1)) : this.declaredDefaults.get(name);
  }

  /** Every file's app settings: those set by name first, then each key of the objects set key by key. */
  private readAppSettings(): Map<string, { file: Scanned; value: ConstValue }> {
    const out = new Map<string, { file: Scanned; value: ConstValue }>();
    for (const s of this.scanned) for (const [k, v] of Object.entries(s.x.appSettings ?? {})) if (!out.has(k)) out.set(k, { file: s, value: v });
    for (const s of this.scanned)
      for (const source of s.x.appSettingSources ?? []) {
        const found = this.objectOf(s, source, 0);
        if (found) for (const [k, v] of Object.entries(found.value.props)) if (k !== SPREAD && !out.has(k)) out.set(k, { file: found.file, value: v });
      }
    return out;
  }

  /** The object literal a value is or refers to, followed from file to file (a JSON module's too). */
  private objectOf(s: Scanned, v: ConstValue, depth: number): { file: Scanned; value: Extract<ConstValue, { kind: 'obj' }> } | undefined {
    if (v.kind === 'obj') return { file: s, value: v };
    const ref = soleRef(v);
    const found = ref && depth < 8 ? this.refValue(s, ref.local, ref.path) : undefined;
    return found && this.objectOf(found.file, found.value, depth + 1);
  }

  text(s: Scanned, v: ConstValue, depth: number): string | undefined {
    if (depth > 8) return undefined;
    if (v.kind === 'config') return this.configText(v.key, depth);
    if (v.kind !== 'str') return undefined;
    let out = '';
    for (const p of v.parts) {
      const t = typeof p === 'string' ? p : this.refText(s, p, depth);
      if (t === undefined) return undefined;
      out += t;
    }
    return out;
  }

  private refText(s: Scanned, p: Exclude<Part, string>, depth: number): string | undefined {
    if (p.ref.local === ENV_READ) return this.envReadText(s, p.ref.path[0] ?? '', p.ref.fallback ?? '', p.ref.nullish === true);
    if (p.ref.local === URL_PATH) return this.urlPathText(s, p.ref, depth);
    if (p.ref.local === ENV_VALUE) return this.envValueText(s, p.ref.path[0] ?? '');
    if (p.ref.local === CONFIG_KEY) return this.configText(p.ref.path[0] ?? '', depth);
    if (p.ref.local === APP_SETTING) return this.appSettingText(p.ref.path[0] ?? '', depth);
    if (p.ref.orElse && p.ref.local !== URL_PATH) return this.orElseText(s, p.ref, p.ref.orElse, depth);
    if (p.ref.truthy && p.ref.equals !== undefined) return this.equalsText(s, p.ref, p.ref.truthy, p.ref.equals, depth);
    if (p.ref.truthy) return this.truthyText(s, p.ref.local, p.ref.path, p.ref.truthy);
    if (p.ref.oneOf) {
      // Chosen at run time among several: known when every one has the same text.
      const texts = p.ref.oneOf.map((o) => this.refText(s, { ref: o }, depth));
      return texts.every((t) => t !== undefined && t === texts[0]) ? texts[0] : undefined;
    }
    if (p.ref.args) return this.calledText(s, p.ref.local, p.ref.path, p.ref.args, depth);
    const found = this.refValue(s, p.ref.local, p.ref.path);
    // A member of an instance the class gives no value (or no class: an interface's) is the fallback too.
    if (!found && p.ref.fallback !== undefined && (p.ref.path[0] === NEW || this.absentProperty(s, p.ref.local, p.ref.path))) return p.ref.fallback;
    // `v1('users')` of an imported function, read as a configuration getter's key (evaluator.ts keyedGetter): a function building a path from its argument.
    const key = p.ref.path.length - 1;
    if (!found && key > 0 && p.ref.path[key - 1] === CALLED) return this.calledText(s, p.ref.local, p.ref.path.slice(0, key), [str(p.ref.path[key] ?? '')], depth);
    // A value reading an environment variable with a default in code is resolved, not taken as its default (envReadText).
    const text = found ? ((readsEnv(found.value) ? undefined : literalOf(found.value)) ?? this.text(found.file, found.value, depth + 1)) : undefined;
    return text ?? this.serviceEnvText(s, p);
  }

  /** The path of a URL (urlPaths.ts URL_PATH): known once the URL's text is, and only when it parses. */
  private urlPathText(s: Scanned, ref: Reference, depth: number): string | undefined {
    const href = ref.args?.[0] && this.text(s, ref.args[0], depth + 1);
    // `try { base = new URL(href).pathname } catch { base = other }` (reassignedFields.ts): the other where the URL does not parse.
    const path = href !== undefined ? urlPathRefText(ref, href) : undefined;
    if (href !== undefined) return path ?? (ref.orElse ? this.text(s, ref.orElse, depth + 1) : undefined);
    // `if (!process.env.BASE_URL) return '';` before its `new URL(...)`: '' where the service's environment does not set it.
    const read = soleRef(ref.args?.[0]);
    const unset = read?.local === ENV_VALUE && (!this.serviceEnv || !Object.hasOwn(this.serviceEnv.values, read.path[0] ?? ''));
    return unset && ref.path.includes(EMPTY_WHEN_UNSET) ? '' : undefined;
  }

  /** An environment variable read with no default in code (urlPathRefs.ts ENV_VALUE): the value the service's environment sets, recorded for the note of where. */
  private envValueText(s: Scanned, variable: string): string | undefined {
    const value = this.serviceEnv ? envPathValue(this.serviceEnv, variable) : undefined;
    if (value !== undefined && !this.quiet && !this.envUsed.has(variable)) this.envUsed.set(variable, s.file);
    return value;
  }

  /**
   * The value the service's environment gives the environment variable a reference is kept from
   * (`env.app.routePrefix` of `getOsEnv('APP_ROUTE_PREFIX')`), recorded for the note naming where
   * it is set; undefined when it does not set it (a base image or the shell may), and for a
   * secret-looking variable, never taken into a path (envPathValue).
   */
  private serviceEnvText(s: Scanned, p: Exclude<Part, string>): string | undefined {
    if (!this.serviceEnv || p.ref.local === CONFIG_KEY) return undefined;
    const variable = envVariableOf(s, str(p), this.byKey, this.aliases);
    const value = variable !== undefined ? envPathValue(this.serviceEnv, variable) : undefined;
    if (variable !== undefined && value !== undefined && !this.envUsed.has(variable)) this.envUsed.set(variable, s.file);
    return value;
  }

  /**
   * An environment variable read with a default in code (values.ts ENV_READ): the value the
   * service's environment sets (recorded for the note of where), else the default, as the code
   * runs with it unset; an empty value read with `||` (not `nullish`) is the default too.
   */
  private envReadText(s: Scanned, variable: string, fallback: string, nullish: boolean): string {
    const value = this.serviceEnv ? envPathValue(this.serviceEnv, variable) : undefined;
    if (value === undefined || (!nullish && value === '')) return fallback;
    if (!this.quiet && !this.envUsed.has(variable)) this.envUsed.set(variable, s.file);
    return value;
  }

  /**
   * A value's text taken without noting the environment variables read (envReadText): for a call's
   * arguments worked out before it is known that a path uses them (a mount's `args`), which would
   * otherwise say a value went into a path when it went into a title or a version.
   */
  quietText(s: Scanned, v: ConstValue): string | undefined {
    this.quiet = true;
    try {
      return this.text(s, v, 0);
    } finally {
      this.quiet = false;
    }
  }

  /** A note for each environment variable whose value from the service's environment went into a path: the value and where it is set. */
  envNotes(): string[] {
    const env = this.serviceEnv;
    if (!env) return [];
    return [...this.envUsed].map(([variable, file]) => envPathNote(file, env, variable));
  }

  /**
   * What an imported function (a path ending in CALLED), or a method of an imported class, returns
   * for a call's arguments (values.ts Part args): its value (fileExports.ts pathFunctionValue), found
   * through the classes it is inherited from, filled with the arguments' texts and, for those not
   * given, the parameters' defaults.
   */
  private calledText(s: Scanned, local: string, path: string[], args: ConstValue[], depth: number): string | undefined {
    const texts: string[] = [];
    for (const a of args) {
      const t = this.text(s, a, depth + 1);
      if (t === undefined) return undefined;
      texts.push(t);
    }
    let found = this.refValue(s, local, path.slice(0, -1));
    // `class InstanceRouter extends RouterBroker` of a file whose RouterBroker extends another file's class.
    for (let i = 0; found && i < 8; i++) {
      const only = found.value.kind === 'str' && found.value.parts.length === 1 ? found.value.parts[0] : undefined;
      if (typeof only !== 'object') break;
      found = this.refValue(found.file, only.ref.local, only.ref.path);
    }
    const fn = found?.value.kind === 'obj' ? found.value.props : undefined;
    const template = fn?.[CALLED];
    if (!found || !fn || !template) return undefined;
    const filled = Array.from({ length: MAX_CALL_ARGS }, (_, i) => (i < texts.length ? str(texts[i] ?? '') : (fn[`${ARG}${i}`] ?? str('undefined'))));
    return this.text(found.file, substituteParams(template, filled, ARG), depth + 1);
  }

  /**
   * The branch a truthiness test on an imported value picks (`route.options?.bare ? '' : '/api'`):
   * the first when it is a non-empty string or `true`, the second when it is `false`, or absent from
   * an object literal known whole; undefined when that cannot be known.
   */
  /**
   * `env.PREFIX || other` (evaluator.ts orElse): the value's text, else the other's where the value is
   * absent from the object holding it or an environment variable the service does not set (or, for
   * `||`, empty). Undefined where the value is not known and may be there.
   */
  private orElseText(s: Scanned, ref: Reference, other: ConstValue, depth: number): string | undefined {
    const own: Reference = { local: ref.local, path: ref.path };
    const text = this.refText(s, { ref: own }, depth + 1);
    if (text !== undefined && (text !== '' || ref.nullish)) return text;
    const found = text === undefined ? this.refValue(s, own.local, own.path) : undefined;
    const read = found && soleRef(found.value);
    const unsetEnv = read?.local === ENV_VALUE && read.path.length === 1 && (!this.serviceEnv || !Object.hasOwn(this.serviceEnv.values, read.path[0] ?? ''));
    return text === '' || unsetEnv || (!found && this.absentProperty(s, own.local, own.path)) ? this.text(s, other, depth + 1) : undefined;
  }

  /** A value compared with a text (`env.NODE_ENV === 'development' ? '/api' : ''`, evaluator.ts comparedRef): the branch its text picks, once known. */
  private equalsText(s: Scanned, ref: Reference, [then, otherwise]: [string, string], equals: string, depth: number): string | undefined {
    const text = this.refText(s, { ref: { local: ref.local, path: ref.path } }, depth + 1);
    return text === undefined ? undefined : text === equals ? then : otherwise;
  }

  private truthyText(s: Scanned, local: string, path: string[], [then, otherwise]: [string, string]): string | undefined {
    const found = this.refValue(s, local, path);
    if (found) return found.value.kind === 'str' && literalOf(found.value) === '' ? otherwise : found.value.kind === 'str' && literalOf(found.value) === undefined ? undefined : then;
    const key = path[path.length - 1];
    const owner = key !== undefined ? this.refValue(s, local, path.slice(0, -1))?.value : undefined;
    if (owner?.kind !== 'obj' || key === undefined || Object.hasOwn(owner.props, SPREAD)) return undefined;
    const other = owner.other ?? {};
    if (Object.hasOwn(other, SPREAD)) return undefined;
    if (!Object.hasOwn(other, key)) return otherwise;
    return other[key] === true ? then : other[key] === false ? otherwise : undefined;
  }

  /** The file's extraction `x` with its guards' configuration reads decided by the committed values (configGuards.ts). */
  withConfigDefaults(s: Scanned, x: ExtractedFile): ExtractedFile {
    return configGuardedFile(x, (read) => this.guardRead(s, read)) ?? x;
  }

  /**
   * A configuration read of a guard (GuardTest `read`) as the object literal of the file it is imported
   * from gives it, with that file: a literal or a boolean written there; NOT_KNOWN for anything else
   * (a value read from the environment, a key the object does not write, an object not known).
   */
  private guardRead(s: Scanned, read: { local: string; path: string[]; arg?: { fn: string; index: number } }): { v: unknown; file: string } | typeof NOT_KNOWN {
    if (read.arg) return this.paramRead(s, read.arg, read.path);
    const found = this.refValue(s, read.local, read.path);
    if (!found) {
      const yaml = this.yamlRead(s, read.local, read.path);
      if (yaml !== undefined) return yaml;
    }
    if (found) {
      const text = found.value.kind === 'str' && !readsEnv(found.value) ? literalOf(found.value) : undefined;
      // A number is kept as its text: whether the code compares it with a number or a string is not known here.
      return text === undefined || /^[-+]?\d/.test(text) ? NOT_KNOWN : { v: text, file: found.file.file };
    }
    const key = read.path[read.path.length - 1];
    const owner = key !== undefined ? this.refValue(s, read.local, read.path.slice(0, -1)) : undefined;
    if (owner?.value.kind !== 'obj' || key === undefined || Object.hasOwn(owner.value.props, SPREAD)) return NOT_KNOWN;
    const other = owner.value.other ?? {};
    if (Object.hasOwn(other, SPREAD)) return NOT_KNOWN;
    // A key the object does not write may be set on it later (`config.isProduction = ...`): not known.
    const b = Object.hasOwn(other, key) ? other[key] : undefined;
    return typeof b === 'boolean' ? { v: b, file: owner.file.file } : NOT_KNOWN;
  }

  /**
   * A read of what a settings module exports, when it builds that from a YAML file's defaults
   * (yamlSettings.ts), as the file found gives it: a string or a boolean; an object is only known to
   * be there (configGuards.ts reads it for its truth). Undefined when the module is no such one, its
   * file was not found, or the file has no such key; NOT_KNOWN for any other value.
   */
  private yamlRead(s: Scanned, local: string, path: string[]): { v: unknown; file: string } | typeof NOT_KNOWN | undefined {
    const imp = importNamed(s.x.imports, local);
    const target = imp ? resolveModule(s.key, imp.source, this.byKey, this.aliases) : undefined;
    const defaults = target?.x.yamlDefaults;
    if (!imp || !defaults || !Object.hasOwn(this.yamlSettings, defaults.file)) return undefined;
    const keys = imp.imported === 'default' || imp.imported === '*' ? path : [imp.imported, ...path];
    const at = yamlValueAt(this.yamlSettings[defaults.file], keys);
    if (!at) return undefined;
    const v = at.v;
    if (typeof v === 'string' || typeof v === 'boolean' || (v !== null && typeof v === 'object')) return { v, file: defaults.file };
    return NOT_KNOWN;
  }

  /**
   * A guard's read of parameter `arg.index` of `s`'s function `arg.fn` (`function initialize(config)`)
   * as its callers give it: each call of that function from another file (ExtractedFile.importCalls)
   * given there an imported configuration object, read as a guard of that file would read it. Known
   * only when there is such a call and every call gives the same value; NOT_KNOWN otherwise.
   */
  private paramRead(s: Scanned, arg: { fn: string; index: number }, path: string[]): { v: unknown; file: string } | typeof NOT_KNOWN {
    let known: { v: unknown; file: string } | undefined;
    for (const call of this.importCallsOf().get(`${s.key}\0${arg.fn}`) ?? []) {
      const given = call.args[arg.index];
      const v = given !== null && given !== undefined ? this.guardRead(call.file, { local: given, path }) : NOT_KNOWN;
      if (v === NOT_KNOWN || (known !== undefined && known.v !== v.v)) return NOT_KNOWN;
      known = v;
    }
    return known ?? NOT_KNOWN;
  }

  /** Every file's calls of an imported function (ExtractedFile.importCalls) by the file and local name of the function called. */
  private importCallsOf(): Map<string, Array<{ file: Scanned; args: ReadonlyArray<string | null> }>> {
    if (this.importCalls) return this.importCalls;
    const out = new Map<string, Array<{ file: Scanned; args: ReadonlyArray<string | null> }>>();
    for (const t of this.scanned) {
      for (const call of t.x.importCalls ?? []) {
        const imp = importNamed(t.x.imports, call.callee);
        const found = imp ? followExport(t, imp, undefined, this.byKey, this.aliases, 0) : undefined;
        if (found?.name === undefined) continue;
        const key = `${found.target.key}\0${found.name}`;
        out.set(key, [...(out.get(key) ?? []), { file: t, args: call.args }]);
      }
    }
    return (this.importCalls = out);
  }

  /** Whether a named import is a module namespace another module passes on (`export * as constants from './constants'`). */
  private namespacePassedOn(s: Scanned, imp: { imported: string; source: string }): boolean {
    if (imp.imported === 'default') return false;
    const found = followExport(s, imp, undefined, this.byKey, this.aliases, 0);
    // A file's default export passed on under a name (`export { default as paths } from './paths'`) is that value, no namespace.
    return found !== undefined && found.name === undefined && found.viaDefault !== true;
  }

  /** Whether the object a reference's last key is read on is known and has no such key (nor a spread that may hold it). */
  private absentProperty(s: Scanned, local: string, path: string[]): boolean {
    const key = path[path.length - 1];
    const holder = key === undefined ? undefined : this.refValue(s, local, path.slice(0, -1))?.value;
    return holder?.kind === 'obj' && key !== undefined && !Object.hasOwn(holder.props, key) && !Object.hasOwn(holder.props, SPREAD);
  }

  /** The elements of a list read in `s` (another file's constant followed, spread lists spliced in); undefined when it is no list known. */
  elementsOf(s: Scanned, v: ConstValue): Array<{ file: Scanned; value: ConstValue }> | undefined {
    return listElements({ file: s, value: v }, (f, local, path) => this.refValue(f, local, path), this.perEntry);
  }

  /**
   * The elements an object standing for each file of a listed folder makes (values.ts PER_ENTRY):
   * one per file the tree holds there, each reference to the listing's entry its text for that file.
   */
  private readonly perEntry = (file: Scanned, item: ConstValue): ConstValue[] | undefined => {
    const listing = item.kind === 'obj' ? soleRef(item.props[PER_ENTRY])?.local : undefined;
    if (item.kind !== 'obj' || !listing?.startsWith(LISTED)) return undefined;
    const { [PER_ENTRY]: _listing, ...props } = item.props;
    const rest: ConstValue = { kind: 'obj', props };
    return listedFiles(file.key, listing.slice(LISTED.length), this.files).map((rel) =>
      mapRefs(rest, (ref) => (ref.local === listing && ref.path[0] === EACH ? (entryText(file.key, listing.slice(LISTED.length), rel, ref.path.slice(1)) ?? { ref }) : { ref })),
    );
  };

  /** The value an imported binding (and a property path in it) stands for, with the file declaring it. */
  private refValue(s: Scanned, local: string, path: string[]): { file: Scanned; value: ConstValue } | undefined {
    const imp = importNamed(s.x.imports, local);
    if (!imp) return undefined;
    const namespace = imp.imported === '*' || this.namespacePassedOn(s, imp);
    const member = namespace && path.length > 0 ? path[0] : undefined;
    const rest = namespace ? path.slice(1) : path;
    const found = followExport(s, imp, member, this.byKey, this.aliases, 0);
    // A default import of a file exporting an object literal: that object (`config.api.prefix`);
    // of one exporting a function (`*`): what it returns when called (values.ts CALLED).
    const name = found?.name === '*' ? DEFAULT_OBJECT : (found?.name ?? (found && (imp.imported === 'default' || found.viaDefault) ? DEFAULT_OBJECT : undefined));
    if (!found || name === undefined) return undefined;
    // `const { versions } = require('./conf')` of `module.exports = { versions: ['v1', 'v2'] }`: a
    // property of the object the module exports, when no export of its own has that name.
    const own = found.target.x.constants?.[name];
    const held = !own && !namespace && imp.imported !== 'default' && found.target.x.defaultExport === undefined ? propOf(found.target.x.constants?.[DEFAULT_OBJECT], [imp.imported]) : undefined;
    const called = !own && !held && name === DEFAULT_OBJECT && rest.length > 0 ? found.target.x.constants?.[DEFAULT_CALL] : undefined;
    if (called) return this.calledMember(found.target, called, rest);
    const value = propOf(own ?? held, rest);
    return value && { file: found.target, value };
  }

  /**
   * A member of what a call of an imported function returns (values.ts DEFAULT_CALL: `export default
   * defineRoute({ verb: 'get', at: '/' })`, `route.verb` read): that member of the object literal the
   * function returns (CALLED_TEMPLATE), its parameters filled with the call's arguments; undefined
   * where the member reads anything else, or a member of an argument that is not text.
   */
  private calledMember(s: Scanned, call: ConstValue, path: string[]): { file: Scanned; value: ConstValue } | undefined {
    const ref = soleRef(call);
    const args = ref?.args;
    const fn = ref && args ? this.refValue(s, ref.local, ref.path.slice(0, -1)) : undefined;
    const member = fn && propOf(propOf(fn.value, [CALLED_TEMPLATE]), path);
    if (!fn || !args || member?.kind !== 'str') return undefined;
    const filled = member.parts.every((p) => {
      if (typeof p === 'string' || !p.ref.local.startsWith(ARG)) return true;
      return literalOf(propOf(args[Number(p.ref.local.slice(ARG.length))], p.ref.path)) !== undefined;
    });
    // The arguments give literal text only: what else the member reads is the function's file's.
    return filled ? { file: fn.file, value: substituteParams(member, args, ARG) } : undefined;
  }

  /**
   * `Object.values(x)` of another file's value (a VALUES reference): the values of the object `x`
   * names there, or, for a namespace import itself, every value its module exports (`export { a }
   * from './a'`, `export * from './b'` followed, its exported names and top-level constants).
   */
  private listedValues(s: Scanned, local: string, path: string[], omitted: readonly string[] = []): Array<{ file: Scanned; value: ConstValue }> | undefined {
    // What an object rest element keeps (`...rest` of `const { legacy: _l, ...rest } = routes`): all but the keys it names.
    const last = path[path.length - 1];
    if (last?.startsWith(OMIT)) {
      const omitted = last.slice(OMIT.length).split('|');
      return this.listedValues(s, local, path.slice(0, -1), omitted);
    }
    const imp = importNamed(s.x.imports, local);
    if (imp?.imported === '*' && path.length === 0) {
      const target = resolveModule(s.key, imp.source, this.byKey, this.aliases);
      return target ? moduleValues(target, this.byKey, this.aliases, 0).filter((v) => !omitted.includes(v.name)) : undefined;
    }
    const found = this.refValue(s, local, path);
    return found?.value.kind === 'obj' ? Object.entries(found.value.props).filter(([k]) => k !== SPREAD && !omitted.includes(k)).map(([, value]) => ({ file: found.file, value })) : undefined;
  }

  /**
   * Every text a route path stands for: one, or one per element where a loop runs over an
   * imported array (a ref whose path holds EACH); undefined when any part is not known.
   */
  texts(s: Scanned, v: ConstValue): string[] | undefined {
    if (v.kind !== 'str') {
      const one = this.text(s, v, 0);
      return one === undefined ? undefined : [one];
    }
    let out = [''];
    for (const p of v.parts) {
      const each = typeof p === 'string' ? -1 : p.ref.path.indexOf(EACH);
      const options = typeof p === 'string' ? [p] : each < 0 ? [this.refText(s, p, 0)] : this.elementTexts(s, p.ref.local, p.ref.path, each);
      if (!options || options.some((o) => o === undefined)) return undefined;
      out = out.flatMap((prefix) => options.map((o) => prefix + (o ?? '')));
      if (out.length > MAX_LOOP_EXPANSION) return undefined;
    }
    return out;
  }

  /**
   * `router[route.method](`/${route.version ?? 'v1'}${route.path}`, ...)` in a loop over an imported
   * list: one route per element, its method and path read from that element; undefined when the
   * list is not known. Elements whose method or path is not known are left out.
   */
  private elementRoutes(s: Scanned, methodValue: StrValue, pathValue: ConstValue): Array<{ method: HttpMethod; path: string }> | undefined {
    const first = methodValue.parts.find((p): p is Exclude<Part, string> => typeof p !== 'string' && p.ref.path.includes(EACH));
    if (!first || pathValue.kind !== 'str') return undefined;
    const each = first.ref.path.indexOf(EACH);
    const listPath = first.ref.path.slice(0, each);
    const list = this.refValue(s, first.ref.local, listPath);
    const elements = list && listElements(list, (f, local, path) => this.refValue(f, local, path), this.perEntry);
    if (!elements) return undefined;
    const sameList = (p: Part): p is Exclude<Part, string> =>
      typeof p !== 'string' && p.ref.local === first.ref.local && p.ref.path.length > each && p.ref.path[each] === EACH && listPath.every((k, i) => p.ref.path[i] === k);
    const textOf = (v: StrValue, item: Located<Scanned>): string | undefined => {
      let out = '';
      for (const p of v.parts) {
        let t: string | undefined;
        if (typeof p === 'string') t = p;
        else if (sameList(p)) {
          const value = propOf(item.value, p.ref.path.slice(each + 1));
          t = (value && (literalOf(value) ?? this.text(item.file, value, 1))) ?? p.ref.fallback;
        } else t = this.refText(s, p, 0);
        if (t === undefined) return undefined;
        out += t;
      }
      return out;
    };
    return elements.flatMap((item) => {
      const method = textOf(methodValue, item)?.toUpperCase();
      const path = textOf(pathValue, item);
      return method !== undefined && isHttpMethod(method) && path !== undefined ? [{ method, path }] : [];
    });
  }

  /**
   * A route registered in a loop over another file's list (`router[r.method](r.path, h)`) or
   * over the keys of its route table: one per element or key; undefined for any other route.
   */
  private loopRoutes(s: Scanned, r: ExtractedRoute, pathValue: ConstValue, warnings: string[]): ExtractedRoute[] | undefined {
    const m = r.methodValue;
    if (m?.kind === 'str' && m.parts.some((p) => typeof p !== 'string' && p.ref.path.includes(KEYS))) return this.tableRoutes(s, r, m, pathValue, warnings);
    if (m?.kind !== 'str' || !hasEach(m)) return undefined;
    const listed = m.parts.find((p): p is Exclude<Part, string> => typeof p !== 'string' && p.ref.local.startsWith(LISTED));
    if (listed) return this.listedEntryRoutes(s, r, listed.ref.local, m, pathValue);
    const rows = this.elementRoutes(s, m, pathValue);
    if (rows === undefined) warnings.push(scanWarningText(s.file, { id: 'routeTable', args: [], line: r.line }));
    return (rows ?? []).map((row) => ({ ...r, method: row.method, path: joinRoutePath(row.path), pathValue: undefined, methodValue: undefined }));
  }

  /**
   * `app[method](route, ...)` in a loop over a folder listed at run time, its method and path made of
   * each file's name (listedFolders.ts entryText): a route per file of the tree there whose method
   * and path are known; a file whose name gives none (the loop's own test skips it) gives no route.
   */
  private listedEntryRoutes(s: Scanned, r: ExtractedRoute, local: string, methodValue: StrValue, pathValue: ConstValue): ExtractedRoute[] {
    if (pathValue.kind !== 'str') return [];
    const listing = local.slice(LISTED.length);
    const textOf = (v: StrValue, rel: string, key: string | undefined): string | undefined => {
      let out = '';
      for (const p of v.parts) {
        const t = typeof p === 'string' ? p : p.ref.local === local && p.ref.path[0] === EACH ? entryText(s.key, listing, rel, p.ref.path.slice(1), key) : this.refText(s, p, 0);
        if (t === undefined) return undefined;
        out += t;
      }
      return out;
    };
    // `Object.keys(require(file))`: once per name the file's module exports.
    const keyed = [...methodValue.parts, ...pathValue.parts].some((p) => typeof p !== 'string' && p.ref.local === local && p.ref.path[1] === MODULE_KEYS);
    const folder = listedFolder(s.key, listing);
    return listedFiles(s.key, listing, this.files).flatMap((rel) => {
      const keys = keyed ? (this.byKey.get(`${folder}/${rel}`)?.x.exportKeys ?? []) : [undefined];
      return keys.flatMap((key) => {
        const method = textOf(methodValue, rel, key)?.toUpperCase();
        const path = textOf(pathValue, rel, key);
        return method !== undefined && isHttpMethod(method) && path !== undefined ? [{ ...r, method, path: joinRoutePath(path), pathValue: undefined, methodValue: undefined }] : [];
      });
    });
  }

  /**
   * `router[method](path, h)` in a loop over the keys of another file's route table (tableKeys.ts):
   * a route per key, its method and path made of the key as the loop makes them, at the key's line
   * in the table's file. A table not found, or a part of one not known statically, is warned of.
   */
  private tableRoutes(s: Scanned, r: ExtractedRoute, methodValue: StrValue, pathValue: ConstValue, warnings: string[]): ExtractedRoute[] {
    const ref = methodValue.parts.find((p): p is Exclude<Part, string> => typeof p !== 'string' && p.ref.path.includes(KEYS));
    if (!ref || pathValue.kind !== 'str') return [];
    const at = ref.ref.path.indexOf(KEYS);
    const entries = this.tableEntries(s, ref.ref.local, ref.ref.path.slice(0, at), warnings, 0);
    if (!entries) {
      warnings.push(scanWarningText(s.file, { id: 'routeKeyTable', args: [ref.ref.local], line: r.line }));
      return [];
    }
    const keyed = (p: Part, key: string): string | undefined =>
      typeof p === 'string' ? p : p.ref.local === ref.ref.local && p.ref.path.includes(KEYS) ? keyText(key, p.ref.path.slice(p.ref.path.indexOf(KEYS) + 1)) : this.refText(s, p, 0);
    return entries.flatMap(({ file, entry }) => {
      const method = routerMethodOf(keyText(entry.key, ref.ref.path.slice(at + 1)));
      const parts = pathValue.parts.map((p) => keyed(p, entry.key));
      if (!method || !parts.every((p): p is string => p !== undefined)) return [];
      const route: ExtractedRoute = { ...r, method, path: joinRoutePath(parts.join('')), pathValue: undefined, methodValue: undefined, line: entry.line };
      if (file !== s) route.declaredIn = file.file;
      return [route];
    });
  }

  /** The keys of the route table an imported name (and a path in it, `()` for what a function returns) stands for, and of the tables it takes in. */
  private tableEntries(s: Scanned, local: string, path: string[], warnings: string[], depth: number): Array<{ file: Scanned; entry: TableEntry }> | undefined {
    const imp = importNamed(s.x.imports, local);
    if (!imp || depth > 4) return undefined;
    const member = imp.imported === '*' ? path[0] : undefined;
    const rest = (imp.imported === '*' ? path.slice(1) : path).filter((p) => p !== '()');
    const found = followExport(s, imp, member, this.byKey, this.aliases, 0);
    const name = found?.name ?? (found && imp.imported === 'default' ? DEFAULT_OBJECT : undefined);
    const table = found && name !== undefined && rest.length === 0 ? found.target.x.routeTables?.[name] : undefined;
    if (!found || !table) return undefined;
    for (const u of table.unknown) warnings.push(scanWarningText(found.target.file, { id: 'routeTablePart', args: [u.text], line: u.line }));
    const out = table.entries.map((entry) => ({ file: found.target, entry }));
    for (const p of table.pieces) {
      const more = this.tableEntries(found.target, p.local, p.path, warnings, depth + 1);
      if (!more) warnings.push(scanWarningText(found.target.file, { id: 'routeKeyTable', args: [p.local], line: p.line }));
      out.push(...(more ?? []));
    }
    return out;
  }

  /** A Feathers service's `methods` option of another file (feathersServices.ts): whether it names the method; a list not found names every one. */
  private servesMethod(s: Scanned, served: NonNullable<ExtractedRoute['serviceMethod']>): boolean {
    const ref = soleRef(served.methods);
    const list = ref ? this.refValue(s, ref.local, ref.path)?.value : undefined;
    return list?.kind !== 'arr' || list.items.some((item) => literalOf(item) === served.method);
  }

  private elementTexts(s: Scanned, local: string, path: string[], each: number): Array<string | undefined> | undefined {
    if (local.startsWith(LISTED)) return listedNames(s.key, local.slice(LISTED.length), path.slice(each + 1), this.files);
    const list = this.refValue(s, local, path.slice(0, each));
    const items = list && listElements(list, (f, l, p) => this.refValue(f, l, p), this.perEntry);
    return items?.map((item) => {
      const value = propOf(item.value, path.slice(each + 1));
      return value && (literalOf(value) ?? this.text(item.file, value, 1));
    });
  }
}

/**
 * The file names of a folder listed at run time, relative to the file listing it, kept by their
 * endings when the loop's filter names some, each made into what the loop makes of it: the name,
 * a piece of it split at a separator, the name without its last extension or without a given one. Undefined when the
 * tree has no such file (the folder is not known, so neither are the routes).
 */
/**
 * `method: router.HTTPMethod.GET` of a package the scan does not read (a workspace library's enum): the
 * member's name when it is an HTTP method, as an enum of methods names its members; undefined otherwise.
 */
function methodMemberName(v: ConstValue): string | undefined {
  const ref = soleRef(v);
  const last = ref && ref.path.length >= 1 && !ref.local.startsWith('*') ? ref.path[ref.path.length - 1] : undefined;
  return last !== undefined && isHttpMethod(last.toUpperCase()) ? last : undefined;
}

/** A folder and those above it, nearest first (`/a/b` -> `/a/b`, `/a`, `/`). */
function ancestors(dir: string): string[] {
  const out = [dir];
  while (posix.dirname(out[out.length - 1] ?? '/') !== out[out.length - 1]) out.push(posix.dirname(out[out.length - 1] ?? '/'));
  return out;
}

/** Whether a file's extraction holds values of other files (or config keys) to resolve. */
function needsResolving(x: ExtractedFile): boolean {
  const some = x.globalPrefixValue || x.versioningPrefixValue || x.defaultVersionValue || x.routes.some((r) => r.pathValue || r.optionsValue || r.serviceMethod) || x.mounts.some((m) => m.prefixValue);
  const nest = x.openApiInits?.length || x.factoryCalls?.length || x.decoratedHandlers?.length || x.tsRestHandlers?.length || x.controllerBases?.length || x.decoratedControllers?.length || x.factoryControllers?.length || x.routerModuleValues || x.routerModuleFactories || x.routerModules?.some(readsImportedPath);
  return Boolean(some || nest);
}

/** Whether a RouterModule entry, or one of its children, has a path of another file's constant to read. */
function readsImportedPath(e: RouterModuleEntry): boolean {
  return (e.pathValue !== undefined && !hasParams(e.pathValue)) || e.children.some(readsImportedPath);
}

/** The module class a value names: an imported class as a reference to it (`module: CliModule`). */
function moduleName(v: ConstValue | undefined): string | undefined {
  const p = v?.kind === 'str' && v.parts.length === 1 ? v.parts[0] : undefined;
  return typeof p === 'object' && p.ref.path.length === 0 && !p.ref.local.startsWith('*') ? p.ref.local : undefined;
}

/** Whether every parameter a path reads (`$0`, `$0.route`) is given a string by the call. */
function paramsGiven(v: ConstValue, args: ReadonlyArray<ConstValue | null>): boolean {
  if (v.kind !== 'str') return false;
  return v.parts.every((p) => {
    const m = typeof p === 'string' ? null : /^\$(\d+)$/.exec(p.ref.local);
    return !m || typeof p === 'string' || propOf(args[Number(m[1])] ?? undefined, p.ref.path)?.kind === 'str';
  });
}

/** A listed folder below one another file exports (values.ts IMPORTED_FOLDER), up to the `|` ending the listing's folder. */
const IMPORTED_FOLDER_AT = new RegExp(`${IMPORTED_FOLDER.replace(/\*/g, '\\*')}[^>|"]*>[^>|"]*>[^|"]*`, 'g');

/**
 * A folder listed below one another file exports (values.ts IMPORTED_FOLDER: `readdirSync(resolve(root,
 * './api'))` with `import { root } from '../paths'`): that folder, from the exporting file's
 * ExtractedFile.folders, written relative to the listing file wherever the file's extraction names
 * it (its loaded modules' sources, the prefixes made of their names). One not found is left: it lists no file.
 */
function resolveImportedFolders(scanned: Scanned[], byKey: Map<string, Scanned>, aliases: PathAlias[]): Scanned[] {
  for (const s of scanned) {
    if (!s.x.imports.some((i) => i.source.startsWith(LISTED) && i.source.includes(IMPORTED_FOLDER))) continue;
    let text = JSON.stringify(s.x);
    for (const marker of new Set(text.match(IMPORTED_FOLDER_AT) ?? [])) {
      const [source = '', name = '', rest = ''] = marker.slice(IMPORTED_FOLDER.length).split('>');
      const found = followExport(s, { source, imported: name }, undefined, byKey, aliases, 0);
      const folder = found ? found.target.x.folders?.[found.name ?? name] : undefined;
      if (!found || folder === undefined) continue;
      text = text.split(marker).join(posix.relative(posix.dirname(s.key), posix.join(posix.dirname(found.target.key), folder, rest)));
    }
    s.x = JSON.parse(text) as ExtractedFile;
  }
  return scanned;
}

/** A listing below the process's working folder (values.ts CWD_FOLDER), as a listing's local starts. */
const PROCESS_LISTING = `${LISTED}${CWD_FOLDER}`;

/**
 * A folder listed below the process's working folder (values.ts CWD_FOLDER: `globSync('./src/kinds/*.js')`):
 * that folder relative to the listing file, the working folder the service's source root (where the
 * image's WORKDIR holds it and its package's scripts run). Without one the listing is left: it lists no file.
 */
function resolveProcessFolders(scanned: Scanned[], processDir: string | undefined): Scanned[] {
  if (processDir === undefined) return scanned;
  const root = toSlash(processDir);
  for (const s of scanned) {
    if (!s.x.listsProcessFolder) continue;
    const text = JSON.stringify(s.x);
    const here = posix.dirname(s.key);
    const rel = posix.relative(here, root);
    s.x = JSON.parse(text.split(PROCESS_LISTING).join(`${LISTED}${rel === '' ? '' : `${rel}/`}`)) as ExtractedFile;
  }
  return scanned;
}

/**
 * A module loaded once per file of a folder listed at run time (extract.ts listedLoad: the
 * listing, values.ts LISTED, as the import's source): one import per file the tree holds there, and
 * each mount of it once per file, under the loop's prefix. Without such files the import is left
 * as it is: it resolves to nothing, so the mount is not found (and warned of), never guessed.
 */
function expandListedImports(scanned: Scanned[], files: readonly string[]): void {
  for (const s of scanned) {
    let { imports, mounts, routes } = s.x;
    for (const imp of s.x.imports) {
      if (!imp.source.startsWith(LISTED)) continue;
      const listing = imp.source.slice(LISTED.length);
      const [dir = ''] = listing.split('|');
      // The listing file itself is never one of them: loaded from its own loop it is not yet made.
      const names = listedFiles(s.key, listing, files).filter((name) => posix.join(posix.dirname(s.key), dir, name) !== s.key);
      // A load named by its source (`require(<listing>).default`) is named by each file's, as a warning shows it.
      const localOf = (source: string, i: number) => (imp.local.includes(imp.source) ? imp.local.replace(imp.source, source) : `${imp.local}@listed${i}`);
      const each = names.map((name, i) => ({ local: localOf(`./${posix.join(dir, name)}`, i), imported: imp.imported, source: `./${posix.join(dir, name)}` }));
      if (each.length === 0) continue;
      imports = [...imports.filter((i) => i !== imp), ...each];
      // Each file's copy reads that file's module, and that file's name where the loop makes a path of it.
      const perFile = (v: ConstValue, i: number): ConstValue =>
        mapRefs(v, (ref) => (ref.local === imp.local ? { ref: { ...ref, local: each[i]?.local ?? ref.local } } : ref.local === imp.source && ref.path[0] === EACH && ref.path[1] === 'name' ? (madeOfName(names[i] ?? '', ref.path.slice(2)) ?? { ref }) : { ref }));
      // The module itself mounted, a member of it (`mod.default`), or a router handed to its function (`require(x).default(router)`: `<local>#0`).
      const handed = (name: string) => (name === imp.local ? '' : name.startsWith(`${imp.local}#`) || name.startsWith(`${imp.local}.`) ? name.slice(imp.local.length) : undefined);
      mounts = mounts.flatMap((m) => {
        const rest = handed(m.routerName);
        return rest === undefined ? [m] : each.map((e, i) => ({ ...m, routerName: `${e.local}${rest}`, ...(m.prefixValue ? knownPrefix(perFile(m.prefixValue, i), m.prefix) : {}) }));
      });
      // `server.route({ method: route.options.method, url: route.options.url })`: once per file, read from that file.
      routes = routes.flatMap((r) => {
        const value = r.optionsValue ?? r.pathValue;
        if (!value || !refersTo(value, imp.local)) return [r];
        return each.map((_, i) => ({ ...r, ...(r.optionsValue ? { optionsValue: perFile(r.optionsValue, i) } : {}), ...(r.pathValue ? { pathValue: perFile(r.pathValue, i) } : {}), ...(r.methodValue ? { methodValue: perFile(r.methodValue, i) } : {}) }));
      });
    }
    if (imports !== s.x.imports) s.x = { ...s.x, imports, mounts, routes };
  }
}

/** A mount prefix made literal by the file it is for (`/api/${name}`): the prefix; else still a value to resolve. */
function knownPrefix(v: ConstValue, prefix: string): Pick<ExtractedMount, 'prefix' | 'prefixValue'> {
  const literal = literalOf(v);
  return literal !== undefined ? { prefix: joinRoutePath(literal), prefixValue: undefined } : { prefix, prefixValue: v };
}

/** Whether a value reads the imported name `local`. */
function refersTo(v: ConstValue, local: string): boolean {
  let found = false;
  mapRefs(v, (ref) => {
    found ||= ref.local === local;
    return { ref };
  });
  return found;
}

/** A value with each reference replaced by what `fn` makes of it (text, or another reference). */
function mapRefs(v: ConstValue, fn: (ref: Exclude<Part, string>['ref']) => Part): ConstValue {
  if (v.kind === 'str') return str(...v.parts.map((p) => (typeof p === 'string' ? p : fn(p.ref))));
  if (v.kind === 'arr') return { kind: 'arr', items: v.items.map((x) => mapRefs(x, fn)) };
  if (v.kind === 'obj') return { ...v, props: Object.fromEntries(Object.entries(v.props).map(([k, x]) => [k, mapRefs(x, fn)])) };
  if (v.kind === 'cond') return { ...v, then: mapRefs(v.then, fn), otherwise: mapRefs(v.otherwise, fn) };
  return v;
}

function sortRoutes(routes: RouteDef[]): RouteDef[] {
  return routes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : HTTP_METHODS.indexOf(a.method) - HTTP_METHODS.indexOf(b.method)));
}

/** The argument a function's value names when it gives back one of its arguments (`*arg*0`, passThrough.ts). */
function passedArg(value: ConstValue, args: readonly ConstValue[]): ConstValue | undefined {
  const ref = soleRef(value);
  return ref && ref.path.length === 0 && ref.local.startsWith(ARG) ? args[Number(ref.local.slice(ARG.length))] : undefined;
}
