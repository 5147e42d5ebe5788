// The full ladder as a markdown document: what "Show Report" opens, readable without the tree.
import type { Report, ServiceReport } from '../model';
import { ladderDetail, routeAnswer, verdictWords } from './rungText';
import { shortId } from '../ladder/format';

export function renderReportMarkdown(reports: readonly Report[], error?: string): string {
  const out: string[] = ['# Runtime Drift report', ''];
  if (error) out.push(`> Last check failed: ${error}`, '');
  if (reports.length === 0) {
    out.push('No check has finished yet. Run **Runtime Drift: Check Runtime**.');
    return out.join('\n');
  }
  for (const report of reports) {
    out.push(`Workspace: \`${report.workspace}\`  `, `Checked: ${report.checkedAt}  `, `Engine: ${report.engine.host} — ${report.engine.reachable ? 'reachable' : `**unreachable**${report.engine.error ? `: ${report.engine.error}` : ''}`}  `, `Verdict: **${report.verdict}**`, '');
    if (report.services.length === 0) out.push('No compose services found.', '');
    for (const service of report.services) out.push(...serviceSection(service));
  }
  return out.join('\n');
}

function serviceSection(service: ServiceReport): string[] {
  const out = [`## ${service.project} / ${service.name} — ${service.verdict}`, '', service.summary, ''];
  const c = service.container;
  out.push(
    `- Container: ${c ? `${c.name} (${shortId(c.id)}), ${c.state}, image ${shortId(c.imageId)}, created ${c.created}` : 'none'}`,
    `- Newest image: ${service.image.ref} (${shortId(service.image.id)})${service.image.created ? `, built ${service.image.created}` : ''}`,
    `- Container is ${service.staleContainer ? '**stale** (older image than the newest build)' : 'current'}`,
  );
  if (service.sourceNewest) out.push(`- Newest source change: ${service.sourceNewest}`);
  if (service.baseUrl) out.push(`- Base URL: ${service.baseUrl}`);
  if (service.mapping) {
    out.push(`- Mapping: ${service.mapping.sourceRoot} → ${service.mapping.target}${service.mapping.bundled ? ' (bundled)' : ''}`);
    for (const e of service.mapping.evidence) out.push(`  - ${e}`);
  }
  if (service.fix) out.push('', `**Fix:** \`${service.fix}\``);
  if (service.action) out.push('', `**Action:** ${service.action.label} (\`${service.action.command}\`)`);
  for (const module of service.modules) {
    out.push('', `### Module ${module.name}${module.firstFailure ? ` — first failing rung: ${module.firstFailure}` : ' — in sync'}`, '', `${module.source} → ${module.target}`, '');
    for (const line of ladderDetail(module.rungs)) out.push(`- ${line}`);
    if (module.fix) out.push('', `Fix: \`${module.fix}\``);
  }
  if (service.routes.length > 0) {
    out.push('', '### Routes', '', '| Method | Path | Answer | Verdict | Source |', '|---|---|---|---|---|');
    for (const r of service.routes) {
      const where = r.file ? `${r.file}${r.line === null ? '' : `:${r.line}`}` : 'config';
      out.push(`| ${r.method} | ${r.path} | ${routeAnswer(r)} | ${verdictWords(r.verdict)}${r.detail ? ` — ${r.detail.replace(/\|/g, '\\|')}` : ''} | ${where} |`);
    }
  }
  if (service.missingFiles.length > 0) {
    const inImage = new Set(service.missingFilesInImage);
    out.push('', '### Source files not in the running container', '');
    for (const f of service.missingFiles) out.push(`- ${f} — ${inImage.has(f) ? 'in the newest image (fix: recreate)' : 'not in the image either (fix: build)'}`);
  }
  if (service.errors.length > 0) {
    out.push('', '### Errors', '');
    for (const e of service.errors) out.push(`- ${e}`);
  }
  out.push('');
  return out;
}
