// Images a project's CI builds: a GitHub Actions step using a build-push-action
// (`uses: docker/build-push-action@v6` with `context:`, `file:`, `tags:`), read from the workflow's
// text line by line. Only literal values: a tag, context or file made of `${{ … }}` is not read.
// Paths are the repository's, as the action takes them. Pure.
import type { DocumentedBuild } from './documentedBuilds';

const USES_BUILD_PUSH = /^(\s*-?\s*)uses:\s*['"]?[\w.-]+\/build-push-action@/;
const KEY = /^(\s*)(context|file|tags):\s*(.*?)\s*$/;

/** Each build-push-action step of a workflow with a literal tag: its first tag, context and file. */
export function workflowBuilds(text: string): DocumentedBuild[] {
  const lines = text.split('\n');
  const out: DocumentedBuild[] = [];
  lines.forEach((line, i) => {
    const m = USES_BUILD_PUSH.exec(line);
    if (!m) return;
    const values = stepValues(lines, i, (m[1] ?? '').length);
    const tag = values.tags.find((t) => literal(t) && /^[\w./:@-]+$/.test(t));
    const context = values.context ?? '.';
    if (tag === undefined || !literal(context) || (values.file !== undefined && !literal(values.file))) return;
    const file = values.file !== undefined ? ` -f ${values.file}` : '';
    out.push({
      tag,
      context,
      ...(values.file !== undefined ? { dockerfile: values.file } : {}),
      line: i + 1,
      command: `docker build -t ${tag}${file} ${context}`,
      rerun: { otherTags: [], buildArgs: [] },
    });
  });
  return out;
}

/** The step's `context:`, `file:` and `tags:` (one line, comma-separated, or a block / list below it). */
function stepValues(lines: readonly string[], usesLine: number, keyIndent: number): { context?: string; file?: string; tags: string[] } {
  const out: { context?: string; file?: string; tags: string[] } = { tags: [] };
  for (let i = usesLine + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    if (indentOf(line) < keyIndent) break;
    const k = KEY.exec(line);
    if (!k) continue;
    const value = unquote(k[3] ?? '');
    if (k[2] === 'tags') {
      const block = value === '' || /^[|>][-+]?$/.test(value) ? blockBelow(lines, i, (k[1] ?? '').length) : [value];
      out.tags.push(...block.flatMap((v) => v.split(',')).map((v) => unquote(v.replace(/^\s*-\s*/, '').trim())).filter((v) => v !== ''));
    } else if (k[2] === 'context' || k[2] === 'file') out[k[2]] ??= value;
  }
  return out;
}

function blockBelow(lines: readonly string[], keyLine: number, keyIndent: number): string[] {
  const out: string[] = [];
  for (let i = keyLine + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*$/.test(line)) continue;
    if (indentOf(line) <= keyIndent && !/^\s*-\s/.test(line)) break;
    if (indentOf(line) < keyIndent) break;
    out.push(line.trim());
  }
  return out;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0;
}

function unquote(s: string): string {
  return s.replace(/\s+#.*$/, '').replace(/^(['"])(.*)\1$/, '$2');
}

function literal(s: string): boolean {
  return !/[$`{}*]/.test(s);
}
