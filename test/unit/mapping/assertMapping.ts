// One assertion for the mapping a service's files give: the fields a test states, the evidence
// shown when they differ.
import assert from 'node:assert/strict';
import { inferMapping } from '../../../src/core/mapping/infer';
import type { ServiceSpec, SourceMapping } from '../../../src/core/model';
import type { FsLike } from '../../../src/core/ports';
import { buildSpec } from '../helpers/buildSpec';
import { memFs } from '../helpers/memFs';

/** The fields a test states (one set to undefined: the mapping has none), and lines the evidence must hold. */
type Expected = Partial<Pick<SourceMapping, 'sourceRoot' | 'target' | 'bundled' | 'buildOutDir' | 'rewrites'>> & { evidence?: string[] };

/**
 * Infers the mapping of `spec` (the service `web` of /ws built by /ws/Dockerfile) from the files,
 * asserts there is one with the expected fields and evidence lines, and returns it for more.
 */
export async function assertMapping(files: FsLike | Record<string, string>, expected: Expected, spec: ServiceSpec = buildSpec()): Promise<SourceMapping> {
  const m = await inferMapping(typeof files.readFile === 'function' ? (files as FsLike) : memFs(files as Record<string, string>), spec);
  assert.ok(m, 'no mapping');
  const why = m.evidence.join('\n');
  const { evidence = [], ...fields } = expected;
  const got = Object.fromEntries(Object.keys(fields).map((key) => [key, m[key as keyof typeof fields]]));
  assert.deepEqual(got, fields, why);
  for (const line of evidence) assert.ok(m.evidence.includes(line), `no evidence line "${line}" in:\n${why}`);
  return m;
}
