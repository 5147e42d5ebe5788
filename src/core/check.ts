// Runs the whole ladder for a workspace through the ports (engine, prober, files, scanner): for
// each service the gatherers (gather/) collect the evidence — engine state, workspace files,
// routes and their probes — at once, then the pure ladder judges it.
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { NOT_RUNNING_DETAIL } from './model';
import type { ContainerInfo, HttpMethod, Report, ServiceBuild, ServiceReport, ServiceSpec, SourceMapping } from './model';
import type { ComposeFoldersLike, ConfigHashSourceLike, EngineLike, FsLike, LogSink, ProberLike, RebuildLocksLike, RunningComposeProject, SourceScan, SourceScannerLike, SourceScanRequest } from './ports';
import { errorText, isEngineUnreachable } from './errors';
import { selectServices } from './compose/selectService';
import { discoverComposeProjects, type DiscoverOptions } from './compose/discover';
import { hiddenComposeFiles } from './compose/walk';
import { bindingOf } from './compose/serviceConfig';
import { standaloneServices } from './gather/standaloneServices';
import { inferMapping } from './mapping/infer';
import { serviceRunsOtherLanguage } from './mapping/foreignImage';
import { startsBuildWatcher } from './mapping/buildWatcher';
import { imageWorkdirWarning, mappingOnImageWorkdir } from './dockerfile/imageWorkdir';
import { readPathAliases } from './routes/aliases';
import { nextAppScope } from './routes/serverApps';
import { isNextAppSource } from './routes/nextRoutes';
import { isNitroAppSource } from './routes/nitroRoutes';
import { isSvelteKitAppSource } from './routes/svelteKitRoutes';
import { isRemixAppSource } from './routes/remixRoutes';
import { isAstroAppSource } from './routes/astroRoutes';
import { runsOnlyJobs, serviceEntry, startedLine, startsNoServer } from './gather/startedEntry';
import { serviceStartDockerfile } from './dockerfile/serviceStart';
import { builtStage, commandWords } from './dockerfile/parse';
import { appPackageSources, launcherOutside, servedPackageRoutes } from './gather/appPackages';
import type { RouteDef } from './model';
import type { ProbeTrust } from './probe/trust';
import type { ServiceEvidence } from './ladder/evidence';
import { allFilesOf, evaluateService, mappingReport, overallVerdict } from './ladder/evaluate';
import { changedIn } from './ladder/rungs';
import { createLimiter, mapPool } from './pool';
import { checkedContainer, swarmServiceOf, swarmServiceReport } from './swarm';
import { emptyEngineState, gatherEngineState, listMapped, type EngineState } from './gather/engineState';
import { withProgramFiles } from './gather/programFiles';
import { hasLocalBuild } from './gather/localBuild';
import { documentedBuilders } from './gather/documentedBuilds';
import { buildsInfrastructure, findServiceModules, gatherFiles, imageBuilders, isServerSource, mountedServerApp, NO_FILES, outsideWorkspace, serverSourceRoots, skippedWarnings, soleServerClaims, unreadBuildNotes, type FileEvidence, type SourceHints } from './gather/workspaceFiles';
import { joinRoutes, probeServiceRoutes } from './gather/routes';
import { rel, relativeWarning } from './gather/paths';
import { buildInputMissing } from './gather/buildInput';
import { composeFileFlags } from './ladder/composeCommand';
import { sharedNameWarnings } from './compose/sharedNames';
import { judgeConfig, projectHashes, type ProjectHashes } from './config/judgeConfig';
import { createComposeParses, type ComposeParses } from './config/locate';
import { declaredPages, servedPages } from './pages/gatherPages';
import type { PageDef } from './pages/extract';
import { withinWorkspace } from './confinedFs';
import { withRemembered } from './dockerfile/parsedOnce';
import { compactFiles, type KeptReads } from './gather/keptReads';

export interface CheckDeps {
  engine: EngineLike;
  prober: ProberLike;
  fs: FsLike;
  log?: LogSink;
  /** Walks a source tree and scans its route sources (engine: a worker thread, or inline where it cannot run). */
  scanner: SourceScannerLike;
  /** Rebuild locks: a rebuild takes one; a check notes a rebuild in progress. */
  rebuilds?: RebuildLocksLike;
  /** Compose's own config-hash per service (config drift agrees with compose where it can tell). */
  configHashes?: ConfigHashSourceLike;
  /** The walk for compose files, remembered between checks where a file watcher vouches for it (the extension). */
  composeFolders?: ComposeFoldersLike;
  /** Services' workspace reads, kept between checks where a file watcher vouches for them (the extension: gather/keptReads.ts). */
  workspaceReads?: KeptReads<KeptWorkspaceRead>;
}

/** A service's workspace read as kept between checks (gather/keptReads.ts): valid with the same running container and listings. */
export interface KeptWorkspaceRead {
  /** The running container the read took its environment and workdir from ('' for none). */
  running: string;
  containerFiles: ReadonlySet<string> | undefined;
  imageFiles: ReadonlySet<string> | undefined;
  /** Its files only those a listing above lacks (compactFiles). */
  evidence: WorkspaceEvidence;
}

export interface CheckOptions {
  /** Absolute workspace folder. */
  workspaceDir: string;
  /** Only these services, each `name` or `project/name` (all when empty/undefined). */
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
  /** Walk every source tree (and the workspace for compose files) even where they are kept up to date from a file watcher (an explicit check). */
  fullWalk?: boolean;
  signal?: AbortSignal;
}

/** Services checked at once: each holds an archive stream open while it is listed. */
export const SERVICE_CONCURRENCY = 8;
/** Services whose source trees are read at once: bounds peak memory on big workspaces. */
export const WORKSPACE_CONCURRENCY = 2;

