// Tests (Node): an archive folder crafted by an attacker — catalog shards, annotation files, bodies, tags,
// trash records and backups with traversal ids, wrong shapes, huge values, missing fields and __proto__ keys —
// opened by the real service. Each is a named problem; nothing outside the archive is read or written; nothing
// crashes.
import { access, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it, vi } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { articleFile } from '../../src/main/archive/ids'
import type { Annotation, Article, ArticleMeta } from '../../src/shared/types'
import { serviceHarness } from '../service-harness'
import { sampleTarget, tempDir } from '../temp-archive'
import { commands } from '../../src/cli/commands'
import { startServe } from '../../src/cli/serve-command'
import { hostileBackup } from './hostile-backup'

const TEXT = 'Officials counted 500 strikes.\n\nThe grid held at 70% of capacity.'

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  )

/** A folder with the archive inside and a sibling folder an attack would reach with `../`. */
async function layout() {
  const root = await tempDir('glossa-hostile-')
  const dir = join(root, 'archive')
  const outside = join(root, 'outside')
  await mkdir(outside, { recursive: true })
  await writeFile(
    join(outside, 'secret.json'),
    JSON.stringify({ version: 1, text: 'SECRET', annotations: [] }),
  )
  // A real archive first, so the crafted files sit beside genuine ones.
  const archive = await Archive.open(dir)
  const good = await archive.createArticle({ title: 'Good', text: TEXT, tags: ['war/air'] })
  await archive.flush()
  return { root, dir, outside, good }
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

function meta(id: string, extra: Partial<ArticleMeta> = {}): Record<string, unknown> {
  return {
    id,
    title: 'Crafted',
    addedAt: '2024-01-01T00:00:00.000Z',
    tags: ['war/air'],
    textHash: 'x',
    length: 3,
    counts: { highlights: 1, figures: 0, notes: 0 },
    annotationTags: { 'war/air': 1 },
    ...extra,
  }
}

async function writeCatalog(dir: string, bucket: string, articles: Record<string, unknown>) {
  await writeFile(join(dir, 'catalog', `${bucket}.json`), JSON.stringify({ version: 1, articles }))
}

function annotation(articleId: string, extra: Record<string, unknown> = {}): Annotation {
  const stamp = '2024-01-01T00:00:00.000Z'
  return {
    id: 'ann1',
    articleId,
    kind: 'highlight',
    color: 'yellow',
    note: '',
    tags: ['war/air'],
    target: sampleTarget(TEXT, '500 strikes'),
    createdAt: stamp,
    updatedAt: stamp,
    ...extra,
  } as Annotation
}

const TRAVERSAL = '../../outside/secret'

describe('a crafted catalog shard', () => {
  it.each([
    ['a traversal id', { [TRAVERSAL]: meta(TRAVERSAL) }],
    ['an id under the wrong key', { zz11aa22: meta('zz99bb88') }],
    ['an id in the wrong bucket', { ab123456: meta('ab123456') }],
    ['an entry without counts', { zz123456: { ...meta('zz123456'), counts: undefined } }],
    ['an entry whose tags are not a list', { zz123456: meta('zz123456', { tags: 'war' as never }) }],
    ['a title of two megabytes', { zz123456: meta('zz123456', { title: 'x'.repeat(2_000_000) }) }],
    ['a __proto__ key', JSON.parse(`{"__proto__": ${JSON.stringify(meta('zz123456'))}}`)],
    ['an entry that is null', { zz123456: null }],
  ])('with %s is refused as a named problem; the rest of the archive opens', async (_name, articles) => {
    const { dir, outside, good } = await layout()
    await writeCatalog(dir, 'zz', articles)
    const before = await readFile(join(dir, 'catalog', 'zz.json'), 'utf8')
    const h = await serviceHarness(dir)

    const info = await h.call<{ problems: { file?: string; message: string }[] }>('app.info', {})
    expect(info.problems).toContainEqual(
      expect.objectContaining({
        file: 'catalog/zz.json',
        message: expect.stringMatching(/catalog\/zz\.json/),
      }),
    )
    const list = await h.call<{ id: string }[]>('articles.list', {})
    expect(list.map((a) => a.id)).toEqual([good.id])
    expect(Object.getPrototypeOf(h.archive.list()[0])).toBe(Object.prototype)

    // Working across the archive touches nothing outside it and never rewrites the refused shard.
    await h.call('tags.rename', { from: 'war', to: 'conflict' }).catch(() => {})
    await h.call('archive.scan', {})
    await h.call('export.run', { format: 'json', scope: {} })
    await h.archive.flush()
    expect(await filesIn(outside)).toEqual([join(outside, 'secret.json')])
    expect(await readFile(join(dir, 'catalog', 'zz.json'), 'utf8')).toBe(before)
  })

  it('with a traversal id never reads a file outside the archive as an article', async () => {
    const { dir, outside } = await layout()
    await writeCatalog(dir, 'zz', { [TRAVERSAL]: meta(TRAVERSAL) })
    const h = await serviceHarness(dir)
    const exported = await h.call<{ content: string }[]>('export.run', { format: 'json', scope: {} })
    expect(exported[0].content).not.toContain('SECRET')
    await expect(h.archive.getArticle(TRAVERSAL)).rejects.toThrow(/No article/)
    expect(await filesIn(outside)).toEqual([join(outside, 'secret.json')])
  })

  it('a tag rename refuses, listing the damaged shard, and changes no file', async () => {
    const { dir, good } = await layout()
    await writeCatalog(dir, 'zz', { zz123456: { ...meta('zz123456'), counts: undefined } })
    const h = await serviceHarness(dir)
    const before = await snapshotFiles(dir)
    await expect(h.call('tags.rename', { from: 'war', to: 'conflict' })).rejects.toMatchObject({
      code: 'read_only',
      message: expect.stringMatching(/catalog\/zz\.json/),
    })
    await h.archive.flush()
    expect(await snapshotFiles(dir)).toEqual(before)
    expect(h.archive.meta(good.id).tags).toEqual(['war/air'])
    expect(await exists(join(dir, 'tag-journal.json'))).toBe(false)
  })
})

async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const file of await filesIn(dir)) {
    if (file.endsWith('.lock')) continue
    out[file.slice(dir.length + 1)] = await readFile(file, 'utf8')
  }
  return out
}

