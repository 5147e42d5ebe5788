import * as assert from 'node:assert/strict';
import { redact, redactDeep, secretValues } from '../../../src/core/redact';

suite('redact', () => {
  test('hides bearer tokens and Authorization headers', () => {
    assert.equal(redact('Authorization: Bearer abc.def-123'), 'Authorization: ***');
    assert.equal(redact('sent bearer eyJhbGciOi.x.y'), 'sent bearer ***');
  });

  test('hides values of secret-looking variables', () => {
    assert.equal(redact('API_TOKEN=s3cret-token PORT=3300'), 'API_TOKEN=*** PORT=3300');
    assert.equal(redact('DB_PASSWORD: "hunter2"'), 'DB_PASSWORD: ***');
  });

  test('hides known secret values wherever they appear', () => {
    assert.equal(redact('token is s3cret-token!', ['s3cret-token']), 'token is ***!');
  });

  test('leaves ordinary text alone', () => {
    const text = 'Step 3/4 : COPY dist ./dist\n ---> 9c1e2f3a4b5c';
    assert.equal(redact(text), text);
  });
});

suite('secretValues and redactDeep', () => {
  test('collects the allowed token variables and every variable whose name says secret, longest first', () => {
    const env = { API_TOKEN: 'tok-1234', CLOUD_KEY: 'cloud-key-value', DB_PASSWORD: 'hunter22', PORT: '3300', PWD: '/home/me/project', FLAG_TOKEN: '1', MY_VAR: 'plainvalue' };
    assert.deepEqual(secretValues(env, ['MY_VAR']), ['cloud-key-value', 'plainvalue', 'tok-1234', 'hunter22']);
  });

  test('a secret interpolated into any field of a report is blanked and the JSON stays valid', () => {
    const report = { services: [{ target: '/app/s3cr"et\\value', evidence: ['baseUrl http://u:s3cr"et\\value@h/'], n: 3, ok: true, none: null }] };
    const out = redactDeep(report, ['s3cr"et\\value']);
    assert.deepEqual(out, { services: [{ target: '/app/***', evidence: ['baseUrl http://u:***@h/'], n: 3, ok: true, none: null }] });
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(out)));
  });
});