export async function checkWorkspace(given: CheckDeps, opts: CheckOptions): Promise<Report> {
  const readOutside: string[] = [];
  const confined = withinWorkspace(given, opts.workspaceDir, (p) => readOutside.push(rel(opts.workspaceDir, p)));
  // A service's Dockerfile, read and parsed once for the check however many of its questions start from it.
  const deps = { ...confined, fs: withRemembered(confined.fs), outsideReads: () => readOutside.length };
  // The engine is asked while the workspace is read (compose files, then each service's source):
  // a remote engine's login (ssh) is then hidden behind that instead of before it, and a local
  // engine's answer is there when the first service needs it. Each service waits for the answer
  // before its first engine call.
  const pinged: Promise<string | null> = deps.engine.ping(opts.signal).then(
    () => null,
    (err: unknown) => {
      if (!isEngineUnreachable(err)) throw err;
      return err.message;
    },
  );
  pinged.catch(() => undefined); // Awaited below; a service (or discovery) that fails first must not leave it unhandled.
  const walked: { listings?: number } = {};
  let notRead: string[] = [];
  const projects = await discoverComposeProjects(deps.fs, opts.workspaceDir, opts.env, {
    notRead: (files) => (notRead = files.map((f) => rel(opts.workspaceDir, f))),
    composeFiles: opts.composeFiles,
    folders: deps.composeFolders,
    fresh: opts.fullWalk,
    running: runningProjects(deps.engine, pinged, opts.signal),
    ...scannerWalk(deps.scanner, walked),
  });
  // The source walks of this check may use the folder listings its own walk for compose files
  // read (never those of an earlier check's walk, which a remembered answer carries).
  const scanDeps = { ...deps, scanner: scansOnce(walked.listings === undefined ? deps.scanner : withListings(deps.scanner, walked.listings)) };
  const composed = projects.flatMap((p) => p.services);
  // No compose file: each of the workspace's Dockerfiles is a service of its own (compose/dockerfileServices.ts).
  const all = composed.length === 0 && !opts.composeFiles?.length ? await standaloneServices(deps.fs, opts.workspaceDir) : composed;
  const listed = opts.services?.length ? selectServices(all, opts.services) : all;

  const readWorkspace = createLimiter(WORKSPACE_CONCURRENCY);
  // The walk follows no link out of the workspace, and a source root outside it is not read.
  const boundary = (await deps.fs.realpath?.(opts.workspaceDir)) ?? undefined;
  const hashes = projectHashes(deps.configHashes);
  const composeParses = createComposeParses();
  const findContainers = containerFinder(deps.engine, listed);
  const specs = await startedProfiles(listed, pinged, findContainers, opts.signal);
  const claims = soleServerClaims(specs);
  const builders = imageBuilders(specs, all);
  // An image the project builds outside compose, as its README or a script says (`docker build -t app .`).
  const documented = await documentedBuilders(deps.fs, specs, builders, opts.workspaceDir);
  for (const [spec, built] of documented) if (built.documentedBuild) spec.documentedBuild = built.documentedBuild;
  const shared = sharedNameWarnings(specs, (f) => rel(opts.workspaceDir, f));
  const services = await mapPool(specs, SERVICE_CONCURRENCY, async (spec) => {
    const report = await checkService(scanDeps, opts, spec, { pinged, findContainers }, readWorkspace, boundary, { hashes, composeParses }, { claimsSoleApp: claims.has(spec), builtBy: builders.get(spec) ?? withBuild(documented.get(spec)) });
    const clash = shared.get(spec);
    return clash === undefined ? report : { ...report, warnings: [clash, ...report.warnings] };
  });
  const engineError = await pinged;
  const hidden = composed.length === 0 && !opts.composeFiles?.length ? await hiddenComposeFiles(deps.fs, opts.workspaceDir) : [];
  return {
    verdict: overallVerdict(services),
    workspace: opts.workspaceDir,
    checkedAt: new Date().toISOString(),
    engine: { reachable: engineError === null, host: deps.engine.host, error: engineError },
    services,
    ...(notRead.length > 0 ? { composeFilesNotRead: notRead } : {}),
    ...(hidden.length > 0 ? { composeFilesHidden: hidden } : {}),
    ...(readOutside.length > 0 ? { readOutside: [...readOutside].sort() } : {}),
  };
}


/** The walk for compose files made by the scanner where it can (it keeps the folder listings for the source walks); `walked` learns their id. */
function scannerWalk(scanner: SourceScannerLike, walked: { listings?: number }): Pick<DiscoverOptions, 'walk'> {
  const walk = scanner.walkComposeFolders?.bind(scanner);
  if (!walk) return {};
  return {
    walk: async (dir, o) => {
      const found = await walk(dir, o);
      walked.listings = found.listings;
      return found;
    },
  };
}

function withListings(scanner: SourceScannerLike, listings: number): SourceScannerLike {
  return { scan: (req, signal) => scanner.scan({ ...req, listings }, signal) };
}

/**
 * The scanner of one check: a source root asked for twice (services of several compose files,
 * a dev and a prod variant building the same folder) is walked and read once, both asking the
 * same answer. A check's reads see one state of the files anyway. A finished scan is held only
 * weakly: while a service still uses it, another asking gets it; once none does, it is not kept
 * to the end of the check (30 services' trees of 10,000 files each held to the end raised the
 * check's peak RSS by 15 MB), and a later asker scans again, to the same answer.
 */
function scansOnce(scanner: SourceScannerLike): SourceScannerLike {
  const running = new Map<string, Promise<SourceScan>>();
  const done = new Map<string, WeakRef<SourceScan>>();
  return {
    scan: (req, signal) => {
      const key = JSON.stringify([req.root, req.routes, req.boundary ?? null, req.fullWalk ?? false, req.listings ?? null, req.served ?? null]);
      const held = done.get(key)?.deref();
      if (held) return Promise.resolve(held);
      let scan = running.get(key);
      if (!scan) {
        scan = scanner.scan(req, signal).finally(() => running.delete(key));
        running.set(key, scan);
        scan.then((s) => done.set(key, new WeakRef(s)), () => undefined);
      }
      return scan;
    },
  };
}

/**
 * The compose projects on the engine, for discovery to read a stack from the files it runs
 * (discover.ts withRunningFiles). An engine that is down or fails to answer gives none: the check
 * goes on from the workspace's files, and each service says what the engine said.
 */
export function runningProjects(engine: EngineLike, pinged: Promise<string | null>, signal?: AbortSignal): (() => Promise<readonly RunningComposeProject[]>) | undefined {
  const list = engine.composeProjects?.bind(engine);
  if (!list) return undefined;
  return async () => ((await pinged) !== null ? [] : list(signal).catch(() => []));
}

