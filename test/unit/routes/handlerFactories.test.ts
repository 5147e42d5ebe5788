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

// The module's own function makes the handler (`module.exports = (opts) => function (req, res) {...}`),
// mounted as a call of the loaded module (`app.use('/settings.json', require('./settings')(opts))`).
const cjsServer = ["const express = require('express');", 'const app = express();', "app.use('/settings.json', require('./settings')({ theme: 'dark' }));", "app.get('/health', (req, res) => res.send('ok'));", 'app.listen(3000);'].join('\n');

suite("a handler made by a module's default-exported function, mounted as a call of the loaded module", () => {
  test('one that answers the request answers every method at the path', () => {
    const arrow = 'module.exports = (opts) => function settings(req, res, _next) {\n  res.json({ theme: opts.theme });\n};';
    assert.deepEqual(collect({ '/s/server.js': cjsServer, '/s/settings.js': arrow }), ['ALL /settings.json', 'GET /health']);
    const returned = 'module.exports = function (opts) {\n  return async (req, res) => {\n    res.json(opts);\n  };\n};';
    assert.deepEqual(collect({ '/s/server.js': cjsServer, '/s/settings.js': returned }), ['ALL /settings.json', 'GET /health']);
  });

  test('middleware that hands the request on (next()) is none', () => {
    const handsOn = 'module.exports = (opts) => function settings(req, res, next) {\n  res.locals.theme = opts.theme;\n  next();\n};';
    assert.deepEqual(collect({ '/s/server.js': cjsServer, '/s/settings.js': handsOn }), ['GET /health']);
  });
});

// The handler sits behind a field of the app assigned from a module's factory (`app.kit.handlers =
// require('./handlers')(app)`), a factory returning an object literal of handlers each made by a
// further module's factory (`settings: require('./settings')(app)`), whose body returns the handler
// after statements of its own; mounted through the field (`app.use('/settings.json', app.kit.handlers.settings)`).
const fieldServer = (mounted: string) =>
  ["const express = require('express');", 'const app = express();', 'app.kit = {};', "app.kit.handlers = require('./handlers/index')(app);", `app.use('/settings.json', ${mounted});`, "app.get('/health', (req, res) => res.send('ok'));", 'app.listen(3000);'].join('\n');
const handlersIndex = "'use strict';\nmodule.exports = function (app) {\n  return {\n    settings: require('./settings')(app),\n    guard: require('./guard')(app),\n  };\n};";
const settingsFactory = "module.exports = function (app) {\n  const shown = {};\n  if (app.kit.visible) {\n    shown.theme = 'dark';\n  }\n  return function settings(req, res, _next) {\n    return res.json({ shown });\n  };\n};";
const guardFactory = "module.exports = function (app) {\n  return function guard(req, res, next) {\n    res.locals.app = app;\n    next();\n  };\n};";

suite("a handler held in a field assigned from a module's factory returning an object of handlers", () => {
  const files = (mounted: string) => ({ '/s/server.js': fieldServer(mounted), '/s/handlers/index.js': handlersIndex, '/s/handlers/settings.js': settingsFactory, '/s/handlers/guard.js': guardFactory });
  test('the member made by a factory returning a handler after statements of its own answers every method at the path', () => {
    assert.deepEqual(collect(files('app.kit.handlers.settings')), ['ALL /settings.json', 'GET /health']);
  });

  test('a member that is middleware handing the request on is none', () => {
    assert.deepEqual(collect(files('app.kit.handlers.guard')), ['GET /health']);
  });
});

// A handler exported as what a wrapper call makes of it (`export const uploadAvatar =
// wrap({ auth: true }, async (req, res) => {...})`), mounted with a path by a router of another file
// (`router.use('/avatar', uploadAvatar)`): the wrapper hands the request to it.
const wrappedRouter = ["import { Router } from 'express';", "import { uploadAvatar, stamp } from './avatar';", 'export const profileRouter = Router();', "profileRouter.use('/avatar', uploadAvatar);", "profileRouter.use('/stamp', stamp);", "profileRouter.get('/me', (req, res) => res.json({}));"].join('\n');
const wrappedServer = ["import express from 'express';", "import { profileRouter } from './profile';", 'const app = express();', "app.use('/profile', profileRouter);", 'app.listen(3000);'].join('\n');
const wrappedHandlers = (avatar: string) =>
  ["import { wrap } from './wrap';", `export const uploadAvatar = wrap({ auth: true }, ${avatar});`, 'export const stamp = wrap({ auth: false }, (req, res, next) => {\n  res.locals.stampedAt = Date.now();\n  next();\n});'].join('\n');

suite('a handler exported as a wrapper call around it, mounted with a path by a router', () => {
  test('one that answers the request answers every method at the mount path; middleware handing the request on does not', () => {
    const files = (avatar: string) => ({ '/s/server.ts': wrappedServer, '/s/profile.ts': wrappedRouter, '/s/avatar.ts': wrappedHandlers(avatar), '/s/wrap.ts': 'export const wrap = (opts: object, fn: Function) => [fn];' });
    assert.deepEqual(collect(files('async (req, res) => {\n  res.status(201).json({ saved: true });\n}')), ['ALL /profile/avatar', 'GET /profile/me']);
    assert.deepEqual(collect(files('async (req, res, next) => {\n  if (!req.body) return next(new Error("no body"));\n  res.json({ saved: true });\n}')), ['ALL /profile/avatar', 'GET /profile/me']);
    // A wrapped function whose parameters are not a request and a response (`(app, opts)`) is no handler.
    assert.deepEqual(collect(files('async (app, opts) => {\n  app.decorate("avatar", opts);\n}')), ['GET /profile/me']);
  });
});
