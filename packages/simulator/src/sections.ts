/**
 * The parts of the policy the simulator exercises beyond the ladder and the first release's money —
 * one file each (DOMAIN.md §10 carriers, §11 cooperation, §12 posts, §13 featured standards, §14 honours, §15 services) — and how a
 * simulation runs them. A section writes on the city stream (`city`, before the talents; `after`,
 * once every talent is planned) and adds to each talent's history (`talent`). Each draws from random
 * streams of its own, keyed by its salt, so adding a section (a file and a line below) changes
 * nothing another section or the talents' own histories draw.
 */
import { carriersSection } from './carriers.js'
import { cooperationSection } from './cooperation.js'
import { featuredSection } from './featured.js'
import { honoursSection } from './honours.js'
import { postsSection } from './posts.js'
import { servicesSection } from './services.js'
import type { Section } from './section.js'
import type { SimEnv } from './talent.js'

/** Each section with the salt of its random streams; the order is the order they run in. */
export const SECTIONS: ReadonlyArray<readonly [salt: number, make: (env: SimEnv) => Section]> = [
  [0x12000000, postsSection],
  [0x13000000, featuredSection],
  [0x14000000, honoursSection],
  [0x15000000, servicesSection],
  // after every section that adds certificates: it reads them (a studio's master, carriers.ts)
  [0x10000000, carriersSection],
  // after the carriers: the chain's trainings stay under their agreement, never in a carrier's programme
  [0x11000000, cooperationSection],
]
