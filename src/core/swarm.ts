// Swarm services and stacks. A compose file deployed with `docker stack deploy -c compose.yaml
// <stack>` runs each service as Swarm tasks, labelled with the stack and the Swarm service; compose
// does not manage them, so neither `compose up` nor its fixes may touch them.
import type { ContainerInfo, SwarmServiceReport } from './model';
import { runningFirst } from './gather/engineState';
import { dockerCommandOf } from './engineCommands';

/** Label Swarm puts on a task's container: the Swarm service's name (`<stack>_<service>`). */
export const SWARM_SERVICE_LABEL = 'com.docker.swarm.service.name';
/** Label `docker stack deploy` puts on services and their tasks' containers: the stack's name. */
export const STACK_LABEL = 'com.docker.stack.namespace';

/** The Swarm service a container is a task of; undefined for a compose (or plain) container. */
export function swarmServiceOf(labels: Readonly<Record<string, string>> | undefined): string | undefined {
  const name = labels?.[SWARM_SERVICE_LABEL];
  return name === undefined || name === '' ? undefined : name;
}

/** The Swarm service name `docker stack deploy` gives a compose service of a stack. */
export function stackServiceName(stack: string, service: string): string {
  return `${stack}_${service}`;
}

/**
 * The compose project and service a Swarm task was deployed from (`docker stack deploy -c
 * compose.yaml <stack>` names its services `<stack>_<service>`); undefined for anything else.
 */
export function stackServiceOf(labels: Readonly<Record<string, unknown>>): { project: string; service: string } | undefined {
  const stack = labels[STACK_LABEL];
  const name = labels[SWARM_SERVICE_LABEL];
  if (typeof stack !== 'string' || typeof name !== 'string' || stack === '' || !name.startsWith(`${stack}_`)) return undefined;
  const service = name.slice(stack.length + 1);
  return service === '' ? undefined : { project: stack, service };
}

/** The fix for a Swarm task that runs another image than its service's: a rolling update. */
export function swarmUpdateFix(service: string, composeLabel: string): string {
  return `${dockerCommandOf(composeLabel)} service update --force ${service}`;
}

/**
 * The Swarm service a compose service runs as, with its tasks (their containers on the checked
 * engine: running first, then newest), each judged against the image the service's tag resolves
 * to now; undefined when none of the containers is a Swarm task.
 */
export function swarmServiceReport(containers: readonly ContainerInfo[], currentImageId: string | undefined, project: string): SwarmServiceReport | undefined {
  const first = containers.find((c) => swarmServiceOf(c.labels) !== undefined);
  const service = first && swarmServiceOf(first.labels);
  if (!first || service === undefined) return undefined;
  const tasks = containers
    .filter((c) => swarmServiceOf(c.labels) === service)
    .sort(runningFirst)
    .map((c) => ({
      id: c.id,
      name: c.name,
      state: c.state,
      imageId: c.imageId,
      created: c.created,
      stale: currentImageId !== undefined && c.imageId !== currentImageId,
    }));
  return { stack: first.labels[STACK_LABEL] || project, service, tasks };
}
