/**
 * Clean-ups a test registers as it acquires things (stores, servers, temp files, child processes),
 * run after each test in reverse order of registration — last acquired, first released — whether
 * the test passed or not.
 */
import { afterEach } from 'vitest'
import type { Cleanups } from './cleanup-list.js'

export type { Cleanups }

/** A list of clean-ups that vitest empties after each test of the calling file, newest first. */
export const cleanupsAfterEach = (): Cleanups => {
  const cleanups: Cleanups = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })
  return cleanups
}
