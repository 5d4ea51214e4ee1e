/** The talent aggregate (stream `talent-<id>`): what other aggregates may read of it (a studio's master, DOMAIN.md §10). */
export { talentCategory, talentStream } from './category.js'
export type { TalentState } from './state.js'
