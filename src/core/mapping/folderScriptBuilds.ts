// The package scripts an image's build runs in another package's folder: `cd api && yarn build`,
// `npm --prefix api run build`, `yarn --cwd api build`, `pnpm -C api build`, written in a RUN line
// or in a root script the RUN runs (`yarn build` -> "build": "ng build && yarn build:node" ->
// "build:node": "cd api && yarn build"). The script run is that folder's own (api/package.json's
// `build`), so that folder's package is what the build makes, not the root's.
import { posix } from 'node:path';
import { runCommandsInContext } from '../dockerfile/runBundle';
import type { Dockerfile } from '../dockerfile/parse';
import type { FsLike } from '../ports';
import { isRecord } from '../isRecord';
import { readJsonObject } from './tsconfig';
import { FRAMEWORK_LOAD, isSourceFileName } from '../routes/serverApps';

/** A script the build runs in a folder other than the one whose script (or RUN line) runs it. */
export interface FolderScriptBuild {
  /** The folder, relative to the context with `/`. */
  dir: string;
  /** The script's name, and its text in that folder's package.json. */
  script: string;
  text: string;
  /** The command that runs it, as written. */
  command: string;
  /** The script of another package that runs it (`build:node` of the root's), undefined when a RUN line does. */
  via?: string;
  /** The Dockerfile line of the RUN it comes from. */
  line: number;
}

/** Options naming the folder a package manager runs in: npm's --prefix, yarn's and bun's --cwd, pnpm's -C/--dir. */
const FOLDER_OPTION = /^(?:--prefix|--cwd|-C|--dir)$/;
const FOLDER_OPTION_JOINED = /^(?:--prefix|--cwd|--dir)=(.+)$/;

/** Commands of the package managers themselves, never a script's name written in place of one (`yarn install`). */
const MANAGER_COMMANDS = new Set(['install', 'i', 'ci', 'add', 'remove', 'rm', 'update', 'up', 'upgrade', 'exec', 'dlx', 'x', 'create', 'link', 'unlink', 'prune', 'deploy', 'pack', 'publish', 'store', 'why', 'list', 'ls', 'outdated', 'audit', 'rebuild', 'init', 'config', 'workspace', 'workspaces', 'import', 'fetch', 'patch', 'env', 'setup', 'node', 'dedupe', 'set', 'cache', 'global']);

/** How deep root scripts running scripts are followed. */
const MAX_DEPTH = 8;

/** The package script a command runs through a package manager, and the folder an option names for it (undefined: where it runs). */
function packageScriptRun(command: string): { script: string; folder?: string } | undefined {
  const words = command.trim().split(/\s+/).map((w) => w.replace(/^(['"])(.*)\1$/, '$2'));
  const at = words.findIndex((w) => /^(?:npm|pnpm|yarn|bun)$/.test(posix.basename(w)));
  const tool = posix.basename(words[at] ?? '');
  if (at < 0) return undefined;
  let folder: string | undefined;
  const args: string[] = [];
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i] ?? '';
    const joined = FOLDER_OPTION_JOINED.exec(w);
    if (FOLDER_OPTION.test(w)) folder = words[++i];
    else if (joined?.[1] !== undefined) folder = joined[1];
    else if (!w.startsWith('-')) args.push(w);
  }
  const [first, second] = args;
  if (first === 'run' || first === 'run-script') return second === undefined ? undefined : { script: second, ...(folder !== undefined ? { folder } : {}) };
  // pnpm and yarn run a script named in place of a command of theirs (`yarn build`); npm and bun need `run` (`bun build` is Bun's bundler).
  if (first === undefined || tool === 'npm' || tool === 'bun' || MANAGER_COMMANDS.has(first)) return undefined;
  return { script: first, ...(folder !== undefined ? { folder } : {}) };
}

/** The scripts of the package.json in `dir` (context-relative), empty when it has none. */
async function scriptsOf(fs: FsLike, context: string, dir: string): Promise<Record<string, string>> {
  const scripts = (await readJsonObject(fs, posix.join(context, dir, 'package.json')))?.['scripts'];
  return isRecord(scripts) ? Object.fromEntries(Object.entries(scripts).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
}

/** The scripts the RUN lines run in a folder other than their own, followed through the scripts they run (see the file comment). */
export async function folderScriptBuilds(fs: FsLike, context: string, df: Dockerfile): Promise<FolderScriptBuild[]> {
  const found: FolderScriptBuild[] = [];
  const seen = new Set<string>();
  // `home`: the folder of the package whose script `text` is (the context's root for a RUN line); `cwd`: where it starts.
  const follow = async (text: string, home: string, start: string, at: { line: number; via?: string }, depth: number): Promise<void> => {
    let cwd = start;
    for (const part of text.split(/\n|&&|\|\||;/)) {
      const cd = /^\s*cd\s+(\S+)\s*$/.exec(part);
      if (cd?.[1] !== undefined) {
        const to = cd[1].replace(/^(['"])(.*)\1$/, '$2');
        // An absolute folder is the image's, not known here in the context: nothing after it is followed.
        cwd = posix.isAbsolute(to) ? '..' : posix.join(cwd, to);
        continue;
      }
      const run = packageScriptRun(part);
      const runDir = run && posix.join(cwd, run.folder ?? '.');
      if (!run || runDir === undefined || runDir.startsWith('..') || seen.has(`${runDir}\0${run.script}`) || depth > MAX_DEPTH) continue;
      seen.add(`${runDir}\0${run.script}`);
      const scriptText = (await scriptsOf(fs, context, runDir))[run.script];
      if (scriptText === undefined) continue;
      if (runDir !== home) found.push({ dir: runDir, script: run.script, text: scriptText, command: part.trim(), ...at });
      await follow(scriptText, runDir, runDir, { line: at.line, via: run.script }, depth + 1);
    }
  };
  for (const { command, dir, line } of runCommandsInContext(df)) await follow(command, '.', posix.normalize(dir || '.'), { line }, 0);
  return found;
}

/**
 * A source file at the top of `dir` (absolute) that loads a server framework (`import express from
 * 'express'` in api/server.ts): what tells a package declaring no dependencies of its own (they sit
 * in the root package.json) a server. Its name, undefined when none does.
 */
export async function topServerFile(fs: FsLike, dir: string): Promise<string | undefined> {
  for (const name of (await fs.readdir(dir).catch(() => [] as string[])).sort()) {
    if (!isSourceFileName(name) || /\.(?:spec|test)\.[cm]?[jt]sx?$/.test(name)) continue;
    if (FRAMEWORK_LOAD.test(await fs.readFile(posix.join(dir, name)).catch(() => ''))) return name;
  }
  return undefined;
}
