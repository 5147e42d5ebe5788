// tsoa: controllers are classes decorated `@Route('users')` with `@Get('{id}')`... handlers (read
// as decorator controllers by nestControllers.ts); tsoa generates a `RegisterRoutes(app)` function
// (a file most projects do not commit) that registers each handler at tsoa.json's `routes.basePath`
// + the class's path + the method's, written `{id}` in the decorators and `:id` on Express and Koa.

/** The packages tsoa's decorators are imported from. */
export const TSOA_PACKAGE = /^(?:tsoa|@tsoa\/runtime)$/;

/** The packages tsoa's programmatic generateRoutes is imported from. */
export const TSOA_CLI = /^(?:tsoa|@tsoa\/cli)$/;

/** The module a tsoa controller's routes are marked with (ExtractedRoute.decoratedBy) and its registrars carry. */
export const TSOA_SOURCE = 'tsoa';

/** The function tsoa's generated routes file exports. */
export const TSOA_REGISTER = 'RegisterRoutes';

/** tsoa's configuration file, beside the package.json of the app (the CLI's default `--configuration`). */
export const TSOA_CONFIG = 'tsoa.json';

/** tsoa.json's `routes.basePath` (the prefix of every generated route), when it names one. */
export function tsoaBasePath(config: unknown): string | undefined {
  const routes = isRecord(config) ? config.routes : undefined;
  const base = isRecord(routes) ? routes.basePath : undefined;
  return typeof base === 'string' ? base : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
