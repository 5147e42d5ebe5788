import assert from 'node:assert/strict';
import { createSourceText, maskSource, readString, readStrings } from '../../../src/core/routes/sourceText';

suite('maskSource', () => {
  test('blanks comments, string contents and regex bodies, keeping length, quotes and newlines', () => {
    const text = "a('x') // c\n/* b\n */ r = /'/g; t = `q${f('y')}z`;";
    const code = maskSource(text);
    assert.equal(code.length, text.length);
    assert.equal(code.split('\n').length, text.split('\n').length);
    assert.equal(code, "a(' ')     \n    \n    r = / /g; t = ` ${f(' ')} `;");
  });

  test('a division is not mistaken for a regex', () => {
    assert.equal(maskSource("x = a / b / c; s = 'k'"), "x = a / b / c; s = ' '");
  });
});

suite('readString / readStrings', () => {
  test('reads literals from the original text, and refuses templates with substitutions', () => {
    const src = createSourceText("f('a\\'b', \"c\", `d`, `e${x}`, ['p', \"q\"], [k])");
    const at = (needle: string) => src.text.indexOf(needle);
    assert.deepEqual(readString(src, at("'a")), { value: "a'b", end: at(', "c"') });
    assert.equal(readString(src, at('"c'))?.value, 'c');
    assert.equal(readString(src, at('`d'))?.value, 'd');
    assert.equal(readString(src, at('`e')), undefined);
    assert.deepEqual(readStrings(src, at("['p")), ['p', 'q']);
    assert.equal(readStrings(src, at('[k')), undefined);
  });
});
