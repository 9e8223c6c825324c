// Tests (Node): the saved figures index's pages (index-file.ts line 3, index-snapshot.ts) — for every metric and
// each parent, how many figures a filter by it keeps and its first rows in the default order, so a filter by a
// metric right after opening is answered before the 23 MB body is read. On a real archive on disk: the pages
// equal what the whole index answers; pages edited, taken from another save, or absent (a job's file) are not
// used; figures.page with a metric filter right after opening gives the whole index's answer.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FigureEntry } from '../../shared/figures/conflicts'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget } from '../../../test/temp-archive'
import { trustKey } from '../archive/catalog-trust'
import { FigureIndex, setFigureIndexKey } from './figure-index'
import { FigureQueries } from './figure-query'
import { FIGURES_INDEX_FILE, readIndexHead, readPage, readPagesIndex, writeIndexFile } from './index-file'
import { HEAD_ROWS, metricPageOf } from './index-snapshot'

const TEXT = 'Officials counted 500 strikes in January.\n\nThe grid held at 70% of capacity.'
const METRICS = ['strikes', 'strikes/drones', 'strikes/drones/night', 'grid/share', 'outages']

async function archiveWithFigures(perMetric: number[]) {
  const h = await serviceHarness()
  const keyFile = join(h.dir, '..', `key-${Date.now()}-${Math.random()}`)
  setFigureIndexKey(h.archive, keyFile)
  const a = await h.call('articles.create', { title: 'Strikes', text: TEXT, source: 'Wire' })
  let n = 0
  await h.archive.changeAnnotations(a.id, (list) => {
    const stamp = new Date().toISOString()
    METRICS.forEach((metric, m) => {
      for (let i = 0; i < perMetric[m]; i++, n++)
        list.push({
          id: `fig-${n}`,
          articleId: a.id,
          kind: 'figure',
          color: 'yellow',
          note: '',
          tags: [],
          target: sampleTarget(TEXT, '500'),
          figure: {
            value: n,
            metric,
            // Ties on the period, and some with none (last).
            ...(n % 7 ? { periodStart: `2024-0${1 + (n % 5)}-01` } : {}),
          },
          createdAt: stamp,
          updatedAt: stamp,
        })
    })
  })
  return { ...h, keyFile }
}

const ids = (list: FigureEntry[]) => list.map((e) => e.annotation.id)

/** Line 3, then one metric's page, as the index reads them while its body is read. */
async function pageOf(file: string, key: Buffer | null, macs: [string, string, string], metric: string) {
  const index = await readPagesIndex(file, key!, macs)
  return index && (await readPage(file, index, metric))
}

describe('the saved figures index’s pages', () => {
  it('hold, for each metric and parent, its count and first rows in the default order', async () => {
    // strikes/drones/night past a page, the others within one.
    const h = await archiveWithFigures([40, 30, HEAD_ROWS + 20, 5, 1])
    const index = FigureIndex.open(h.archive, { keyFile: h.keyFile })
    const queries = new FigureQueries(index)
    await index.ready
    await index.save()
    const file = join(h.dir, FIGURES_INDEX_FILE)
    const key = await trustKey(h.keyFile)
    const head = await readIndexHead(file, key)
    if (!head.ok) throw new Error(head.why)
    for (const metric of [
      'strikes',
      'strikes/drones',
      'strikes/drones/night',
      'grid',
      'grid/share',
      'outages',
    ]) {
      const whole = queries.ordered({ metric })
      const page = metricPageOf(h.archive, await pageOf(file, key, head.macs, metric))!
      expect(page.total, metric).toBe(whole.length)
      expect(ids(page.first), metric).toEqual(ids(whole.slice(0, HEAD_ROWS)))
    }
    // A metric no figure carries (nor any within it): none.
    for (const metric of ['nothing', 'strikes/dr', '__proto__'])
      expect(metricPageOf(h.archive, await pageOf(file, key, head.macs, metric))).toEqual({
        total: 0,
        first: [],
      })
  })

  it('are not used when edited, taken from another save, or not written (a job’s file)', async () => {
    const h = await archiveWithFigures([3, 2, 1, 1, 1])
    const index = FigureIndex.open(h.archive, { keyFile: h.keyFile })
    await index.ready
    await index.save()
    const file = join(h.dir, FIGURES_INDEX_FILE)
    const key = (await trustKey(h.keyFile))!
    const text = await readFile(file, 'utf8')
    const head = await readIndexHead(file, key)
    if (!head.ok) throw new Error(head.why)
    expect(((await pageOf(file, key, head.macs, 'strikes')) as unknown[])[0]).toBe(6)
    const lines = text.split('\n')
    const put = (parts: string[]) => writeFile(file, parts.join('\n'))

    // A page edited: a count changed (the last lines are the pages, the file ends with a newline).
    const at = lines.findIndex((l, i) => i > 2 && l.startsWith('[6,'))
    expect(at).toBeGreaterThan(2)
    await put([...lines.slice(0, at), lines[at].replace('[6,', '[7,'), ...lines.slice(at + 1)])
    expect(await pageOf(file, key, head.macs, 'strikes')).toBeNull()
    // Where the pages are (line 3) edited: the page of another metric named.
    const other = JSON.parse(lines[2]) as { pages: Record<string, unknown> }
    other.pages.strikes = other.pages.outages
    await put([lines[0], lines[1], JSON.stringify(other), ...lines.slice(3)])
    expect(await readPagesIndex(file, key, head.macs)).toBeNull()

    // Line 3 of another save under this head, and that save's header with this head.
    await put(lines)
    expect(((await pageOf(file, key, head.macs, 'strikes')) as unknown[])[0]).toBe(6)
    await h.archive.changeAnnotations(h.archive.list()[0].id, (list) => void list.pop())
    while (index.all().length === 8) await new Promise((r) => setTimeout(r, 5))
    await index.save()
    const next = (await readFile(file, 'utf8')).split('\n')
    await put([lines[0], lines[1], next[2], ...lines.slice(3)])
    expect(await readPagesIndex(file, key, head.macs)).toBeNull()
    await put([next[0], lines[1], next[2], ...lines.slice(3)])
    expect((await readIndexHead(file, key)).ok).toBe(false)

    // A file written without pages (the build job's): none; and none under another key.
    await writeIndexFile(file, key, head.head, null, [])
    const bare = await readIndexHead(file, key)
    if (!bare.ok) throw new Error(bare.why)
    expect(await readPagesIndex(file, key, bare.macs)).toBeNull()
    await put(lines)
    expect(await readPagesIndex(file, Buffer.alloc(32), head.macs)).toBeNull()
  })

  it('answer figures.page by a metric right after opening as the whole index does', async () => {
    const h = await archiveWithFigures([40, 30, HEAD_ROWS + 20, 5, 1])
    const index = FigureIndex.open(h.archive, { keyFile: h.keyFile })
    const queries = new FigureQueries(index)
    await index.ready
    await index.save()
    for (const metric of ['strikes', 'grid', 'outages', 'none'])
      for (const [offset, limit] of [
        [0, HEAD_ROWS],
        [10, 50],
        [HEAD_ROWS - 10, 40],
      ]) {
        const fresh = await serviceHarness(h.dir)
        setFigureIndexKey(fresh.archive, h.keyFile)
        await fresh.call('figures.page', { offset: 0, limit: 10 })
        const page = await fresh.call('figures.page', { filter: { metric }, offset, limit })
        const whole = queries.ordered({ metric })
        expect(page.total).toBe(whole.length)
        expect(page.items.map((e) => e.annotation.id)).toEqual(ids(whole.slice(offset, offset + limit)))
      }
  })
})
