/**
 * The city dashboard as one self-contained HTML page for a city official (`report --html`):
 * inline CSS, inline SVG charts, no script, no font or image from anywhere else, so it opens the
 * same from a mail attachment, a file share or a browser with no network.
 */
import type { BenefitFigures, CarrierOutputFigures, CityReport, CooperationFigures, FeaturedCertificateFigures, HonourFigures, SeniorPostFigures, ServiceFigures } from '@talent-ledger/core'
import { cooperationTables } from './cooperation-table.js'
import { benefitsTable } from './benefits-table.js'
import { carrierOutputsTable } from './carriers-table.js'
import { honoursTable } from './honours-table.js'
import { servicesTable } from './services-table.js'
import { featuredCertificatesTable, seniorPostsTable } from './posts-table.js'
import { districtTable, trainingTable } from './chart-tables.js'
import { districtChart } from './district-chart.js'
import { escapeHtml, formatNumber } from './escape.js'
import { targetBars } from './target-bars.js'
import { targetCharts } from './target-chart.js'
import { trainingChart } from './training-chart.js'

const STYLE = `
body { margin: 0; padding: 24px 32px; font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2933; background: #ffffff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid #d9dee4; padding-bottom: 4px; }
.meta, .muted { color: #616e7c; fill: #616e7c; }
.facts { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 0; padding: 0; list-style: none; }
.facts li { border: 1px solid #d9dee4; border-radius: 6px; padding: 8px 12px; min-width: 140px; }
.facts b { display: block; font-size: 18px; }
.chart { display: block; max-width: 100%; height: auto; font-size: 13px; }
.chart text { fill: #1f2933; }
.chart .label { font-weight: 600; }
.bar-track { fill: #e4e7eb; }
.bar-fill { fill: #e67e22; }
.target.met .bar-fill { fill: #27ae60; }
.target .status { fill: #b44d12; font-weight: 600; }
.target.met .status { fill: #1e7b45; }
.bar-enrolled { fill: #4c78a8; }
.bar-completed { fill: #72b7b2; }
table { border-collapse: collapse; margin-top: 12px; font-size: 13px; }
th, td { border-bottom: 1px solid #d9dee4; padding: 4px 10px; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
#target-paths { display: grid; gap: 20px; }
.target-path { margin: 0; }
.target-path figcaption { font-weight: 600; margin-bottom: 4px; }
.path-body { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.path-body table { margin-top: 0; }
.path-chart .axis { stroke: #7b8794; }
.path-chart .tick, .path-chart .axis-label, .path-chart .deadline-label { font-size: 11px; fill: #52606d; }
.path-chart .deadline { stroke: #52606d; stroke-width: 1.5; stroke-dasharray: 2 3; }
.path-chart .required-line { stroke: #7b8794; stroke-width: 2; stroke-dasharray: 7 5; }
.path-chart .actual-line { stroke: var(--status); stroke-width: 2.5; }
.path-chart .actual-point { fill: var(--status); }
.path-chart .forecast-line { stroke: var(--status); stroke-width: 2; stroke-dasharray: 1 4; stroke-linecap: round; }
.path-chart .forecast-point { fill: #ffffff; stroke: var(--status); stroke-width: 2.5; }
.path-chart .status-swatch { fill: var(--status); }
.path-chart text.status { font-weight: 600; fill: var(--status); }
.target-path { --status: #52606d; }
.target-path.status-met, .target-path.status-on-track { --status: #1e7b45; }
.target-path.status-at-risk { --status: #b44d12; }
.target-path.status-missed { --status: #b3261e; }
caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
footer { margin-top: 32px; font-size: 12px; color: #616e7c; }
`

const fact = (zh: string, en: string, value: string): string =>
  `<li>${escapeHtml(zh)} <span class="muted">${escapeHtml(en)}</span><b>${escapeHtml(value)}</b></li>`

