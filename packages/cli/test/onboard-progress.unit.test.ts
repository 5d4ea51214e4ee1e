// The onboarding progress bar: silent off a terminal; on one, the share of the file read, the rows
// done and their rate, and an ETA.
import { describe, expect, it } from 'vitest'
import { onboardProgress } from '../src/onboard/onboard-progress.js'
import { fakeTerminal } from './fake-terminal.js'

const fakeStream = (isTTY: boolean) => fakeTerminal(isTTY, 120)

describe('onboardProgress', () => {
  it('writes nothing when the stream is not a terminal', () => {
    const { stream, written } = fakeStream(false)
    const bar = onboardProgress(1000, stream)
    bar.update(500, 40)
    bar.stop()
    expect(written).toEqual([])
  })

  it('draws bytes read as a share, rows, rows/s and ETA on a terminal', () => {
    const { stream, written } = fakeStream(true)
    const bar = onboardProgress(1000, stream)
    bar.update(1000, 80)
    bar.stop()
    expect(written.join('')).toMatch(/onboarding \[.*\] 100% \| 80 rows, \d+ rows\/s \| .* elapsed, ETA/)
  })
})
