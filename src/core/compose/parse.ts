// Compose files -> ComposeProject: YAML parsed by a real parser, interpolated, overrides merged,
// then each service reduced to what the ladder needs (build, image, ports, x-runtime-drift).
import * as l10n from '@vscode/l10n';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ComposeProject, ServiceBuild, ServiceSpec } from '../model';
import { errorText, UserInputError } from '../errors';
import { parseDriftOverrides } from './driftOverrides';
import { interpolate, interpolateDeep, MissingVariableError, type Env } from './interpolate';
import { isRecord } from '../isRecord';
import { mergeComposeTrees } from './merge';
import { parsePorts } from './portMappings';
import { envFilePaths, parseServiceConfig } from './serviceConfig';
import { DEFAULT_DOCKERFILE } from '../dockerfile/dockerfileName';
import { isImageReference } from './imageReference';
import { linkBuiltImages } from './builtImages';

export interface ComposeFileText {
  path: string;
  text: string;
}

export interface ParseComposeOptions {
  /** Folder of the first compose file: relative paths resolve from here. */
  dir: string;
  /** Process environment already merged with `.env` (see mergeEnv). */
  env: Env;
  /**
   * Other files the project names (`extends.file`, `include:`), read beforehand by the caller
   * (absolute path -> text; absent when missing): parsing stays synchronous and pure.
   */
  extraFiles?: ReadonlyMap<string, string>;
  /**
   * With no `.env` beside the compose file, the example the repository ships instead
   * (`.env.example`) and the variables it sets: an unset variable it sets is named with it.
   */
  envExample?: { file: string; names: readonly string[] };
}

/** How deep `extends` and `include` chains are followed (a file that includes itself stops here). */
const MAX_COMPOSE_DEPTH = 5;

export function parseComposeProject(files: ComposeFileText[], opts: ParseComposeOptions): ComposeProject {
  const errors = new Map<string, { message: string; variable?: string }>();
  const unset = new Map<string, UnsetVariable[]>();
  const trees = files.map((f) => loadFile(f, opts.env, errors, unset));
  const merged = trees.reduce<Record<string, unknown>>(
    (acc, tree) => mergeComposeTrees(acc, tree) as Record<string, unknown>,
    {},
  );
  const name = projectName(merged['name'], opts);
  const composeFiles = files.map((f) => resolve(opts.dir, f.path));
  const services = isRecord(merged['services']) ? merged['services'] : {};
  const active = activeProfiles(opts.env);
  const specs: ServiceSpec[] = [];
  const awaited = new Set<string>();
  for (const [service, raw] of Object.entries(services)) {
    const ctx = { project: name, dir: opts.dir, composeFiles, env: opts.env, files: opts.extraFiles };
    // One service's bad value (a port, a required variable) is that service's error, not the project's.
    const failed = errors.get(service);
    if (failed !== undefined) {
      const spec = partlyReadSpec(service, raw, services, ctx, opts, failed.message);
      specs.push(failed.variable !== undefined ? { ...spec, unsetVariables: [failed.variable] } : spec);
      continue;
    }
    // A service of a profile not active here is kept, marked, for the check to take only when it
    // was started (`--profile dev`); one whose definition cannot be read is left out, as before,
    // except when what fails is a blank from an unset variable (`${PORT}:${PORT}` before `.env`
    // exists): compose has it once `.env` is written, so it is kept with that error and its hint.
    let inactive: string[] | undefined;
    try {
      const def = resolveExtends(service, raw, services, opts, 0);
      for (const dep of completionDependencies(def)) awaited.add(dep);
      const profiles = serviceProfiles(def);
      inactive = profileActive(profiles, active) ? undefined : profiles;
      const spec = toServiceSpec(service, def, ctx);
      if (inactive !== undefined) {
        const hinted = spec.error !== undefined ? withUnsetHint(spec, spec.error, unset.get(service), opts.envExample) : spec;
        if (hinted.error === undefined || hinted.unsetVariables !== undefined) specs.push({ ...hinted, inactiveProfiles: inactive });
        continue;
      }
      specs.push(spec.error !== undefined ? withUnsetHint(spec, spec.error, unset.get(service), opts.envExample) : spec);
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      if (inactive === undefined) specs.push(withUnsetHint(invalidSpec(service, ctx, err.message), err.message, unset.get(service), opts.envExample));
    }
  }
  for (const spec of specs) withBlankContext(spec, unset.get(spec.name));
  for (const included of includedProjects(merged['include'], opts, name)) specs.push(...included.services);
  for (const spec of specs) if (awaited.has(spec.name)) spec.oneShot = true;
  linkBuiltImages(specs);
  return { name, dir: opts.dir, composeFiles, services: specs };
}

