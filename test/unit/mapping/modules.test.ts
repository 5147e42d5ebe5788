import assert from 'node:assert/strict';
import type { SourceMapping } from '../../../src/core/model';
import { listModules } from '../../../src/core/mapping/modules';
import { memFs } from '../helpers/memFs';

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
});
