import * as assert from 'node:assert/strict';
import { parseArgs, UsageError, USAGE } from '../../../src/cli/args';
import { EXIT } from '../../../src/cli/main';

suite('cli: parseArgs', () => {
  test('check with repeated --service, --json and --no-probe', () => {
    const a = parseArgs(['check', '--workspace', '/ws', '--service', 'api', '-s', 'web', '--json', '--no-probe'], '/cwd');
    assert.equal(a.command, 'check');
    assert.equal(a.workspace, '/ws');
    assert.deepEqual(a.services, ['api', 'web']);
    assert.equal(a.json, true);
    assert.equal(a.probe, false);
  });

  test('--verbose asks the text report for the full listing; off by default, and named in --help', () => {
    assert.equal(parseArgs(['check'], '/cwd').verbose, false);
    assert.equal(parseArgs(['check', '--verbose'], '/cwd').verbose, true);
    assert.equal(parseArgs(['rebuild', 'api', '--verbose'], '/cwd').verbose, true);
    assert.match(USAGE, /check .*\[--json \| --verbose\]/);
    assert.match(USAGE, /--verbose lists every\s+module's rungs, every route and every warning/);
  });

  test('defaults: workspace is the cwd, probes on, GET/HEAD only (no extra methods)', () => {
    const a = parseArgs(['check'], '/cwd');
    assert.equal(a.workspace, '/cwd');
    assert.equal(a.probe, true);
    assert.deepEqual(a.extraMethods, []);
    assert.equal(a.listing, 'auto');
  });

  test('--listing archive keeps every process out of containers; other values are refused', () => {
    assert.equal(parseArgs(['check', '--listing', 'archive'], '/cwd').listing, 'archive');
    assert.equal(parseArgs(['check', '--listing=auto'], '/cwd').listing, 'auto');
    assert.throws(() => parseArgs(['check', '--listing', 'exec'], '/cwd'), /--listing takes auto or archive/);
  });

  test('--flag=value form and opt-in methods', () => {
    const a = parseArgs(['check', '--workspace=/x', '--probe-method=post'], '/cwd');
    assert.equal(a.workspace, '/x');
    assert.deepEqual(a.extraMethods, ['POST']);
  });

  test('rebuild takes exactly one service', () => {
    assert.deepEqual(parseArgs(['rebuild', 'api'], '/cwd').services, ['api']);
    assert.throws(() => parseArgs(['rebuild'], '/cwd'), UsageError);
    assert.throws(() => parseArgs(['rebuild', 'a', 'b'], '/cwd'), UsageError);
  });

  test('unknown commands, options and bad values are usage errors', () => {
    assert.throws(() => parseArgs(['deploy'], '/cwd'), /unknown command deploy/);
    assert.throws(() => parseArgs(['check', '--frobnicate'], '/cwd'), /unknown option --frobnicate/);
    assert.throws(() => parseArgs(['check', '--timeout', '-5'], '/cwd'), UsageError);
    assert.throws(() => parseArgs(['check', '--probe-method', 'BREW'], '/cwd'), /unknown method BREW/);
    assert.throws(() => parseArgs(['check', '--workspace'], '/cwd'), /--workspace needs a value/);
  });

  test('no command prints help', () => {
    assert.equal(parseArgs([], '/cwd').command, 'help');
    assert.equal(parseArgs(['check', '--help'], '/cwd').command, 'help');
  });

  test('--help names every exit code check returns', () => {
    const codes = USAGE.slice(USAGE.indexOf('exit codes:'));
    for (const code of Object.values(EXIT)) assert.match(codes, new RegExp(`\\b${code} [a-z]`), `exit code ${code}`);
  });
});
