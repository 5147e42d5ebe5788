// Which source files a route scan reads: JS/TS sources, not declaration files, not tests.
import { TEST_SOURCE } from '../mapping/mapFile';

const SOURCE_CODE = /\.(c|m)?(t|j)sx?$/;

export function isRouteSource(file: string): boolean {
  return SOURCE_CODE.test(file) && !file.endsWith('.d.ts') && !TEST_SOURCE.test(file);
}
