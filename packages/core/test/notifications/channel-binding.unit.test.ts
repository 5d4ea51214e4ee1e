/**
 * `bindChannel`, which every adapter package uses to declare its configuration section: the codec
 * reads like a plain `t.type` in refusals, the fields are listed required first, the cross-field
 * rule runs only on a section that decodes, and `open` decodes again, naming the channel when not.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { bindChannel, describeErrors, nonEmptyArray, Recipient, refinedString, type NotificationChannel } from '../../src/index.js'

const Host = refinedString('host name', (s) => /^[a-z.]+$/.test(s))
const opened: Array<{ name: string; hosts: string[]; port?: number }> = []
const binding = bindChannel({
  usage: '{hosts, port?}',
  required: { hosts: nonEmptyArray(Host, 'at least one host') },
  optional: { port: t.number },
  recipientMaps: [],
  check: (c) => (c.port === 0 ? 'port 0 is not a port' : null),
  open: (c, name): NotificationChannel => {
    opened.push({ name, ...c })
    return { name, send: () => Promise.resolve({ kind: 'delivered' }) }
  },
})
const refusals = (u: unknown): string[] => {
  const decoded = binding.codec.decode(u)
  return E.isLeft(decoded) ? describeErrors(decoded.left).map((d) => d.message) : []
}

describe('bindChannel', () => {
  it('lists the fields required first and keeps the usage', () => {
    expect(binding.fields).toEqual(['hosts', 'port'])
    expect(binding.usage).toBe('{hosts, port?}')
    expect(binding.recipientMaps).toEqual([])
  })

  it('refuses a section naming what each field expected', () => {
    expect(refusals({ hosts: ['mail.example'] })).toEqual([])
    expect(refusals({ hosts: [] }).join('; ')).toContain('at least one host')
    expect(refusals({ hosts: 'mail.example' }).join('; ')).toContain('an array')
    expect(refusals({ hosts: ['Mail Example'] }).join('; ')).toContain('host name')
  })

  it('runs the cross-field rule on a decoded section only', () => {
    expect(binding.check({ hosts: ['a.b'], port: 0 })).toBe('port 0 is not a port')
    expect(binding.check({ hosts: ['a.b'], port: 25 })).toBeNull()
    expect(binding.check({ hosts: [], port: 0 })).toBeNull()
  })

  it('opens the adapter under its registered name, and throws naming it for a bad section', () => {
    expect(binding.open({ hosts: ['a.b'], port: 25 }, 'mail-relay').name).toBe('mail-relay')
    expect(opened).toEqual([{ name: 'mail-relay', hosts: ['a.b'], port: 25 }])
    expect(() => binding.open({ hosts: [] }, 'mail-relay')).toThrow(/^mail-relay: .*at least one host/)
  })
})

describe('Recipient', () => {
  it('accepts the recipients the ledger writes', () => {
    expect(['talent:t-1', 'employer:港口集团', 'bureau'].every((r) => Recipient.is(r))).toBe(true)
    expect(['talent:', 'city', 'Bureau'].some((r) => Recipient.is(r))).toBe(false)
  })
})
