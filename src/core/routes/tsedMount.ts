// Ts.ED: a server class decorated `@Configuration({ mount: { '/rest': [UsersCtrl, ...] } })` (from
// @tsed/di or @tsed/common) serves the controllers it lists under the path each key names;
// controllers carry Nest-like @Controller/@Get decorators (nestControllers.ts).
import ts from './compiler';
import { isIdentifier, isObjectLiteralExpression, isPropertyAssignment, isStringLiteral, isNoSubstitutionTemplateLiteral } from './tsNodes';
import { skipOuter } from './tsSyntax';

/** The packages whose `Configuration` decorator configures a Ts.ED server. */
export const TSED_CONFIGURATION = /^@tsed\/(?:di|common)$/;

/**
 * The paths a Ts.ED configuration object mounts its controllers at (the keys of its `mount`
 * object): undefined when it has no `mount`, '' for a key that is no literal.
 */
export function tsedMountPaths(options: ts.Expression): string[] | undefined {
  const o = skipOuter(options);
  if (!isObjectLiteralExpression(o)) return undefined;
  const mount = o.properties.find((p) => isPropertyAssignment(p) && isIdentifier(p.name) && p.name.text === 'mount');
  const value = mount && isPropertyAssignment(mount) ? skipOuter(mount.initializer) : undefined;
  if (!value || !isObjectLiteralExpression(value)) return undefined;
  return value.properties.map((p) => (isPropertyAssignment(p) && (isStringLiteral(p.name) || isNoSubstitutionTemplateLiteral(p.name) || isIdentifier(p.name)) ? p.name.text : ''));
}
