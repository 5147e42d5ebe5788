// Whether a process id names a live process on this machine: how leftovers of killed runs
// (helper containers, rebuild locks) are told from those of running ones.

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // it exists, as another user's
  }
}
