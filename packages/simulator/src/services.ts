/**
 * Services for high-skilled talents (DOMAIN.md §15): deliveries of the services a talent is entitled
 * to under the policy in force (level ≥ the service's `minLevel`), at illustrative rates — the one-stop
 * service now and then, a health check or recuperation most years, a child's school place once.
 */
import { dateOf, dayOf, yearOfDay } from './calendar.js'
import type { Section } from './section.js'
import { emit, heldFrom, nextId, policyOn } from './talent.js'

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const

/** Chance that an entitled talent is delivered the service in a year (once-only: in the year it is first possible). */
const YEARLY_CHANCE: Readonly<Record<string, number>> = {
  'one-stop-service': 0.12,
  'children-education': 0.06,
  'medical-care': 0.08,
  'health-check': 0.4,
  recuperation: 0.25,
}

export const servicesSection = (): Section => ({
  talent: (t) => {
    const { r, env } = t
    const delivered = new Set<string>()
    for (let year = yearOfDay(env.start); year <= yearOfDay(env.end); year++) {
      const yearStart = Math.max(env.start, dayOf(`${year}-01-01`))
      const yearEnd = Math.min(env.end, dayOf(`${year}-12-31`))
      for (const entry of policyOn(t.env, yearEnd).services ?? []) {
        if (entry.minLevel === null || entry.frequency === null) continue
        if (entry.frequency === 'once' && delivered.has(entry.service)) continue
        const from = heldFrom(t, entry.minLevel)
        // the policy in force on the delivery day must set the service too: from the policy day on
        const first = Math.max(yearStart, from ?? Number.POSITIVE_INFINITY, env.policyDay ?? env.start)
        if (first > yearEnd || !r.chance(YEARLY_CHANCE[entry.service] ?? 0)) continue
        const day = r.int(first, yearEnd)
        const deliveryId = nextId(t, 'sd')
        emit(t, day, { type: 'RecordServiceDelivery', actor: bureau, data: { talentId: t.id, deliveryId, service: entry.service, on: dateOf(day) } })
        delivered.add(entry.service)
      }
    }
  },
})
