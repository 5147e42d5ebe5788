// Which source folder ends up where in the container, and under which file names: read from
// x-runtime-drift first, then tsconfig, package.json and the Dockerfile. Every decision is
// written to `evidence` so a wrong guess can be seen (and overridden) by the user.
import { isAbsolute, join, relative, sep } from 'node:path';
import { parseDockerfile, type Dockerfile } from '../dockerfile/parse';
import { locateInImage, type Location } from '../dockerfile/locate';
import type { ServiceSpec, SourceMapping } from '../model';
import type { FsLike } from '../ports';
import { parseJsonc, readTsConfig, type TsConfigInfo } from './tsconfig';

/** What tsc (and babel/swc builds following it) turns each source extension into. */
export const COMPILED_REWRITES: Readonly<Record<string, string>> = {
  '.ts': '.js',
  '.tsx': '.js',
  '.mts': '.mjs',
  '.cts': '.cjs',
  '.jsx': '.js',
};

/** Dependencies that mean the output is a bundle, so files do not map one to one. */
export const BUNDLERS = ['vite', 'webpack', 'next', 'parcel', 'rollup', '@angular/cli', 'react-scripts'] as const;

/** Tried in order: the config a Nest-style build uses, then the usual one. */
const TSCONFIG_NAMES = ['tsconfig.build.json', 'tsconfig.json'] as const;

/** Where bundlers usually write, when nothing says otherwise (Vite/webpack/Parcel, CRA, Next). */
const BUNDLE_OUTPUTS = ['dist', 'build', '.next'] as const;

const DEFAULT_MODULES_DIR = 'modules';

