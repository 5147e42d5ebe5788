// The files of a folder listed at run time (values.ts LISTED) as the tree holds them, and what a
// loop makes of each: its name, a piece of it, or what a program of string operations gives
// (entryPrograms.ts), for the routes collect.ts makes one per file.
import { posix } from 'node:path';
import { toSlash } from './collect';
import { ENTRY_PROGRAM, runProgram, type Program } from './entryProgramRun';
import { PATH_ENTRY } from './values';
import { literalStep, stepsMatch, type GlobStep } from '../globSteps';

/**
 * Among a listing's endings (`dir|endings|glob`): a filter the loop's list is made with, as a
 * program run on each entry (`?` then `{ kind, program }` URI-encoded: `.filter((f) => !f.includes('.test.'))`).
 */
export const FILTER_PROGRAM = '?';

/** In a listed entry's reference path, after EACH: each name the file's module exports (`Object.keys(require(file))`). */
export const MODULE_KEYS = '*keys*';

/** The kinds of entry a listing gives: a name (or a path relative to the folder), a whole path, a folder entry. */
export type EntryKind = 'name' | 'path' | 'dirent';

/** A filter program as a listing's ending (FILTER_PROGRAM). */
export function filterEnding(kind: EntryKind, program: Program): string {
  return `${FILTER_PROGRAM}${encodeURIComponent(JSON.stringify({ kind, program }))}`;
}

/** What a listing gives the code for the entry `rel` below `folder` (a file, or with `directory` a folder). */
function entryInput(kind: string, folder: string, rel: string, directory = false): unknown {
  if (kind === 'path') return `${folder}/${rel}`;
  return kind === 'dirent' ? { name: rel, directory } : rel;
}

/**
 * What a loop makes of the file `rel` of a listing, by the steps of its reference after EACH: its
 * name (`name`), whole path (PATH_ENTRY) or folder entry (neither), then a piece of the name
 * (madeOfName) or a program's result (ENTRY_PROGRAM); undefined where that is no text.
 */
export function entryText(fromKey: string, listing: string, rel: string, steps: readonly string[], key?: string): string | undefined {
  const folder = listedFolder(fromKey, listing);
  if (steps[0] === MODULE_KEYS && key === undefined) return undefined;
  const kind: EntryKind = steps[0] === 'name' || steps[0] === MODULE_KEYS ? 'name' : steps[0] === PATH_ENTRY ? 'path' : 'dirent';
  const rest = kind === 'dirent' ? steps : steps.slice(1);
  const last = rest[rest.length - 1];
  const named = steps[0] === MODULE_KEYS ? (key ?? '') : rel;
  if (!last?.startsWith(ENTRY_PROGRAM)) return kind === 'name' ? madeOfName(named, rest) : undefined;
  const before = rest.slice(0, -1);
  const base = steps[0] === MODULE_KEYS ? key : entryInput(kind, folder, rel);
  const input = before.length === 0 ? base : typeof base === 'string' ? madeOfName(base, before) : undefined;
  const out = input === undefined ? undefined : runProgram(JSON.parse(last.slice(ENTRY_PROGRAM.length)) as Program, input, posix.dirname(fromKey));
  return typeof out === 'string' || typeof out === 'number' ? String(out) : undefined;
}

export function listedNames(fromKey: string, listing: string, steps: readonly string[], files: readonly string[]): string[] | undefined {
  const names = listedFiles(fromKey, listing, files);
  if (names.length === 0 || (steps[0] !== 'name' && !steps[steps.length - 1]?.startsWith(ENTRY_PROGRAM))) return undefined;
  const made = names.map((n) => entryText(fromKey, listing, n, steps));
  return made.every((m): m is string => m !== undefined) ? made : undefined;
}

/** A folder's index module, as a path below its parent folder: what loading the folder by its name loads. */
const INDEX_MODULE = /^[^/]+\/index\.[cm]?[jt]sx?$/;

