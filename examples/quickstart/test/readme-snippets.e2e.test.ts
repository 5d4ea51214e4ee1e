// Every package README carries one runnable snippet: this test extracts each ```ts block, runs it in
// the package's own folder (so its imports resolve as a user's would) and checks what it prints
// against the `// …` comment on the console.log line.
import { readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
// published packages only: a private one (the benchmarks) documents a command, not an API
const isPublished = (p: string): boolean => JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8')).private !== true
const packages = readdirSync(join(root, 'packages')).filter((p) => existsSync(join(root, 'packages', p, 'README.md')) && isPublished(p))

const snippetOf = (readme: string): string | null => /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? null

it('covers every published package', () =>
  expect(packages.sort()).toEqual(['cli', 'core', 'node', 'notify-email', 'notify-nats', 'notify-webhook', 'simulator', 'store-memory', 'store-postgres', 'store-sqlite', 'testing']),
)

describe.each(packages)('packages/%s/README.md', (pkg) => {
  const snippet = snippetOf(readFileSync(join(root, 'packages', pkg, 'README.md'), 'utf8'))

  it('has one runnable ts snippet whose output matches its comments', async () => {
    expect(snippet).not.toBeNull()
    const expected = [...snippet!.matchAll(/console\.log\(.*\) \/\/ (.*)$/gm)].map((m) => m[1]!.trim())
    const file = join(root, 'packages', pkg, `.readme-snippet-${process.pid}.ts`)
    writeFileSync(file, snippet!)
    const printed: string[] = []
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '))
    })
    try {
      await import(pathToFileURL(file).href)
    } finally {
      spy.mockRestore()
      rmSync(file, { force: true })
    }
    expect(printed.length).toBe(expected.length)
    // comments are written as object literals or plain text; compare modulo quoting and spacing
    const norm = (s: string) => s.replace(/["'\s]/g, '')
    printed.forEach((line, i) => expect(norm(line)).toBe(norm(expected[i]!)))
  })
})
