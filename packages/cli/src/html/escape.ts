/**
 * HTML escaping for the report page: every text that reaches the page (district names, policy ids,
 * labels) goes through here, in element content and in attribute values alike.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** `text` made safe for HTML element content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch)

/** A number for humans: thousands separators, `unit` appended; `null` is "not reported". */
export const formatNumber = (n: number | null, unit = ''): string => (n === null ? '未报告 not reported' : `${n.toLocaleString('en-US')}${unit}`)

/** A number for SVG geometry: at most two decimals, so the markup stays short and stable. */
export const px = (n: number): string => String(Math.round(n * 100) / 100)
