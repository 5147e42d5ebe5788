// A Swarm service and its tasks on every node, from the manager's records (GET /services, /tasks,
// /nodes): the containers list of one engine shows only the tasks on its own node.
import type { SwarmTask, SwarmTasks } from '../core/ports';
import { isRecord } from '../core/isRecord';

/** One GET on the engine, JSON back (engineJson.ts's engineRequest, bounded by the caller). */
export type EngineGet = (path: string, query: Record<string, unknown>) => Promise<unknown>;

/** The engine's own Swarm node, when it is a manager (only managers answer for tasks). */
export interface SwarmRole {
  nodeId: string;
  manager: boolean;
}

/** From GET /info: undefined when the engine is in no swarm. */
export function swarmRoleOf(info: unknown): SwarmRole | undefined {
  const swarm = isRecord(info) && isRecord(info.Swarm) ? info.Swarm : undefined;
  const nodeId = swarm && typeof swarm.NodeID === 'string' ? swarm.NodeID : '';
  if (!swarm || nodeId === '' || swarm.LocalNodeState !== 'active') return undefined;
  return { nodeId, manager: swarm.ControlAvailable === true };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const field = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((o, k) => (isRecord(o) ? o[k] : undefined), v);

/** The service's tasks, each with its node's host name; undefined when the manager has no service of that name. */
export async function readSwarmTasks(get: EngineGet, role: SwarmRole, name: string): Promise<SwarmTasks | undefined> {
  // The name filter matches prefixes ("shop_api" finds "shop_api2" too): the exact name is picked.
  const services = await get('/services', { filters: JSON.stringify({ name: [name] }) });
  const service = Array.isArray(services) ? services.find((s) => field(s, 'Spec', 'Name') === name) : undefined;
  const id = text(field(service, 'ID'));
  if (id === '') return undefined;
  const [tasks, nodes] = await Promise.all([get('/tasks', { filters: JSON.stringify({ service: [id] }) }), get('/nodes', {})]);
  const hostnames = new Map<string, string>();
  for (const n of Array.isArray(nodes) ? nodes : []) hostnames.set(text(field(n, 'ID')), text(field(n, 'Description', 'Hostname')));
  return {
    service: name,
    image: text(field(service, 'Spec', 'TaskTemplate', 'ContainerSpec', 'Image')),
    tasks: (Array.isArray(tasks) ? tasks : []).map((t) => taskOf(t, role, hostnames)),
  };
}

function taskOf(t: unknown, role: SwarmRole, hostnames: ReadonlyMap<string, string>): SwarmTask {
  const nodeId = text(field(t, 'NodeID'));
  const containerId = text(field(t, 'Status', 'ContainerStatus', 'ContainerID'));
  const slot = field(t, 'Slot');
  return {
    id: text(field(t, 'ID')),
    slot: typeof slot === 'number' ? slot : 0,
    node: hostnames.get(nodeId) || nodeId,
    local: nodeId !== '' && nodeId === role.nodeId,
    state: text(field(t, 'Status', 'State')),
    image: text(field(t, 'Spec', 'ContainerSpec', 'Image')),
    ...(containerId ? { containerId } : {}),
    updated: text(field(t, 'Status', 'Timestamp')) || text(field(t, 'UpdatedAt')),
  };
}
