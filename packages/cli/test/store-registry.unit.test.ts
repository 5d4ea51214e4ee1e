// The store registry of the CLI: `--store URL` is routed over a list of store bindings, one line per
// store, and the "unknown store URL" message lists their schemes in registry order. A list with one
// more (fake) binding routes that binding's URLs to it and leaves the others where they were.
import { describe, expect, it } from 'vitest'
import { StoreBindingError, storeUrlInvalid, storeUrlParsed, type StoreBinding, type StoreOpenOptions } from '@talent-ledger/core/store-kit'
import { createMemoryEventStore, createMemoryKeyStore } from '@talent-ledger/store-memory'
import { isUnusableStore, openStore, parseStoreUrl, STORE_BINDINGS } from '../src/store-url.js'
import { UsageError } from '../src/usage-error.js'

interface FakeUrl {
  readonly name: string
}

/** A store of its own scheme `fake:NAME`, recording what it was asked to open. */
const fakeStore = () => {
  const opened: Array<{ readonly url: FakeUrl; readonly options: StoreOpenOptions }> = []
  const binding: StoreBinding<FakeUrl> = {
    scheme: 'fake:NAME',
    parse: (url) => {
      if (!url.startsWith('fake:')) return null
      const name = url.slice('fake:'.length)
      return name === '' ? storeUrlInvalid('fake: wants a name') : storeUrlParsed({ name })
    },
    open: async (url, options) => {
      if (url.name === 'absent') throw new StoreBindingError('no fake ledger called absent')
      opened.push({ url, options })
      return { store: createMemoryEventStore(), keys: createMemoryKeyStore(), close: async () => undefined }
    },
    unusableErrorNames: ['FakeJammedError'],
  }
  return { binding, opened }
}

const usageMessage = (work: () => unknown): string => {
  try {
    work()
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error('expected a UsageError')
}

describe('the store registry', () => {
  it('offers the shipped stores, in the order the usage message lists them', () => {
    expect(STORE_BINDINGS.map((binding) => binding.scheme)).toEqual(['sqlite:PATH', 'memory:', 'postgres://…'])
    expect(usageMessage(() => parseStoreUrl('mysql://db'))).toBe('unknown store URL "mysql://db": expected sqlite:PATH, memory: or postgres://…')
  })

  it('routes each shipped scheme to its own store', () => {
    expect(parseStoreUrl('sqlite:./a.db').scheme).toBe('sqlite:PATH')
    expect(parseStoreUrl('memory:').scheme).toBe('memory:')
    expect(parseStoreUrl('postgres://u@h/db?schema=s').scheme).toBe('postgres://…')
    expect(parseStoreUrl('postgresql://u@h/db').scheme).toBe('postgres://…')
    expect(usageMessage(() => parseStoreUrl('sqlite:'))).toBe('store URL sqlite: names no file (write sqlite:PATH)')
  })

  it('takes a PostgreSQL hosts list with libpq\'s meaning, and names a bad parameter without echoing the URL', () => {
    expect(parseStoreUrl('postgres://u:pw@h1:5432,h2:5433,[::1]/db?target_session_attrs=read-write&schema=s').scheme).toBe('postgres://…')
    expect(parseStoreUrl('postgres://u@/db?host=h1,h2&port=5432&target_session_attrs=any').scheme).toBe('postgres://…')
    expect(usageMessage(() => parseStoreUrl('postgres://u:secret@h1,h2/db?target_session_attrs=primary-only'))).toBe(
      'store URL postgres://… is not usable: target_session_attrs: expected one of any, read-write, read-only, primary, standby, prefer-standby, not "primary-only"',
    )
    expect(usageMessage(() => parseStoreUrl('postgres://h1:5432,h2:0/db'))).toBe('store URL postgres://… is not usable: port "0" of host "h2" is not a port number (1–65535)')
  })

  it('routes the URL of an added binding to it, with the options of the command', async () => {
    const fake = fakeStore()
    const bindings = [...STORE_BINDINGS, fake.binding]
    const url = parseStoreUrl('fake:ledger-1', bindings)
    expect(url.scheme).toBe('fake:NAME')
    const opened = await openStore(url, { mustExist: true, durability: 'NORMAL' })
    expect(fake.opened).toEqual([{ url: { name: 'ledger-1' }, options: { mustExist: true, durability: 'NORMAL' } }])
    expect(await opened.store.readAll()).toEqual([])
    await opened.close()
  })

  it('leaves the other stores where they were, and lists the added scheme last', async () => {
    const fake = fakeStore()
    const bindings = [...STORE_BINDINGS, fake.binding]
    expect(parseStoreUrl('memory:', bindings).scheme).toBe('memory:')
    await (await openStore(parseStoreUrl('memory:', bindings))).close()
    expect(fake.opened).toEqual([])
    expect(usageMessage(() => parseStoreUrl('mysql://db', bindings))).toBe('unknown store URL "mysql://db": expected sqlite:PATH, memory:, postgres://… or fake:NAME')
    expect(usageMessage(() => parseStoreUrl('fake:ledger-1'))).toBe('unknown store URL "fake:ledger-1": expected sqlite:PATH, memory: or postgres://…')
  })

  it("turns an added binding's problems into usage errors (exit 2)", async () => {
    const fake = fakeStore()
    const bindings = [...STORE_BINDINGS, fake.binding]
    expect(usageMessage(() => parseStoreUrl('fake:', bindings))).toBe('fake: wants a name')
    const refused = openStore(parseStoreUrl('fake:absent', bindings))
    await expect(refused).rejects.toBeInstanceOf(UsageError)
    await expect(refused).rejects.toThrow('no fake ledger called absent')
    const jammed = Object.assign(new Error('jammed'), { name: 'FakeJammedError' })
    expect(isUnusableStore(jammed, bindings)).toBe(true)
    expect(isUnusableStore(jammed)).toBe(false)
    expect(isUnusableStore(Object.assign(new Error('locked'), { name: 'StoreBusyError' }))).toBe(true)
  })
})
