import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test/temp-archive'
import { listSnapshots, takeSnapshot } from './archive/snapshots'
import { openArchive, startHousekeeping } from './open-archive'

describe('housekeeping', () => {
  it('backs up a new archive at once, as the daily snapshots promise', async () => {
    const archive = await openArchive(join(await tempDir(), 'archive'))
    const stop = startHousekeeping(archive, 60_000)
    await expect.poll(async () => (await listSnapshots(archive)).length).toBe(1)
    stop()
  })

  it('leaves an archive that has a snapshot for later, after the delay', async () => {
    const archive = await openArchive(join(await tempDir(), 'archive'))
    await takeSnapshot(archive, new Date(Date.now() - 3 * 24 * 3600_000))
    const stop = startHousekeeping(archive, 60_000)
    await new Promise((r) => setTimeout(r, 300))
    expect(await listSnapshots(archive)).toHaveLength(1)
    stop()
  })
})
