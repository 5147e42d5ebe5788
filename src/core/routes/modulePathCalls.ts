// app-module-path (https://github.com/patrick-steele-idem/app-module-path-node): a file calling
// `require('app-module-path').addPath(__dirname)` makes every bare module name (`require('routes')`,
// `require('resources/user')`) resolve below that folder too, as a tsconfig's `baseUrl` does for
// TypeScript. module-alias (https://github.com/ilearnio/module-alias) has the same `addPath(dir)`
// (`require('module-alias').addPath('.')`). Read as the file writes it: the folder, relative to the
// file, of each call (modulePaths.ts turns them into aliases, apart from the compiler this reading needs).
import ts from './compiler';
import { isIdentifier, isPropertyAccessExpression } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { requireSource } from './moduleLoads';
import { dirnameJoin } from './routeSyntax';
import type { ExtractedFile } from './extracted';

const PACKAGES: ReadonlySet<string> = new Set(['app-module-path', 'module-alias']);
/**
 * The folder (relative to the file, '' for its own) a call `addPath(dir)` of app-module-path or module-alias adds,
 * on the package loaded in place or through a name bound to it (`const amp = require('app-module-path')`,
 * `import { addPath } from 'app-module-path'`); undefined for any other call or a folder not known statically.
 */
export function addedModulePath(call: ts.CallExpression, imports: ExtractedFile['imports'], text: (e: ts.Expression) => string | undefined): string | undefined {
  const callee = skipOuter(call.expression);
  const fromPackage = (local: string, imported: string) => imports.some((i) => i.local === local && PACKAGES.has(i.source) && i.imported === imported);
  const onPackage = isPropertyAccessExpression(callee) && callee.name.text === 'addPath' && (PACKAGES.has(requireSource(skipOuter(callee.expression)) ?? '') || (isIdentifier(skipOuter(callee.expression)) && fromPackage((skipOuter(callee.expression) as ts.Identifier).text, 'default')));
  const named = isIdentifier(callee) && fromPackage(callee.text, 'addPath');
  const arg = call.arguments[0];
  return (onPackage || named) && arg ? dirnameJoin(skipOuter(arg), text) : undefined;
}
