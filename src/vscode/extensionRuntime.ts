// The engine side of the extension, loaded on first use. It is a bundle of its own
// (dist/engine.js, from src/engine/extensionBackend.ts): activation loads only the small
// extension bundle, and dockerode, undici and the core are read when the first check runs.
import * as path from 'node:path';
import type { ComposeRunnerLike } from '../core/ports';
import type { ExtensionRuntime, RuntimeSettings } from '../engine/extensionBackend';

export type { ExtensionRuntime, RuntimeSettings };

export type RuntimeLoader = (settings: RuntimeSettings) => Promise<ExtensionRuntime>;

/** Finds the compose CLI for a runtime (the wiring decides how; tests pass a fake). */
export type ComposeRunnerFactory = (runtime: ExtensionRuntime) => Promise<ComposeRunnerLike | undefined>;

type Backend = typeof import('../engine/extensionBackend');

export const loadEngineRuntime: RuntimeLoader = async (settings) => {
  // A computed path, so the bundler leaves this require alone and the backend stays out of
  // dist/extension.js.
  const backendPath = path.join(__dirname, 'engine.js');
  const backend = require(backendPath) as Backend;
  return backend.createExtensionRuntime(settings);
};

/** The default compose runner: the one the engine runtime detects (`docker compose`, else `docker-compose`). */
export const detectComposeRunner: ComposeRunnerFactory = (runtime) => runtime.compose();
