// Elysia (Bun): an instance's routes are read as the other routers' are (declarations.ts makes
// `new Elysia({ prefix })` a router under its prefix, receivers.ts follows every link of its chains,
// mounts.ts reads `use(plugin)` as a mount without a path: another instance under its own prefix,
// a function handed the app, a module loaded lazily). What is Elysia's own is read here:
// `group(prefix, [hook,] (app) => app...)` declares the callback's routes under the prefix,
// `guard(hook, (app) => app...)` under none (a guard adds hooks, not a path), and
// `route(method, path, handler)` a route of the method it names.
import ts from './compiler';
import { isCallExpression, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression } from './tsNodes';
import { isHttpMethod } from './routeSpec';
import { literalsOf, str } from './values';
import { skipOuter } from './tsSyntax';
import { isFunctionLike } from './routeSyntax';
import { HandRoutingReader } from './handRouting';

/** The module a file declaring Elysia instances imports. */
const ELYSIA_MODULE = /^elysia$/;

export abstract class ElysiaReader extends HandRoutingReader {
  /** Whether the file imports Elysia: read once its imports are (collectDeclarations). */
  protected findElysia(): void {
    this.elysiaFile = this.out.imports.some((i) => ELYSIA_MODULE.test(i.source)) || [...this.typeImports.values()].some((i) => ELYSIA_MODULE.test(i.source));
  }

  /** `group`, `guard` and `route(method, path, handler)` on an Elysia instance of a file importing Elysia; true when read. */
  protected readElysiaCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression): boolean {
    const name = callee.name.text;
    if (!this.elysiaFile || !(name === 'group' || name === 'guard' || name === 'use' || (name === 'route' && call.arguments.length >= 3))) return false;
    const router = this.receiverOf(callee.expression);
    if (!router || !this.isReceiver(router)) return false;
    if (name === 'use') return this.readHandedInstance(call, router);
    if (name === 'route') {
      this.readElysiaRoute(call, router);
      return true;
    }
    const last = call.arguments[call.arguments.length - 1];
    const fn = last ? skipOuter(last) : undefined;
    // `guard(hook)` alone puts its hook on the routes after it in the chain: nothing to mount.
    if (!fn || !isFunctionLike(fn) || (name === 'group' && call.arguments.length < 2)) return true;
    const at = call.arguments[0] as ts.Expression;
    const prefix = name === 'group' ? (this.evaluate(at) ?? this.unknownPrefix(at, call)) : str('');
    this.mountTarget(fn, prefix, router, this.line(call));
    return true;
  }

  /**
   * `app.use(createAuthRoutes(new Elysia(), service))`: a function of the project's own handed a fresh
   * instance declares its routes on that parameter and hands it back (routeHelpers.ts reads the
   * routes a function declares on a parameter, `fn#i`): those routes, under the instance's own
   * prefix, are what is used. True when read so; any other plugin is a mount (mounts.ts).
   */
  private readHandedInstance(call: ts.CallExpression, router: string): boolean {
    const arg = call.arguments.length === 1 ? skipOuter(call.arguments[0] as ts.Expression) : undefined;
    const fn = arg && isCallExpression(arg) ? this.handedFunction(skipOuter(arg.expression)) : undefined;
    if (!arg || !isCallExpression(arg) || !fn || !(this.importedNames.has(fn.text) || this.decls.has(fn.text))) return false;
    const at = arg.arguments.findIndex((a) => this.factoryPrefix(skipOuter(a)) !== undefined);
    const prefix = at >= 0 ? this.factoryPrefix(skipOuter(arg.arguments[at] as ts.Expression)) : undefined;
    if (prefix === undefined) return false;
    this.out.mounts.push({ prefix: prefix === '' ? '/' : prefix, routerName: `${fn.text}#${at}`, line: this.line(call), mountedOn: router });
    return true;
  }

  /**
   * The function a plugin call names: `makeNotes`, or `m.plugin` where `m` is bound to an element of
   * a literal list being looped over (`for (const m of [{ prefix: '/a', plugin: a }])`): that element's.
   */
  private handedFunction(e: ts.Expression): ts.Identifier | undefined {
    if (isIdentifier(e)) return e;
    const bound = isPropertyAccessExpression(e) && isIdentifier(e.expression) && this.scopes.some((sc) => sc.has((e.expression as ts.Identifier).text)) ? this.lookup(e.expression.text) : undefined;
    const value = bound && isPropertyAccessExpression(e) && isObjectLiteralExpression(bound as ts.Node) ? this.prop(bound as ts.ObjectLiteralExpression, e.name.text) : undefined;
    return value && isIdentifier(skipOuter(value)) ? (skipOuter(value) as ts.Identifier) : undefined;
  }

  /** `app.route('GET', '/x', handler)`: a route of each HTTP method named; a method Elysia accepts but no HTTP one (`'M-SEARCH'`), or one not known statically, a warning. */
  private readElysiaRoute(call: ts.CallExpression, router: string): void {
    const [methodArg, pathArg] = call.arguments;
    const methods = literalsOf(this.evaluate(methodArg));
    const paths = this.evaluate(pathArg);
    const code = (methodArg as ts.Expression).getText(this.sf);
    if (!methods || !paths) return this.warn(call, { id: 'routeMethod', args: [router, code] });
    for (const raw of methods) {
      const m = raw.toUpperCase();
      if (isHttpMethod(m)) this.addRoute(router, m, paths, call);
      else this.warn(call, { id: 'routeMethod', args: [router, JSON.stringify(raw)] });
    }
  }
}

