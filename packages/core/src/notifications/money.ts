/**
 * Money in notices (金额): the ledger keeps integers in fen; people read yuan with two decimals.
 * Integer arithmetic only, so 1 fen never becomes 0.009999 yuan, and no dependence on the host's
 * locale data: `en` reads ¥3,000.00, `zh-CN` reads 3000.00元.
 */
import type { Locale } from '../kernel/outbox.js'

const grouped = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** Formats an amount in fen as yuan in `locale` (negative amounts keep their sign). */
export const formatFen = (fen: number, locale: Locale): string => {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount ${fen} is not a whole number of fen`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = String(Math.floor(abs / 100))
  const cents = String(abs % 100).padStart(2, '0')
  return locale === 'en' ? `${sign}¥${grouped(yuan)}.${cents}` : `${sign}${yuan}.${cents}元`
}
