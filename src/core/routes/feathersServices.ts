// Feathers (v4 and v5): `app.use('/messages', service)` registers a service, and the REST transport
// of @feathersjs/express or @feathersjs/koa serves it as routes, one for each method the service
// has: find GET /messages, create POST /messages, patch PATCH /messages, update PUT /messages,
// remove DELETE /messages (the last three on many records), and on /messages/:__feathersId get GET,
// update PUT, patch PATCH, remove DELETE. A method the service lacks answers 405: no route. The
// path loses its leading and trailing slashes ('messages', '/messages/' are /messages). v5's
// options after the service (`{ methods: ['find', 'create'] }`) narrow the methods served.
// A service is known by what it is: an object literal or a class of the file defining some of the
// six methods, a database adapter's service (`createService(options)` of feathers-mongoose, `new
// KnexService(options)`) with all six, a class extending one, or a package's service of known
// methods (feathers-blob, the authentication service). A service of a class or call not read here
// is a warning, its routes unknown.
import ts from './compiler';
import { isAsExpression, isCallExpression, isClassDeclaration, isIdentifier, isMethodDeclaration, isNewExpression, isObjectLiteralExpression, isParenthesizedExpression, isPropertyAssignment, isShorthandPropertyAssignment, isStringLiteral } from './tsNodes';
import { literalOf, literalsOf, soleRef, str, type ConstValue } from './values';
import { skipOuter, extendedClass } from './tsSyntax';
import type { HttpMethod } from '../model';
import type { ExtractedImport } from './extracted';
import { ElysiaReader } from './elysiaRoutes';

const SERVICE_METHODS = ['find', 'get', 'create', 'update', 'patch', 'remove'] as const;
type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** The routes of each service method: on the service's path, and on the path of one record. */
const METHOD_ROUTES: Record<ServiceMethod, ReadonlyArray<readonly [HttpMethod, boolean]>> = {
  find: [['GET', false]],
  get: [['GET', true]],
  create: [['POST', false]],
  update: [['PUT', false], ['PUT', true]],
  patch: [['PATCH', false], ['PATCH', true]],
  remove: [['DELETE', false], ['DELETE', true]],
};

/** The parameter the REST transport names a record's id by (v4 `:__feathersId`; v5's `:__id` reads the same once parameters are compared by position). */
const ID_PARAM = ':__feathersId';

/** Packages whose services (made by their default export, or an exported class) have known methods. */
const PACKAGE_SERVICES: ReadonlyArray<readonly [RegExp, readonly ServiceMethod[]]> = [
  // Database adapters: every method.
  [
    /^(?:feathers-(?:mongoose|sequelize|knex|memory|nedb|mongodb|objection|elasticsearch|localstorage|rethinkdb|couchdb|redis|cassandra|prisma|typeorm|levelup)|@feathersjs\/(?:mongodb|knex|memory|adapter-commons))$/,
    SERVICE_METHODS,
  ],
  [/^feathers-blob$/, ['get', 'create', 'remove']],
  // feathers-mailer's service sends a mail on create, its one method.
  [/^feathers-mailer$/, ['create']],
  [/^@feathersjs\/authentication$/, ['create', 'remove']],
];

