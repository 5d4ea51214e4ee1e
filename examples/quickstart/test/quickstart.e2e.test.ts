// The README's embedding snippet is this example's src/embed.ts: it must stay identical, compile, and
// print what its comments promise.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..', '..')

describe('README embedding snippet', () => {
  it('is the same text as examples/quickstart/src/embed.ts', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const snippet = readFileSync(join(here, '..', 'src', 'embed.ts'), 'utf8').trim()
    expect(readme).toContain(snippet)
  })

  it('runs and certifies the talent under the default policy', () => {
    const out = execFileSync(process.execPath, [join(here, '..', 'dist', 'embed.js')], { encoding: 'utf8' }).trim().split('\n')
    expect(JSON.parse(out[0]!)).toEqual({ ok: true, stream: 'talent-t-1', version: 3, events: ['AssessmentPassed', 'LevelCertified'] })
    expect(out[1]).toBe('王芳 intermediate national-2018.intermediate.years-in-occupation')
  })
})
