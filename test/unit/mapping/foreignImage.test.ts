// Images of another language built from a repository that also holds JavaScript: a Java service
// built with Gradle, a C++ binary made with CMake, a Python app under gunicorn map nothing; a front
// end served by nginx, an image copying a prebuilt output or a Go server embedding a built front end
// are not taken for one.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import { otherLanguageStart } from '../../../src/core/mapping/foreignImage';
import { parseDockerfile } from '../../../src/core/dockerfile/parse';
import { serverSourceRoots } from '../../../src/core/gather/workspaceFiles';
import { memFs } from '../helpers/memFs';
import { buildSpec } from '../helpers/buildSpec';

/** A repository whose root package.json holds tooling and a JavaScript server of its own under src/, beside `Dockerfile`. */
const repo = (dockerfile: string[], more: Record<string, string> = {}): Record<string, string> => ({
  '/ws/package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { express: '4' }, scripts: { start: 'node src/index.js' } }),
  '/ws/src/index.js': "const app = require('express')();\napp.get('/hello', (req, res) => res.send('hi'));\napp.listen(3000);\n",
  '/ws/src/basket/index.js': '',
  '/ws/services/pricing/build.gradle': '',
  '/ws/services/pricing/src/main/java/Pricing.java': '',
  '/ws/services/quotes/main.cpp': '',
  '/ws/Dockerfile': dockerfile.join('\n'),
  ...more,
});

const start = (lines: string[]): string | undefined => otherLanguageStart(parseDockerfile(lines.join('\n')), undefined);

suite('mapping: images running another language', () => {
  test('a Java service built with Gradle, started by the script installDist writes: no mapping, no server folder', async () => {
    const files = repo(['FROM eclipse-temurin:21-jdk AS build', 'WORKDIR /opt/svc', 'COPY ./services/pricing/ ./', 'RUN ./gradlew installDist', 'FROM eclipse-temurin:21-jre', 'WORKDIR /opt/svc', 'COPY --from=build /opt/svc/ ./', 'ENTRYPOINT ["./build/install/pricing/bin/Pricing"]']);
    assert.equal(await inferMapping(memFs(files), buildSpec()), undefined);
    assert.deepEqual(await serverSourceRoots(memFs(files), buildSpec()), []);
  });

  test('a C++ binary compiled with CMake on alpine (a library cloned for it), started through sh -c: no mapping, not even of a fetched source', async () => {
    const files = repo(['FROM alpine:3 AS base', 'FROM base AS build', 'RUN apk add cmake make g++ git', 'RUN git clone --depth 1 https://example.invalid/acme/tracing-cpp && cd tracing-cpp && cmake . && make install', 'WORKDIR /quotes', 'COPY ./services/quotes/ ./', 'RUN cmake . && make install', 'FROM base', 'COPY --from=build /usr/local /usr/local', 'ENTRYPOINT ["sh", "-c", "./usr/local/bin/quotes ${QUOTES_PORT}"]']);
    assert.equal(await inferMapping(memFs(files), buildSpec()), undefined);
    // The same read through any shell given -c, behind exec, its options clustered.
    assert.equal(start(['FROM alpine:3 AS build', 'RUN apk add cmake g++', 'COPY ./services/quotes/ ./', 'RUN cmake . && make install', 'FROM alpine:3', 'COPY --from=build /usr/local /usr/local', 'CMD ["exec", "/usr/local/bin/zsh", "-lc", "exec /usr/local/bin/quotes"]']), '/usr/local/bin/quotes');
  });

  test('a Python app under gunicorn copying the whole context: no mapping', async () => {
    const files = repo(['FROM python:3.12-slim', 'WORKDIR /srv', 'COPY . .', 'RUN pip install -r requirements.txt', 'CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]']);
    assert.equal(await inferMapping(memFs(files), buildSpec()), undefined);
    // The same context run by node: still mapped.
    assert.ok(await inferMapping(memFs(repo(['FROM node:22', 'WORKDIR /srv', 'COPY . .', 'RUN npm ci', 'CMD ["node", "src/index.js"]'])), buildSpec()));
  });

  test('a front end built by node and served by nginx, and a prebuilt output copied in, are not another language', async () => {
    const front = repo(['FROM node:22 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm run build', 'FROM nginx:alpine', 'COPY --from=build /app/dist /usr/share/nginx/html'], {
      '/ws/package.json': JSON.stringify({ name: 'shop-web', dependencies: { react: '18' }, devDependencies: { vite: '5' }, scripts: { build: 'vite build' } }),
    });
    assert.ok(await inferMapping(memFs(front), buildSpec()));
    assert.equal(start(['FROM nginx:alpine', 'COPY dist /usr/share/nginx/html', 'CMD ["nginx", "-g", "daemon off;"]']), undefined);
    assert.equal(start(['FROM alpine:3', 'RUN apk add --no-cache nodejs', 'COPY dist /app', 'CMD ["/app/server.js"]']), undefined);
  });

  test('what counts as the started program: the last of a chain, a runtime by name, a path only with a build of another language', () => {
    assert.equal(start(['FROM debian:12', 'COPY --from=ghcr.io/acme/release:1 /rel /app', 'CMD ["sh", "-c", "ulimit -n 4096 && exec /app/bin/server"]']), undefined);
    assert.equal(start(['FROM golang:1.22 AS build', 'RUN go build -o /out/api .', 'FROM debian:12', 'COPY --from=build /out/api /usr/bin/api', 'CMD ["sh", "-c", "ulimit -n 4096 && exec /usr/bin/api"]']), '/usr/bin/api');
    assert.equal(start(['FROM debian:12', 'RUN apt-get install -y openjdk-17-jre', 'CMD ["java", "-jar", "/app.jar"]']), 'java');
    // A bare command name is a shell's as often as a program's: not taken without a runtime's name.
    assert.equal(start(['FROM golang:1.22', 'RUN go build -o /usr/bin/api .', 'CMD ["envsubst"]']), undefined);
    // A Go server embedding a front end built by node: JavaScript is in the build.
    assert.equal(start(['FROM node:22 AS web', 'RUN npm run build', 'FROM golang:1.22 AS build', 'COPY --from=web /web/dist ./dist', 'RUN go build -o /out/api .', 'FROM scratch', 'COPY --from=build /out/api /api', 'ENTRYPOINT ["/api"]']), undefined);
  });
});
