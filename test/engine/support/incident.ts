// The incident fixture for engine and end-to-end tests: the steps live in the plain-JS driver
// (shared with scripts/demo.mjs); this adds types and the Docker look-ups tests assert on.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createIncidentWorkspace as createWorkspace } from '../../fixtures/incident/driver.mjs';
import type { IncidentWorkspace, IncidentWorkspaceOptions } from '../../fixtures/incident/driver.mjs';

export type { IncidentWorkspace, IncidentWorkspaceOptions } from '../../fixtures/incident/driver.mjs';

const execFileAsync = promisify(execFile);

/** Copies the fixture to a temp dir (or opts.dir) and returns its driver; nothing runs yet. */
export function createIncidentWorkspace(opts?: IncidentWorkspaceOptions): Promise<IncidentWorkspace> {
  return createWorkspace(opts);
}

async function docker(args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('docker', args, { timeout: 30_000 });
  return stdout.trim();
}

/** Ids of the project's containers (running or not), found by compose's project label. */
export async function projectContainers(project: string, service?: string): Promise<string[]> {
  const filters = ['--filter', `label=com.docker.compose.project=${project}`];
  if (service) filters.push('--filter', `label=com.docker.compose.service=${service}`);
  const out = await docker(['ps', '-aq', '--no-trunc', ...filters]);
  return out.length > 0 ? out.split('\n') : [];
}

export interface ApiImageIds {
  /** Image the running api container was created from. */
  container: string | undefined;
  /** Image the compose tag points at now (what a recreate would run). */
  tag: string | undefined;
}

/** The two ids whose difference is the incident: a rebuilt tag, an old container. */
export async function apiImageIds(ws: IncidentWorkspace): Promise<ApiImageIds> {
  const [containerId] = await projectContainers(ws.project, 'api');
  const container = containerId ? await docker(['inspect', '--format', '{{.Image}}', containerId]) : undefined;
  const tag = await docker(['image', 'inspect', '--format', '{{.Id}}', ws.imageTag]).catch(() => undefined);
  return { container, tag };
}

/** True when the engine still has this image (id or tag). */
export async function imageExists(ref: string): Promise<boolean> {
  return docker(['image', 'inspect', '--format', '{{.Id}}', ref]).then(
    () => true,
    () => false,
  );
}
