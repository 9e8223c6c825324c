// Tests (Node): every writer of atomic.ts flushes the target's folder after the rename and before the caller's
// promise settles (a power cut can otherwise undo an acknowledged rename), WriteBatch once a folder after all its
// renames; a folder that cannot be flushed fails the write, except EISDIR/EPERM on Windows. The file calls are
// the real ones on real files, recorded (and made to fail) through a wrapper of node:fs/promises. The worker
// thread's writes are checked on their system calls: test/reliability/folder-flush.test.ts.
import { mkdir, readFile } from 'node:fs/promises'
import type * as FsPromises from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import { WriteBatch, flushOwedFolders, writeAtomic, writeAtomicStreamed } from './atomic'

const { calls, faults } = vi.hoisted(() => ({
  /** What the writers did, in order: `open <path>`, `sync <path>`, `close <path>`, `rename <to>`, `settled <file>`. */
  calls: [] as string[],
  /** A folder's open or fsync made to fail with this code. */
  faults: new Map<string, { on: 'open' | 'sync'; code: string }>(),
}))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  const fail = (path: string, on: 'open' | 'sync') => {
    const fault = faults.get(path)
    if (fault?.on === on) throw Object.assign(new Error(`${on} failed (test)`), { code: fault.code })
  }
  const open = async (path: string, flags?: string) => {
    calls.push(`open ${path}`)
    fail(path, 'open')
    const handle = await real.open(path, flags)
    const { sync, close } = handle
    handle.sync = async () => {
      calls.push(`sync ${path}`)
      fail(path, 'sync')
      return sync.call(handle)
    }
    handle.close = async () => {
      calls.push(`close ${path}`)
      return close.call(handle)
    }
    return handle
  }
  const rename = async (from: string, to: string) => {
    calls.push(`rename ${to}`)
    return real.rename(from, to)
  }
  return { ...real, default: { ...real, open, rename }, open, rename }
})

const settled = (file: string, p: Promise<unknown>) =>
  p.then(
    () => void calls.push(`settled ${file}`),
    (err: unknown) => {
      calls.push(`settled ${file}`)
      throw err
    },
  )

let dir: string
beforeEach(async () => {
  dir = await tempDir()
  calls.length = 0
  faults.clear()
})

/** The calls from the target's rename to its promise settling. */
const afterRename = (file: string) => calls.slice(calls.indexOf(`rename ${file}`))

describe('the folder is flushed after the rename, before the write settles', () => {
  it('writeAtomic (the thread pool)', async () => {
    const file = join(dir, 'a.json')
    await settled(file, writeAtomic(file, '{"a":1}'))
    expect(afterRename(file)).toEqual([
      `rename ${file}`,
      `open ${dir}`,
      `sync ${dir}`,
      `close ${dir}`,
      `settled ${file}`,
    ])
    // The temp file was flushed before the rename, as before.
    expect(calls.findIndex((c) => c.startsWith('sync ') && c.endsWith('.tmp'))).toBeLessThan(
      calls.indexOf(`rename ${file}`),
    )
  })

  it('writeAtomic with lines (the search index)', async () => {
    const file = join(dir, 'index.jsonl')
    await settled(file, writeAtomic(file, { lines: ['a', 'b'] }))
    expect(afterRename(file)).toEqual([
      `rename ${file}`,
      `open ${dir}`,
      `sync ${dir}`,
      `close ${dir}`,
      `settled ${file}`,
    ])
    expect(await readFile(file, 'utf8')).toBe('a\nb\n')
  })

  it('writeAtomicStreamed (exports)', async () => {
    const file = join(dir, 'notes.md')
    async function* body() {
      yield 'body\n'
    }
    await settled(
      file,
      writeAtomicStreamed(file, body(), () => ({ head: 'head\n', tail: 'tail\n' })),
    )
    expect(afterRename(file).slice(0, 4)).toEqual([
      `rename ${file}`,
      `open ${dir}`,
      `sync ${dir}`,
      `close ${dir}`,
    ])
    expect(afterRename(file).indexOf(`settled ${file}`)).toBeGreaterThan(3)
    expect(await readFile(file, 'utf8')).toBe('head\nbody\ntail\n')
  })

  it('WriteBatch: each folder once, after all its renames, before any of its files settles', async () => {
    const one = join(dir, 'one')
    const two = join(dir, 'two')
    await Promise.all([mkdir(one), mkdir(two)])
    const files = [1, 2, 3].flatMap((i) => [join(one, `${i}.json`), join(two, `${i}.json`)])
    const batch = new WriteBatch()
    await Promise.all(files.map((f, i) => settled(f, batch.write(f, `{"i":${i}}`))))
    for (const folder of [one, two]) {
      const mine = files.filter((f) => f.startsWith(`${folder}/`))
      const flush = calls.indexOf(`sync ${folder}`)
      expect(calls.filter((c) => c === `sync ${folder}`)).toHaveLength(1)
      for (const f of mine) {
        expect(calls.indexOf(`rename ${f}`)).toBeLessThan(flush)
        expect(calls.indexOf(`settled ${f}`)).toBeGreaterThan(flush)
      }
    }
    for (const [i, f] of files.entries()) expect(await readFile(f, 'utf8')).toBe(`{"i":${i}}`)
  })
})

