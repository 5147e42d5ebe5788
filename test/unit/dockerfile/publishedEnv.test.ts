// A stage FROM an AWS Lambda base image that writes its paths with the variables that image sets
// (`WORKDIR ${LAMBDA_TASK_ROOT}`, `COPY server ${LAMBDA_TASK_ROOT}/server`): they are its
// publisher's documented values, /var/task and /var/runtime, not left as written. Fixtures of our own.
import assert from 'node:assert/strict';
import { publishedEnv } from '../../../src/core/dockerfile/publishedWorkdirs';
import { assertMapping } from '../mapping/assertMapping';

const files = (from: string, lines: string[]): Record<string, string> => ({
  '/ws/package.json': JSON.stringify({ name: 'api', dependencies: { express: '5' } }),
  '/ws/server/server.js': "const express = require('express');\nexpress().listen(3000);\n",
  '/ws/Dockerfile': [`FROM ${from}`, ...lines, 'ENTRYPOINT ["node", "server/server.js"]'].join('\n'),
});

suite('dockerfile: the ENV a published base image sets', () => {
  test('the Lambda images of every runtime, by either registry, with or without a tag or digest', () => {
    for (const ref of ['public.ecr.aws/lambda/nodejs:24', 'public.ecr.aws/lambda/provided:al2023', 'amazon/aws-lambda-nodejs:20', 'docker.io/amazon/aws-lambda-nodejs@sha256:00']) {
      assert.equal(publishedEnv(ref)?.get('LAMBDA_TASK_ROOT'), '/var/task', ref);
    }
    assert.equal(publishedEnv('node:22-alpine'), undefined);
    assert.equal(publishedEnv('acme/lambda-tools:1'), undefined);
  });

  test('WORKDIR ${LAMBDA_TASK_ROOT} with the server copied below it: the server in /var/task', async () => {
    const m = await assertMapping(files('public.ecr.aws/lambda/nodejs:22', ['WORKDIR ${LAMBDA_TASK_ROOT}', 'COPY package.json ./', 'COPY server ./server']), { sourceRoot: '/ws/server', target: '/var/task/server' });
    assert.ok(m.evidence.some((e) => e.includes('LAMBDA_TASK_ROOT=/var/task')), m.evidence.join('\n'));
  });

  test('an ENV of the Dockerfile itself still wins', async () => {
    await assertMapping(files('public.ecr.aws/lambda/nodejs:22', ['ENV LAMBDA_TASK_ROOT=/opt/fn', 'WORKDIR ${LAMBDA_TASK_ROOT}', 'COPY server ./server']), { sourceRoot: '/ws/server', target: '/opt/fn/server' });
  });
});
