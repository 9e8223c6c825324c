// The catalog's counts written when annotation saves pause (annotation-quiet.ts): when the wait ends (fake
// clock), and a real archive's bucket write that waits, joined by later puts to the same bucket.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { MAX_WAIT_MS, QUIET_MS, SaveQuiet } from './annotation-quiet'
import { Archive } from './archive'
import { bucketOf } from './ids'

describe('SaveQuiet', () => {
  afterEach(() => vi.useRealTimers())

  it('lets a wait go at once when no save ran, and QUIET_MS after the last save otherwise', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const quiet = new SaveQuiet()
    let done = false
    await quiet.wait()
    let finish = () => {}
    const save = quiet.during(() => new Promise<void>((r) => (finish = r)))
    void quiet.wait().then(() => (done = true))
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS / 2)
    expect(done).toBe(false) // a save is under way
    finish()
    await save
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toBe(true)
  })

  it('never waits longer than MAX_WAIT_MS while saves keep coming', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const quiet = new SaveQuiet()
    await quiet.during(async () => {})
    let done = false
    void quiet.wait().then(() => (done = true))
    for (let t = 0; t < MAX_WAIT_MS - QUIET_MS; t += QUIET_MS / 2) {
      await quiet.during(async () => {})
      await vi.advanceTimersByTimeAsync(QUIET_MS / 2)
      expect(done).toBe(false)
    }
    await vi.advanceTimersByTimeAsync(QUIET_MS)
    expect(done).toBe(true)
  })
})

describe("a catalog bucket's write that waits", () => {
  it('starts when the wait ends, once for the puts to the bucket meanwhile, with what memory holds then', async () => {
    const dir = await tempDir()
    const archive = await Archive.open(dir)
    const a = await archive.createArticle({ title: 'One', text: 'First text.', source: 'Wire', tags: [] })
    await archive.flush()
    const file = join(dir, 'catalog', `${bucketOf(a.id)}.json`)
    const onDisk = async () =>
      (JSON.parse(await readFile(file, 'utf8')) as { articles: Record<string, { title: string }> }).articles

    let release = () => {}
    const gate = new Promise<void>((r) => (release = r))
    let waits = 0
    const wait = () => {
      waits++
      return gate
    }
    const first = archive.catalog.put({ ...archive.meta(a.id), title: 'One, renamed' }, wait)
    const second = archive.catalog.put({ ...archive.meta(a.id), title: 'One, renamed again' }, wait)
    // In memory at once; on disk not yet.
    expect(archive.meta(a.id).title).toBe('One, renamed again')
    await new Promise((r) => setTimeout(r, 50))
    expect((await onDisk())[a.id].title).toBe('One')
    release()
    await Promise.all([first, second])
    expect(waits).toBe(1)
    expect((await onDisk())[a.id].title).toBe('One, renamed again')
  })

  it("an annotation save's counts reach the bucket file by the archive's flush", async () => {
    const dir = await tempDir()
    const archive = await Archive.open(dir)
    const meta = await archive.createArticle({
      title: 'Counts',
      text: 'Some text to mark.',
      source: 'Wire',
      tags: [],
    })
    const stamp = new Date().toISOString()
    for (let i = 0; i < 5; i++)
      await archive.changeAnnotations(meta.id, (list) =>
        list.push({
          id: `q${i}`,
          articleId: meta.id,
          kind: 'highlight',
          color: 'yellow',
          note: '',
          tags: [],
          target: sampleTarget('Some text to mark.', 'Some'),
          createdAt: stamp,
          updatedAt: stamp,
        }),
      )
    await archive.flush()
    const file = join(dir, 'catalog', `${bucketOf(meta.id)}.json`)
    const entry = (JSON.parse(await readFile(file, 'utf8')) as { articles: Record<string, unknown> })
      .articles[meta.id] as { counts: { highlights: number } }
    expect(entry.counts.highlights).toBe(5)
  })
})
