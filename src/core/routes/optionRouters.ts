// Routers handed in as a field of an options object: `function createApp(options: AppOptions)`
// with `interface AppOptions { parent: Express }` (or a type alias, or a type literal written at
// the parameter), then `const { parent } = options; parent.get('/api/health', h)`,
// `options.parent.get(...)` or `({ parent }: AppOptions) => ...`. The field's declared type
// says it is an app or a router, as a parameter's own type does (declarations.ts readParameterType).
import ts from './compiler';
import { isIdentifier, isInterfaceDeclaration, isPropertySignature, isTypeAliasDeclaration, isTypeLiteralNode, isTypeReferenceNode } from './tsNodes';

/** The name a type reference ends with: `Express` of `Express` and of `express.Express`. */
function referencedName(type: ts.TypeNode): string | undefined {
  if (!isTypeReferenceNode(type)) return undefined;
  return isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
}

/** The members a type written at a parameter declares: its own literal, or a top-level interface or type alias of the file it names. */
function typeMembers(type: ts.TypeNode, sf: ts.SourceFile): readonly ts.TypeElement[] | undefined {
  if (isTypeLiteralNode(type)) return type.members;
  const name = referencedName(type);
  if (name === undefined) return undefined;
  for (const st of sf.statements) {
    if (isInterfaceDeclaration(st) && st.name.text === name) return st.members;
    if (isTypeAliasDeclaration(st) && st.name.text === name && isTypeLiteralNode(st.type)) return st.type.members;
  }
  return undefined;
}

/**
 * The fields of a parameter's options type declared as an app or a router (`isRouterType` of the
 * type's name): empty when the type is not one of the file's own or declares none.
 */
export function routerFields(type: ts.TypeNode | undefined, sf: ts.SourceFile, isRouterType: (name: string) => boolean): string[] {
  const members = type ? typeMembers(type, sf) : undefined;
  const out: string[] = [];
  for (const m of members ?? []) {
    if (!isPropertySignature(m) || !m.type || !isIdentifier(m.name)) continue;
    const typeName = referencedName(m.type);
    if (typeName !== undefined && isRouterType(typeName)) out.push(m.name.text);
  }
  return out;
}

/** The local names a destructuring pattern binds to those fields (`{ parent }`, `{ parent: app }`), nested patterns left out. */
export function boundFields(pattern: ts.ObjectBindingPattern, fields: readonly string[]): string[] {
  const out: string[] = [];
  for (const el of pattern.elements) {
    if (el.dotDotDotToken || !isIdentifier(el.name)) continue;
    const key = el.propertyName === undefined ? el.name.text : isIdentifier(el.propertyName) ? el.propertyName.text : undefined;
    if (key !== undefined && fields.includes(key)) out.push(el.name.text);
  }
  return out;
}
