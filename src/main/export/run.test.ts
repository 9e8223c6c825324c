import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import { exportFiguresCsv } from '../../shared/export'
import { PREVIEW_ARTICLES, archiveExportSource, gatherBundle, runExport } from './run'
import type { ExportArgs } from './run'

const TEXT_A =
  'Russia launched 520 drones in the first week, said the air force.\n\nUkraine repelled 79% of them.'
const TEXT_B = 'About 480 drones were aimed at the grid, the ministry said.\n\nCrews, "tired", kept working.'

async function fixture() {
  const h = await serviceHarness()
  const a = await h.call('articles.create', {
    title: 'Air force: 520 drones',
    text: TEXT_A,
    source: 'Wire, Inc.',
    author: 'Olena Kovalenko',
    publishedAt: '2024-01-09',
    url: 'https://example.com/a',
    tags: ['strikes'],
  })
  const b = await h.call('articles.create', {
    title: 'Grid under attack',
    text: TEXT_B,
    source: 'Daily',
    html: undefined,
    tags: [],
  })
  await h.call('annotations.create', {
    articleId: a.id,
    target: sampleTarget(TEXT_A, '520 drones'),
    color: 'green',
    tags: ['drones'],
    note: 'Air force count, "weekly"\nsecond line',
    figure: {
      value: 520,
      unit: 'drones',
      metric: 'drones/launched',
      periodStart: '2024-01-01',
      periodEnd: '2024-01-07',
      attributedTo: 'Air force',
    },
  })
  await h.call('annotations.create', {
    articleId: a.id,
    target: sampleTarget(TEXT_A, '79%'),
    figure: { value: 79, unit: '%', metric: 'drones/downed-share' },
  })
  await h.call('annotations.create', {
    articleId: b.id,
    target: sampleTarget(TEXT_B, 'About 480 drones'),
    figure: {
      value: 480,
      qualifier: 'about',
      metric: 'drones/launched',
      periodStart: '2024-01-01',
      periodEnd: '2024-01-07',
    },
  })
  await h.call('annotations.create', {
    articleId: b.id,
    target: sampleTarget(TEXT_B, 'Crews, "tired", kept working.'),
    note: '=SUM(A1:A2)',
    tags: ['grid'],
  })
  const c = await h.call('collections.create', { name: 'Winter' })
  await h.call('articles.bulkUpdate', { ids: [b.id], addCollections: [c.id] })
  await h.call('tags.setColor', { name: 'drones', color: 'orange' })
  return { ...h, a, b, c }
}

