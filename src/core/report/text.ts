// The ladder report as plain text, as the CLI prints it (the editor's report is view/reportDocument.ts).
import { isAbsolute, relative, sep } from 'node:path';
import { RUNG_NAMES } from '../model';
import type { ModuleReport, PageReport, Report, RouteReport, RungStatus, ServiceReport } from '../model';
import { shortId, timeAgo } from '../ladder/format';
import { spaNote } from '../pages/judgePages';
import { serviceLabel } from '../view/serviceRef';
import { compactNames, groupModules, rungVariants } from './moduleGroups';
import type { ModuleGroup } from './moduleGroups';
import { routeOutcome, tally } from './routeTally';

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
  const rebuilt = s.image.lastTagged ? `, built again from the layer cache ${timeAgo(s.image.lastTagged, new Date()) ?? 'at an unknown time'}` : '';
  return `image: ${s.image.ref} ${shortId(s.image.id)}, built ${timeAgo(s.image.created, new Date()) ?? 'at an unknown time'}${rebuilt}${s.sourceNewest ? `; newest source change ${timeAgo(s.sourceNewest, new Date()) ?? 'unknown'}` : ''}`;
}

const PAGE_MARK = { served: '✓', missing: '✗', unknown: '?' } as const;

/** How much the text says: the default is one screen per service; verbose lists every module's rungs, every route and every warning. */
export interface TextOptions {
  verbose?: boolean;
  /** The checked folder (Report.workspace): a source root inside it is shown relative to it, as the module lines show theirs. */
  workspace?: string;
}

/** A service's ladder as text: the verdict and the fix first, what agrees counted, what does not named. */
export function formatService(s: ServiceReport, options: TextOptions = {}): string[] {
  return options.verbose ? fullService(s, options.workspace) : compactService(s, options.workspace);
}

/** A source root as the report shows it: relative to the checked folder when inside it (`.` for the folder itself). */
function shownRoot(root: string, workspace: string | undefined): string {
  if (workspace === undefined) return root;
  const below = relative(workspace, root);
  return below === '' ? '.' : below.startsWith('..') || isAbsolute(below) ? root : below.split(sep).join('/');
}

const head = (s: ServiceReport, summary = s.summary): string => `${serviceLabel(s)}  ${s.verdict.toUpperCase()}  ${summary}`;

/** Characters of a service's summary the default form prints; a summary naming dozens of failing modules is cut at a comma before it. */
const SUMMARY_SHOWN = 400;

function clipped(summary: string): string {
  if (summary.length <= SUMMARY_SHOWN) return summary;
  const cut = summary.lastIndexOf(', ', SUMMARY_SHOWN);
  return `${summary.slice(0, cut > 0 ? cut : SUMMARY_SHOWN)}, … (--verbose for all)`;
}

/**
 * Where the service runs from and what it maps; with no container, container and image on one line.
 * The full form lists under each mapping how its source root and target were found (its evidence).
 */
function where(s: ServiceReport, compact: boolean, workspace?: string): string[] {
  const out = compact && !s.container ? [`  ${containerLine(s)} · ${imageLine(s)}`] : [`  ${containerLine(s)}`, `  ${imageLine(s)}`];
  // No compose file: the service is a Dockerfile, its containers those running its image.
  if (s.standalone) out.push(`  dockerfile: ${s.standalone.dockerfile} (context ${s.standalone.context ?? '.'}; no compose file: containers of image ${s.image.ref} are its)`);
  const bundled = (m: { bundled: boolean }) => (m.bundled ? ' (bundled: judged by image build time, not file by file)' : '');
  const why = (m: { evidence: readonly string[] }) => (compact ? [] : m.evidence.map((e) => `    · ${e}`));
  if (s.mapping) out.push(`  mapping: ${shownRoot(s.mapping.sourceRoot, workspace)} → ${s.mapping.target}${bundled(s.mapping)}`, ...why(s.mapping));
  // The other programs the image starts, each with its own mapping (SourceMapping.programs).
  for (const p of s.mapping?.programs ?? []) out.push(`  also runs: ${shownRoot(p.sourceRoot, workspace)} → ${p.target}${bundled(p)}`, ...why(p));
  // Where its routes and pages are probed: of a service with none (a database), no address to read.
  if (s.baseUrl && (s.routes.length > 0 || s.pages.length > 0)) out.push(`  base URL: ${s.baseUrl}`);
  return out;
}

