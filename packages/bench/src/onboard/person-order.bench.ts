/**
 * `node dist/onboard/person-order.bench.js [--rows 700000] [--rounds 3] [--pending N]`: what onboard's
 * person order (the CLI's person-order.ts) costs on its own, no ledger. For each size it writes the
 * generated export (registry-file.ts: a person's rows adjacent) and the same rows sorted by level
 * (every person with several rows scattered: the worst case), and runs, alternately in child
 * processes, the floor (one read of the rows, as onboard reads them) and the person order (the
 * census read, then the ordered passes, with the CLI's talent ids and level ranks). Reported per
 * child: CPU seconds (user + system), peak RSS (the child's own maxRSS), the passes and the census.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { gb18030 } from './gb18030.js'
import { writeRegistryFile } from './registry-file.js'

// `pnpm … bench:person-order -- --flag` hands node the `--` too, after which parseArgs reads only positionals
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    rows: { type: 'string', default: '700000' },
    rounds: { type: 'string', default: '3' },
    pending: { type: 'string' },
    dir: { type: 'string', default: join(os.tmpdir(), 'talent-ledger-person-order-bench') },
    child: { type: 'string' },
    file: { type: 'string' },
  },
})

const ONBOARD = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'cli', 'dist', 'onboard')
const cliModule = async <T>(name: string): Promise<T> => (await import(pathToFileURL(join(ONBOARD, name)).href)) as T

interface Row {
  readonly line: number
  readonly cells: ReadonlyArray<string>
}
interface Source {
  readonly rows: AsyncIterable<Row>
  readonly bytesRead: () => number
}

/** A child: one read (`read`) or the person order (`order`) of `file`; prints one JSON line. */
const child = async (mode: string, file: string): Promise<void> => {
  const { openRows } = await cliModule<{ openRows: (file: string) => Source }>('row-source.js')
  const dataRows = async function* (source: Source): AsyncIterable<Row> {
    let header = true
    for await (const r of source.rows) {
      if (header) header = false
      else yield r
    }
  }
  // both modes load the same modules (the core is most of a process's memory at rest), so the
  // difference in peak RSS is the census and the held rows
  const { inPersonOrder } = await cliModule<{ inPersonOrder: (o: object) => Promise<{ rows: AsyncIterable<Row>; passes: number; census: object }> }>('person-order.js')
  const { talentIdsOf } = await cliModule<{ talentIdsOf: (keys: object) => Promise<(id: string) => string> }>('talent-ids.js')
  const { levelOf } = await cliModule<{ levelOf: (cell: string) => string | null }>('cell-forms.js')
  const { rank } = (await import('@talent-ledger/core')) as { rank: (level: string) => number }
  const started = process.cpuUsage()
  let rows = 0
  let extra = {}
  if (mode === 'read') for await (const r of dataRows(openRows(file))) rows += r.line > 0 ? 1 : 0
  else {
    const talentIdOf = await talentIdsOf({ keyFor: () => Promise.resolve(crypto.getRandomValues(new Uint8Array(32))) })
    const ordered = await inPersonOrder({
      open: () => {
        const source = openRows(file)
        return { rows: dataRows(source), bytesRead: source.bytesRead }
      },
      personOf: (r: Row) => {
        const id = (r.cells[1] ?? '').trim().toUpperCase()
        return id === '' ? null : talentIdOf(id)
      },
      rankOf: (r: Row) => {
        const level = levelOf((r.cells[4] ?? '').trim())
        return level === null ? -1 : rank(level)
      },
      ...(values.pending === undefined ? {} : { pendingRows: Number(values.pending) }),
    })
    for await (const r of ordered.rows) rows += r.line > 0 ? 1 : 0
    extra = { passes: ordered.passes, ...ordered.census }
  }
  const cpu = process.cpuUsage(started)
  console.log(JSON.stringify({ rows, cpu: (cpu.user + cpu.system) / 1e6, peakMiB: process.resourceUsage().maxRSS / 1024, ...extra }))
}

/** The export's data rows sorted by their level column (stable): a person's rows end up apart. */
const byLevel = (file: string, out: string): void => {
  const LEVELS = ['五级/初级工', '四级/中级工', '三级/高级工', '二级/技师', '一级/高级技师']
  const lines = new TextDecoder('gb18030').decode(readFileSync(file)).split('\r\n').filter((l) => l !== '')
  const body = lines
    .slice(1)
    .map((l, i) => ({ l, i, level: LEVELS.indexOf(l.split(',')[4]!) }))
    .sort((a, b) => a.level - b.level || a.i - b.i)
  writeFileSync(out, gb18030([lines[0]!, ...body.map((b) => b.l)].join('\r\n') + '\r\n'))
}

const median = (xs: ReadonlyArray<number>): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

if (values.child !== undefined) await child(values.child, values.file!)
else {
  mkdirSync(values.dir, { recursive: true })
  const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ')
  console.log(`person-order bench: ${os.cpus().length} cores, node ${process.version}, load ${load()}`)
  const runChild = (mode: string, file: string): { rows: number; cpu: number; peakMiB: number; passes?: number } => {
    const args = [fileURLToPath(import.meta.url), '--child', mode, '--file', file, ...(values.pending === undefined ? [] : ['--pending', values.pending])]
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${mode} ${file} failed: ${r.stderr}`)
    return JSON.parse(r.stdout) as { rows: number; cpu: number; peakMiB: number }
  }
  console.log('| rows | file | floor CPU s | order CPU s | order ÷ floor | floor peak RSS MiB | order peak RSS MiB | passes | census |\n|---:|---|---:|---:|---:|---:|---:|---:|---|')
  for (const rows of values.rows.split(',').map(Number)) {
    const adjacent = join(values.dir, `registry-${rows}.csv`)
    await writeRegistryFile(adjacent, rows)
    const sorted = join(values.dir, `registry-${rows}-by-level.csv`)
    byLevel(adjacent, sorted)
    for (const [label, file] of [['adjacent', adjacent], ['by level', sorted]] as const) {
      const floors: Array<{ cpu: number; peakMiB: number }> = []
      const orders: Array<{ cpu: number; peakMiB: number; passes?: number }> = []
      let census = ''
      for (let round = 0; round < Number(values.rounds); round++) {
        floors.push(runChild('read', file))
        const o = runChild('order', file) as { rows: number; cpu: number; peakMiB: number; passes: number }
        if (o.rows !== rows) throw new Error(`person order gave ${o.rows} rows of ${rows}`)
        orders.push(o)
        const { rows: _r, cpu: _c, peakMiB: _p, passes: _n, ...rest } = o as Record<string, number>
        census = JSON.stringify(rest)
      }
      const [fc, oc] = [median(floors.map((f) => f.cpu)), median(orders.map((o) => o.cpu))]
      console.log(
        `| ${rows} | ${label} | ${fc.toFixed(2)} | ${oc.toFixed(2)} | ${(oc / fc).toFixed(2)}× | ${median(floors.map((f) => f.peakMiB)).toFixed(0)} | ${median(orders.map((o) => o.peakMiB)).toFixed(0)} | ${orders[0]!.passes} | ${census} |`,
      )
    }
    console.log(`load ${load()}`)
  }
}
