import assert from 'node:assert/strict';
import { serviceDockerfile } from '../../../src/core/dockerfile/dockerfileName';
import { memFs } from '../helpers/memFs';

suite('dockerfileName: the file a build reads as its Dockerfile', () => {
  test('no file named: Dockerfile, else the lowercase dockerfile (Docker falls back to it)', async () => {
    const build = { context: '/c', dockerfile: '/c/Dockerfile', defaultDockerfile: true };
    assert.equal(await serviceDockerfile(memFs({ '/c/dockerfile': '' }), build), '/c/dockerfile');
    assert.equal(await serviceDockerfile(memFs({ '/c/dockerfile': '', '/c/Dockerfile': '' }), build), '/c/Dockerfile');
    assert.equal(await serviceDockerfile(memFs({}), build), '/c/Dockerfile');
  });

  test('a file named in compose is read as named, even Dockerfile itself', async () => {
    const fs = memFs({ '/c/dockerfile': '' });
    assert.equal(await serviceDockerfile(fs, { context: '/c', dockerfile: '/c/Dockerfile' }), '/c/Dockerfile');
  });
});
