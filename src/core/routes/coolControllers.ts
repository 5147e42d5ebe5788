// cool-admin's controllers (@cool-midway/core on Midway): `@CoolController()` with no prefix serves
// the class at a path made from its file's place, src/modules/<module>/controller/<type>/<rest>.ts ->
// /<type>/<module>/<rest> (the segments after `controller`, the module's name spliced in second);
// `@CoolController('/x')` or `({ prefix })` names it. Its `api: ['add', 'info', ...]` adds one route
// per name at <prefix>/<name>: GET for `info`, POST for the others. Its own `@Get`/`@Post` handlers
// (Midway's decorators) go under the same prefix.
// https://github.com/cool-team-official/cool-admin-midway (@cool-midway/core decorator/controller.js)
import { sep } from 'node:path';
import type { HttpMethod } from '../model';

/** The package whose `CoolController` this reads. */
export const COOL_CORE = '@cool-midway/core';
export const COOL_CONTROLLER = 'CoolController';

/** The path a controller file's place gives, when it is under modules/<module>/controller/. */
export function coolPrefixOfFile(file: string): string | undefined {
  const parts = file.replace(/\.[cm]?[jt]s$/, '').split(/[\\/]/).filter((p) => p !== '' && p !== sep);
  const at = parts.lastIndexOf('modules');
  const module = at >= 0 ? parts[at + 1] : undefined;
  if (module === undefined || parts[at + 2] !== 'controller') return undefined;
  const [first, ...rest] = parts.slice(at + 3);
  return first === undefined ? undefined : `/${[first, module, ...rest].join('/')}`;
}

/** The method of a generated CRUD route (`api` name). */
export function coolApiMethod(name: string): HttpMethod {
  return name === 'info' ? 'GET' : 'POST';
}
