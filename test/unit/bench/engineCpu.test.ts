import assert from 'node:assert/strict';
import { engineCpuBetween, engineCpuOf } from '../../../bench/engineCpu';

// /proc/PID/stat: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
const stat = (comm: string, utime: number, stime: number, cutime: number, cstime: number): string =>
  `4242 (${comm}) S 1 4242 4242 0 -1 4194560 100 0 0 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 12 0 500 0 0`;

suite('bench engineCpu: engine CPU from /proc', () => {
  test('own and reaped children\'s time of engine processes, in ms; other processes are not counted', () => {
    assert.equal(engineCpuOf(stat('dockerd', 150, 50, 0, 0)), 2000);
    // A shim's reaped children (runc, find run by exec) are the container side of a listing.
    assert.equal(engineCpuOf(stat('containerd-shim', 1, 2, 30, 7)), 400);
    assert.equal(engineCpuOf(stat('containerd', 10, 0, 0, 0)), 100);
    assert.equal(engineCpuOf(stat('docker', 500, 500, 0, 0)), undefined, 'the docker CLI is the hand ladder\'s own cost');
    assert.equal(engineCpuOf(stat('node', 500, 500, 0, 0)), undefined);
    // A name may hold spaces and parentheses: the fields start after the last ')'.
    assert.equal(engineCpuOf(stat('a) 1 2 (b', 1, 1, 1, 1)), undefined);
    assert.equal(engineCpuOf('garbage'), undefined);
  });

  test('between two snapshots: growth of each process, a new one whole; nothing to compare gives null', () => {
    const before = new Map([[1, 1000], [2, 50]]);
    const after = new Map([[1, 1600], [2, 50], [3, 70]]);
    assert.equal(engineCpuBetween(before, after), 670);
    assert.equal(engineCpuBetween(null, after), null);
    assert.equal(engineCpuBetween(before, null), null);
  });
});
