import assert from 'node:assert/strict';
import type { RouteDef } from '../../../src/core/model';
import { collectRoutes } from '../helpers/collectText';

// Controllers decorated by a project's own decorators package (no decorator framework the scan
// knows), registered on an Express router by that package's function.
const moduleOf = (): undefined => undefined;
const shown = (routes: RouteDef[]) => routes.map((r) => `${r.method} ${r.path}${r.prefixUnknown ? ' (prefix unknown)' : ''}`);

const HEALTH = {
  file: '/ws/app/src/controllers/health.ts',
  text: "import { Controller, Get } from '@acme/decorators';\n@Controller('/health')\nexport class HealthController {\n  @Get('/')\n  check(req, res) { res.send('ok'); }\n}\n",
};
const LIST = { file: '/ws/app/src/controllers/index.ts', text: "import { HealthController } from './health';\nexport const CONTROLLERS = [HealthController];\n" };

suite("controllers of a project's own decorators", () => {
  test('registered in a loop on a router field the class mounts on its app field: under that mount', () => {
    const server = {
      file: '/ws/app/src/server.ts',
      text:
        "import express from 'express';\nimport { registerController } from '@acme/decorators';\nimport { CONTROLLERS } from './controllers';\n" +
        'export class Server {\n  constructor() {\n    this.app = express();\n    this.router = express.Router();\n    this.app.use(\'/live\', this.router);\n  }\n' +
        '  setupRoutes() {\n    CONTROLLERS.forEach((controller) => registerController(this.router, controller, []));\n  }\n}\n',
    };
    const { routes, warnings } = collectRoutes([server, HEALTH, LIST], { moduleOf });
    assert.deepEqual(shown(routes), ['GET /live/health']);
    assert.deepEqual(warnings, []);
  });

  test('registered on a router variable: under each prefix that router is mounted at', () => {
    const app = {
      file: '/ws/app/src/app.ts',
      text:
        "import express from 'express';\nimport { registerController } from '@acme/decorators';\nimport { HealthController } from './controllers/health';\n" +
        "const app = express();\nconst router = express.Router();\nregisterController(router, HealthController);\napp.use('/api', router);\napp.listen(3000);\n",
    };
    assert.deepEqual(shown(collectRoutes([app, HEALTH], { moduleOf }).routes), ['GET /api/health']);
  });

  test("decorators of the project's own module, no call of it registering them and no Nest app: under …, with a warning naming the file, line and decorator", () => {
    const own = { file: HEALTH.file, text: HEALTH.text.replace('@acme/decorators', '../lib/decorators') };
    const { routes, warnings } = collectRoutes([own, LIST], { moduleOf });
    assert.deepEqual(shown(routes), ['GET /…/health (prefix unknown)']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /^\/ws\/app\/src\/controllers\/health\.ts:4: controller HealthController is decorated by \.\.\/lib\/decorators, of no decorator framework the scan knows/);
  });

  test("a package's decorators with no call of it registering them: that package's own server registers them, at their own paths", () => {
    const { routes, warnings } = collectRoutes([HEALTH, LIST], { moduleOf });
    assert.deepEqual(shown(routes), ['GET /health']);
    assert.deepEqual(warnings, []);
  });

  test('a controller decorator handed an injection token, its path in the options after it (basePath): that path', () => {
    const tokened = {
      file: '/ws/app/src/controllers/orders.ts',
      text: [
        "import { Controller, Get, Patch } from '@acme/web-kit/stereotype';",
        "export const OrdersToken = Symbol.for('Orders');",
        "@Controller(OrdersToken, { basePath: '/api/shop/:shopId/orders', scoped: true })",
        'export class OrdersController {',
        "  @Get('/')",
        '  list() {}',
        "  @Patch('/:id/cancel')",
        '  cancel() {}',
        '}',
      ].join('\n'),
    };
    assert.deepEqual(shown(collectRoutes([tokened], { moduleOf }).routes), ['GET /api/shop/:shopId/orders', 'PATCH /api/shop/:shopId/orders/:id/cancel']);
  });

  test("a Nest-like framework of the project's own (its modules list the controllers, the app sets a global prefix): as Nest places them", () => {
    const module = { file: '/ws/app/src/app.module.ts', text: "import { Module } from './framework/decorators';\nimport { HealthController } from './controllers/health';\n@Module({ controllers: [HealthController] })\nexport class AppModule {}\n" };
    const main = { file: '/ws/app/src/main.ts', text: "import { AppModule } from './app.module';\nimport { createApp } from './framework/httpApp';\nconst app = createApp(AppModule);\napp.setGlobalPrefix('api/v1');\napp.listen(3000);\n" };
    const own = { file: HEALTH.file, text: HEALTH.text.replace('@acme/decorators', '../framework/decorators') };
    const { routes, warnings } = collectRoutes([own, module, main], { moduleOf });
    assert.deepEqual(shown(routes), ['GET /api/v1/health']);
    assert.deepEqual(warnings, []);
  });

  test("Nest's own decorators keep their place at the root", () => {
    const nest = { file: HEALTH.file, text: HEALTH.text.replace('@acme/decorators', '@nestjs/common') };
    const { routes, warnings } = collectRoutes([nest], { moduleOf });
    assert.deepEqual(shown(routes), ['GET /health']);
    assert.deepEqual(warnings, []);
  });
});
