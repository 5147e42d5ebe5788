// The services of a workspace with no compose file: its Dockerfiles (compose/dockerfileServices.ts),
// each with the tag and context the project's own `docker build` command gives, where it writes one.
import path from 'node:path';
import type { ServiceSpec } from '../model';
import type { FsLike } from '../ports';
import { dockerfileServices } from '../compose/dockerfileServices';
import { normalizeProjectName } from '../compose/parse';
import { DEFAULT_MAX_DEPTH } from '../compose/walk';
import { documentedStandaloneBuilds } from './documentedBuilds';

export async function standaloneServices(fs: FsLike, workspaceDir: string): Promise<ServiceSpec[]> {
  const specs = await dockerfileServices(fs, workspaceDir, normalizeProjectName(path.basename(workspaceDir)), DEFAULT_MAX_DEPTH);
  await documentedStandaloneBuilds(fs, specs, workspaceDir);
  return specs;
}
