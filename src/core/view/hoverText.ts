// Hover markdown for the gutter: what the rung means for this line and the fix as a command link.
// Returned as plain strings; the VS Code adapter wraps them in a trusted MarkdownString limited to
// our own commands.
import * as l10n from '@vscode/l10n';
import type { ModuleReport, Report, RouteReport, ServiceReport } from '../model';
import { commandLink } from './commandLink';
import { ACTION_COMMAND, COMMAND } from '../commandIds';
import { code, escapeMarkdown } from './markdown';
import { ladderDetail, moduleOfFile, routeAnswer, serviceReason } from './rungText';
import { refOf } from './serviceRef';
import { shortId, verdictWords } from '../ladder/format';

function containerText(service: ServiceReport): string {
  return service.container
    ? l10n.t`container ${code(service.container.name)} (${shortId(service.container.id)}, ${escapeMarkdown(service.container.state)})`
    : l10n.t('no container');
}

function ladderBlock(module: ModuleReport | undefined): string[] {
  if (!module) return [];
  return ['', l10n.t`Ladder for module ${code(module.name)}:`, '', ...ladderDetail(module.rungs).map((l) => `- ${escapeMarkdown(l)}`)];
}

function fixBlock(report: Report, service: ServiceReport): string[] {
  const links: string[] = [];
  if (service.action) {
    links.push(commandLink(service.action.label, ACTION_COMMAND[service.action.kind], [refOf(report, service)], service.action.command));
  }
  links.push(commandLink(l10n.t('Probe Routes'), COMMAND.probeRoutes, [refOf(report, service)]));
  links.push(commandLink(l10n.t('Show Report'), COMMAND.showReport, []));
  const cli = service.fix ? ['', l10n.t`Fix: ${code(service.fix)}`] : [];
  return [...cli, '', links.join(' · ')];
}

/** Hover for line 1 of a source file the running container does not have. */
export function missingFileHover(report: Report, service: ServiceReport, relFile: string): string {
  const inImage = service.missingFilesInImage.includes(relFile);
  const head = inImage
    ? l10n.t`${code(relFile)} is not in the running ${containerText(service)}. The newest image ${code(shortId(service.image.id))} has it: **the container is stale** — recreate it.`
    : l10n.t`${code(relFile)} is in neither the image ${code(shortId(service.image.id))} nor the running ${containerText(service)}: **build the image**, then recreate the container.`;
  return [heading(service), '', head, ...ladderBlock(moduleOfFile(service, relFile)), ...fixBlock(report, service)].join('\n');
}

/** Hover for line 1 of a source file whose compiled form in the running container is another build. */
export function changedFileHover(report: Report, service: ServiceReport, relFile: string): string {
  const head = l10n.t`The running ${containerText(service)} has ${code(relFile)}, but **another build of it**: its size differs from the local build output. Rebuild the image and recreate the container.`;
  return [heading(service), '', head, ...ladderBlock(moduleOfFile(service, relFile)), ...fixBlock(report, service)].join('\n');
}

function heading(service: ServiceReport): string {
  return l10n.t`**Runtime Drift** · service ${code(service.name)}`;
}

/** Hover for a route handler line: what the live route answered and why. */
export function routeHover(report: Report, service: ServiceReport, route: RouteReport): string {
  const module = route.module ? service.modules.find((m) => m.name === route.module) : undefined;
  const reason = route.verdict === 'live' ? undefined : serviceReason(service, module);
  const verdict = route.authVerdict ? l10n.t`${verdictWords(route.verdict)}; with token: ${verdictWords(route.authVerdict)}` : verdictWords(route.verdict);
  const answer = route.prefixUnknown
    ? l10n.t`${code(`${route.method} ${route.path}`)} was **not probed**: its mount prefix is not known statically (…).`
    : route.notServed
      ? l10n.t`${code(`${route.method} ${route.path}`)} is **not served** by this service: it is registered only under a test of the environment that the service's environment (its compose files, its image's Dockerfile ENV) makes fail.`
      : l10n.t`${code(`${route.method} ${route.path}`)} answered **${escapeMarkdown(routeAnswer(route))}** in runtime (${verdict}).`;
  const lines = [`${heading(service)}, ${containerText(service)}`, '', answer];
  if (reason && !route.prefixUnknown && !route.notServed) lines.push('', l10n.t`Why: ${escapeMarkdown(reason)}.`);
  if (route.detail) lines.push('', escapeMarkdown(route.detail));
  if (route.verdict === 'needs-auth' && route.authStatus === null) {
    lines.push('', l10n.t`The route exists but wants a token: ${commandLink(l10n.t('Set Probe Credential'), COMMAND.setProbeCredential, [refOf(report, service)])}`);

  }
  return [...lines, ...ladderBlock(module), ...fixBlock(report, service)].join('\n');
}
