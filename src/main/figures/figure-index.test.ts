// Tests (Node): the figures index on a real archive on disk — the Figures view's pages, filter lists, conflicts
// and series answered from it; the saved index used after a reopen, checked against the annotations files, and
// rebuilt when this machine did not write it.
import { readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { editInPlace } from '../../../test/edit-in-place'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import { Archive } from '../archive/archive'
import { articleFile } from '../archive/ids'
import { FigureIndex, setFigureIndexKey } from './figure-index'
import { FIGURES_INDEX_FILE } from './index-file'

const TEXT = 'Officials counted 500 strikes in January.\n\nThe grid held at 70% of capacity.'

/** Three articles: two with figures (six in all), one with a highlight only. */
async function archiveWithFigures() {
  const h = await serviceHarness()
  const keyFile = join(h.dir, '..', `key-${Date.now()}-${Math.random()}`)
  setFigureIndexKey(h.archive, keyFile)
  const a = await h.call('articles.create', { title: 'Strikes', text: `${TEXT} A`, source: 'Wire' })
  const b = await h.call('articles.create', { title: 'Grid', text: `${TEXT} B`, source: 'Post' })
  const c = await h.call('articles.create', { title: 'Quiet', text: `${TEXT} C`, source: 'Post' })
  const week = (day: number) => ({
    periodStart: `2024-01-0${day}`,
    periodEnd: `2024-01-0${day + 2}`,
  })
  for (const [article, value, metric, day, speaker] of [
    [a, 500, 'strikes', 1, 'Air force'],
    [a, 510, 'strikes/drones', 2, 'Analysts'],
    [a, 20, 'grid/share', 1, 'Utility'],
    [b, 480, 'strikes', 3, 'Ministry'],
    [b, 70, 'grid/share', 5, 'Utility'],
    [b, 9, 'outages', 4, 'Utility'],
  ] as const)
    await h.call('annotations.create', {
      articleId: article.id,
      target: sampleTarget(TEXT, '500'),
      figure: { value, metric, attributedTo: speaker, ...week(day) },
      tags: value > 100 ? ['war'] : [],
    })
  await h.call('annotations.create', { articleId: c.id, target: sampleTarget(TEXT, 'grid held') })
  return { ...h, keyFile, a, b, c }
}

const values = (page: { items: { annotation: { figure: { value: number } } }[] }) =>
  page.items.map((r) => r.annotation.figure.value)

async function reopen(dir: string, keyFile: string) {
  const archive = await Archive.open(dir)
  const index = FigureIndex.open(archive, { keyFile })
  await index.ready
  return { archive, index }
}

describe('figures.page and friends, from the figures index', () => {
  it('pages, filters and sorts in main, nothing read from the annotations files', async () => {
    const h = await archiveWithFigures()
    const first = await h.call('figures.page', { offset: 0, limit: 2 })
    expect(first.total).toBe(6)
    expect(first.all).toBe(6)
    expect(first.status.state).toBe('ready')
    // By period by default, oldest first; each row carries its quote with the words around it.
    expect(values(first)).toEqual([500, 20])
    expect(first.items[0].annotation.quote).toBe('500')
    expect(values(await h.call('figures.page', { offset: 2, limit: 10 }))).toEqual([510, 480, 9, 70])

    const byValue = await h.call('figures.page', {
      sort: { key: 'value', dir: -1 },
      offset: 0,
      limit: 10,
    })
    expect(values(byValue)).toEqual([510, 500, 480, 70, 20, 9])
    const strikes = await h.call('figures.page', { filter: { metric: 'strikes' }, offset: 0, limit: 10 })
    expect(strikes.total).toBe(3) // strikes and strikes/drones
    expect(strikes.all).toBe(6)
    const some = await h.call('figures.page', {
      filter: { text: 'utility', min: 10, source: 'Post' },
      offset: 0,
      limit: 10,
    })
    expect(values(some)).toEqual([70])
    const period = await h.call('figures.page', {
      filter: { from: '2024-01-06', tag: 'war' },
      offset: 0,
      limit: 10,
    })
    expect(values(period)).toEqual([])
  })

  it('counts the filter lists, the conflicts and the series', async () => {
    const h = await archiveWithFigures()
    const facets = await h.call('figures.facets', {})
    expect(facets.total).toBe(6)
    expect(facets.metrics).toEqual([
      { name: 'grid/share', count: 2 },
      { name: 'outages', count: 1 },
      { name: 'strikes', count: 2 },
      { name: 'strikes/drones', count: 1 },
    ])
    expect(facets.sources).toEqual([
      { name: 'Post', count: 3 },
      { name: 'Wire', count: 3 },
    ])
    expect(facets.tags).toEqual([{ name: 'war', count: 3 }])
    // 500 (Wire) vs 480 (Post) over overlapping periods; 20 vs 70 do not overlap.
    const conflicts = await h.call('figures.conflicts', { metric: 'strikes' })
    expect(conflicts.total).toBe(1)
    // (The two sides come in the order the index read their articles.)
    expect(conflicts.shown[0].reason).toMatch(
      /^(500 \(Air force\) vs 480 \(Ministry\)|480 \(Ministry\) vs 500 \(Air force\)) over overlapping periods$/,
    )
    expect(conflicts.shown[0].a.annotation.quote).toBe('500')
    expect(conflicts.shown[0].a.annotation.prefix).toBe('Officials counted ')
    const series = await h.call('figures.series', { metric: 'strikes' })
    expect(series.points.map((p) => p.value)).toEqual([500, 480])
    const one = await h.call('figures.series', { metric: 'grid/share', limit: 1 })
    expect([one.total, one.points.length]).toEqual([2, 1])
  })

  it('follows saves and deletions at once', async () => {
    const h = await archiveWithFigures()
    expect((await h.call('figures.page', { offset: 0, limit: 10 })).total).toBe(6)
    const made = await h.call('annotations.create', {
      articleId: h.c.id,
      target: sampleTarget(TEXT, '70%'),
      figure: { value: 71, unit: '%', metric: 'grid/share' },
    })
    await expect.poll(async () => (await h.call('figures.facets', {})).total).toBe(7)
    await h.call('annotations.delete', { articleId: h.c.id, id: made.id })
    await h.call('articles.delete', { ids: [h.b.id] })
    await expect.poll(async () => (await h.call('figures.page', { offset: 0, limit: 10 })).total).toBe(3)
  })
})

describe('the saved figures index', () => {
  it('is used after a reopen, and what changed behind its back is read again', async () => {
    const h = await archiveWithFigures()
    const index = FigureIndex.open(h.archive, { keyFile: h.keyFile })
    await index.ready
    expect(index.opened).toBe('built')
    await h.archive.flush()
    await index.save()

    // Behind the index's back (a crash before it was saved, or `glossa import`): a figure removed from one
    // file, one added to the article that had none.
    const fileA = articleFile(h.dir, 'annotations', h.a.id)
    const dataA = JSON.parse(await readFile(fileA, 'utf8'))
    dataA.annotations = dataA.annotations.filter(
      (n: { figure?: { value: number } }) => n.figure?.value !== 510,
    )
    await writeFile(fileA, JSON.stringify(dataA))
    const fileC = articleFile(h.dir, 'annotations', h.c.id)
    const dataC = JSON.parse(await readFile(fileC, 'utf8'))
    dataC.annotations[0].figure = { value: 3, metric: 'outages' }
    dataC.annotations[0].kind = 'figure'
    await writeFile(fileC, JSON.stringify(dataC))

    const again = await reopen(h.dir, h.keyFile)
    expect(again.index.opened).toBe('loaded')
    expect(
      again.index
        .all()
        .map((e) => e.annotation.figure.value)
        .sort((x, y) => x - y),
    ).toEqual([3, 9, 20, 70, 480, 500])
  })

  it('reads a file changed since the snapshot even when its time is set back (the catalog says it has figures)', async () => {
    const h = await archiveWithFigures()
    const index = FigureIndex.open(h.archive, { keyFile: h.keyFile })
    await index.ready
    await h.archive.flush()
    await index.save()
    // The article with none gets a figure through the archive, its file's time then set a day back.
    await h.archive.changeAnnotations(h.c.id, (list) => {
      list[0].kind = 'figure'
      list[0].figure = { value: 4, metric: 'outages' }
    })
    await h.archive.flush()
    const fileC = articleFile(h.dir, 'annotations', h.c.id)
    const past = new Date(Date.now() - 86_400_000)
    await utimes(fileC, past, past)
    // The index was not saved since (as after a crash).
    const again = await reopen(h.dir, h.keyFile)
    expect(again.index.all().some((e) => e.annotation.figure.value === 4)).toBe(true)
  })

  it('reads a file edited in place to the same size with its times put back (its ctime moved)', async () => {
    const h = await archiveWithFigures()
    const index = FigureIndex.open(h.archive, { keyFile: h.keyFile })
    await index.ready
    await h.archive.flush()
    // The article without figures last written a day before the snapshot.
    const fileC = articleFile(h.dir, 'annotations', h.c.id)
    const past = new Date(Date.now() - 86_400_000)
    await utimes(fileC, past, past)
    await index.save()
    // A figure's value changed by hand, digit for digit: same inode, same size, mtime set back (`touch -d`).
    const fileA = articleFile(h.dir, 'annotations', h.a.id)
    const sizes = await editInPlace(fileA, (text) => text.replace(/("value":\s*)510\b/, '$1520'))
    expect(sizes.after).toBe(sizes.before)
    // And a figure given, by hand, to the article that had none (the catalog does not know), times set back.
    await editInPlace(fileC, (text) => {
      const data = JSON.parse(text)
      data.annotations[0].figure = { value: 3, metric: 'outages' }
      data.annotations[0].kind = 'figure'
      return JSON.stringify(data)
    })
    const again = await reopen(h.dir, h.keyFile)
    expect(again.index.opened).toBe('loaded')
    expect(
      again.index
        .all()
        .map((e) => e.annotation.figure.value)
        .sort((x, y) => x - y),
    ).toEqual([3, 9, 20, 70, 480, 500, 520])
  })

  it('is rebuilt from the files when this machine did not write it (edited, or made with another key)', async () => {
    const h = await archiveWithFigures()
    const index = FigureIndex.open(h.archive, { keyFile: h.keyFile })
    await index.ready
    await index.save()
    const file = join(h.dir, FIGURES_INDEX_FILE)
    const text = await readFile(file, 'utf8')
    expect(text.startsWith('glossa-figures-index 5 ')).toBe(true)
    // A value changed in the saved file: its MAC no longer matches.
    await writeFile(file, text.replace('[500,', '[5000,').replace('"value":500', '"value":5000'))
    const edited = await reopen(h.dir, h.keyFile)
    expect(edited.index.opened).toBe('built')
    expect(edited.index.all().map((e) => e.annotation.figure.value)).not.toContain(5000)
    expect(edited.index.all()).toHaveLength(6)

    // The untouched file read with another machine's key.
    await writeFile(file, text)
    const elsewhere = await reopen(h.dir, `${h.keyFile}-other`)
    expect(elsewhere.index.opened).toBe('built')
    // A built index is saved at once (with that machine's key): the file put back as this machine wrote it.
    await elsewhere.index.save()
    await writeFile(file, text)
    const here = await reopen(h.dir, h.keyFile)
    expect(here.index.opened).toBe('loaded')
    expect(here.index.all()).toHaveLength(6)
  })

  it('answers a first page from its head before the rest is read; a body changed under its head is rebuilt', async () => {
    const h = await archiveWithFigures()
    const index = FigureIndex.open(h.archive, { keyFile: h.keyFile })
    await index.ready
    await index.save()
    const archive = await Archive.open(h.dir)
    const opening = FigureIndex.open(archive, { keyFile: h.keyFile })
    await opening.loaded
    // The head: how many figures, the filter lists, the first rows by period.
    expect(opening.head?.all).toBe(6)
    expect(opening.head?.first.map((e) => e.annotation.figure.value)).toEqual([500, 20, 510, 480, 9, 70])
    expect(opening.head?.facets.metrics.map((m) => m.name)).toContain('outages')
    await opening.ready
    expect([opening.opened, opening.head, opening.all().length]).toEqual(['loaded', null, 6])

    // The body's first line edited (a figure's value), the head left as it was (line 3 says where the pages are).
    const file = join(h.dir, FIGURES_INDEX_FILE)
    const lines = (await readFile(file, 'utf8')).split('\n')
    lines[3] = lines[3].replace(/"value":(\d+)/, '"value":1$1')
    await writeFile(file, lines.join('\n'))
    const edited = await reopen(h.dir, h.keyFile)
    expect(edited.index.opened).toBe('built')
    expect(
      edited.index
        .all()
        .map((e) => e.annotation.figure.value)
        .sort((x, y) => x - y),
    ).toEqual([9, 20, 70, 480, 500, 510])
  })

  it('is not trusted or written without a key', async () => {
    const h = await archiveWithFigures()
    const index = FigureIndex.open(h.archive, { keyFile: undefined })
    await index.ready
    await index.save()
    await expect(readFile(join(h.dir, FIGURES_INDEX_FILE))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(index.all()).toHaveLength(6)
  })
})
