// LoopBack 4: a controller is any class whose methods carry @loopback/rest's route decorators
// (`@get('/todos/{id}')`, `@post`, `@put`, `@patch`, `@del`, `@operation('get', '/x')`); the app
// boots every controller of its controllers folder, under the base path `app.basePath('/api')`
// or the `rest: { basePath }` option sets, and a class's `@api({ basePath })` before its own.
import type { HttpMethod } from '../model';
import { joinRoutePath } from './joinPath';

/** The packages LoopBack 4's route decorators are imported from. */
export const LOOPBACK_REST = /^@loopback\/(?:rest|openapi-v3)$/;

const LOOPBACK_METHODS: Readonly<Record<string, HttpMethod>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  del: 'DELETE',
};

/** The method of a LoopBack route decorator by the name it is exported as; `operation` takes it as its first argument. */
export function loopbackMethod(exported: string, firstArg: string | undefined): HttpMethod | undefined {
  if (exported === 'operation') {
    const verb = firstArg?.toUpperCase();
    return verb === 'DELETE' || verb === 'HEAD' || verb === 'OPTIONS' ? verb : verb === undefined ? undefined : LOOPBACK_METHODS[verb.toLowerCase()];
  }
  return LOOPBACK_METHODS[exported];
}

/** Whether a decorator exported under this name is one of LoopBack's route decorators. */
export function isLoopbackRouteDecorator(exported: string): boolean {
  return exported === 'operation' || LOOPBACK_METHODS[exported] !== undefined;
}

/** The prefix of a LoopBack app's controllers: its Express mount (when some file mounts it) before its own basePath. */
export function loopbackMountedPrefix(mount: string | undefined, basePath: string | undefined): string | undefined {
  return mount === undefined ? basePath : joinRoutePath(mount, basePath ?? '');
}