export async function inferMapping(fs: FsLike, spec: ServiceSpec): Promise<SourceMapping | undefined> {
  const { drift, build } = spec;
  if (!build && drift.source === undefined && drift.target === undefined) return undefined;
  const evidence: string[] = [];
  const context = build && isAbsolute(build.context) ? build.context : spec.projectDir;
  const ts = await findTsConfig(fs, context);
  const tsName = ts ? relative(context, ts.file) || ts.file : '';

  const sourceRoot = await pickSourceRoot(fs, spec, context, ts, tsName, evidence);
  const compiled = ts !== undefined && ts.noEmit !== true;
  const outDir = drift.buildOutput ?? ts?.outDir?.path;
  if (drift.buildOutput !== undefined) evidence.push(`build output ${drift.buildOutput} (x-runtime-drift.buildOutput)`);
  else if (ts?.outDir) evidence.push(`build output ${ts.outDir.path} (${relative(context, ts.outDir.from)} compilerOptions.outDir)`);

  const bundler = await findBundler(fs, context);
  const df = await readDockerfile(fs, spec, evidence);
  const locate = (absPath: string): Location | undefined => {
    const rel = relative(context, absPath);
    if (!df || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
    return locateInImage(df, rel.split(sep).join('/'), build?.target);
  };

  let target: string | undefined;
  let buildOutDir: string | undefined;
  let rewrites: Record<string, string> = {};
  let copiedAsIs = false;
  if (drift.target !== undefined) {
    target = drift.target;
    evidence.push(`target ${target} (x-runtime-drift.target)`);
    if (outDir !== undefined || compiled) {
      buildOutDir = outDir ?? sourceRoot;
      rewrites = { ...COMPILED_REWRITES };
    }
  } else if (bundler !== undefined) {
    // A bundle has no per-file counterpart; the target is only where the bundle lands.
    for (const candidate of [outDir, ...BUNDLE_OUTPUTS.map((d) => join(context, d)), sourceRoot]) {
      const loc = candidate === undefined ? undefined : locate(candidate);
      if (loc) {
        target = loc.path;
        buildOutDir = candidate === sourceRoot ? undefined : candidate;
        evidence.push(`target ${target} from ${loc.evidence}`);
        break;
      }
    }
  } else {
    const outLoc = outDir !== undefined && outDir !== sourceRoot ? locate(outDir) : undefined;
    if (outLoc) {
      target = outLoc.path;
      buildOutDir = outDir;
      rewrites = { ...COMPILED_REWRITES };
      evidence.push(`target ${target} from ${outLoc.evidence}`);
    } else {
      const srcLoc = locate(sourceRoot);
      if (srcLoc) {
        target = srcLoc.path;
        evidence.push(`target ${target} from ${srcLoc.evidence}`);
        if (compiled && outDir === undefined) {
          // tsc without outDir writes each .js next to its .ts, so the copied source holds the output.
          buildOutDir = sourceRoot;
          rewrites = { ...COMPILED_REWRITES };
          evidence.push(`${tsName} has no outDir: compiled files sit next to their sources`);
        } else {
          copiedAsIs = true;
        }
      }
    }
  }
  if (target === undefined) return undefined;

  if (Object.keys(rewrites).length > 0) evidence.push('file names: .ts/.tsx/.jsx -> .js, .mts -> .mjs, .cts -> .cjs (compiled)');
  else if (copiedAsIs) evidence.push('file names unchanged: the image holds the source as-is');

  let bundled = false;
  if (bundler !== undefined) {
    bundled = true;
    evidence.push(`bundled: package.json depends on ${bundler}`);
  } else if (ts?.noEmit === true && !copiedAsIs) {
    // noEmit with the source not copied as-is means some other tool builds a bundle.
    bundled = true;
    evidence.push(`bundled: ${tsName} has noEmit: true`);
  }

  const modulesDir = drift.modulesDir ?? DEFAULT_MODULES_DIR;
  evidence.push(
    drift.modulesDir !== undefined ? `modules under ${modulesDir}/ (x-runtime-drift.modulesDir)` : `modules under ${modulesDir}/ (default)`,
  );

  const mapping: SourceMapping = { sourceRoot, target, rewrites, bundled, modulesDir, evidence };
  if (buildOutDir !== undefined) mapping.buildOutDir = buildOutDir;
  return mapping;
}

async function pickSourceRoot(
  fs: FsLike,
  spec: ServiceSpec,
  context: string,
  ts: TsConfigInfo | undefined,
  tsName: string,
  evidence: string[],
): Promise<string> {
  if (spec.drift.source !== undefined) {
    evidence.push(`source root ${spec.drift.source} (x-runtime-drift.source)`);
    return spec.drift.source;
  }
  if (ts?.rootDir) {
    evidence.push(`source root ${ts.rootDir.path} (${relative(context, ts.rootDir.from)} compilerOptions.rootDir)`);
    return ts.rootDir.path;
  }
  if (ts?.includeRoot) {
    evidence.push(`source root ${ts.includeRoot.path} (${relative(context, ts.includeRoot.from)} include)`);
    return ts.includeRoot.path;
  }
  const src = join(context, 'src');
  if ((await fs.stat(src))?.isDirectory) {
    evidence.push(`source root ${src} (the build context's src folder${tsName ? `; ${tsName} sets no rootDir` : ''})`);
    return src;
  }
  evidence.push(`source root ${context} (the build context itself)`);
  return context;
}

async function findTsConfig(fs: FsLike, context: string): Promise<TsConfigInfo | undefined> {
  for (const name of TSCONFIG_NAMES) {
    const info = await readTsConfig(fs, join(context, name));
    if (info) return info;
  }
  return undefined;
}

async function findBundler(fs: FsLike, context: string): Promise<string | undefined> {
  const file = join(context, 'package.json');
  if (!(await fs.stat(file))?.isFile) return undefined;
  let pkg: unknown;
  try {
    pkg = parseJsonc(await fs.readFile(file));
  } catch {
    return undefined;
  }
  if (typeof pkg !== 'object' || pkg === null) return undefined;
  const deps = { ...field(pkg, 'dependencies'), ...field(pkg, 'devDependencies') };
  return BUNDLERS.find((b) => b in deps);
}

function field(pkg: object, name: string): Record<string, unknown> {
  const v = (pkg as Record<string, unknown>)[name];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

async function readDockerfile(fs: FsLike, spec: ServiceSpec, evidence: string[]): Promise<Dockerfile | undefined> {
  const path = spec.build?.dockerfile;
  if (path === undefined || !isAbsolute(path)) return undefined;
  if (!(await fs.stat(path))?.isFile) {
    evidence.push(`no Dockerfile at ${path}`);
    return undefined;
  }
  return parseDockerfile(await fs.readFile(path));
}
