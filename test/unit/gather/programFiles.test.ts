// The file evidence of an image starting several programs: whether each program's local build is
// compared is decided as for the primary mapping (localBuild.ts).
import * as assert from 'node:assert/strict';
import { withProgramFiles } from '../../../src/core/gather/programFiles';
import { hasLocalBuild } from '../../../src/core/gather/localBuild';
import { NO_FILES } from '../../../src/core/gather/workspaceFiles';
import type { SourceMapping } from '../../../src/core/model';
import type { SourceScan } from '../../../src/core/ports';
import { memFs } from '../helpers/memFs';

const fs = memFs({
  '/w/jobs/src/run.ts': 'export const run = 1;\n',
  '/w/jobs/out/other.js': 'x',
});

const scanOf = (files: string[]): SourceScan => ({ files, mtimes: new Float64Array(files.length), extracted: [], skipped: [] });

const mapping = (extra: Partial<SourceMapping>): SourceMapping => ({
  sourceRoot: '/w/jobs/src',
  target: '/srv/jobs/src',
  rewrites: { '.ts': '.js' },
  bundled: false,
  modulesDir: 'modules',
  evidence: [],
  ...extra,
});

suite('hasLocalBuild', () => {
  test('an existing output folder of a file-by-file build is compared; a missing one, a bundle or a build in the image is not', async () => {
    assert.equal(await hasLocalBuild(fs, mapping({ buildOutDir: '/w/jobs/out' })), true);
    assert.equal(await hasLocalBuild(fs, mapping({ buildOutDir: '/w/jobs/dist' })), false);
    assert.equal(await hasLocalBuild(fs, mapping({ buildOutDir: '/w/jobs/out', bundled: true })), false);
    assert.equal(await hasLocalBuild(fs, mapping({ buildOutDir: '/w/jobs/src', builtInImage: true })), false);
  });
});

suite('withProgramFiles', () => {
  const primary = mapping({ sourceRoot: '/w/web/src', target: '/srv/web/src' });
  const files = async (program: SourceMapping) => {
    const out = await withProgramFiles(fs, { workspaceDir: '/w' }, { ...primary, programs: [program] }, NO_FILES, async () => scanOf(['/w/jobs/src/run.ts']));
    return out.modules.map((m) => [m.name, m.buildMissing]);
  };

  test("a program the image compiles itself (tsc without outDir, a build step in the Dockerfile) compares no local compiled files", async () => {
    assert.deepEqual(await files(mapping({ buildOutDir: '/w/jobs/src', builtInImage: true })), [['jobs/src', null]]);
  });

  test('a program with a local build output compares its files with it', async () => {
    assert.deepEqual(await files(mapping({ buildOutDir: '/w/jobs/src' })), [['jobs/src', ['jobs/src/run.ts']]]);
  });
});