async function checkService(
  deps: CheckDeps & { outsideReads?: () => number },
  opts: CheckOptions,
  spec: ServiceSpec,
  engineAsked: { pinged: Promise<string | null>; findContainers: ContainerFinder },
  readWorkspace: <R>(fn: () => Promise<R>) => Promise<R>,
  boundary: string | undefined,
  configJudging: { hashes: ProjectHashes; composeParses: ComposeParses },
  hints: SourceHints,
): Promise<ServiceReport> {
  if (spec.error !== undefined) return invalidService(deps, opts, spec, readWorkspace, boundary, hints);
  const { mapping, warnings: serviceWarnings, unbuildableFix } = await mappingWithin(deps, opts, spec, boundary);

  // The engine's answers and the workspace's files are independent: gathered at once, so the wait
  // on the engine's ping, archive streams and probes overlaps the source walk. Reading the
  // workspace is CPU work and holds every file of the service in memory: a few services at a
  // time (WORKSPACE_CONCURRENCY), while more wait on the engine meanwhile.
  // The containers are asked once the engine answers the ping; the route join waits for the running one (its environment).
  const found = engineAsked.pinged.then((error) => (error ? undefined : engineAsked.findContainers(spec, opts.signal)));
  const running = found.then((cs) => cs?.find((c) => c.state === 'running'), () => undefined);
  const scans = { kept: true };
  const workspaceRead = readServiceWorkspace(deps, opts, spec, mapping, boundary, hints, running, scans);
  const reuse = workspaceRead && keptReadOf(deps.workspaceReads, readKey(opts, spec, mapping, boundary, hints), opts.fullWalk === true);
  let readFresh = false;
  const fresh = workspaceRead && (() => ((readFresh = true), readWorkspace(workspaceRead)));
  const kept = reuse?.kept;
  const workspace = kept && fresh ? (state: Promise<EngineState>) => keptOrFresh(kept, state, running, fresh) : fresh?.();
  if (workspace instanceof Promise) workspace.catch(() => undefined); // Awaited below, after the ping: never unhandled meanwhile.
  const engineError = await engineAsked.pinged;
  const containersFound = engineError ? undefined : found.then((cs) => cs ?? []);
  const { ev, files, workspaceWarnings, read } = await gatherEvidence(deps, opts, spec, mapping, { workspace, containersFound, engineError, configJudging });
  if (reuse && readFresh && read && scans.kept && deps.outsideReads?.() === 0) keepRead(deps.workspaceReads, reuse, ev, read, await running);
  const workdir = imageWorkdirWarning(mapping, ev.container);
  const warnings = [...serviceWarnings, ...(workdir !== undefined ? [workdir] : []), ...workspaceWarnings];
  const evaluated = evaluateService(ev, files);
  // A build compose cannot run (its Dockerfile not there): no `up` makes the image, what the build lacks comes first.
  const fix = unbuildableFix !== undefined && evaluated.fix !== null && !ev.image ? unbuildableFix : evaluated.fix;
  const report = { ...evaluated, fix, warnings: warnings.slice(0, MAX_WARNINGS), ...(ev.swarm ? { swarm: ev.swarm } : {}) };
  if (warnings.length > MAX_WARNINGS) report.warnings.push(l10n.t('… and {0} more', warnings.length - MAX_WARNINGS));
  deps.log?.log('info', `${spec.project}/${spec.name}: ${report.verdict} — ${report.summary}`);
  return report;
}

type ContainerFinder = (spec: ServiceSpec, signal: AbortSignal | undefined) => Promise<ContainerInfo[]>;

/**
 * What a service's workspace read depends on besides the files: the check's options, the service,
 * its mapping and the hints from its stack. Not the environment: a read does not look at it, what
 * it changes reaches the read through the service (compose's interpolation); and a copy of it in
 * every key was a fifth of the kept reads' memory (bench/README.md).
 */
function readKey(opts: CheckOptions, spec: ServiceSpec, mapping: SourceMapping | undefined, boundary: string | undefined, hints: SourceHints): string {
  const asked = { ...opts, env: undefined, token: undefined, trust: undefined, signal: undefined, services: undefined, fullWalk: undefined, probe: undefined, allowedMethods: undefined };
  return JSON.stringify([asked, spec, mapping ?? null, boundary ?? null, hints.claimsSoleApp, hints.builtBy ?? null]);
}

/** Where reads may be kept (a file watcher runs): the key, the watcher's mark now, and the read kept under it (not for an explicit check, which reads again). */
function keptReadOf(reads: KeptReads<KeptWorkspaceRead> | undefined, key: string, fresh: boolean): { key: string; epoch: number; kept: KeptWorkspaceRead | undefined } | undefined {
  const epoch = reads?.begin();
  if (!reads || epoch === undefined) return undefined;
  return { key, epoch, kept: fresh ? undefined : reads.get(key) };
}

/** The kept read when the service runs the same container with the same listings as when it was made (its files were judged against those); else a fresh read. */
async function keptOrFresh(kept: KeptWorkspaceRead, engine: Promise<EngineState>, running: Promise<ContainerInfo | undefined>, fresh: () => Promise<WorkspaceEvidence>): Promise<WorkspaceEvidence> {
  const [state, container] = await Promise.all([engine, running]);
  const same = kept.running === (container?.id ?? '') && kept.containerFiles === state.containerListing?.files && kept.imageFiles === state.imageListing?.files;
  return same ? kept.evidence : fresh();
}

/** A fresh read kept for the next check, its files cut down to those the listings lack (compactFiles): none with a local build or a bundle. */
function keepRead(reads: KeptReads<KeptWorkspaceRead> | undefined, reuse: { key: string; epoch: number }, ev: ServiceEvidence, read: WorkspaceEvidence, container: ContainerInfo | undefined): void {
  if (!reads || ev.mapping?.bundled) return;
  const containerFiles = ev.containerListing?.files;
  const imageFiles = ev.imageListing?.files;
  const files = compactFiles(read.files, [containerFiles, imageFiles]);
  if (files) reads.keep(reuse.key, reuse.epoch, { running: container?.id ?? '', containerFiles, imageFiles, evidence: { ...read, files } });
}

