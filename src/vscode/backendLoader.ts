// The engine side of the extension, loaded on first use. It is a bundle of its own
// (dist/engine.js, from src/engine/extensionBackend.ts): activation loads only the small
// extension bundle, and dockerode, undici and the core are read when the first check runs.
import * as path from 'node:path';
import type { ComposeRunnerLike } from '../core/ports';
import type { ExtensionBackend, BackendSettings, FileWatchFeed } from '../engine/extensionBackend';

export type { ExtensionBackend, BackendSettings, FileWatchFeed };

export type BackendLoader = (settings: BackendSettings) => Promise<ExtensionBackend>;

/** Finds the compose CLI for a backend (the wiring decides how; tests pass a fake). */
export type ComposeRunnerFactory = (backend: ExtensionBackend) => Promise<ComposeRunnerLike | undefined>;

type BackendModule = typeof import('../engine/extensionBackend');

export const loadBackend: BackendLoader = async (settings) => {
  // A computed path, so the bundler leaves this require alone and the backend stays out of
  // dist/extension.js.
  const backendPath = path.join(__dirname, 'engine.js');
  const backend = require(backendPath) as BackendModule;
  return backend.createExtensionBackend(settings);
};

/** The default compose runner: the one the engine backend detects (`docker compose`, else `docker-compose`). */
export const detectComposeRunner: ComposeRunnerFactory = (backend) => backend.compose();
