// Route tables keyed by "METHOD /path" strings (`{ 'get /api/v1/ping': { controller }, 'POST
// /login': login }`), registered by a loop over their keys that splits each key into the method
// and the path: `Object.keys(routes).forEach((key) => { const [method, path] = key.split(' ');
// router[method](path, ...) })`. What both sides share, as plain data (no parser): the reader
// (routeTables.ts) binds the loop's key to a reference whose path holds KEYS, then the steps the
// loop makes of the key (split, index, case); collect.ts applies them to another file's table.
import type { HttpMethod } from '../model';
import { isHttpMethod } from './routeSpec';

/** In a reference's property path: each key of the table there, the steps made of it after. */
export const KEYS = '{}';
/** The local name of a table read in the file itself (routeTables.ts), its index after. */
export const OWN_TABLE = '*table*';
/** A step: `key.split(sep)` with a literal separator (after it); `*split*\s` for a run of white space (`/\s+/`). */
export const SPLIT = '*split*';
export const SPLIT_WS = '*split*\\s';
/** Steps: `.toLowerCase()`, `.toUpperCase()`, `.trim()`. */
export const LOWER = '*lower*';
export const UPPER = '*upper*';
export const TRIM = '*trim*';

/** One key of a table, with the line it is written on. */
export interface TableEntry {
  key: string;
  line: number;
}

/**
 * A table a file declares (ExtractedFile.routeTables): its keys, the tables of other files it takes
 * in (`{ ...userRoutes }`, `Object.assign(routes, imported)`: a local name and a property path,
 * `()` for what a function returns) and what it takes in that is not known statically.
 */
export interface RouteTable {
  entries: TableEntry[];
  pieces: Array<{ local: string; path: string[]; line: number }>;
  unknown: Array<{ text: string; line: number }>;
}

/** What the steps make of a key: a string, a list of strings (after a split), or nothing known. */
type KeyValue = string | string[] | undefined;

/** A key made into what a loop takes of it: `key.split(' ')[1]` is `['*split* ', '1']`. */
export function keyText(key: string, steps: readonly string[]): string | undefined {
  let cur: KeyValue = key;
  for (const step of steps) cur = applyStep(cur, step);
  return typeof cur === 'string' ? cur : undefined;
}

function applyStep(cur: KeyValue, step: string): KeyValue {
  if (Array.isArray(cur)) return /^\d+$/.test(step) ? cur[Number(step)] : undefined;
  if (cur === undefined) return undefined;
  if (step === SPLIT_WS) return cur.split(/\s+/);
  if (step.startsWith(SPLIT)) return cur.split(step.slice(SPLIT.length));
  if (step === LOWER) return cur.toLowerCase();
  if (step === UPPER) return cur.toUpperCase();
  if (step === TRIM) return cur.trim();
  return undefined;
}

/** `router[m]` for a method name as written: the lowercase names Express, Koa and Hono routers have (`del` is koa-router's DELETE). */
export function routerMethodOf(name: string | undefined): HttpMethod | undefined {
  if (name === undefined || name !== name.toLowerCase()) return undefined;
  const m = name === 'del' ? 'DELETE' : name.toUpperCase();
  return isHttpMethod(m) ? m : undefined;
}

/** A key that reads as "METHOD /path": what makes an object a route table worth keeping for other files. */
export const METHOD_PATH_KEY = /^\s*(?:get|post|put|patch|delete|del|head|options|all)\s+\/\S*\s*$/i;
