import { describe, expect, it } from 'vitest'
import { callerOf } from '../../test/service-harness'
import { sampleTarget, tempDir } from '../../test/temp-archive'
import { Archive } from './archive/archive'
import { createService } from './service'

const TEXT =
  'In total there were 500 missile and drone strikes.\n\nUkraine was able to repulse 70% on average.'

async function setup() {
  const archive = await Archive.open(await tempDir())
  // Every call goes through dispatch, and every result must satisfy the contract's result schema.
  return { archive, ...callerOf(createService({ archive, version: 'test' })) }
}

describe('service', () => {
  it('creates articles from text and from HTML, sanitizing the HTML', async () => {
    const { call } = await setup()
    const plain = await call('articles.create', {
      title: 'Plain',
      text: '  One.\n\n\n Two.  ',
    })
    expect(await call('articles.get', { id: plain.id })).toMatchObject({ text: 'One.\n\nTwo.' })
    const rich = await call('articles.create', {
      title: 'Rich',
      html: '<article><p>Prices rose <b>4.2%</b>.</p><script>window.x=1</script><p onclick="x()">Second <a href="javascript:alert(1)">link</a>.</p></article>',
    })
    const article = await call('articles.get', { id: rich.id })
    expect(article.text).toBe('Prices rose 4.2%.\n\nSecond link.')
    expect(article.html).not.toMatch(/script|onclick|javascript:/)
  })

  it("lists an article stored without a source under its URL's domain (#14)", async () => {
    const { call } = await setup()
    await call('articles.create', {
      title: 'No source',
      text: TEXT,
      url: 'https://www.tram-desk.example/vote',
    })
    await call('articles.create', { title: 'Named', text: 'Other text.', source: 'Kyiv Ledger' })
    const list = await call('articles.list', {})
    expect(Object.fromEntries(list.map((a) => [a.title, a.source]))).toEqual({
      'No source': 'tram-desk.example',
      Named: 'Kyiv Ledger',
    })
  })

  it('refuses the same article twice, naming the one already stored', async () => {
    const { call } = await setup()
    await call('articles.create', { title: 'First', text: TEXT })
    await expect(call('articles.create', { title: 'Again', text: TEXT })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('First'),
    })
  })

  it('creates, updates and deletes annotations and keeps counts and tags current', async () => {
    const { call } = await setup()
    const { id } = await call('articles.create', {
      title: 'Strikes',
      text: TEXT,
      tags: ['war'],
    })
    const h = await call('annotations.create', {
      articleId: id,
      target: sampleTarget(TEXT, '500 missile and drone strikes'),
      tags: ['strikes'],
    })
    expect(h.kind).toBe('highlight')
    const f = await call('annotations.create', {
      articleId: id,
      target: sampleTarget(TEXT, '70%'),
      figure: {
        value: 70,
        unit: '%',
        metric: 'strikes/repelled-share',
        periodStart: '2023-12-20',
        periodEnd: '2024-01-10',
      },
    })
    expect(f.kind).toBe('figure')
    await call('annotations.update', {
      articleId: id,
      id: h.id,
      note: 'late Dec – early Jan',
      color: 'green',
    })
    expect(await call('annotations.list', { articleId: id })).toMatchObject([
      { note: 'late Dec – early Jan', color: 'green' },
      { kind: 'figure' },
    ])
    expect((await call('articles.list', {}))[0].counts).toEqual({
      highlights: 1,
      figures: 1,
      notes: 1,
    })
    expect(await call('tags.list', {})).toEqual([
      { name: 'strikes', count: 1 },
      { name: 'strikes/repelled-share', count: 1 },
      { name: 'war', count: 1 },
    ])
    expect(await call('figures.list', { metric: 'strikes' })).toHaveLength(1)
    expect(await call('figures.list', { metric: 'strikes-other' })).toHaveLength(0)

    await call('annotations.update', { articleId: id, id: f.id, figure: null })
    expect((await call('annotations.list', { articleId: id }))[1].kind).toBe('highlight')
    await call('annotations.delete', { articleId: id, id: h.id })
    await expect(call('annotations.delete', { articleId: id, id: h.id })).rejects.toMatchObject({
      code: 'not_found',
    })
    await call('articles.delete', { ids: [id] })
    await expect(call('annotations.list', { articleId: id })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('refuses a figure annotation without a figure', async () => {
    const { call } = await setup()
    const { id } = await call('articles.create', { title: 'T', text: TEXT })
    await expect(
      call('annotations.create', { articleId: id, kind: 'figure', target: sampleTarget(TEXT, '70%') }),
    ).rejects.toMatchObject({ code: 'invalid_argument' })
    expect(await call('annotations.list', { articleId: id })).toEqual([])
  })

  it('imports files, reports bad ones and duplicates, and keeps tag colours', async () => {
    const { call } = await setup()
    const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
    const results = await call('import.files', {
      files: [
        { name: 'a.txt', dataBase64: b64(' date 2024-01-10 Strikes\n\n' + TEXT) },
        { name: 'empty.txt', dataBase64: '' },
        { name: 'b.txt', dataBase64: b64(' date 2024-01-10 Strikes again\n\n' + TEXT) },
      ],
      tags: ['inbox'],
    })
    expect(results.map((r) => r.status)).toEqual(['imported', 'failed', 'duplicate'])
    expect(results[1].message).toMatch(/empty/i)
    expect(
      await call('import.text', {
        html: '<p>Officials counted <em>1,203</em> shelters.</p>',
        title: 'Pasted',
      }),
    ).toMatchObject({ status: 'imported', title: 'Pasted' })
    expect(await call('tags.setColor', { name: 'inbox', color: 'pink' })).toEqual({
      name: 'inbox',
      color: 'pink',
      count: 1,
    })
  })
})
