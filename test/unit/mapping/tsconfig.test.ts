import assert from 'node:assert/strict';
import { parseJsonc, readTsConfig } from '../../../src/core/mapping/tsconfig';
import { memFs } from '../helpers/memFs';

suite('mapping tsconfig', () => {
  test('parseJsonc drops comments and trailing commas but not look-alikes inside strings', () => {
    const text = '{\n  // line\n  "url": "http://x//y", /* block */ "odd": "a,}",\n  "list": [1, 2, // c\n  ],\n}';
    assert.deepEqual(parseJsonc(text), { url: 'http://x//y', odd: 'a,}', list: [1, 2] });
  });

  test('parseJsonc reads a file saved with a byte-order mark (Windows editors), as tsc does', () => {
    assert.deepEqual(parseJsonc('\uFEFF{\n  "compilerOptions": { "outDir": "dist" }\n}'), { compilerOptions: { outDir: 'dist' } });
  });

  test('parseJsonc still rejects broken JSON', () => {
    assert.throws(() => parseJsonc('{"a": }'), SyntaxError);
  });

  test('paths resolve from the file that sets them; later configs override', async () => {
    const fs = memFs({
      '/ws/base/tsconfig.json': '{"compilerOptions":{"rootDir":"../app/src","outDir":"../app/old","noEmit":true}}',
      '/ws/app/tsconfig.json': '{"extends":["../base/tsconfig.json"],"compilerOptions":{"outDir":"dist","noEmit":false}}',
    });
    const info = await readTsConfig(fs, '/ws/app/tsconfig.json');
    assert.deepEqual(info, {
      file: '/ws/app/tsconfig.json',
      rootDir: { path: '/ws/app/src', from: '/ws/base/tsconfig.json' },
      outDir: { path: '/ws/app/dist', from: '/ws/app/tsconfig.json' },
      noEmit: false,
    });
  });

  test("${configDir} in a shared base config is the folder of the config that extends it (TypeScript 5.5)", async () => {
    const fs = memFs({
      '/ws/tsconfig.base.json': JSON.stringify({ compilerOptions: { outDir: '${configDir}/dist', rootDir: '${configDir}/src' }, include: ['${configDir}/src'] }),
      '/ws/apps/server/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json' }),
    });
    const info = await readTsConfig(fs, '/ws/apps/server/tsconfig.json');
    assert.equal(info?.outDir?.path, '/ws/apps/server/dist');
    assert.equal(info?.rootDir?.path, '/ws/apps/server/src');
    assert.equal(info?.includeRoot?.path, '/ws/apps/server/src');
  });

  test('package extends are not followed; a missing or broken file reads as absent', async () => {
    const fs = memFs({ '/a/tsconfig.json': '{"extends":"@tsconfig/node20/tsconfig.json"}', '/b/tsconfig.json': '{oops' });
    assert.deepEqual(await readTsConfig(fs, '/a/tsconfig.json'), { file: '/a/tsconfig.json' });
    assert.equal(await readTsConfig(fs, '/b/tsconfig.json'), undefined);
    assert.equal(await readTsConfig(fs, '/c/tsconfig.json'), undefined);
  });

  test('include naming one folder gives an include root; several folders give none', async () => {
    const fs = memFs({
      '/a/tsconfig.json': '{"include":["./src/**/*.ts","src/types.d.ts"]}',
      '/b/tsconfig.json': '{"include":["src","test"]}',
      '/c/tsconfig.json': '{"include":["src/backend/**/*"]}',
      '/d/tsconfig.json': '{"include":["./src/server/**/*.ts","src/shared/*.ts","src/types/env.d.ts"]}',
    });
    // the folders before the first wildcard: tsc finds no input above them
    assert.deepEqual((await readTsConfig(fs, '/c/tsconfig.json'))?.includeRoot, { path: '/c/src/backend', from: '/c/tsconfig.json' });
    assert.deepEqual((await readTsConfig(fs, '/d/tsconfig.json'))?.includeRoot, { path: '/d/src', from: '/d/tsconfig.json' });
    assert.deepEqual((await readTsConfig(fs, '/a/tsconfig.json'))?.includeRoot, { path: '/a/src', from: '/a/tsconfig.json' });
    assert.equal((await readTsConfig(fs, '/b/tsconfig.json'))?.includeRoot, undefined);
  });

  test("include entries in the config's own folder beside ones reaching above it give the own folder; the config's folder itself or no outside entry give none", async () => {
    const fs = memFs({
      '/a/server/tsconfig.json': '{"include":["src/**/*","../src/shared/**/*","../src/helpers/**/*"]}',
      '/b/api/tsconfig.json': '{"include":[".","../../test"]}',
      '/c/tsconfig.json': '{"include":["src","test"]}',
    });
    const a = await readTsConfig(fs, '/a/server/tsconfig.json');
    assert.equal(a?.includeRoot, undefined);
    assert.deepEqual(a?.ownIncludeRoot, { path: '/a/server/src', from: '/a/server/tsconfig.json' });
    assert.equal((await readTsConfig(fs, '/b/api/tsconfig.json'))?.ownIncludeRoot, undefined);
    assert.equal((await readTsConfig(fs, '/c/tsconfig.json'))?.ownIncludeRoot, undefined);
  });
});
