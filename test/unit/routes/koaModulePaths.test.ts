// A Koa app whose resources each fill a router through the `register(router)` their action files
// export, loaded in place (`require('./sign-in').register(router)`), the routers mounted with
// koa-mount; and bare module names (`require('resources/users')`) that app-module-path's
// `addPath(__dirname)` resolves below the app's folder, as a tsconfig's baseUrl would.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as routesOf } from '../helpers/collectText';

const signIn = ["async function handler(ctx) { ctx.body = {}; }", 'module.exports.register = (router) => {', "  router.post('/sign-in', handler);", '};'].join('\n');
const list = ["module.exports.register = (router) => {", "  router.get('/', (ctx) => { ctx.body = []; });", '};'].join('\n');

const accounts = (load: string) => ["const Router = require('@koa/router');", 'const router = new Router();', load, 'module.exports = router.routes();'].join('\n');

suite('Koa resources registered by their action files, loaded by bare names', () => {
  test("an action file's register(router) called on the module loaded in place: its routes on that router, under the mount", () => {
    const routes = (load: string) =>
      routesOf({
        '/s/src/accounts/sign-in/index.js': signIn,
        '/s/src/accounts/index.js': accounts(load),
        '/s/src/app.js': ["const Koa = require('koa');", "const mount = require('koa-mount');", "const accounts = require('./accounts');", 'const app = new Koa();', "app.use(mount('/account', accounts));", 'app.listen(3000);'].join('\n'),
      }).routes;
    assert.deepEqual(routes("require('./sign-in').register(router);"), ['POST /account/sign-in']);
    // The same through a name bound to the module, as before.
    assert.deepEqual(routes("const signIn = require('./sign-in');\nsignIn.register(router);"), ['POST /account/sign-in']);
  });

  test("app-module-path's addPath(__dirname): bare names resolve below the file's folder, so the mounts join; without it they do not", () => {
    const app = (first: string) =>
      [first, "const Koa = require('koa');", "const mount = require('koa-mount');", "const users = require('resources/users');", 'const app = new Koa();', "app.use(mount('/users', users));", 'app.listen(3000);'].join('\n');
    const files = (first: string) => ({
      '/s/src/resources/users/list/index.js': list,
      '/s/src/resources/users/index.js': accounts("require('./list').register(router);"),
      '/s/src/app.js': app(first),
    });
    assert.deepEqual(routesOf(files("require('app-module-path').addPath(__dirname);")).routes, ['GET /users']);
    assert.deepEqual(routesOf(files("const amp = require('app-module-path');\namp.addPath(path.join(__dirname));")).routes, ['GET /users']);
    assert.notDeepEqual(routesOf(files("require('dotenv').config();")).routes, ['GET /users']);
  });
});
