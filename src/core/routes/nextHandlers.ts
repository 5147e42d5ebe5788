// What a Next.js app served by `next start` hands to a framework app its route handlers import
// (hono/vercel's handle(app) exported as GET and POST). Next.js passes the request's URL
// unchanged, so that app answers at its own paths (its basePath('/api') included): the handler's
// folder adds no prefix, but bounds what reaches the handler. A path outside every handler's
// folder never does; such a route is left out, with a warning.
import { scanWarningText } from '../scanTexts';
import type { CollectedRoutes } from './collect';

/** Whether a folder of a Next.js app's router is part of its URLs: route groups `(marketing)` and parallel-route slots `@modal` are not. */
export function isUrlFolder(segment: string): boolean {
  return !/^\(.*\)$/.test(segment) && !segment.startsWith('@');
}

/**
 * The path a route handler answers under, from its file relative to the app (POSIX): its folders
 * below `app/` (a `pages/api/` file: `api`, its folders and its name, `index` none) up to the
 * first dynamic segment (`[id]`, `[...slug]`, `[[...route]]`); route groups `(marketing)` and
 * parallel-route slots `@modal` are no part of a URL.
 */
export function handlerPath(relPath: string): string {
  const parts = relPath.replace(/^src\//, '').split('/');
  const name = (parts.at(-1) ?? '').replace(/\.[cm]?[jt]sx?$/, '');
  const segments = parts[0] === 'pages' && name !== 'index' ? [...parts.slice(1, -1), name] : parts.slice(1, -1);
  const path: string[] = [];
  for (const segment of segments) {
    if (segment.startsWith('[')) break;
    if (!isUrlFolder(segment)) continue;
    path.push(segment);
  }
  return `/${path.join('/')}`;
}

/** Whether `routePath` can be a path under `base`: a parameter stands for any segment, a wildcard for the rest. */
function canBeUnder(routePath: string, base: string): boolean {
  const want = base.split('/').filter(Boolean);
  const have = routePath.split('/').filter(Boolean);
  for (const [i, segment] of want.entries()) {
    const own = have[i];
    if (own === undefined) return false;
    if (own.startsWith('*')) return true;
    if (!own.startsWith(':') && own !== segment) return false;
  }
  return true;
}

/** The routes from source outside every one of `paths` (handlerPath) left out, with a warning naming them. */
export function servedThroughHandlers(collected: CollectedRoutes, paths: readonly string[]): CollectedRoutes {
  const routes = collected.routes.filter((r) => r.origin !== 'source' || paths.some((p) => canBeUnder(r.path, p)));
  const left = collected.routes.filter((r) => !routes.includes(r));
  const first = left[0];
  if (!first) return collected;
  const named = left.slice(0, 5).map((r) => `${r.method} ${r.path}`).join(', ') + (left.length > 5 ? ', …' : '');
  const warning = scanWarningText(first.file ?? '', { id: 'outsideRouteHandlers', args: [[...new Set(paths)].join(', '), named], ...(first.line !== undefined ? { line: first.line } : {}) });
  return { routes, warnings: [...collected.warnings, warning] };
}
