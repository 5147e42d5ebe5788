// Config drift in the editor, as plain data: a gutter badge with a hover on each compose (or
// env_file) line whose value the running container does not have, the "Recreate" lens on the
// service's line, and the tree's config line under the service.
import * as l10n from '@vscode/l10n';
import type { ActionKind, ConfigDrift, Report, ServiceReport } from '../model';
import type { LensModel } from './codeLensModel';
import { commandLink } from './commandLink';
import { ACTION_COMMAND, COMMAND } from '../commandIds';
import { code, escapeMarkdown } from './markdown';
import { absoluteIn } from './paths';
import { refOf } from './serviceRef';

export interface ConfigLineMark {
  /** Absolute file. */
  file: string;
  /** 1-based line. */
  line: number;
  hover: string;
}

/** Config drift marks of every service, one per line (fields on the same line share a hover). */
export function configLineMarks(reports: readonly Report[]): ConfigLineMark[] {
  const out: ConfigLineMark[] = [];
  for (const report of reports) {
    if (!report.engine.reachable) continue;
    for (const service of report.services) {
      const byLine = new Map<string, { file: string; line: number; drift: ConfigDrift[] }>();
      for (const d of service.configDrift) {
        if (d.file === null || d.line === null) continue;
        const file = absoluteIn(report.workspace, d.file);
        const key = `${file}\0${d.line}`;
        const entry = byLine.get(key) ?? { file, line: d.line, drift: [] };
        entry.drift.push(d);
        byLine.set(key, entry);
      }
      for (const e of byLine.values()) out.push({ file: e.file, line: e.line, hover: configHover(report, service, e.drift) });
    }
  }
  return out;
}

/** Hover: each differing field with both values (hidden ones only "differ"), why, and Recreate. */
export function configHover(report: Report, service: ServiceReport, drift: readonly ConfigDrift[]): string {
  const running = service.container
    ? l10n.t`The running container ${code(service.container.name)} was created from an **older compose configuration**:`
    : l10n.t('The running container was created from an **older compose configuration**:');
  const lines = [
    l10n.t`**Runtime Drift** · service ${code(service.name)}`,
    '',
    running,
    '',
    ...drift.map((d) => `- ${fieldText(d)}`),
    '',
    `${l10n.t('`up -d` recreates it with what the compose files say now.')}${service.configBasis ? ` (${escapeMarkdown(service.configBasis)})` : ''}`,
  ];
  const links = [];
  if (service.action) links.push(commandLink(service.action.label, ACTION_COMMAND[service.action.kind], [refOf(report, service)], service.action.command));
  links.push(commandLink(l10n.t('Show Report'), COMMAND.showReport, []));
  return [...lines, '', links.join(' · ')].join('\n');
}

function fieldText(d: ConfigDrift): string {
  // "environment.DB_PASSWORD (value hidden: secret-looking name): values differ" — no values in it.
  if (d.hidden) return `${code(d.field)} ${escapeMarkdown(d.evidence.slice(d.field.length).trim())}`;
  const compose = d.compose === null ? l10n.t('not declared') : code(d.compose);
  const container = d.container === null ? l10n.t('none') : code(d.container);
  return l10n.t`${code(d.field)}: compose says ${compose}, the container has ${container}`;
}

/** The lenses on a drifted service's `name:` line in its compose file: what differs, then Recreate. */
export function composeServiceLenses(reports: readonly Report[]): Map<string, LensModel[]> {
  const out = new Map<string, LensModel[]>();
  for (const report of reports) {
    if (!report.engine.reachable) continue;
    for (const service of report.services) {
      const at = service.composeLine;
      if (!at || service.configDrift.length === 0) continue;
      const file = absoluteIn(report.workspace, at.file);
      const lenses = out.get(file) ?? [];
      lenses.push({ line: at.line, title: configSummary(service), command: COMMAND.showReport, args: [], tooltip: service.configDrift.map((d) => d.evidence).join('\n') });
      const fix = configFix(service);
      lenses.push({
        line: at.line,
        title: fix.title,
        command: ACTION_COMMAND[fix.kind],
        args: [refOf(report, service)],
        tooltip: service.action ? l10n.t`${service.action.command}, then verify` : undefined,
      });
      out.set(file, lenses);
    }
  }
  return out;
}

/**
 * The fix of a configuration the container was not created with. Recreate is what compose does
 * with a changed configuration; a service that also needs a build gets its own action (Rebuild),
 * which recreates too.
 */
export function configFix(service: ServiceReport): { kind: ActionKind; title: string } {
  const kind = service.action?.kind ?? 'recreate';
  return { kind, title: kind === 'recreate' ? l10n.t`Recreate ${service.name}` : (service.action?.label ?? l10n.t`Recreate ${service.name}`) };
}

/** "config differs from compose: environment.FEATURE_WORKFLOW, command". */
export function configSummary(service: ServiceReport): string {
  const fields = service.configDrift.map((d) => d.field);
  const shown = fields.slice(0, 3).join(', ');
  return fields.length > 3 ? l10n.t`config differs from compose: ${shown} and ${fields.length - 3} more` : l10n.t`config differs from compose: ${shown}`;

}
