/**
 * In-doubt commits (存疑提交). A COMMIT can fail at the client and still be durable: the server
 * committed (and, with synchronous replication, the standby that is promoted has it) but the
 * connection broke before the answer arrived. An append is idempotent by event id, so the answer is
 * to run the same append again on whatever server is primary now: if the batch is there, the store
 * reports the original result and stores nothing; if not, it stores it once. A command is thus never
 * reported failed when it was stored, nor stored twice. Only when no server takes the retry in
 * time is the outcome reported as unknown (`PostgresInDoubtError`), never as a refusal.
 */
import { isConnectionLoss, neverSent, retryOnConnectionLoss } from './connection-loss.js'
import { PostgresInDoubtError } from './errors.js'

/**
 * Runs `append`; after a connection loss, calls `beforeRetry` (forget what the lost attempt may have
 * changed, e.g. the remembered stream head) and runs it again for up to `budgetMs`; `resolved` hears
 * the outcome of a retry that settled the doubt.
 */
export const appendResolvingDoubt = async <T>(
  streamId: string,
  append: () => Promise<T>,
  beforeRetry: () => void,
  budgetMs: number,
  resolved: (value: T) => void = () => undefined,
): Promise<T> => {
  // in doubt only once an attempt may have reached a server; a refused connection sent nothing
  let doubt = false
  const attempt = async (): Promise<T> => {
    try {
      return await append()
    } catch (error) {
      if (isConnectionLoss(error) && !neverSent(error)) doubt = true
      throw error
    }
  }
  try {
    return await attempt()
  } catch (error) {
    if (!isConnectionLoss(error)) throw error
  }
  const started = Date.now()
  try {
    const value = await retryOnConnectionLoss(async () => {
      beforeRetry()
      return attempt()
    }, budgetMs)
    if (doubt) resolved(value)
    return value
  } catch (error) {
    if (doubt && isConnectionLoss(error)) throw new PostgresInDoubtError(streamId, Date.now() - started, { cause: error })
    throw error
  }
}
