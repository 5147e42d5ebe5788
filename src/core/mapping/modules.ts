// Modules are the folders directly under <sourceRoot>/<modulesDir> (Nest's src/modules/*): the
// unit the report checks and names, each with its own place in the container.
import { join, posix } from 'node:path';
import type { SourceMapping, SourceModule } from '../model';
import type { FsLike } from '../ports';
import { walkFiles } from './walk';

/** The modules of a mapping, sorted by name; [] when there is no modules folder. */
export async function listModules(fs: FsLike, m: SourceMapping): Promise<SourceModule[]> {
  const dirs = await listModuleDirs(fs, m);
  return Promise.all(dirs.map(async (d) => ({ ...d, files: await walkFiles(fs, d.sourceDir) })));
}

/** listModules without each module's files: for callers that already walked the source tree. */
export async function listModuleDirs(fs: FsLike, m: SourceMapping): Promise<Omit<SourceModule, 'files'>[]> {
  const root = join(m.sourceRoot, m.modulesDir);
  const names = (await fs.readdir(root)).filter((n) => !n.startsWith('.') && n !== 'node_modules').sort();
  const modules = await Promise.all(
    names.map(async (name): Promise<Omit<SourceModule, 'files'> | undefined> => {
      const sourceDir = join(root, name);
      if (!(await fs.stat(sourceDir))?.isDirectory) return undefined;
      return { name, sourceDir, target: posix.join(m.target, ...m.modulesDir.split(/[\\/]/), name) };
    }),
  );
  return modules.filter((x): x is Omit<SourceModule, 'files'> => x !== undefined);
}
