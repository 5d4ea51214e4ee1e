/**
 * The one statement that stores a subscription's checkpoint in the `checkpoints` table: the
 * store's `CheckpointStore` and an async projection (which sets its checkpoint back to its stored
 * state before subscribing) both run it. The PostgreSQL store's is the same upsert in its dialect
 * (numbered parameters, a schema), so the text is not shared across stores.
 */

/** Inserts or moves the checkpoint of a name; parameters: name, position. */
export const CHECKPOINT_UPSERT = 'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position'
