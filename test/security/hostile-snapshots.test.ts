// Tests (Node): the archive's `backups/` folder is hostile like the rest (a copied archive, a restored tar, another
// computer's clock). Snapshots named for a date still to come made the daily snapshot wait for that date, and a
// snapshot taken now ranked below them and was rotated away as soon as it was written, while "Back up now" said it
// was made; a link named like a snapshot that led nowhere made the list of snapshots, and the housekeeping that
// takes the daily one, fail.
import { copyFile, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KEEP, autoSnapshot, listSnapshots, takeSnapshot } from '../../src/main/archive/snapshots'
import { serviceHarness } from '../service-harness'

const future = (n: number) => `snapshot-2099-01-0${n}T00-00-00-000Z.json.gz`

async function archiveWithFutureSnapshots() {
  const h = await serviceHarness()
  await h.call('articles.create', { title: 'Kept', text: 'The port handled 4.1 million tonnes.' })
  const real = await takeSnapshot(h.archive, new Date('2026-12-01T09:00:00.000Z'))
  for (let n = 1; n <= KEEP; n++) {
    await copyFile(join(h.dir, 'backups', real.id), join(h.dir, 'backups', future(n)))
    await copyFile(join(h.dir, 'backups', `${real.id}.count`), join(h.dir, 'backups', `${future(n)}.count`))
  }
  return { h, real }
}

describe('snapshots dated in the future', () => {
  it('do not stop the daily snapshot', async () => {
    const { h } = await archiveWithFutureSnapshots()
    const now = new Date('2026-12-07T09:00:00.000Z')
    const taken = await autoSnapshot(h.archive, now)
    expect(taken).not.toBeNull()
    expect((await listSnapshots(h.archive)).map((s) => s.id)).toContain(taken!.id)
  })

  it('do not push a snapshot just taken out of the rotation: Back up now keeps what it says it made', async () => {
    const { h, real } = await archiveWithFutureSnapshots()
    const made = await h.call('backups.create', {})
    const ids = (await h.call('backups.list', {})).map((s) => s.id)
    expect(ids).toContain(made.id)
    expect(ids).toContain(real.id)
    expect(ids).toHaveLength(KEEP)
    const restored = await h.call('backups.restore', { id: made.id })
    expect(restored.messages).toEqual(['Nothing needed repair.'])
  })
})

describe('a link named like a snapshot', () => {
  it('that leads nowhere is left out of the list, and the daily snapshot is still taken', async () => {
    const h = await serviceHarness()
    await h.call('articles.create', { title: 'Kept', text: 'The port handled 4.1 million tonnes.' })
    const real = await takeSnapshot(h.archive, new Date('2026-12-01T09:00:00.000Z'))
    await symlink(join(h.dir, 'nowhere'), join(h.dir, 'backups', 'snapshot-2026-12-02T09-00-00-000Z.json.gz'))
    expect((await h.call('backups.list', {})).map((s) => s.id)).toEqual([real.id])
    expect(await autoSnapshot(h.archive, new Date('2026-12-07T09:00:00.000Z'))).not.toBeNull()
  })
})
