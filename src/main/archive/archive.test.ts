import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import type { Annotation } from '../../shared/types'
import { Archive } from './archive'
import { bucketOf } from './ids'
import { scanForDamage } from './scan'

const TEXT =
  'In total there were 500 missile and drone strikes.\n\nUkraine was able to repulse 70% on average.'

async function withArticle() {
  const dir = await tempDir()
  const archive = await Archive.open(dir)
  const meta = await archive.createArticle({
    title: 'Strikes',
    text: TEXT,
    source: 'Test Wire',
    tags: ['war'],
  })
  return { dir, archive, meta }
}

function highlight(
  articleId: string,
  exact: string,
  id = `a${Math.random().toString(16).slice(2, 10)}`,
): Annotation {
  const stamp = new Date().toISOString()
  return {
    id,
    articleId,
    kind: 'highlight',
    color: 'yellow',
    note: '',
    tags: ['x'],
    target: sampleTarget(TEXT, exact),
    createdAt: stamp,
    updatedAt: stamp,
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name).slice(dir.length + 1))
  }
  return out.sort()
}

describe('Archive', () => {
  it('creates, lists and reloads articles from disk', async () => {
    const { dir, meta } = await withArticle()
    const reopened = await Archive.open(dir)
    expect(reopened.list().map((a) => a.title)).toEqual(['Strikes'])
    const article = await reopened.getArticle(meta.id)
    expect(article.text).toBe(TEXT)
    expect(article.source).toBe('Test Wire')
    expect(article.tags).toEqual(['war'])
  })

  it('keeps every article created at once, even several in one new catalog bucket', async () => {
    const dir = await tempDir()
    const archive = await Archive.open(dir)
    const created = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        archive.createArticle({ title: `A${i}`, text: `Text number ${i}.`, tags: [] }),
      ),
    )
    expect(new Set(created.map((m) => bucketOf(m.id))).size).toBeLessThan(300) // some share a bucket
    expect((await Archive.open(dir)).list()).toHaveLength(300)
  })

  it('finds duplicates by text and by canonical URL, and forgets deleted ones', async () => {
    const { archive, meta, dir } = await withArticle()
    expect(archive.findDuplicate({ text: `  ${TEXT.replace(/ /g, '  ')} ` })?.id).toBe(meta.id)
    // Opened again: the lookup is made from the catalog as loaded, on the first check.
    await archive.flush()
    expect((await Archive.open(dir)).findDuplicate({ text: TEXT })?.id).toBe(meta.id)
    const other = await archive.createArticle({
      title: 'B',
      text: 'Different text.',
      canonicalUrl: 'https://example.com/b',
      tags: [],
    })
    expect(archive.findDuplicate({ text: 'unrelated', canonicalUrl: 'https://example.com/b' })?.id).toBe(
      other.id,
    )
    await archive.deleteArticle(other.id)
    expect(archive.findDuplicate({ text: 'Different text.' })).toBeUndefined()
  })

  it('seeds a new folder once and never again', async () => {
    const dir = await tempDir()
    let seeded = 0
    const seed = async (a: Archive) => {
      seeded++
      await a.createArticle({ title: 'Sample', text: 'A sample with 3 figures.', tags: [] })
    }
    await Archive.open(dir, { seed })
    await Archive.open(dir, { seed })
    expect(seeded).toBe(1)
    expect((await Archive.open(dir)).list()).toHaveLength(1)
  })

  it('refuses a folder that has files but is not an archive', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'notes.txt'), 'mine')
    await expect(Archive.open(dir)).rejects.toThrow(/not a Glossa archive/)
  })

  it('saves annotations and keeps the article counts in the catalog', async () => {
    const { dir, archive, meta } = await withArticle()
    await archive.changeAnnotations(meta.id, (list) =>
      list.push(highlight(meta.id, '500 missile and drone strikes')),
    )
    await archive.changeAnnotations(meta.id, (list) =>
      list.push({
        ...highlight(meta.id, '70%'),
        kind: 'figure',
        note: 'avg',
        figure: { value: 70, unit: '%', metric: 'strikes/repelled-share' },
      }),
    )
    const reopened = await Archive.open(dir)
    expect((await reopened.listAnnotations(meta.id)).map((a) => a.target.quote.exact)).toEqual([
      '500 missile and drone strikes',
      '70%',
    ])
    expect(reopened.meta(meta.id).counts).toEqual({ highlights: 1, figures: 1, notes: 1 })
    expect(reopened.meta(meta.id).annotationTags).toEqual({ x: 2, 'strikes/repelled-share': 1 })
  })

  it('writes only the annotation file and one catalog bucket when saving an annotation', async () => {
    const dir = await tempDir()
    const archive = await Archive.open(dir)
    const metas = []
    for (let i = 0; i < 30; i++)
      metas.push(await archive.createArticle({ title: `Article ${i}`, text: `${TEXT} ${i}`, tags: [] }))
    const target = metas[7]
    const before = new Map<string, number>()
    for (const f of await listFiles(dir)) before.set(f, (await stat(join(dir, f))).mtimeMs)
    await new Promise((r) => setTimeout(r, 20))
    await archive.changeAnnotations(target.id, (list) => list.push(highlight(target.id, '70%')))
    await archive.flush()
    const changed: string[] = []
    for (const f of await listFiles(dir))
      if (before.get(f) !== (await stat(join(dir, f))).mtimeMs) changed.push(f)
    expect(changed.sort()).toEqual(
      [`annotations/${target.id}.json`, `catalog/${bucketOf(target.id)}.json`].sort(),
    )
  })

  it('serializes concurrent saves: every acknowledged annotation is on disk, no temp file is left', async () => {
    const { dir, archive, meta } = await withArticle()
    const ids = Array.from({ length: 40 }, (_, i) => `c${String(i).padStart(4, '0')}`)
    await Promise.all(
      ids.map((id) => archive.changeAnnotations(meta.id, (list) => list.push(highlight(meta.id, '70%', id)))),
    )
    // Acknowledged means on disk: read the annotations file before anything else is flushed.
    const raw = JSON.parse(await readFile(join(dir, 'annotations', `${meta.id}.json`), 'utf8'))
    expect(raw.version).toBe(1)
    expect(raw.annotations.map((a: Annotation) => a.id).sort()).toEqual(ids)
    await archive.flush()
    expect((await listFiles(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('puts right catalog counts that a crash between the two writes left stale', async () => {
    const { dir, archive, meta } = await withArticle()
    await archive.changeAnnotations(meta.id, (list) => list.push(highlight(meta.id, '70%')))
    // The catalog bucket is written after the save is acknowledged: wait for it, as a clean close would.
    await archive.flush()
    // As if the process died after writing the annotations file but before the catalog bucket.
    const file = join(dir, 'annotations', `${meta.id}.json`)
    const raw = JSON.parse(await readFile(file, 'utf8'))
    raw.annotations.push({ ...highlight(meta.id, '500 missile and drone strikes'), note: 'late' })
    await writeFile(file, JSON.stringify(raw))
    const reopened = await Archive.open(dir)
    expect(reopened.meta(meta.id).counts).toEqual({ highlights: 1, figures: 0, notes: 0 })
    await scanForDamage(reopened)
    expect(reopened.meta(meta.id).counts).toEqual({ highlights: 2, figures: 0, notes: 1 })
    await reopened.flush()
    expect((await Archive.open(dir)).meta(meta.id).counts.highlights).toBe(2)
  })

  it('ignores a half-written temp file left by a crash', async () => {
    const { dir, meta } = await withArticle()
    const bucket = bucketOf(meta.id)
    await writeFile(join(dir, 'catalog', `.${bucket}.json.tmp`), '{"version":1,"articles":{"tru')
    const reopened = await Archive.open(dir)
    expect(reopened.list().map((a) => a.id)).toEqual([meta.id])
    expect(reopened.problems).toEqual([])
  })

  it('reports a corrupt catalog bucket by name, keeps the rest, and never overwrites it', async () => {
    const { dir, meta } = await withArticle()
    const file = join(dir, 'catalog', `${bucketOf(meta.id)}.json`)
    await writeFile(file, '{"version":1,"articles":{"trunc')
    const reopened = await Archive.open(dir)
    expect(reopened.problems).toHaveLength(1)
    expect(reopened.problems[0].message).toContain(`catalog/${bucketOf(meta.id)}.json is not valid JSON`)
    expect(reopened.list()).toEqual([])
    const other = await reopened.createArticle({
      title: 'Other',
      text: 'Fresh text with 12 figures.',
      tags: [],
    })
    expect(bucketOf(other.id)).not.toBe(bucketOf(meta.id))
    await expect(reopened.updateArticle(meta.id, { title: 'x' })).rejects.toMatchObject({ code: 'not_found' })
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"articles":{"trunc')
  })

  it('reports a corrupt annotations file by name and refuses to write over it', async () => {
    const { dir, archive, meta } = await withArticle()
    const file = join(dir, 'annotations', `${meta.id}.json`)
    await archive.changeAnnotations(meta.id, (list) => list.push(highlight(meta.id, '70%')))
    await writeFile(file, 'not json at all')
    const reopened = await Archive.open(dir)
    await expect(reopened.listAnnotations(meta.id)).rejects.toMatchObject({
      code: 'corrupt_file',
      message: expect.stringContaining(`annotations/${meta.id}.json`),
    })
    await expect(
      reopened.changeAnnotations(meta.id, (list) => list.push(highlight(meta.id, '70%'))),
    ).rejects.toMatchObject({ code: 'corrupt_file' })
    expect(await readFile(file, 'utf8')).toBe('not json at all')
  })

  it('refuses files written by a newer Glossa instead of guessing', async () => {
    const { dir, meta } = await withArticle()
    await writeFile(
      join(dir, 'annotations', `${meta.id}.json`),
      JSON.stringify({ version: 99, articleId: meta.id, annotations: [] }),
    )
    const reopened = await Archive.open(dir)
    await expect(reopened.listAnnotations(meta.id)).rejects.toMatchObject({
      code: 'read_only',
      message: expect.stringContaining('newer Glossa'),
    })
  })

  it('deletes an article into the trash and restores it with its annotations', async () => {
    const { dir, archive, meta } = await withArticle()
    await archive.changeAnnotations(meta.id, (list) => list.push(highlight(meta.id, '70%')))
    await archive.deleteArticle(meta.id)
    expect((await listFiles(dir)).filter((f) => f.includes(meta.id))).toEqual([`trash/${meta.id}.json`])
    expect((await Archive.open(dir)).list()).toEqual([])
    await expect(archive.getArticle(meta.id)).rejects.toMatchObject({ code: 'not_found' })

    await archive.restoreArticle(meta.id)
    const reopened = await Archive.open(dir)
    expect((await reopened.getArticle(meta.id)).text).toBe(TEXT)
    expect((await reopened.listAnnotations(meta.id)).map((a) => a.target.quote.exact)).toEqual(['70%'])
    expect(reopened.meta(meta.id).counts.highlights).toBe(1)
    expect((await listFiles(dir)).some((f) => f.startsWith('trash/'))).toBe(false)
    await expect(reopened.restoreArticle(meta.id)).rejects.toMatchObject({ code: 'conflict' })
  })
})
