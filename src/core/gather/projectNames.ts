// Whether a name (an image's repository, a service's) names the project itself: its folder, its
// package name or that name's scope. Pure.
import { basename } from 'node:path';

/** An image or service named like the project itself: its package name, that name's scope, or its folder. */
export function namesProject(names: readonly string[], projectRoot: string, pkgName: string | undefined): boolean {
  const own = [basename(projectRoot), ...nameForms(pkgName ?? '')].map(normalName);
  return names.some((n) => own.includes(normalName(n)));
}

/** The names an app or image may go by: `@shop/api` is also `api`, `shop-api` and `shop`. */
export function nameForms(name: string): string[] {
  const scoped = /^@([^/]+)\/(.+)$/.exec(name);
  return scoped ? [scoped[2] as string, `${scoped[1]}-${scoped[2]}`, scoped[1] as string] : [name];
}

/** Case, `_` and `-` do not tell names apart (`hitokoto_api` is `hitokoto-api`; the image `chatollama` is the project `chat-ollama`). */
export function normalName(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}
