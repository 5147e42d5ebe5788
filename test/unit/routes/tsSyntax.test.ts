import assert from 'node:assert/strict';
import ts from 'typescript';
import { forEachNodeLinkingParents } from '../../../src/core/routes/tsSyntax';

/** Every node of a tree in walk order, with the index of its parent in that order (-1: none). */
function parentIndexes(sf: ts.SourceFile): number[] {
  const nodes: ts.Node[] = [];
  const walk = (n: ts.Node): void => {
    nodes.push(n);
    ts.forEachChild(n, walk);
  };
  walk(sf);
  const at = new Map(nodes.map((n, i) => [n, i]));
  return nodes.map((n) => (n.parent ? (at.get(n.parent) ?? -2) : -1));
}

suite('forEachNodeLinkingParents', () => {
  const text = [
    "import { Router } from 'express';",
    'export const router = Router();',
    'class Api { path = `/v${1}`; constructor(private readonly app: App) { this.app.use(this.path, (req, res) => res.send({ ok: [1, 2] })); } }',
    'function register(r: Router, ...rest: string[]) { for (const x of rest) if (x) r.get(`/${x}`, async () => { await Promise.all([]); }); }',
    "type T<K extends string> = { [P in K]?: P } & Record<string, () => void>;",
    'export default { routes: [router as unknown as T<"a">] } satisfies object;',
  ].join('\n');
  const parse = (setParents: boolean, source = text) => ts.createSourceFile('/ws/x.ts', source, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, setParents, ts.ScriptKind.TS);

  test("links every node to the parent the parser's own pass sets, visiting each once, parents first", () => {
    const linked = parse(false);
    const seen: ts.Node[] = [];
    forEachNodeLinkingParents(linked, (n) => {
      assert.ok(n === linked || n.parent !== undefined, `${ts.SyntaxKind[n.kind]} visited before its parent was linked`);
      seen.push(n);
    });
    const expected = parentIndexes(parse(true));
    assert.deepEqual(parentIndexes(linked), expected);
    assert.equal(seen.length, expected.length);
    assert.equal(new Set(seen).size, seen.length);
  });

  test("a node its visit answers true for has its descendants linked, not visited (a type's nodes, for the reader's list of value nodes)", () => {
    const linked = parse(false);
    const seen = new Set<ts.Node>();
    forEachNodeLinkingParents(linked, (n) => {
      seen.add(n);
      return ts.isTypeNode(n);
    });
    assert.deepEqual(parentIndexes(linked), parentIndexes(parse(true)));
    const all: ts.Node[] = [];
    const walk = (n: ts.Node): void => {
      all.push(n);
      ts.forEachChild(n, walk);
    };
    walk(linked);
    const belowType = (n: ts.Node): boolean => n.parent !== undefined && (ts.isTypeNode(n.parent) || belowType(n.parent));
    assert.ok(all.some(belowType), 'the fixture has nodes inside types');
    for (const n of all) assert.equal(seen.has(n), !belowType(n), `${ts.SyntaxKind[n.kind]} at ${n.pos}`);
  });

  test('lists every call of the file in walk order, those inside a type its visit skips too (the readers find calls in a body by position: ReaderBase.callsWithin)', () => {
    const withCallInType = parse(false, `${text}\ntype K = { [key(1)]: string };`);
    const calls: ts.CallExpression[] = [];
    forEachNodeLinkingParents(withCallInType, (n) => ts.isTypeNode(n), calls);
    const expected: ts.Node[] = [];
    const walk = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) expected.push(n);
      ts.forEachChild(n, walk);
    };
    walk(withCallInType);
    assert.ok(expected.some((c) => ts.isCallExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === 'key'), 'the fixture has a call inside a type');
    assert.deepEqual(calls, expected);
    for (let i = 1; i < calls.length; i++) assert.ok((calls[i] as ts.Node).pos >= (calls[i - 1] as ts.Node).pos, 'in document order');
  });

  test('the parse it is meant for leaves the parents unset', () => {
    const bare = parse(false);
    assert.ok(parentIndexes(bare).slice(1).some((p) => p === -1));
  });
});
