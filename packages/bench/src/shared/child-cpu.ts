/**
 * CPU seconds (user + system) of this process's children that have been waited for, from
 * /proc/self/stat: a child's CPU time is added to its parent's cutime and cstime once it is reaped,
 * so the difference around a `spawnSync` (or a `close` event) is that child's CPU. Linux only, as
 * every bench here.
 */
import { readFileSync } from 'node:fs'

/** CPU seconds of this process's waited-for children so far (cutime + cstime). */
export const childCpu = (): number => {
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ')
  // after the command name: state is field 3, cutime field 16, cstime field 17 (man 5 proc); 100 ticks/s on Linux
  return (Number(fields[13]) + Number(fields[14])) / 100
}
