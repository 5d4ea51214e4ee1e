/**
 * One writer process of `appendInProcesses` (processes.ts): attaches to a schema its parent created,
 * with a store or pool of its own, seals its share once untimed (so the JIT has compiled the
 * hashing), says it is ready, waits for the parent's go, appends its share of
 * the batches one command at a time, and reports how long that took and how much CPU it used. Being a
 * process of its own, its hashing and pg protocol work do not queue behind the other writers'.
 */
import { nativeSha256Hex } from '@talent-ledger/store-postgres'
import { timeSealing } from '../shared/sealing.js'
import { attachOurs } from './ours.js'
import { attachRaw } from './raw.js'
import type { WriterDone, WriterRequest } from './processes.js'

const send = (message: unknown): void => {
  process.send!(message)
}

const request = await new Promise<WriterRequest>((resolve) => process.once('message', (m) => resolve(m as WriterRequest)))
const store = await (request.contender === 'ours' ? attachOurs(request.poolSize, request.notifyWindowMs) : attachRaw(request.poolSize))(request.schema)
// warm the hashing up untimed (a fresh process has compiled nothing yet): seal the share once, no store
timeSealing(request.batches, nativeSha256Hex)
const go = new Promise<void>((resolve) => process.once('message', () => resolve()))
send('ready')
await go
const cpu0 = process.cpuUsage()
const t0 = performance.now()
for (const b of request.batches) await store.append(b)
const ms = performance.now() - t0
const cpu = process.cpuUsage(cpu0)
const done: WriterDone = { ms, cpuMs: (cpu.user + cpu.system) / 1000 }
send(done)
await store.close()
process.disconnect()
