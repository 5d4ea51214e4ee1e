/**
 * Senior posts and featured-industry certificates on the report page (DOMAIN.md §12, §13, §16); each
 * count cell carries its number in a `data-` attribute, so a reader program can check the page
 * against `report --json`.
 */
import type { FeaturedCertificateFigures, SeniorPostFigures } from '@talent-ledger/core'
import { escapeHtml } from './escape.js'

const table = (id: string, caption: string, headers: ReadonlyArray<string>, rows: ReadonlyArray<string>): string =>
  [`<table id="${id}">`, `<caption>${caption}</caption>`, `<thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`, '<tbody>', ...rows, '</tbody>', '</table>'].join('\n')

/** Posts in force and the quota per employer and level. */
export const seniorPostsTable = (figures: SeniorPostFigures): string => {
  if (figures.seniorPosts.length === 0) return '<p class="muted" id="senior-posts-none">尚无聘任 no senior post recorded</p>'
  const rows = figures.seniorPosts.map(
    (r) =>
      `<tr class="senior-post" data-employer="${escapeHtml(r.employerId)}" data-level="${escapeHtml(r.level)}"><th scope="row">${escapeHtml(r.employerId)}</th><td>${escapeHtml(r.level)}</td><td class="num" data-in-force="${r.inForce}">${r.inForce}</td><td class="num" data-quota="${r.quota === null ? '' : r.quota}">${r.quota === null ? '未设定 unset' : r.quota}</td></tr>`,
  )
  return table('senior-posts-table', '特级技师、首席技师聘任：在聘人数与岗位数 Senior posts in force and quota on the report date', ['用人单位 employer', '等级 level', '在聘 in force', '岗位数 quota'], rows)
}

/** Featured-industry certificates valid on the report date, per standard and level. */
export const featuredCertificatesTable = (figures: FeaturedCertificateFigures): string => {
  if (figures.featuredCertificates.length === 0) return '<p class="muted" id="featured-none">尚无特色评价证书 no featured-industry certificate</p>'
  const rows = figures.featuredCertificates.map(
    (r) =>
      `<tr class="featured" data-standard="${escapeHtml(r.standardId)}" data-level="${escapeHtml(r.level)}"><th scope="row">${escapeHtml(r.standardId)}</th><td>${escapeHtml(r.level)}</td><td class="num" data-count="${r.count}">${r.count}</td></tr>`,
  )
  return table('featured-table', '特色产业评价证书 Featured-industry certificates valid on the report date', ['标准 standard', '等级 level', '人数 count'], rows)
}
