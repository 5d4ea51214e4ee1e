/**
 * The `outbox-shared-payloads` migration, and the one statement every append path inserts its
 * outbox rows with.
 * WHY: an event's notices on several channels and recipients carry one and the same payload (about
 * 600 bytes with the talent's sealed personal data), and each row kept its own copy: in the demo's
 * schema the outbox took 22 of 63 MiB, 13 of them payloads, 60 % of those copies. Now the rows of
 * one append that carry the same payload share one `outbox_payloads` row: each holds
 * `payload = NULL` and `payload_ref`, its id. A row's own payload, when it has one, is its payload:
 * rows written before (payload_ref NULL) read as they always did, and a payload written into a row
 * (by hand) is what that row reads, so `verify` sees it. Then:
 * - a CHECK keeps every row with a payload of its own or a reference (NOT VALID: rows already
 *   stored all hold their payloads, and a scan under the migration's lock would prove nothing);
 * - compaction clears a row's reference and deletes a shared payload once no row reads it; a
 *   trigger refuses deleting one that a row still reads, another refuses changing one;
 * - the partial index holds only the sharing rows (the lookup compaction and the trigger make).
 * The column `payload` loses its NOT NULL (a catalog change: nothing is rewritten).
 */
import type { OutboxEntry } from '@talent-ledger/core'
import type { Schema } from './schema-name.js'

/** The statements of the `outbox-shared-payloads` migration for schema `s` (the new `append_events` comes with it, see migrations.ts). */
export const outboxPayloadsSql = ({ sql: s }: Schema): ReadonlyArray<string> => [
  `CREATE TABLE ${s}.outbox_payloads (id bigserial PRIMARY KEY, payload jsonb NOT NULL)`,
  `ALTER TABLE ${s}.outbox ALTER COLUMN payload DROP NOT NULL, ADD COLUMN payload_ref bigint,
     ADD CONSTRAINT outbox_payload_held CHECK (payload IS NOT NULL OR payload_ref IS NOT NULL) NOT VALID`,
  `CREATE INDEX outbox_payload_ref ON ${s}.outbox (payload_ref) WHERE payload_ref IS NOT NULL`,
  `CREATE FUNCTION ${s}.refuse_read_payload_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
   BEGIN
     IF EXISTS (SELECT 1 FROM ${s}.outbox o WHERE o.payload_ref = OLD.id AND o.payload IS NULL) THEN
       RAISE EXCEPTION 'a shared outbox payload is never deleted while a row reads it' USING ERRCODE = 'integrity_constraint_violation';
     END IF;
     RETURN OLD;
   END
   $fn$`,
  `CREATE TRIGGER outbox_payloads_kept BEFORE DELETE ON ${s}.outbox_payloads
     FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_read_payload_delete()`,
  `CREATE TRIGGER outbox_payloads_never_changed BEFORE UPDATE ON ${s}.outbox_payloads
     FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_row_change('a shared outbox payload is never changed')`,
]

/** A row's payload as text, in a query over `${s}.outbox o`: its own, or the shared one it references. */
export const payloadColumn = ({ sql: s }: Schema): string =>
  `COALESCE(o.payload, (SELECT p.payload FROM ${s}.outbox_payloads p WHERE p.id = o.payload_ref))::text AS payload`

const noticeCtes = ({ sql: s }: Schema, rows: string, createdAt: string, from: string): string => `
notice_rows AS MATERIALIZED (
  SELECT o.v, o.i, (o.v->>'share')::integer AS share
  FROM ${from === '' ? '' : `${from}, `}jsonb_array_elements(${rows}) WITH ORDINALITY AS o(v, i)),
shared_payloads AS MATERIALIZED (
  SELECT nr.share, nr.v->'payload' AS payload, nextval('${s}.outbox_payloads_id_seq'::regclass) AS id
  FROM notice_rows nr WHERE nr.share IS NOT NULL AND nr.v ? 'payload'),
notices AS (
  INSERT INTO ${s}.outbox (id, event_id, stream_id, channel, recipient, template, locale, payload, payload_ref, created_at)
  SELECT nr.v->>'id', nr.v->>'eventId', nr.v->>'streamId', nr.v->>'channel', nr.v->>'recipient', nr.v->>'template', nr.v->>'locale',
    CASE WHEN nr.share IS NULL THEN nr.v->'payload' END, sp.id, ${createdAt}
  FROM notice_rows nr LEFT JOIN shared_payloads sp ON sp.share = nr.share
  ORDER BY nr.i
  ON CONFLICT (id) DO NOTHING
  RETURNING payload_ref)`

const storeShared = ({ sql: s }: Schema): string => `INSERT INTO ${s}.outbox_payloads (id, payload)
  SELECT sp.id, sp.payload FROM shared_payloads sp WHERE EXISTS (SELECT 1 FROM notices k WHERE k.payload_ref = sp.id)`

/**
 * An append's outbox rows as the jsonb the insert below takes: the entries in their order, where
 * the rows that carry a payload two or more of them carry are marked `share: k` (k numbers those
 * payloads) and only the first of them keeps the payload. The payload is thus sent and parsed once,
 * and the server groups by a number, not by comparing payloads. Rows with no `share` (as an older
 * release sends them) each keep their own payload.
 */
export const outboxRowsJson = (entries: ReadonlyArray<OutboxEntry>): string => {
  const texts = entries.map((e) => JSON.stringify(e.payload))
  const carriers = new Map<string, number>()
  for (const text of texts) carriers.set(text, (carriers.get(text) ?? 0) + 1)
  const shares = new Map<string, number>()
  const rows = entries.map((e, i) => {
    const text = texts[i]!
    if (carriers.get(text) === 1) return e
    const share = shares.get(text)
    if (share === undefined) {
      shares.set(text, shares.size)
      return { ...e, share: shares.size - 1 }
    }
    const { payload: _carriedByTheFirst, ...rest } = e
    return { ...rest, share }
  })
  return JSON.stringify(rows)
}

/**
 * The CTEs that insert an append's outbox rows, `rows` (`outboxRowsJson`) recorded at `createdAt`,
 * for the `WITH` list of a larger statement: each shared payload gets an id first, the rows go in
 * (in the array's order; an id already stored is kept as it is) and each shared payload is stored
 * only if a row that reads it went in (no shared payload is ever left that no row reads). `from`
 * names what must hold for anything to be written (`head` in the one-statement append).
 */
export const outboxInsertCtes = (s: Schema, rows: string, createdAt: string, from: string): string =>
  `${noticeCtes(s, rows, createdAt, from)},
shared_stored AS (${storeShared(s)})`

/** The same as one statement of its own (the `append_events` function, a group append). */
export const outboxInsertSql = (s: Schema, rows: string, createdAt: string): string => `WITH ${noticeCtes(s, rows, createdAt, '')}
${storeShared(s)}`
