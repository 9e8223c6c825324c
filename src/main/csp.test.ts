import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CSP } from './serve-static'

/** The policy the desktop app loads with: the meta element of the renderer's index.html. */
function metaPolicy(): string {
  const html = readFileSync(resolve('src/renderer/index.html'), 'utf8')
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
  if (!match) throw new Error('src/renderer/index.html has no Content-Security-Policy meta element')
  return match[1]
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  )
}

const POLICIES = [
  ['the desktop app (index.html)', metaPolicy()],
  ['browser mode (the served header)', CSP],
] as const

describe.each(POLICIES)('the Content-Security-Policy of %s', (_, policy) => {
  const d = directives(policy)

  it('starts from nothing, and allows no media, plugins, frames, forms or base', () => {
    for (const name of ['default-src', 'media-src', 'object-src', 'frame-src', 'child-src']) {
      expect(d.get(name), name).toEqual(["'none'"])
    }
    for (const name of ['manifest-src', 'form-action', 'base-uri'])
      expect(d.get(name), name).toEqual(["'none'"])
  })

  it('allows nothing from another origin: only the app itself, and inline data: images for articles', () => {
    for (const [name, sources] of d) {
      const allowed = name === 'img-src' ? ["'self'", 'data:'] : ["'self'", "'none'"]
      for (const source of sources) expect(allowed, `${name} ${source}`).toContain(source)
    }
    expect(d.get('script-src')).toEqual(["'self'"])
    expect(d.get('style-src')).toEqual(["'self'"])
  })

  it("allows workers only from the app's own files (pdf.js's bundled worker): no blob: or data: workers, no eval", () => {
    expect(d.get('worker-src')).toEqual(["'self'"])
    for (const sources of d.values()) {
      for (const risky of ['blob:', 'data:', "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-inline'"])
        if (sources !== d.get('img-src')) expect(sources).not.toContain(risky)
    }
  })
})

it('browser mode serves the same policy the desktop app has, and also refuses to be framed', () => {
  const header = directives(CSP)
  expect(header.get('frame-ancestors')).toEqual(["'none'"])
  header.delete('frame-ancestors') // a meta element cannot carry it
  expect(header).toEqual(directives(metaPolicy()))
})
