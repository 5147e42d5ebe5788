// Moleculer: an API gateway service (`mixins: [ApiGateway]` of moleculer-web) serves, under its
// `settings.path`, each of its `settings.routes` at that route's `path`: the route's `aliases`
// ("GET users/:id": "users.get"; "REST posts": the six CRUD routes; no method: every method) and,
// with `autoAliases: true`, each action of the other services that declares `rest` ("GET /:id", or
// { method, path }) at the service's base (`settings.rest`, else `/<version>/<name>`). The runner
// loads service files itself (no file imports them): each file's schema is read here and the
// gateways are joined with the services by gather/loadedRoutes.ts.
import ts from './compiler';
import { forEachChild, isArrayLiteralExpression, isIdentifier, isNumericLiteral, isObjectLiteralExpression, isPropertyAssignment, isStringLiteral } from './tsNodes';
import type { ExtractedFile } from './extracted';
import { literalProp, literalText, literalTexts, skipOuter } from './tsSyntax';

/** An alias or an action's `rest`, as written: `"GET users"`, `"REST posts"`, `"/about"` (every method). */
interface Written {
  spec: string;
  line: number;
  /** For an action's rest: the action's name (whitelists name actions) and its own base, replacing the service's. */
  action?: string;
  base?: string;
}

export interface MoleculerGateway {
  path?: string;
  routes: Array<{ path?: string; aliases: Written[]; autoAliases: boolean; whitelist?: string[] }>;
}

export interface MoleculerService {
  name: string;
  version?: string;
  rest?: string;
  actions: Written[];
}

/** The gateways and services a file's Moleculer service schemas declare (ExtractedFile.moleculer). */
export function readMoleculerSchemas(sf: ts.SourceFile, out: ExtractedFile): void {
  // A service file often imports nothing of Moleculer (a plain schema object): its `actions` with `rest` tell it.
  const gatewayMixins = new Set(out.imports.filter((i) => i.source === 'moleculer-web').map((i) => i.local));
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n: ts.Node): void => {
    if (isObjectLiteralExpression(n)) {
      const gateway = readGateway(n, gatewayMixins, line);
      const service = gateway ? undefined : readService(n, line);
      // A schema with no action declaring rest serves nothing through a gateway.
      if (gateway) (out.moleculer ??= {}).gateways = [...(out.moleculer?.gateways ?? []), gateway];
      if (service) (out.moleculer ??= {}).services = [...(out.moleculer?.services ?? []), service];
      if (gateway || service) return;
    }
    forEachChild(n, visit);
  };
  visit(sf);
}

function readGateway(o: ts.ObjectLiteralExpression, mixins: ReadonlySet<string>, line: (n: ts.Node) => number): MoleculerGateway | undefined {
  const mixed = literalProp(o, 'mixins');
  const list = mixed && skipOuter(mixed);
  if (!list || !isArrayLiteralExpression(list) || !list.elements.some((e) => isIdentifier(skipOuter(e)) && mixins.has((skipOuter(e) as ts.Identifier).text))) return undefined;
  const settings = objectProp(o, 'settings');
  const routes = settings ? literalProp(settings, 'routes') : undefined;
  const items = routes && isArrayLiteralExpression(skipOuter(routes)) ? (skipOuter(routes) as ts.ArrayLiteralExpression).elements.map(skipOuter) : [];
  const path = settings ? literalText(literalProp(settings, 'path')) : undefined;
  return {
    ...(path !== undefined ? { path } : {}),
    routes: items.filter(isObjectLiteralExpression).map((r) => {
      const aliases = objectProp(r, 'aliases');
      const routePath = literalText(literalProp(r, 'path'));
      const whitelist = literalTexts(literalProp(r, 'whitelist'));
      return {
        ...(routePath !== undefined ? { path: routePath } : {}),
        aliases: (aliases?.properties ?? []).flatMap((p) => (isPropertyAssignment(p) && (isStringLiteral(p.name) || isIdentifier(p.name)) ? [{ spec: p.name.text, line: line(p) }] : [])),
        autoAliases: skipOuter(literalProp(r, 'autoAliases') ?? r).kind === ts.SyntaxKind.TrueKeyword,
        ...(whitelist ? { whitelist } : {}),
      };
    }),
  };
}

function readService(o: ts.ObjectLiteralExpression, line: (n: ts.Node) => number): MoleculerService | undefined {
  const name = literalText(literalProp(o, 'name'));
  const actions = objectProp(o, 'actions');
  if (name === undefined || !actions) return undefined;
  const versionNode = literalProp(o, 'version');
  const v = versionNode && skipOuter(versionNode);
  const version = v && isNumericLiteral(v) ? `v${v.text}` : literalText(versionNode);
  const settings = objectProp(o, 'settings');
  const rest = settings ? literalText(literalProp(settings, 'rest')) : undefined;
  const written = actions.properties.flatMap((a) => {
    const def = isPropertyAssignment(a) ? skipOuter(a.initializer) : undefined;
    const r = def && isObjectLiteralExpression(def) && published(def) ? literalProp(def, 'rest') : undefined;
    const action = isPropertyAssignment(a) && (isIdentifier(a.name) || isStringLiteral(a.name)) ? a.name.text : undefined;
    return r && action !== undefined ? restSpecs(skipOuter(r), action).map((spec) => ({ ...spec, line: line(a), action })) : [];
  });
  if (written.length === 0) return undefined;
  return { name, ...(version !== undefined ? { version } : {}), ...(rest !== undefined ? { rest } : {}), actions: written };
}

/** An action's `rest`: "GET /x", "/x", `{ method, path, basePath }` (no path: the action's name), or a list of them. */
function restSpecs(r: ts.Expression, action: string): Array<{ spec: string; base?: string }> {
  if (isArrayLiteralExpression(r)) return r.elements.flatMap((e) => restSpecs(skipOuter(e), action));
  const literal = literalText(r);
  if (literal !== undefined) return [{ spec: literal }];
  if (!isObjectLiteralExpression(r)) return [];
  const path = literalProp(r, 'path') ? literalText(literalProp(r, 'path')) : action;
  const method = literalText(literalProp(r, 'method'));
  const base = literalText(literalProp(r, 'basePath'));
  if (path === undefined) return [];
  return [{ spec: method === undefined ? path : `${method} ${path}`, ...(base !== undefined ? { base } : {}) }];
}

/** moleculer-web aliases only published actions (no `visibility`, or 'published'). */
function published(def: ts.ObjectLiteralExpression): boolean {
  const v = literalProp(def, 'visibility');
  return v === undefined || literalText(v) === 'published';
}

function objectProp(o: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralExpression | undefined {
  const v = literalProp(o, name);
  const x = v && skipOuter(v);
  return x && isObjectLiteralExpression(x) ? x : undefined;
}
