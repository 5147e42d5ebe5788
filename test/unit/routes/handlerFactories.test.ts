// A handler made by a call of another file's function, mounted at a path (`app.use('/files/:file',
// serveFiles())`): every method answers there (fileExports.ts makesRequestHandler, collect.ts
// addEndpointRoutes). Fixtures of our own.
import * as assert from 'node:assert/strict';
import { collectRoutes } from '../helpers/collectText';

const collect = (files: Record<string, string>) =>
  collectRoutes(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { moduleOf: () => undefined, aliases: [], settings: {} },
  ).routes.map((r) => `${r.method} ${r.path}`).sort();

const server = ["import express from 'express';", "import { sendDoc } from './docs';", 'const app = express();', "app.use('/docs/:name', sendDoc());", "app.get('/health', (req, res) => res.send('ok'));", 'app.listen(3000);'].join('\n');

const docs = (handler: string) => ["import path from 'node:path';", "import type { Request, Response, NextFunction } from 'express';", `export function sendDoc () {\n  return ${handler}\n}`].join('\n');

suite('a handler made by a function of another file, mounted at a path', () => {
  test('one that answers, or ends the request with an error, answers every method at the path', () => {
    const handler = "({ params }: Request, res: Response, next: NextFunction) => {\n    if (!params.name.includes('/')) {\n      res.sendFile(path.resolve('docs', params.name));\n    } else {\n      res.status(403);\n      next(new Error('no slashes'));\n    }\n  }";
    assert.deepEqual(collect({ '/s/server.ts': server, '/s/docs.ts': docs(handler) }), ['ALL /docs/:name', 'GET /health']);
  });

  test('middleware that hands the request on (next()) is none', () => {
    const handler = "(req: Request, res: Response, next: NextFunction) => {\n    res.locals.doc = path.resolve('docs', req.params.name);\n    next();\n  }";
    assert.deepEqual(collect({ '/s/server.ts': server, '/s/docs.ts': docs(handler) }), ['GET /health']);
  });

  test("one handing next to a helper declared beside it, which names it only to end the request with an error, answers every method at the path", () => {
    const helper = (body: string) =>
      docs("({ params }: Request, res: Response, next: NextFunction) => {\n    check(params.name, res, next);\n  }\n  function check (name: string, res: Response, fail: NextFunction) {\n" + body + "\n  }");
    const answers = helper("    if (name.endsWith('.md')) res.sendFile(path.resolve('docs', name));\n    else fail(new Error('only .md'));");
    assert.deepEqual(collect({ '/s/server.ts': server, '/s/docs.ts': answers }), ['ALL /docs/:name', 'GET /health']);
    const handsOn = helper("    if (name.endsWith('.md')) res.sendFile(path.resolve('docs', name));\n    else fail();");
    assert.deepEqual(collect({ '/s/server.ts': server, '/s/docs.ts': handsOn }), ['GET /health'], 'a helper calling next() hands the request on');
  });
});
