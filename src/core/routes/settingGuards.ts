// Registrations a server makes only when a setting says so: `if (process.env.ENABLE_ADMIN)
// app.use('/admin', admin)`, `config.get('feature.x') && router.get(...)`, `isDev ? [DevModule] :
// []` in a Nest module's imports, an early `if (!env.SWAGGER) return;` before the routes. The route
// is still listed (the scan cannot know what runs), with the condition as written so a warning can
// say that it exists only when the condition holds. Only tests that read the environment or the
// configuration count: any other `if` around a registration (a router factory's options,
// argConditions.ts; a constant flag, extract.ts) says nothing of where the server runs.
import ts from './compiler';
import { forEachChild, isBinaryExpression, isBlock, isCallExpression, isCaseClause, isConditionalExpression, isElementAccessExpression, isFunctionLike, isIdentifier, isIfStatement, isMethodDeclaration, isNumericLiteral, isPrefixUnaryExpression, isPropertyAccessExpression, isReturnStatement, isSourceFile, isStringLiteralLike, isThrowStatement } from './tsNodes';
import { paramOf } from './argConditions';
import { enclosingFunction, hasModifier } from './routeSyntax';
import { envVariableRead } from './envReads';
import { skipOuter } from './tsSyntax';
import type { GuardTest, SettingGuard } from './extracted';
import { readsConfig, testVariables } from './guardTest';

/** What the guard reader asks of the file it is in. */
export interface GuardContext {
  sf: ts.SourceFile;
  /** The initialiser of a `const` of the file a name stands for (`const admin = process.env.ADMIN === 'on'`). */
  constOf(name: string): ts.Expression | undefined;
  /** The module specifier a name is imported from. */
  importedFrom(name: string): string | undefined;
}

/** The environment objects, read by any key (`process.env[name]`). */
const ENV_ROOT = /^(?:process\.env|Bun\.env|import\.meta\.env|Deno\.env)\b/;
/**
 * A name that holds the server's settings: `config`, `appConfig`, `configService`, `ENV`,
 * `serverEnv`, `settings`, `featureFlags`. Not any object named for a config of something else
 * (`chartConfig.select`, `swaggerConfig`): those are data, not where the server runs.
 */
const SETTING_NAME =
  /^(?:(?:app|application|server|api|global|runtime|service|system|project|backend)_?)?(?:config|conf|cfg|configuration|settings?|env|environment)(?:_?service)?$|^(?:features?|feature_?flags?|feature_?toggles?|flags|toggles)$/i;
/** A name that tells the run mode: `isDev`, `isProduction`, `IS_DEBUG`, `isDevMode()`, `__DEV__`. */
const MODE_NAME = /^(?:is_?(?:dev|development|prod|production|test|testing|debug|local|demo|staging)|_*(?:dev|debug|prod|production)_*)(?:_?mode)?$/i;
/** A module of settings: `./config`, `@/config/env`, `../settings.js`. */
const SETTING_MODULE = /(?:^|[/.@-])(?:config|configs|configuration|env|environment|settings)(?:[/.-]|$)/i;
/** Longest condition quoted as written. */
const MAX_CODE = 100;

/**
 * The innermost condition on settings `node` runs under, up to the function holding it (a callback
 * handed to a call is passed through: `app.register(async (f) => ...)` inside the `if` runs under it):
 * an `if` branch, a `?:` branch, the right of `&&` / `||`, the statements after an `if (...) return`.
 */
export function settingGuardOf(node: ts.Node, cx: GuardContext): SettingGuard | undefined {
  let child: ts.Node = node;
  for (let at = node.parent as ts.Node | undefined; at !== undefined; child = at, at = at.parent as ts.Node | undefined) {
    if (isFunctionLike(at)) {
      if (isCallExpression(at.parent) && at.parent.arguments.some((a) => a === at)) continue;
      return undefined;
    }
    const found = guardAt(at, child, cx);
    if (found) return found;
  }
  return undefined;
}

/** The guard `at` puts on its part `child`, when `at` tests settings. */
function guardAt(at: ts.Node, child: ts.Node, cx: GuardContext): SettingGuard | undefined {
  if (isIfStatement(at) && child !== at.expression) return guard(at.expression, child === at.thenStatement, cx);
  if (isConditionalExpression(at) && child !== at.condition) return guard(at.condition, child === at.whenTrue, cx);
  if (isBinaryExpression(at) && child === at.right) {
    const op = at.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return guard(at.left, true, cx);
    if (op === ts.SyntaxKind.BarBarToken) return guard(at.left, false, cx);
    return undefined;
  }
  if (isBlock(at) || isSourceFile(at) || isCaseClause(at)) {
    // `if (!process.env.DOCS) return;` before: what follows runs only when that test fails.
    for (const st of at.statements) {
      if (st === child) break;
      if (isIfStatement(st) && !st.elseStatement && leaves(st.thenStatement)) {
        const g = guard(st.expression, false, cx);
        if (g) return g;
      }
    }
  }
  return undefined;
}

