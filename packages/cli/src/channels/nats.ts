/**
 * The NATS JetStream channel in `notify --config`: `{ "servers", "subjectPrefix", "stream"? }`,
 * published to the stream `TALENT_LEDGER_NOTICES` unless the section names another.
 */
import { createNatsChannel } from '@talent-ledger/notify-nats'
import { bindChannel } from './channel-binding.js'
import { nonEmpty, refined } from './config-fields.js'

/** The JetStream stream notices go to when the configuration names none. */
export const DEFAULT_NATS_STREAM = 'TALENT_LEDGER_NOTICES'

const NatsServer = refined('NATS server (nats://host:port or host:port)', (s) => /^(nats|tls):\/\/[^\s/]+$|^[^\s/:]+:\d+$/.test(s))
const SubjectPrefix = refined('NATS subject prefix (tokens of letters, digits, - and _, separated by dots)', (s) => /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(s))
const StreamName = refined('JetStream stream name (letters, digits, - and _)', (s) => /^[A-Za-z0-9_-]+$/.test(s))

/** The NATS binding. */
export const natsBinding = bindChannel({
  usage: '{servers, subjectPrefix, stream?}',
  required: { servers: nonEmpty(NatsServer, 'at least one NATS server'), subjectPrefix: SubjectPrefix },
  optional: { stream: StreamName },
  open: (c, name) => createNatsChannel({ name, servers: c.servers, subjectPrefix: c.subjectPrefix, stream: { name: c.stream ?? DEFAULT_NATS_STREAM } }),
})
