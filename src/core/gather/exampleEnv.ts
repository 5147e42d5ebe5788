// The example of the environment a repository commits beside its package.json (`.env.example`):
// what its authors run with, named in a warning about a value an environment variable decides
// (routes/collect.ts ExampleEnv). Never taken for that value: what runs may set anything else.
import { join } from 'node:path';
import type { FsLike, SourceScan } from '../ports';
import type { ExampleEnv } from '../routes/collect';
import { parseDotenv } from '../compose/dotenv';
import { rel } from './paths';
import type { PackageFile } from './routes';

/** The usual names of a committed environment example, most usual first. */
const EXAMPLE_ENV_FILES = ['.env.example', '.env.sample', '.env.template', '.env.dist', 'example.env', 'sample.env'] as const;

/**
 * The first example environment file beside a package.json at or above the source root (nearest
 * first), when a file of the scan keeps an environment variable's value (ExtractedFile.envReads);
 * its name relative to the workspace.
 */
export async function exampleEnvOf(fs: FsLike, packages: () => Promise<PackageFile[]>, extracted: SourceScan['extracted'], workspaceDir: string): Promise<ExampleEnv | undefined> {
  if (!extracted.some((e) => e.x.envReads !== undefined)) return undefined;
  for (const { dir } of await packages())
    for (const name of EXAMPLE_ENV_FILES) {
      const file = join(dir, name);
      if (!(await fs.stat(file))?.isFile) continue;
      try {
        return { file: rel(workspaceDir, file), vars: parseDotenv(await fs.readFile(file)) };
      } catch {
        // Not readable: as if absent.
      }
    }
  return undefined;
}
