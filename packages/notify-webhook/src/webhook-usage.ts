/**
 * The webhook channel's configuration section as a host's usage text names it (url and/or endpoints, and secrets). Apart from
 * the binding so that a host can print its usage (`--help`) without loading the adapter and its
 * client library: the package's `./usage` entry.
 */

/** The webhook section's fields, as usage text. */
export const webhookUsage = '{url|endpoints, secrets}'
