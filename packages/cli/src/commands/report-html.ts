/**
 * `report --html FILE`: the city dashboard written as one self-contained HTML page. Like
 * `export FILE`, it never overwrites an existing file (exit 2). The page is written to a temporary
 * file beside FILE, flushed, then linked into place, so a reader never sees half a page and a
 * file that appeared meanwhile is not replaced.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { link, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { BenefitFigures, CityReport } from '@talent-ledger/core'
import { reportPage } from '../html/page.js'
import { UsageError } from '../usage-error.js'

const codeOf = (error: unknown): string | undefined => (error as { code?: string } | null)?.code

const cannotWrite = (file: string, error: unknown): UsageError => {
  const code = codeOf(error)
  const why = code === 'EEXIST' ? 'it exists already' : code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : String(error)
  return new UsageError(`cannot write ${file}: ${why}`, { cause: error })
}

/** Refuses early (before the log is replayed) when `file` exists already. */
export const checkHtmlTarget = (file: string): void => {
  if (existsSync(file)) throw cannotWrite(file, Object.assign(new Error('exists'), { code: 'EEXIST' }))
}

/** Moves `temp` to `file` without replacing a file that exists. */
const publish = async (temp: string, file: string): Promise<void> => {
  try {
    await link(temp, file)
  } catch (error) {
    // file systems without hard links: check, then rename (a narrow race, but never a torn page)
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV'].includes(codeOf(error) ?? '')) throw error
    checkHtmlTarget(file)
    await rename(temp, file)
  }
}

/** Writes the page of `report` to `file`; returns the file and its size in bytes. */
export const writeReportHtml = async (file: string, report: CityReport & Partial<BenefitFigures>): Promise<{ readonly file: string; readonly bytes: number }> => {
  const page = Buffer.from(reportPage(report), 'utf8')
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(page)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await publish(temp, file)
  } catch (error) {
    throw cannotWrite(file, error)
  } finally {
    await rm(temp, { force: true })
  }
  return { file, bytes: page.length }
}
