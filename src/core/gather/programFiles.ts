// The file evidence of an image starting several programs: each program's source root
// (SourceMapping.programs) compared with its own target, beside the primary mapping's files. A
// program's modules are named by their folder, so two programs' `users` modules stay apart.
import type { FsLike, SourceScan } from '../ports';
import type { SourceMapping } from '../model';
import { rel } from './paths';
import { findServiceModules, gatherFiles, type FileEvidence } from './workspaceFiles';
import { hasLocalBuild } from './localBuild';

/** `files` (the primary mapping's) with those of each program that is not a bundle, its source root read by `scan`. */
export async function withProgramFiles(
  fs: FsLike,
  opts: { workspaceDir: string; exclude?: string[] },
  mapping: SourceMapping,
  files: FileEvidence,
  scan: (root: string) => Promise<SourceScan>,
): Promise<FileEvidence> {
  const modules = [...files.modules];
  for (const program of (mapping.programs ?? []).filter((p) => !p.bundled)) {
    const scanned = await scan(program.sourceRoot);
    const own = await gatherFiles(fs, opts, program, scanned, await hasLocalBuild(fs, program), await findServiceModules(fs, program, scanned));
    modules.push(...own.modules.map((m) => ({ ...m, name: m.rel })), ...(own.loose ? [{ ...own.loose, name: rel(opts.workspaceDir, program.sourceRoot) }] : []));
  }
  return modules.length === files.modules.length ? files : { ...files, modules };
}
