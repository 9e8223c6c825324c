// Tests (Node): the archive's bulk mode on real archives on disk — WriteBatch (many files at once, each atomic),
// Archive.bulk (catalog buckets written once at the end, in the format every write uses), and the archive it
// leaves passing the archive's own checks when opened again as the app opens it.
import { mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import type { Annotation } from '../../shared/types'
import { Archive } from './archive'
import { WriteBatch, writeAtomic } from './atomic'
import { articleFile, bucketOf } from './ids'
import { CURRENT_VERSION } from './migrations'
import { scanForDamage } from './scan'

const TEXT = 'The council approved 1,200 new homes.\n\nBuilding starts in 2027, the mayor said.'

function note(articleId: string, n: number): Annotation {
  const stamp = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString()
  return {
    id: `bulk${n.toString(16).padStart(8, '0')}`,
    articleId,
    kind: n % 5 === 0 ? 'figure' : 'highlight',
    color: 'yellow',
    note: n % 3 === 0 ? `note ${n}` : '',
    tags: n % 2 ? ['housing'] : [],
    target: sampleTarget(TEXT, n % 5 === 0 ? '1,200' : 'new homes'),
    ...(n % 5 === 0 ? { figure: { value: 1200, metric: 'housing/count', unit: 'homes' } } : {}),
    createdAt: stamp,
    updatedAt: stamp,
  }
}

async function catalogFiles(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'catalog'))).filter((n) => n.endsWith('.json'))
}

describe('WriteBatch', () => {
  it('writes many files at once, each whole, and leaves no temp file', async () => {
    const dir = await tempDir()
    const batch = new WriteBatch()
    const files = Array.from({ length: 300 }, (_, i) => join(dir, `f${i}.json`))
    await Promise.all(files.map((f, i) => batch.write(f, `{"i":${i},"pad":"${'x'.repeat(i * 13)}"}`)))
    for (const [i, f] of files.entries()) expect(JSON.parse(await readFile(f, 'utf8')).i).toBe(i)
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('keeps the last data given for a file, and plain writes given meanwhile go after the batch', async () => {
    const dir = await tempDir()
    const batch = new WriteBatch()
    const file = join(dir, 'a.json')
    const first = batch.write(file, 'one')
    const second = batch.write(file, 'two')
    // Given while the batch holds the file: written after it, so it is what stays.
    const plain = writeAtomic(file, 'three')
    await Promise.all([first, second, plain])
    expect(await readFile(file, 'utf8')).toBe('three')
    await batch.write(file, 'four')
    expect(await readFile(file, 'utf8')).toBe('four')
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('fails only the write that cannot be made', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'here'))
    const batch = new WriteBatch()
    const good = batch.write(join(dir, 'here', 'ok.json'), 'ok')
    const bad = batch.write(join(dir, 'missing', 'no.json'), 'no')
    await expect(bad).rejects.toThrow()
    await good
    expect(await readFile(join(dir, 'here', 'ok.json'), 'utf8')).toBe('ok')
  })
})

describe('Archive.bulk', () => {
  it('writes each catalog bucket once at the end, in the format every write uses, and the archive passes its checks', async () => {
    const dir = await tempDir()
    const archive = await Archive.open(dir)
    const made: { id: string; notes: number }[] = []
    let bucketsDuring: string[] = []
    await archive.bulk(async () => {
      let next = 0
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < 300) {
            const i = next++
            const meta = await archive.createArticle({
              title: `Council vote ${i}`,
              text: TEXT,
              html: `<p>${TEXT.split('\n\n').join('</p><p>')}</p>`,
              source: i % 2 ? 'Valley Courier' : 'Harbour Post',
              tags: i % 3 ? ['housing'] : [],
            })
            const notes = i % 7
            await archive.changeAnnotations(meta.id, (list) => {
              for (let n = 0; n < notes; n++) list.push(note(meta.id, i * 10 + n))
            })
            made.push({ id: meta.id, notes })
          }
        }),
      )
      // Every article and annotation is written; the catalog is not, yet.
      bucketsDuring = await catalogFiles(dir)
    })
    expect(bucketsDuring).toEqual([])
    const buckets = new Set(made.map((m) => bucketOf(m.id)))
    expect((await catalogFiles(dir)).length).toBe(buckets.size)

    // Written as every write writes them: JSON.stringify of the file's data, at the current schema versions.
    for (const name of await catalogFiles(dir)) {
      const text = await readFile(join(dir, 'catalog', name), 'utf8')
      const data = JSON.parse(text) as { version: number }
      expect(JSON.stringify(data)).toBe(text)
      expect(data.version).toBe(CURRENT_VERSION.catalog)
    }
    const one = made[0].id
    const body = await readFile(articleFile(dir, 'bodies', one), 'utf8')
    expect(JSON.parse(body)).toMatchObject({ version: CURRENT_VERSION.body, id: one, text: TEXT })

    // Opened again as the app opens it: every entry through the schema, the startup scan, every body.
    const again = await Archive.open(dir)
    expect(again.list()).toHaveLength(300)
    expect(again.problems).toEqual([])
    const changes = again.catalog.changes
    expect(await scanForDamage(again)).toBe(0)
    expect(again.catalog.changes).toBe(changes)
    for (const { id, notes } of made) {
      const meta = again.meta(id)
      expect(meta.counts.highlights + meta.counts.figures).toBe(notes)
      expect((await again.listAnnotations(id)).length).toBe(notes)
      expect((await again.getArticle(id)).text).toBe(TEXT)
    }
    expect(again.problems).toEqual([])
  })

  it('keeps every change when many are made to one article at once', async () => {
    const dir = await tempDir()
    const archive = await Archive.open(dir)
    const { id } = await archive.createArticle({ title: 'Vote', text: TEXT, source: 'Wire', tags: [] })
    await archive.bulk(() =>
      Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          archive.changeAnnotations(id, (list) => void list.push(note(id, n))),
        ),
      ),
    )
    // Each change was written and its file let go; the next one read it again: none lost.
    expect(await archive.listAnnotations(id)).toHaveLength(40)
    const again = await Archive.open(dir)
    expect((await again.listAnnotations(id)).map((a) => a.id).sort()).toEqual(
      Array.from({ length: 40 }, (_, n) => note(id, n).id).sort(),
    )
    expect(again.meta(id).counts.highlights + again.meta(id).counts.figures).toBe(40)
  })

  it('writes a bucket at once when an article is deleted in bulk mode, so no entry names removed files', async () => {
    const dir = await tempDir()
    const archive = await Archive.open(dir)
    let onDisk: Record<string, unknown> = {}
    let gone = ''
    await archive.bulk(async () => {
      const kept = await archive.createArticle({ title: 'Kept', text: TEXT, source: 'Wire', tags: [] })
      const meta = await archive.createArticle({
        title: 'Deleted',
        text: `${TEXT} Again.`,
        source: 'Wire',
        tags: [],
      })
      gone = meta.id
      await archive.deleteArticle(meta.id)
      const file = join(dir, 'catalog', `${bucketOf(meta.id)}.json`)
      onDisk = (JSON.parse(await readFile(file, 'utf8')) as { articles: Record<string, unknown> }).articles
      expect(Object.keys(onDisk)).not.toContain(meta.id)
      if (bucketOf(kept.id) === bucketOf(meta.id)) expect(Object.keys(onDisk)).toContain(kept.id)
    })
    const again = await Archive.open(dir)
    expect(again.list().map((m) => m.title)).toEqual(['Kept'])
    expect(again.catalog.has(gone)).toBe(false)
    expect(again.problems).toEqual([])
  })
})
