// A configuration class whose fields' defaults hold the API prefix, read through an instance
// (src/core/routes/classInstances.ts).
import * as assert from 'node:assert/strict';
import { routesAndWarnings as routesOf } from '../helpers/collectText';
import { mayDeclareRoutes } from '../../../src/core/routes/mayDeclareRoutes';

const baseSettings = [
  'export class BaseSettings {',
  "  title: string = 'Shop';",
  "  basePath: string = '/shop-api';",
  '}',
].join('\n');

const settings = [
  "import { BaseSettings } from './baseSettings';",
  'export class HttpSettings extends BaseSettings {',
  '  port = 8080;',
  '}',
  'export class AllSettings {',
  '  http: HttpSettings = new HttpSettings();',
  '}',
].join('\n');

const loader = [
  "import { AllSettings } from './settings';",
  "import type { Watchable } from 'some-config-package';",
  'export class SettingsLoader {',
  '  static read(file = "settings.json"): AllSettings & Watchable {',
  '    return Object.assign(new AllSettings(), load(file));',
  '  }',
  '}',
].join('\n');

const server = [
  "import express from 'express';",
  "import { Settings } from './current';",
  'const app = express();',
  "app.get(Settings.http.basePath + '/orders', list);",
  'app.get(`${Settings.http.basePath}/orders/:id`, one);',
  'app.listen(Settings.http.port);',
].join('\n');

/** The server's routes, its settings made as `current` says (`/s/current.ts`), beside the settings classes and `more` files. */
const shop = (current: string, more: Record<string, string> = {}) =>
  routesOf({ '/s/baseSettings.ts': baseSettings, '/s/settings.ts': settings, ...more, '/s/current.ts': current, '/s/server.ts': server });

