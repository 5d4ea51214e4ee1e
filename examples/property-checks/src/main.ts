/**
 * `node examples/property-checks/dist/main.js [runs]`: checks the lyg-2027 draft and prints a line
 * per check. Exit code 1 when any check fails, so it can gate a policy change in CI.
 */
import { checkInvariants, checkSeniorIntent, seniorIntent } from './checks.js'
import { GRADUATE_YEARS, decodes, draftPolicy } from './draft-policy.js'

const runs = Number(process.argv[2] ?? 200)
const draft = draftPolicy()
try {
  if (!decodes(draft)) throw new Error('the draft is not a valid policy document')
  console.log('✓ the draft decodes as a policy document')
  for (const name of await checkInvariants(draft, runs)) console.log(`✓ ${name} (${runs} histories)`)
  await checkSeniorIntent(draft, seniorIntent(GRADUATE_YEARS), runs)
  console.log(`✓ senior certification matches the draft's intent (${runs} cases)`)
} catch (error) {
  console.error(`✗ ${(error as Error).message}`)
  process.exitCode = 1
}
