/**
 * What the demo prints after its dashboard about the policy's other half (DOMAIN.md §10–15), one
 * line each — training carriers' outputs, cooperation agreements and teachers, senior posts against their quotas, featured-industry certificates, honours and the
 * high-skilled share of the lists, services delivered — with `report` named for the tables. A line
 * is left out when the city has none of it.
 */
import { rank, type CarrierOutputFigures, type CooperationFigures, type FeaturedCertificateFigures, type HonourFigures, type Level, type SeniorPostFigures, type ServiceFigures } from '@talent-ledger/core'
import { terminalSafe } from './terminal-text.js'

const n = (x: number): string => x.toLocaleString('en-US')
const sum = <T>(rows: ReadonlyArray<T>, f: (r: T) => number): number => rows.reduce((s, r) => s + f(r), 0)
/** `a 3, b 4` of counts per key, in first-seen order. */
const byKey = <T>(rows: ReadonlyArray<T>, key: (r: T) => string, count: (r: T) => number): string => {
  const totals = new Map<string, number>()
  for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + count(r))
  return [...totals].map(([k, v]) => `${terminalSafe(k)} ${n(v)}`).join(', ')
}

/** The demo's lines on carriers, cooperation, posts, featured certificates, honours and services (with a blank line before them). */
export const demoPolicyText = (r: CarrierOutputFigures & CooperationFigures & SeniorPostFigures & FeaturedCertificateFigures & HonourFigures & ServiceFigures): string[] => {
  const lines: string[] = []
  const carriers = r.carrierOutputs
  if (carriers.length > 0) {
    // certificates by level over every carrier, in ladder order
    const certified = carriers.flatMap((c) => Object.entries(c.certifiedByLevel)).sort(([a], [b]) => rank(a as Level) - rank(b as Level))
    const levels = byKey(certified, ([level]) => level, ([, k]) => k)
    const masters = carriers.filter((c) => c.masterTalentId !== null).length
    lines.push(
      `Training carriers: ${n(carriers.length)} designated (${n(masters)} ${masters === 1 ? "masters' studio with its master" : "masters' studios with their master"}), ${n(sum(carriers, (c) => c.programmes))} programmes opened at them: ${n(sum(carriers, (c) => c.enrolled))} enrolled, ${n(sum(carriers, (c) => c.completed))} completed, ${n(sum(carriers, (c) => c.certified))} certified${levels === '' ? '' : ` (${levels})`}`,
    )
  }
  if (r.agreements.length > 0 || r.teachers.total > 0) {
    const agreements = r.agreements.map((a) => `${terminalSafe(a.kind)} ${terminalSafe(a.agreementId)} ${n(a.enrolled)} enrolled, ${n(a.completed)} completed${a.hiredByPartner > 0 ? `, ${n(a.hiredByPartner)} hired by a partner` : ''}`)
    lines.push(`Cooperation: ${[...agreements, `${n(r.teachers.total)} vocational-school teachers (${n(r.teachers.highSkilled)} high-skilled)`].join('; ')}`)
  }
  const posts = r.seniorPosts
  if (posts.length > 0) {
    const level = (l: string) => posts.filter((p) => p.level === l)
    const of = (l: string) => `${n(sum(level(l), (p) => p.inForce))} of ${n(sum(level(l), (p) => p.quota ?? 0))}`
    lines.push(`Senior posts in force against their quotas: principal technicians ${of('principal-technician')}, chief technicians ${of('chief-technician')} posts at ${n(new Set(posts.map((p) => p.employerId)).size)} employers`)
  }
  if (r.featuredCertificates.length > 0) lines.push(`Featured-industry certificates (the city's own standards): ${byKey(r.featuredCertificates, (c) => c.standardId, (c) => c.count)}`)
  if (r.honours.length > 0) {
    const shares = r.honourShares.overall.map((o) => `${o.year} ${o.highSkilledSharePercent === null ? '—' : `${o.highSkilledSharePercent} %`}`).join(', ')
    lines.push(`Honours conferred (catalogued): ${byKey(r.honours, (h) => h.honourId, (h) => h.inLedger)}; high-skilled share of the reported lists: ${shares || 'no list reported'}`)
  }
  if (r.services.length > 0) lines.push(`Services delivered: ${byKey(r.services, (s) => s.service, (s) => s.delivered)}`)
  return lines.length === 0 ? [] : ['', ...lines, '  (tables by carrier, programme, agreement, school, employer, standard, honour, year and service: `report`)']
}
