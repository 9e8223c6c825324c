// A save that cannot be written (a full disk; here a file-size limit on the process, which fails the write the
// same way) must say so and claim nothing: the archive answered the failure, but kept the unsaved note in
// memory, so the next list — a reload, another tab, the export — showed it as saved, the catalog's counts were
// written from it, and after a restart it was gone. A real archive on disk, a real child under `ulimit -f`.
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../service-harness'
import { sampleTarget } from '../temp-archive'
import { bundleChild } from './bundle-child'

const TEXT = 'The council approved 40 new buses on Tuesday for 12 million euros.'

describe('a save the disk cannot take', () => {
  it('fails, and the archive then shows what is on disk, never the unsaved note', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', { title: 'Buses', text: TEXT, tags: ['buses'] })
    const note = await h.call('annotations.create', {
      articleId: article.id,
      note: 'typed and saved',
      target: sampleTarget(TEXT, 'council'),
    })
    await h.archive.flush()
    // 400 coloured tags and 400 collections of long names: each file past the limit, as no real one needs to be.
    const names = Array.from({ length: 400 }, (_, i) => `${'long name '.repeat(10)}${i}`)
    await writeFile(
      join(h.dir, 'tags.json'),
      JSON.stringify({ version: 1, tags: Object.fromEntries(names.map((n) => [n, { color: 'green' }])) }),
    )
    await writeFile(
      join(h.dir, 'collections.json'),
      JSON.stringify({
        version: 1,
        collections: Object.fromEntries(
          names.map((n, i) => [
            `coll${String(i).padStart(4, '0')}`,
            { name: n, createdAt: '2026-01-01T00:00:00.000Z' },
          ]),
        ),
      }),
    )
    const child = await bundleChild('test/reliability/full-disk-child.ts')
    try {
      // 32 KB a file at most (16 KB where sh counts 512-byte blocks); the note alone is 90 KB, the 1,000 tags 40 KB, each file of colours and collections 50 KB.
      const { stdout } = await promisify(execFile)('sh', [
        '-c',
        `ulimit -f 32 && exec "${process.execPath}" "$@"`,
        'sh',
        child.file,
        h.dir,
        article.id,
        note.id,
        '90000',
      ])
      const seen = JSON.parse(stdout.trim().split('\n').pop()!) as {
        update: { ok: boolean; message: string }
        create: { ok: boolean }
        retag: { ok: boolean }
        notes: { ok: boolean; value: { note: string }[] }
        counts: { notes: number }
        tags: string[]
        color: { ok: boolean }
        collect: { ok: boolean }
        colors?: { color?: string }
        collections: number
        paste: { value: { status: string; message: string } }
        articles: number
      }
      expect(seen.update.ok).toBe(false)
      expect(seen.update.message).toMatch(
        /^The file is larger than this computer lets Glossa write: the change was not saved/,
      )
      expect(seen.create.ok).toBe(false)
      expect(seen.notes.value.map((n) => n.note)).toEqual(['typed and saved'])
      expect(seen.counts.notes).toBe(1)
      expect(seen.retag.ok).toBe(false)
      expect(seen.tags).toEqual(['buses'])
      expect([seen.color.ok, seen.collect.ok]).toEqual([false, false])
      expect(seen.colors).toBeUndefined()
      expect(seen.collections).toBe(400)
      expect(seen.paste.value).toMatchObject({ status: 'failed' })
      expect(seen.paste.value.message).toMatch(/^The file is larger than this computer lets Glossa write/)
      expect(seen.articles).toBe(1)
    } finally {
      await child.dispose()
    }
    // And on disk, opened again: the saved note, counted once.
    const again = await serviceHarness(h.dir)
    expect((await again.call('annotations.list', { articleId: article.id })).map((n) => n.note)).toEqual([
      'typed and saved',
    ])
    expect(again.archive.meta(article.id).counts.notes).toBe(1)
    expect(again.archive.meta(article.id).tags).toEqual(['buses'])
  }, 120_000)
})
