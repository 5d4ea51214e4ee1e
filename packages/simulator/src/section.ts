/**
 * A section of the simulation: one part of the policy it exercises, in a file of its own (the list
 * and how a simulation runs them: sections.ts).
 */
import type { Timed } from './city.js'
import type { Random } from './random.js'
import type { TalentSim } from './talent.js'

/** One section of one simulation (a section may keep state across the talents, e.g. a tally). */
export interface Section {
  /** Commands of the city stream, planned before the talents. */
  readonly city?: (r: Random) => Timed[]
  /** Adds to one talent's history once its career, rewards and trainings are planned: `t.r` is the section's own stream, and only `t`'s lists (items, certs, ids, honours) may change. */
  readonly talent?: (t: TalentSim) => void
  /** Commands of the city stream once every talent is planned. */
  readonly after?: (r: Random) => Timed[]
}