suite('class instances', () => {
  test('a field default of an inherited configuration class, read through the instance a static method is declared to return (Class & Package type)', () => {
    const { routes } = shop("import { SettingsLoader } from './loader';\nexport const Settings = SettingsLoader.read();", { '/s/loader.ts': loader });
    assert.deepEqual(routes, ['GET /shop-api/orders', 'GET /shop-api/orders/:id']);
  });

  test('an exported `new` of an imported class: its fields, its base classes of the file and of other files', () => {
    const { routes } = shop("import { AllSettings } from './settings';\nexport const Settings = new AllSettings();");
    assert.deepEqual(routes, ['GET /shop-api/orders', 'GET /shop-api/orders/:id']);
  });

  test("a package's class, or a method declared to return no class of the project (a promise of one), gives no instance: the paths are warned of", () => {
    const fromPackage = shop("import { Loader } from 'settings-package';\nexport const Settings = Loader.read();");
    const promised = shop("import { AllSettings } from './settings';\nclass Later {\n  static read(): Promise<AllSettings> {\n    return later();\n  }\n}\nexport const Settings = Later.read();");
    for (const { routes, warnings } of [fromPackage, promised]) {
      assert.deepEqual(routes, []);
      assert.deepEqual(warnings.map((w) => w.split(':').slice(0, 2).join(':')), ['/s/server.ts:4', '/s/server.ts:5']);
    }
  });

  test("one instance reading whichever way the instance is had: `new X()` reads its getters too, a container's `app.get(X)` its fields too, and a method returning its own class is read once", () => {
    const config = [
      'export class ApiConfig {',
      "  version = 'v2';",
      '  get basePath() {',
      "    return '/shop-api';",
      '  }',
      '  copy(): ApiConfig {',
      '    return new ApiConfig();',
      '  }',
      '}',
    ].join('\n');
    const made = routesOf({
      '/s/config.ts': config,
      '/s/server.ts': "import express from 'express';\nimport { ApiConfig } from './config';\nconst app = express();\nconst cfg = new ApiConfig();\napp.get(cfg.basePath + '/orders', list);\napp.get(`/${cfg.version}/items`, items);\n",
    });
    assert.deepEqual(made.routes, ['GET /shop-api/orders', 'GET /v2/items']);
    const held = routesOf({
      '/s/config.ts': config,
      '/s/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { ApiConfig } from './config';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  const cfg = app.get(ApiConfig);\n  app.setGlobalPrefix(cfg.version);\n}\n",
      '/s/app.module.ts': "import { Module } from '@nestjs/common';\nimport { ItemsController } from './items.controller';\n@Module({ controllers: [ItemsController] })\nexport class AppModule {}\n",
      '/s/items.controller.ts': "import { Controller, Get } from '@nestjs/common';\n@Controller('items')\nexport class ItemsController {\n  @Get()\n  list() {}\n}\n",
    });
    assert.deepEqual(held.routes, ['GET /v2/items']);
  });

  test("a parameter declared with a configuration class (`configure(app, cfg: AppSettings)`) is an instance of it; a field declared with a class and given no value it can read (`private values: EnvSettings` set from the environment) holds that class's field envSettings", () => {
    const envSettings = ['export class EnvSettings {', "  PORT: number = 4000;", "  API_BASE: string = 'v3';", '  SECRET: string;', '}'].join('\n');
    const settings = [
      "import { EnvSettings } from './envSettings';",
      'export class AppSettings {',
      '  private values: EnvSettings;',
      '  constructor(source: Record<string, string>) {',
      '    this.values = this.check(source);',
      '  }',
      '  private check(source: Record<string, string>): EnvSettings {',
      '    return validate(EnvSettings, source);',
      '  }',
      '  get apiBase(): string {',
      '    return this.values.API_BASE;',
      '  }',
      '}',
    ].join('\n');
    const setup = "import { INestApplication } from '@nestjs/common';\nimport { AppSettings } from './settings';\nexport function configure(app: INestApplication, cfg: AppSettings): void {\n  app.setGlobalPrefix(cfg.apiBase);\n}\n";
    const main = "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nimport { AppSettings } from './settings';\nimport { configure } from './setup';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  configure(app, app.get(AppSettings));\n  await app.listen(3000);\n}\n";
    const files: Record<string, string> = {
      '/s/envSettings.ts': envSettings,
      '/s/settings.ts': settings,
      '/s/setup.ts': setup,
      '/s/main.ts': main,
      '/s/app.module.ts': "import { Module } from '@nestjs/common';\nimport { ItemsController } from './items.controller';\n@Module({ controllers: [ItemsController] })\nexport class AppModule {}\n",
      '/s/items.controller.ts': "import { Controller, Get } from '@nestjs/common';\n@Controller('items')\nexport class ItemsController {\n  @Get()\n  list() {}\n}\n",
    };
    // Every file is one the scan reads (its pre-filter lets it through).
    assert.deepEqual(Object.keys(files).filter((f) => !mayDeclareRoutes(files[f] ?? '')), []);
    const { routes, warnings } = routesOf(files);
    assert.deepEqual(routes, ['GET /v3/items']);
    assert.deepEqual(warnings, []);
    // The class's file not among those scanned: not found, warned of at the call (as a container's instance's member is).
    const { '/s/envSettings.ts': _read, '/s/settings.ts': _unread, ...without } = files;
    const unknown = routesOf(without);
    assert.deepEqual(unknown.warnings, ['/s/setup.ts:4: setGlobalPrefix value not found statically; set x-runtime-drift.routePrefix']);
  });

  test("a parameter typed with an interface of the project (`getApp(config: IAppConfig)`) holds nothing known: `config.server.basePath || ''` is its fallback, as before", () => {
    const { routes, warnings } = routesOf({
      '/s/types.ts': 'export interface IAppConfig {\n  server: { basePath?: string };\n}\n',
      '/s/app.ts': [
        "import express from 'express';",
        "import { IAppConfig } from './types';",
        'export default function getApp(config: IAppConfig) {',
        '  const app = express();',
        "  const base = config.server.basePath || '';",
        '  const router = express.Router();',
        "  router.get('/health', ok);",
        '  app.use(`${base}/api`, router);',
        '  return app;',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(routes, ['GET /api/health']);
    assert.deepEqual(warnings, []);
  });
});
