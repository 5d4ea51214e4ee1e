/**
 * Outbox retention (发件箱保留): what a delivered notice keeps once it is old enough. Its payload
 * (the facts and the talent's sealed personal data the relay needed to render it) has done its
 * job; an audit still needs to prove the row was what its event implied. So a compacted row keeps
 * every column but the payload, and in its place the SHA-256 of the payload's canonical JSON: the
 * verifier recomputes the payload from the event and compares hashes. One definition here, so
 * every store and the verifier hash the same bytes.
 */
import { canonicalJson, sha256Hex, type Sha256Function } from './hash-chain.js'

/** The payload a compacted row holds: nothing (`payloadSha256` stands for what it held). */
export const COMPACTED_PAYLOAD: Readonly<Record<string, never>> = Object.freeze({})

/** The payload column of a compacted row in the SQL stores (JSON text of `COMPACTED_PAYLOAD`). */
export const COMPACTED_PAYLOAD_JSON = '{}'

/** SHA-256 (lowercase hex) of the RFC 8785 canonical JSON of `payload`: what a compacted row keeps. */
export const payloadSha256Of = (payload: Readonly<Record<string, unknown>>, sha: Sha256Function = sha256Hex): string => sha(canonicalJson(payload))

/** Rows a store compacts per transaction: a stop midway loses at most one batch's work, never part of a row. */
export const COMPACTION_BATCH = 500
