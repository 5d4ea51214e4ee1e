// Progress bars draw on stderr only when it is a terminal, so piped stdout and captured stderr
// stay clean for the programs that read them.
import { describe, expect, it } from 'vitest'
import { progressBar } from '../src/progress.js'
import { fakeTerminal } from './fake-terminal.js'

const fakeStream = (isTTY: boolean) => fakeTerminal(isTTY, 80)

describe('progressBar', () => {
  it('writes nothing when the stream is not a terminal', () => {
    const { stream, written } = fakeStream(false)
    const bar = progressBar('working', stream)
    bar.start(10)
    bar.update(5)
    bar.stop()
    expect(written).toEqual([])
  })

  it('draws the label and the count on a terminal', () => {
    const { stream, written } = fakeStream(true)
    const bar = progressBar('working', stream)
    bar.start(10)
    bar.update(10)
    bar.stop()
    expect(written.join('')).toMatch(/working \[.*\] 100% \| 10\/10/)
  })
})
