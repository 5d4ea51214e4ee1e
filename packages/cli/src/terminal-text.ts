/**
 * Stored strings made safe for a terminal: a control character (C0, DEL, C1: the ESC and CSI that
 * start escape sequences) or a lone surrogate in a name or id written to the log before input was
 * checked must not move the cursor, retitle the window or hide lines when a report is printed. Each
 * is shown as a visible `\u001b`-style escape instead.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** `s` with every control character and lone surrogate replaced by its `\uXXXX` spelling. */
export const terminalSafe = (s: string): string =>
  s.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
