// Which source folder ends up where in the container, and under which file names: read from
// x-runtime-drift first, then tsconfig, package.json and the Dockerfile. Every decision is
// written to `evidence` so a wrong guess can be seen (and overridden) by the user.
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { parseDockerfile, type Dockerfile } from '../dockerfile/parse';
import { locateInImage, type Location } from '../dockerfile/locate';
import type { ServiceSpec, SourceMapping } from '../model';
import type { FsLike } from '../ports';
import { parseJsonc, readTsConfig, type TsConfigInfo } from './tsconfig';
import { SERVER_FRAMEWORKS } from '../routes/serverApps';
import { parseDockerignore } from '../dockerfile/dockerignore';

/** What tsc (and babel/swc builds following it) turns each source extension into. */
export const COMPILED_REWRITES: Readonly<Record<string, string>> = {
  '.ts': '.js',
  '.tsx': '.js',
  '.mts': '.mjs',
  '.cts': '.cjs',
  '.jsx': '.js',
};

/** Dependencies that mean the output is a bundle, so files do not map one to one. */
export const BUNDLERS = ['vite', 'webpack', 'next', 'parcel', 'rollup', '@angular/cli', 'react-scripts', '@sveltejs/kit'] as const;

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
  const pkg = await readPackage(fs, context);
  // The build script names the server's tsconfig (`tsc --project server/tsconfig.json`) when it is not the usual one.
  const scriptConfig = pkg ? tsconfigOfScripts(pkg.scripts) : undefined;
  const fromScript = scriptConfig ? await readTsConfig(fs, scriptConfig.endsWith('.json') ? join(context, scriptConfig) : join(context, scriptConfig, 'tsconfig.json')) : undefined;
  if (fromScript) evidence.push(`tsconfig ${relative(context, fromScript.file)} (named by package.json's build script)`);
  const ts = fromScript ?? (await findTsConfig(fs, context));
  const tsName = ts ? relative(context, ts.file) || ts.file : '';

  const sourceRoot = await pickSourceRoot(fs, spec, context, ts, tsName, evidence);
  // A server whose tsconfig says noEmit is still compiled file by file (swc, babel: Nest's swc builder).
  const server = pkg !== undefined && SERVER_FRAMEWORKS.some((f) => f in pkg.deps);
  const compiled = ts !== undefined && (ts.noEmit !== true || server);
  const outDir = drift.buildOutput ?? ts?.outDir?.path;
  if (drift.buildOutput !== undefined) evidence.push(`build output ${drift.buildOutput} (x-runtime-drift.buildOutput)`);
  else if (ts?.outDir) evidence.push(`build output ${ts.outDir.path} (${relative(context, ts.outDir.from)} compilerOptions.outDir)`);

  const bundler = await findBundler(fs, context, pkg, server);
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
  /** The image copies the local build output from the context (not the source, not a build stage's output). */
  let copiesLocalOutput = false;
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
    let outLoc = outDir !== undefined && outDir !== sourceRoot ? locate(outDir) : undefined;
    if (outLoc && outDir !== undefined && df && !(await fs.stat(outDir))?.isDirectory && coversAnyPath(locate, context) && !runsABuild(df)) {
      // `COPY . .` would carry a local build output, but there is none and the image builds
      // nothing: it runs the sources (ts-node, tsx, plain JS).
      evidence.push(`no ${relative(context, outDir)} in the context and no build step in the Dockerfile: the image holds the sources`);
      outLoc = undefined;
    }
    if (outLoc) {
      target = outLoc.path;
      // Copied from the context, not built in a stage: unless the whole context is copied and
      // then built (`COPY . .` + `RUN npm run build`), which makes the output inside the image.
      copiesLocalOutput =
        !/--from=/.test(outLoc.evidence) && !/ RUN /.test(outLoc.evidence) && !(df !== undefined && coversAnyPath(locate, context) && runsABuild(df));
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
    evidence.push(`bundled: ${bundler.includes('(') ? bundler : `package.json depends on ${bundler}`}`);
  } else if (ts?.noEmit === true && !copiedAsIs && !server) {
    // noEmit with the source not copied as-is means some other tool builds a bundle.
    bundled = true;
    evidence.push(`bundled: ${tsName} has noEmit: true`);
  }

  const modulesDir = drift.modulesDir ?? DEFAULT_MODULES_DIR;
  evidence.push(
    drift.modulesDir !== undefined ? `modules under ${modulesDir}/ (x-runtime-drift.modulesDir)` : `modules under ${modulesDir}/ (default)`,
  );

  const mapping: SourceMapping = { sourceRoot, target, rewrites, bundled, modulesDir, evidence };
  const ignoreFile = join(context, '.dockerignore');
  if (build && (await fs.stat(ignoreFile))?.isFile) {
    const patterns = parseDockerignore(await fs.readFile(ignoreFile));
    if (patterns.length > 0) {
      mapping.dockerignore = { context, patterns, applies: copiesLocalOutput ? 'output' : 'source' };
      evidence.push(`${patterns.length} .dockerignore pattern(s): ignored files are not expected in the image`);
    }
  }
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
  const configDir = ts ? dirname(ts.file) : context;
  if (configDir !== context && configDir.startsWith(context + sep)) {
    evidence.push(`source root ${configDir} (the folder of ${tsName}, which sets no rootDir)`);
    return configDir;
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

interface PackageInfo {
  deps: Record<string, unknown>;
  scripts: Record<string, string>;
}

async function readPackage(fs: FsLike, context: string): Promise<PackageInfo | undefined> {
  const file = join(context, 'package.json');
  if (!(await fs.stat(file))?.isFile) return undefined;
  let pkg: unknown;
  try {
    pkg = parseJsonc(await fs.readFile(file));
  } catch {
    return undefined;
  }
  if (typeof pkg !== 'object' || pkg === null) return undefined;
  const scripts = Object.fromEntries(Object.entries(field(pkg, 'scripts')).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { deps: { ...field(pkg, 'dependencies'), ...field(pkg, 'devDependencies') }, scripts };
}

/** Build scripts that bundle a server into a few files. */
const SERVER_BUNDLE_SCRIPT = /\btsup\b|\bncc\s+build\b|\besbuild\b[^&|;]*--bundle|\bwebpack\b|\bnest\s+build\b[^&|;]*--webpack|\bbun\s+build\b/;

/** The tsconfig a build script compiles with: `tsc -p X` / `tsc --project X`. */
function tsconfigOfScripts(scripts: Record<string, string>): string | undefined {
  for (const [name, script] of Object.entries(scripts)) {
    if (!/build/.test(name)) continue;
    const m = /\btsc\b[^&|;]*?(?:-p|--project)\s+(\S+)/.exec(script);
    if (m?.[1]) return m[1].replace(/^\.\//, '');
  }
  return undefined;
}

/**
 * What bundles the output, if anything. A package that depends on a server framework is judged
 * by its build script only (tsup, ncc, esbuild --bundle, webpack): a front-end bundler beside it
 * (Next, Vite for the dashboard or for dev) does not make the server a bundle.
 */
async function findBundler(fs: FsLike, context: string, pkg: PackageInfo | undefined, server: boolean): Promise<string | undefined> {
  if (!pkg) return undefined;
  if (server) {
    const build = Object.entries(pkg.scripts).find(([name, script]) => /^build(?::(?:prod|server|api))?$/.test(name) && SERVER_BUNDLE_SCRIPT.test(script));
    if (build) return `${SERVER_BUNDLE_SCRIPT.exec(build[1])?.[0] ?? 'a bundler'} (its "${build[0]}" script)`;
    const nestCli = join(context, 'nest-cli.json');
    if ((await fs.stat(nestCli))?.isFile) {
      try {
        const cli = parseJsonc(await fs.readFile(nestCli)) as { compilerOptions?: { webpack?: unknown } } | undefined;
        if (cli?.compilerOptions?.webpack === true) return 'webpack (nest-cli.json compilerOptions.webpack)';
      } catch {
        // not JSON: not a bundler
      }
    }
    return undefined;
  }
  const named = BUNDLERS.find((b) => b in pkg.deps);
  if (named) return named;
  // No bundler dependency by name, but a build script that bundles (esbuild --bundle, webpack...).
  const build = Object.entries(pkg.scripts).find(([name, script]) => /^build(?::[\w-]+)?$/.test(name) && SERVER_BUNDLE_SCRIPT.test(script));
  return build ? `${SERVER_BUNDLE_SCRIPT.exec(build[1])?.[0] ?? 'a bundler'} (its "${build[0]}" script)` : undefined;
}

/** A COPY of the whole context: any path at all is found in the image. */
function coversAnyPath(locate: (abs: string) => Location | undefined, context: string): boolean {
  return locate(join(context, '.runtime-drift-probe', 'x')) !== undefined;
}

const BUILD_COMMAND = /\b(?:tsc|build|tsup|esbuild|webpack|swc|babel|ncc)\b/;

function runsABuild(df: Dockerfile): boolean {
  return df.stages.some((st) => st.runs.some((r) => BUILD_COMMAND.test(r.command)));
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
