// Where an Nx project's build writes, from the workspace root: its project.json build target's
// `outputPath`, else (Nx's inferred targets, `NxAppWebpackPlugin`) the `output.path` of the webpack
// config beside it (`join(__dirname, '../../dist/apps/api')`). https://nx.dev/recipes/webpack/webpack-config-setup
import { join, relative, sep } from 'node:path';
import type { FsLike } from '../ports';
import { readNxProject } from './nxProject';
import { isRecord } from '../isRecord';
import { CONFIG_EXTENSIONS, webpackOutputPath } from './bundlerOutput';

/** The build output folder of the Nx project in `dir`, relative to `workspaceRoot` (`dist/apps/api`), when its files say. */
export async function nxBuildOutput(fs: FsLike, dir: string, workspaceRoot: string): Promise<string | undefined> {
  const field = (o: unknown, key: string): unknown => (isRecord(o) ? o[key] : undefined);
  const outputPath = field(field(field(field((await readNxProject(fs, dir))?.config, 'targets'), 'build'), 'options'), 'outputPath');
  if (typeof outputPath === 'string') return outputPath;
  for (const ext of CONFIG_EXTENSIONS) {
    const text = await fs.readFile(join(dir, `webpack.config.${ext}`)).catch(() => undefined);
    const out = text === undefined ? undefined : webpackOutputPath(text);
    if (out !== undefined) return relative(workspaceRoot, join(dir, out)).split(sep).join('/');
  }
  return undefined;
}
