/**
 * Which fields of a command are personal data (个人信息, DOMAIN.md §9), and how each is masked when
 * an error must mention it: the domain's list, handed to the kernel's error describer by whoever
 * decodes caller input (`decodeCommand`), so no refusal echoes a name, ID or birth date in clear.
 */
import { maskDate, maskIdentifier, maskName } from '../kernel/masking.js'

/** Fields whose values are personal data, wherever they appear in a command. */
export const PERSONAL_FIELDS: ReadonlyArray<string> = ['name', 'nationalId', 'birthDate']

const MASKS: Readonly<Record<string, (value: string) => string>> = { nationalId: maskIdentifier, name: maskName, birthDate: maskDate }

/** How the value of `field` (a dotted path; its last key decides) is masked, or null when it is not personal. */
export const personalFieldMask = (field: string): ((value: string) => string) | null => {
  const key = field.slice(field.lastIndexOf('.') + 1)
  return PERSONAL_FIELDS.includes(key) ? (MASKS[key] ?? maskIdentifier) : null
}