describe('folderLater: the folder flush owed, for files a power cut’s recovery derives again', () => {
  it('is not made by the write (its temp file still is), and is made once by flushOwedFolders', async () => {
    const file = join(dir, 'counts.json')
    await settled(file, writeAtomic(file, '{"a":1}', { folderLater: true }))
    await settled(file, writeAtomic(file, '{"a":2}', { folderLater: true }))
    expect(calls.filter((c) => c === `sync ${dir}`)).toEqual([])
    expect(calls.filter((c) => c.startsWith('sync ') && c.endsWith('.tmp'))).toHaveLength(2)
    await flushOwedFolders(dir)
    expect(calls.filter((c) => c === `sync ${dir}`)).toHaveLength(1)
    expect(calls.indexOf(`sync ${dir}`)).toBeGreaterThan(calls.lastIndexOf(`rename ${file}`))
    // Owed no more: a second call flushes nothing.
    await flushOwedFolders(dir)
    expect(calls.filter((c) => c === `sync ${dir}`)).toHaveLength(1)
    expect(await readFile(file, 'utf8')).toBe('{"a":2}')
  })

  it('two writes folded into one are flushed when either caller needs it', async () => {
    const file = join(dir, 'bucket.json')
    const first = settled(file, writeAtomic(file, '{"n":1}', { folderLater: true }))
    // Both wait while the first runs, and are folded into one write of the newer data.
    const needed = writeAtomic(file, '{"n":2}')
    const later = writeAtomic(file, '{"n":3}', { folderLater: true })
    await Promise.all([first, settled(file, needed), later])
    expect(calls.filter((c) => c.startsWith('rename '))).toHaveLength(2)
    const flush = calls.indexOf(`sync ${dir}`)
    expect(flush).toBeGreaterThan(calls.lastIndexOf(`rename ${file}`))
    expect(calls.lastIndexOf(`settled ${file}`)).toBeGreaterThan(flush)
    expect(await readFile(file, 'utf8')).toBe('{"n":3}')
  })
})

describe('a folder that cannot be flushed', () => {
  it.each([
    ['open', 'EACCES'],
    ['sync', 'EIO'],
  ] as const)('fails the write (%s: %s), and the next write to that folder goes on', async (on, code) => {
    const file = join(dir, 'a.json')
    faults.set(dir, { on, code })
    await expect(writeAtomic(file, '{"a":1}')).rejects.toMatchObject({ code })
    faults.clear()
    await writeAtomic(file, '{"a":2}')
    expect(await readFile(file, 'utf8')).toBe('{"a":2}')
  })

  it('fails every file of a batch in that folder, and only those', async () => {
    const bad = join(dir, 'bad')
    const good = join(dir, 'good')
    await Promise.all([mkdir(bad), mkdir(good)])
    faults.set(bad, { on: 'sync', code: 'EIO' })
    const batch = new WriteBatch()
    const results = await Promise.allSettled(
      [join(bad, 'a.json'), join(good, 'a.json'), join(bad, 'b.json')].map((f) => batch.write(f, '{}')),
    )
    expect(
      results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok')),
    ).toEqual(['EIO', 'ok', 'EIO'])
  })

  it.each(['EISDIR', 'EPERM'])(
    'on Windows, %s from the folder is ignored (the rename stands)',
    async (code) => {
      const platform = Object.getOwnPropertyDescriptor(process, 'platform')!
      Object.defineProperty(process, 'platform', { value: 'win32' })
      try {
        const file = join(dir, 'a.json')
        faults.set(dir, { on: 'open', code })
        await writeAtomic(file, '{"a":1}')
        faults.set(dir, { on: 'sync', code })
        await writeAtomic(file, '{"a":2}')
        expect(await readFile(file, 'utf8')).toBe('{"a":2}')
        // Only those two: any other failure is still the write's.
        faults.set(dir, { on: 'sync', code: 'EIO' })
        await expect(writeAtomic(file, '{"a":3}')).rejects.toMatchObject({ code: 'EIO' })
      } finally {
        Object.defineProperty(process, 'platform', platform)
      }
    },
  )

  it.skipIf(process.platform === 'win32').each(['EISDIR', 'EPERM'])(
    'elsewhere, %s from the folder fails the write',
    async (code) => {
      const file = join(dir, 'a.json')
      faults.set(dir, { on: 'open', code })
      await expect(writeAtomic(file, '{"a":1}')).rejects.toMatchObject({ code })
    },
  )
})
