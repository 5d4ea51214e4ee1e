/**
 * The NATS JetStream channel's binding (how a host such as the CLI offers it): its configuration
 * section `{ "servers", "subjectPrefix", "stream"? }`, published to the stream `TALENT_LEDGER_NOTICES`
 * unless the section names another, and the adapter made from a decoded section. It sits beside the
 * adapter so the host registers the channel with one line and knows nothing else of it.
 */
import { bindChannel, nonEmptyArray, refinedString, type ChannelBinding } from '@talent-ledger/core'
import { createNatsChannel } from './nats-channel.js'
import { natsUsage } from './nats-usage.js'

/** The JetStream stream notices go to when the configuration names none. */
export const DEFAULT_NATS_STREAM = 'TALENT_LEDGER_NOTICES'

const NatsServer = refinedString('NATS server (nats://host:port or host:port)', (s) => /^(nats|tls):\/\/[^\s/]+$|^[^\s/:]+:\d+$/.test(s))
const SubjectPrefix = refinedString('NATS subject prefix (tokens of letters, digits, - and _, separated by dots)', (s) => /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(s))
const StreamName = refinedString('JetStream stream name (letters, digits, - and _)', (s) => /^[A-Za-z0-9_-]+$/.test(s))

/** The NATS binding. */
export const natsBinding: ChannelBinding = bindChannel({
  usage: natsUsage,
  required: { servers: nonEmptyArray(NatsServer, 'at least one NATS server'), subjectPrefix: SubjectPrefix },
  optional: { stream: StreamName },
  open: (c, name) => createNatsChannel({ name, servers: c.servers, subjectPrefix: c.subjectPrefix, stream: { name: c.stream ?? DEFAULT_NATS_STREAM } }),
})
