/**
 * The nats channel's configuration section as a host's usage text names it (servers, subjectPrefix and an optional stream). Apart from
 * the binding so that a host can print its usage (`--help`) without loading the adapter and its
 * client library: the package's `./usage` entry.
 */

/** The nats section's fields, as usage text. */
export const natsUsage = '{servers, subjectPrefix, stream?}'
