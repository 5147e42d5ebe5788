// Compose files -> ComposeProject: YAML parsed by a real parser, interpolated, overrides merged,
// then each service reduced to what the ladder needs (build, image, ports, x-runtime-drift).
import { basename, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ComposeProject, ServiceBuild, ServiceSpec } from '../model';
import { UserInputError } from '../ports';
import { parseDriftOverrides } from './driftOverrides';
import { interpolateDeep, isPlainObject, type Env } from './interpolate';
import { mergeComposeTrees } from './merge';
import { parsePorts } from './ports';

export interface ComposeFileText {
  path: string;
  text: string;
}

export interface ParseComposeOptions {
  /** Folder of the first compose file: relative paths resolve from here. */
  dir: string;
  /** Process environment already merged with `.env` (see mergeEnv). */
  env: Env;
}

export function parseComposeProject(files: ComposeFileText[], opts: ParseComposeOptions): ComposeProject {
  const trees = files.map((f) => loadFile(f, opts.env));
  const merged = trees.reduce<Record<string, unknown>>(
    (acc, tree) => mergeComposeTrees(acc, tree) as Record<string, unknown>,
    {},
  );
  const name = projectName(merged['name'], opts);
  const composeFiles = files.map((f) => resolve(opts.dir, f.path));
  const services = merged['services'];
  const specs: ServiceSpec[] = [];
  if (services !== undefined && services !== null) {
    for (const [service, def] of Object.entries(services as Record<string, unknown>)) {
      specs.push(toServiceSpec(service, def, { project: name, dir: opts.dir, composeFiles }));
    }
  }
  return { name, dir: opts.dir, composeFiles, services: specs };
}

/** Compose's normalisation of a project name: lowercase, only [a-z0-9_-]. */
export function normalizeProjectName(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

function loadFile(file: ComposeFileText, env: Env): Record<string, unknown> {
  const label = basename(file.path);
  let doc: unknown;
  try {
    doc = parseYaml(file.text, { merge: true, logLevel: 'error' });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const reason = err.message.split(/ at line \d+/)[0]?.trim() ?? err.message;
      const line = err.linePos?.[0]?.line;
      throw new UserInputError(`${label}: ${reason}${line === undefined ? '' : ` at line ${line}`}`);
    }
    throw new UserInputError(`${label}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (doc === null || doc === undefined) return {};
  if (!isPlainObject(doc)) throw new UserInputError(`${label}: the top level must be a mapping (services:, name:, ...)`);
  const services = doc['services'];
  if (services !== undefined && services !== null && !isPlainObject(services)) {
    throw new UserInputError(`${label}: "services" must be a mapping of service name to definition`);
  }
  const tree = interpolateDeep(doc, env) as Record<string, unknown>;
  return normalizeBuildShorthand(tree, label);
}

/** `build: ./api` means `build: { context: ./api }`; normalise first so overrides merge into it. */
function normalizeBuildShorthand(tree: Record<string, unknown>, label: string): Record<string, unknown> {
  const services = tree['services'];
  if (!isPlainObject(services)) return tree;
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(services)) {
    if (def !== null && def !== undefined && !isPlainObject(def)) {
      throw new UserInputError(`${label}: service "${name}" must be a mapping`);
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
}

function toServiceSpec(name: string, raw: unknown, ctx: ServiceContext): ServiceSpec {
  const def = isPlainObject(raw) ? raw : {};
  const where = (field: string) => `service "${name}": ${field}`;
  const spec: ServiceSpec = {
    name,
    project: ctx.project,
    projectDir: ctx.dir,
    composeFiles: ctx.composeFiles,
    ports: parsePorts(def['ports'], where('ports')),
    drift: parseDriftOverrides(def['x-runtime-drift'], name, ctx.dir),
  };
  const image = def['image'];
  if (image !== undefined && image !== null) {
    if (typeof image !== 'string') throw new UserInputError(`${where('image')} must be a string`);
    spec.image = image;
  }
  const build = parseBuild(def['build'], ctx.dir, where);
  if (build) spec.build = build;
  const networkMode = def['network_mode'];
  if (networkMode !== undefined && networkMode !== null) {
    if (typeof networkMode !== 'string') throw new UserInputError(`${where('network_mode')} must be a string`);
    spec.networkMode = networkMode;
  }
  return spec;
}

function parseBuild(raw: unknown, dir: string, where: (f: string) => string): ServiceBuild | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isPlainObject(raw)) throw new UserInputError(`${where('build')} must be a path or a mapping`);
  const context = optionalString(raw['context'], where('build.context')) ?? '.';
  const dockerfile = optionalString(raw['dockerfile'], where('build.dockerfile')) ?? 'Dockerfile';
  const target = optionalString(raw['target'], where('build.target'));
  // A remote context (git URL, https tarball) has no local folder: keep it as written.
  const contextAbs = isRemoteContext(context) ? context : resolve(dir, context);
  const build: ServiceBuild = {
    context: contextAbs,
    dockerfile: isAbsolute(dockerfile) ? dockerfile : resolve(contextAbs, dockerfile),
  };
  if (target !== undefined) build.target = target;
  return build;
}

function optionalString(v: unknown, where: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new UserInputError(`${where} must be a string`);
  return v;
}

function isRemoteContext(context: string): boolean {
  return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(context);
}
