// The ladder report as plain text: the CLI prints it, the extension's "Show Report" opens it.
import { RUNG_NAMES } from '../model';
import type { Report, RouteReport, RungStatus, ServiceReport } from '../model';
import { shortId, timeAgo } from '../ladder/format';
import { spaNote } from '../pages/judgePages';
import { serviceLabel } from '../view/serviceRef';

const MARK: Record<RungStatus, string> = { pass: '✓', fail: '✗', skip: '-', unknown: '?' };

export function routeAnswer(r: RouteReport): string {
  if (r.status === null) return r.verdict === 'unreachable' ? `unreachable (${r.detail ?? 'no answer'})` : notSent(r.detail ?? r.verdict);
  const auth = r.authStatus === null ? '' : `, with token ${r.authStatus}`;
  return `${r.status} ${r.verdict}${auth}`;
}

/** "not sent: probing disabled (--no-probe)"; a reason that already says so ("POST not sent: opt in …") as it is. */
const notSent = (why: string): string => (/\bnot sent\b/.test(why) ? why : `not sent: ${why}`);

function containerLine(s: ServiceReport): string {
  if (!s.container) return 'container: none';
  const c = s.container;
  const fresh = s.staleContainer
    ? `STALE: runs image ${shortId(c.imageId)}, ${s.image.ref} is now ${s.image.id ? shortId(s.image.id) : 'gone'}`
    : 'current image';
  const exit = c.exitCode !== undefined ? ` (exit code ${c.exitCode})` : '';
  return `container: ${shortId(c.id)} ${c.name} ${c.state}${exit}, ${fresh}`;
}

function imageLine(s: ServiceReport): string {
  if (!s.image.id) return `image: ${s.image.ref} (not found)`;
  return `image: ${s.image.ref} ${shortId(s.image.id)}, built ${timeAgo(s.image.created, new Date()) ?? 'at an unknown time'}${s.sourceNewest ? `; newest source change ${timeAgo(s.sourceNewest, new Date()) ?? 'unknown'}` : ''}`;
}

const PAGE_MARK = { served: '✓', missing: '✗', unknown: '?' } as const;

export function formatService(s: ServiceReport): string[] {
  const out: string[] = [];
  out.push(`${serviceLabel(s)}  ${s.verdict.toUpperCase()}  ${s.summary}`);
  out.push(`  ${containerLine(s)}`);
  out.push(`  ${imageLine(s)}`);
  if (s.mapping) out.push(`  mapping: ${s.mapping.sourceRoot} → ${s.mapping.target}${s.mapping.bundled ? ' (bundled: judged by image build time, not file by file)' : ''}`);
  if (s.baseUrl) out.push(`  base URL: ${s.baseUrl}`);
  for (const m of s.modules) {
    out.push(`  module ${m.name}  ${m.source} → ${m.target}`);
    for (const name of RUNG_NAMES) out.push(`    ${MARK[m.rungs[name].status]} ${name.padEnd(9)} ${m.rungs[name].evidence}`);
    if (m.firstFailure) out.push(`    first failure: ${m.firstFailure} → fix: ${m.fix}`);
  }
  if (s.routes.length > 0) {
    out.push('  routes:');
    const width = Math.max(...s.routes.map((r) => r.method.length + r.path.length + 1));
    for (const r of s.routes) out.push(`    ${`${r.method} ${r.path}`.padEnd(width)}  ${routeAnswer(r)}${r.module ? `  [${r.module}]` : ''}`);
  }
  if (s.missingFiles.length > 0) {
    const inImage = new Set(s.missingFilesInImage);
    out.push(`  not in the running container (${s.missingFiles.length}):`);
    for (const f of s.missingFiles.slice(0, 20)) out.push(`    ${f}${inImage.has(f) ? '  (in the newest image)' : ''}`);
    if (s.missingFiles.length > 20) out.push(`    … and ${s.missingFiles.length - 20} more`);
  }
  if (s.pages.length > 0) {
    out.push(`  pages (${spaNote()}):`);
    const width = Math.max(...s.pages.map((p) => p.path.length));
    for (const p of s.pages) out.push(`    ${PAGE_MARK[p.verdict]} ${p.path.padEnd(width)}  ${p.evidence}  [${p.file}:${p.line}]`);
  }
  if (s.configDrift.length > 0) {
    out.push(`  config differs from the compose files (${s.configDrift.length}; ${s.configBasis ?? 'field by field'}):`);
    for (const d of s.configDrift) out.push(`    ${d.evidence}`);
  }
  for (const e of s.errors) out.push(`  error: ${e}`);
  const warnings = s.warnings ?? [];
  if (warnings.length > 0) {
    // Source entries left out, a rebuild in progress, routes not known statically: one list.
    out.push(`  warnings (${warnings.length}):`);
    for (const w of warnings.slice(0, MAX_WARNINGS_SHOWN)) out.push(`    ${w}`);
    if (warnings.length > MAX_WARNINGS_SHOWN) out.push(`    … ${warnings.length - MAX_WARNINGS_SHOWN} more in --json`);
  }
  if (s.fix) out.push(`  fix: ${s.fix}`);
  if (s.action) out.push(`  action: ${s.action.label} (${s.action.command})`);
  return out;
}

/** Warnings printed per service; --json has more (check.ts keeps MAX_WARNINGS). */
const MAX_WARNINGS_SHOWN = 10;

export function formatReport(report: Report): string {
  const lines: string[] = [`Runtime Drift — ${report.workspace}`, `engine: ${report.engine.host}${report.engine.reachable ? '' : ` — NOT REACHABLE: ${report.engine.error}`}`, ''];
  if (report.services.length === 0) lines.push('no compose services found');
  for (const s of report.services) lines.push(...formatService(s), '');
  lines.push(`verdict: ${report.verdict}`);
  return lines.join('\n') + '\n';
}
