// Preloaded (`node -r bench/timeline.cjs`) into a bench child by `bench/pairs.ts --timeline`: a
// wall-clock timeline of one cold check on one clock (ms since the process started): every engine
// request (start, response headers, end of body or upgrade to a raw stream), the scan worker's
// start, messages and replies, the child's own timing calls (the measured check starts and ends at
// the two cpuUsage() lines), and the main thread's GC pauses over 5 ms. Printed to stderr at exit.
'use strict';
const dc = require('node:diagnostics_channel');
const { performance, PerformanceObserver } = require('node:perf_hooks');
const threads = require('node:worker_threads');

const lines = [];
const at = () => performance.now().toFixed(0).padStart(6);
const log = (text) => lines.push(`${at()} ${text}`);

let requests = 0;
dc.subscribe('http.client.request.start', ({ request }) => {
  const id = ++requests;
  log(`> #${id} ${request.method} ${request.path.slice(0, 100)}`);
  request.once('response', (res) => {
    log(`< #${id} ${res.statusCode}`);
    res.once('end', () => log(`< #${id} end`));
  });
  request.once('upgrade', () => log(`< #${id} upgraded (stream)`));
});

const Original = threads.Worker;
threads.Worker = class extends Original {
  constructor(...args) {
    super(...args);
    log('worker created');
    this.once('online', () => log('worker online'));
    const post = this.postMessage.bind(this);
    this.postMessage = (message, transfer) => {
      log(`-> worker ${JSON.stringify(message).slice(0, 100)}`);
      return post(message, transfer);
    };
    this.on('message', (message) => log(`<- worker ${(JSON.stringify(message) ?? '').slice(0, 80)}`));
  }
};

const cpuUsage = process.cpuUsage;
process.cpuUsage = function (...args) {
  log(`cpuUsage() (${args.length ? 'the check ends' : 'the check starts'})`);
  return cpuUsage.apply(this, args);
};

const pauses = [];
new PerformanceObserver((list) => pauses.push(...list.getEntries())).observe({ entryTypes: ['gc'] });

process.on('exit', () => {
  const total = pauses.reduce((n, p) => n + p.duration, 0);
  const long = pauses.filter((p) => p.duration > 5).map((p) => `${p.startTime.toFixed(0)}+${p.duration.toFixed(0)}`);
  lines.push(`main-thread GC: ${pauses.length} pauses, ${total.toFixed(0)} ms; over 5 ms (start+ms): ${long.join(' ')}`);
  process.stderr.write(`${lines.join('\n')}\n`);
});
