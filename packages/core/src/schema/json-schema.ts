/**
 * JSON Schema (draft 2020-12) read off the io-ts codecs, so the published catalogue cannot drift
 * from what `decodeCommand` accepts. Refinements are predicates a schema cannot carry; the ones the
 * domain uses are described by name (pattern, bounds, words), and an unknown one keeps its base
 * schema with its name as the description, so a new refinement is visible rather than dropped.
 */
import type * as t from 'io-ts'

/** A JSON Schema node (plain JSON). */
export type JsonSchema = { readonly [key: string]: unknown }

/** What a refinement or custom string codec adds to its base schema, keyed by codec name. */
const NAMED: Readonly<Record<string, JsonSchema>> = {
  'LocalDate (YYYY-MM-DD, a real calendar day)': {
    type: 'string',
    format: 'date',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description: 'a calendar day that exists, YYYY-MM-DD',
  },
  'Timestamp (ISO 8601 UTC)': {
    type: 'string',
    format: 'date-time',
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$',
    description: 'an instant, ISO 8601 in UTC',
  },
  NonEmptyString: { type: 'string', minLength: 1, pattern: '^\\S([\\s\\S]*\\S)?$', description: 'not empty, no surrounding blanks' },
  NonNegativeInt: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  PositiveInt: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
  OccupationCode: { type: 'string', pattern: '^\\d(-\\d{2}){1,3}$', description: 'national occupation classification code, e.g. 6-18-02-04' },
  'NationalId (18 characters, valid check digit)': {
    type: 'string',
    pattern: '^\\d{17}[\\dX]$',
    description: 'resident ID number (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character',
  },
  'Percentile (0–100)': { type: 'number', minimum: 0, maximum: 100 },
  Year: { type: 'integer', minimum: 1949, maximum: 2200 },
}

/** The runtime shape of the io-ts codecs this walker knows (their `_tag` and members). */
type Tagged = t.Mixed & {
  readonly _tag?: string
  readonly props?: t.Props
  readonly types?: ReadonlyArray<t.Mixed>
  readonly type?: t.Mixed
  readonly keys?: Readonly<Record<string, unknown>> | ReadonlyArray<string>
  readonly value?: unknown
}

const objectSchema = (props: t.Props, required: boolean): { properties: Record<string, JsonSchema>; required: string[] } => ({
  properties: Object.fromEntries(Object.entries(props).map(([k, c]) => [k, toJsonSchema(c)])),
  required: required ? Object.keys(props) : [],
})

/** Fields of a `t.type`/`t.partial`/`t.intersection` of them, for a strict codec to close. */
const fieldsOf = (codec: Tagged): { properties: Record<string, JsonSchema>; required: string[] } | null => {
  if (codec._tag === 'InterfaceType') return objectSchema(codec.props!, true)
  if (codec._tag === 'PartialType') return objectSchema(codec.props!, false)
  if (codec._tag === 'IntersectionType') {
    const parts = codec.types!.map((c) => fieldsOf(c as Tagged))
    if (parts.some((p) => p === null)) return null
    return parts.reduce<{ properties: Record<string, JsonSchema>; required: string[] }>(
      (acc, p) => ({ properties: { ...acc.properties, ...p!.properties }, required: [...acc.required, ...p!.required] }),
      { properties: {}, required: [] },
    )
  }
  return null
}

const object = (f: { properties: Record<string, JsonSchema>; required: string[] }, closed: boolean): JsonSchema => ({
  type: 'object',
  properties: f.properties,
  ...(f.required.length > 0 ? { required: f.required } : {}),
  ...(closed ? { additionalProperties: false } : {}),
})

/** The JSON Schema of an io-ts codec; throws on a codec kind it cannot describe (so a test fails). */
export const toJsonSchema = (codec: t.Mixed): JsonSchema => {
  const c = codec as Tagged
  const named = NAMED[c.name]
  if (named !== undefined) return named
  switch (c._tag) {
    case 'StringType':
      return { type: 'string' }
    case 'NumberType':
      return { type: 'number' }
    case 'BooleanType':
      return { type: 'boolean' }
    case 'NullType':
      return { type: 'null' }
    case 'UnknownType':
      return {}
    case 'LiteralType':
      return { const: c.value }
    case 'KeyofType':
      return { enum: Object.keys(c.keys as Record<string, unknown>) }
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return { type: 'array', items: toJsonSchema(c.type!) }
    case 'UnionType': {
      const members = c.types!.map(toJsonSchema)
      // a union of enums and constants reads better as one enum
      if (members.every((m) => 'enum' in m || 'const' in m))
        return { enum: members.flatMap((m) => ('enum' in m ? (m['enum'] as unknown[]) : [m['const']])) }
      return { anyOf: members }
    }
    case 'RefinementType':
      return { ...toJsonSchema(c.type!), description: c.name }
    case 'ExactType':
    case 'StrictType': {
      const f = fieldsOf(c.type as Tagged)
      if (f === null) throw new Error(`toJsonSchema: cannot close ${c.name}`)
      return object(f, true)
    }
    case 'InterfaceType':
    case 'PartialType':
    case 'IntersectionType': {
      const f = fieldsOf(c)
      if (f !== null) return object(f, false)
      return { allOf: c.types!.map(toJsonSchema) }
    }
    default:
      throw new Error(`toJsonSchema: no schema for codec ${c.name} (${String(c._tag)})`)
  }
}
