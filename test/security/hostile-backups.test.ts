// Tests (Node): hostile backups and snapshots restored by the real service, and `glossa serve` and `glossa import`
// on crafted archives and backups: each is refused by name or comes in sanitized, nothing outside the archive is
// read or written, nothing crashes. The archive files themselves are attacked in hostile-archive.test.ts.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it, vi } from 'vitest'
import { commands } from '../../src/cli/commands'
import type * as Paths from '../../src/cli/paths'
import { startServe } from '../../src/cli/serve-command'
import type { Article } from '../../src/shared/types'
import { serviceHarness } from '../service-harness'
import { tempDir } from '../temp-archive'
import { parseWorker, useBundledParseWorker } from '../parse-worker'
import { hostileBackup } from './hostile-backup'
import { TRAVERSAL, filesIn, layout, meta, writeCatalog } from './hostile-layout'

// A restored body is sanitized in the bounded parse process, as the app and `glossa import` run it: the test
// bundles the same worker, and the command finds it where paths.ts says it lives.
vi.mock('../../src/cli/paths', async (original) =>
  (await import('../parse-worker')).withParseWorker(await original<typeof Paths>()),
)
useBundledParseWorker()

describe('a hostile backup', () => {
  it('is restored through the import sanitizer, and the restore reports what was removed', async () => {
    const h = await serviceHarness()
    const backup = hostileBackup()
    const [result] = await h.call('import.files', {
      files: [{ name: 'shared.json', dataBase64: Buffer.from(JSON.stringify(backup)).toString('base64') }],
    })
    expect(result).toMatchObject({ status: 'imported', id: 'hostile01', title: 'Hostile' })
    for (const what of [
      '<script>',
      '<iframe>',
      '<style>',
      'onerror attribute on <img>',
      'srcset attribute',
      '<video>',
      '<form>',
      '<meta>',
      '<svg>',
      '<math>',
      'url that is not an http(s) address',
    ])
      expect(result.message).toContain(what)

    const article = await h.call('articles.get', { id: 'hostile01' })
    expect(article.url).toBeUndefined()
    expect(article.text).toBe(backup.articles[0].text)
    for (const bad of [
      '<script',
      'onerror',
      'srcdoc',
      '<iframe',
      '<style',
      'http://tracker',
      'srcset',
      '<video',
      '<form',
      '<button',
      '<meta',
      '<svg',
      '<math',
      'javascript:',
    ])
      expect(article.html).not.toContain(bad)
    expect(article.html).toContain('<p>')
    const [annotations] = [await h.call('annotations.list', { articleId: 'hostile01' })]
    expect(annotations).toHaveLength(1)
  })
})

describe('a crafted backup', () => {
  type Backup = ReturnType<typeof hostileBackup>
  const cases: [string, (b: Backup) => unknown, RegExp | null][] = [
    [
      'a traversal article id',
      (b) => ((b.articles[0].id = TRAVERSAL), (b.annotations = [])),
      /articles\.0\.id/,
    ],
    ['a traversal annotation id', (b) => (b.annotations[0].id = TRAVERSAL), /annotations\.0\.id/],
    ['a title of two megabytes', (b) => (b.articles[0].title = 'x'.repeat(2_000_000)), /articles\.0\.title/],
    ['an article without text', (b) => delete (b.articles[0] as Partial<Backup['articles'][0]>).text, /text/],
    [
      'annotations that are not a list',
      (b) => ((b as { annotations: unknown }).annotations = {}),
      /annotations/,
    ],
    [
      '__proto__ keys',
      (b) => {
        b.tagColors = JSON.parse('{"__proto__": "yellow", "polluted": "yellow"}')
        b.articles[0].annotationTags = JSON.parse('{"__proto__": 1}')
      },
      null,
    ],
  ]
  it.each(cases)('with %s is refused by name, or restored without harm', async (_name, craft, refused) => {
    const { dir, outside } = await layout()
    const h = await serviceHarness(dir)
    const backup = hostileBackup()
    craft(backup)
    const [result] = await h.call('import.files', {
      files: [{ name: 'shared.json', dataBase64: Buffer.from(JSON.stringify(backup)).toString('base64') }],
    })
    if (refused) {
      expect(result.status).toBe('failed')
      expect(result.message).toMatch(refused)
      expect(h.archive.list()).toHaveLength(1)
    } else expect(result.status).toBe('imported')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(h.archive.tagStore.colors())).toBe(Object.prototype)
    await h.archive.flush()
    expect(await filesIn(outside)).toEqual([join(outside, 'secret.json')])
  })
})