/** The services `def` waits on to finish: `depends_on: { x: { condition: service_completed_successfully } }`. */
function completionDependencies(def: unknown): string[] {
  const deps = isRecord(def) ? def['depends_on'] : undefined;
  if (!isRecord(deps)) return []; // The list form waits for a start only.
  return Object.entries(deps)
    .filter(([, d]) => isRecord(d) && d['condition'] === 'service_completed_successfully')
    .map(([name]) => name);
}

/** Names on the service's build the unset variables of its `build.context` (`context: ${BACKEND}`, `build: ${BACKEND}`). */
function withBlankContext(spec: ServiceSpec, vars: UnsetVariable[] | undefined): void {
  const names = [...new Set((vars ?? []).filter((v) => v.field === 'build' || v.field === 'build.context').map((v) => v.name))];
  if (spec.build && names.length > 0) spec.build.blankContextVariables = names;
}

/** A variable substituted with a blank string in a service's definition, and the field it was in ("ports[0]"). */
interface UnsetVariable {
  name: string;
  field: string;
}

/**
 * "invalid port ':3000'" says little when the port came from `${PORT}`: the error names the unset
 * variables of the field it is about, as compose's own warning would have.
 */
function withUnsetHint(spec: ServiceSpec, message: string, vars: UnsetVariable[] | undefined, example?: ParseComposeOptions['envExample']): ServiceSpec {
  const names = [...new Set((vars ?? []).filter((v) => message.includes(v.field.split('.')[0] ?? v.field)).map((v) => v.name))];
  if (names.length === 0) return spec;
  return { ...spec, error: message + unsetHint(names, example), unsetVariables: names };
}

function unsetHint(names: string[], example?: ParseComposeOptions['envExample']): string {
  const list = names.join(', ');
  const inExample = example ? names.filter((n) => example.names.includes(n)) : [];
  const copy = example && inExample.length > 0 ? l10n.t('; {0} sets {1}: copy it to .env beside the compose file', example.file, inExample.join(', ')) : '';
  const hint =
    names.length === 1
      ? l10n.t('(variable {0} is not set, so compose substitutes a blank string{1})', list, copy)
      : l10n.t('(variables {0} are not set, so compose substitutes a blank string{1})', list, copy);
  return ` ${hint}`;
}

/**
 * A service one of whose fields could not be interpolated (`${JWT_SECRET:?}` in its environment):
 * its error, with what the rest of its definition says (image, build, volumes), so that where its
 * source is still shows; nothing but its error when that cannot be read either.
 */
function partlyReadSpec(service: string, raw: unknown, services: Record<string, unknown>, ctx: ServiceContext, opts: ParseComposeOptions, error: string): ServiceSpec {
  try {
    return { ...toServiceSpec(service, resolveExtends(service, raw, services, opts, 0), ctx), error };
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    return invalidSpec(service, ctx, error);
  }
}

function invalidSpec(name: string, ctx: ServiceContext, error: string): ServiceSpec {
  return { name, project: ctx.project, projectDir: ctx.dir, composeFiles: ctx.composeFiles, ports: [], drift: {}, error };
}

/** COMPOSE_PROFILES (comma-separated): a service with `profiles:` runs only when one is active. */
function activeProfiles(env: Env): Set<string> {
  return new Set((env['COMPOSE_PROFILES'] ?? '').split(',').map((p) => p.trim()).filter((p) => p !== ''));
}

function profileActive(profiles: readonly string[], active: Set<string>): boolean {
  return profiles.length === 0 || active.has('*') || profiles.some((p) => active.has(p));
}

function serviceProfiles(def: unknown): string[] {
  const profiles = isRecord(def) ? def['profiles'] : undefined;
  return Array.isArray(profiles) ? profiles.filter((p): p is string => typeof p === 'string') : [];
}

