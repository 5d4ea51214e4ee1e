/**
 * `node examples/audit-replay/dist/main.js LEDGER.db TALENT_ID AS_OF [ROOT POSITION]`: prints the
 * audit as JSON; exit 1 when verify finds anything or the saved digest does not hold.
 */
import { audit } from './audit.js'

const [path, talentId, asOf, root, position] = process.argv.slice(2)
if (path === undefined || talentId === undefined || asOf === undefined) {
  console.error('usage: main.js LEDGER.db TALENT_ID AS_OF [SAVED_ROOT SAVED_POSITION]')
  process.exit(2)
}
const report = await audit(path, { talentId, asOf, ...(root !== undefined && position !== undefined ? { saved: { root, globalPosition: Number(position) } } : {}) })
console.log(JSON.stringify(report, null, 2))
if (report.findings.length > 0 || report.matchesSaved === false) process.exitCode = 1
