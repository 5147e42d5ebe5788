import * as assert from 'node:assert/strict';
import { redact } from '../../../src/core/redact';

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
