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
import { ReadAhead } from './read-ahead'

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
      const before = bytesRead()
      ahead.warm(['missing', 'folder', 'pipe', 'link', 'big.json'].map((n) => join(dir, n)))
      // Past the pipe (opened without waiting for a writer) and the link (not followed), the file is read.
      expect(await until(() => bytesRead() - before >= 3 << 20)).toBe(true)
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