/** `extends: base` / `extends: { service, file }`: the base service's definition under this one's. */
function resolveExtends(name: string, raw: unknown, services: Record<string, unknown>, opts: ParseComposeOptions, depth: number): unknown {
  if (!isRecord(raw) || raw['extends'] === undefined) return raw;
  if (depth >= MAX_COMPOSE_DEPTH) throw new UserInputError(l10n.t`service "${name}": extends nests deeper than ${MAX_COMPOSE_DEPTH} levels`);
  const ext = raw['extends'];
  const baseName = typeof ext === 'string' ? ext : isRecord(ext) && typeof ext['service'] === 'string' ? ext['service'] : undefined;
  if (baseName === undefined) throw new UserInputError(l10n.t`service "${name}": extends must name a service`);
  const file = isRecord(ext) && typeof ext['file'] === 'string' ? resolve(opts.dir, ext['file']) : undefined;
  let pool = services;
  let baseOpts = opts;
  if (file !== undefined) {
    const text = opts.extraFiles?.get(file);
    if (text === undefined) throw new UserInputError(l10n.t`service "${name}": extends file ${ext && isRecord(ext) ? String(ext['file']) : ''} not found`);
    const tree = loadFile({ path: file, text }, opts.env, new Map());
    pool = isRecord(tree['services']) ? tree['services'] : {};
    baseOpts = { ...opts, dir: dirname(file) };
  }
  const baseRaw = pool[baseName];
  if (baseRaw === undefined) throw new UserInputError(l10n.t`service "${name}": extends ${baseName}, which is not defined`);
  const base = resolveExtends(baseName, baseRaw, pool, baseOpts, depth + 1);
  const own: Record<string, unknown> = { ...raw };
  delete own['extends'];
  // A build context inherited from another file stays relative to that file's folder.
  const rebased = file !== undefined && isRecord(base) && isRecord(base['build']) && typeof base['build']['context'] === 'string'
    ? { ...base, build: { ...base['build'], context: resolve(dirname(file), base['build']['context']) } }
    : base;
  const merged = mergeComposeTrees({ services: { x: rebased } }, { services: { x: own } }) as { services: { x: unknown } };
  return merged.services.x;
}

/** `include: [path]` / `include: [{ path: [a, b] }]`: each included file a project of its own folder, its services in this project. */
function includedProjects(raw: unknown, opts: ParseComposeOptions, project: string): ComposeProject[] {
  if (!Array.isArray(raw)) return [];
  const out: ComposeProject[] = [];
  for (const entry of raw) {
    const files: ComposeFileText[] = [];
    for (const p of includePaths(entry)) {
      const abs = resolve(opts.dir, p);
      const text = opts.extraFiles?.get(abs);
      if (text === undefined) throw new UserInputError(l10n.t`include: ${p} not found in the workspace (files outside it are not read)`);
      files.push({ path: abs, text });
    }
    const first = files[0];
    if (!first) continue;
    const included = parseComposeProject(files, { ...opts, dir: dirname(first.path), env: { ...opts.env, COMPOSE_PROJECT_NAME: project } });
    out.push(included);
  }
  return out;
}

/** The paths of one `include:` entry: `path` or `{ path: path | [paths] }`. */
function includePaths(entry: unknown): string[] {
  const raw = typeof entry === 'string' ? [entry] : isRecord(entry) ? [entry['path']].flat() : [];
  return raw.filter((p): p is string => typeof p === 'string');
}

/**
 * The files a project names beyond its own (`extends.file`, `include:`), for the caller to read
 * first; their names interpolated with `env` as compose does (`file: compose.${TARGET:-build}.yml`).
 */
export function referencedFiles(texts: ComposeFileText[], dir: string, env: Env = {}): string[] {
  const out = new Set<string>();
  // A name that does not interpolate (a required variable unset) is kept as written: parsing says why.
  const named = (p: string): string => {
    try {
      return interpolate(p, env);
    } catch {
      return p;
    }
  };
  for (const f of texts) {
    let doc: unknown;
    try {
      doc = parseYaml(f.text, { merge: true, logLevel: 'silent' });
    } catch {
      continue; // reported when the file itself is parsed
    }
    if (!isRecord(doc)) continue;
    const base = dirname(resolve(dir, f.path));
    const inc = doc['include'];
    if (Array.isArray(inc))
      for (const e of inc) for (const p of includePaths(e)) out.add(resolve(base, named(p)));
    const services = doc['services'];
    if (isRecord(services))
      for (const def of Object.values(services)) {
        const ext = isRecord(def) ? def['extends'] : undefined;
        if (isRecord(ext) && typeof ext['file'] === 'string') out.add(resolve(base, named(ext['file'])));
        for (const envFile of envFilePaths(def, base)) out.add(named(envFile));
      }
  }
  return [...out];
}