/** A `return` or `throw`, alone or ending a block. */
function leaves(st: ts.Statement): boolean {
  if (isReturnStatement(st) || isThrowStatement(st)) return true;
  const last = isBlock(st) ? st.statements[st.statements.length - 1] : undefined;
  return last !== undefined && (isReturnStatement(last) || isThrowStatement(last));
}

/** The guard of `test` holding (`holds`) or failing, when it reads a setting. */
function guard(test: ts.Expression, holds: boolean, cx: GuardContext): SettingGuard | undefined {
  if (!readsSetting(test, cx, 0)) return undefined;
  const written = codeOf(test, cx.sf);
  const x = skipOuter(test);
  const code = holds ? written : isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken ? codeOf(x.operand, cx.sf) : `!(${written})`;
  const line = cx.sf.getLineAndCharacterOfPosition(test.getStart(cx.sf)).line + 1;
  const value = testOf(test, cx, 0);
  return value && (testVariables(value).length > 0 || readsConfig(value)) ? { line, code, test: { value, holds } } : { line, code };
}

function codeOf(e: ts.Expression, sf: ts.SourceFile): string {
  const text = e.getText(sf).replace(/\s+/g, ' ');
  return text.length > MAX_CODE ? `${text.slice(0, MAX_CODE - 1)}…` : text;
}

/** Whether `e` reads the environment, the configuration or the run mode (through the file's constants too). */
function readsSetting(e: ts.Node, cx: GuardContext, depth: number): boolean {
  if (depth > 4) return false;
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found) return;
    if (isSettingRead(n, cx, depth)) {
      found = true;
      return;
    }
    if (!isFunctionLike(n)) forEachChild(n, walk);
  };
  walk(e);
  return found;
}

function isSettingRead(n: ts.Node, cx: GuardContext, depth: number): boolean {
  if (isPropertyAccessExpression(n) || isElementAccessExpression(n)) {
    const text = n.getText(cx.sf);
    if (ENV_ROOT.test(text)) return true;
    if (isPropertyAccessExpression(n) && (SETTING_NAME.test(n.name.text) || MODE_NAME.test(n.name.text))) return true;
    return false;
  }
  if (isCallExpression(n)) {
    if (envVariableRead(n, cx.sf) !== undefined) return true;
    // Express's `app.get('env')`: NODE_ENV as the app keeps it.
    const first = n.arguments[0];
    return isPropertyAccessExpression(n.expression) && n.expression.name.text === 'get' && first !== undefined && isStringLiteralLike(first) && first.text === 'env';
  }
  if (!isIdentifier(n)) return false;
  if (SETTING_NAME.test(n.text) || MODE_NAME.test(n.text) || isDynamicModuleOption(n)) return true;
  const source = cx.importedFrom(n.text);
  if (source !== undefined) return SETTING_MODULE.test(source);
  const init = cx.constOf(n.text);
  return init !== undefined && readsSetting(init, cx, depth + 1);
}

/**
 * A parameter of a Nest dynamic module's static builder (`static forRoot(options)`, `register`,
 * `forFeature` and their Async forms): the options the app configures the module with at start-up,
 * so a controller or import added under a test of them exists only in that configuration.
 */
function isDynamicModuleOption(id: ts.Identifier): boolean {
  for (let at: ts.Node | undefined = id.parent; at !== undefined; at = at.parent) {
    if (!isFunctionLike(at)) continue;
    if (!isMethodDeclaration(at) || !hasModifier(at, ts.SyntaxKind.StaticKeyword) || !isIdentifier(at.name) || !DYNAMIC_MODULE_BUILDER.test(at.name.text)) return false;
    return at.parameters.some((p) => isIdentifier(p.name) && p.name.text === id.text);
  }
  return false;
}

/** Nest's names for a dynamic module's static builders. */
const DYNAMIC_MODULE_BUILDER = /^(?:forRoot|register|forFeature)(?:Async)?$/;

