// Naming a service on the command line or from the editor: `api`; `project/api` when several
// compose projects of the workspace have a service of that name (a docs example beside the stack);
// or the label the views show, `project/api (docker-compose.full.yml)`, when several stacks of one
// folder share the project name too (variant files, each a stack).
import * as l10n from '@vscode/l10n';
import type { ServiceSpec } from '../model';
import { UnknownServiceError, UserInputError } from '../errors';
import { serviceLabel, serviceSelector } from '../view/serviceRef';

type Named = Pick<ServiceSpec, 'name' | 'project' | 'stackFile'>;

/** Whether `selector` (`api`, `project/api`, or `project/api (stack file)`) names this service. */
export function selects(selector: string, spec: Named): boolean {
  const asked = selector.trim().replace(/\s+/g, ' ');
  return asked === spec.name || asked === serviceSelector({ project: spec.project, service: spec.name }) || asked === serviceLabel(spec);
}

/** The services the selectors name; an unknown selector is an error naming what there is. */
export function selectServices<T extends Named>(all: readonly T[], selectors: readonly string[]): T[] {
  const unknown = selectors.filter((sel) => !all.some((s) => selects(sel, s)));
  if (unknown.length > 0) throw new UnknownServiceError(unknown, knownNames(all));
  return all.filter((s) => selectors.some((sel) => selects(sel, s)));
}

/** The one service a selector names: a name several projects or stacks have must be told apart. */
export function selectOneService<T extends Named>(all: readonly T[], selector: string): T {
  // Never empty: an unknown selector is selectServices' error.
  const chosen = selectServices(all, [selector]);
  if (chosen.length > 1) {
    const choices = knownNames(chosen, all);
    throw new UserInputError(l10n.t('{0} names more than one service ({1}): name one of them as listed', selector, choices.join(', ')));
  }
  return chosen[0] as T;
}

/**
 * How each of `these` must be written to name it alone among `all`: its bare name where no other
 * service has it, else `project/service` where no other project has it, else its label with the
 * stack's file (`project/service (docker-compose.full.yml)`). Listed once each.
 */
function knownNames(these: readonly Named[], all: readonly Named[] = these): string[] {
  const alone = (form: (s: Named) => string, s: Named) => all.filter((o) => form(o) === form(s)).length < 2;
  const qualified = (s: Named) => serviceSelector({ project: s.project, service: s.name });
  return [...new Set(these.map((s) => (alone((x) => x.name, s) ? s.name : alone(qualified, s) ? qualified(s) : serviceLabel(s))))];
}