/** Compose's normalisation of a project name: lowercase, only [a-z0-9_-]. */
export function normalizeProjectName(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

function loadFile(
  file: ComposeFileText,
  env: Env,
  serviceErrors: Map<string, { message: string; variable?: string }>,
  unset = new Map<string, UnsetVariable[]>(),
): Record<string, unknown> {
  const label = basename(file.path);
  let doc: unknown;
  try {
    doc = parseYaml(file.text, { merge: true, logLevel: 'error' });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const reason = err.message.split(/ at line \d+/)[0]?.trim() ?? err.message;
      const line = err.linePos?.[0]?.line;
      throw new UserInputError(line === undefined ? `${label}: ${reason}` : l10n.t`${label}: ${reason} at line ${line}`);
    }
    throw new UserInputError(`${label}: ${errorText(err)}`);
  }
  if (doc === null || doc === undefined) return {};
  if (!isRecord(doc)) throw new UserInputError(l10n.t`${label}: the top level must be a mapping (services:, name:, ...)`);
  const services = doc['services'];
  if (services !== undefined && services !== null && !isRecord(services)) {
    throw new UserInputError(l10n.t`${label}: "services" must be a mapping of service name to definition`);
  }
  // Interpolated per service: a variable one service requires (${X:?}) fails that service only.
  const { services: rawServices, ...rest } = doc;
  const tree = interpolateDeep(rest, env) as Record<string, unknown>;
  if (isRecord(rawServices)) {
    const out: Record<string, unknown> = {};
    for (const [name, def] of Object.entries(rawServices)) {
      const prefix = `services.${name}.`;
      const onUnset = (variable: string, where: string) => {
        const list = unset.get(name) ?? [];
        list.push({ name: variable, field: where.startsWith(prefix) ? where.slice(prefix.length) : where });
        unset.set(name, list);
      };
      try {
        out[name] = interpolateDeep(def, env, `services.${name}`, onUnset);
      } catch (err) {
        if (!(err instanceof UserInputError)) throw err;
        serviceErrors.set(name, { message: `${label}: ${err.message}`, ...(err instanceof MissingVariableError ? { variable: err.variable } : {}) });
        out[name] = readableFields(def, env, `services.${name}`, onUnset);
      }
    }
    tree['services'] = out;
  }
  return normalizeBuildShorthand(tree, label);
}

/**
 * The fields of a service's definition that interpolate, when one does not: the rest is still its
 * definition. In its `environment` only the entries naming the failing variable are left out
 * (`JWT_SECRET=${JWT_SECRET:?}` beside `NODE_ENV=${NODE_ENV:-production}`): the others still say
 * how the service starts.
 */
function readableFields(def: unknown, env: Env, at: string, onUnset: (variable: string, where: string) => void): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isRecord(def)) return out;
  for (const [key, value] of Object.entries(def)) {
    const read = readable(value, env, `${at}.${key}`, onUnset);
    if (read !== undefined) out[key] = read;
    else if (key === 'environment' && Array.isArray(value)) out[key] = value.map((e, i) => readable(e, env, `${at}.${key}[${i}]`, onUnset)).filter((e) => e !== undefined);
    else if (key === 'environment' && isRecord(value)) out[key] = readableFields(value, env, `${at}.${key}`, onUnset);
  }
  return out;
}

/** The value interpolated, or undefined when a variable it requires is unset or invalid. */
function readable(value: unknown, env: Env, at: string, onUnset: (variable: string, where: string) => void): unknown {
  try {
    return interpolateDeep(value, env, at, onUnset);
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    return undefined;
  }
}

/** `build: ./api` means `build: { context: ./api }`; normalise first so overrides merge into it. */
function normalizeBuildShorthand(tree: Record<string, unknown>, label: string): Record<string, unknown> {
  const services = tree['services'];
  if (!isRecord(services)) return tree;
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(services)) {
    if (def !== null && def !== undefined && !isRecord(def)) {
      throw new UserInputError(l10n.t`${label}: service "${name}" must be a mapping`);
    }
    out[name] = def && typeof def['build'] === 'string' ? { ...def, build: { context: def['build'] } } : def;
  }
  return { ...tree, services: out };
}

function projectName(nameField: unknown, opts: ParseComposeOptions): string {
  // Compose's precedence: COMPOSE_PROJECT_NAME (environment or .env) beats `name:`, which beats
  // the folder name. https://docs.docker.com/compose/how-tos/project-name/
  const fromEnv = opts.env['COMPOSE_PROJECT_NAME'];
  const candidates = [fromEnv, typeof nameField === 'string' ? nameField : undefined, basename(opts.dir)];
  for (const c of candidates) {
    const n = c === undefined ? '' : normalizeProjectName(c);
    if (n !== '') return n;
  }
  return 'default';
}

interface ServiceContext {
  project: string;
  dir: string;
  composeFiles: string[];
  env: Env;
  files: ReadonlyMap<string, string> | undefined;
}

