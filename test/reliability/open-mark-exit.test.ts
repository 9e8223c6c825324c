// Tests (Node): the open mark (src/main/archive/open-mark.ts) in a real process — removed when the process exits
// as the app does when it quits, left by a SIGKILL; a mark a kill left in this boot asks for no recount
// (saves-in-flight tells a kill's saves), so the whole archive is not read again after every crash.
import { execFile } from 'node:child_process'
import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OPEN_MARK_FILE, readOpenMark } from '../../src/main/archive/open-mark'
import { serviceHarness } from '../service-harness'
import { tempDir } from '../temp-archive'
import { bundleChild } from './bundle-child'
import type { BundledChild } from './bundle-child'
import { runUntilKilled } from './kill-child'

let child: BundledChild
beforeAll(async () => {
  child = await bundleChild('test/reliability/open-mark-child.ts')
}, 60_000)
afterAll(() => child?.dispose())

describe('the open mark of a real process', () => {
  it('is removed when the process exits with its saves on disk', async () => {
    const dir = await tempDir()
    const { stdout } = await promisify(execFile)(process.execPath, [child.file, dir, 'exit'])
    expect(stdout).toBe('ready\n')
    await expect(lstat(join(dir, OPEN_MARK_FILE))).rejects.toMatchObject({ code: 'ENOENT' })
  }, 60_000)

  it('is left by a kill, and the next open in this boot counts nothing again', async () => {
    const dir = await tempDir()
    const lines = await runUntilKilled(child.file, [dir, 'hold'], (line, kill) => {
      if (line === 'ready') kill(0)
    })
    expect(lines).toEqual(['ready'])
    const left = await readOpenMark(dir)
    expect(left).toMatchObject({ pid: expect.any(Number) })
    expect(left).not.toHaveProperty('recount')
    const reopened = await serviceHarness(dir)
    expect(reopened.archive.recounting()).toBeNull()
    expect(reopened.archive.list()[0].counts.highlights).toBe(1)
  }, 60_000)
})
