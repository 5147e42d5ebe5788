// Express serving a LoopBack 4 app under a path (LoopBack's recipe for mounting on Express): read
// on the parser side only (it walks the syntax tree); the prefix it gives is joined in collect.ts.
import type ts from './compiler';
import { joinRoutePath } from './joinPath';
import { isNoSubstitutionTemplateLiteral, isPropertyAccessExpression, isStringLiteral } from './tsNodes';
import { skipOuter } from './tsSyntax';

/**
 * Express serving a LoopBack 4 app under a path, LoopBack's own recipe for mounting on Express:
 * `app.use('/api', lbApp.requestHandler)`. The path, normalised, when the call is that mount.
 */
export function loopbackMountPath(call: ts.CallExpression): string | undefined {
  const [path, handler] = call.arguments;
  if (call.arguments.length !== 2 || !path || !handler) return undefined;
  const h = skipOuter(handler);
  const p = skipOuter(path);
  if (!isPropertyAccessExpression(h) || h.name.text !== 'requestHandler') return undefined;
  return isStringLiteral(p) || isNoSubstitutionTemplateLiteral(p) ? joinRoutePath(p.text) : undefined;
}
