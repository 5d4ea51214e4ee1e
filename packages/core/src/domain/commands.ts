/**
 * The command catalogue (ARCHITECTURE.md): every aggregate's commands, `{type, actor, data}`, as
 * the aggregates register them (aggregates.ts). Decoding (decode.ts) is the first check a command
 * meets; a failure is `Malformed` and names the field.
 */
import type * as t from 'io-ts'
import type { Actor } from '../vocabulary/roles.js'
import { mergedCodecs, type AllCommandData } from './aggregates.js'

/** `data` codec of each command type. */
export const CommandData: AllCommandData = mergedCodecs('commands')

export type CommandType = keyof AllCommandData & string
/** Command type names, for the CLI and docs. */
export const COMMAND_TYPES = Object.keys(CommandData) as CommandType[]

const DATE_FIELDS = ['on', 'registeredOn', 'startedOn', 'completedOn', 'effectiveFrom', 'issuedOn'] as const

/** The business date a command happens on, when it names one (yearly statistics: the last day of their year). */
export const businessDateOf = (c: { readonly type: string; readonly data: unknown }): string | null => {
  const d = c.data as Record<string, unknown>
  for (const k of DATE_FIELDS) if (typeof d[k] === 'string') return d[k]
  if (c.type === 'ReportEmploymentStatistics' || c.type === 'ReportHonourList') return `${d['year']}-12-31`
  return null
}

/** A decoded command of one type. */
export type CommandOf<K extends CommandType> = K extends CommandType
  ? { readonly type: K; readonly actor: Actor; readonly data: t.TypeOf<AllCommandData[K]> }
  : never
/** Any decoded command. */
export type Command = { [K in CommandType]: CommandOf<K> }[CommandType]

export { Authorization } from './organization/messages.js'
