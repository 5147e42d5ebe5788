// A package script that is `nodemon` with no script of its own (`"dev": "nodemon"`) runs what
// nodemon's configuration says: its `exec` (nodemon.json, or package.json `nodemonConfig`), else
// the package's `main` with node. nodemon only restarts that command on changes, so the script is
// read as that command. https://github.com/remy/nodemon#config-files https://github.com/remy/nodemon#usage
import { join, relative, sep } from 'node:path';
import { commandWords, type Dockerfile } from '../dockerfile/parse';
import { locateInImage } from '../dockerfile/locate';
import type { FsLike } from '../ports';
import { isRecord } from '../isRecord';
import { readJsonObject } from './tsconfig';

/** nodemon's options that take a value (the next word is not a script). */
const VALUE_OPTIONS = new Set(['--config', '--watch', '-w', '--ext', '-e', '--ignore', '-i', '--delay', '-d', '--signal', '-s']);

/** The scripts with each bare `nodemon` replaced by the command its configuration runs, when it has one. */
export async function withNodemonConfigs(fs: FsLike, dir: string, pkg: Record<string, unknown>, scripts: Record<string, string>): Promise<Record<string, string>> {
  let out = scripts;
  for (const [name, script] of Object.entries(scripts)) {
    const runs = await nodemonRuns(fs, dir, pkg, script);
    if (runs !== undefined) out = { ...out, [name]: runs };
  }
  return out;
}

/** What a bare `nodemon` command line run in `dir` runs: its configuration's `exec`, else node and the package's `main`. */
async function nodemonRuns(fs: FsLike, dir: string, pkg: Record<string, unknown>, command: string): Promise<string | undefined> {
  const config = bareNodemon(command);
  if (config === undefined) return undefined;
  const own = await readJsonObject(fs, join(dir, config || 'nodemon.json'));
  const fromPkg = isRecord(pkg['nodemonConfig']) ? pkg['nodemonConfig'] : undefined;
  const exec = [own, fromPkg].map((c) => c?.['exec']).find((e): e is string => typeof e === 'string' && e.trim() !== '');
  return exec ?? (typeof pkg['main'] === 'string' ? `node ${pkg['main']}` : undefined);
}

/**
 * The Dockerfile with each stage starting a bare `nodemon` (`CMD ["nodemon"]`) in the WORKDIR that
 * holds the package folder `dir` starting what nodemon's configuration there runs (its nodemon.json
 * `exec`, else the package's `main`), as a package script running it reads (withNodemonConfigs).
 */
export async function withNodemonStarts(fs: FsLike, df: Dockerfile, dir: string, context: string, target: string | undefined): Promise<Dockerfile> {
  const rel = relative(context, dir).split(sep).join('/');
  if (rel.startsWith('..') || !df.stages.some((st) => st.start !== undefined && bareNodemon(st.start) !== undefined)) return df;
  const pkg = (await readJsonObject(fs, join(dir, 'package.json'))) ?? {};
  const at = locateInImage(df, rel, target)?.path;
  const stages = await Promise.all(df.stages.map(async (st) => {
    const runs = st.start !== undefined && at === st.workdir ? await nodemonRuns(fs, dir, pkg, st.start) : undefined;
    return runs === undefined ? st : { ...st, start: runs };
  }));
  return stages.some((st, i) => st !== df.stages[i]) ? { ...df, stages } : df;
}

/** The config file a script running nodemon without a script names ('' for the default), or undefined when it is not that. */
function bareNodemon(script: string): string | undefined {
  const words = commandWords(script.trim());
  if (words[0] !== 'nodemon' || words.length > 8 || /[;&|]/.test(script)) return undefined;
  let config = '';
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === '--exec' || w === '-x' || !w.startsWith('-')) return undefined;
    if (VALUE_OPTIONS.has(w)) {
      if (w === '--config') config = words[i + 1] ?? '';
      i++;
    }
  }
  return config;
}
