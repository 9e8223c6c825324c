// Tests (Node): writeAtomic through a worker thread (atomic-thread.ts) on real files — the same whole writes,
// order per file, refusals with their codes and no temp file left as through the thread pool, and the write
// finishing while this thread is blocked (what makes it one round trip: the pool's five steps each need this
// thread between them).
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import { writeAtomic } from './atomic'
import { stopWriters } from './atomic-thread'
import type { WriterThread } from './atomic-thread'

/** Blocks this thread until `done()` or the bound; whether it came true. */
function blockUntil(done: () => boolean, boundMs: number): boolean {
  const until = Date.now() + boundMs
  while (Date.now() < until) if (done()) return true
  return done()
}

describe.each<WriterThread>(['save', 'after'])('writeAtomic in the %s thread', (thread) => {
  it('writes text and bytes whole and leaves only the file', async () => {
    const dir = await tempDir()
    const file = join(dir, 'a.json')
    await writeFile(file, 'old contents, longer than the new ones')
    await writeAtomic(file, 'Київ — 1 200 дронів', { thread })
    expect(await readFile(file, 'utf8')).toBe('Київ — 1 200 дронів')
    await writeAtomic(file, new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { thread })
    expect(await readFile(file, 'latin1')).toBe('\u0089PNG')
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('finishes the write while this thread is blocked', async () => {
    const dir = await tempDir()
    const file = join(dir, 'annotations.json')
    await writeFile(file, '{"old":true}')
    // Started once, so the worker's own start is not what is waited for below.
    await writeAtomic(file, '{"warm":true}', { thread })
    const written = writeAtomic(file, '{"new":true}', { thread })
    const landed = blockUntil(() => existsSync(file) && readFileSync(file, 'utf8') === '{"new":true}', 10_000)
    await written
    expect(landed).toBe(true)
  })

  it('runs writes to one file in order, the last data called on disk', async () => {
    const dir = await tempDir()
    const file = join(dir, 'journal.json')
    const writes = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({ i, pad: 'x'.repeat(((i * 7919) % 40) * 4096) }),
    )
    await Promise.all(writes.map((data) => writeAtomic(file, data, { thread })))
    expect(JSON.parse(await readFile(file, 'utf8')).i).toBe(39)
    expect(await readdir(dir)).toEqual(['journal.json'])
  })

  it('rejects a write it cannot finish with the call’s code, keeps the old file and goes on writing', async () => {
    const dir = await tempDir()
    const target = join(dir, 'taken')
    await mkdir(target)
    await writeFile(join(target, 'inside'), 'kept')
    await expect(writeAtomic(target, 'new', { thread })).rejects.toMatchObject({ code: expect.any(String) })
    expect(await readdir(dir)).toEqual(['taken'])
    expect(await readFile(join(target, 'inside'), 'utf8')).toBe('kept')
    await expect(writeAtomic(join(dir, 'missing', 'x.json'), '{}', { thread })).rejects.toMatchObject({
      code: 'ENOENT',
    })
    await writeAtomic(join(dir, 'next.json'), '{}', { thread })
    expect(await readFile(join(dir, 'next.json'), 'utf8')).toBe('{}')
  })
})

describe('writeAtomic when its thread stops', () => {
  it('finishes every write through the thread pool, each file whole and no temp file left', async () => {
    const dir = await tempDir()
    const files = Array.from({ length: 20 }, (_, i) => join(dir, `f${i}.json`))
    await writeAtomic(files[0], 'warm', { thread: 'save' })
    const writes = files.map((f, i) => writeAtomic(f, `{"i":${i}}`, { thread: 'save' }))
    await stopWriters()
    await Promise.all(writes)
    for (const [i, f] of files.entries()) expect(await readFile(f, 'utf8')).toBe(`{"i":${i}}`)
    expect((await readdir(dir)).sort()).toEqual(files.map((f) => f.slice(dir.length + 1)).sort())
    // And the next write starts a thread again.
    await writeAtomic(files[0], 'again', { thread: 'save' })
    expect(await readFile(files[0], 'utf8')).toBe('again')
  })
})
