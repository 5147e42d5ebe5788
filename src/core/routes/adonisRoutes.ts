// AdonisJS routes: calls on the framework's one router, imported as `router` from
// '@adonisjs/core/services/router' (v6), as `Route` from '@ioc:Adonis/Core/Route' (v5) or bound by
// `use('Route')` (v4). The framework loads the routes file itself (a preload of its rc file), and
// every route registered on that router is served, so a route's whole path is known in its own
// file: the prefixes of the groups written around it (`router.group(() => {...}).prefix('/api')`,
// outermost first) before its own. Resources are expanded as Adonis's RouteResource builds them.
import ts from './compiler';
import { isCallExpression, isIdentifier, isPropertyAccessExpression, isStringLiteral } from './tsNodes';
import type { HttpMethod } from '../model';
import { joinRoutePath } from './joinPath';
import { isHttpMethod } from './routeSpec';
import { literalOf, literalsOf } from './values';
import { skipOuter } from './tsSyntax';
import { isFunctionLike } from './routeSyntax';
import { NestControllerReader } from './nestControllers';

/** The modules whose default export is Adonis's router. */
const ADONIS_ROUTER_MODULE = /^(?:@adonisjs\/core\/services\/router|@ioc:Adonis\/Core\/Route)$/;

/** Router methods registering one route of one method (`any` answers every method). */
const ADONIS_METHODS: Readonly<Record<string, HttpMethod>> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', any: 'ALL' };

/**
 * What a brisk route (`router.on('/').render('home')`) is given: then it answers GET. `renderInertia`
 * is the macro @adonisjs/inertia's provider adds to BriskRoute (v6 apps with an Inertia front end).
 */
const BRISK_HANDLERS = new Set(['render', 'renderInertia', 'redirect', 'redirectToPath', 'redirectToRoute', 'setHandler']);

/** A resource's routes as Adonis builds them (RouteResource): action, methods, path after the base. */
const RESOURCE_ACTIONS: ReadonlyArray<{ action: string; methods: HttpMethod[]; path: string; member: boolean }> = [
  { action: 'index', methods: ['GET'], path: '', member: false },
  { action: 'create', methods: ['GET'], path: 'create', member: false },
  { action: 'store', methods: ['POST'], path: '', member: false },
  { action: 'show', methods: ['GET'], path: ':id', member: true },
  { action: 'edit', methods: ['GET'], path: ':id/edit', member: true },
  { action: 'update', methods: ['PUT', 'PATCH'], path: ':id', member: true },
  { action: 'destroy', methods: ['DELETE'], path: ':id', member: true },
];

export abstract class AdonisReader extends NestControllerReader {
  private adonisNames: Set<string> | undefined;

  /** The names this file binds Adonis's router to: its default import, or `const Route = use('Route')`. */
  private adonisRouters(): Set<string> {
    if (this.adonisNames) return this.adonisNames;
    const names = new Set(this.out.imports.filter((i) => i.imported === 'default' && ADONIS_ROUTER_MODULE.test(i.source)).map((i) => i.local));
    for (const [name, init] of this.decls) if (isCallExpression(init) && isUseRoute(init)) names.add(name);
    return (this.adonisNames = names);
  }

  /** The Adonis router a chain starts from (`Route.group(...).prefix('/v1')`), when it does. */
  private adonisRoot(e: ts.Expression): string | undefined {
    let cur = skipOuter(e);
    while (isCallExpression(cur) && isPropertyAccessExpression(cur.expression)) cur = skipOuter(cur.expression.expression);
    return isIdentifier(cur) && this.adonisRouters().has(cur.text) ? cur.text : undefined;
  }

  /** A call on Adonis's router or on a chain from it: read here (true), never by another framework's reader. */
  protected readAdonisCall(call: ts.CallExpression): boolean {
    const callee = call.expression;
    if (!isPropertyAccessExpression(callee) || this.adonisRouters().size === 0) return false;
    const router = this.adonisRoot(callee.expression);
    if (router === undefined) return false;
    // A link of a chain (`.prefix()`, `.middleware()`, `.apiOnly()`) is read with the call it follows.
    if (!isIdentifier(skipOuter(callee.expression))) return true;
    const name = callee.name.text;
    const method = ADONIS_METHODS[name];
    if (method) this.addAdonisRoute(call, router, [method], call.arguments[0], call.arguments.length >= 2);
    else if (name === 'route') this.addAdonisRoute(call, router, this.adonisMethods(call.arguments[1]), call.arguments[0], call.arguments.length >= 3);
    else if (name === 'on') this.addAdonisRoute(call, router, ['GET'], call.arguments[0], chainNames(call).some((n) => BRISK_HANDLERS.has(n)));
    else if (name === 'resource' || name === 'shallowResource') this.readAdonisResource(call, router, name === 'shallowResource');
    return true;
  }

  /** `router.route('/x', ['GET', 'POST'], handler)`: the methods named, `*` being every one. */
  private adonisMethods(arg: ts.Expression | undefined): HttpMethod[] {
    const names = literalsOf(arg ? this.evaluate(arg) : undefined) ?? [];
    return names.map((m) => (m === '*' ? 'ALL' : m.toUpperCase())).filter(isHttpMethod);
  }