/**
 * The services to check: those of a profile not active here (compose starts them only with
 * `--profile`) only when the engine has a container of theirs, running or stopped; none when the
 * engine does not answer. Except in a stack where no active service builds anything (all its own
 * services are under profiles, `docker compose up` alone would start none of them): there the
 * services that build are checked anyway, shown as not running with their profiles named, so the
 * workspace's own servers are not hidden until one is started. A stack whose every service is under
 * a profile (the project's published image in a `proxy` and a `no-proxy` variant) shows them all so.
 */
async function startedProfiles(specs: ServiceSpec[], pinged: Promise<string | null>, find: ContainerFinder, signal: AbortSignal | undefined): Promise<ServiceSpec[]> {
  if (!specs.some((s) => s.inactiveProfiles !== undefined)) return specs;
  const active = specs.filter((s) => s.inactiveProfiles === undefined);
  const building = new Set(active.filter((s) => s.build !== undefined).map(stackKey));
  const someActive = new Set(active.map(stackKey));
  const shownAnyway = (s: ServiceSpec) => !someActive.has(stackKey(s)) || (s.build !== undefined && !building.has(stackKey(s)));
  const reachable = (await pinged) === null;
  const started = await Promise.all(specs.map(async (s) => s.inactiveProfiles === undefined || shownAnyway(s) || (reachable && (await find(s, signal).catch(() => [])).length > 0)));
  return specs.filter((_, i) => started[i]);
}

/** The stack a service belongs to: its compose project as read from its files. */
function stackKey(spec: ServiceSpec): string {
  return `${spec.project}\u0000${spec.composeFiles.join('\u0000')}`;
}

/**
 * How each service's containers are asked for in this check: one list per project for a project
 * with several services checked (where the engine can), else one per service.
 */
function containerFinder(engine: EngineLike, specs: readonly ServiceSpec[]): ContainerFinder {
  if (specs.some((s) => s.standalone)) return standaloneContainers(engine);
  const checked = new Map<string, number>();
  for (const s of specs) checked.set(s.project, (checked.get(s.project) ?? 0) + 1);
  const perProject = new Map<string, (service: string, signal?: AbortSignal) => Promise<ContainerInfo[]>>();
  return (spec, signal) => {
    if (!engine.projectContainers || (checked.get(spec.project) ?? 0) < 2) return engine.findServiceContainers(spec.project, spec.name, signal);
    let find = perProject.get(spec.project);
    if (!find) perProject.set(spec.project, (find = engine.projectContainers(spec.project)));
    return find(spec.name, signal);
  };
}

/**
 * A Dockerfile service's containers: those created from its image (`docker run TAG`), newest
 * first. Its probes go to the ports the running one publishes (it has no compose `ports:`), or
 * to its own ports on the host when it runs on the host's network.
 */
function standaloneContainers(engine: EngineLike): ContainerFinder {
  return async (spec, signal) => {
    const found = spec.image !== undefined && engine.imageContainers ? await engine.imageContainers(spec.image, signal) : [];
    const config = found.find((c) => c.state === 'running')?.config;
    const ports = Object.entries(config?.bound ?? config?.published ?? {}).flatMap(([key, hosts]) => {
      const [target, protocol] = key.split('/');
      return hosts.map(bindingOf).flatMap(({ hostIp, hostPort }) => (hostPort === undefined ? [] : [{ target: Number(target), protocol: protocol === 'udp' ? ('udp' as const) : ('tcp' as const), published: hostPort, ...(hostIp !== undefined ? { hostIp } : {}) }]));
    });
    if (ports.length > 0) spec.ports = ports;
    // `docker run --network host`: it listens on the host at its own (EXPOSEd) port.
    if (config?.networkMode === 'host') spec.networkMode = 'host';
    return found;
  };
}

