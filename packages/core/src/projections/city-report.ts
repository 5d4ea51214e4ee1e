/**
 * The whole city report (市级看板): the dashboard against the targets and every figure DOMAIN.md §16
 * adds, folded in one pass over the log. One definition, so `report`, the benchmarks and anyone
 * embedding the library fold the same parts: a part added here appears in all of them.
 */
import { combinedProjection } from '../kernel/projection.js'
import { benefitFigures, benefitFiguresProjection, type BenefitFigures } from './benefit-figures.js'
import { carrierOutputFigures, carrierOutputsProjection, type CarrierOutputFigures } from './carrier-outputs.js'
import { cityDashboardProjection, dashboardReport, type CityReport } from './city-dashboard.js'
import { cooperationFigures, cooperationFiguresProjection, type CooperationFigures } from './cooperation-figures.js'
import { featuredCertificateFigures, featuredCertificatesProjection, type FeaturedCertificateFigures } from './featured-certificates.js'
import { honourFigures, honourFiguresProjection, type HonourFigures } from './honour-figures.js'
import { seniorPostFigures, seniorPostsProjection, type SeniorPostFigures } from './senior-posts.js'
import { serviceFigures, serviceFiguresProjection, type ServiceFigures } from './service-figures.js'

/** The report: 0.1's dashboard, then benefits, honours, services, posts, featured certificates, carriers' outputs, agreements and teachers. */
export type FullCityReport = CityReport & BenefitFigures & HonourFigures & ServiceFigures & SeniorPostFigures & FeaturedCertificateFigures & CarrierOutputFigures & CooperationFigures

// each event goes only to the parts that read its type, and a type none of them reads is not decoded
const cityReportParts = {
  dashboard: cityDashboardProjection,
  benefits: benefitFiguresProjection,
  honours: honourFiguresProjection,
  services: serviceFiguresProjection,
  seniorPosts: seniorPostsProjection,
  featured: featuredCertificatesProjection,
  carriers: carrierOutputsProjection,
  cooperation: cooperationFiguresProjection,
}

/** The state of every part of the report. */
export type CityReportState = ReturnType<(typeof cityReportProjection)['initialState']>

/** One projection feeding every part of the report, so a big log is read once. */
export const cityReportProjection = combinedProjection('city-report', cityReportParts)

/** The report as of a business date, from the folded parts. */
export const fullCityReport = (s: CityReportState, asOf: string): FullCityReport => ({
  ...dashboardReport(s.dashboard, asOf),
  ...benefitFigures(s.benefits, asOf),
  ...honourFigures(s.honours, asOf),
  ...serviceFigures(s.services, asOf),
  ...seniorPostFigures(s.seniorPosts, asOf),
  ...featuredCertificateFigures(s.featured, asOf),
  ...carrierOutputFigures(s.carriers, asOf),
  ...cooperationFigures(s.cooperation, asOf),
})

