import assert from 'node:assert/strict';
import { compactNames, groupModules, rungVariants } from '../../../src/core/report/moduleGroups';
import { moduleReport, rungs } from '../vscode/sampleReport';

suite('report text: modules that read alike', () => {
  test('modules are grouped by their rungs\' statuses, first failure and fix: failing groups first, then the largest', () => {
    const ok = (name: string) => moduleReport({ name });
    const noRoutes = (name: string) => moduleReport({ name, rungs: { ...rungs(), route: { status: 'skip', evidence: 'no routes' }, auth: { status: 'skip', evidence: 'no routes' } } });
    const failing = (name: string, fix: string) => moduleReport({ name, rungs: rungs('container'), firstFailure: 'container', fix });
    const groups = groupModules([ok('a'), noRoutes('b'), noRoutes('c'), failing('d', 'up -d api'), ok('e'), noRoutes('f'), failing('g', 'build api')]);
    assert.deepEqual(
      groups.map((g) => [g.failing, g.modules.map((m) => m.name)]),
      [
        [true, ['d']],
        [true, ['g']],
        [false, ['b', 'c', 'f']],
        [false, ['a', 'e']],
      ],
    );
  });

  test("a rung's evidence across a group: each distinct one with the modules saying it, most said first", () => {
    const say = (name: string, evidence: string) => moduleReport({ name, rungs: { ...rungs(), route: { status: 'skip', evidence } } });
    const variants = rungVariants([say('a', 'no routes'), say('b', 'not probed'), say('c', 'not probed')], 'route');
    assert.deepEqual(variants.map((v) => [v.evidence, v.modules.map((m) => m.name)]), [['not probed', ['b', 'c']], ['no routes', ['a']]]);
  });

  test('names under another named module are counted with it, at any depth; siblings sharing only a prefix are not', () => {
    assert.deepEqual(compactNames(['endpoints', 'endpoints/api', 'endpoints/api/admin', 'endpoints-old', 'utils/chats', 'x/y/z', 'x']), ['endpoints (+2 below)', 'endpoints-old', 'utils/chats', 'x (+1 below)']);
    assert.deepEqual(compactNames(['UsersModule', 'AuthModule']), ['UsersModule', 'AuthModule']);
  });
});