/** The service's mapping, unless its source root is outside the workspace; and what to warn of. */
async function mappingWithin(deps: CheckDeps, opts: CheckOptions, spec: ServiceSpec, boundary: string | undefined): Promise<{ mapping: SourceMapping | undefined; warnings: string[]; unbuildableFix?: string }> {
  const warnings: string[] = [];
  // A build context outside the workspace (`context: ../..` from a folder opened alone): nothing of it is read.
  const contextOutside = spec.build !== undefined && spec.drift.source === undefined && boundary !== undefined && (await outsideWorkspace(deps.fs, spec.build.context, boundary));
  if (contextOutside) warnings.push(l10n.t`build context ${rel(opts.workspaceDir, spec.build?.context ?? '')} is outside the workspace: not read, so files are not compared (open the folder that holds it to check this service's source)`);
  const inferred = contextOutside ? undefined : await inferMapping(deps.fs, spec);
  // x-runtime-drift.source (or a build context) outside the workspace: its names would walk
  // the host (`source: ../../../../etc`). Checked on the real path, so a link cannot hide it.
  const outside = inferred && boundary !== undefined ? await outsideWorkspace(deps.fs, inferred.sourceRoot, boundary) : false;
  if (outside) warnings.push(l10n.t`${rel(opts.workspaceDir, inferred?.sourceRoot ?? '')}: the source root is outside the workspace: not read`);
  const packaged = spec.build !== undefined && Boolean((await deps.fs.stat(path.join(spec.build.context, 'package.json')))?.isFile);
  // A build of no package (an image of tools: nginx, s6) whose service bind-mounts a server's folder
  // (`- ../backend:/app`): the container runs the workspace's files, which the image does not hold.
  const mounted = spec.build && !packaged && spec.drift.source === undefined ? await mountedServerApp(deps.fs, spec) : undefined;
  if (mounted && spec.build) {
    warnings.push(l10n.t`${rel(opts.workspaceDir, spec.build.dockerfile)}: the service bind-mounts ${rel(opts.workspaceDir, mounted.dir)} at ${mounted.at}, so the container runs those files from the workspace, not from the image: they are not compared with it (x-runtime-drift.source and target map them if the image holds them too)`);
  }
  const unbuildable = spec.build && spec.drift.source === undefined && !contextOutside ? await buildInputMissing(deps.fs, spec.build, (f) => rel(opts.workspaceDir, f)) : undefined;
  // An image running another language's program (mapping/foreignImage.ts): said as such where a source not found would be (a context holding a package.json).
  const otherLanguage = !inferred && spec.build ? await serviceRunsOtherLanguage(deps.fs, spec) : undefined;
  if (unbuildable !== undefined) warnings.push(unbuildable.warning);
  // A node project's build that maps nothing: said, so an empty file ladder is not read as "nothing to compare".
  // Not for an image FROM a database, cache or proxy (its config copied in from the project's folder): it runs none of the project's code.
  else if (otherLanguage !== undefined && spec.build && packaged) {
    warnings.push(l10n.t`${rel(opts.workspaceDir, spec.build.dockerfile)}: the image runs ${otherLanguage}, a program of another language than JavaScript: no source of the workspace is mapped to it and no routes are read`);
  } else if (!inferred && spec.build && packaged && (await startsBuildWatcher(deps.fs, spec))) {
    warnings.push(l10n.t`${rel(opts.workspaceDir, spec.build.dockerfile)}: the container only rebuilds the workspace (a build in watch mode, or nodemon whose nodemon.json execs a build): it serves nothing, so no routes are read and no source is mapped to it`);
  } else if (!inferred && spec.build && packaged && !(await buildsInfrastructure(deps.fs, spec, spec.build))) {
    warnings.push(l10n.t`${rel(opts.workspaceDir, spec.build.dockerfile)}: no folder of the workspace found copied into the image as its source, so files are not compared with it (x-runtime-drift.source and target say where it goes)`);
  }
  // An image fetching its source (mapping/downloadedSource.ts): mapped for its routes, its files not compared.
  if (inferred?.downloaded && spec.build) {
    warnings.push(l10n.t`${rel(opts.workspaceDir, spec.build.dockerfile)}: the image fetches its source (${inferred.downloaded.source}, line ${inferred.downloaded.line}) instead of copying it from the workspace, so files are not compared with it`);
  }
  for (const v of spec.build ? (inferred?.imageVariables ?? []) : []) {
    warnings.push(l10n.t`${rel(opts.workspaceDir, spec.build?.dockerfile ?? '')}:${v.line}: $${v.name} is not set by the Dockerfile but by its base image ${v.image}, which the workspace does not show: taken as the WORKDIR that stage works in, ${v.taken}, so the target ${inferred?.target ?? ''} rests on it (x-runtime-drift.target sets it)`);
  }
  if (inferred?.startedElsewhere && spec.build) {
    warnings.push(l10n.t`${rel(opts.workspaceDir, spec.build.dockerfile)}: the image starts ${inferred.startedElsewhere.file}, which its build context does not hold, so the container fails to start; ${rel(opts.workspaceDir, inferred.startedElsewhere.found)} is the file meant (the Dockerfile looks written for its package folder as the build context): mapped to that package`);
  }
  for (const file of inferred && !outside && !mounted && spec.build ? (inferred.alsoStarted ?? []) : []) {
    warnings.push(l10n.t`${rel(opts.workspaceDir, spec.build?.dockerfile ?? '')}: the image also starts ${rel(opts.workspaceDir, file)}, outside the source root ${rel(opts.workspaceDir, inferred?.sourceRoot ?? '')}: that program's files are not compared with the image (a service of its own with x-runtime-drift.source and target maps them)`);
  }
  const rebuilding = deps.rebuilds?.holder(spec.project, spec.name);
  if (rebuilding) warnings.push(l10n.t`a rebuild of ${spec.name} is in progress (${rebuilding}): this answer may be overtaken when it ends`);
  return { mapping: outside || mounted ? undefined : await programsWithin(deps.fs, inferred, boundary), warnings, ...(unbuildable ? { unbuildableFix: unbuildable.fix } : {}) };
}

/** The mapping without the programs whose source root is outside the workspace (as the primary's is checked: not read). */
async function programsWithin(fs: FsLike, mapping: SourceMapping | undefined, boundary: string | undefined): Promise<SourceMapping | undefined> {
  if (!mapping?.programs || boundary === undefined) return mapping;
  const within: SourceMapping[] = [];
  for (const p of mapping.programs) if (!(await outsideWorkspace(fs, p.sourceRoot, boundary))) within.push(p);
  if (within.length === mapping.programs.length) return mapping;
  const { programs: _all, ...rest } = mapping;
  return within.length > 0 ? { ...rest, programs: within } : rest;
}

interface Asked {
  /** The workspace read under way, or to choose once the engine's state is known (a kept read: keptOrFresh); undefined when there is no source to read. */
  workspace: Promise<WorkspaceEvidence> | ((engine: Promise<EngineState>) => Promise<WorkspaceEvidence>) | undefined;
  /** The service's containers, asked once the engine answered the ping. */
  containersFound: Promise<ContainerInfo[]> | undefined;
  engineError: string | null;
  configJudging: { hashes: ProjectHashes; composeParses: ComposeParses };
}

