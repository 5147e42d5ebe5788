import assert from 'node:assert/strict';
import { buildsForImage } from '../../../src/core/gather/imageDockerfile';
import { memFs } from '../helpers/memFs';

const FROM = 'FROM node\n';

suite('imageDockerfile: the Dockerfile that builds a prebuilt image', () => {
  test("a folder's lowercase dockerfile, with no Dockerfile beside it, is what `docker build` of that folder reads", async () => {
    const fs = memFs({ '/p/docker/worker/dockerfile': FROM, '/p/package.json': '{}' });
    assert.deepEqual(await buildsForImage(fs, 'shop-worker', '/p', { projectWords: ['shop'], namesProject: false }), [
      { context: '/p', dockerfile: '/p/docker/worker/dockerfile' },
      { context: '/p/docker/worker', dockerfile: '/p/docker/worker/dockerfile' },
    ]);
  });

  test("the root's lowercase dockerfile for an image named like the project; Dockerfile first when both are there", async () => {
    const lower = memFs({ '/p/dockerfile': FROM, '/p/Dockerfile.dev': FROM });
    assert.deepEqual(await buildsForImage(lower, 'shop', '/p', { projectWords: ['shop'], namesProject: true }), [{ context: '/p', dockerfile: '/p/dockerfile' }]);
    const both = memFs({ '/p/dockerfile': FROM, '/p/Dockerfile': FROM });
    assert.deepEqual(await buildsForImage(both, 'shop', '/p', { projectWords: ['shop'], namesProject: true }), [{ context: '/p', dockerfile: '/p/Dockerfile' }]);
  });
});