function moduleInFull(m: ModuleReport): string[] {
  const out = [`  module ${m.name}  ${m.source} → ${m.target}`];
  for (const name of RUNG_NAMES) out.push(`    ${MARK[m.rungs[name].status]} ${name.padEnd(9)} ${m.rungs[name].evidence}`);
  if (m.firstFailure) out.push(`    first failure: ${m.firstFailure} → fix: ${m.fix}`);
  return out;
}

function routeLine(r: RouteReport, width: number): string {
  return `${`${r.method} ${r.path}`.padEnd(width)}  ${routeAnswer(r)}${r.module ? `  [${r.module}]` : ''}`;
}

const routeWidth = (routes: readonly RouteReport[]): number => Math.max(...routes.map((r) => r.method.length + r.path.length + 1));

/** Missing files, pages, config drift and errors: already bounded lists, the same in both forms. */
function findings(s: ServiceReport, pages: (s: ServiceReport) => string[]): string[] {
  const out: string[] = [];
  if (s.missingFiles.length > 0) {
    const inImage = new Set(s.missingFilesInImage);
    out.push(`  not in the running container (${s.missingFiles.length}):`);
    for (const f of s.missingFiles.slice(0, 20)) out.push(`    ${f}${inImage.has(f) ? '  (in the newest image)' : ''}`);
    if (s.missingFiles.length > 20) out.push(`    … and ${s.missingFiles.length - 20} more`);
  }
  out.push(...pages(s));
  if (s.configDrift.length > 0) {
    out.push(`  config differs from the compose files (${s.configDrift.length}; ${s.configBasis ?? 'field by field'}):`);
    for (const d of s.configDrift) out.push(`    ${d.evidence}`);
  }
  for (const e of s.errors) out.push(`  error: ${e}`);
  return out;
}

function pageLines(pages: readonly PageReport[]): string[] {
  const width = Math.max(...pages.map((p) => p.path.length));
  return pages.map((p) => `    ${PAGE_MARK[p.verdict]} ${p.path.padEnd(width)}  ${p.evidence}  [${p.file}:${p.line}]`);
}

function warningLines(warnings: readonly string[], shown: number, more: string): string[] {
  if (warnings.length === 0) return [];
  // Source entries left out, a rebuild in progress, routes not known statically: one list.
  const out = [`  warnings (${warnings.length}):`, ...warnings.slice(0, shown).map((w) => `    ${w}`)];
  if (warnings.length > shown) out.push(`    … ${warnings.length - shown} more ${more}`);
  return out;
}

/** Today's full listing (--verbose): every module's six rungs, every route, every warning. */
function fullService(s: ServiceReport, workspace?: string): string[] {
  const out = [head(s), ...where(s, false, workspace)];
  for (const m of s.modules) out.push(...moduleInFull(m));
  if (s.routes.length > 0) {
    out.push('  routes:');
    const width = routeWidth(s.routes);
    for (const r of s.routes) out.push(`    ${routeLine(r, width)}`);
  }
  out.push(
    ...findings(s, (x) => (x.pages.length > 0 ? [`  pages (${spaNote()}):`, ...pageLines(x.pages)] : [])),
    ...warningLines(s.warnings ?? [], Infinity, ''),
  );
  if (s.fix) out.push(`  fix: ${s.fix}`);
  if (s.action) out.push(`  action: ${s.action.label} (${s.action.command})`);
  return out;
}

/** Warnings the default form prints per service; --verbose prints them all (--json has up to check.ts's MAX_WARNINGS). */
const WARNINGS_SHOWN = 5;
/** Module names a group's line spells out before "… and N more". */
const NAMES_SHOWN = 8;
/** Modules of a failing group whose failed rung's evidence is spelled out before "… and N more". */
const FAILED_MODULES_NAMED = 10;
/** Route counts per module said on one line before "… and N more". */
const MODULE_COUNTS_SHOWN = 6;
/** Compose files not checked named in the text report; the rest counted. */
const NOT_READ_SHOWN = 5;
/** More routes than this without an answer for one same reason are counted, not named: the reason is the service's, not theirs. */
const UNANSWERED_NAMED = 10;