describe('a crafted annotations file', () => {
  it.each([
    ['an annotation without a target', [{ ...annotation('x'), target: undefined }]],
    ['an annotation of another article', [annotation('other1234')]],
    ['an annotation with a traversal id', [annotation('x', { id: '../../outside/secret' })]],
    ['a note of two megabytes', [annotation('x', { note: 'n'.repeat(2_000_000) })]],
    ['annotations that are not a list', { __proto__: [] }],
  ])('with %s is a named problem, never a crash', async (_name, list) => {
    const { dir, good } = await layout()
    const annotations = Array.isArray(list)
      ? list.map((a) => (a.articleId === 'x' ? { ...a, articleId: good.id } : a))
      : list
    await writeFile(
      join(dir, 'annotations', `${good.id}.json`),
      JSON.stringify({ version: 1, articleId: good.id, annotations }),
    )
    const h = await serviceHarness(dir)
    await expect(h.call('annotations.list', { articleId: good.id })).rejects.toMatchObject({
      code: 'corrupt_file',
      message: expect.stringContaining(`annotations/${good.id}.json`),
    })
    const problems = await h.call<{ file?: string }[]>('archive.scan', {})
    expect(problems.map((p) => p.file)).toContain(`annotations/${good.id}.json`)
  })

  it('makes a tag rename refuse before it rewrites any other article', async () => {
    const { dir, good } = await layout()
    const archive = await Archive.open(dir)
    const second = await archive.createArticle({
      title: 'Second',
      text: 'Another 12 strikes.',
      tags: ['war'],
    })
    await archive.changeAnnotations(good.id, (list) => void list.push(annotation(good.id)))
    await archive.flush()
    await writeFile(join(dir, 'annotations', `${good.id}.json`), '{"version":1,"annotations":[{"id":')
    const h = await serviceHarness(dir)
    const before = await snapshotFiles(dir)
    await expect(h.call('tags.rename', { from: 'war', to: 'conflict' })).rejects.toMatchObject({
      message: expect.stringContaining(`annotations/${good.id}.json`),
    })
    await h.archive.flush()
    expect(await snapshotFiles(dir)).toEqual(before)
    expect(h.archive.meta(second.id).tags).toEqual(['war'])
    expect(await exists(join(dir, 'tag-journal.json'))).toBe(false)
  })
})