describe('export.run', () => {
  it('exports figures.csv filtered by one metric, parseable by an independent CSV parser', async () => {
    const h = await fixture()
    const [file] = await h.call('export.run', {
      format: 'figures-csv',
      scope: { metric: 'drones/launched' },
      options: { bom: true },
    })
    expect(file.name).toBe('figures.csv')
    expect(file.content.startsWith('\ufeff')).toBe(true)
    const rows = Papa.parse<Record<string, string>>(file.content.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(rows.map((r) => [r.title, r.value, r.qualifier, r.metric])).toEqual(
      expect.arrayContaining([
        ['Air force: 520 drones', '520', '', 'drones/launched'],
        ['Grid under attack', '480', 'about', 'drones/launched'],
      ]),
    )
    expect(rows).toHaveLength(2)
    expect(rows.find((r) => r.value === '520')!.note).toBe('Air force count, "weekly"\nsecond line')
  })

  it('reads for figures.csv only the annotations files of articles with a figure, and writes the same file', async () => {
    const h = await fixture()
    const text = 'Crews worked through the night to restore power.'
    const c = await h.call('articles.create', { title: 'Notes only', text, tags: [] })
    await h.call('annotations.create', { articleId: c.id, target: sampleTarget(text, 'Crews worked') })
    const source = archiveExportSource(h.archive)
    const read: string[] = []
    const counting = {
      ...source,
      readAnnotations: (id: string) => (read.push(id), source.readAnnotations(id)),
    }
    const at = '2024-02-01T00:00:00.000Z'
    const [csv] = await runExport(counting, { format: 'figures-csv', scope: {} }, at)
    expect(read.sort()).toEqual([h.a.id, h.b.id].sort())
    // The file made from every annotated article's annotations, as before: the same bytes.
    expect(csv.content).toBe(exportFiguresCsv(await gatherBundle(source, {}, at)).content)
    read.length = 0
    await runExport(counting, { format: 'highlights-csv', scope: {} }, at)
    expect(read).toContain(c.id)
  })

  it('writes the same files one article at a time as all at once, for every scope', async () => {
    const h = await fixture()
    // A third article without annotations, between the two: a slice may have nothing to write.
    await h.call('articles.create', { title: 'Quiet day', text: 'Nothing happened.', tags: ['strikes'] })
    const at = '2024-02-01T00:00:00.000Z'
    const cases: ExportArgs[] = []
    for (const scope of [{}, { tag: 'strikes' }, { metric: 'drones/launched' }, { collection: h.c.id }]) {
      cases.push(
        { format: 'figures-csv', scope, options: { bom: true } },
        { format: 'highlights-csv', scope },
        { format: 'markdown', scope, options: { layout: 'combined', groupBy: 'article' } },
      )
    }
    for (const args of cases) {
      const whole = await runExport(archiveExportSource(h.archive), args, at)
      expect(await runExport(archiveExportSource(h.archive), args, at, 1), JSON.stringify(args)).toEqual(
        whole,
      )
      expect(whole[0].content.length).toBeGreaterThan(0)
    }
    const [notes] = await runExport(archiveExportSource(h.archive), cases[2], at, 1)
    expect(notes.content).toContain('articles: 3')
  })

  it('scopes by tag, collection and article', async () => {
    const h = await fixture()
    const csv = async (scope: object) => {
      const [f] = await h.call('export.run', { format: 'highlights-csv', scope })
      return Papa.parse<Record<string, string>>(f.content, { header: true, skipEmptyLines: true }).data
    }
    expect((await csv({ tag: 'grid' })).map((r) => r.quote)).toEqual(['Crews, "tired", kept working.'])
    expect((await csv({ tag: 'strikes' })).map((r) => r.quote)).toEqual(['520 drones', '79%'])
    expect((await csv({ collection: h.c.id })).map((r) => r.title)).toEqual([
      'Grid under attack',
      'Grid under attack',
    ])
    expect((await csv({ articleIds: [h.a.id] })).every((r) => r.article_id === h.a.id)).toBe(true)
    // The library's filter as the scope: the same articles as its ids, whole (not only annotations tagged so).
    for (const filter of [{ source: 'Daily' }, { tag: 'drones' }, { hasNotes: true }, {}]) {
      const ids = await h.call('articles.ids', { filter })
      expect(await csv({ filter })).toEqual(await csv({ articleIds: ids }))
    }
    expect(await csv({ filter: { source: 'Daily' } })).toHaveLength(2)
    expect((await csv({ tag: 'grid' }))[0].note).toBe("'=SUM(A1:A2)")
    await expect(
      h.call('export.run', { format: 'csl', scope: { articleIds: ['nosuch1'] } }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })

  it('a JSON backup restores into an empty archive with nothing lost, field by field', async () => {
    const h = await fixture()
    const [backup] = await h.call('export.run', { format: 'json', scope: {} })
    const fresh = await serviceHarness()
    const [result] = await fresh.call('import.files', {
      files: [{ name: 'glossa-backup.json', dataBase64: Buffer.from(backup.content).toString('base64') }],
    })
    expect(result).toMatchObject({ status: 'imported', message: 'Restored 2 articles with 4 annotations.' })

    for (const original of await h.call('articles.list', {})) {
      expect(await fresh.call('articles.get', { id: original.id })).toEqual(
        await h.call('articles.get', { id: original.id }),
      )
      expect(await fresh.call('annotations.list', { articleId: original.id })).toEqual(
        await h.call('annotations.list', { articleId: original.id }),
      )
    }
    expect(await fresh.call('collections.list', {})).toEqual(await h.call('collections.list', {}))
    expect(await fresh.call('tags.list', {})).toEqual(await h.call('tags.list', {}))

    // Restoring again changes nothing and says why.
    const [again] = await fresh.call('import.files', {
      files: [{ name: 'glossa-backup.json', dataBase64: Buffer.from(backup.content).toString('base64') }],
    })
    expect(again.message).toBe(
      'Restored 0 articles with 0 annotations; 2 already in the archive were skipped.',
    )
  })

  it('refuses a damaged backup, naming what is wrong, and stores nothing', async () => {
    const h = await fixture()
    const [backup] = await h.call('export.run', { format: 'json', scope: {} })
    const broken = JSON.parse(backup.content)
    broken.annotations[0].target.position.start = -4
    const fresh = await serviceHarness()
    const [result] = await fresh.call('import.files', {
      files: [{ name: 'b.json', dataBase64: Buffer.from(JSON.stringify(broken)).toString('base64') }],
    })
    expect(result.status).toBe('failed')
    expect(result.message).toMatch(/damaged at annotations\.0\.target\.position\.start/)
    expect(await fresh.call('articles.list', {})).toEqual([])
  })

  it('a preview formats only the scope s first articles, with a figure of the metric when one is chosen', async () => {
    const h = await serviceHarness()
    const texts: string[] = []
    for (let i = 0; i < PREVIEW_ARTICLES + 5; i++) {
      const text = `Article ${i} counted ${100 + i} drones.`
      texts.push(text)
      const a = await h.call('articles.create', { title: `Article ${i}`, text })
      await h.call('annotations.create', {
        articleId: a.id,
        target: sampleTarget(text, `${100 + i} drones`),
        // Only the first article made (the last in the library's order) has a figure.
        ...(i === 0 ? { figure: { value: 100, metric: 'drones/launched' } } : {}),
      })
    }
    const rows = async (args: ExportArgs) =>
      Papa.parse((await h.call('export.run', args))[0].content, { header: true, skipEmptyLines: true }).data
    const highlights: ExportArgs = { format: 'highlights-csv', scope: {} }
    expect(await rows(highlights)).toHaveLength(PREVIEW_ARTICLES + 5)
    expect(await rows({ ...highlights, options: { preview: true } })).toHaveLength(PREVIEW_ARTICLES)
    const figures: ExportArgs = {
      format: 'figures-csv',
      scope: { metric: 'drones' },
      options: { preview: true },
    }
    expect(await rows(figures)).toMatchObject([{ value: '100', metric: 'drones/launched' }])
  })
})