/** The engine's state, the files, the routes, the config and the pages of one service: its evidence. */
async function gatherEvidence(
  deps: CheckDeps,
  opts: CheckOptions,
  spec: ServiceSpec,
  mapping: SourceMapping | undefined,
  { workspace: asked, containersFound, engineError, configJudging }: Asked,
): Promise<{ ev: ServiceEvidence; files: FileEvidence; workspaceWarnings: string[]; read: WorkspaceEvidence | undefined }> {
  // The container is asked for first, on its own: the probes wait only for it (a service that
  // does not run is not probed).
  // A Swarm service's tasks on every node, from the manager's records: asked when the containers
  // here are Swarm tasks, or when there are none (its tasks may all run on other nodes).
  const swarmAsked = containersFound
    ?.then((found) => (found.every((c) => swarmServiceOf(c.labels) !== undefined) ? deps.engine.swarmTasks?.(spec.project, spec.name, opts.signal) : undefined))
    .catch(() => undefined);
  const containerAsked = containersFound?.then((found) => checkedContainer(found, swarmAsked));
  // The mapping as the container's image shows it (its WORKDIR, where the Dockerfile does not say).
  const seen = containerAsked ? containerAsked.then((c) => mappingOnImageWorkdir(mapping, c), () => mapping) : Promise.resolve(mapping);
  const engineAsked: Promise<EngineState> = !containerAsked
    ? Promise.resolve(emptyEngineState(spec, engineError ?? ''))
    : seen.then((m) => gatherEngineState(deps.engine, spec, m, containerAsked, opts.signal)).catch((err: unknown) =>
        emptyEngineState(spec, errorText(err)),
      );
  // Not known (the engine failed): probe anyway, the answers still tell something.
  const workspace = typeof asked === 'function' ? asked(engineAsked) : asked;
  const notRunning = containerAsked?.then(
    (c) => (!c ? NOT_RUNNING_DETAIL : c.state !== 'running' ? `${NOT_RUNNING_DETAIL} (container ${c.state})` : undefined),
    () => undefined,
  );
  const [files, engine, routes, workspaceWarnings] = await Promise.all([
    workspace ? workspace.then((w) => w.files) : NO_FILES,
    engineAsked,
    workspace
      ? workspace.then(async (w) => probeServiceRoutes(deps.prober, opts, spec, w.declared, await notRunning, { ports: w.listenPorts, ofRoute: w.routePorts }))
      : { routes: [], auth: null, baseUrl: null },
    workspace ? workspace.then((w) => w.warnings) : [],
  ]);
  const seenMapping = await seen;
  await askImageForChangedFiles(deps.engine, seenMapping, engine, files, opts.signal);
  // Config drift: the container's creation config against the compose files now (config/).
  const config = await judgeConfig(spec, engine.container, { ...configJudging, fs: deps.fs, workspaceDir: opts.workspaceDir, signal: opts.signal });
  // Front-end pages against the bundle the container serves (pages/).
  const declaredPageList = mapping?.bundled && workspace ? (await workspace).pages : [];
  const pages = seenMapping ? await servedPages(deps.engine, engine.container, seenMapping, declaredPageList, (f) => rel(opts.workspaceDir, f), opts.signal) : [];
  const swarm = containersFound && swarmServiceReport(await swarmAsked, await containersFound.catch(() => []), engine.image?.id, spec.project);
  const ev: ServiceEvidence = {
    spec,
    mapping: seenMapping,
    ...engine,
    ...(swarm ? { swarm } : {}),
    ...routes,
    config,
    pages,
    composeLabel: opts.composeLabel ?? 'docker compose',
    composeFileFlags: composeFileFlags(spec.composeFiles.map((f) => rel(opts.workspaceDir, f))),
    buildDirRel: spec.build ? rel(opts.workspaceDir, spec.build.context) : null,
  };
  return { ev, files, workspaceWarnings, read: await workspace };
}

interface WorkspaceEvidence {
  files: FileEvidence;
  declared: RouteDef[];
  warnings: string[];
  /** A bundled front end's pages (pages/extract.ts); [] otherwise. */
  pages: PageDef[];
  /** The ports the server's source listens on, where it says (a service publishing several ports is probed on one of these). */
  listenPorts?: number[];
  /** Of several server apps the image runs, each route's app's listen ports, where that app's source says. */
  routePorts?: Map<RouteDef, number[]>;
}

function listenPortsOf(extracted: { x: { listenPorts?: number[] } }[]): number[] {
  return [...new Set(extracted.flatMap((e) => e.x.listenPorts ?? []))];
}

/** `scanned`, noting in `scans` when its tree is not one the scan worker keeps up to date from the file watcher (the read is then not kept). */
function notedKept(scanned: SourceScan, scans: { kept: boolean } | undefined): SourceScan {
  if (scans && scanned.kept !== true) scans.kept = false;
  return scanned;
}

/**
 * The service's source, read once by the scanner for both the file rungs and the routes: the
 * mapped source root; or, when nothing maps the source into an image (a prebuilt image, a
 * Dockerfile not understood), the server folder its build context or name points at, for its
 * routes alone; a build that brings none is said (unreadBuildNotes), with the override that fixes
 * it, rather than an empty report. Undefined when there is no source to read.
 */
