// Tables dispatched by hand through an app's settings (src/core/routes/handDispatch.ts reads the
// pieces, src/core/gather/handDispatched.ts joins them): a helper of the app looping over a list of
// its settings parameter and comparing the request's cut URL and method with each record, a
// middleware handing it `app.config.<key>`, and a settings file declaring that key's lists. Fixtures of our own.
import assert from 'node:assert/strict';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';
import { handDispatchedRoutes } from '../../../src/core/gather/handDispatched';
import { scanSourceText } from '../../../src/core/routes/scanFile';
import { routesAndWarnings } from '../helpers/collectText';

const HELPER = `module.exports = {
  async serveTable(ctx, settings = {}, handlers = {}) {
    const { shopItems, backItems } = settings;
    const asked = ctx.request.url;
    if (asked.indexOf('/shop/') >= 0) {
      for (const item of shopItems) {
        const { url, method, action } = item;
        const wanted = asked.replace('/shop/', '').split('?')[0];
        if (ctx.request.method === method.toUpperCase() && wanted === url) return handlers[action](ctx);
      }
    } else {
      for (const item of backItems) {
        const { url, method, action } = item;
        const wanted = asked.replace('/back/', '').split('?')[0];
        if (ctx.request.method === method.toUpperCase() && wanted === url) return handlers[action](ctx);
      }
    }
  },
};
`;

const MIDDLEWARE = `const handlers = require('../controller/stock');
module.exports = (options, app) => async function stockTable(ctx, next) {
  const settings = app.config.stockUnit;
  await app.serveTable(ctx, settings, handlers);
  await next();
};
`;

const SETTINGS = `exports.stockUnit = {
  title: 'stock',
  shopItems: [
    { url: 'stock/list', method: 'get', action: 'list' },
    { url: 'stock/buy', method: 'post', action: 'buy' },
  ],
  backItems: [{ url: 'stock/restock', method: 'post', action: 'restock' }],
};
exports.unused = { shopItems: [{ url: 'never/here', method: 'get' }] };
`;

function joined(files: Record<string, string>): string[] {
  const extracted = Object.entries(files).map(([file, text]) => ({ file, x: extractRoutesFromSource(text, file) }));
  return handDispatchedRoutes(extracted).map((r) => `${r.method} ${r.path} ${r.file}:${r.line}`).sort();
}

suite('Tables dispatched by hand through the settings', () => {
  test("each record of the settings a middleware hands the helper answers at the prefix the helper cuts, joined with its url, for its method, at the record's line", () => {
    assert.deepEqual(
      joined({
        '/a/app/extend/application.js': HELPER,
        '/a/lib/unit/app/middleware/stockTable.js': MIDDLEWARE,
        '/a/lib/unit/config/config.default.js': SETTINGS,
      }),
      ['GET /shop/stock/list /a/lib/unit/config/config.default.js:4', 'POST /back/stock/restock /a/lib/unit/config/config.default.js:7', 'POST /shop/stock/buy /a/lib/unit/config/config.default.js:5'],
    );
  });

  test('settings no middleware hands on, or a middleware calling another function, serve nothing', () => {
    assert.deepEqual(joined({ '/a/app/extend/application.js': HELPER, '/a/config/config.default.js': SETTINGS }), []);
    const other = MIDDLEWARE.replace('app.serveTable(', 'app.otherTable(');
    assert.deepEqual(joined({ '/a/app/extend/application.js': HELPER, '/a/app/middleware/stockTable.js': other, '/a/config/config.default.js': SETTINGS }), []);
  });

  test('a settings object assigned inside the exported function (`config.key = {...}`) is read as well', () => {
    const settings = `module.exports = (appInfo) => {\n  const config = {};\n  config.stockUnit = { shopItems: [{ url: 'stock/count', method: 'get' }] };\n  return config;\n};\n`;
    assert.deepEqual(joined({ '/a/app/extend/application.js': HELPER, '/a/app/middleware/stockTable.js': MIDDLEWARE, '/a/config/config.prod.js': settings }), ['GET /shop/stock/count /a/config/config.prod.js:3']);
  });

  test('a helper whose loop is read is not told; one cutting the URL some other way (a slice) keeps the warning and serves nothing', () => {
    assert.deepEqual(routesAndWarnings({ '/a/app/extend/application.js': HELPER }).warnings, []);
    const sliced = HELPER.replace(/asked\.replace\('\/shop\/', ''\)/, 'asked.slice(6)');
    const { warnings } = routesAndWarnings({ '/a/app/extend/application.js': sliced });
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0] ?? '', /shopItems: the request's method and URL are compared by hand/);
    assert.deepEqual(joined({ '/a/app/extend/application.js': sliced, '/a/app/middleware/stockTable.js': MIDDLEWARE, '/a/config/config.default.js': SETTINGS }), ['POST /back/stock/restock /a/config/config.default.js:7']);
  });

  test("the scan reads an Egg settings file and middleware by their path, though their text declares no route; another folder's same text is skipped", () => {
    assert.equal(scanSourceText('/a/lib/unit/config/config.default.js', SETTINGS)?.handDispatch?.lists?.length, 3);
    assert.deepEqual(scanSourceText('/a/lib/unit/app/middleware/stockTable.js', MIDDLEWARE)?.handDispatch?.calls, [{ fn: 'serveTable', param: 1, key: 'stockUnit' }]);
    assert.equal(scanSourceText('/a/lib/unit/data/items.js', SETTINGS), null);
  });
});
