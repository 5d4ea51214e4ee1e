/**
 * Runs the service: `PORT` (default 3000) and `LEDGER_PATH` (default ./talent-ledger.db). Closes
 * the store cleanly on SIGINT / SIGTERM so the SQLite WAL is checkpointed and the file left whole.
 */
import { buildServer } from './server.js'

const port = Number(process.env.PORT ?? 3000)
const path = process.env.LEDGER_PATH ?? './talent-ledger.db'
const app = buildServer({ path, logger: true })

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0))
  })
}

await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' })
