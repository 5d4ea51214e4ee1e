/**
 * In-doubt commits (存疑提交). A COMMIT can fail at the client and still be durable: the server
 * committed (and, with synchronous replication, the standby that is promoted has it) but the
 * connection broke before the answer arrived. An append is idempotent by event id, so the answer is
 * to run the same append again on whatever server is primary now: if the batch is there, the store
 * reports the original result and stores nothing; if not, it stores it once. A command is thus never
 * reported failed when it was stored, nor stored twice. Only when no server takes the retry in
 * time is the outcome reported as unknown (`PostgresInDoubtError`), never as a refusal.
 */
import { isConnectionLoss, retryOnConnectionLoss } from './connection-loss.js'
import { PostgresInDoubtError } from './errors.js'

/**
 * Runs `append`; after a connection loss, calls `beforeRetry` (forget what the lost attempt may have
 * changed, e.g. the remembered stream head) and runs it again for up to `budgetMs`.
 */
export const appendResolvingDoubt = async <T>(streamId: string, append: () => Promise<T>, beforeRetry: () => void, budgetMs: number): Promise<T> => {
  try {
    return await append()
  } catch (error) {
    if (!isConnectionLoss(error)) throw error
  }
  const started = Date.now()
  try {
    return await retryOnConnectionLoss(async () => {
      beforeRetry()
      return append()
    }, budgetMs)
  } catch (error) {
    if (isConnectionLoss(error)) throw new PostgresInDoubtError(streamId, Date.now() - started, { cause: error })
    throw error
  }
}