/** One screen per service: verdict and fix first; modules that read alike said once; routes counted by outcome, the failed ones named. */
function compactService(s: ServiceReport, workspace?: string): string[] {
  const out = [head(s, clipped(s.summary))];
  if (s.fix) out.push(`  fix: ${s.fix}`);
  // The action's command is the fix's in all but wording; said when the fix does not carry it.
  if (s.action && !s.fix?.includes(s.action.command)) out.push(`  action: ${s.action.label} (${s.action.command})`);
  out.push(...where(s, true, workspace));
  // A failing module alone is shown in full; any other group, however small, by what it shares.
  for (const g of groupModules(s.modules)) out.push(...(g.failing && g.modules.length === 1 ? moduleInFull(g.modules[0] as ModuleReport) : groupLines(g)));
  out.push(...routeSummary(s.routes));
  out.push(...findings(s, compactPages), ...warningLines(s.warnings ?? [], WARNINGS_SHOWN, '(--verbose lists all)'));
  return out;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const marks = (m: ModuleReport): string => RUNG_NAMES.map((r) => `${r} ${MARK[m.rungs[r].status]}`).join(' · ');

function listed(items: readonly string[], shown: number): string {
  return items.length > shown ? `${items.slice(0, shown).join(', ')}, … and ${items.length - shown} more` : items.join(', ');
}

/**
 * A group of modules that read alike (or one module that does not fail): their names, their rung
 * marks, then each rung that did not pass once, with what it says; where modules say different
 * things, each thing with how many say it, and a failed rung's evidence per module (it names the
 * module's own files), the first FAILED_MODULES_NAMED of them.
 */
function groupLines(g: ModuleGroup): string[] {
  const first = g.modules[0] as ModuleReport;
  const names = g.failing ? '' : `: ${listed(compactNames(g.modules.map((m) => m.name)), NAMES_SHOWN)}`;
  const out = [g.modules.length === 1 ? `  module ${first.name}` : `  ${g.modules.length} modules${names}`, `    ${marks(first)}`];
  for (const rung of RUNG_NAMES) {
    const status = first.rungs[rung].status;
    if (status === 'pass') continue;
    const variants = rungVariants(g.modules, rung);
    const label = `${MARK[status]} ${rung.padEnd(9)}`;
    if (variants.length === 1) out.push(`    ${label} ${variants[0]?.evidence}`);
    else if (status === 'fail') {
      for (const m of g.modules.slice(0, FAILED_MODULES_NAMED)) out.push(`    ${label} ${m.name}: ${m.rungs[rung].evidence}`);
      if (g.modules.length > FAILED_MODULES_NAMED) out.push(`    ${label} … and ${g.modules.length - FAILED_MODULES_NAMED} more modules (--verbose lists them)`);
    } else for (const v of variants) out.push(`    ${label} ${v.evidence}  [${plural(v.modules.length, 'module')}]`);
  }
  if (first.firstFailure) out.push(`    first failure: ${first.firstFailure} → fix: ${first.fix}`);
  return out;
}

/** Routes by outcome: each failed one named; those answered as declared and those not sent counted, by answer, and by module when they span several. */
function routeSummary(routes: readonly RouteReport[]): string[] {
  if (routes.length === 0) return [];
  const out = [`  routes (${routes.length}):`];
  const failed = routes.filter((r) => routeOutcome(r) === 'failed');
  const unanswered = tally(failed.filter((r) => r.verdict === 'unreachable'), routeAnswer).filter(([, n]) => n > UNANSWERED_NAMED);
  const counted = new Set(unanswered.map(([answer]) => answer));
  const named = failed.filter((r) => !counted.has(routeAnswer(r)));
  const width = named.length > 0 ? routeWidth(named) : 0;
  for (const r of named) out.push(`    ${MARK.fail} ${routeLine(r, width)}`);
  for (const [answer, n] of unanswered) out.push(`    ${MARK.fail} ${n} ${answer}`);
  const expected = routes.filter((r) => routeOutcome(r) === 'expected');
  if (expected.length > 0) out.push(`    ${MARK.pass} ${expected.length} answered as declared: ${counts(tally(expected, routeAnswer))}`);
  for (const [answer, n] of tally(routes.filter((r) => routeOutcome(r) === 'not-sent'), routeAnswer)) out.push(`    ${MARK.skip} ${n} ${answer}`);
  const byModule = tally(routes, (r) => r.module ?? '(no module)');
  if (byModule.length > 1) out.push(`    by module: ${listed(byModule.map(([m, n]) => `${m} ${n}`), MODULE_COUNTS_SHOWN)}`);
  return out;
}

const counts = (entries: readonly [string, number][]): string => entries.map(([what, n]) => `${n}× ${what}`).join(' · ');

/** Pages: each missing one named; the served counted; those not judged counted by why, unless one alone says it. */
function compactPages(s: ServiceReport): string[] {
  if (s.pages.length === 0) return [];
  const out = [`  pages (${s.pages.length}; ${spaNote()}):`];
  const missing = s.pages.filter((p) => p.verdict === 'missing');
  if (missing.length > 0) out.push(...pageLines(missing));
  const unknown = s.pages.filter((p) => p.verdict === 'unknown');
  for (const [why, n] of tally(unknown, (p) => p.evidence)) {
    out.push(...(n === 1 ? pageLines(unknown.filter((p) => p.evidence === why)) : [`    ${PAGE_MARK.unknown} ${n} not judged: ${why}`]));
  }
  const served = s.pages.length - missing.length - unknown.length;
  if (served > 0) out.push(`    ${PAGE_MARK.served} ${served} served`);
  return out;
}

export function formatReport(report: Report, options: TextOptions = {}): string {
  const lines: string[] = [`Runtime Drift — ${report.workspace}`, `engine: ${report.engine.host}${report.engine.reachable ? '' : ` — NOT REACHABLE: ${report.engine.error}`}`, ''];
  if (report.services.length === 0) lines.push('no compose services or Dockerfiles found', ...hiddenLines(report.composeFilesHidden ?? []));
  for (const s of report.services) lines.push(...formatService(s, { workspace: report.workspace, ...options }), '');
  if (!options.verbose && report.services.length > 1) lines.push(...summary(report.services), '');
  if (report.composeFilesNotRead?.length) lines.push(...notReadLines(report.composeFilesNotRead), '');
  if (report.readOutside?.length) lines.push(`not read, outside the workspace (${report.readOutside.length}): ${listed(report.readOutside, NOT_READ_SHOWN)}`, '  links or names leading out of the workspace are treated as absent: a check reads only the workspace', '');
  lines.push(`verdict: ${report.verdict}`);
  return lines.join('\n') + '\n';
}

/** Variant compose files beside a base file, not checked: named, with the flag that checks one. */
function hiddenLines(files: readonly string[]): string[] {
  if (files.length === 0) return [];
  return [`compose files in hidden folders, not read on their own: ${files.join(', ')}`, `  check one with --compose-file ${files[0]} (in the editor: the runtimeDrift.composeFiles setting)`];
}

function notReadLines(files: readonly string[]): string[] {
  return [
    `not checked (${files.length}): ${listed(files, NOT_READ_SHOWN)}`,
    `  variants beside a base compose file, run with -f; nothing runs from them. Check one with --compose-file ${files[0]} (repeatable, merged like docker compose -f)`,
  ];
}

/** The end of a long report: each service's state and its fix, one line each, those with something to do first. */
function summary(services: readonly ServiceReport[]): string[] {
  const width = Math.max(...services.map((s) => serviceLabel(s).length));
  const todo = services.filter((s) => s.fix || s.action);
  const fine = services.filter((s) => !(s.fix || s.action));
  return [
    `summary (${services.length} services):`,
    ...[...todo, ...fine].map((s) => `  ${serviceLabel(s).padEnd(width)}  ${s.verdict.toUpperCase()}${s.fix ? `  fix: ${s.fix}` : s.action ? `  action: ${s.action.command}` : ''}`),
  ];
}