function readServiceWorkspace(
  deps: CheckDeps,
  opts: CheckOptions,
  spec: ServiceSpec,
  mapping: SourceMapping | undefined,
  boundary: string | undefined,
  hints: SourceHints,
  running?: Promise<ContainerInfo | undefined>,
  scans?: { kept: boolean },
): (() => Promise<WorkspaceEvidence>) | undefined {
  const bounded = { ...(boundary !== undefined ? { boundary } : {}), ...(opts.fullWalk ? { fullWalk: true } : {}) };
  const scan = (req: SourceScanRequest) => deps.scanner.scan({ ...req, ...bounded }, opts.signal).then((scanned) => notedKept(scanned, scans));
  // A root read for routes: a Next.js app's only through what serves it (SourceScanRequest.served).
  const scanRoot = async (root: string, routes: boolean) => {
    const ownAliases = await readPathAliases(deps.fs, root, opts.workspaceDir);
    const scope = routes ? await nextAppScope(deps.fs, root) : undefined;
    return { ownAliases, scanned: await scan({ root, routes, ...(ownAliases.length > 0 ? { aliases: ownAliases } : {}), ...(scope ? { served: { ...scope, aliases: ownAliases } } : {}) }) };
  };
  // `started`: the mapping whose image the service runs: its own, or (an image another service or a documented build makes) its builder's.
  const finish = async (root: string, { ownAliases, scanned }: Awaited<ReturnType<typeof scanRoot>>, modules: Awaited<ReturnType<typeof findServiceModules>>, files: FileEvidence, routes = true, started = mapping) => {
    // The file the container starts, when its command names one: a microservice of a shared tree serves only its routes;
    // a program of its own stage (a queue worker) whose imports reach no route file nor server serves none.
    const entry = started ? await serviceEntry(deps.fs, spec, started, scanned) : undefined;
    // The workspace packages its server depends on and the shared folders its aliases reach, for their routes only (the file rungs are the source root's).
    const packages = routes ? await appPackageSources(deps.fs, root, opts.workspaceDir, ownAliases, scanned.extracted.flatMap((e) => e.x.imports.map((i) => i.source))) : { roots: [], aliases: [] };
    const theirs: typeof scanned.extracted = [];
    for (const dir of packages.roots) theirs.push(...(await scan({ root: dir, routes: true })).extracted);
    const extracted = [...scanned.extracted, ...servedPackageRoutes(scanned.extracted, theirs)];
    const aliases = [...ownAliases, ...packages.aliases];
    // With the service's running container, asked of the engine meanwhile: its environment decides the routes' env reads and guards.
    const servesNone = routes && started !== undefined && (await startsNoServer(deps.fs, spec, started, scanned));
    const collected = await joinRoutes({ fs: deps.fs, log: deps.log, workspaceDir: opts.workspaceDir }, spec, { root, modules, entry, files: scanned.files, extracted, aliases, startsNoServer: servesNone }, routes, mapping, routes ? await running : undefined);
    // Said where the source it runs declares routes: a worker's empty list is its reading, not a miss.
    // Also a program of its own (ServiceSpec.ownStart) reaching none of the tree's routes from the file it starts.
    const reachesNone = servesNone || (spec.ownStart === true && entry !== undefined && entry.length > 0 && collected.routes.length === 0);
    const none = reachesNone && started && extracted.some((e) => e.x.routes.length > 0) ? servesNoneNote(await startedLine(deps.fs, spec, started), rel(opts.workspaceDir, root)) : undefined;
    const warnings = [...skippedWarnings(opts.workspaceDir, scanned), ...collected.warnings.map((w) => relativeWarning(opts.workspaceDir, w)), ...(none ? [none] : [])];
    return { files, declared: collected.routes, warnings, pages: [] as PageDef[], listenPorts: listenPortsOf(extracted) };
  };
  if (mapping) {
    return async () => {
      const frontEnd = await bundledFrontEnd(deps.fs, mapping, opts.workspaceDir);
      const routed = !frontEnd || (await someAppSource([isNextAppSource, isNitroAppSource, isSvelteKitAppSource, isRemixAppSource, isAstroAppSource], deps.fs, mapping.sourceRoot, opts.workspaceDir));
      const read = await scanRoot(mapping.sourceRoot, routed);
      // The files' places in the container: below the WORKDIR its image works in, where the Dockerfile does not show it.
      const seen = mappingOnImageWorkdir(mapping, await running);
      const modules = mapping.bundled ? [] : await findServiceModules(deps.fs, seen, read.scanned);
      const primaryFiles = await gatherFiles(deps.fs, opts, seen, read.scanned, await hasLocalBuild(deps.fs, mapping), modules);
      // The other programs the image starts: their files against their own targets (their routes are not read).
      const files = await withProgramFiles(deps.fs, opts, seen, primaryFiles, (root) => scan({ root, routes: false }));
      // A bundled front end's pages: its router files and file-based routes.
      const pages = frontEnd ? await declaredPages(deps.fs, mapping.sourceRoot, read.scanned.files) : [];
      // A server file beside the source root mounting its routers: the routes are read through it.
      const launcher = frontEnd || spec.oneShot ? undefined : await launcherOutside(deps.fs, mapping.sourceRoot, opts.workspaceDir);
      const routeRead = launcher ? { ...read, scanned: await scan({ root: launcher.dir, routes: true, ...(read.ownAliases.length > 0 ? { aliases: read.ownAliases } : {}), served: { named: [launcher.file], aliases: read.ownAliases } }) } : read;
      return { ...(await finish(mapping.sourceRoot, routeRead, modules, files, routed && !spec.oneShot)), pages };
    };
  }
  return async () => {
    // An image may run several server apps (pm2 starting each): the routes of all of them, each app read on its own.
    const { roots, built, job } = spec.oneShot ? { roots: [] } : hints.builtBy ? await builderRoots(deps, opts, { builder: hints.builtBy, spec, boundary }) : { roots: await serverSourceRoots(deps.fs, spec, { claimsSoleApp: hints.claimsSoleApp, workspaceDir: opts.workspaceDir }) };
    const read: WorkspaceEvidence[] = [];
    for (const root of roots) {
      const scanned = await scanRoot(root, true);
      // No module reports without a mapping; the modules still name the routes' groups.
      const modules = await findServiceModules(deps.fs, { sourceRoot: root, modulesDir: spec.drift.modulesDir ?? 'modules', target: '' }, scanned.scanned);
      read.push(await finish(root, scanned, modules, NO_FILES, true, built));
    }
    // x-runtime-drift.routes join each app's: listed once.
    const declared = [...new Map(read.flatMap((r) => r.declared).map((d) => [`${d.method} ${d.path} ${d.file ?? ''}:${d.line ?? ''}`, d])).values()];
    // Each app's routes are probed on the port it listens on; the service's base URL on one of theirs.
    const routePorts = new Map(read.flatMap((r) => (r.listenPorts?.length ? r.declared.filter((d) => d.file !== undefined).map((d) => [d, r.listenPorts ?? []] as const) : [])));
    const warnings = job !== undefined ? [servesNoneNote(job)] : roots.length === 0 && !spec.oneShot && !hints.builtBy ? await unreadBuildNotes(deps.fs, spec, opts.workspaceDir) : read.flatMap((r) => r.warnings);
    return { files: NO_FILES, declared, warnings, pages: [], listenPorts: [...new Set(read.flatMap((r) => r.listenPorts ?? []))], routePorts };
  };
}

/**
 * The image another service builds (imageBuilders): the server source that service's check reads.
 * Its mapping too: the service runs that image's start (or its own command), which decides whose routes it serves (finish).
 */
async function builderRoots(deps: CheckDeps, opts: CheckOptions, { builder, spec, boundary }: { builder: ServiceSpec; spec: ServiceSpec; boundary: string | undefined }): Promise<{ roots: string[]; built?: SourceMapping; job?: string }> {
  const built = (await mappingWithin(deps, opts, builder, boundary)).mapping;
  // A build mapping no source whose image starts only a job (`npx drizzle-kit migrate`): it serves nothing.
  const job = built ? undefined : await startsOnlyJob(deps.fs, builder, spec);
  if (job !== undefined) return { roots: [], job };
  if (!built) return { roots: await serverSourceRoots(deps.fs, builder, { workspaceDir: opts.workspaceDir }) };
  return { roots: (await bundledFrontEnd(deps.fs, built, opts.workspaceDir)) ? [] : [built.sourceRoot], built };
}

