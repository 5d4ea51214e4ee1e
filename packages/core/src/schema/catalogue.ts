/**
 * The published catalogue: the JSON Schema of every command (what an `apply` line may say) and of
 * every event's `data` (what the log holds), generated from the codecs `decodeCommand` and the
 * stores use. docs/schema/*.json are this output; a test regenerates them and compares.
 */
import { Actor } from '../vocabulary/roles.js'
import { strictType } from '../kernel/strict.js'
import { CommandData, COMMAND_TYPES, type CommandType } from '../domain/commands.js'
import { EventData, EVENT_TYPES } from '../domain/events.js'
import { toJsonSchema, type JsonSchema } from './json-schema.js'

const DIALECT = 'https://json-schema.org/draft/2020-12/schema'

/** The actor of a command is exact, like its data (decode.ts). */
const CommandActor = strictType(Actor.props, 'Actor')

const commandBody = (type: CommandType): JsonSchema => ({
  title: type,
  type: 'object',
  properties: { type: { const: type }, actor: toJsonSchema(CommandActor), data: toJsonSchema(CommandData[type]) },
  required: ['type', 'actor', 'data'],
  additionalProperties: false,
})

/** True when `name` is a command type. */
export const isCommandType = (name: string): name is CommandType => (COMMAND_TYPES as string[]).includes(name)

/** The JSON Schema of one command: `{type, actor, data}` with that type's exact `data`. */
export const commandSchema = (type: CommandType): JsonSchema => ({ $schema: DIALECT, ...commandBody(type) })

/** The JSON Schema of any command: one of the command types (a line of `apply` input). */
export const commandCatalogue = (): JsonSchema => ({
  $schema: DIALECT,
  title: 'talent-ledger command',
  description: 'One line of `talent-ledger apply` input; `data` depends on `type`.',
  oneOf: COMMAND_TYPES.map(commandBody),
})

/** The JSON Schema of every event's `data` at the schema version written today (domain/upcasters.ts), keyed by event type. */
export const eventCatalogue = (): JsonSchema => ({
  $schema: DIALECT,
  title: 'talent-ledger event data',
  description: 'The `data` of each event type as the log stores it today (schemaVersion 1; HonorConferred 2: older versions are upcast on read). Unknown fields are stripped on read.',
  $defs: Object.fromEntries(EVENT_TYPES.map((type) => [type, toJsonSchema(EventData[type])])),
})
