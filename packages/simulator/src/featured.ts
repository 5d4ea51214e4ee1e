/**
 * Featured-industry evaluation (特色产业评价, DOMAIN.md §13) off the ladder: a 穿戴甲 (press-on nails)
 * worker takes the city's own standard — junior after a year in the trade, then each level after the
 * years the standard asks — and its certificates stand beside the national ladder, never on it. (安防,
 * whose standard counts toward the ladder, is assessed with the career: career.ts names the standard.)
 */
import { anniversary, dateOf } from './calendar.js'
import { NAILS_OCCUPATIONS, NAILS_STANDARD, NAILS_YEARS } from './policy-blocks.js'
import type { Section } from './section.js'
import { emit, nextId, policyOn, type TalentSim } from './talent.js'

const assessor = { id: 'eval-05', role: 'assessment-body' } as const
const LEVELS = ['junior', 'intermediate', 'senior'] as const
/** Chance to go on to each level. */
const TAKES = [0.6, 0.5, 0.35]

/** The standard `standardId` in force on `day`, or undefined. */
const standardOn = (t: TalentSim, day: number, standardId: string) => policyOn(t.env, day).featuredStandards?.find((s) => s.standardId === standardId)

export const featuredSection = (): Section => ({
  talent: (t) => {
    if (!NAILS_OCCUPATIONS.includes(t.occupation.code)) return
    const { r, env } = t
    // junior: a year in the occupation, and the talent registered
    let eligible = Math.max(anniversary(t.sinceDay, 1), t.registeredDay)
    for (const [i, level] of LEVELS.entries()) {
      if (!r.chance(TAKES[i]!)) return
      const day = eligible + r.int(30, 400)
      if (day > env.end || standardOn(t, day, NAILS_STANDARD)?.levels.some((l) => l.level === level) !== true) return
      emit(t, day, {
        type: 'RecordAssessment',
        actor: assessor,
        data: { talentId: t.id, assessmentId: nextId(t, 'fa'), route: 'featured-industry', standardId: NAILS_STANDARD, occupation: t.occupation.code, level, passed: true, assessorId: assessor.id, on: dateOf(day) },
      })
      const next = LEVELS[i + 1]
      if (next === undefined) return
      eligible = anniversary(day, NAILS_YEARS[next]!)
    }
  },
})
