// Route factories: a function returning a plugin whose routes take their paths from the function's
// parameters, `createSchemaRoute(path, schema) { return async (fastify) => { fastify.get(path, h) } }`,
// defined in one file and called from others, each call a plugin of its own registering the routes
// at the paths it gives (`const postSchema = createSchemaRoute('/schema/post', PostSchema)`, then
// `app.register(postSchema)`). The factory's file records the routes with their paths as pieces
// (ExtractedFile.routeFactories, read as fixedHelpers are); each calling file records its calls
// (ExtractedFile.factoryCalls); collect.ts puts the routes on the constant each call makes. The
// factory's side is read in routeHelpers.ts (findRouteFactories); this file holds what collect.ts
// needs, and no parser (collect.ts is on the engine side's path: lint/parserBundle.test.ts).
import { ROUTER_METHODS } from './routeSpec';
import { concat, literalOf, propOf, str, type ConstValue } from './values';
import type { FactoryRoute, HelperArg } from './extracted';
import type { HttpMethod } from '../model';

/** What a piece of a factory's route reads of one call's arguments. */
function given(arg: HelperArg, args: ReadonlyArray<ConstValue | null>): ConstValue | undefined {
  if (typeof arg === 'number') return args[arg] ?? undefined;
  const owner = args[arg[0]] ?? undefined;
  // Absent from an object known here: the text written for it (`config.path ?? ''`).
  return propOf(owner, [arg[1]]) ?? (owner?.kind === 'obj' && arg[2] !== undefined ? str(arg[2]) : undefined);
}

/**
 * One factory route at a call: its method (undefined when the call gives none known) and its path
 * as a value of the calling file (undefined when a piece the call should give is missing).
 */
export function factoryRouteAt(r: FactoryRoute, args: ReadonlyArray<ConstValue | null>): { method: HttpMethod | undefined; path: ConstValue | undefined } {
  const methodName = typeof r.method === 'string' ? r.method : literalOf(given(r.method, args));
  const method = methodName === undefined ? undefined : methodName === '*' ? 'ALL' : ROUTER_METHODS[methodName.toLowerCase()];
  let path: ConstValue | undefined = str('');
  for (const piece of r.path) {
    const value = typeof piece === 'string' ? str(piece) : given(piece, args);
    path = path && value ? concat(path, value) : undefined;
  }
  return { method, path };
}
