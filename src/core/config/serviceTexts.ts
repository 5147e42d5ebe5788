// The texts a service's config fields are placed in (config/locate.ts): its compose files and the
// env_files its environment comes from, read only inside the workspace (a file outside it is not
// read: its fields stay without a line).
import * as path from 'node:path';
import type { ServiceSpec } from '../model';
import type { FsLike } from '../ports';
import { isAtOrInside } from '../pathInside';
import type { TextFile } from './locate';

export interface ServiceTexts {
  composeTexts: TextFile[];
  /** Where each environment variable comes from: `environment`, or the env_file as written. */
  env: { from: Record<string, string>; files: Map<string, TextFile> };
}

export async function readServiceTexts(fs: FsLike, spec: ServiceSpec, workspaceDir: string): Promise<ServiceTexts> {
  const read = async (abs: string): Promise<TextFile | undefined> => (isAtOrInside(workspaceDir, abs) ? fs.readFile(abs).then((text) => ({ path: abs, text }), () => undefined) : undefined);
  const composeTexts = (await Promise.all(spec.composeFiles.map(read))).filter((f): f is TextFile => f !== undefined);
  const from = spec.config?.environmentFrom ?? {};
  const files = new Map<string, TextFile>();
  for (const written of new Set(Object.values(from).filter((f) => f !== 'environment'))) {
    const text = await read(path.resolve(spec.projectDir, written));
    if (text) files.set(written, text);
  }
  return { composeTexts, env: { from, files } };
}
