// An entry program (entryPrograms.ts) run on one entry of a folder listed at run time: plain data
// and JavaScript's own string and array methods, with no compiler, so the collection of routes that
// runs it (listedFolders.ts) keeps the TypeScript compiler out of the engine's bundle.
import { posix } from 'node:path';
import { mayBacktrack } from './backtracking';

/** In a listed entry's reference path (values.ts LISTED), last: the program (JSON) run on the entry. */
export const ENTRY_PROGRAM = '*prog*';

/**
 * A program: the entry (`in`), the folder of the file running it (`here`), a literal, a regular
 * expression, a callback's parameter, a member read, an allowed method call, a callback, an
 * operator, a negation, a choice, an array, or a `path` function.
 */
export type Program =
  | ['in']
  | ['here']
  | ['lit', string | number | boolean | null]
  | ['re', string, string]
  | ['var', string]
  | ['get', Program, Program]
  | ['call', Program, string, Program[]]
  | ['fn', string, Program]
  | ['op', string, Program, Program]
  | ['not', Program]
  | ['if', Program, Program, Program]
  | ['arr', Program[]]
  | ['path', string, Program[]];

/** Methods of strings and arrays whose result is their receiver's and arguments' alone. */
export const METHODS = new Set(['split', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd', 'startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'charAt', 'at', 'padStart', 'padEnd', 'concat', 'join', 'map', 'filter', 'find', 'some', 'every', 'isFile', 'isDirectory']);
/** `path` functions a program may call on texts. */
export const PATH_FUNCTIONS = new Set(['join', 'resolve', 'basename', 'extname', 'dirname', 'relative']);
/** What the program gives for an entry (a name, a whole path, or a folder entry `{ name, directory }`) in a file of folder `here`; undefined where the code would throw or the program reads what it cannot. */
export function runProgram(p: Program, entry: unknown, here: string): unknown {
  try {
    return run(p, { entry, here, vars: new Map() }, 0);
  } catch {
    return undefined;
  }
}

interface RunState {
  entry: unknown;
  here: string;
  vars: Map<string, unknown>;
}

class NotRun extends Error {}

function run(p: Program, st: RunState, depth: number): unknown {
  if (depth > 200) throw new NotRun('deep');
  const r = (x: Program) => run(x, st, depth + 1);
  switch (p[0]) {
    case 'in':
      return st.entry;
    case 'here':
      return st.here;
    case 'lit':
      return p[1];
    case 're':
      // The workspace's own pattern, run on its file names: one that may backtrack without end is not run.
      if (mayBacktrack(p[1])) throw new NotRun('re');
      return new RegExp(p[1], p[2]);
    case 'var':
      return st.vars.get(p[1]);
    case 'get':
      return member(r(p[1]), r(p[2]));
    case 'call':
      return invoke(r(p[1]), p[2], p[3].map((a) => (a[0] === 'fn' ? callback(a, st, depth) : r(a))));
    case 'fn':
      return callback(p, st, depth);
    case 'op':
      return operate(p[1], p[2], p[3], r);
    case 'not':
      return !r(p[1]);
    case 'if':
      return r(p[1]) ? r(p[2]) : r(p[3]);
    case 'arr':
      return p[1].map(r);
    case 'path':
      return pathCall(p[1], p[2].map(r));
  }
}

function callback(p: Program, st: RunState, depth: number): (x: unknown) => unknown {
  if (p[0] !== 'fn') throw new NotRun('fn');
  const [, name, body] = p;
  return (x: unknown) => run(body, { ...st, vars: new Map([...st.vars, [name, x]]) }, depth + 1);
}

function member(obj: unknown, key: unknown): unknown {
  if (typeof obj === 'string' || Array.isArray(obj)) {
    if (key === 'length') return obj.length;
    if (typeof key === 'number' || (typeof key === 'string' && /^\d+$/.test(key))) return obj[Number(key)];
    throw new NotRun('member');
  }
  if (isEntryObject(obj) && key === 'name') return obj.name;
  throw new NotRun('member');
}

/** A folder entry as `readdirSync(dir, { withFileTypes: true })` gives it. */
interface EntryObject {
  name: string;
  directory: boolean;
}

function isEntryObject(x: unknown): x is EntryObject {
  return typeof x === 'object' && x !== null && typeof (x as EntryObject).name === 'string';
}

function invoke(obj: unknown, method: string, args: unknown[]): unknown {
  if (isEntryObject(obj) && (method === 'isFile' || method === 'isDirectory')) return method === 'isFile' ? !obj.directory : obj.directory;
  if (method === 'toString' && (typeof obj === 'string' || typeof obj === 'number')) return String(obj);
  const fn = (typeof obj === 'string' || Array.isArray(obj)) && METHODS.has(method) ? (obj as unknown as Record<string, unknown>)[method] : undefined;
  if (typeof fn !== 'function') throw new NotRun(method);
  // Padding to a length the workspace chose: a name is not that long (`padStart(1e9)` would make a gigabyte).
  if ((method === 'padStart' || method === 'padEnd') && !(typeof args[0] === 'number' && args[0] <= MAX_PADDED)) throw new NotRun(method);
  return (fn as (...a: unknown[]) => unknown).apply(obj, args);
}

/** The longest text padStart / padEnd may make. */
const MAX_PADDED = 4096;

function operate(op: string, left: Program, right: Program, r: (x: Program) => unknown): unknown {
  const l = r(left);
  if (op === '&&') return l ? r(right) : l;
  if (op === '||') return l || r(right);
  if (op === '??') return l ?? r(right);
  const x = r(right);
  if (op === '===') return l === x || (l == null && x == null);
  if (op === '!==') return !(l === x || (l == null && x == null));
  if (op === '+' && (typeof l === 'string' || typeof l === 'number') && (typeof x === 'string' || typeof x === 'number')) return (l as string) + (x as string);
  if (typeof l !== 'number' || typeof x !== 'number') throw new NotRun(op);
  if (op === '-') return l - x;
  if (op === '<') return l < x;
  if (op === '>') return l > x;
  if (op === '<=') return l <= x;
  if (op === '>=') return l >= x;
  throw new NotRun(op);
}

function pathCall(fn: string, args: unknown[]): unknown {
  if (!args.every((a) => typeof a === 'string')) throw new NotRun(fn);
  const texts = args as string[];
  if (fn === 'join') return posix.join(...texts);
  if (fn === 'resolve') return posix.resolve('/', ...texts);
  if (fn === 'basename') return posix.basename(texts[0] ?? '', texts[1]);
  if (fn === 'extname') return posix.extname(texts[0] ?? '');
  if (fn === 'dirname') return posix.dirname(texts[0] ?? '');
  return posix.relative(texts[0] ?? '', texts[1] ?? '');
}