/**
 * `e` as a test of environment variables and literals (through the file's constants): a variable
 * read (`process.env.DOCS`, `env('ADMIN')`), a literal, `!`, and `??`, `||`, `&&`, `===`, `!==`,
 * `==`, `!=`; undefined when it reads anything else.
 */
function testOf(e: ts.Expression, cx: GuardContext, depth: number): GuardTest | undefined {
  const x = skipOuter(e);
  if (depth > 6) return undefined;
  const variable = envVariableRead(x, cx.sf);
  if (variable !== undefined) return { env: variable };
  if (isStringLiteralLike(x)) return { lit: x.text };
  if (isNumericLiteral(x)) return { lit: Number(x.text) };
  if (x.kind === ts.SyntaxKind.TrueKeyword) return { lit: true };
  if (x.kind === ts.SyntaxKind.FalseKeyword) return { lit: false };
  if (x.kind === ts.SyntaxKind.NullKeyword) return { lit: null };
  const read = configRead(x, cx);
  if (read) return { read };
  if (isIdentifier(x)) {
    if (x.text === 'undefined') return { undef: true };
    const init = cx.constOf(x.text);
    return init !== undefined ? testOf(init, cx, depth + 1) : undefined;
  }
  if (isPrefixUnaryExpression(x) && x.operator === ts.SyntaxKind.ExclamationToken) {
    const operand = testOf(x.operand, cx, depth + 1);
    return operand && { not: operand };
  }
  const op = isBinaryExpression(x) ? OPERATORS.get(x.operatorToken.kind) : undefined;
  if (!op || !isBinaryExpression(x)) return undefined;
  const left = testOf(x.left, cx, depth + 1);
  const right = left && testOf(x.right, cx, depth + 1);
  return left && right ? { op, left, right } : undefined;
}

/**
 * `config.files.enable` on a binding imported from another module (`const config = require('./config')`,
 * `import settings from '../settings.js'`): the binding and the property path, for the join to read in
 * that file's exported object (configGuards.ts). On a settings-named parameter of a named function
 * (`function initialize(config)`), the function and the parameter's position too: the join reads it
 * in the imported object its callers give (ExtractedFile.importCalls).
 */
function configRead(e: ts.Expression, cx: GuardContext): Extract<GuardTest, { read: unknown }>['read'] | undefined {
  const path: string[] = [];
  let x = e;
  for (;;) {
    if (isPropertyAccessExpression(x)) path.unshift(x.name.text);
    else if (isElementAccessExpression(x) && isStringLiteralLike(x.argumentExpression)) path.unshift(x.argumentExpression.text);
    else break;
    x = skipOuter(x.expression);
  }
  if (path.length === 0 || !isIdentifier(x)) return undefined;
  if (cx.importedFrom(x.text) !== undefined) return { local: x.text, path };
  // `function initialize(config) { if (config.oauth) ... }`: a parameter of a named function, read in what its callers give.
  const param = SETTING_NAME.test(x.text) ? paramOf(x.text, x) : undefined;
  return param && param.prop === undefined ? { local: x.text, path, arg: { fn: param.fn, index: param.param } } : undefined;
}

const OPERATORS = new Map<ts.SyntaxKind, Extract<GuardTest, { op: string }>['op']>([
  [ts.SyntaxKind.QuestionQuestionToken, '??'],
  [ts.SyntaxKind.BarBarToken, '||'],
  [ts.SyntaxKind.AmpersandAmpersandToken, '&&'],
  [ts.SyntaxKind.EqualsEqualsEqualsToken, '==='],
  [ts.SyntaxKind.ExclamationEqualsEqualsToken, '!=='],
  [ts.SyntaxKind.EqualsEqualsToken, '=='],
  [ts.SyntaxKind.ExclamationEqualsToken, '!='],
]);

/**
 * Whether the function around `node` returns the name `router` itself (`return app`): a router it hands
 * back unmounted in another branch (`if (config.base_url) { wrap.use(config.base_url, app); return wrap; }
 * return app;`) is served whether or not a guarded mount of it is made; that mount only changes where.
 */
export function returnedUnmounted(node: ts.Node, router: string): boolean {
  const fn = enclosingFunction(node);
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found || (n !== fn?.body && isFunctionLike(n))) return;
    if (isReturnStatement(n) && n.expression && isIdentifier(skipOuter(n.expression)) && (skipOuter(n.expression) as ts.Identifier).text === router) found = true;
    else forEachChild(n, walk);
  };
  if (fn?.body) walk(fn.body);
  return found;
}
