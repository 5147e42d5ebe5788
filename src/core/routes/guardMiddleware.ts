// Guard middleware: an Express-style `(req, res, next)` function mounted with `use` that either
// hands the request on (`next()` in some branch) or refuses it with an error status
// (`res.status(401).send(...)`, `res.sendStatus(403)`). It answers nothing of its own at its path:
// the routes after it do. Written in branches (`if (ok) { next(); } else { res.status(401)... }`),
// it is the same as the early-return form (`if (!ok) return res.status(401).send(); next();`).
// One handing the request to another function (`await oauth(req, res)`) may answer there: no guard.
import ts from './compiler';
import { forEachChild, isCallExpression, isIdentifier, isNumericLiteral, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment } from './tsNodes';
import { skipOuter } from './tsSyntax';

/** The methods of Express's response that answer the request. */
const ANSWERS = new Set(['send', 'json', 'end', 'sendStatus', 'status', 'redirect', 'render', 'sendFile', 'download', 'jsonp']);

/**
 * Whether a function's body calls `next()` (no argument) somewhere and every answer it gives through
 * `res` carries a status of 400 or more. False when it answers anything else, or never hands on.
 */
export function isGuardMiddleware(fn: ts.FunctionLikeDeclaration): boolean {
  const names = fn.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : ''));
  const [req, res, next] = names;
  if (!fn.body || !req || !res || !next) return false;
  let handsOn = false;
  let answersOk = false;
  const visit = (n: ts.Node): void => {
    if (answersOk) return;
    if (isCallExpression(n) && isIdentifier(n.expression) && n.expression.text === next && n.arguments.length === 0) handsOn = true;
    // The request handed to another function (`await oauth(req, res)`, `serve({ req, res })`): that function may answer it.
    if (isCallExpression(n) && n.arguments.some((a) => handsOver(a, req))) answersOk = true;
    const chain = isCallExpression(n) ? answerChain(n, res) : undefined;
    if (chain) {
      if (!chain.some((c) => errorStatus(c))) answersOk = true;
      return;
    }
    forEachChild(n, visit);
  };
  forEachChild(fn.body, visit);
  return handsOn && !answersOk;
}

/** Whether a call's argument is the request itself, or an object holding it (`{ req, res }`). */
function handsOver(arg: ts.Expression, req: string): boolean {
  const a = skipOuter(arg);
  if (isIdentifier(a)) return a.text === req;
  return isObjectLiteralExpression(a) && a.properties.some((p) => (isShorthandPropertyAssignment(p) ? p.name.text === req : isPropertyAssignment(p) && isIdentifier(skipOuter(p.initializer)) && (skipOuter(p.initializer) as ts.Identifier).text === req));
}

/** The calls of `res.status(401).send('x')` from the outermost, when `call` is that chain's last call on `res`. */
function answerChain(call: ts.CallExpression, res: string): ts.CallExpression[] | undefined {
  const calls: ts.CallExpression[] = [];
  let cur: ts.Expression = call;
  while (isCallExpression(cur) && isPropertyAccessExpression(skipOuter(cur.expression))) {
    const callee = skipOuter(cur.expression) as ts.PropertyAccessExpression;
    if (!ANSWERS.has(callee.name.text)) return undefined;
    calls.push(cur);
    cur = skipOuter(callee.expression);
  }
  return calls.length > 0 && isIdentifier(cur) && cur.text === res ? calls : undefined;
}

/** `status(401)`, `sendStatus(403)`: a literal status of 400 or more. */
function errorStatus(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression) as ts.PropertyAccessExpression;
  const code = call.arguments[0] && skipOuter(call.arguments[0]);
  return (callee.name.text === 'status' || callee.name.text === 'sendStatus') && !!code && isNumericLiteral(code) && Number(code.text) >= 400;
}
