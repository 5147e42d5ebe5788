// Servers built by a Vite plugin: the plugin's own options, not Vite's, say where the server's
// source is and where its build lands. Read from the config's text (it is code, not data): literal
// values only, else the plugin's documented default.
import * as l10n from '@vscode/l10n';
import { join } from 'node:path';
import { isAtOrInside } from '../pathInside';
import type { FsLike } from '../ports';
import type { BuildProject } from './buildProject';
import type { BundledBy } from './bundler';
import { scriptRun } from './bundler';
import { viteConfigText } from './bundlerOutput';
import { NITRO_CONFIG_FILES } from '../routes/nitroConfig';
import { nitroServerSource } from '../routes/nitroRoutes';

/** TanStack Start's Vite plugin call and its `srcDirectory` option (default `src`). */
const TANSTACK_START = /\btanstackStart\s*\(/;
const SRC_DIRECTORY = /\bsrcDirectory\s*:\s*(['"`])([^'"`$]+)\1/;

/**
 * The source folder of a TanStack Start app: its Vite plugin's `srcDirectory`, `src` when the
 * call does not set it. Undefined when the project's Vite config does not use the plugin.
 */
export async function tanstackStartSource(fs: FsLike, project: BuildProject): Promise<{ path: string; why: string } | undefined> {
  const read = await viteConfigText(fs, project);
  if (!read || !TANSTACK_START.test(read.text)) return undefined;
  const named = SRC_DIRECTORY.exec(read.text)?.[2];
  return named === undefined
    ? { path: join(project.dir, 'src'), why: l10n.t`TanStack Start's default srcDirectory (${read.file} uses its plugin)` }
    : { path: join(project.dir, named), why: l10n.t`TanStack Start's srcDirectory in ${read.file}` };
}

/**
 * A Vite config importing one of Nitro's Vite plugins (https://nitro.build/docs/configuration), or
 * the project's own Nitro config (`import nitro from './nitro.config'`: a config file handing its
 * options to a Vite plugin running Nitro).
 */
const NITRO_VITE_PLUGIN = /\bfrom\s*(['"])(?:nitro\/vite|@tanstack\/nitro-v2-vite-plugin|\.\/nitro\.config(?:\.[cm]?[jt]s)?)\1/;
/** Nitro's own build command. */
const NITRO_BUILD = /(?:^|[\s&|;(])(?:nitro|nitropack|nuxt|nuxi)\s+build\b/;
/** Nitro's `output: { dir, serverDir }` (defaults `.output` and `{{ output.dir }}/server`); its values may hold `{{ ... }}`. */
const NITRO_OUTPUT = /\boutput\s*:\s*\{((?:[^{}'"`]|'[^']*'|"[^"]*"|`[^`]*`)*)\}/;
const OUTPUT_FIELD = (name: string) => new RegExp(`\\b${name}\\s*:\\s*(['"\`])([^'"\`$]+)\\1`);

/**
 * Nitro bundles the server into `.output/server` (its `output.serverDir`, set in nitro.config), run
 * from the project's build script: `nitro build`, `nuxt build` (Nuxt builds its server with Nitro:
 * https://nuxt.com/docs/getting-started/deployment), or `vite build` with Nitro's Vite plugin (TanStack
 * Start, and Vite apps that serve through Nitro). Whatever Vite's own `build.outDir` says: that is
 * the client's.
 */
export async function nitroBundle(fs: FsLike, project: BuildProject, names: RegExp): Promise<{ by: BundledBy; out: { path: string; why: string } } | undefined> {
  const scripts = project.pkg?.scripts ?? {};
  const builds = Object.entries(scripts).filter(([name]) => names.test(name));
  const direct = builds.find(([, script]) => NITRO_BUILD.test(scriptRun(scripts, script)));
  let by: BundledBy | undefined = direct && { kind: 'script', tool: l10n.t('Nitro'), script: direct[0] };
  if (!by) {
    const viteBuild = builds.find(([, script]) => /\bvite\s+build\b/.test(scriptRun(scripts, script)));
    const read = viteBuild && (await viteConfigText(fs, project));
    if (viteBuild && read && NITRO_VITE_PLUGIN.test(read.text)) by = { kind: 'script', tool: l10n.t('vite build with Nitro\'s Vite plugin in {0}', read.file), script: viteBuild[0] };
  }
  if (!by) return analogBundle(fs, project, builds.map(([name, script]) => [name, scriptRun(scripts, script)]));
  return { by, out: await nitroServerDir(fs, project.dir) };
}

/** Analog's Vite plugin (the Angular meta-framework), which runs Nitro: https://analogjs.org/docs/features/deployment/overview */
const ANALOG_VITE_PLUGIN = /\bfrom\s*(['"])@analogjs\/platform\1/;
/** `vite build`, or the Angular CLI running Analog's Vite builder (`ng build`, angular.json's `@analogjs/platform:vite`). */
const ANALOG_BUILD = /(?:^|[\s&|;(])(?:vite|ng)\s+build\b/;

/** The project's Vite config when it uses Analog's plugin. */
async function analogConfig(fs: FsLike, project: BuildProject): Promise<{ file: string; text: string } | undefined> {
  const read = await viteConfigText(fs, project);
  return read && ANALOG_VITE_PLUGIN.test(read.text) ? read : undefined;
}

/**
 * Analog bundles its server (src/server's routes with the Angular app rendered on the server) with
 * Nitro into dist/analog/server below the folder the build runs in (its plugin sets Nitro's
 * output.dir to `<workspace>/dist/<app root>/analog`); the image starting a server/index.mjs
 * elsewhere says where it was (startedNitroOutput.ts).
 */
async function analogBundle(fs: FsLike, project: BuildProject, builds: readonly [string, string][]): Promise<{ by: BundledBy; out: { path: string; why: string } } | undefined> {
  const build = builds.find(([, run]) => ANALOG_BUILD.test(run));
  const read = build && (await analogConfig(fs, project));
  if (!build || !read) return undefined;
  return {
    by: { kind: 'script', tool: l10n.t('Analog (Nitro) in {0}', read.file), script: build[0] },
    out: { path: join(project.dir, 'dist', 'analog', 'server'), why: l10n.t("Analog's default Nitro output") },
  };
}

async function nitroServerDir(fs: FsLike, dir: string): Promise<{ path: string; why: string }> {
  for (const file of NITRO_CONFIG_FILES) {
    const text = await fs.readFile(join(dir, file)).catch(() => undefined);
    const output = text === undefined ? undefined : NITRO_OUTPUT.exec(text)?.[1];
    if (output === undefined) continue;
    const field = (name: string) => OUTPUT_FIELD(name).exec(output)?.[2]?.replace(/^\{\{\s*rootDir\s*\}\}\//, '');
    const outDir = field('dir') ?? '.output';
    const serverDir = field('serverDir')?.replace(/^\{\{\s*output\.dir\s*\}\}/, outDir) ?? `${outDir}/server`;
    return { path: join(dir, serverDir), why: l10n.t`Nitro's output in ${file}` };
  }
  return { path: join(dir, '.output', 'server'), why: l10n.t("Nitro's default output.serverDir") };
}

/** The build commands of Remix (its Vite plugin's and its classic compiler's) and of React Router's framework mode. */
const ROUTER_FRAMEWORK_BUILD = /(?:^|[\s&|;(])(?:remix\s+(?:vite:)?build|react-router\s+build)\b/;
const ROUTER_FRAMEWORK_CONFIGS = ['react-router.config.ts', 'react-router.config.js', 'remix.config.js', 'remix.config.mjs', 'remix.config.cjs'] as const;
const APP_DIRECTORY = /\bappDirectory\s*:\s*(['"`])([^'"`$]+)\1/;
const BUILD_DIRECTORY = /\bbuildDirectory\s*:\s*(['"`])([^'"`$]+)\1/;

/**
 * Remix (`remix vite:build`, `remix build`) and React Router's framework mode (`react-router
 * build`) bundle the app directory (`appDirectory`, default `app`) into the build directory
 * (`buildDirectory`, default `build`: build/server/index.js), even when the package is an Express
 * server of its own whose server.ts is compiled file by file beside it: a source root in that app
 * directory is a bundle's. Any `build*` script of the package counts (`build:remix`, run by `build`
 * among others). https://remix.run/docs/en/main/file-conventions/vite-config https://reactrouter.com/api/framework-conventions/react-router.config.ts
 */
export async function routerFrameworkBundle(fs: FsLike, project: BuildProject, sourceRoot: string): Promise<{ by: BundledBy; out: { path: string; why: string }; app: string } | undefined> {
  const scripts = project.pkg?.scripts ?? {};
  const build = Object.entries(scripts).find(([name, script]) => /^build\b/.test(name) && ROUTER_FRAMEWORK_BUILD.test(scriptRun(scripts, script)));
  if (!build) return undefined;
  const texts: { file: string; text: string }[] = [];
  const vite = await viteConfigText(fs, project);
  if (vite) texts.push(vite);
  for (const file of ROUTER_FRAMEWORK_CONFIGS) {
    const text = await fs.readFile(join(project.dir, file)).catch(() => undefined);
    if (text !== undefined) texts.push({ file, text });
  }
  const option = (re: RegExp) => texts.map((t) => re.exec(t.text)?.[2]).find((v) => v !== undefined);
  const app = join(project.dir, option(APP_DIRECTORY) ?? 'app');
  // The app directory's files, or the whole package read as the source (a tsconfig including `**/*.ts`): infer.ts takes the app directory then.
  if (!isAtOrInside(app, sourceRoot) && sourceRoot !== project.dir) return undefined;
  const out = option(BUILD_DIRECTORY);
  const tool = ROUTER_FRAMEWORK_BUILD.exec(scriptRun(scripts, build[1]))?.[0].trim() ?? '';
  return {
    by: { kind: 'script', tool, script: build[0] },
    out: { path: join(project.dir, out ?? 'build'), why: out === undefined ? l10n.t`the default buildDirectory of ${tool}` : l10n.t`the buildDirectory of ${tool}` },
    app,
  };
}

/** Astro's build command and its config files: https://docs.astro.build/en/reference/configuration-reference/ */
const ASTRO_BUILD = /(?:^|[\s&|;(])astro\s+build\b/;
const ASTRO_CONFIGS = ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts', 'astro.config.cjs'] as const;
/** A config rendering on demand: `output: 'server'` (or Astro 2-4's `'hybrid'`), or any `adapter`. */
const ASTRO_ON_DEMAND = /\boutput\s*:\s*(['"`])(?:server|hybrid)\1|\badapter\s*:/;
const ASTRO_OPTION = (name: string) => new RegExp(`\\b${name}\\s*:\\s*(['"\`])([^'"\`$]+)\\1`);

/**
 * Astro rendering on demand (`output: 'server'`, an adapter) bundles its source folder (`srcDir`,
 * default `src`) into `<outDir>/server` (outDir default `dist`; the Node adapter's entry.mjs), its
 * pages and endpoints with what they import; a static build has no server. Read from the config's
 * text, literal values only. https://docs.astro.build/en/guides/integrations-guide/node/
 */
export async function astroServerBundle(fs: FsLike, project: BuildProject): Promise<{ by: BundledBy; out: { path: string; why: string }; app: string } | undefined> {
  const scripts = project.pkg?.scripts ?? {};
  const build = Object.entries(scripts).find(([name, script]) => /^build\b/.test(name) && ASTRO_BUILD.test(scriptRun(scripts, script)));
  if (!build) return undefined;
  for (const file of ASTRO_CONFIGS) {
    const text = await fs.readFile(join(project.dir, file)).catch(() => undefined);
    if (text === undefined) continue;
    if (!ASTRO_ON_DEMAND.test(text)) return undefined;
    const outDir = ASTRO_OPTION('outDir').exec(text)?.[2];
    return {
      by: { kind: 'script', tool: 'astro build', script: build[0] },
      out: { path: join(project.dir, outDir ?? 'dist', 'server'), why: outDir === undefined ? l10n.t`Astro's default outDir, its server folder (${file} renders on demand)` : l10n.t`the server folder of Astro's outDir in ${file}` },
      app: join(project.dir, ASTRO_OPTION('srcDir').exec(text)?.[2] ?? 'src'),
    };
  }
  return undefined;
}

/** The folders Nitro scans in its srcDir (v3: serverDir) for handlers. */
const NITRO_SCANNED = ['api', 'routes', 'middleware'] as const;

/**
 * When Nitro bundles the package but no config the project has names its srcDir, and the package's
 * own folder has none of the folders Nitro scans there (a Vite plugin running Nitro chose the srcDir
 * itself): the sentence saying the source root is not known from the files; none otherwise.
 */
export async function nitroSourceUnknown(fs: FsLike, project: BuildProject): Promise<string[]> {
  // Analog's plugin sets Nitro's srcDir itself: src/server.
  if ((await nitroServerSource(fs, project.dir)) || (await analogConfig(fs, project))) return [];
  for (const name of NITRO_SCANNED) if ((await fs.stat(join(project.dir, name)))?.isDirectory) return [];
  return [l10n.t`Nitro's srcDir is not named by a config of the project, and its folder has no api/, routes/ or middleware/ of its own: which folder Nitro bundles is not known from the files (x-runtime-drift.source names it)`];
}
