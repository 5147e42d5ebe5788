// The OpenAPI documents a scanned file names by path for a framework that serves them (hapi-openapi's
// `api: path.resolve(__dirname, '../spec.json')`, routes/hapiOpenApi.ts): read once (JSON or YAML)
// for their base paths, which routes/openApiJoin.ts puts before the handler modules' paths, and
// their operations, the only ones of those modules served.
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { FsLike, SourceScan } from '../ports';
import { parseJsonc } from '../mapping/tsconfig';
import { openApiDocKey, parsedOpenApiDocument, type OpenApiDocument } from '../routes/openApiDocument';

/** Each document a file of the scan names, read, by openApiDocKey; undefined when none is named. */
export async function openApiDocuments(fs: FsLike, extracted: SourceScan['extracted']): Promise<Record<string, OpenApiDocument> | undefined> {
  const named = extracted.flatMap((e) => (e.x.openApiInits ?? []).flatMap((i) => [...(i.apiFile !== undefined ? [i.apiFile] : []), ...(i.choices ?? [])].map((apiFile) => ({ declaring: e.file, apiFile }))));
  if (named.length === 0) return undefined;
  const out: Record<string, OpenApiDocument> = {};
  for (const { declaring, apiFile } of named) {
    const document = await readDocument(fs, join(dirname(declaring), apiFile));
    if (document) out[openApiDocKey(declaring, apiFile)] = document;
  }
  return out;
}

async function readDocument(fs: FsLike, file: string): Promise<OpenApiDocument | undefined> {
  try {
    const text = await fs.readFile(file);
    return parsedOpenApiDocument(/\.json$/i.test(file) ? parseJsonc(text) : parseYaml(text));
  } catch {
    // Not there or not readable: the join warns that the document was not read.
    return undefined;
  }
}