function toServiceSpec(name: string, raw: unknown, ctx: ServiceContext): ServiceSpec {
  const def = isRecord(raw) ? raw : {};
  const where = (field: string) => l10n.t`service "${name}": ${field}`;
  const spec: ServiceSpec = {
    name,
    project: ctx.project,
    projectDir: ctx.dir,
    composeFiles: ctx.composeFiles,
    ports: [],
    drift: parseDriftOverrides(def['x-runtime-drift'], name, ctx.dir),
  };
  // A bad port (most often `${PORT}` not set before `.env` exists) is the service's error, but the
  // rest of its definition is still read: what its source says (mapping, routes) shows meanwhile.
  try {
    spec.ports = parsePorts(def['ports'], where('ports'));
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    spec.error = err.message;
  }
  spec.config = parseServiceConfig(def, { dir: ctx.dir, env: ctx.env, files: ctx.files, ports: spec.ports, where });
  const image = def['image'];
  if (image !== undefined && image !== null) {
    if (typeof image !== 'string') throw new UserInputError(l10n.t`${where('image')} must be a string`);
    spec.image = image;
    // Not asked of the engine (it would answer "invalid reference format"); the rest is still read.
    if (!isImageReference(image)) spec.error ??= l10n.t`${where('image')}: "${image}" is not a valid image reference`;
  }
  const build = parseBuild(def['build'], ctx, where);
  if (build) spec.build = build;
  const networkMode = def['network_mode'];
  if (networkMode !== undefined && networkMode !== null) {
    if (typeof networkMode !== 'string') throw new UserInputError(l10n.t`${where('network_mode')} must be a string`);
    spec.networkMode = networkMode;
    // Host networking publishes nothing (compose v1 refuses `ports:` with it): `expose:` then
    // says which port the service listens on, on the engine's host.
    if (networkMode === 'host' && spec.ports.length === 0) spec.ports = parsePorts(def['expose'], where('expose'));
  }
  // Compose refuses such a service ("has neither an image nor a build context"): most often one of
  // a file that only adds to another (labels for a proxy), which compose reads with that file.
  if (spec.image === undefined && spec.build === undefined && def['provider'] === undefined && spec.error === undefined) {
    spec.error = l10n.t`${where('')}has neither an image nor a build context: compose runs it only with a compose file that gives one (check them together: --compose-file, or the runtimeDrift.composeFiles setting)`;
    spec.addsToAnother = true;
  }
  return spec;
}

function parseBuild(raw: unknown, ctx: ServiceContext, where: (f: string) => string): ServiceBuild | undefined {
  const dir = ctx.dir;
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) throw new UserInputError(l10n.t`${where('build')} must be a path or a mapping`);
  const context = optionalString(raw['context'], where('build.context')) ?? '.';
  const named = optionalString(raw['dockerfile'], where('build.dockerfile'));
  const dockerfile = named ?? DEFAULT_DOCKERFILE;
  const target = optionalString(raw['target'], where('build.target'));
  // A remote context (git URL, https tarball) has no local folder: keep it as written.
  const contextAbs = isRemoteContext(context) ? context : resolve(dir, context);
  const build: ServiceBuild = {
    context: contextAbs,
    dockerfile: isAbsolute(dockerfile) ? dockerfile : resolve(contextAbs, dockerfile),
  };
  if (named === undefined) build.defaultDockerfile = true;
  if (target !== undefined) build.target = target;
  const args = buildArgs(raw['args'], ctx.env, where);
  if (args) build.args = args;
  return build;
}

/**
 * `build.args` as a mapping or a `KEY=VALUE` list (already interpolated). One without a value
 * takes the environment's, else it is left out and the Dockerfile's default applies.
 */
function buildArgs(raw: unknown, env: Env, where: (f: string) => string): Record<string, string> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw) && !isRecord(raw)) throw new UserInputError(l10n.t`${where('build.args')} must be a list or a mapping`);
  const pairs: [string, unknown][] = Array.isArray(raw)
    ? raw.map((item): [string, unknown] => {
        const [name = '', ...value] = String(item).split('=');
        return [name, value.length > 0 ? value.join('=') : null];
      })
    : Object.entries(raw);
  const out: Record<string, string> = {};
  for (const [name, value] of pairs) {
    const v = value === null || value === undefined ? env[name] : typeof value === 'object' ? undefined : String(value);
    if (v !== undefined) out[name] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function optionalString(v: unknown, where: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new UserInputError(l10n.t`${where} must be a string`);
  return v;
}

function isRemoteContext(context: string): boolean {
  return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(context);
}
