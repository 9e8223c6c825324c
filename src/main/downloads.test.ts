// Tests (Node): export.download on a real archive — the export streamed to a file in the private download
// folder, offered once by a ticket (downloads.ts); per-article Markdown as one zip, and no download where there
// is no download folder (the desktop app).
import { readFile, readdir, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { serviceHarness } from '../../test/service-harness'
import { sampleTarget } from '../../test/temp-archive'
import { Downloads } from './downloads'

const TEXT = 'The port handled 4,200 containers in March, said the authority; crews were tired.'
const opened: Downloads[] = []
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close()
})

async function fixture() {
  const downloads = new Downloads()
  opened.push(downloads)
  const h = await serviceHarness(undefined, { downloads })
  const a = await h.call('articles.create', { title: 'Port', text: TEXT, tags: ['port'] })
  await h.call('annotations.create', {
    articleId: a.id,
    target: sampleTarget(TEXT, '4,200 containers'),
    note: 'monthly',
    figure: { value: 4200, unit: 'containers', metric: 'port/containers' },
  })
  return { ...h, downloads }
}

describe('export.download', () => {
  it('streams the export to a private file, offered once by a ticket, with the bytes export.run gives', async () => {
    const h = await fixture()
    const offered = await h.call('export.download', {
      format: 'figures-csv',
      scope: {},
      options: { bom: true },
    })
    expect(offered).toMatchObject({ name: 'figures.csv', mime: 'text/csv; charset=utf-8' })
    const ticket = /^\/download\/([A-Za-z0-9_-]{32})$/.exec(offered.url)![1]
    const file = h.downloads.take(ticket)!
    expect(file.bytes).toBe(offered.bytes)
    // A private folder outside the archive, only its owner may read it.
    expect(dirname(file.file).startsWith(h.dir)).toBe(false)
    expect((await stat(dirname(file.file))).mode & 0o077).toBe(0)
    const [whole] = await h.call('export.run', { format: 'figures-csv', scope: {}, options: { bom: true } })
    // generatedAt is not in a CSV: the same bytes.
    expect(await readFile(file.file, 'utf8')).toBe(whole.content)
    // Spent: a second take finds nothing; a made-up or malformed ticket neither.
    expect(h.downloads.take(ticket)).toBeUndefined()
    expect(h.downloads.take('A'.repeat(32))).toBeUndefined()
    expect(h.downloads.take('../../x')).toBeUndefined()
  })

  it('offers per-article Markdown as one zip and by-tag Markdown as its file; a refused export leaves no file', async () => {
    const h = await fixture()
    // Markdown in each of its layouts is one download (markdown-stream.test.ts reads their contents).
    const zip = await h.call('export.download', {
      format: 'markdown',
      scope: {},
      options: { layout: 'per-article' },
    })
    expect(zip).toMatchObject({ name: 'notes.zip', mime: 'application/zip' })
    const byTag = await h.call('export.download', {
      format: 'markdown',
      scope: {},
      options: { groupBy: 'tag' },
    })
    expect(byTag).toMatchObject({ name: 'notes-by-tag.md', mime: 'text/markdown; charset=utf-8' })
    for (const offered of [zip, byTag])
      await h.downloads.discard(h.downloads.take(offered.url.split('/').pop()!)!.file)
    // An unknown article is refused by its code, and its half-made file removed.
    const made = await h.call('export.download', { format: 'markdown', scope: {} })
    const folder = dirname(h.downloads.take(made.url.split('/').pop()!)!.file)
    await expect(
      h.call('export.download', { format: 'markdown', scope: { articleIds: ['nosuch1'] } }),
    ).rejects.toMatchObject({ code: 'not_found' })
    expect(await readdir(folder)).toEqual(['3-notes.md'])
  })

  it('is refused where there is no download folder (the desktop app saves exports itself)', async () => {
    const h = await serviceHarness()
    await expect(h.call('export.download', { format: 'figures-csv', scope: {} })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/browser mode/),
    })
  })

  it('keeps at most eight files waiting: a ninth retires the oldest, whose file goes', async () => {
    const h = await fixture()
    const urls: string[] = []
    for (let n = 0; n < 9; n++)
      urls.push((await h.call('export.download', { format: 'figures-csv', scope: {} })).url)
    const ticket = (url: string) => url.split('/').pop()!
    expect(h.downloads.take(ticket(urls[0]))).toBeUndefined()
    const last = h.downloads.take(ticket(urls[8]))!
    await expect(stat(last.file)).resolves.toBeTruthy()
    // The first one's file is removed with its ticket.
    await expect
      .poll(async () => (await readdir(dirname(last.file))).some((n) => n.startsWith('1-')))
      .toBe(false)
  })
})
