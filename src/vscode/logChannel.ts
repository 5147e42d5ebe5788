// The LogSink the core and engine write to, backed by a log output channel. Every line passes
// through redaction first: probe tokens and Authorization headers never reach the channel.
import type * as vscode from 'vscode';
import type { LogSink } from '../core/ports';
import { redact } from '../core/redact';
import { errorText } from '../core/errors';

/** Only the level methods: a test can pass a plain recorder. */
export type LogChannelLike = Pick<vscode.LogOutputChannel, 'debug' | 'info' | 'warn' | 'error'>;

export function createLogSink(channel: LogChannelLike, knownSecrets: () => readonly string[]): LogSink {
  return {
    log(level, message) {
      const text = redact(message, knownSecrets());
      if (level === 'debug') channel.debug(text);
      else if (level === 'info') channel.info(text);
      else if (level === 'warn') channel.warn(text);
      else channel.error(text);
    },
  };
}

/** The first line of an error, redacted: what a notification may show (never a stack). */
export function shortError(err: unknown, knownSecrets: readonly string[] = []): string {
  const message = errorText(err);
  const first = message.split('\n')[0]?.trim() || 'unknown error';
  const clipped = first.length > 240 ? `${first.slice(0, 237)}…` : first;
  return redact(clipped, knownSecrets);
}
