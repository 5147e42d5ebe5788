// The full ladder as a markdown document: what "Show Report" opens, readable without the tree.
import * as l10n from '@vscode/l10n';
import type { Report, ServiceReport } from '../model';
import { ladderDetail, routeAnswer } from './rungText';
import { projectLabel } from './serviceRef';

import { probeDetailText, rungWord, shortId, verdictWords } from '../ladder/format';

export function renderReportMarkdown(reports: readonly Report[], error?: string): string {
  const out: string[] = [`# ${l10n.t('Runtime Drift report')}`, ''];
  if (error) out.push(`> ${l10n.t`Last check failed: ${error}`}`, '');
  if (reports.length === 0) {
    out.push(l10n.t('No check has finished yet. Run **Runtime Drift: Check Runtime**.'));
    return out.join('\n');
  }
  for (const report of reports) {
    const engine = report.engine.reachable ? l10n.t('reachable') : `**${l10n.t('unreachable')}**${report.engine.error ? `: ${report.engine.error}` : ''}`;
    out.push(l10n.t`Workspace: ${`\`${report.workspace}\``}` + '  ', l10n.t`Checked: ${report.checkedAt}` + '  ', l10n.t`Engine: ${report.engine.host} — ${engine}` + '  ', l10n.t`Verdict: ${`**${report.verdict}**`}`, '');
    if (report.services.length === 0) out.push(l10n.t('No compose services or Dockerfiles found.'), '');
    for (const service of report.services) out.push(...serviceSection(service));
  }
  return out.join('\n');
}

function serviceSection(service: ServiceReport): string[] {
  const out = [`## ${projectLabel(service)} / ${service.name} — ${service.verdict}`, '', service.summary, ''];
  const c = service.container;
  out.push(
    `- ${c ? l10n.t`Container: ${c.name} (${shortId(c.id)}), ${c.state}, image ${shortId(c.imageId)}, created ${c.created}` : l10n.t('Container: none')}`,
    `- ${l10n.t`Newest image: ${service.image.ref} (${shortId(service.image.id)})`}${service.image.created ? l10n.t`, built ${service.image.created}` : ''}${service.image.lastTagged ? l10n.t`, built again from the layer cache ${service.image.lastTagged}` : ''}`,
    `- ${service.staleContainer ? l10n.t('Container is **stale** (older image than the newest build)') : l10n.t('Container is current')}`,
  );
  if (service.sourceNewest) out.push(`- ${l10n.t`Newest source change: ${service.sourceNewest}`}`);
  if (service.baseUrl) out.push(`- ${l10n.t`Base URL: ${service.baseUrl}`}`);
  if (service.mapping) {
    for (const m of [service.mapping, ...(service.mapping.programs ?? [])]) {
      out.push(`- ${l10n.t`Mapping: ${m.sourceRoot} → ${m.target}`}${m.bundled ? ` ${l10n.t('(bundled)')}` : ''}`);
      for (const e of m.evidence) out.push(`  - ${e}`);
    }
  }
  if (service.fix) out.push('', l10n.t`**Fix:** ${`\`${service.fix}\``}`);
  if (service.action) out.push('', l10n.t`**Action:** ${service.action.label} (${`\`${service.action.command}\``})`);
  for (const module of service.modules) {
    const state = module.firstFailure ? l10n.t`first failing rung: ${rungWord(module.firstFailure)}` : l10n.t('in sync');
    out.push('', `### ${l10n.t`Module ${module.name}`} — ${state}`, '', `${module.source} → ${module.target}`, '');
    for (const line of ladderDetail(module.rungs)) out.push(`- ${line}`);
    if (module.fix) out.push('', l10n.t`Fix: ${`\`${module.fix}\``}`);
  }
  if (service.routes.length > 0) {
    const head = [l10n.t('Method'), l10n.t('Path'), l10n.t('Answer'), l10n.t('Verdict'), l10n.t('Source')];
    out.push('', `### ${l10n.t('Routes')}`, '', `| ${head.join(' | ')} |`, '|---|---|---|---|---|');
    for (const r of service.routes) {
      const where = r.file ? `${r.file}${r.line === null ? '' : `:${r.line}`}` : l10n.t('config');
      out.push(`| ${r.method} | ${r.path} | ${routeAnswer(r)} | ${verdictWords(r.verdict)}${r.detail ? ` — ${(probeDetailText(r.detail) ?? '').replace(/\|/g, '\\|')}` : ''} | ${where} |`);
    }
  }
  if (service.missingFiles.length > 0) {
    const inImage = new Set(service.missingFilesInImage);
    out.push('', `### ${l10n.t('Source files not in the running container')}`, '');
    for (const f of service.missingFiles) out.push(`- ${f} — ${inImage.has(f) ? l10n.t('in the newest image (fix: recreate)') : l10n.t('not in the image either (fix: build)')}`);
  }
  if (service.errors.length > 0) {
    out.push('', `### ${l10n.t('Errors')}`, '');
    for (const e of service.errors) out.push(`- ${e}`);
  }
  out.push('');
  return out;
}
