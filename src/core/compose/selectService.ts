// Naming a service on the command line or from the editor: `api`, or `project/api` when several
// compose projects of the workspace have a service of that name (a docs example beside the stack).
import * as l10n from '@vscode/l10n';
import type { ServiceSpec } from '../model';
import { UnknownServiceError, UserInputError } from '../errors';
import { serviceSelector } from '../view/serviceRef';

/** Whether `selector` (`api` or `project/api`) names this service. */
export function selects(selector: string, spec: Pick<ServiceSpec, 'name' | 'project'>): boolean {
  return selector === spec.name || selector === serviceSelector({ project: spec.project, service: spec.name });
}

/** The services the selectors name; an unknown selector is an error naming what there is. */
export function selectServices(all: readonly ServiceSpec[], selectors: readonly string[]): ServiceSpec[] {
  const unknown = selectors.filter((sel) => !all.some((s) => selects(sel, s)));
  if (unknown.length > 0) throw new UnknownServiceError(unknown, knownNames(all));
  return all.filter((s) => selectors.some((sel) => selects(sel, s)));
}

/** The one service a selector names: a bare name that several projects have must be told apart. */
export function selectOneService(all: readonly ServiceSpec[], selector: string): ServiceSpec {
  // Never empty: an unknown selector is selectServices' error.
  const chosen = selectServices(all, [selector]);
  if (chosen.length > 1) {
    const choices = chosen.map((s) => serviceSelector({ project: s.project, service: s.name }));
    throw new UserInputError(l10n.t('{0} names a service in more than one compose project ({1}): name one as PROJECT/SERVICE', selector, choices.join(', ')));
  }
  return chosen[0] as ServiceSpec;
}

/** The names to offer: bare where unique in the workspace, else `project/service`. */
function knownNames(all: readonly ServiceSpec[]): string[] {
  const count = new Map<string, number>();
  for (const s of all) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  return [...new Set(all.map((s) => ((count.get(s.name) ?? 0) > 1 ? serviceSelector({ project: s.project, service: s.name }) : s.name)))];
}
