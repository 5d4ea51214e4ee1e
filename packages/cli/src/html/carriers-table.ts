/**
 * Training carriers on the report page (DOMAIN.md §10, §16 `carrierOutputs`): per carrier its
 * programmes, enrolments, completions and certificates by level, and each programme opened with its
 * places (shown, not enforced). Each count cell carries its number in a `data-` attribute, so a
 * reader program can check the page against `report --json`.
 */
import type { CarrierOutputFigures } from '@talent-ledger/core'
import { escapeHtml } from './escape.js'

const levels = (byLevel: Readonly<Record<string, number>>): string =>
  Object.entries(byLevel)
    .map(([level, n]) => `${escapeHtml(level)} ${n}`)
    .join(', ')

const num = (attr: string, n: number): string => `<td class="num" data-${attr}="${n}">${n}</td>`

/** The carriers section's content: the tables, or a line saying there is nothing yet. */
export const carrierOutputsTable = (figures: CarrierOutputFigures): string => {
  if (figures.carrierOutputs.length === 0 && figures.programmeOutputs.length === 0) return '<p class="muted" id="carriers-none">尚无培养载体 no training carrier designated yet</p>'
  const carriers = figures.carrierOutputs.map(
    (r) =>
      `<tr class="carrier" data-carrier="${escapeHtml(r.carrierId)}"><th scope="row">${escapeHtml(r.carrierId)}</th><td>${escapeHtml(r.kind)}</td><td>${r.grade === null ? '' : escapeHtml(r.grade)}</td><td>${r.masterTalentId === null ? '' : escapeHtml(r.masterTalentId)}</td>${num('programmes', r.programmes)}${num('enrolled', r.enrolled)}${num('completed', r.completed)}${num('certified', r.certified)}<td>${levels(r.certifiedByLevel)}</td></tr>`,
  )
  const programmes = figures.programmeOutputs.map(
    (p) =>
      `<tr class="programme" data-programme="${escapeHtml(p.programId)}"><th scope="row">${escapeHtml(p.programId)}</th><td>${p.carrierId === null ? '' : escapeHtml(p.carrierId)}</td><td>${escapeHtml(p.kind)}</td><td>${escapeHtml(p.field)}</td><td>${escapeHtml(p.providerId)}</td><td class="num" data-places="${p.places ?? ''}">${p.places ?? '—'}</td>${num('enrolled', p.enrolled)}${num('completed', p.completed)}${num('certified', p.certified)}</tr>`,
  )
  const head = (cells: string[]): string => `<thead><tr>${cells.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`
  return [
    '<table id="carriers-table">',
    '<caption>培养载体成效 Training carriers: outputs of their programmes</caption>',
    head(['载体 carrier', '类型 kind', '级别 grade', '大师 master', '项目 programmes', '在训 enrolled', '结业 completed', '取证 certified', '按等级 by level']),
    '<tbody>',
    ...carriers,
    '</tbody>',
    '</table>',
    ...(programmes.length === 0
      ? []
      : [
          '<table id="programmes-table">',
          '<caption>培训项目（名额仅供参考，不作限制） Programmes (places shown, not enforced)</caption>',
          head(['项目 programme', '载体 carrier', '类型 kind', '领域 field', '提供方 provider', '名额 places', '在训 enrolled', '结业 completed', '取证 certified']),
          '<tbody>',
          ...programmes,
          '</tbody>',
          '</table>',
        ]),
  ].join('\n')
}
