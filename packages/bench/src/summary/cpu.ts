/**
 * CPU time (user + sys of this process, `process.cpuUsage`) of a measurement that calls its work a
 * known number of times — `measure` (../measure.ts) calls it once to warm up and once per timed
 * run — so the summary can judge an absolute rate on what one core to itself would do.
 */

/** Runs `f` (which calls its work `calls` times) and returns its result with the CPU milliseconds per call. */
export const withCpu = <T>(calls: number, f: () => T): { readonly result: T; readonly cpuMsPerCall: number } => {
  const c0 = process.cpuUsage()
  const result = f()
  const c = process.cpuUsage(c0)
  return { result, cpuMsPerCall: (c.user + c.system) / 1000 / calls }
}