describe('crafted bodies, tags, collections and trash', () => {
  it('a body file holding another article, or html that is not text, is a named problem', async () => {
    const { dir, good } = await layout()
    const h = await serviceHarness(dir)
    await writeFile(
      join(dir, 'bodies', `${good.id}.json`),
      JSON.stringify({ version: 1, id: 'other1234', text: 'SWAPPED' }),
    )
    await expect(h.call('articles.get', { id: good.id })).rejects.toMatchObject({
      code: 'corrupt_file',
      message: expect.stringContaining(`bodies/${good.id}.json`),
    })
    await writeFile(
      join(dir, 'bodies', `${good.id}.json`),
      JSON.stringify({ version: 1, id: good.id, text: TEXT, html: { toString: 1 } }),
    )
    await expect(h.call('articles.get', { id: good.id })).rejects.toMatchObject({ code: 'corrupt_file' })
  })

  it.each([
    ['tags.json', 'a __proto__ key', JSON.parse('{"version": 1, "tags": {"__proto__": "red"}}')],
    ['tags.json', 'a traversal name', { version: 1, tags: { [TRAVERSAL]: { color: 'red' } } }],
    [
      'tags.json',
      'a script for a colour',
      { version: 1, tags: { 'war/air': { color: 'javascript:alert(1)' } } },
    ],
    ['tags.json', 'a list for a map', { version: 1, tags: [] }],
    ['collections.json', 'a traversal id', { version: 1, collections: { [TRAVERSAL]: { name: 'x' } } }],
    [
      'collections.json',
      'a huge name',
      { version: 1, collections: { abcd1234: { name: 'x'.repeat(100_000) } } },
    ],
  ])('%s with %s is a named problem, and that store is read-only', async (file, _what, content) => {
    const { dir } = await layout()
    await writeFile(join(dir, file), JSON.stringify(content))
    const h = await serviceHarness(dir)
    expect(h.archive.problems.map((p) => p.file)).toContain(file)
    expect(await h.call<unknown[]>('tags.list', {})).toEqual([{ name: 'war/air', count: 1 }])
    expect(await h.call<unknown[]>('collections.list', {})).toEqual([])
  })

  it('a trash record whose article id is a traversal is refused and nothing is written for it', async () => {
    const { dir, outside } = await layout()
    await writeFile(
      join(dir, 'trash', 'abcd1234.json'),
      JSON.stringify({
        version: 1,
        deletedAt: new Date().toISOString(),
        meta: meta(TRAVERSAL),
        body: { version: 1, id: TRAVERSAL, text: 'x' },
        annotations: [],
      }),
    )
    const h = await serviceHarness(dir)
    await expect(h.call('articles.restore', { ids: ['abcd1234'] })).rejects.toMatchObject({
      code: 'corrupt_file',
      message: expect.stringContaining('trash/abcd1234.json'),
    })
    expect(await filesIn(outside)).toEqual([join(outside, 'secret.json')])
  })

  it.each([
    ['a tag that is an object', { version: 1, op: 'rename', from: { length: 1 }, to: 'x' }],
    ['a missing tag', { version: 1, op: 'rename', to: 'x' }],
    ['a huge tag', { version: 1, op: 'rename', from: 'war', to: 'x'.repeat(100_000) }],
  ])('a tag journal with %s is reported and never replayed', async (_name, journal) => {
    const { dir, good } = await layout()
    await writeFile(join(dir, 'tag-journal.json'), JSON.stringify(journal))
    const h = await serviceHarness(dir)
    expect(h.archive.problems.map((p) => p.message).join(' ')).toMatch(
      /tag-journal\.json is not a tag rename/,
    )
    expect(h.archive.meta(good.id).tags).toEqual(['war/air'])
    expect(await exists(join(dir, 'tag-journal.json'))).toBe(true)
  })

  it('a body or annotations file that is a link outside the archive is never read', async () => {
    const { dir, outside, good } = await layout()
    await rm(join(dir, 'bodies', `${good.id}.json`))
    await symlink(join(outside, 'secret.json'), join(dir, 'bodies', `${good.id}.json`))
    await symlink(join(outside, 'secret.json'), join(dir, 'annotations', `${good.id}.json`))
    const h = await serviceHarness(dir)
    for (const [method, file] of [
      ['articles.get', `bodies/${good.id}.json`],
      ['annotations.list', `annotations/${good.id}.json`],
    ] as const) {
      const args = method === 'articles.get' ? { id: good.id } : { articleId: good.id }
      await expect(h.call(method, args)).rejects.toMatchObject({
        code: 'corrupt_file',
        message: expect.stringContaining(`${file} is a link`),
      })
    }
    await expect(h.call('export.run', { format: 'json', scope: {} })).rejects.toThrow(/is a link/)
  })

  it('an archive whose bodies folder is a link elsewhere is refused when opened', async () => {
    const { dir, outside } = await layout()
    await rm(join(dir, 'bodies'), { recursive: true })
    await symlink(outside, join(dir, 'bodies'))
    await expect(Archive.open(dir)).rejects.toThrow(/bodies is a link to another folder/)
  })

  it('a snapshot count that is not a number is shown as none', async () => {
    const h = await serviceHarness()
    await h.call('backups.create', {})
    const [snapshot] = await h.call<{ id: string }[]>('backups.list', {})
    await writeFile(join(h.dir, 'backups', `${snapshot.id}.count`), 'NaN-and-then-some')
    expect(await h.call('backups.list', {})).toEqual([expect.objectContaining({ articles: 0 })])
  })

  it('path building refuses anything that is not a plain id', () => {
    for (const id of [
      '../x',
      '..',
      'a/b/c/d',
      'abcd.json',
      '',
      'ABCD1234',
      'abc',
      '/etc/passwd',
      'ab\u0000cd',
    ]) {
      expect(() => articleFile('/archive', 'bodies', id)).toThrow(/is not an article id/)
    }
    expect(articleFile('/archive', 'bodies', 'abcd1234')).toBe(join('/archive', 'bodies', 'abcd1234.json'))
  })
})