  private addAdonisRoute(call: ts.CallExpression, router: string, methods: HttpMethod[], pathArg: ts.Expression | undefined, isRoute: boolean): void {
    if (!isRoute || !pathArg || methods.length === 0) return;
    const paths = literalsOf(this.evaluate(pathArg));
    if (!paths) return this.warn(call, { id: 'routerPath', args: [router, isPropertyAccessExpression(call.expression) ? call.expression.name.text : '', this.shownCode(pathArg)] });
    const prefix = this.adonisPrefix(call);
    const line = this.line(call);
    for (const m of methods) for (const p of paths) this.out.routes.push({ method: m, path: joinRoutePath(prefix, p), line, kind: 'router', router });
  }

  /**
   * `router.resource('posts', PostsController)`, nested `'posts.comments'`
   * (`/posts/:post_id/comments`), shallow (members at `/comments/:id`), narrowed by `.apiOnly()`,
   * `.only([...])` and `.except([...])` chained on it.
   */
  private readAdonisResource(call: ts.CallExpression, router: string, shallow: boolean): void {
    const name = literalOf(call.arguments[0] ? this.evaluate(call.arguments[0]) : undefined);
    if (name === undefined || call.arguments.length < 2) {
      if (call.arguments.length >= 2) this.warn(call, { id: 'routerPath', args: [router, 'resource', this.shownCode(call.arguments[0] as ts.Expression)] });
      return;
    }
    const resources = name.replace(/^\/+|\/+$/g, '').split('.');
    const main = resources.pop() ?? '';
    const base = joinRoutePath(...resources.map((r) => `${r}/:${singular(r)}_id`), main);
    const kept = this.resourceActions(call);
    const prefix = this.adonisPrefix(call);
    const line = this.line(call);
    for (const a of RESOURCE_ACTIONS) {
      if (!kept(a.action)) continue;
      const path = joinRoutePath(prefix, a.member && shallow ? main : base, a.path);
      for (const m of a.methods) this.out.routes.push({ method: m, path, line, kind: 'router', router });
    }
  }

  /** Which resource actions the chain after `call` keeps. */
  private resourceActions(call: ts.CallExpression): (action: string) => boolean {
    const filters: Array<(action: string) => boolean> = [];
    for (let link = chainLink(call); link; link = chainLink(link.call)) {
      const listed = link.name === 'apiOnly' ? ['create', 'edit'] : (literalsOf(link.call.arguments[0] ? this.evaluate(link.call.arguments[0]) : undefined) ?? []);
      if (link.name === 'only') filters.push((a) => listed.includes(a));
      if (link.name === 'except' || link.name === 'apiOnly') filters.push((a) => !listed.includes(a));
    }
    return (action) => filters.every((f) => f(action));
  }

  /** The prefixes before a route: of each group written around it (outermost first), then its own `.prefix()`. */
  private adonisPrefix(call: ts.CallExpression): string {
    const parts = [this.chainPrefix(call)];
    for (let node: ts.Node = call; node.parent; node = node.parent) {
      const group = node.parent;
      if (!isFunctionLike(node) || !isCallExpression(group) || !group.arguments.includes(node as ts.Expression)) continue;
      if (isPropertyAccessExpression(group.expression) && group.expression.name.text === 'group' && this.adonisRoot(group.expression.expression) !== undefined) parts.unshift(this.chainPrefix(group));
    }
    return joinRoutePath(...parts);
  }

  /** `.prefix('a').prefix('b')` after a call: each prepends, so `b/a`. */
  private chainPrefix(call: ts.CallExpression): string {
    const parts: string[] = [];
    for (let link = chainLink(call); link; link = chainLink(link.call))
      if (link.name === 'prefix') parts.unshift(literalOf(link.call.arguments[0] ? this.evaluate(link.call.arguments[0]) : undefined) ?? '');
    return joinRoutePath(...parts);
  }
}

/** Adonis v4's global `use('Route')`. */
function isUseRoute(call: ts.CallExpression): boolean {
  const arg = call.arguments[0];
  return isIdentifier(call.expression) && call.expression.text === 'use' && call.arguments.length === 1 && !!arg && isStringLiteral(arg) && arg.text === 'Route';
}

/** The call chained on `call` (`call.name(...)`), if any. */
function chainLink(call: ts.CallExpression): { name: string; call: ts.CallExpression } | undefined {
  const access = call.parent;
  if (!access || !isPropertyAccessExpression(access) || access.expression !== call || !isCallExpression(access.parent)) return undefined;
  return { name: access.name.text, call: access.parent };
}

function chainNames(call: ts.CallExpression): string[] {
  const out: string[] = [];
  for (let link = chainLink(call); link; link = chainLink(link.call)) out.push(link.name);
  return out;
}

/** A resource's singular, as its parameter is named (`posts` -> `post`): names only, paths compare parameters by place. */
function singular(word: string): string {
  return word.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
}
