/**
 * The city at a scale: a simulation of a fraction of Lianyungang (`--scale 0.01`: 1 %) scales the
 * employed persons, the stock of certified workers and every count target of the policy by the same
 * factor, so its dashboard reads like the city's. The scaled targets live in the *demo policy* the
 * simulation adopts (`targets.scale` says so), so a report read later from the same log shows them,
 * marked as scaled. The assumptions are listed in docs/rules.md ("The demo's city").
 */
import type { PolicyDocument } from '@talent-ledger/core'
import { dayOf } from './calendar.js'
import { cityPolicyDocument } from './city.js'
import { STOCK_SKILLED_SHARE } from './stock.js'

/** Employed persons of Lianyungang (order of magnitude), the whole of which scale 1 simulates. */
export const CITY_EMPLOYED_PERSONS = 2_300_000
/**
 * Assumption: workers entering the ledger each year without a prior certificate, at scale 1 — new
 * entrants and uncertified workers who train and take their first assessment.
 */
export const PIPELINE_TALENTS_PER_YEAR = 30_000
/** Id of the demo policy: the city's policy, with the allowances set and the count targets scaled. */
export const DEMO_POLICY_ID = 'lianyungang-demo'
/** Scale the demo runs at unless told otherwise (measured to run in about a minute on 2 cores). */
export const DEFAULT_DEMO_SCALE = 0.01

/** A count target at a scale: rounded, and never below one (a target of none is met by nothing). */
export const scaledCount = (count: number, scale: number): number => Math.max(1, Math.round(count * scale))

/**
 * The demo policy: the simulated city's policy (allowances and catalogues set) with every count
 * target multiplied by `scale` and the factor recorded in `targets.scale`. Amounts in 元.
 */
export const demoPolicyDocument = (scale: number, housingYuan: number, livingYuanPerMonth: number, livingMonths = 12): PolicyDocument => {
  const city = cityPolicyDocument(housingYuan, livingYuanPerMonth, DEMO_POLICY_ID, livingMonths)
  const t = city.targets
  return {
    ...city,
    title: `演示政策 demo policy: ${city.title}, count targets at ×${scale} of the city's`,
    targets: {
      ...t,
      newHighSkilled: { ...t.newHighSkilled, count: scaledCount(t.newHighSkilled.count, scale) },
      highSkilledTotal: { ...t.highSkilledTotal, count: scaledCount(t.highSkilledTotal.count, scale) },
      carriers: { ...t.carriers, count: scaledCount(t.carriers.count, scale) },
      scale,
    },
  }
}

/** How many of each the simulation of a city at a scale holds. */
export interface CityAtScale {
  readonly scale: number
  readonly employedPersons: number
  /** Talents holding certificates issued before the ledger. */
  readonly stock: number
  /** Talents who enter the ledger without one over the simulated span. */
  readonly pipeline: number
}

const yearsBetween = (from: string, to: string): number => (dayOf(to) - dayOf(from) + 1) / 365.25

/**
 * The city at `scale` over `from`…`to`, or sized to `talents` in all. Precedence: `scale` decides the
 * city (employed persons, targets, stock); `talents`, when given too, the number of talents
 * simulated in all (the stock first, then the pipeline); `talents` alone picks the scale whose city
 * holds that many; neither: the default scale.
 */
export const cityAtScale = (o: { readonly scale?: number; readonly talents?: number; readonly from: string; readonly to: string }): CityAtScale => {
  const perScale = CITY_EMPLOYED_PERSONS * STOCK_SKILLED_SHARE + PIPELINE_TALENTS_PER_YEAR * yearsBetween(o.from, o.to)
  // a scale picked from a count is shown to three significant figures, as the policy records it
  const scale = o.scale ?? (o.talents === undefined ? DEFAULT_DEMO_SCALE : Number((o.talents / perScale).toPrecision(3)))
  const employedPersons = Math.max(1, Math.round(CITY_EMPLOYED_PERSONS * scale))
  const stock = Math.round(employedPersons * STOCK_SKILLED_SHARE)
  if (o.talents === undefined) return { scale, employedPersons, stock, pipeline: Math.round(PIPELINE_TALENTS_PER_YEAR * scale * yearsBetween(o.from, o.to)) }
  const held = Math.min(stock, o.talents)
  return { scale, employedPersons, stock: held, pipeline: o.talents - held }
}
