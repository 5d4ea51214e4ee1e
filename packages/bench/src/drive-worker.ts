/**
 * A worker of `driveCity`: simulates the city with the given seed (deterministic, so every worker
 * sees the same commands) and drives its shard of the talents through the pure deciders.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { simulateCity } from '@talent-ledger/testing'
import { runPure } from './pure-ledger.js'
import type { DriveRequest, DriveReply } from './drive.js'

const request = workerData as DriveRequest
const t0 = performance.now()
const simulation = simulateCity({ talents: request.talents, seed: request.seed })
const simulateMs = performance.now() - t0
const { log, refused } = await runPure(simulation.commands, { index: request.shard, of: request.shards })
const reply: DriveReply = { log, refused, simulateMs, commands: simulation.commands.length, to: simulation.summary.to }
parentPort!.postMessage(reply)