/** The folder a listing (`dir|endings|glob`) lists, as the tree's files name it. */
export function listedFolder(fromKey: string, listing: string): string {
  const [dir = ''] = listing.split('|');
  return posix.normalize(posix.join(posix.dirname(fromKey), dir)).replace(/\/$/, '');
}

/**
 * The entries of a listed folder (`dir|endings`, relative to the file listing it) its filter keeps,
 * sorted: its own files and, as `readdirSync` gives them too, the folders right below it that the
 * code can use: a folder holding an index module (loaded by its name, that is what it loads), or any
 * folder when a filter reads folder entries (`.filter((d) => d.isDirectory())`); with a glob
 * (`dir|endings|<glob>`, values.ts PATH_ENTRY), the files below the folder it matches.
 */
export function listedFiles(fromKey: string, listing: string, files: readonly string[]): string[] {
  const [, endings = '', glob] = listing.split('|');
  const folder = listedFolder(fromKey, listing);
  const all = endings === '' ? [] : endings.split(',');
  const tests = all.filter((e) => !e.startsWith(FILTER_PROGRAM));
  const kept = all.filter((e) => e.startsWith(FILTER_PROGRAM)).map((e) => JSON.parse(decodeURIComponent(e.slice(FILTER_PROGRAM.length))) as { kind: string; program: Program });
  const test = (e: string) => (e.startsWith('=') ? wildcard(e.slice(1).replace(/\*/g, ''), 'any', true) : wildcard(e, 'any', false));
  const keep = tests.filter((e) => !e.startsWith('!')).map(test);
  const drop = tests.filter((e) => e.startsWith('!')).map((e) => test(e.slice(1)));
  const matches = glob === undefined ? undefined : wildcard(glob, 'folder', true);
  const below = files.map(toSlash).filter((f) => f.startsWith(`${folder}/`)).map((f) => f.slice(folder.length + 1));
  const direntFilter = kept.some((k) => k.kind === 'dirent');
  const folders = new Set(matches ? [] : below.filter((n) => (direntFilter ? n.includes('/') : INDEX_MODULE.test(n))).map((n) => n.slice(0, n.indexOf('/'))));
  return [...(matches ? below : below.filter((n) => !n.includes('/'))), ...folders]
    .filter((n) => (!matches || matches.test(n)) && (keep.length === 0 || keep.some((e) => e.test(n))) && !drop.some((e) => e.test(n)))
    .filter((n) => kept.every((k) => Boolean(runProgram(k.program, entryInput(k.kind, folder, n, folders.has(n)), posix.dirname(fromKey)))))
    .sort();
}

/**
 * A name pattern as glob steps: '*' any text (`star`: any, or within a folder), '**' then '/' any
 * folders below; the whole name, or its ending. Walked, not made a regular expression: the
 * pattern is the workspace's text, and `*a*a*a...` would backtrack in a name's length to the power of its stars.
 */
function wildcard(pattern: string, star: 'any' | 'folder', whole: boolean): { test: (name: string) => boolean } {
  const steps: GlobStep[] = whole ? [] : [{ kind: 'run', stop: '' }];
  for (const piece of pattern.split(/(\*\*\/|\*)/)) {
    if (piece === '**/') steps.push({ kind: 'folders' });
    else if (piece === '*') steps.push({ kind: 'run', stop: star === 'any' ? '' : '/' });
    else for (const c of piece) steps.push(literalStep(c));
  }
  return { test: (name) => stepsMatch(steps, name) };
}

export function madeOfName(name: string, steps: readonly string[]): string | undefined {
  const [step, index] = steps;
  if (step === undefined) return name;
  if (step === '*stem*' && steps.length === 1) return name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
  if (step.startsWith('*strip*') && steps.length === 1) {
    const ext = step.slice('*strip*'.length);
    return name.endsWith(ext) && name !== ext ? name.slice(0, -ext.length) : name;
  }
  if (step.startsWith('*split*') && index !== undefined && /^\d+$/.test(index) && steps.length === 2) return name.split(step.slice('*split*'.length))[Number(index)];
  return undefined;
}

