import assert from 'node:assert/strict';
import { busyShare, cpuJiffies } from '../../../bench/machineQuiet';

// /proc/stat: cpu user nice system idle iowait irq softirq steal guest guest_nice, then one line per CPU.
const procStat = (user: number, system: number, idle: number, iowait = 0, steal = 0): string =>
  `cpu  ${user} 0 ${system} ${idle} ${iowait} 0 0 ${steal} 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 123\n`;

suite('bench machineQuiet: how busy the machine is, from /proc/stat', () => {
  test('the aggregate line: busy counts user, system and steal; waiting for I/O is not busy', () => {
    assert.deepEqual(cpuJiffies(procStat(100, 50, 800, 40, 10)), { busy: 160, total: 1000 });
    assert.equal(cpuJiffies('intr 1\n'), undefined, 'no aggregate line');
  });

  test('the busy share between two readings; none when no time passed', () => {
    const before = { busy: 1000, total: 5000 };
    assert.equal(busyShare(before, { busy: 1050, total: 5200 }), 0.25);
    assert.equal(busyShare(before, { busy: 1200, total: 5200 }), 1);
    assert.equal(busyShare(before, before), null);
  });
});
