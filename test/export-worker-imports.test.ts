// Tests (Node): what the export process loads when it starts, read from the files' own import lines (value
// imports only: a type import loads nothing). It reads, checks and formats records; loading the HTML parser
// (src/main/import/, linkedom) and the whole Archive was half of its start (0.5 s of CPU → 0.25 s, bench/README
// "Seventh session … SAVE+EXPORT"), paid by every export.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(__dirname, '..', 'src')

/** Files a module loads: relative value imports and re-exports, resolved to files. */
function valueImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specs = [...text.matchAll(/^(?:import|export)(?!\s+type\b)[^'"]*?from\s+'(\.[^']+)'/gm)].map(
    (m) => m[1],
  )
  return specs.flatMap((spec) => {
    const base = resolve(dirname(file), spec)
    const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f))
    return found ? [found] : []
  })
}

/** Packages a module loads (bare value imports). */
function packagesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/^import(?!\s+type\b)[^'"]*?(?:from\s+)?'([^.'][^']*)'/gm)].map((m) => m[1])
}

function loadedBy(entry: string): Set<string> {
  const seen = new Set<string>([entry])
  const stack = [entry]
  while (stack.length)
    for (const next of valueImportsOf(stack.pop()!))
      if (!seen.has(next)) {
        seen.add(next)
        stack.push(next)
      }
  return seen
}

describe('the export process', () => {
  const loaded = loadedBy(join(SRC, 'main', 'export', 'worker.ts'))
  const names = [...loaded].map((f) => relative(SRC, f))

  it('does not load the HTML parser or the whole archive', () => {
    expect(names.filter((f) => f.startsWith('main/import/'))).toEqual([])
    expect(names).not.toContain('main/archive/archive.ts')
    const packages = new Set([...loaded].flatMap(packagesOf))
    expect([...packages].filter((p) => /linkedom|readability|dompurify|jsdom/.test(p))).toEqual([])
  })

  it('still loads what it checks records with', () => {
    expect(names).toEqual(expect.arrayContaining(['main/archive/records.ts', 'main/archive/shard.ts']))
  })
})
