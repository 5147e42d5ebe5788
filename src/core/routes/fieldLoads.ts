// A class that keeps a loaded module in a field set in one method and mounts it in another:
//
//   class Modules {
//     init() { this.events = require('./events/route'); this.stats = require('./stats').route; }
//     use(app) { app.use('/events', this.events); app.use('/stats', this.stats); }
//   }
//
// Each field of the file's classes set to exactly one module load (`require('./x')`, a member of
// one, or a member of another such field: `this.rasa = require('./rasa'); this.route =
// this.rasa.router`) is taken for an import named `this.<field>`, so that a mount of `this.events`
// resolves to that module (collect.ts resolveMount) as a mount of an imported name does. Clearing
// the field (`this.events = undefined`) is no other value; any other value makes the field unknown.
import ts from './compiler';
import { forEachChild, isBinaryExpression, isClassDeclaration, isFunctionDeclaration, isFunctionExpression, isIdentifier, isPropertyAccessExpression } from './tsNodes';
import { skipOuter } from './tsSyntax';
import { loadedModule } from './moduleLoads';
import type { ExtractedImport } from './extracted';

type Load = { source: string; imported: string };

/** The field of `this` an expression names (`this.events` -> 'events'). */
function thisField(e: ts.Expression): string | undefined {
  const x = skipOuter(e);
  return isPropertyAccessExpression(x) && x.expression.kind === ts.SyntaxKind.ThisKeyword ? x.name.text : undefined;
}

function isCleared(e: ts.Expression): boolean {
  const x = skipOuter(e);
  return x.kind === ts.SyntaxKind.NullKeyword || (isIdentifier(x) && x.text === 'undefined');
}

/** Every `this.<field> = <value>` of a class's members, not inside a nested `function` (whose `this` is another). */
function fieldAssignments(cls: ts.ClassDeclaration): Array<{ field: string; value: ts.Expression }> {
  const out: Array<{ field: string; value: ts.Expression }> = [];
  const walk = (n: ts.Node): void => {
    if (isFunctionDeclaration(n) || isFunctionExpression(n)) return;
    if (isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const field = thisField(n.left);
      if (field !== undefined) out.push({ field, value: n.right });
    }
    forEachChild(n, walk);
  };
  for (const m of cls.members) forEachChild(m, walk);
  return out;
}

/** The module load a value is, directly or as a member of another field's load. */
function loadOf(value: ts.Expression, loads: ReadonlyMap<string, Load | null>): Load | undefined {
  const direct = loadedModule(skipOuter(value));
  if (direct) return { source: direct.source, imported: direct.imported };
  const x = skipOuter(value);
  if (!isPropertyAccessExpression(x)) return undefined;
  const owner = thisField(x.expression);
  const base = owner !== undefined ? loads.get(owner) : undefined;
  // A member of a module's default (its CommonJS exports) is that export.
  return base && base.imported === 'default' ? { source: base.source, imported: x.name.text } : undefined;
}

/** Imports named `this.<field>` for the fields of the file's classes that hold one module load (null marks a field with another value). */
export function fieldLoads(sf: ts.SourceFile): ExtractedImport[] {
  const out: ExtractedImport[] = [];
  for (const st of sf.statements) {
    if (!isClassDeclaration(st)) continue;
    const assigned = fieldAssignments(st).filter((a) => !isCleared(a.value));
    const loads = new Map<string, Load | null>();
    // Two passes: a member of another field's load (`this.rasa.router`) may be set before that field is read.
    for (let pass = 0; pass < 2; pass++)
      for (const { field, value } of assigned) {
        const load = loadOf(value, loads);
        const known = loads.get(field);
        if (!load) loads.set(field, pass === 0 ? null : (known ?? null));
        else if (known === undefined || known === null || (known.source === load.source && known.imported === load.imported)) loads.set(field, load);
      }
    for (const [field, load] of loads) {
      const values = assigned.filter((a) => a.field === field).map((a) => loadOf(a.value, loads));
      if (load && values.every((v) => v && v.source === load.source && v.imported === load.imported)) out.push({ local: `this.${field}`, imported: load.imported, source: load.source });
    }
  }
  return out;
}
