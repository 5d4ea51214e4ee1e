/**
 * The email channel's configuration section as a host's usage text names it (smtpUrl, from and addressBook). Apart from
 * the binding so that a host can print its usage (`--help`) without loading the adapter and its
 * client library: the package's `./usage` entry.
 */

/** The email section's fields, as usage text. */
export const emailUsage = '{smtpUrl, from, addressBook}'
