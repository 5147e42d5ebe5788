// The route parser bundle's text as the loader hands it to V8 (src/engine/routeParserLoader.ts):
// ASCII bytes read as Latin-1 (no UTF-8 decode of the 7 MB bundle), any other byte as UTF-8.
import * as assert from 'node:assert/strict';
import { sourceText } from '../../../src/engine/routeParserLoader';

suite('routeParserLoader sourceText', () => {
  test('ASCII bytes give the text UTF-8 would', () => {
    const text = "function f(a) { return a + '/v1'; }\n// a comment\n";
    assert.equal(sourceText(Buffer.from(text, 'utf8')), text);
  });

  test('a character beyond ASCII is decoded as UTF-8, not as Latin-1 bytes', () => {
    const text = "// routes under … are kept; https://midwayjs.org/docs/controller#全局路由前缀\nconst x = 'é';\n";
    assert.equal(sourceText(Buffer.from(text, 'utf8')), text);
  });
});
