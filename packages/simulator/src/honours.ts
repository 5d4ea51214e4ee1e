/**
 * Honours (荣誉表彰, DOMAIN.md §14) beyond those a talent's career brings (rewards.ts, competitions.ts):
 * the yearly city and provincial lists, the rare national ones, and the honour lists the bureau reports each January for the year before —
 * every recipient of the honour, in the ledger or not (engineers, managers, model workers of other
 * trades), so the dashboard can say which share of them are high-skilled workers.
 */
import { isHighSkilled } from '@talent-ledger/core'
import { dayOf, yearOfDay } from './calendar.js'
import type { Timed } from './city.js'
import type { Section } from './section.js'
import { heldFrom, honour, type SimEnv } from './talent.js'

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const

/**
 * Of every recipient of an honour in a year, how many the ledger holds at most (the rest are not
 * skilled workers): illustrative shares, lower for the broad titles than for the skill ones.
 */
const LEDGER_SHARE: Readonly<Record<string, number>> = {
  'lyg-craftsman': 0.6,
  'jiangsu-craftsman': 0.5,
  'jiangsu-may-day-medal': 0.3,
  'national-may-day-medal': 0.3,
  'national-model-worker': 0.25,
  'china-skills-award': 1,
  'national-technical-expert': 1,
  'lyg-skill-champion': 1,
  'lyg-technical-expert': 1,
  'lyg-technical-pacesetter': 1,
}

/** Yearly chance of each list for a worker at technician or above (illustrative; conferred around 1 May). */
const YEARLY: ReadonlyArray<readonly [{ readonly honourId: string; readonly title: string; readonly grade: string }, number]> = [
  [{ honourId: 'lyg-craftsman', title: '连云工匠', grade: 'municipal' }, 0.003],
  [{ honourId: 'jiangsu-craftsman', title: '江苏工匠', grade: 'provincial' }, 0.001],
  [{ honourId: 'jiangsu-may-day-medal', title: '江苏省五一劳动奖章', grade: 'provincial' }, 0.001],
]

export const honoursSection = (env: SimEnv): Section => {
  const tally = new Map<string, number>()
  return {
    talent: (t) => {
      const top = t.certs.filter((c) => isHighSkilled(c.level)).at(-1)
      // the rare national honours, for the top of the ladder
      if (top !== undefined && (top.level === 'principal-technician' || top.level === 'chief-technician')) {
        if (t.r.chance(0.05)) honour(t, top.day + t.r.int(200, 1000), { honourId: 'national-may-day-medal', title: '全国五一劳动奖章', grade: 'national' })
        if (t.r.chance(0.02)) honour(t, top.day + t.r.int(300, 1500), { honourId: 'china-skills-award', title: '中华技能大奖', grade: 'national' })
      }
      // the yearly lists of the city and the province, open to every worker at technician or above (the stock too)
      const from = heldFrom(t, 'technician')
      if (from !== null)
        for (let year = yearOfDay(Math.max(from, env.start)); year <= yearOfDay(env.end); year++)
          for (const [h, chance] of YEARLY)
            if (t.r.chance(chance)) {
              const day = Math.max(from, dayOf(`${year}-04-20`)) + t.r.int(0, 30)
              if (yearOfDay(day) === year) honour(t, day, h)
            }
      for (const h of t.honours) {
        if (h.honourId === null || h.day > env.end) continue
        const key = `${h.honourId}/${yearOfDay(h.day)}`
        tally.set(key, (tally.get(key) ?? 0) + 1)
      }
    },
    // each list is reported in January for the year before, when that January is simulated
    after: (r) =>
      [...tally.entries()]
        .map(([key, inLedger]): Timed | null => {
          const [honourId, year] = key.split('/') as [string, string]
          const day = dayOf(`${Number(year) + 1}-01-${String(r.int(10, 31)).padStart(2, '0')}`)
          if (day > env.end) return null
          const recipients = Math.max(inLedger, Math.ceil(inLedger / (LEDGER_SHARE[honourId] ?? 1)) + r.int(0, 2))
          return { day, command: { type: 'ReportHonourList', actor: bureau, data: { honourId, year: Number(year), recipients } } }
        })
        .filter((x): x is Timed => x !== null),
  }
}
