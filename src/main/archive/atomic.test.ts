// Tests (Node): writeAtomic on real files: whole writes, one at a time per file with the newest data last, no
// temp file left behind, and a failed write that leaves the old file as it was.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import { writeAtomic } from './atomic'

describe('writeAtomic', () => {
  it.each([
    ['text, as UTF-8', 'Київ — 1 200 дронів', 'Київ — 1 200 дронів'],
    ['bytes', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), '\u0089PNG'],
  ])('writes %s whole and leaves only the file', async (_, data, expected) => {
    const dir = await tempDir()
    const file = join(dir, 'a.json')
    await writeFile(file, 'old contents, longer than the new ones')
    await writeAtomic(file, data)
    expect(await readFile(file, typeof data === 'string' ? 'utf8' : 'latin1')).toBe(expected)
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('runs writes to one file in order: every caller settles and the last data called is on disk', async () => {
    const dir = await tempDir()
    const file = join(dir, 'journal.json')
    // Sizes vary so that, written side by side, a short late write would finish before a long early one.
    const writes = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({ i, pad: 'x'.repeat(((i * 7919) % 40) * 4096) }),
    )
    await Promise.all(writes.map((data) => writeAtomic(file, data)))
    expect(JSON.parse(await readFile(file, 'utf8')).i).toBe(39)
    expect(await readdir(dir)).toEqual(['journal.json'])
  })

  it('writes two files side by side without mixing them', async () => {
    const dir = await tempDir()
    const names = ['a', 'b', 'c'].map((n) => join(dir, `${n}.json`))
    await Promise.all(names.flatMap((f) => [1, 2, 3].map((v) => writeAtomic(f, `${f}:${v}`))))
    for (const f of names) expect(await readFile(f, 'utf8')).toBe(`${f}:3`)
  })

  it('rejects a write it cannot finish, keeps the old file, cleans its temp file and goes on writing', async () => {
    const dir = await tempDir()
    const target = join(dir, 'taken')
    await mkdir(target)
    await writeFile(join(target, 'inside'), 'kept')
    // Renaming a file over a folder that holds something fails on every platform.
    await expect(writeAtomic(target, 'new')).rejects.toMatchObject({ code: expect.any(String) })
    expect(await readdir(dir)).toEqual(['taken'])
    expect(await readFile(join(target, 'inside'), 'utf8')).toBe('kept')
    await expect(writeAtomic(join(dir, 'missing', 'x.json'), '{}')).rejects.toMatchObject({ code: 'ENOENT' })
    await writeAtomic(join(dir, 'next.json'), '{}')
    expect(await readFile(join(dir, 'next.json'), 'utf8')).toBe('{}')
  })

  it('writes lines as they are produced, each ending in a newline', async () => {
    const dir = await tempDir()
    const file = join(dir, 'index.json')
    await writeFile(file, 'old')
    const taken: number[] = []
    function* lines(): Generator<string> {
      for (let i = 0; i < 3; i++) {
        taken.push(i)
        yield `line ${i} — ї`
      }
    }
    const produced = lines()
    expect(taken).toEqual([]) // nothing is read before the write starts
    await writeAtomic(file, { lines: produced })
    expect(await readFile(file, 'utf8')).toBe('line 0 — ї\nline 1 — ї\nline 2 — ї\n')
    expect(await readdir(dir)).toEqual(['index.json'])
  })

  it('keeps the old file when the lines stop with an error halfway, and leaves no temp file', async () => {
    const dir = await tempDir()
    const file = join(dir, 'index.json')
    await writeFile(file, 'old')
    function* lines(): Generator<string> {
      yield 'first'
      throw new Error('the index changed while it was written')
    }
    await expect(writeAtomic(file, { lines: lines() })).rejects.toThrow('the index changed')
    expect(await readFile(file, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['index.json'])
  })
})