/** The whole page for `report`, as an HTML string. */
export const reportPage = (
  report: CityReport &
    Partial<BenefitFigures> &
    Partial<HonourFigures> &
    Partial<ServiceFigures> &
    Partial<SeniorPostFigures> &
    Partial<FeaturedCertificateFigures> &
    Partial<CarrierOutputFigures> &
    Partial<CooperationFigures>,
): string => {
  const met = report.targets.filter((t) => t.met).length
  const employedYear = report.employedPersonsYear === null ? '' : ` (${report.employedPersonsYear})`
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`连云港市高技能人才工作看板 City dashboard · ${report.asOf}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>连云港市高技能人才工作看板 <span class="muted">Lianyungang high-skilled talent dashboard</span></h1>
<p class="meta">截至 as of <time datetime="${escapeHtml(report.asOf)}">${escapeHtml(report.asOf)}</time> · 政策 policy <code>${escapeHtml(report.policyId)}</code> · ${escapeHtml(`${met} / ${report.targets.length}`)} 项目标已达成 targets met</p>
${report.targetScale === null ? '' : `<p class="meta scaled" data-target-scale="${report.targetScale}">${escapeHtml(`模拟：数量目标按 ×${report.targetScale} 缩放 — simulation: the count targets are scaled ×${report.targetScale} (${Math.round(report.targetScale * 100 * 10_000) / 10_000} % of the city's) by the policy's targets.scale`)}</p>`}
<ul class="facts">
${fact('在册人才', 'talents', formatNumber(report.talentsTotal))}
${fact('技能人才', 'skilled', formatNumber(report.skilledTotal))}
${fact('高技能人才', 'high-skilled', formatNumber(report.highSkilledTotal))}
${fact('就业人员', `employed persons${employedYear}`, formatNumber(report.employedPersons))}
</ul>
</header>
<main>
<section><h2>目标进度 <span class="muted">Progress toward the targets</span></h2>
${targetBars(report)}
</section>
<section id="paths"><h2>目标路径 <span class="muted">Paths toward the targets: actual (solid), required (dashed), forecast at the deadline (dotted, ringed)</span></h2>
${targetCharts(report)}
</section>
<section><h2>培训情况（按领域） <span class="muted">Trainings by field</span></h2>
${trainingChart(report)}
${trainingTable(report)}
</section>
<section><h2>各区技能人才等级 <span class="muted">Levels by district</span></h2>
${districtChart(report)}
${districtTable(report)}
</section>
${/* --- benefits (DOMAIN.md §16) --- */ ''}${
    report.benefits === undefined || report.benefitTotals === undefined
      ? ''
      : `<section id="benefits"><h2>补贴发放（元） <span class="muted">Benefits (yuan)</span></h2>
${benefitsTable({ benefits: report.benefits, benefitTotals: report.benefitTotals })}
</section>
`
  }${/* --- end of benefits --- */ ''}${/* --- honours (DOMAIN.md §14, §16) --- */ ''}${
    report.honours === undefined || report.honourShares === undefined
      ? ''
      : `<section id="honours"><h2>荣誉表彰 <span class="muted">Honours: high-skilled share of each reported list</span></h2>
${honoursTable({ honours: report.honours, honourShares: report.honourShares })}
</section>
`
  }${/* --- end of honours --- */ ''}${/* --- services (DOMAIN.md §15, §16) --- */ ''}${
    report.services === undefined
      ? ''
      : `<section id="services"><h2>人才服务 <span class="muted">Services: deliveries and talents entitled on the report date</span></h2>
${servicesTable({ services: report.services })}
</section>
`
  }${/* --- end of services --- */ ''}${/* --- senior posts and featured certificates (DOMAIN.md §12, §13, §16) --- */ ''}${
    report.seniorPosts === undefined
      ? ''
      : `<section id="senior-posts"><h2>特级技师、首席技师 <span class="muted">Senior posts: in force and quota</span></h2>
${seniorPostsTable({ seniorPosts: report.seniorPosts })}
</section>
`
  }${
    report.featuredCertificates === undefined
      ? ''
      : `<section id="featured"><h2>特色产业评价 <span class="muted">Featured-industry certificates</span></h2>
${featuredCertificatesTable({ featuredCertificates: report.featuredCertificates })}
</section>
`
  }${/* --- training carriers (DOMAIN.md §10, §16) --- */ ''}${
    report.carrierOutputs === undefined || report.programmeOutputs === undefined
      ? ''
      : `<section id="carriers"><h2>培养载体 <span class="muted">Training carriers: programmes, enrolments, completions and certificates</span></h2>
${carrierOutputsTable({ carrierOutputs: report.carrierOutputs, programmeOutputs: report.programmeOutputs })}
</section>
`
  }${/* --- cooperation: agreements and teachers (DOMAIN.md §11, §16) --- */ ''}${
    report.agreements === undefined || report.teachers === undefined
      ? ''
      : `<section id="cooperation"><h2>校企合作与师资 <span class="muted">Cooperation: agreements and vocational-school teachers</span></h2>
${cooperationTables({ agreements: report.agreements, teachers: report.teachers })}
</section>
`
  }</main>
<footer>由 talent-ledger 根据完整事件日志生成 · generated by talent-ledger from the whole event log; counts use certificates valid on the report date.</footer>
</body>
</html>
`
}
