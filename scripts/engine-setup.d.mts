// Types for engine-setup.mjs, for the tests that start engines of their own.

/** Installs what the engine tests need and starts dockerd on /var/run/docker.sock when it does not answer. */
export function setupEngine(): Promise<void>;
/** A command's path: on PATH, else in the sbin folders (a PATH without them still finds dockerd); undefined when absent. */
export function findCommand(name: string): string | undefined;
