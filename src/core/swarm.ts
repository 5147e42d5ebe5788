// Swarm services and stacks. A compose file deployed with `docker stack deploy -c compose.yaml
// <stack>` runs each service as Swarm tasks, labelled with the stack and the Swarm service; compose
// does not manage them, so neither `compose up` nor its fixes may touch them.
import type { ContainerInfo, SwarmServiceReport, SwarmTaskReport } from './model';
import type { SwarmTasks } from './ports';
import { pickContainer, runningFirst } from './gather/engineState';
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
 * The Swarm service a compose service runs as, with its tasks, running first, then newest. From
 * the manager's records when the engine is one (`swarm`): every task on every node, each judged
 * against the image its service's spec names now, and a task on this engine's own node also
 * against the image its tag resolves to here (a rebuilt tag the Swarm could not pin to a digest).
 * Else from the task containers on this engine (a worker, an engine that cannot say). Undefined
 * when it is no Swarm service.
 */
export function swarmServiceReport(
  swarm: SwarmTasks | undefined,
  containers: readonly ContainerInfo[],
  currentImageId: string | undefined,
  project: string,
): SwarmServiceReport | undefined {
  if (swarm && swarm.tasks.length > 0) return fromManager(swarm, containers, currentImageId, project);
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
      inspectable: true,
    }));
  return { stack: first.labels[STACK_LABEL] || project, service, tasks };
}

function fromManager(swarm: SwarmTasks, containers: readonly ContainerInfo[], currentImageId: string | undefined, project: string): SwarmServiceReport {
  const byId = new Map(containers.map((c) => [c.id, c]));
  const tasks = swarm.tasks.map((t): SwarmTaskReport => {
    const container = t.local && t.containerId ? byId.get(t.containerId) : undefined;
    const specStale = !sameImage(t.image, swarm.image);
    const tagStale = container !== undefined && currentImageId !== undefined && container.imageId !== currentImageId;
    return {
      id: container?.id ?? t.containerId ?? t.id,
      name: container?.name ?? `${swarm.service}.${t.slot || t.id}.${t.id}`,
      state: container?.state ?? t.state,
      imageId: container?.imageId ?? digestOf(t.image) ?? '',
      created: container?.created ?? t.updated,
      stale: specStale || tagStale,
      node: t.node,
      image: t.image,
      inspectable: container !== undefined,
    };
  });
  const stack = containers.find((c) => c.labels[STACK_LABEL])?.labels[STACK_LABEL] || project;
  return { stack, service: swarm.service, image: swarm.image, tasks: tasks.sort(runningFirstTask) };
}

/** Two image references name the same image: by digest when both are pinned, else by repository and tag. */
export function sameImage(a: string, b: string): boolean {
  const [da, db] = [digestOf(a), digestOf(b)];
  if (da && db) return da === db;
  return withoutDigest(a) === withoutDigest(b);
}

function digestOf(ref: string): string | undefined {
  return /@(sha256:[0-9a-f]+)$/.exec(ref)?.[1];
}

function withoutDigest(ref: string): string {
  return ref.replace(/@sha256:[0-9a-f]+$/, '');
}

function runningFirstTask(a: SwarmTaskReport, b: SwarmTaskReport): number {
  return Number(b.state === 'running') - Number(a.state === 'running') || b.created.localeCompare(a.created);
}

/**
 * The container to check: a running one, else the newest; but a Swarm task's container that no
 * longer runs here is the Swarm's history when the service runs on other nodes now.
 */
export async function checkedContainer(found: readonly ContainerInfo[], swarm: Promise<SwarmTasks | undefined> | undefined): Promise<ContainerInfo | undefined> {
  const container = pickContainer(found);
  if (!container || container.state === 'running' || swarmServiceOf(container.labels) === undefined) return container;
  const tasks = await swarm;
  return tasks?.tasks.some((t) => t.state === 'running' && !t.local) ? undefined : container;
}
