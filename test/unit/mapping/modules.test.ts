import assert from 'node:assert/strict';
import type { SourceMapping, SourceModule } from '../../../src/core/model';
import type { FsLike } from '../../../src/core/ports';
import { findModules, moduleClassName, moduleLookup } from '../../../src/core/mapping/modules';
import { walkFileStats } from '../../../src/core/mapping/walk';
import { findServiceModules } from '../../../src/core/gather/workspaceFiles';
import { memFs } from '../helpers/memFs';
import { extractRoutesFromSource } from '../../../src/core/routes/extract';

/** The modules a check finds in a walked source tree (no route sources), each with its files. */
async function listModules(fs: FsLike, m: SourceMapping): Promise<SourceModule[]> {
  const { files, mtimes } = await walkFileStats(fs, m.sourceRoot);
  const modules = await findServiceModules(fs, m, { files, mtimes, extracted: [], skipped: [] });
  const moduleOf = moduleLookup(modules, m.sourceRoot);
  return modules.map((d) => ({ ...d, files: files.filter((f) => moduleOf(f) === d) }));
}

const mapping: SourceMapping = {
  sourceRoot: '/ws/api/src',
  target: '/app/dist',
  rewrites: { '.ts': '.js' },
  bundled: false,
  modulesDir: 'modules',
  evidence: [],
};

suite('mapping modules', () => {
  test('each folder directly under the modules folder is a module with its files and target', async () => {
    const fs = memFs({
      '/ws/api/src/main.ts': '',
      '/ws/api/src/modules/workflow/workflow.controller.ts': '',
      '/ws/api/src/modules/workflow/dto/step.dto.ts': '',
      '/ws/api/src/modules/auth/auth.module.ts': '',
      '/ws/api/src/modules/index.ts': '',
    });
    assert.deepEqual(await listModules(fs, mapping), [
      {
        name: 'auth',
        sourceDir: '/ws/api/src/modules/auth',
        target: '/app/dist/modules/auth',
        files: ['/ws/api/src/modules/auth/auth.module.ts'],
      },
      {
        name: 'workflow',
        sourceDir: '/ws/api/src/modules/workflow',
        target: '/app/dist/modules/workflow',
        files: ['/ws/api/src/modules/workflow/dto/step.dto.ts', '/ws/api/src/modules/workflow/workflow.controller.ts'],
      },
    ]);
  });

  test('a nested modulesDir maps under the target', async () => {
    const fs = memFs({ '/ws/api/src/app/features/billing/a.ts': '' });
    const [billing] = await listModules(fs, { ...mapping, modulesDir: 'app/features' });
    assert.equal(billing?.target, '/app/dist/app/features/billing');
  });

  test('no modules folder: no modules', async () => {
    assert.deepEqual(await listModules(memFs({ '/ws/api/src/main.ts': '' }), mapping), []);
  });

  test('Nest: a folder holding a *.module.ts is a module wherever it is, named by its class; the root module is not one', async () => {
    const fs = memFs({
      '/ws/api/src/app.module.ts': '@Module({})\nexport class AppModule {}\n',
      '/ws/api/src/users/users.module.ts': "import { Module } from '@nestjs/common';\n@Module({})\nexport class UsersModule {}\n",
      '/ws/api/src/users/dto/user.dto.ts': '',
      '/ws/api/src/core/files/files.module.ts': 'export default class FilesModule {}\n',
      '/ws/api/src/core/files/files.controller.ts': '',
    });
    const modules = await listModules(fs, mapping);
    assert.deepEqual(
      modules.map((m) => [m.name, m.sourceDir, m.target, m.files.length]),
      [
        ['FilesModule', '/ws/api/src/core/files', '/app/dist/core/files', 2],
        ['UsersModule', '/ws/api/src/users', '/app/dist/users', 2],
      ],
    );
  });

  test('Express/Fastify/Koa: the folder of each router or plugin file; files at the source root stay loose', () => {
    const files = ['/ws/api/src/app.ts', '/ws/api/src/routes/users.ts', '/ws/api/src/routes/orders.ts', '/ws/api/src/plugins/auth/index.ts'];
    const modules = findModules(mapping, { files, routerFiles: ['/ws/api/src/app.ts', '/ws/api/src/routes/users.ts', '/ws/api/src/routes/orders.ts', '/ws/api/src/plugins/auth/index.ts'] });
    assert.deepEqual(modules.map((m) => [m.name, m.target]), [
      ['plugins/auth', '/app/dist/plugins/auth'],
      ['routes', '/app/dist/routes'],
    ]);
  });

  test('modules/ keeps folder names beside Nest modules elsewhere; two classes with one name stay apart by path', () => {
    const files = ['/ws/api/src/modules/billing/billing.module.ts', '/ws/api/src/a/shared.module.ts', '/ws/api/src/b/shared.module.ts'];
    const nestModules = new Map([
      ['/ws/api/src/modules/billing/billing.module.ts', 'BillingModule'],
      ['/ws/api/src/a/shared.module.ts', 'SharedModule'],
      ['/ws/api/src/b/shared.module.ts', 'SharedModule'],
    ]);
    assert.deepEqual(findModules(mapping, { files, nestModules }).map((m) => m.name), ['SharedModule (a)', 'SharedModule (b)', 'billing']);
  });

  test('the modulesDir override still names its children as modules', () => {
    const files = ['/ws/api/src/features/cart/cart.ts', '/ws/api/src/main.ts'];
    assert.deepEqual(findModules({ ...mapping, modulesDir: 'features' }, { files }).map((m) => m.name), ['cart']);
  });

  test('a file belongs to the deepest module folder holding it', () => {
    const lookup = moduleLookup([{ sourceDir: '/ws/api/src/users', name: 'UsersModule' }, { sourceDir: '/ws/api/src/users/admin', name: 'AdminModule' }], '/ws/api/src');
    assert.equal(lookup('/ws/api/src/users/dto/x.ts')?.name, 'UsersModule');
    assert.equal(lookup('/ws/api/src/users/admin/deep/y.ts')?.name, 'AdminModule');
    assert.equal(lookup('/ws/api/src/main.ts'), undefined);
    assert.equal(lookup('/elsewhere/z.ts'), undefined);
  });

  test('the module class is the first exported class', () => {
    assert.equal(moduleClassName("import { Module } from '@nestjs/common';\n@Module({})\nexport class UsersModule {}"), 'UsersModule');
    assert.equal(moduleClassName('@Module({})\nexport   class   AuthModule  {}'), 'AuthModule');
    assert.equal(moduleClassName('const x = 1;'), undefined);
  });

  test('a file calling methods on a typed instance (res.end()) is not a router file: only route and mount files make modules', async () => {
    const sources: Record<string, string> = {
      '/ws/api/src/users/users.routes.ts': "import { Router } from 'express';\nexport const users = Router();\nusers.get('/users', (_q, r) => r.json([]));\n",
      '/ws/api/src/lib/respond.ts': "import type { ServerResponse } from 'node:http';\nexport function send(res: ServerResponse): void {\n  res.setHeader('x', '1');\n  res.end('ok');\n}\n",
    };
    const fs = memFs(sources);
    const { files, mtimes } = await walkFileStats(fs, mapping.sourceRoot);
    const extracted = Object.entries(sources).map(([file, text]) => ({ file, x: extractRoutesFromSource(text, file) }));
    const modules = await findServiceModules(fs, mapping, { files, mtimes, extracted, skipped: [] });
    assert.deepEqual(modules.map((m) => m.name), ['users']);
  });
});
