/**
 * The onboarding progress bar: bytes of the file read (the only total known before the end of a
 * stream), with rows done, rows per second and the ETA. On stderr, only when it is a terminal,
 * like every progress bar of the CLI (`progress.ts`).
 */
import { Presets, SingleBar } from 'cli-progress'

/** Progress of a run: `update` after each chunk. */
export interface OnboardProgress {
  readonly update: (bytesRead: number, rows: number) => void
  readonly stop: () => void
}

/** A bar over `totalBytes` on `stream` (default stderr) if it is a TTY; otherwise silent. */
export const onboardProgress = (totalBytes: number, stream: NodeJS.WriteStream = process.stderr): OnboardProgress => {
  if (stream.isTTY !== true) return { update: () => undefined, stop: () => undefined }
  const bar = new SingleBar(
    { format: 'onboarding [{bar}] {percentage}% | {rows} rows, {rate} rows/s | {duration_formatted} elapsed, ETA {eta_formatted}', stream, hideCursor: true, etaBuffer: 20 },
    Presets.shades_classic,
  )
  const started = Date.now()
  bar.start(Math.max(totalBytes, 1), 0, { rows: 0, rate: 0 })
  return {
    update: (bytesRead, rows) => bar.update(Math.min(bytesRead, totalBytes), { rows, rate: Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001)) }),
    stop: () => bar.stop(),
  }
}
