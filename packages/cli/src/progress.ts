/**
 * Progress bars for long work (demo, import, verify, report's replay). They go to stderr, and only
 * when stderr is a terminal: stdout carries JSON for other programs, and a log file or CI capture of
 * stderr should not fill with redraws.
 */
import { Presets, SingleBar } from 'cli-progress'

/** A progress display; every method is a no-op when there is no terminal to draw on. */
export interface Progress {
  readonly start: (total: number) => void
  readonly update: (done: number) => void
  readonly stop: () => void
}

const silent: Progress = { start: () => undefined, update: () => undefined, stop: () => undefined }

/** A bar labelled `label` on `stream` (default stderr) if it is a TTY. */
export const progressBar = (label: string, stream: NodeJS.WriteStream = process.stderr): Progress => {
  if (stream.isTTY !== true) return silent
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} elapsed, ETA {eta_formatted}`, stream, hideCursor: true, etaBuffer: 50 }, Presets.shades_classic)
  let started = false
  return {
    start: (total) => {
      started = true
      bar.start(total, 0)
    },
    update: (done) => {
      if (started) bar.update(done)
    },
    stop: () => {
      if (started) bar.stop()
      started = false
    },
  }
}
