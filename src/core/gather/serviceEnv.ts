// The environment a service runs with as its compose files declare it (environment:, env_file,
// `${VAR:-default}` already interpolated by compose/serviceConfig.ts) over the ENV its image's
// Dockerfile sets (the mapping's built stage), with the file and line that set each variable: what the route join evaluates tests of the environment with, and takes a path
// prefix that is an environment variable from (routes/collect.ts). Workspace input like the source:
// it decides paths only, never where a probe goes or which token is sent.
import * as l10n from '@vscode/l10n';
import type { ContainerInfo, ServiceSpec, SourceMapping } from '../model';
import type { FsLike } from '../ports';
import { locateConfigFields } from '../config/locate';
import { readServiceTexts } from '../config/serviceTexts';
import type { ServiceEnv } from '../routes/settingGuardWarnings';
import { isAtOrInside } from '../pathInside';
import { rel } from './paths';

/**
 * The service's declared environment and where each variable is set; undefined when it declares
 * none. `mapping`: its image's, whose built stage's ENV come first (compose's environment replaces
 * them, as Docker does). `running`: the service's running container, whose environment (the
 * engine's inspect) is the one its process has, taken over what the files declare.
 */
export async function serviceEnvOf(fs: FsLike, spec: ServiceSpec, workspaceDir: string, mapping?: SourceMapping, running?: ContainerInfo): Promise<ServiceEnv | undefined> {
  const live = running && runningEnvOf(spec, running);
  if (live) return live;
  const own = await composeEnvOf(fs, spec, workspaceDir);
  const image = mapping?.started?.env;
  // Only an image the service builds: a prebuilt `image:` may come from another Dockerfile.
  if (!spec.build || !image || Object.keys(image).length === 0) return own;
  const from = l10n.t('ENV of {0}', rel(workspaceDir, spec.build.dockerfile));
  const where = Object.fromEntries(Object.keys(image).map((name) => [name, from]));
  return { service: spec.name, values: { ...image, ...own?.values }, where: { ...where, ...own?.where } };
}

async function composeEnvOf(fs: FsLike, spec: ServiceSpec, workspaceDir: string): Promise<ServiceEnv | undefined> {
  const values = spec.config?.environment ?? {};
  const names = Object.keys(values);
  if (names.length === 0) return undefined;
  // Files outside the workspace are not read (as config drift places its fields).
  const { composeTexts, env } = await readServiceTexts(fs, spec, workspaceDir);
  const from = env.from;
  const located = locateConfigFields(spec.name, names.map((n) => `environment.${n}`), composeTexts, env);
  const where: Record<string, string> = {};
  for (const name of names) {
    const at = located.fields.get(`environment.${name}`);
    const written = from[name];
    if (at && isAtOrInside(workspaceDir, at.file)) where[name] = `${rel(workspaceDir, at.file)}:${at.line}`;
    else if (written !== undefined && written !== 'environment') where[name] = written;
  }
  return { service: spec.name, values, where };
}

/**
 * The environment of the service's running container as the engine reports it (inspect
 * Config.Env: its image's ENV, compose's environment and anything given at its creation): what the
 * process serving the routes has, whatever the files say now. Undefined for a container not
 * running or not inspected. Engine output, but like the files it decides paths only.
 */
function runningEnvOf(spec: ServiceSpec, c: ContainerInfo): ServiceEnv | undefined {
  if (c.state !== 'running' || !c.config) return undefined;
  const values: Record<string, string> = {};
  for (const entry of c.config.env) {
    const at = entry.indexOf('=');
    if (at > 0) values[entry.slice(0, at)] = entry.slice(at + 1);
  }
  const from = l10n.t('the running container {0}', c.name);
  return { service: spec.name, values, where: Object.fromEntries(Object.keys(values).map((name) => [name, from])) };
}
