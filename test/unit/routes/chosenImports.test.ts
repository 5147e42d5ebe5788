// A module loaded by `import()` of a specifier built of literals alone through a choice
// (moduleLoads.ts dynamicImportSources): its routes are listed where the loading file mounts them,
// not at the root. Fixtures of our own.
import * as assert from 'node:assert/strict';
import { routesAndWarnings as collect } from '../helpers/collectText';

const feature = (path: string) =>
  ["import express from 'express';", 'export const maps = {', '  init: async () => {', '    const app = express();', `    app.get('${path}', (req, res) => res.end());`, '    return app;', '  },', '};'].join('\n');

suite('modules loaded by import() of a choice between literals', () => {
  test('Express: each module the choice may load is mounted where the binding is, by template literal or by conditional', () => {
    const { routes } = collect({
      '/s/full.js': feature('/:z/:x/:y.png'),
      '/s/lite.js': ["export const maps = { init: async () => undefined };"].join('\n'),
      '/s/extra.js': feature('/extra/:id'),
      '/s/server.js': [
        "import express from 'express';",
        "const lite = process.env.LITE === '1';",
        'const { maps } = await import(`${!lite ? `./full.js` : `./lite.js`}`);',
        "const { maps: more } = await import(lite ? './lite.js' : './extra.js');",
        'const app = express();',
        "maps.init().then((sub) => app.use('/maps/', sub));",
        "more.init().then((sub) => app.use('/more/', sub));",
        'app.listen(8080);',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /maps/:z/:x/:y.png', 'GET /more/extra/:id']);
  });
});
