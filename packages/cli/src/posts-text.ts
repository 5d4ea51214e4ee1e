/**
 * The "Senior posts" and "Featured certificates" sections of the text report (DOMAIN.md §12, §13,
 * §16): posts in force against the quota per employer and level (特级技师 / 首席技师), and the
 * certificates of the city's featured-industry standards. They follow the services section, so the
 * earlier lines stay where they were. Strings from the store go through `terminalSafe`.
 */
import type { FeaturedCertificateFigures, SeniorPostFigures } from '@talent-ledger/core'
import { terminalSafe } from './terminal-text.js'

/** The senior-posts section's lines (none when no post or quota is recorded). */
export const seniorPostsText = (figures: SeniorPostFigures): string[] => {
  if (figures.seniorPosts.length === 0) return []
  const lines = ['', 'Senior posts in force on the report date (quota: — when none is set)', `  ${'employer'.padEnd(20)}${'level'.padEnd(22)}${'in force'.padStart(9)}${'quota'.padStart(7)}`]
  for (const r of figures.seniorPosts)
    lines.push(`  ${terminalSafe(r.employerId).padEnd(20)}${terminalSafe(r.level).padEnd(22)}${String(r.inForce).padStart(9)}${(r.quota === null ? '—' : String(r.quota)).padStart(7)}`)
  return lines
}

/** The featured-certificates section's lines (none when no featured standard has certified anyone). */
export const featuredCertificatesText = (figures: FeaturedCertificateFigures): string[] => {
  if (figures.featuredCertificates.length === 0) return []
  const lines = ['', 'Featured-industry certificates valid on the report date', `  ${'standard'.padEnd(20)}${'level'.padEnd(22)}${'count'.padStart(7)}`]
  for (const r of figures.featuredCertificates) lines.push(`  ${terminalSafe(r.standardId).padEnd(20)}${terminalSafe(r.level).padEnd(22)}${String(r.count).padStart(7)}`)
  return lines
}