/** Whether one of `tests` says the package holding the source root serves routes of its own though it is a front end (a Next.js, Nuxt, SvelteKit, Remix or Astro app). */
async function someAppSource(tests: ReadonlyArray<(fs: FsLike, sourceRoot: string, workspaceDir: string) => Promise<boolean>>, fs: FsLike, sourceRoot: string, workspaceDir: string): Promise<boolean> {
  for (const test of tests) if (await test(fs, sourceRoot, workspaceDir)) return true;
  return false;
}

/**
 * A bundle is a front end's, unless its package is a server's (tsup, esbuild, deno compile). A
 * front end's routes are not read, except a Next.js, Nuxt, SvelteKit, Remix or Astro app's: its route handlers
 * (file routes, endpoints, resource routes) are read beside its pages.
 */
async function bundledFrontEnd(fs: FsLike, mapping: SourceMapping, workspaceDir: string): Promise<boolean> {
  return mapping.bundled && !(await isServerSource(fs, mapping.sourceRoot, workspaceDir));
}

/**
 * A current container normally speaks for its image. When it holds other builds of files than the
 * local build output (a docker cp hotfix, a write at run time, or an image built from older
 * output), the image itself is asked (listed once per image ID): that tells "changed inside the
 * container" (recreate it) from "the image is wrong" (build it). Files missing from a current
 * container are taken as missing from its image: the common case, and the diff API that could
 * tell a deletion inside costs the engine 0.3 s per 10,000 files; a rebuild recreates anyway.
 */
async function askImageForChangedFiles(
  engine: EngineLike,
  mapping: SourceMapping | undefined,
  state: EngineState,
  files: FileEvidence,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (!mapping || !state.image || !state.container || state.stale || state.imageListing || !state.containerListing) return;
  if (changedIn(allFilesOf(files), state.containerListing).length === 0) return;
  const imageId = state.image.id;
  state.imageListing = await listMapped(mapping, (target) => engine.listImageFiles(imageId, target, signal)).catch(() => undefined);
}

/**
 * A service whose compose definition could not be read is "unknown" and not asked of the engine
 * (compose refuses it as it stands). When the rest of it was read (only its ports are bad), what its
 * source says still shows: the mapping and the routes, not probed.
 */
async function invalidService(
  deps: CheckDeps,
  opts: CheckOptions,
  spec: ServiceSpec,
  readWorkspace: <R>(fn: () => Promise<R>) => Promise<R>,
  boundary: string | undefined,
  hints: SourceHints,
): Promise<ServiceReport> {
  const report = invalidServiceReport(spec);
  if (!spec.build && !spec.image) return report;
  const { mapping, warnings } = await mappingWithin(deps, opts, spec, boundary);
  const read = readServiceWorkspace(deps, opts, spec, mapping, boundary, hints);
  const workspace = read ? await readWorkspace(read) : undefined;
  const { routes } = await probeServiceRoutes(deps.prober, opts, spec, workspace?.declared ?? [], l10n.t('its compose definition could not be read'));
  const all = [...warnings, ...(workspace?.warnings ?? [])];
  return {
    ...report,
    mapping: mappingReport(mapping),
    routes,
    warnings: all.slice(0, MAX_WARNINGS),
  };
}

/** A service whose compose definition could not be read: only it is "unknown", the others are checked. */
function invalidServiceReport(spec: ServiceSpec): ServiceReport {
  // With those the error names, those that blank its build context (`context: ${BACKEND}`): all want setting.
  const unset = [...new Set([...(spec.unsetVariables ?? []), ...(spec.build?.blankContextVariables ?? [])])];
  return {
    name: spec.name,
    project: spec.project,
    ...(spec.stackFile !== undefined ? { stackFile: spec.stackFile } : {}),
    verdict: 'unknown',
    summary: l10n.t`its compose definition could not be read: ${spec.error ?? ''}`,
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
    configDrift: [],
    configBasis: null,
    pages: [],
    fix: unset.length > 0
      ? l10n.t('set {0} in .env beside the compose file or in the environment, then check again', unset.join(', '))
      : spec.addsToAnother
        ? l10n.t('check it together with the compose file that gives its image or build (--compose-file for each, or the runtimeDrift.composeFiles setting)')
        : l10n.t('correct the service in the compose file, then check again'),
    action: null,
    errors: [spec.error ?? ''],
    warnings: [],
    definitionError: spec.error ?? '',
  };
}

/** Warnings kept per service in a report: the rest are counted. */
export const MAX_WARNINGS = 50;

/** The start of the image a builder makes, started as the service starts it, when it runs only a job (gather/startedEntry.ts runsOnlyJobs). */
async function startsOnlyJob(fs: FsLike, builder: ServiceSpec, spec: ServiceSpec): Promise<string | undefined> {
  if (!builder.build) return undefined;
  const df = await serviceStartDockerfile(fs, builder.build, spec.config);
  const stage = df && builtStage(df, builder.build.target);
  return stage?.start !== undefined && runsOnlyJobs(commandWords(stage.start)) ? stage.start : undefined;
}

/** Why a service lists no routes though the source it runs declares some: the program it starts serves none. */
function servesNoneNote(line: string | undefined, root?: string): string {
  const what = line !== undefined ? l10n.t`it starts ${line}` : l10n.t`the program it starts`;
  return root !== undefined
    ? l10n.t`${what}, a program reaching no server (a worker, a job or a script): the routes of ${root} are not listed for it (x-runtime-drift.routes lists any it serves)`
    : l10n.t`${what}, a job serving no route: no routes are read for it (x-runtime-drift.routes lists any it serves)`;
}

/** A service standing for another's image build, when it has one (a documented build outside the workspace has none). */
function withBuild(spec: ServiceSpec | undefined): ServiceSpec | undefined {
  return spec?.build ? spec : undefined;
}
