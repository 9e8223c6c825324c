// Tests (Node): an archive folder crafted by an attacker — catalog shards, annotation files, bodies, tags,
// trash records and backups with traversal ids, wrong shapes, huge values, missing fields and __proto__ keys —
// opened by the real service. Each is a named problem; nothing outside the archive is read or written; nothing
// crashes.
import { readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { articleFile } from '../../src/main/archive/ids'
import { serviceHarness } from '../service-harness'
import {
  TEXT,
  TRAVERSAL,
  annotation,
  exists,
  filesIn,
  layout,
  meta,
  snapshotFiles,
  writeCatalog,
} from './hostile-layout'

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
    ['an address that runs script', { zz123456: meta('zz123456', { url: 'javascript:alert(1)' }) }],
    [
      'a canonical address that is data',
      { zz123456: meta('zz123456', { canonicalUrl: 'data:text/html,x' }) },
    ],
  ])('with %s is refused as a named problem; the rest of the archive opens', async (_name, articles) => {
    const { dir, outside, good } = await layout()
    await writeCatalog(dir, 'zz', articles)
    const before = await readFile(join(dir, 'catalog', 'zz.json'), 'utf8')
    const h = await serviceHarness(dir)

    const info = await h.call('app.info', {})
    expect(info.problems).toContainEqual(
      expect.objectContaining({
        file: 'catalog/zz.json',
        message: expect.stringMatching(/catalog\/zz\.json/),
      }),
    )
    const list = await h.call('articles.list', {})
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

  // The per-tag counts are derived from annotations whose tags are all tag names; a key that is none ('', 'a//b',
  // '#x,y') made tags.list answer outside its contract, with a tag no call could rename or delete.
  it('with per-tag counts naming what is not a tag is refused by name; tags.list keeps to tag names', async () => {
    const { dir, good } = await layout()
    await writeCatalog(dir, 'zz', {
      zz123456: meta('zz123456', { annotationTags: { 'war/air': 1, '': 1, 'a//b': 2, '#x,y': 1 } }),
    })
    const h = await serviceHarness(dir)
    const info = await h.call('app.info', {})
    expect(info.problems).toContainEqual(
      expect.objectContaining({
        file: 'catalog/zz.json',
        message: expect.stringMatching(/annotationTags: "" is not a tag name/),
      }),
    )
    expect((await h.call('articles.list', {})).map((a) => a.id)).toEqual([good.id])
    expect(await h.call('tags.list', {})).toEqual([{ name: 'war/air', count: 1 }])
  })

  it('with a traversal id never reads a file outside the archive as an article', async () => {
    const { dir, outside } = await layout()
    await writeCatalog(dir, 'zz', { [TRAVERSAL]: meta(TRAVERSAL) })
    const h = await serviceHarness(dir)
    const exported = await h.call('export.run', { format: 'json', scope: {} })
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

describe('a crafted annotations file', () => {
  it.each([
    ['an annotation without a target', [{ ...annotation('x'), target: undefined }]],
    ['an annotation of another article', [annotation('other1234')]],
    ['an annotation with a traversal id', [annotation('x', { id: '../../outside/secret' })]],
    ['a note of two megabytes', [annotation('x', { note: 'n'.repeat(2_000_000) })]],
    ['annotations that are not a list', { __proto__: [] }],
    // Else a delete removed the first and the second came back as the highlight deleted.
    [
      'two annotations with one id',
      [annotation('x', { id: 'twice001' }), annotation('x', { id: 'twice001', note: 'the other' })],
    ],
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
    const problems = await h.call('archive.scan', {})
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
    expect(await h.call('tags.list', {})).toEqual([{ name: 'war/air', count: 1 }])
    expect(await h.call('collections.list', {})).toEqual([])
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
    const [snapshot] = await h.call('backups.list', {})
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
