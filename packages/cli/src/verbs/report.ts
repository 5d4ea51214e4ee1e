/**
 * What `report` does once its options are parsed (program.ts registers the verb and loads this
 * module only when it runs): the city dashboard as JSON, as an HTML page, or as text. The HTML page
 * and the text tables are loaded only for the form asked for.
 */
import type { Command } from 'commander'
import { cityReport } from '../commands/report.js'
import { parseDate, todayUtc } from '../options.js'
import { printJson, printLines } from '../output.js'
import { UsageError } from '../usage-error.js'
import { withLedger } from '../with-ledger.js'

export interface ReportOptions {
  readonly json?: boolean
  readonly html?: string
  readonly asOf?: string
}

/** Runs `report`. */
export const runReport = async (options: ReportOptions, command: Command): Promise<void> => {
  if (options.json === true && options.html !== undefined) throw new UsageError('report takes --json or --html FILE, not both')
  const asOf = options.asOf === undefined ? todayUtc() : parseDate('--as-of', options.asOf)
  const html = options.html === undefined ? undefined : { file: options.html, page: await import('../commands/report-html.js') }
  if (html !== undefined) html.page.checkHtmlTarget(html.file)
  await withLedger(command, { mustExist: true, readOnly: true }, async (opened, ledger) => {
    const report = await cityReport(opened.store, ledger, asOf)
    if (html !== undefined) await printJson({ ok: true, ...(await html.page.writeReportHtml(html.file, report)), asOf: report.asOf })
    else if (options.json === true) await printJson(report)
    else await printLines((await import('../report-text.js')).reportText(report))
    return 0
  })
}
