// Live updates re-check only what changed: a file maps to the service whose source root holds it,
// an engine event to the service its compose labels name. "all" when we cannot tell.
import { isAbsolute, relative } from 'node:path';
import type { Report } from './model';
import type { EngineEvent } from './ports';
import { refOf, type ServiceRef } from './view/serviceRef';

export type Affected = 'all' | ServiceRef[];

const COMPOSE_FILE = /(^|[\\/])(docker-)?compose(\.override)?\.ya?ml$/;
// `dockerfile`: what Docker reads when a context has no Dockerfile (dockerfile/dockerfileName.ts).
const BUILD_FILE = /(^|[\\/])(Dockerfile[^\\/]*|[^\\/]*\.Dockerfile|dockerfile|\.dockerignore|\.env|tsconfig[^\\/]*\.json|package\.json)$/;

function inside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Services a changed file concerns; compose and build files may change any service. */
export function servicesForFile(reports: readonly Report[], file: string): Affected {
  if (COMPOSE_FILE.test(file) || BUILD_FILE.test(file)) return 'all';
  const out: ServiceRef[] = [];
  for (const report of reports) {
    for (const service of report.services) {
      if (service.mapping && inside(service.mapping.sourceRoot, file)) out.push(refOf(report, service));
    }
  }
  return out;
}

function sameImage(a: string, b: string): boolean {
  const norm = (r: string) => (/:[^/]+$/.test(r) ? r : `${r}:latest`).replace(/^docker\.io\/(library\/)?/, '');
  return norm(a) === norm(b);
}

/**
 * Which services an engine event concerns. Container create/destroy are only trusted for the
 * container a report knows: the check itself creates and removes never-started containers from
 * an image to list its files, and those inherit the image's compose labels; reacting to them
 * would re-check forever. A real recreate always brings a start or die.
 */
export function servicesForEvent(reports: readonly Report[], event: EngineEvent): Affected {
  // exec_start / exec_die: only for a container a report knows (any compose project's execs would
  // otherwise re-check everything).
  if (event.type === 'container' && (event.action === 'create' || event.action === 'destroy' || event.action.startsWith('exec_'))) {
    const known: ServiceRef[] = [];
    for (const report of reports) {
      for (const service of report.services) {
        if (event.id !== undefined && service.container?.id === event.id) known.push(refOf(report, service));
      }
    }
    return known;
  }
  const out: ServiceRef[] = [];
  for (const report of reports) {
    for (const service of report.services) {
      const byLabels = event.project !== undefined && event.service !== undefined && service.project === event.project && service.name === event.service;
      const byImage = event.type === 'image' && event.name !== undefined && sameImage(service.image.ref, event.name);
      if (byLabels || byImage) out.push(refOf(report, service));
    }
  }
  // A compose-labelled container we do not know yet (a new service): a full check finds it.
  if (out.length === 0 && event.project !== undefined) return 'all';
  return out;
}
