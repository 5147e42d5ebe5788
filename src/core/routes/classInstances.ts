// What an instance of a class holds, as far as paths need: the fields it is given a value when
// made (`apiPath = '/api'`, `this.prefix = '/v1'` in its constructor), its methods and getters,
// those of the classes it extends, and the instance a function declared to return the class gives
// (`load(): AppConfig`). One reading for `new Config()`, a declared return type and an instance a
// container hands out (`app.get(SettingsService)`, evaluator.ts heldInstance).
// A configuration class whose fields' defaults hold the API prefix reads so
// (`Config.Server.apiPath + '/users'`, the default recorded as other configuration defaults are).
import ts from './compiler';
import { isClassDeclaration, isConstructorDeclaration, isExpressionStatement, isBinaryExpression, isIdentifier, isIntersectionTypeNode, isPropertyAccessExpression, isPropertyDeclaration, isTypeReferenceNode } from './tsNodes';
import { NEW, SPREAD, str, type ConstValue } from './values';
import { skipOuter, extendedClass } from './tsSyntax';
import { hasModifier } from './routeSyntax';

/** The classes whose instance members are being read (instanceFields), on this thread. */
const reading = new Set<ts.ClassDeclaration>();

/** How many classes up an `extends` chain in one file an instance's fields are looked for. */
const MAX_BASES = 8;

/** What the evaluator around gives these readings. */
export interface ClassReader {
  evaluate(node: ts.Node | undefined, depth: number): ConstValue | undefined;
  /** The class declared in the file under that name. */
  localClass(name: string): ts.ClassDeclaration | undefined;
  /** What an instance's methods and getters give (evaluator.ts classMembers). */
  instanceMembers(cls: ts.ClassDeclaration, depth: number): Record<string, ConstValue>;
  /** Whether the name is imported from a file of the project (a relative path), not from a package. */
  projectImport(name: string): boolean;
}

/** The name of the class a class extends, when written as a plain name. */
export function extendedName(cls: ts.ClassLikeDeclaration): string | undefined {
  const base = extendedClass(cls);
  return base && isIdentifier(base) ? base.text : undefined;
}

/**
 * The fields of an instance of a class of the file: the inherited ones (a base class of the file
 * read the same way; an imported one as a reference to its instance, SPREAD), then its own fields'
 * initializers and the constructor's `this.x = ...`. Fields set elsewhere (a method, a file read at
 * run time) may be there too: none is known absent. Undefined when none is known.
 */
export function instanceFields(cls: ts.ClassDeclaration, reader: ClassReader, depth: number, bases = 0): ConstValue | undefined {
  const props: Record<string, ConstValue> = {};
  const base = extendedName(cls);
  const local = base !== undefined && bases < MAX_BASES ? reader.localClass(base) : undefined;
  const inherited = local ? instanceFields(local, reader, depth, bases + 1) : base !== undefined && reader.projectImport(base) ? str({ ref: { local: base, path: [NEW] } }) : undefined;
  if (inherited?.kind === 'obj') Object.assign(props, inherited.props);
  else if (inherited) props[SPREAD] = inherited;
  const set = (name: string, e: ts.Expression) => {
    const v = reader.evaluate(e, depth);
    if (v) props[name] = v;
  };
  for (const m of cls.members) {
    if (isPropertyDeclaration(m) && m.initializer && isIdentifier(m.name) && !hasModifier(m, ts.SyntaxKind.StaticKeyword)) set(m.name.text, m.initializer);
    if (!isConstructorDeclaration(m) || !m.body) continue;
    for (const st of m.body.statements) {
      const e = isExpressionStatement(st) ? skipOuter(st.expression) : undefined;
      if (!e || !isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const left = e.left;
      if (isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) set(left.name.text, e.right);
    }
  }
  // A method declared to return its own class (`clone(): Config`) is not read again inside itself.
  if (!reading.has(cls)) {
    reading.add(cls);
    try {
      Object.assign(props, reader.instanceMembers(cls, depth));
    } finally {
      reading.delete(cls);
    }
  }
  return Object.keys(props).length > 0 ? { kind: 'obj', props, other: { [SPREAD]: null } } : undefined;
}

/** An instance of the class a name stands for: its fields, for a class of the file; a reference to them, for one imported from the project. */
export function instanceOf(name: string, reader: ClassReader, depth: number): ConstValue | undefined {
  const local = reader.localClass(name);
  if (local) return instanceFields(local, reader, depth);
  return reader.projectImport(name) ? str({ ref: { local: name, path: [NEW] } }) : undefined;
}

/**
 * What a function declared to return a class gives (`static load(): AppConfig`, `(): AppConfig &
 * Loaded`): an instance of it, the first member of an intersection that is a class of the project.
 * Undefined for any other type (a package's, a promise, a type literal).
 */
export function declaredInstance(type: ts.TypeNode | undefined, reader: ClassReader, depth: number): ConstValue | undefined {
  const members = type && isIntersectionTypeNode(type) ? type.types : type ? [type] : [];
  for (const t of members) {
    const name = isTypeReferenceNode(t) && isIdentifier(t.typeName) && !t.typeArguments ? t.typeName.text : undefined;
    const made = name !== undefined ? instanceOf(name, reader, depth) : undefined;
    if (made) return made;
  }
  return undefined;
}

/** Whether a declaration is a class (for ClassReader.localClass). */
export function asClass(decl: unknown): ts.ClassDeclaration | undefined {
  return decl !== undefined && isClassDeclaration(decl as ts.Node) ? (decl as ts.ClassDeclaration) : undefined;
}
