import { readdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
const sources = readdirSync(here).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
const ALLOWED = [
  'yaml',
  'zod',
  '../types',
  '../schemas',
  '../url-safety',
  '../article-source',
  '../assets',
  '../anchoring',
  '../figures/figure-target',
  '../pdf-text',
]

describe('src/shared/export stays pure', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.resetModules()
  })

  it.each(sources)('%s imports only pure modules', (name) => {
    const text = readFileSync(`${here}/${name}`, 'utf8')
    const specifiers = [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1])
    for (const specifier of specifiers) {
      expect(specifier.startsWith('./') || ALLOWED.includes(specifier), `${name} imports ${specifier}`).toBe(
        true,
      )
    }
  })

  it('loads and runs without Node globals (as in the renderer)', async () => {
    vi.resetModules()
    vi.stubGlobal('Buffer', undefined)
    const exporters = await import('./index')
    const bundle = { generatedAt: '2024-03-04T12:00:00.000Z', articles: [], annotations: [] }
    expect(exporters.exportFiguresCsv(bundle, { bom: true }).content.startsWith('\ufeffarticle_id,')).toBe(
      true,
    )
    expect(exporters.exportMarkdown(bundle, { layout: 'combined', groupBy: 'article' })).toHaveLength(1)
  })
})
