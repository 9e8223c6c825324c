// Tests (Node): the export job's read-ahead on real files — the readers read what they are given (the process's
// read count in /proc grows by the file's size), pass over a missing file, a folder, a named pipe with no writer
// and a link without stopping or hanging, and the job's slices hand them exactly the annotations files of the
// articles that have annotations, in the order the job reads them.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-archive'
import type { ArticleMeta } from '../../shared/types'
import { jobExportSource } from './job'
import type { ExportJobRequest } from './job'
import { COLD_READ_MS, ReadAhead } from './read-ahead'

/** Bytes this process has read through read() calls, all threads together (Linux). */
const bytesRead = () => Number(/rchar:\s*(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))![1])

async function until(done: () => boolean): Promise<boolean> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 20))
  return done()
}

describe.runIf(process.platform === 'linux')('ReadAhead', () => {
  it('reads the files it is given, passing over what is not a regular file', async () => {
    const dir = await tempDir()
    const big = join(dir, 'big.json')
    await writeFile(big, 'x'.repeat(3 << 20))
    await mkdir(join(dir, 'folder'))
    execFileSync('mkfifo', [join(dir, 'pipe')])
    await symlink(big, join(dir, 'link'))
    const ahead = new ReadAhead(2)
    try {
      // The job's reads were slow: the readers run from here on.
      for (let i = 0; i < 8; i++) ahead.read(COLD_READ_MS)
      const before = bytesRead()
      ahead.warm(['missing', 'folder', 'pipe', 'link', 'big.json'].map((n) => join(dir, n)))
      // Past the pipe (opened without waiting for a writer) and the link (not followed), the file is read.
      expect(await until(() => bytesRead() - before >= 3 << 20)).toBe(true)
    } finally {
      await ahead.close()
    }
  })
})

describe.runIf(process.platform === 'linux')('ReadAhead, started by the job’s reads', () => {
  it('reads nothing while the job’s reads come from the cache, and the rest of the slice once they do not', async () => {
    const dir = await tempDir()
    const files = Array.from({ length: 40 }, (_, i) => join(dir, `${i}.json`))
    for (const file of files) await writeFile(file, 'x'.repeat(1 << 20))
    const ahead = new ReadAhead(2)
    try {
      const before = bytesRead()
      ahead.warm(files)
      // Cached reads, and now and then one held up on a busy machine (7 of 16): no reader starts.
      for (let i = 0; i < 16; i++) ahead.read(i % 2 && i < 14 ? COLD_READ_MS + 5 : 0.05)
      await new Promise((r) => setTimeout(r, 300))
      expect(bytesRead() - before).toBeLessThan(1 << 20)
      // Then eight reads from the disk: the readers start on what is left of the slice, the last 16 files.
      for (let i = 0; i < 8; i++) ahead.read(COLD_READ_MS + 5)
      expect(await until(() => bytesRead() - before >= 16 * (1 << 20))).toBe(true)
      await new Promise((r) => setTimeout(r, 300))
      // Not the first 24: the job has read them already.
      expect(bytesRead() - before).toBeLessThan(18 * (1 << 20))
    } finally {
      await ahead.close()
    }
  })
})

describe('jobExportSource', () => {
  it('hands the read-ahead the annotations files of each slice’s annotated articles, in order', async () => {
    const meta = (id: string, figures: number) =>
      ({ id, counts: { highlights: 0, figures, notes: 0 } }) as unknown as ArticleMeta
    const catalog = [meta('a0000001', 2), meta('a0000002', 0), meta('a0000003', 1), meta('a0000004', 5)]
    const warmed: string[][] = []
    const request = {
      dir: '/archive',
      count: catalog.length,
      args: { format: 'markdown', scope: {} },
    } as unknown as ExportJobRequest
    const source = jobExportSource(request, async ({ from, count }) => catalog.slice(from, from + count), {
      warm: (files: string[]) => void warmed.push(files),
    } as unknown as ReadAhead)
    const selection = await source.select({})
    await selection.slice(0, 2)
    await selection.slice(2, 2)
    expect(warmed).toEqual([
      [join('/archive', 'annotations', 'a0000001.json')],
      [join('/archive', 'annotations', 'a0000003.json'), join('/archive', 'annotations', 'a0000004.json')],
    ])
  })
})
