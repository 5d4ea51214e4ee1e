// Runs the built `talent-ledger` binary as a user would: a real process, real stdin/stdout/stderr,
// in a temporary directory of its own.
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built binary. */
export const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main.js')

/** What one invocation did. */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  /** stdout parsed as JSON Lines. */
  readonly json: () => unknown[]
}

/** Runs `talent-ledger ...args` in `cwd`, with `input` on stdin (and `env` added to the environment). */
export const runCli = (args: ReadonlyArray<string>, options: { readonly cwd: string; readonly input?: string; readonly env?: Readonly<Record<string, string>> }): CliRun => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input ?? '', encoding: 'utf8', env: { ...process.env, CI: 'true', ...options.env } })
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    json: () => r.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown),
  }
}

/**
 * Runs `talent-ledger ...args` without blocking this process, so servers the test runs (webhook,
 * SMTP receivers) can answer the binary while it works.
 */
export const runCliAsync = async (args: ReadonlyArray<string>, options: { readonly cwd: string; readonly input?: string }): Promise<CliRun> => {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...process.env, CI: 'true' } })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
  child.stdin.end(options.input ?? '')
  const [code] = (await once(child, 'close')) as [number | null]
  return { code, stdout, stderr, json: () => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown) }
}

/** A fresh temporary directory and its removal. */
export const tempDir = (): { readonly path: string; readonly remove: () => void } => {
  const path = mkdtempSync(join(tmpdir(), 'talent-ledger-cli-'))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}
