/**
 * A child process running a script with `node`, with its output so far and its end, for the tests
 * that kill a process (a relay, a writer) with SIGKILL and start it again; and a wait for a
 * condition, polled, that fails with what it was waiting for.
 */
import { spawn, type ChildProcess } from 'node:child_process'

/** A started child: the process, its end, and its output so far. */
export interface Child {
  readonly proc: ChildProcess
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  readonly stdout: () => string
  readonly stderr: () => string
}

/** Starts `node script ...args` with piped output. */
export const startChild = (script: string, args: ReadonlyArray<string>): Child => {
  const proc = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  proc.stdout.on('data', (d: Buffer) => void (stdout += d.toString()))
  proc.stderr.on('data', (d: Buffer) => void (stderr += d.toString()))
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('close', (code, signal) => resolve({ code, signal })))
  return { proc, ended, stdout: () => stdout, stderr: () => stderr }
}

/** Resolves once `ready()` holds, polling every 5 ms; fails after `timeoutMs`. */
export const waitFor = async (ready: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}
