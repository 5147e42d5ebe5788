// The errors whose message is for the user (one line, never a stack), and how anything thrown
// becomes text. One home, so every layer recognises them the same way.
import * as l10n from '@vscode/l10n';
import { isRecord } from './isRecord';

/** Thrown by EngineLike when the engine cannot be reached: the message is user-facing. */
export class EngineUnreachableError extends Error {
  override readonly name = 'EngineUnreachableError';
}

/** Thrown for bad workspace input (compose file, Dockerfile...): the message is user-facing. */
export class UserInputError extends Error {
  override readonly name: string = 'UserInputError';
}

/** A bad entry where probes or tokens may go (a trust setting, flag or environment list): the message names it and its source. */
export class TrustInputError extends UserInputError {
  override readonly name = 'TrustInputError';
}

/** A service asked for by name (--service, rebuild SERVICE) that no compose file declares. */
export class UnknownServiceError extends UserInputError {
  override readonly name = 'UnknownServiceError';
  constructor(unknown: readonly string[], known: readonly string[]) {
    super(
      known.length > 0
        ? l10n.t("no service named {0} in the workspace's compose files (services: {1})", unknown.join(', '), known.join(', '))
        : l10n.t("no service named {0} in the workspace's compose files (services: none)", unknown.join(', ')),
    );
  }
}

/**
 * The run was interrupted (SIGINT, SIGTERM, a closed editor): the message is user-facing and
 * says what was stopped. Used as an AbortSignal's reason.
 */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
}

/** Another process is doing the same thing (a rebuild of the same service): the message is user-facing. */
export class BusyError extends Error {
  override readonly name = 'BusyError';
}

/**
 * An EngineUnreachableError, recognised by its name: the extension and its engine backend are two
 * bundles (dist/extension.js, dist/engine.js), each with its own copy of the class, so
 * `instanceof` cannot tell across them. Every layer asks this way.
 */
export function isEngineUnreachable(err: unknown): err is EngineUnreachableError {
  return err instanceof Error && err.name === 'EngineUnreachableError';
}

/** What anything thrown says: an Error's message, anything else as text. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A system error's code (ENOENT, ECONNREFUSED...); undefined when it has none. */
export function errorCode(err: unknown): string | undefined {
  return isRecord(err) && typeof err.code === 'string' ? err.code : undefined;
}