describe('a hostile backup', () => {
  it('is restored through the import sanitizer, and the restore reports what was removed', async () => {
    const h = await serviceHarness()
    const backup = hostileBackup()
    const [result] = await h.call<{ status: string; id?: string; title?: string; message: string }[]>(
      'import.files',
      {
        files: [{ name: 'shared.json', dataBase64: Buffer.from(JSON.stringify(backup)).toString('base64') }],
      },
    )
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

    const article = await h.call<Article>('articles.get', { id: 'hostile01' })
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
    const [annotations] = [await h.call<Annotation[]>('annotations.list', { articleId: 'hostile01' })]
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
    const [result] = await h.call<{ status: string; message: string }[]>('import.files', {
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
    const [result] = await h.call<{ status: string; message: string }[]>('import.files', {
      files: [{ name: 'tags.json', dataBase64: Buffer.from(JSON.stringify(backup)).toString('base64') }],
    })
    expect(result.status).toBe('imported')
    expect(result.message).toMatch(/\d+ more kinds/)
    expect(result.message.length).toBeLessThan(2000)
  })
})

describe('a hostile snapshot in backups/', () => {
  it('brings articles back only through the sanitizer, and says what it removed', async () => {
    const h = await serviceHarness()
    const id = 'snapshot-2024-01-01T00-00-00-000Z.json.gz'
    await mkdir(join(h.dir, 'backups'), { recursive: true })
    await writeFile(join(h.dir, 'backups', id), gzipSync(JSON.stringify(hostileBackup())))
    const result = await h.call<{ messages: string[] }>('backups.restore', { id, addMissing: true })
    expect(result.messages.join(' ')).toMatch(/Brought back 1 articles.*“Hostile” \(hostile01\): .*<script>/)
    const article = await h.call<Article>('articles.get', { id: 'hostile01' })
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
      // The worker builds are not there under vitest: the index builder fails, and serve must carry on.
      workers: { search: join(root, 'none.js'), export: join(root, 'none.js'), parse: join(root, 'none.js') },
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
      expect(await commands.import.run([file, '--archive', join(root, 'archive')])).toBe(0)
    } finally {
      vi.restoreAllMocks()
    }
    expect(lines[0]).toMatch(/^\[1\/1\] hostile01 {2}Hostile {2}← .*shared\.json: Restored 1 articles/)
    expect(lines[0]).toContain('<script>')
    expect(lines.join('\n')).not.toContain('undefined')
  })
})
