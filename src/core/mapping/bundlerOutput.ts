// Where a bundler writes, as its own configuration says: Vite's `build.outDir` (or `vite build
// --outDir x`), webpack's `output.path`. Read from the config file's text (it is code, not data):
// a literal folder only; one computed at run time says nothing and the usual folders are tried.
// https://vite.dev/config/build-options#build-outdir https://webpack.js.org/configuration/output/#outputpath
import * as l10n from '@vscode/l10n';
import { join, posix } from 'node:path';
import type { FsLike } from '../ports';
import type { BuildProject } from './buildProject';
import type { ScriptedBundle } from './bundleScript';

interface BundlerConfig {
  tool: string;
  /** The build script's command that runs the tool; its --config / -c names the file. */
  command: RegExp;
  files: readonly string[];
  /** The output folder in the config's text: group 2 is the folder. */
  output: RegExp;
  /** The output folder on the command line: group 2 is the folder. */
  flag?: RegExp;
}

const CONFIG_EXTENSIONS = ['ts', 'mts', 'js', 'mjs', 'cjs'];

const BUNDLER_CONFIGS: readonly BundlerConfig[] = [
  {
    tool: 'vite',
    command: /\bvite\s+build\b[^&|;]*/,
    files: CONFIG_EXTENSIONS.map((e) => `vite.config.${e}`),
    output: /\boutDir\s*:\s*(['"`])([^'"`$]+)\1/,
    flag: /--outDir[=\s]+(['"]?)([^\s'"]+)\1/,
  },
  {
    tool: 'webpack',
    command: /(?:^|[\s&|;(])webpack\b[^&|;]*/,
    files: CONFIG_EXTENSIONS.map((e) => `webpack.config.${e}`),
    output: /\boutput\s*:\s*\{[^}]*?\bpath\s*:\s*(?:(?:path\.)?(?:resolve|join)\(\s*__dirname\s*,\s*)?(['"`])([^'"`$]+)\1/,
    flag: /--output-path[=\s]+(['"]?)([^\s'"]+)\1/,
  },
];

/**
 * The folder (absolute) the project's bundler writes to, and what says so: its configuration, else
 * the bundler API call of a build script file (`scripted`); undefined when neither names one.
 */
export async function bundlerOutputDir(fs: FsLike, project: BuildProject, scripted?: ScriptedBundle): Promise<{ path: string; why: string } | undefined> {
  const scripts = Object.entries(project.pkg?.scripts ?? {}).filter(([name]) => /^build\b/.test(name));
  for (const config of BUNDLER_CONFIGS) {
    const commands = scripts.flatMap(([name, script]) => {
      const command = config.command.exec(script)?.[0];
      return command === undefined ? [] : [{ name, command }];
    });
    for (const { name, command } of commands) {
      const flag = config.flag?.exec(command)?.[2];
      if (flag !== undefined) return { path: join(project.dir, flag), why: l10n.t`its "${name}" script: ${command.trim()}` };
    }
    const named = commands.map((c) => /(?:--config|-c)[=\s]+(['"]?)([^\s'"]+)\1/.exec(c.command)?.[2]).filter((f) => f !== undefined);
    for (const file of [...named, ...config.files]) {
      const text = await fs.readFile(join(project.dir, file)).catch(() => undefined);
      const out = text === undefined ? undefined : config.output.exec(text)?.[2];
      if (out !== undefined && !posix.isAbsolute(out)) return { path: join(project.dir, out), why: l10n.t`${config.tool}'s output folder in ${file}` };
      if (text !== undefined) break;
    }
  }
  return scripted?.output === undefined ? undefined : { path: scripted.output, why: l10n.t`${scripted.tool}'s output folder in ${scripted.file}` };
}
