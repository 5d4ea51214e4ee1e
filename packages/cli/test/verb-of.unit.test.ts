// The program finds the verb of a command line before it is built (verb-of.ts), and leaves out the
// verbs whose registration loads the channel adapters or the onboarding readers when another verb
// runs; when the line names no verb it knows, or asks for help on all of them, it has every verb.
import { describe, expect, it } from 'vitest'
import { buildProgram, withGlobalOptions } from '../src/program.js'
import { verbOf } from '../src/verb-of.js'

const ALL_VERBS = ['apply', 'show', 'verify', 'report', 'export', 'import', 'erasures', 'notifications', 'notify', 'onboard', 'demo', 'schema']
const verbsOf = async (...args: string[]): Promise<string[]> => (await buildProgram(args)).commands.map((command) => command.name())

describe('verbOf', () => {
  it.each([
    [['report', '--json'], 'report'],
    [['--store', 'sqlite:x.db', 'show', 't-1'], 'show'],
    [['--store=memory:', '--read-store', 'memory:', 'verify'], 'verify'],
    [['report', '--store', 'memory:', '--as-of', '2026-12-31'], 'report'],
    [['help', 'notify'], 'notify'],
    [['--', 'apply', '-'], 'apply'],
    [['onbord'], 'onbord'],
  ])('%j runs %s', (args, verb) => {
    expect(verbOf(args, withGlobalOptions)).toBe(verb)
  })

  it.each([[[]], [['--help']], [['help']], [['-V']], [['--store']], [['--bogus', 'report']]])('%j names no verb it can read', (args) => {
    expect(verbOf(args, withGlobalOptions)).toBeUndefined()
  })
})

describe('buildProgram', () => {
  it('has every verb, in order, for help, a line without a verb and an unknown verb', async () => {
    for (const args of [['--help'], [], ['help'], ['help', 'onboard'], ['onbord'], ['-V'], ['--store'], ['onboard', 'x.csv'], ['notify', '--help']]) expect(await verbsOf(...args)).toEqual(ALL_VERBS)
  })

  it('leaves out the notification verbs and onboard when another verb runs', async () => {
    const light = ALL_VERBS.filter((verb) => !['notifications', 'notify', 'onboard'].includes(verb))
    for (const verb of light) expect(await verbsOf('--store', 'memory:', verb)).toEqual(light)
  })
})