/** Packages of Feathers: a file importing one registers services with `use`, whose unknown ones are told. */
const FEATHERS_MODULE = /^(?:@feathersjs\/|feathers-)/;
/** `app.service('users')`: Feathers' lookup of a registered service by its path. */
const SERVICE_LOOKUP = /\.service\(\s*['"`][\w/-]+['"`]\s*\)/;

/**
 * What an argument of `use` is: a service with these methods, one whose methods are not known
 * (`unknown`), an instance of a class another file of the project declares (its methods read at the
 * join, memberGuards.ts), or no service.
 */
type Served = ReadonlySet<ServiceMethod> | 'unknown' | { projectClass: string } | undefined;

/** An import from a file of the project, not a package: relative, or through a path alias. */
const PROJECT_IMPORT = /^(?:\.|~|#|@\/)/;

export abstract class FeathersReader extends ElysiaReader {
  /** `app.use(path, [middleware...,] service [, middleware...|options])` registering a Feathers service: its routes; true when read so. */
  protected readFeathersService(call: ts.CallExpression, router: string): boolean {
    const [pathArg, ...rest] = call.arguments;
    if (!pathArg || rest.length === 0) return false;
    // A file of Feathers: one loading a Feathers package, or one asking the app for a service by its path (`app.service('users')`, Feathers' own API).
    // So is a `use` given v5's service options after the service (`{ methods: [...] }`), which no Express or Koa `use` takes.
    const feathersFile = this.out.imports.some((i) => FEATHERS_MODULE.test(i.source)) || SERVICE_LOOKUP.test(this.sf.text) || hasMethodsOption(rest);
    let at = -1;
    let served: Served;
    for (const [i, a] of rest.entries()) {
      served = this.servedBy(a, 0);
      // An instance of a class not read here, or of a project function's class, is a service only in a file of Feathers (an Express app may mount one).
      if ((served === 'unknown' || (served !== undefined && 'projectClass' in served)) && !feathersFile) served = undefined;
      if (served !== undefined) {
        at = i;
        break;
      }
    }
    if (served === undefined) return false;
    const code = (rest[at] as ts.Expression).getText(this.sf);
    if (served === 'unknown') {
      this.warn(call, { id: 'feathersServiceMethods', args: [code] });
      return true;
    }
    const path = this.evaluate(pathArg);
    if (!path || path.kind !== 'str') {
      this.warn(call, { id: 'feathersServicePath', args: [pathArg.getText(this.sf)] });
      return true;
    }
    const { methods, deferred } = this.optionMethods(rest.slice(at + 1), 'projectClass' in served ? new Set(SERVICE_METHODS) : served);
    for (const m of SERVICE_METHODS) {
      if (!methods.has(m)) continue;
      const before = this.out.routes.length;
      for (const [verb, one] of METHOD_ROUTES[m]) this.addRoute(router, verb, servicePath(path, one), call);
      for (const r of this.out.routes.slice(before)) {
        // Each stands where the class, found through its import at the join, has the method (collect.ts).
        if ('projectClass' in served) r.needsMember = { local: served.projectClass, member: m, known: true };
        if (deferred) r.serviceMethod = { method: m, methods: deferred };
      }
    }
    return true;
  }

  /**
   * v5's `{ methods: [...] }` after the service: those of the service's methods it names; a list of
   * another file (`deferred`) is read at the join; one not known at all leaves all of them.
   */
  private optionMethods(after: readonly ts.Expression[], served: ReadonlySet<ServiceMethod>): { methods: ReadonlySet<ServiceMethod>; deferred?: ConstValue } {
    const options = after.map((a) => skipOuter(a)).find(isObjectLiteralExpression);
    const node = options && this.prop(options, 'methods');
    const value = node ? this.evaluate(node) : undefined;
    const named = literalsOf(value);
    if (named) return { methods: new Set([...served].filter((m) => named.includes(m))) };
    return soleRef(value) ? { methods: served, deferred: value } : { methods: served };
  }

  /** What `use` is given at that argument (Served), following a name to its declaration. */
  private servedBy(arg: ts.Expression, depth: number): Served {
    const e = skipOuter(arg);
    if (depth > 4) return undefined;
    if (isObjectLiteralExpression(e)) return nonEmpty(ownMethods(e.properties));
    if (isIdentifier(e)) {
      if (this.out.imports.some((i) => i.local === e.text)) return undefined;
      const decl = this.decls.get(this.ownName(e.text, e));
      return decl && isNodeExpression(decl) ? this.servedBy(decl, depth + 1) : undefined;
    }
    if (isNewExpression(e)) return this.classServed(e.expression, depth);
    if (isCallExpression(e) && isIdentifier(skipOuter(e.expression))) return this.packageServed(skipOuter(e.expression) as ts.Identifier) ?? this.projectFactoryServed(skipOuter(e.expression) as ts.Identifier);
    return undefined;
  }

  /**
   * `createService(options)` of a function another file of the project exports as its default
   * (`module.exports = function (options) { return new Service(options) }`): the instance of the
   * class it returns, whose methods are read at the join (collect.ts classMembersOf).
   */
  private projectFactoryServed(callee: ts.Identifier): Served {
    const imp = this.out.imports.find((i) => i.local === callee.text);
    return imp?.imported === 'default' && PROJECT_IMPORT.test(imp.source) ? { projectClass: callee.text } : undefined;
  }

  /** `new C(...)`: a class of the file (its methods and its base's), a package's service class, or one not known (imported from the project). */
  private classServed(callee: ts.Expression, depth: number): Served {
    const c = skipOuter(callee);
    if (!isIdentifier(c)) return undefined;
    const decl = this.decls.get(c.text);
    if (decl && isClassDeclaration(decl)) {
      const own = ownMethods(decl.members);
      const base = extendedClass(decl);
      if (!base) return nonEmpty(own);
      const inherited = this.classServed(base, depth + 1);
      if (inherited === undefined) return own.size > 0 ? 'unknown' : undefined;
      return inherited instanceof Set ? new Set([...own, ...inherited]) : 'unknown';
    }
    if (this.out.imports.some((i) => i.local === c.text && PROJECT_IMPORT.test(i.source))) return { projectClass: c.text };
    // A class from a package not known, or not declared here.
    return this.packageServed(c) ?? 'unknown';
  }

  /** A name imported from a package of PACKAGE_SERVICES: its methods. */
  private packageServed(name: ts.Identifier): Served {
    const known = packageMethods(this.out.imports.find((i) => i.local === name.text)?.source);
    return known ? new Set(known) : undefined;
  }
}

/** The methods of the services a package of PACKAGE_SERVICES makes, by the module imported. */
function packageMethods(source: string | undefined): readonly ServiceMethod[] | undefined {
  return source === undefined ? undefined : PACKAGE_SERVICES.find(([re]) => re.test(source))?.[1];
}

/** The methods among SERVICE_METHODS that a class or an object literal writes. */
function ownMethods(members: ts.NodeArray<ts.ClassElement | ts.ObjectLiteralElementLike>): Set<ServiceMethod> {
  const out = new Set<ServiceMethod>();
  for (const m of members) {
    if (!isMethodDeclaration(m) && !isPropertyAssignment(m) && !isShorthandPropertyAssignment(m)) continue;
    const name = m.name && (isIdentifier(m.name) || isStringLiteral(m.name)) ? m.name.text : undefined;
    const method = SERVICE_METHODS.find((s) => s === name);
    if (method) out.add(method);
  }
  return out;
}

/** Whether the last argument of `use` is an object literal naming `methods` (v5's service options). */
function hasMethodsOption(args: readonly ts.Expression[]): boolean {
  const last = args.length > 1 ? skipOuter(args[args.length - 1] as ts.Expression) : undefined;
  return last !== undefined && isObjectLiteralExpression(last) && last.properties.some((p) => p.name !== undefined && isIdentifier(p.name) && p.name.text === 'methods');
}

function nonEmpty(s: Set<ServiceMethod>): Served {
  return s.size > 0 ? s : undefined;
}

function isNodeExpression(n: ts.Node): n is ts.Expression {
  return isObjectLiteralExpression(n) || isNewExpression(n) || isCallExpression(n) || isIdentifier(n) || isParenthesizedExpression(n) || isAsExpression(n);
}

/** The service's path without its leading and trailing slashes, as Feathers keeps it; with `one`, the path of one record. */
function servicePath(path: ConstValue, one: boolean): ConstValue {
  const lit = literalOf(path);
  const base = lit !== undefined ? str(`/${lit.replace(/^\/+|\/+$/g, '')}`) : path.kind === 'str' ? str('/', ...path.parts) : path;
  return one && base.kind === 'str' ? str(...base.parts, `/${ID_PARAM}`) : base;
}

/**
 * The service methods of the file's top-level classes extending a package's service class
 * (`class Users extends KnexService`, `class Auth extends AuthenticationService`): their own and the
 * package's, for another file's `use(path, new Users())` (memberGuards.ts classMembers reads the
 * classes extending none).
 */
export function feathersClassMembers(sf: ts.SourceFile, imports: readonly ExtractedImport[]): Record<string, string[]> | undefined {
  let out: Record<string, string[]> | undefined;
  for (const st of sf.statements) {
    const base = isClassDeclaration(st) && st.name ? extendedClass(st) : undefined;
    const known = packageMethods(base && isIdentifier(base) ? imports.find((i) => i.local === base.text)?.source : undefined);
    if (!known || !isClassDeclaration(st) || !st.name) continue;
    (out ??= {})[st.name.text] = [...new Set([...ownMethods(st.members), ...known])];
  }
  return out;
}
