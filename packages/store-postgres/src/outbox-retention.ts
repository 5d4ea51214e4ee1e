/**
 * The `outbox-retention` migration: where a delivered notice keeps what an audit needs once its
 * payload is compacted away (`Outbox.compact`).
 * WHY: delivered notices kept their payloads (the talent's sealed personal data included) for
 * ever, and made up most of a store. A compacted row keeps every column but the payload, which
 * becomes `{}`, and `payload_sha256`, the SHA-256 of the payload it held, which `verify` compares
 * with the hash of the payload the event implies. Then:
 * - a CHECK keeps compaction to delivered rows whose payload is gone (a pending row cannot be
 *   compacted, so no notice still to send loses its text);
 * - a trigger keeps a compacted row as it is: it is not un-compacted, re-hashed or moved back to
 *   pending. Its WHEN clause looks at the old row only, so the relay's updates of rows that hold
 *   their payloads never call it. A forged hash written with the trigger dropped is still reported
 *   by `verify`;
 * - a partial index holds the rows retention has still to do, so an append (its rows are pending)
 *   never writes to it, and a retention run finds its batch without a scan.
 * The new column is NULL for every row already stored: adding it rewrites nothing, and the CHECK is
 * NOT VALID (it holds for every write from now on; the rows already stored pass it, so scanning them
 * under the migration's lock would prove nothing).
 */
import type { Schema } from './schema-name.js'

/** The statements of the `outbox-retention` migration for schema `s`. */
export const outboxRetentionSql = ({ sql: s }: Schema): ReadonlyArray<string> => [
  `ALTER TABLE ${s}.outbox ADD COLUMN payload_sha256 text,
     ADD CONSTRAINT outbox_compacted_delivered CHECK (payload_sha256 IS NULL OR (status = 'delivered' AND payload = '{}'::jsonb)) NOT VALID`,
  `CREATE INDEX outbox_compactable ON ${s}.outbox (delivered_at, seq) WHERE status = 'delivered' AND payload_sha256 IS NULL`,
  `CREATE TRIGGER outbox_compacted_kept BEFORE UPDATE ON ${s}.outbox
     FOR EACH ROW WHEN (OLD.payload_sha256 IS NOT NULL)
     EXECUTE FUNCTION ${s}.refuse_row_change('a compacted outbox row is never changed')`,
]
