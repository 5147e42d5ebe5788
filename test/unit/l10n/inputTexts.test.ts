import assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { TrustInputError, UnknownServiceError } from '../../../src/core/errors';
import { normalizeOrigin, normalizeVariableName, trustFromCli } from '../../../src/core/probe/trust';
import { pseudoBundle, untranslated } from './pseudo';

/** What a bad runtimeDrift.* entry, a bad flag or an unknown service name throws. */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    assert.ok(err instanceof Error);
    return err;
  }
  assert.fail('no error thrown');
}

const SETTING = 'runtimeDrift.probe.allowedOrigins';

/** Each way a user's input is refused: settings entries, CLI flags and environment lists, service names. */
const REFUSALS: Array<() => unknown> = [
  () => normalizeOrigin('not a url', SETTING),
  () => normalizeOrigin('ftp://files.example', SETTING),
  () => normalizeOrigin('http://user:secret@api.example', SETTING),
  () => normalizeVariableName('1TOKEN', 'runtimeDrift.probe.tokenVariables'),
  () => trustFromCli({ allowOrigins: ['nope'], allowTokenEnvs: [] }, {}, undefined),
  () => trustFromCli({ allowOrigins: [], allowTokenEnvs: [] }, { RUNTIME_DRIFT_TOKEN_ENVS: 'A-B' }, undefined),
  () => {
    throw new UnknownServiceError(['apj'], ['api', 'web']);
  },
  () => {
    throw new UnknownServiceError(['api'], []);
  },
];

suite('input errors through the l10n bundle (settings, flags, service names)', () => {
  teardown(() => l10n.config({ contents: {} }));

  test('each refusal is English without a bundle and a translated message with one', () => {
    const english = REFUSALS.map((f) => thrown(f));
    for (const e of english) assert.match(e.message, /[a-z]{4,}/, 'an English sentence without a bundle');
    assert.ok(english.slice(0, 6).every((e) => e instanceof TrustInputError));
    l10n.config({ contents: pseudoBundle() });
    for (const [i, f] of REFUSALS.entries()) {
      const translated = thrown(f).message;
      assert.equal(untranslated(translated), '', `${english[i]?.message} -> ${translated}`);
    }
  });
});
