// A settings module that loads its defaults from a YAML file of the repository by a literal path
// (`context.defaults = yaml.safeLoad(fs.readFileSync('defaults.yml', 'utf8'))`) and builds what it
// exports from them at run time (merged with other files, run through a list of steps): a guard's
// read of that export (`if (!settings.files.enable) return;`) is the file's value when nothing else
// is set, as node-config's defaults are (nodeConfig.ts). A YAML file it loads only under a test
// (`if (fs.existsSync('settings.yml'))`) may override them: the join reads the defaults only when
// the tree has none of those (collect.ts guardRead). Paths are as written: the working folder's.
import ts from './compiler';
import { forEachChild, isBlock, isCallExpression, isConditionalExpression, isExpressionStatement, isIdentifier, isIfStatement, isPropertyAccessExpression, isStringLiteralLike, isVariableStatement, isBinaryExpression, isSourceFile } from './tsNodes';
import { skipOuter } from './tsSyntax';
import type { ExtractedImport, YamlDefaults } from './extracted';

/** The packages parsing YAML text, and their functions that do. */
const YAML_PARSERS: Readonly<Record<string, readonly string[]>> = { 'js-yaml': ['load', 'safeLoad'], yaml: ['parse'] };

const YAML_PATH = /\.ya?ml$/i;

/** The YAML files the file parses, the one it loads unconditionally and those it loads under a test; undefined unless exactly one is unconditional. */
export function readYamlDefaults(sf: ts.SourceFile, imports: readonly ExtractedImport[]): YamlDefaults | undefined {
  const sure: string[] = [];
  const optional: string[] = [];
  const visit = (n: ts.Node): void => {
    if (isCallExpression(n) && isYamlParse(n, imports)) {
      const file = n.arguments[0] && yamlFileOf(n.arguments[0], n);
      if (file !== undefined) (underTest(n) ? optional : sure).push(file);
    }
    forEachChild(n, visit);
  };
  visit(sf);
  const defaults = sure[0];
  return sure.length === 1 && defaults !== undefined ? { file: defaults, optional: optional.filter((f) => f !== defaults) } : undefined;
}

/** `yaml.safeLoad(x)`, `YAML.parse(x)`, `load(x)` of a YAML package imported by this file. */
function isYamlParse(call: ts.CallExpression, imports: readonly ExtractedImport[]): boolean {
  const callee = skipOuter(call.expression);
  const local = isPropertyAccessExpression(callee) && isIdentifier(callee.expression) ? callee.expression.text : isIdentifier(callee) ? callee.text : undefined;
  const fn = isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const imp = imports.find((i) => i.local === local);
  const parsers = imp && YAML_PARSERS[imp.source];
  if (!imp || !parsers || call.arguments.length === 0) return false;
  // A namespace or default import called by member; a named import called by its name.
  return fn !== undefined ? (imp.imported === 'default' || imp.imported === '*') && parsers.includes(fn) : parsers.includes(imp.imported);
}

/** The literal YAML path read by `readFileSync('x.yml')` given here, or through a name the same block set to one just before. */
function yamlFileOf(arg: ts.Expression, at: ts.Node): string | undefined {
  const e = skipOuter(arg);
  if (isCallExpression(e)) return readFileLiteral(e);
  if (!isIdentifier(e)) return undefined;
  let statement: ts.Node = at;
  while (statement.parent && !isBlock(statement.parent) && !isSourceFile(statement.parent)) statement = statement.parent;
  const block = statement.parent as ts.Block | ts.SourceFile | undefined;
  if (!block) return undefined;
  const before = block.statements.slice(0, block.statements.indexOf(statement as ts.Statement)).reverse();
  for (const s of before) {
    const set = setTo(s, e.text);
    if (set !== undefined) return set === null ? undefined : readFileLiteral(set);
  }
  return undefined;
}

/** What a statement sets `name` to (`var name = x`, `name = x`): the expression, null when it sets it to nothing known, undefined when it does not set it. */
function setTo(s: ts.Statement, name: string): ts.Expression | null | undefined {
  if (isVariableStatement(s)) {
    const d = s.declarationList.declarations.find((v) => isIdentifier(v.name) && v.name.text === name);
    return d ? (d.initializer ? skipOuter(d.initializer) : null) : undefined;
  }
  if (isExpressionStatement(s) && isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = skipOuter(s.expression.left);
    if (isIdentifier(left) && left.text === name) return skipOuter(s.expression.right);
  }
  return undefined;
}

/** `fs.readFileSync('defaults.yml', 'utf8')` (or a bare `readFileSync`): its literal YAML path. */
function readFileLiteral(e: ts.Expression): string | undefined {
  if (!isCallExpression(e)) return undefined;
  const callee = skipOuter(e.expression);
  const name = isPropertyAccessExpression(callee) ? callee.name.text : isIdentifier(callee) ? callee.text : undefined;
  const first = e.arguments[0] && skipOuter(e.arguments[0]);
  return name === 'readFileSync' && first && isStringLiteralLike(first) && YAML_PATH.test(first.text) ? first.text : undefined;
}

/** Whether the node runs only under a test: in an `if`'s branch, a `?:` branch, the right of `&&`, `||` or `??`. */
function underTest(node: ts.Node): boolean {
  for (let child = node, at = node.parent; at; child = at, at = at.parent) {
    if (isIfStatement(at) && child !== at.expression) return true;
    if (isConditionalExpression(at) && child !== at.condition) return true;
    if (isBinaryExpression(at) && child === at.right && LAZY.has(at.operatorToken.kind)) return true;
  }
  return false;
}

const LAZY = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);
