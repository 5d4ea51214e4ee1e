/**
 * How a notice speaks to its recipient and of the talent (称呼): "您" / "you" to the talent,
 * "人才 王芳（编号 t-1）" / "talent 王芳 (t-1)" to the employer and the bureau. With no name
 * (erased, or unknown) the talent is named by id alone.
 */
import type { Locale } from '../kernel/outbox.js'

/** Who a notice goes to, and the talent's name as known at delivery time (null once erased). */
export interface Addressee {
  readonly recipient: 'talent' | 'employer' | 'bureau'
  readonly name: string | null
}

/** The phrases a template fills in. */
export interface Addressing {
  /** Opening line. */
  readonly greeting: string
  /** The talent as a sentence's subject ("You" / "Talent 王芳 (t-1)"; "您" / "人才 王芳（编号 t-1）"). */
  readonly subject: string
  /** "have" or "has" after `subject` (en). */
  readonly has: string
  /** The talent as an object ("you" / "talent 王芳 (t-1)"). */
  readonly object: string
  /** The talent's ("your" / "talent 王芳 (t-1)"; "您的" / "人才…的"). */
  readonly possessive: string
  /** Appended to a subject line sent to others than the talent: ` (t-1)` / `（t-1）`. */
  readonly aboutSubject: string
}

/** The phrases for `to`, about the talent `talentId`, in `locale`. */
export const addressing = (to: Addressee, talentId: string, locale: Locale): Addressing => {
  const self = to.recipient === 'talent'
  if (locale === 'en') {
    const third = to.name === null ? `talent ${talentId}` : `talent ${to.name} (${talentId})`
    const greeting = self ? (to.name === null ? 'Dear talent,' : `Dear ${to.name},`) : to.recipient === 'employer' ? 'Dear employer,' : 'To the human resources and social security bureau,'
    return {
      greeting,
      subject: self ? 'You' : third.charAt(0).toUpperCase() + third.slice(1),
      has: self ? 'have' : 'has',
      object: self ? 'you' : third,
      possessive: self ? 'your' : third,
      aboutSubject: self ? '' : ` (${talentId})`,
    }
  }
  const third = to.name === null ? `人才（编号 ${talentId}）` : `人才 ${to.name}（编号 ${talentId}）`
  const greeting = self ? (to.name === null ? '您好：' : `${to.name}，您好：`) : to.recipient === 'employer' ? '贵单位：' : '人力资源和社会保障局：'
  return {
    greeting,
    subject: self ? '您' : third,
    has: '',
    object: self ? '您' : third,
    possessive: self ? '您的' : `${third}的`,
    aboutSubject: self ? '' : `（${talentId}）`,
  }
}
