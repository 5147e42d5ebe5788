import assert from 'node:assert/strict';
import { mergeEnv, parseDotenv } from '../../../src/core/compose/dotenv';

suite('compose .env', () => {
  test('reads KEY=VALUE, skipping comments and blank lines, honouring export', () => {
    const text = '# settings\n\nA=1\nexport B = two\nC=x # trailing comment\nD=has#hash\n';
    assert.deepEqual(parseDotenv(text), { A: '1', B: 'two', C: 'x', D: 'has#hash' });
  });

  test('single quotes are literal, double quotes take escapes and may span lines', () => {
    const text = "S='a $A \\n b'\nD=\"line1\\nline2 \\\"q\\\"\"\nM=\"one\ntwo\"\nA=1\n";
    const env = parseDotenv(text);
    assert.equal(env['S'], 'a $A \\n b');
    assert.equal(env['D'], 'line1\nline2 "q"');
    assert.equal(env['M'], 'one\ntwo');
  });

  test('unquoted and double-quoted values may use earlier variables', () => {
    assert.deepEqual(parseDotenv('HOST=db\nURL=postgres://${HOST}:5432\nQ="$HOST"'), {
      HOST: 'db',
      URL: 'postgres://db:5432',
      Q: 'db',
    });
  });

  test('CRLF line endings are accepted', () => {
    assert.deepEqual(parseDotenv('A=1\r\nB=2\r\n'), { A: '1', B: '2' });
  });

  test('the process environment wins over .env', () => {
    const merged = mergeEnv({ TAG: 'from-shell', UNSET: undefined }, { TAG: 'from-file', OTHER: 'x' });
    assert.equal(merged['TAG'], 'from-shell');
    assert.equal(merged['OTHER'], 'x');
    assert.equal('UNSET' in merged, false);
  });

  test('a value sees the process environment over an earlier line, and a redefined line its last value', () => {
    const text = 'TAG=file\nA=${TAG}\nB=1\nB=2\nC=${B}-${UNSET:-d}\nD=${B}';
    assert.deepEqual(parseDotenv(text, { TAG: 'shell', UNSET: undefined, B: undefined }), { TAG: 'file', A: 'shell', B: '2', C: '2-d', D: '2' });
  });
});
