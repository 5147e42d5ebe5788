import assert from 'node:assert/strict';
import { interpolate, interpolateDeep } from '../../../src/core/compose/interpolate';
import { UserInputError } from '../../../src/core/errors';
import { redact } from '../../../src/core/redact';

suite('compose interpolate', () => {
  const env = { TAG: 'v2', EMPTY: '', PORT: '3000' };

  test('replaces $VAR and ${VAR}', () => {
    assert.equal(interpolate('app:$TAG on ${PORT}', env), 'app:v2 on 3000');
  });

  test('an unset variable without default becomes the empty string', () => {
    assert.equal(interpolate('a${NOPE}b$NOPE', env), 'ab');
  });

  test(':- uses the default when unset or empty, - only when unset', () => {
    assert.equal(interpolate('${NOPE:-x}', env), 'x');
    assert.equal(interpolate('${EMPTY:-x}', env), 'x');
    assert.equal(interpolate('${EMPTY-x}', env), '');
    assert.equal(interpolate('${NOPE-x}', env), 'x');
    assert.equal(interpolate('${TAG:-x}', env), 'v2');
  });

  test('defaults may themselves interpolate', () => {
    assert.equal(interpolate('${NOPE:-${TAG}-fallback}', env), 'v2-fallback');
  });

  test(':+ and + give the alternative only when set', () => {
    assert.equal(interpolate('${TAG:+yes}', env), 'yes');
    assert.equal(interpolate('${EMPTY:+yes}', env), '');
    assert.equal(interpolate('${EMPTY+yes}', env), 'yes');
    assert.equal(interpolate('${NOPE+yes}', env), '');
  });

  test(':? and ? throw a UserInputError carrying the message', () => {
    assert.throws(
      () => interpolate('${DB_URL:?set DB_URL first}', env, 'services.api.environment.DB'),
      (e: unknown) =>
        e instanceof UserInputError &&
        e.message === 'required variable DB_URL is missing a value: set DB_URL first (in services.api.environment.DB)',
    );
    assert.throws(() => interpolate('${EMPTY:?no}', env), UserInputError);
    assert.equal(interpolate('${EMPTY?no}', env), '');
    assert.equal(interpolate('${TAG?no}', env), 'v2');
  });

  test("an error on a key named like a secret keeps its words once redacted: the key is never followed by ': word', which redact() hides as a value", () => {
    const messageOf = (text: string) => {
      try {
        interpolate(text, env, 'docker-compose.yml: services.db.environment.POSTGRES_PASSWORD');
      } catch (e) {
        return redact((e as Error).message);
      }
      return '';
    };
    assert.equal(messageOf('${PG_PASS:?Set PG_PASS in .env}'), 'required variable PG_PASS is missing a value: Set PG_PASS in .env (in docker-compose.yml: services.db.environment.POSTGRES_PASSWORD)');
    assert.equal(messageOf('${:x}'), 'invalid interpolation format for "${:x}" in docker-compose.yml: services.db.environment.POSTGRES_PASSWORD');
    assert.equal(messageOf('${PG_PASS'), 'invalid interpolation format for "${PG_PASS" (missing "}") in docker-compose.yml: services.db.environment.POSTGRES_PASSWORD');
  });

  test('$$ is a literal dollar, and a lone $ is kept', () => {
    assert.equal(interpolate('echo $$HOME costs 5$', env), 'echo $HOME costs 5$');
  });

  test('a malformed ${...} is a UserInputError', () => {
    assert.throws(() => interpolate('${1BAD}', env), UserInputError);
    assert.throws(() => interpolate('${TAG', env), UserInputError);
  });

  test('interpolateDeep changes string values in nested maps and lists, never keys', () => {
    const out = interpolateDeep({ $TAG: { list: ['${TAG}', 5, true, null], s: '$PORT' } }, env);
    assert.deepEqual(out, { $TAG: { list: ['v2', 5, true, null], s: '3000' } });
  });
});
