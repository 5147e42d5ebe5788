// The tsconfig the image's own build runs tsc with, read where each tsc runs: the RUN's WORKDIR,
// `cd X &&` before it, and the package a package manager runs a script in (`npm --prefix X run
// build`, `npm run build -w X`, `pnpm --filter X build`, `pnpm -C X build`, `yarn workspace X
// build`), that package's scripts written out in its folder.
import { join, posix, relative, sep } from 'node:path';
import { contextRoot } from '../dockerfile/locate';
import { copiesFromContext, type Stage } from '../dockerfile/parse';
import type { FsLike } from '../ports';
import { readPackage, selectedPackages } from './buildProject';

const TSC = /^\s*(?:(?:npx|pnpm(?:\s+exec)?|yarn|bunx)\s+)?tsc(?:\s+(.*?))?\s*$/;
const MANAGER = /^\s*(npm|pnpm|yarn|bun)\s+(.*)$/;
/** Options naming the folder a package manager runs in. */
const FOLDER_OPTION = /(?:^|\s)(?:--prefix|-C|--dir|--cwd)(?:=|\s+)(\S+)/;
/** Options whose value is not the script's name. */
const VALUE_OPTION = /^(?:--prefix|-C|--dir|--cwd|--filter|-F|-w|--workspace)$/;

interface Where {
  fs: FsLike;
  context: string;
  /** Where the stage holds the context root. */
  root: string;
  /** A package selector (name or path) -> its folder in the image, when it is one we know. */
  packageAt: (selector: string, cwd: string) => string | undefined;
}

/**
 * The configs (absolute workspace paths) the stages' tsc runs compile with, in order; not a
 * --emitDeclarationOnly or --noEmit run. `packageAt` names the folders of the packages selectors pick.
 */
export async function tsconfigsRun(fs: FsLike, stages: readonly Stage[], context: string, packages: ReadonlyMap<string, string>): Promise<string[]> {
  const found: string[] = [];
  for (const stage of stages) {
    const root = stageRoot(stages, stage);
    if (root === undefined) continue;
    const packageAt = (sel: string, cwd: string): string | undefined => {
      const dir = sel.startsWith('.') || (sel.includes('/') && !sel.startsWith('@')) ? relative(context, join(context, posix.relative(root, posix.resolve(cwd, sel)))) : packages.get(sel);
      return dir === undefined ? undefined : posix.join(root, dir.split(sep).join('/'));
    };
    for (const run of stage.runs) found.push(...(await configsOf({ fs, context, root, packageAt }, run.command, run.workdir ?? stage.workdir, 0)));
  }
  return found;
}

/** A RUN's commands (split at `&&`, `||`, `;` and lines), each with the folder it runs in: `start`, then where each `cd` went. */
export function* runParts(command: string, start: string): Generator<{ part: string; cwd: string }> {
  let cwd = start;
  for (const part of command.split(/&&|\|\||;|\n/)) {
    const cd = /^\s*cd\s+(\S+)\s*$/.exec(part)?.[1];
    if (cd !== undefined) cwd = posix.resolve(cwd, cd);
    yield { part, cwd };
  }
}

async function configsOf(w: Where, text: string, start: string, depth: number): Promise<string[]> {
  const out: string[] = [];
  for (const { part, cwd } of runParts(text, start)) {
    const tsc = TSC.exec(part);
    // A declarations-only or type-check (`tsc --noEmit`) run writes no code: it names no config of it.
    if (tsc && !/--(?:emitDeclarationOnly|noEmit)\b/.test(tsc[1] ?? '')) {
      const named = /(?:^|\s)(?:-p|--project|-b|--build)\s+(\S+)/.exec(tsc[1] ?? '')?.[1] ?? '.';
      const file = posix.resolve(cwd, named.endsWith('.json') ? named : posix.join(named, 'tsconfig.json'));
      const rel = posix.relative(w.root, file);
      if (!rel.startsWith('..')) out.push(join(w.context, ...rel.split('/')));
    }
    if (depth < 3) out.push(...(await scriptConfigs(w, part, cwd, depth)));
  }
  return out;
}

/** A package manager's run of a script: that script's configs, in the folder it runs in. */
async function scriptConfigs(w: Where, part: string, cwd: string, depth: number): Promise<string[]> {
  const m = MANAGER.exec(part);
  if (!m) return [];
  const folder = FOLDER_OPTION.exec(part)?.[1];
  const selected = selectedPackages(part)[0];
  const dir = folder !== undefined ? posix.resolve(cwd, folder) : selected !== undefined ? w.packageAt(selected, cwd) : cwd;
  const words = (m[2] ?? '').split(/\s+/);
  const args: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (VALUE_OPTION.test(word)) i++;
    else if (word !== '' && !word.startsWith('-') && word !== 'run' && word !== 'run-script' && word !== 'workspace') args.push(word);
  }
  // `yarn workspace api build`: the first word names the package.
  const name = m[1] === 'yarn' && /\bworkspace\s/.test(part) ? args[1] : args[0];
  const rel = dir === undefined ? '..' : posix.relative(w.root, dir);
  if (name === undefined || rel.startsWith('..')) return [];
  const script = (await readPackage(w.fs, join(w.context, ...rel.split('/').filter((s) => s !== ''))))?.scripts[name];
  return script === undefined ? [] : configsOf(w, script, dir ?? cwd, depth + 1);
}

/** Where a stage holds the context root: its own context COPYs, else the stage it is built FROM. */
export function stageRoot(stages: readonly Stage[], stage: Stage): string | undefined {
  for (let s: Stage | undefined = stage; s; s = s.baseStage === undefined ? undefined : stages[s.baseStage]) {
    const root = contextRoot(s.copies.filter(copiesFromContext));
    if (root !== undefined) return root;
  }
  return undefined;
}