describe('a backup made of invented tags', () => {
  it('gets a short report: the first kinds removed, then a count', async () => {
    const h = await serviceHarness()
    const backup = hostileBackup()
    const invented = Array.from({ length: 5000 }, (_, i) => `<x-tag${i}></x-tag${i}>`).join('')
    backup.articles[0].html = `<p>Officers counted 600 drones.</p>${invented}<p>The grid held at 70% of capacity.</p>`
    const [result] = await h.call('import.files', {
      files: [{ name: 'tags.json', dataBase64: Buffer.from(JSON.stringify(backup)).toString('base64') }],
    })
    expect(result.status).toBe('imported')
    expect(result.message).toMatch(/\d+ more kinds/)
    expect(result.message?.length).toBeLessThan(2000)
  })
})

describe('a hostile snapshot in backups/', () => {
  it('brings articles back only through the sanitizer, and says what it removed', async () => {
    const h = await serviceHarness()
    const id = 'snapshot-2024-01-01T00-00-00-000Z.json.gz'
    await mkdir(join(h.dir, 'backups'), { recursive: true })
    await writeFile(join(h.dir, 'backups', id), gzipSync(JSON.stringify(hostileBackup())))
    const result = await h.call('backups.restore', { id, addMissing: true })
    expect(result.messages.join(' ')).toMatch(/Brought back 1 articles.*“Hostile” \(hostile01\): .*<script>/)
    const article = await h.call('articles.get', { id: 'hostile01' })
    expect(article.html).not.toMatch(/script|onerror|iframe|tracker|srcset|<video|<form/)
    expect(article.url).toBeUndefined()
  })
})

describe('glossa serve on a crafted archive', () => {
  it('starts, reports each crafted file by name, serves the rest, and never crashes', async () => {
    const { root, dir, outside, good } = await layout()
    await writeCatalog(dir, 'zz', {
      zz123456: { ...meta('zz123456'), counts: undefined },
      [TRAVERSAL]: meta(TRAVERSAL),
    })
    await writeFile(
      join(dir, 'annotations', `${good.id}.json`),
      JSON.stringify({ version: 1, annotations: {} }),
    )
    const rendererDir = join(root, 'renderer')
    await mkdir(rendererDir)
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Glossa</title>')
    const lines: string[] = []
    const running = await startServe({
      dir,
      rendererDir,
      // The index builder's and exporter's builds are not there under vitest: the index builder fails, and
      // serve must carry on. The parse process is the bundled worker: a restored body is sanitized there.
      workers: { search: join(root, 'none.js'), export: join(root, 'none.js'), parse: parseWorker.file },
      log: (line) => lines.push(line),
      warn: (line) => lines.push(line),
    })
    try {
      expect(lines).toContain(`Open ${running.url}`)
      expect(lines.join('\n')).toMatch(/warning: catalog\/zz\.json has 2 entries Glossa cannot use/)
      const call = async (method: string, args: unknown) => {
        const res = await fetch(`http://127.0.0.1:${running.port}/api/${method}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(args),
        })
        return (await res.json()) as {
          ok: boolean
          value?: unknown
          error?: { code: string; message: string }
        }
      }
      expect(await call('articles.list', {})).toMatchObject({ ok: true, value: [{ id: good.id }] })
      expect(await call('annotations.list', { articleId: good.id })).toMatchObject({
        ok: false,
        error: { code: 'corrupt_file', message: expect.stringContaining(`annotations/${good.id}.json`) },
      })
      expect(await call('tags.rename', { from: 'war', to: 'conflict' })).toMatchObject({
        ok: false,
        error: { code: 'read_only', message: expect.stringContaining('catalog/zz.json') },
      })
      const backup = Buffer.from(JSON.stringify(hostileBackup())).toString('base64')
      const restored = await call('import.files', { files: [{ name: 'shared.json', dataBase64: backup }] })
      expect(restored).toMatchObject({ ok: true, value: [{ status: 'imported', id: 'hostile01' }] })
      const article = (await call('articles.get', { id: 'hostile01' })).value as Article
      expect(article.html).not.toMatch(/script|onerror|iframe|tracker/)
      await call('search.query', { q: 'strikes' })
      await running.archive.flush()
      expect(await filesIn(outside)).toEqual([join(outside, 'secret.json')])
    } finally {
      await running.stop()
    }
  })
})

describe('glossa import of a hostile backup', () => {
  it('prints the restored article by id and title, and what was removed', async () => {
    const root = await tempDir()
    const file = join(root, 'shared.json')
    await writeFile(file, JSON.stringify(hostileBackup()))
    const lines: string[] = []
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)))
    try {
      expect(await commands.import([file, '--archive', join(root, 'archive')])).toBe(0)
    } finally {
      vi.restoreAllMocks()
    }
    expect(lines[0]).toMatch(/^\[1\/1\] hostile01 {2}Hostile {2}← .*shared\.json: Restored 1 articles/)
    expect(lines[0]).toContain('<script>')
    expect(lines.join('\n')).not.toContain('undefined')
  })
})
