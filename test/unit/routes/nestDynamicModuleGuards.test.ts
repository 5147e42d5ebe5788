// A Nest app whose modules are dynamic (`static forRoot(options)`), each adding its controllers, or
// importing other modules, only under a test of the options the app passes in at start-up
// (`if (options.plugins.includes('billing')) controllers.push(...)`): those routes exist only in
// that configuration, so each is listed and warned of, as a module listed under a setting is.
import assert from 'node:assert/strict';
import { routesAndWarnings } from '../helpers/collectText';

const controller = (name: string, path: string) =>
  `import { Controller, Get } from '@nestjs/common';\n@Controller('${path}')\nexport class ${name}Controller {\n  @Get()\n  list() {\n    return [];\n  }\n}\n`;

const files = (builder: string) => ({
  '/w/src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nimport { settings } from './settings';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule.forRoot({ plugins: settings.plugins }));\n  await app.listen(3000);\n}\nbootstrap();\n",
  '/w/src/settings.ts': "export const settings = { plugins: (process.env.PLUGINS ?? 'core').split(',') };\n",
  '/w/src/app.module.ts': [
    "import { DynamicModule, Module } from '@nestjs/common';",
    "import { ShopModule } from './shop.module';",
    "import { ExportsModule } from './exports.module';",
    '@Module({})',
    'export class AppModule {',
    `  static ${builder}(options: { plugins: string[] }): DynamicModule {`,
    '    const imports = [ShopModule.forRoot(options)];',
    "    if (options.plugins.includes('exports')) imports.push(ExportsModule);",
    '    return { module: AppModule, imports };',
    '  }',
    '}',
  ].join('\n'),
  '/w/src/shop.module.ts': [
    "import { DynamicModule, Module } from '@nestjs/common';",
    "import { OrdersController } from './orders.controller';",
    "import { InvoicesController } from './invoices.controller';",
    '@Module({})',
    'export class ShopModule {',
    '  static forRoot(options: { plugins: string[] }): DynamicModule {',
    '    let module: DynamicModule = { module: ShopModule, controllers: [OrdersController] };',
    "    if (options.plugins.includes('billing')) module = { ...module, controllers: [...(module.controllers ?? []), InvoicesController] };",
    '    return module;',
    '  }',
    '}',
  ].join('\n'),
  '/w/src/exports.module.ts': "import { Module } from '@nestjs/common';\nimport { ExportsController } from './exports.controller';\n@Module({ controllers: [ExportsController] })\nexport class ExportsModule {}\n",
  '/w/src/orders.controller.ts': controller('Orders', 'orders'),
  '/w/src/invoices.controller.ts': controller('Invoices', 'invoices'),
  '/w/src/exports.controller.ts': controller('Exports', 'exports'),
});

suite('routes: Nest controllers a dynamic module adds under a test of its options', () => {
  test('a controller added and a module imported only when the options passed to forRoot say so: listed, each warned of with the test as written', () => {
    const { routes, warnings } = routesAndWarnings(files('forRoot'));
    assert.deepEqual(routes, ['GET /exports', 'GET /invoices', 'GET /orders']);
    assert.deepEqual(
      warnings.map((w) => w.replace(/; the routes.*$/, '')),
      ["/w/src/app.module.ts:8: listed in a Nest module only when options.plugins.includes('exports') holds: ExportsModule", "/w/src/shop.module.ts:8: listed in a Nest module only when options.plugins.includes('billing') holds: InvoicesController"],
    );
  });

  test("a static method of another name is not a dynamic module's builder: its parameter says nothing of the configuration", () => {
    const { warnings } = routesAndWarnings(files('build'));
    assert.equal(warnings.filter((w) => w.includes('ExportsModule')).length, 0);
  });
});
