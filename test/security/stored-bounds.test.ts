// Tests (Node): the length bounds of stored fields that had none (a highlight's quote and its context, the times,
// a catalog entry's hash, tag and collection lists). A hand-edited record past a bound is refused by name and
// never written over, and the rest of the archive opens; what the app itself makes — a highlight of a whole
// long article, through browser mode's HTTP bridge too — still saves and reads back.
import { readFile, writeFile } from 'node:fs/promises'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { startServer } from '../../src/main/serve'
import { createService } from '../../src/main/service'
import { STORED_BOUNDS } from '../../src/shared/schemas'
import { call } from '../reliability/http-client'
import { serviceHarness } from '../service-harness'
import { sampleTarget, tempDir } from '../temp-archive'
import { TEXT, annotation, layout, meta, writeCatalog } from './hostile-layout'

const MB50 = 50 * 1024 * 1024
const target = sampleTarget(TEXT, '500 strikes')

describe('a hand-edited annotations file past a bound', () => {
  it.each([
    ['a quote of 50 MB', { target: { ...target, quote: { ...target.quote, exact: 'x'.repeat(MB50) } } }],
    [
      'a prefix of 200,000 characters',
      { target: { ...target, quote: { ...target.quote, prefix: 'p'.repeat(200_000) } } },
    ],
    ['a creation time of a megabyte', { createdAt: '2'.repeat(1_000_000) }],
    ['1,001 tags', { tags: Array.from({ length: 1001 }, (_, i) => `t${i}`) }],
  ])('with %s is refused by name, left as it is, and the rest opens', async (_name, extra) => {
    const { dir, good } = await layout()
    const archive = await Archive.open(dir)
    const other = await archive.createArticle({ title: 'Other', text: TEXT, tags: [] })
    await archive.changeAnnotations(other.id, (list) => void list.push(annotation(other.id)))
    await archive.flush()
    const file = join(dir, 'annotations', `${good.id}.json`)
    await writeFile(
      file,
      JSON.stringify({ version: 1, articleId: good.id, annotations: [annotation(good.id, extra)] }),
    )
    const before = await readFile(file)
    const h = await serviceHarness(dir)
    await expect(h.call('annotations.list', { articleId: good.id })).rejects.toMatchObject({
      code: 'corrupt_file',
      message: expect.stringContaining(`annotations/${good.id}.json`),
    })
    expect((await h.call('articles.list', {})).map((a) => a.title).sort()).toEqual(['Good', 'Other'])
    expect(await h.call('annotations.list', { articleId: other.id })).toHaveLength(1)
    // Working on the damaged article never writes over the file.
    await h.call('articles.update', { id: good.id, tags: ['kept'] })
    await h.archive.flush()
    expect((await readFile(file)).equals(before)).toBe(true)
  })
})

describe('a hand-edited catalog entry past a bound', () => {
  it.each([
    ['an added time of 50 MB', { addedAt: '2'.repeat(MB50) }],
    ['a text hash of a megabyte', { textHash: 'f'.repeat(1_000_000) }],
    ['1,001 tags', { tags: Array.from({ length: 1001 }, (_, i) => `t${i}`) }],
    // Two of these summed past 2^53 made tags.list answer a count its own contract refuses.
    ['a tag count of 2^52', { annotationTags: { 'war/air': 2 ** 52 } }],
    ['a figure count of 2^52', { counts: { highlights: 0, figures: 2 ** 52, notes: 0 } }],
  ])('with %s is refused by name; the rest of the archive opens', async (_name, extra) => {
    const { dir, good } = await layout()
    await writeCatalog(dir, 'zz', { zz123456: meta('zz123456', extra) })
    const before = await readFile(join(dir, 'catalog', 'zz.json'))
    const h = await serviceHarness(dir)
    const info = await h.call('app.info', {})
    expect(info.problems).toContainEqual(
      expect.objectContaining({ file: 'catalog/zz.json', message: expect.stringContaining('zz123456') }),
    )
    expect((await h.call('articles.list', {})).map((a) => a.id)).toEqual([good.id])
    await h.archive.flush()
    expect((await readFile(join(dir, 'catalog', 'zz.json'))).equals(before)).toBe(true)
  })
})

describe('what the app makes stays within the bounds', () => {
  it('a highlight of a whole 4.5-million-character article saves through browser mode and reads back', async () => {
    const dir = await tempDir('glossa-bounds-')
    await mkdir(join(dir, 'renderer'))
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Glossa</title>')
    const archive = await Archive.open(join(dir, 'archive'))
    const server = await startServer({
      handlers: createService({ archive, version: 'test' }),
      rendererDir: join(dir, 'renderer'),
    })
    try {
      // Over 4 MB as a request: the annotation calls take an article's size, since a quote may be one.
      const text = `${'The council met. '.repeat(264_000)}The end.`
      const article = await archive.createArticle({ title: 'Long', text, tags: [] })
      const exact = text.slice(0, text.length - 9)
      const reply = await call(server.port, {
        path: '/api/annotations.create',
        headers: { Authorization: `Bearer ${server.token}` },
        body: JSON.stringify({
          articleId: article.id,
          kind: 'highlight',
          color: 'yellow',
          target: sampleTarget(text, exact),
        }),
      })
      expect(reply.body.length).toBeGreaterThan(0)
      expect(JSON.parse(reply.body)).toMatchObject({ ok: true })
      await archive.flush()
      const reopened = await serviceHarness(join(dir, 'archive'))
      const [saved] = await reopened.call('annotations.list', { articleId: article.id })
      expect(saved.target.quote.exact).toHaveLength(exact.length)
      expect(exact.length).toBeGreaterThan(4 * 1024 * 1024)
    } finally {
      await server.close()
    }
  })

  it('refuses to give an article more tags than it could read back, and writes nothing', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', { title: 'Tagged', text: TEXT })
    const many = Array.from({ length: STORED_BOUNDS.list }, (_, i) => `t${i}`)
    await h.call('articles.update', { id: article.id, tags: many })
    await expect(
      h.call('articles.bulkUpdate', { ids: [article.id], addTags: ['one-more'] }),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('at most 1000 tags'),
    })
    expect(h.archive.meta(article.id).tags).toHaveLength(STORED_BOUNDS.list)
  })
})
