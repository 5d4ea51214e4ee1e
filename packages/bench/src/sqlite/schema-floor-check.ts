/**
 * The schema floor's own check, run before the command path measures it: a small city through the
 * ledger (one command at a time, then in a group) and the rows it wrote written again by the schema
 * floor must leave both files holding exactly the same rows. WHY here and not in a unit test: the
 * bench's workspace (better-sqlite3, the packages it loads) is installed only by `pnpm bench:setup`,
 * so a test of it could not run in the default suite; a bench whose contender stopped writing what
 * the ledger writes must not print a figure.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import type Database from 'better-sqlite3'
import { createTalentLedger } from '@talent-ledger/core'
import { createSqliteEventStore, createSqliteKeyStore } from '@talent-ledger/store-sqlite'
import { simulateCity } from '@talent-ledger/testing'
import { inTransactionsOf } from './command-rows.js'
import { readCommandRows } from './command-rows-read.js'
import { openSchemaFloor } from './schema-floor.js'

const DUMPS = ['SELECT * FROM events ORDER BY global_position', 'SELECT * FROM streams ORDER BY stream_id', 'SELECT * FROM outbox ORDER BY seq', 'SELECT * FROM outbox_payloads ORDER BY id', 'SELECT * FROM keys ORDER BY subject_id']

const dump = (db: Database.Database): unknown[][] => DUMPS.map((q) => db.prepare(q).all())

/** Throws unless the schema floor writes exactly the rows the ledger wrote (events, heads, outbox, payloads, keys). */
export const checkSchemaFloor = async (): Promise<void> => {
  const dir = mkdtempSync(join(os.tmpdir(), 'tl-schema-floor-'))
  try {
    const store = createSqliteEventStore({ path: join(dir, 'ledger.sqlite'), durability: 'NORMAL' })
    const ledger = createTalentLedger({ store, keys: createSqliteKeyStore(store.database), clock: { now: () => new Date().toISOString() } })
    const { commands } = simulateCity({ talents: 12, seed: 7 })
    for (const c of commands.slice(0, 20)) await ledger.execute(c)
    await ledger.executeMany(commands.slice(20))
    const floor = openSchemaFloor(join(dir, 'floor.sqlite'), { durability: 'NORMAL' })
    for (const t of inTransactionsOf(readCommandRows(store.database), 3)) floor.write(t)
    await floor.close()
    const copy = createSqliteEventStore({ path: join(dir, 'floor.sqlite') })
    const [ours, theirs] = [dump(store.database), dump(copy.database)]
    await copy.close()
    await store.close()
    if (ours[0]!.length < 50 || ours[2]!.length === 0) throw new Error(`schema floor check: the ledger wrote too little to compare (${ours[0]!.length} events, ${ours[2]!.length} outbox rows)`)
    const differs = DUMPS.filter((_, i) => !isDeepStrictEqual(ours[i], theirs[i]))
    if (differs.length > 0) throw new Error(`schema floor check: the schema floor's file differs from the ledger's in ${differs.join('; ')}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
