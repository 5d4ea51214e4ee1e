/**
 * A child process running one of the test's scripts with `node`, with its output so far and its end,
 * for the tests that kill a relay with SIGKILL and start it again.
 */
import { spawn } from 'node:child_process'

/** Starts `node script ...args` with piped output. */
export const startChild = (script: string, args: ReadonlyArray<string>) => {
  const proc = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  proc.stdout.on('data', (d: Buffer) => void (stdout += d.toString()))
  proc.stderr.on('data', (d: Buffer) => void (stderr += d.toString()))
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('close', (code, signal) => resolve({ code, signal })))
  return { proc, ended, stdout: () => stdout, stderr: () => stderr }
}

/** Resolves once `ready()` holds, polling every 5 ms; fails after `timeoutMs`. */
export const waitFor = async (ready: () => boolean, what: string, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}
