/**
 * `report` as text: the dashboard, then each table of figures, in the order they are printed. A
 * module of its own so that `report --json` does not load the text tables.
 */
import type { FullCityReport } from '@talent-ledger/core'
import { benefitsText } from './benefits-text.js'
import { carrierOutputsText } from './carriers-text.js'
import { cooperationText } from './cooperation-text.js'
import { dashboardText } from './dashboard-text.js'
import { honoursText } from './honours-text.js'
import { featuredCertificatesText, seniorPostsText } from './posts-text.js'
import { servicesText } from './services-text.js'

/** The lines `report` prints without `--json` or `--html`. */
export const reportText = (report: FullCityReport): string[] => [
  ...dashboardText(report),
  ...benefitsText(report) /* benefits (DOMAIN.md §16) */,
  ...honoursText(report) /* honours (§14, §16) */,
  ...servicesText(report) /* services (§15, §16) */,
  ...seniorPostsText(report),
  ...featuredCertificatesText(report) /* posts, featured (§12, §13, §16) */,
  ...carrierOutputsText(report) /* carriers (§10, §16) */,
  ...cooperationText(report) /* agreements, teachers (§11, §16) */,
]
