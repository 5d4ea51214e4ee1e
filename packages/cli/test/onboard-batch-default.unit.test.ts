// `onboard --help` names the default batch from verb-defaults.ts, so that listing it does not load
// the loader; the loader commits CHUNK_ROWS rows together. They must be one number.
import { describe, expect, it } from 'vitest'
import { CHUNK_ROWS } from '../src/onboard/onboard-run.js'
import { DEFAULT_ONBOARD_BATCH } from '../src/verb-defaults.js'
import { buildProgram } from '../src/program.js'

describe('onboard --batch default', () => {
  it('is the loader\'s CHUNK_ROWS, and the usage text says so', async () => {
    expect(DEFAULT_ONBOARD_BATCH).toBe(CHUNK_ROWS)
    const onboard = (await buildProgram(['onboard', '--help'])).commands.find((command) => command.name() === 'onboard')
    expect(onboard?.options.find((option) => option.long === '--batch')?.description).toContain(`default ${CHUNK_ROWS})`)
  })
})
