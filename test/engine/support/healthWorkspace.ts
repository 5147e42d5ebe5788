// The smallest workspace the engine-transport tests need: one compose service `api` built from
// a Node server answering GET /health 200 (anything else 404) on host networking, its port
// declared with `expose:`, its source mapped into /app. Compose v1 has no top-level `name:`,
// so the project name is set in .env, which both compose versions read.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BUSYBOX_NODE } from './buildImage';

export interface HealthWorkspaceOptions {
  project: string;
  port: number;
  /** Address the server listens on (127.0.0.1 on the shared host; 0.0.0.0 on a "remote" host). */
  bind?: string;
  /** x-runtime-drift.baseUrl, when the test wants one. */
  baseUrl?: string;
}

export function healthServerSource(port: number, bind: string, status = "q.url === '/health' ? 200 : 404"): string {
  return `require('http').createServer((q, s) => { s.statusCode = ${status}; s.end('ok'); }).listen(${port}, '${bind}');\n`;
}

export function healthCompose(port: number, baseUrl?: string): string {
  return [
    'services:',
    '  api:',
    '    build: ./api',
    '    network_mode: host',
    `    expose: ["${port}"]`,
    '    x-runtime-drift:',
    '      source: ./api',
    '      target: /app',
    ...(baseUrl ? [`      baseUrl: "${baseUrl}"`] : []),
    '      routes: ["GET /health"]',
    '',
  ].join('\n');
}

/** Writes the workspace into a new temp folder and returns its path; the caller removes it. */
export function writeHealthWorkspace(opts: HealthWorkspaceOptions): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'rd-health-ws-'));
  mkdirSync(path.join(ws, 'api'));
  writeFileSync(path.join(ws, 'api', 'server.js'), healthServerSource(opts.port, opts.bind ?? '127.0.0.1'));
  writeFileSync(path.join(ws, 'api', 'Dockerfile'), `FROM ${BUSYBOX_NODE}\nWORKDIR /app\nCOPY . /app\nCMD ["node", "/app/server.js"]\n`);
  writeFileSync(path.join(ws, 'compose.yaml'), healthCompose(opts.port, opts.baseUrl));
  writeFileSync(path.join(ws, '.env'), `COMPOSE_PROJECT_NAME=${opts.project}\n`);
  return ws;
}
