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
    // The future-dated ones are real backups too: none deleted.
    expect(ids).toHaveLength(KEEP + 2)
    const restored = await h.call('backups.restore', { id: made.id })
    expect(restored.messages).toEqual(['Nothing needed repair.'])
  })
})

describe('a computer whose clock was once ahead', () => {
  // Seven daily snapshots taken while the clock was a year ahead, then the clock set right: f13258c ranked them
  // as the oldest, so each snapshot taken after deleted one of them — a week later all seven were gone.
  async function archiveFromAClockAhead() {
    const h = await serviceHarness()
    await h.call('articles.create', { title: 'Kept', text: 'The port handled 4.1 million tonnes.' })
    const ahead: string[] = []
    for (let day = 1; day <= KEEP; day++)
      ahead.push((await takeSnapshot(h.archive, new Date(`2027-12-0${day}T09:00:00.000Z`))).id)
    return { h, ahead }
  }

  it('keeps every snapshot dated in the future while the N newest up to now rotate', async () => {
    const { h, ahead } = await archiveFromAClockAhead()
    const taken: string[] = []
    for (let day = 1; day <= KEEP + 3; day++) {
      const now = new Date(`2026-11-${String(day + 10)}T09:00:00.000Z`)
      const made = await autoSnapshot(h.archive, now)
      expect(made, `day ${day}: the daily snapshot is taken`).not.toBeNull()
      taken.push(made!.id)
      const ids = (await listSnapshots(h.archive, now)).map((s) => s.id)
      expect(ids, `day ${day}: just taken`).toContain(made!.id)
    }
    const now = new Date('2026-11-20T09:00:00.000Z')
    const listed = await listSnapshots(h.archive, now)
    expect(listed.filter((s) => s.future).map((s) => s.id)).toEqual([...ahead].reverse())
    expect(listed.filter((s) => !s.future).map((s) => s.id)).toEqual(taken.slice(-KEEP).reverse())
  })

  it('lists them as dated in the future, and each restores', async () => {
    const { h, ahead } = await archiveFromAClockAhead()
    await h.call('backups.create', {})
    const listed = await h.call('backups.list', {})
    expect(listed.filter((s) => s.future).map((s) => s.id)).toEqual([...ahead].reverse())
    expect(listed.filter((s) => !s.future)).toHaveLength(1)
    for (const id of ahead)
      expect((await h.call('backups.restore', { id, addMissing: true })).messages).toEqual([
        'Brought back 0 articles from the snapshot.',
      ])
  })

  it('Back up now keeps what it made however many are dated in the future', async () => {
    const h = await serviceHarness()
    await h.call('articles.create', { title: 'Kept', text: 'The port handled 4.1 million tonnes.' })
    const real = await takeSnapshot(h.archive, new Date('2026-12-01T09:00:00.000Z'))
    for (let n = 1; n <= 3 * KEEP; n++) {
      const name = `snapshot-2030-01-${String(n).padStart(2, '0')}T09-00-00-000Z.json.gz`
      await copyFile(join(h.dir, 'backups', real.id), join(h.dir, 'backups', name))
    }
    // A date that does not parse cannot be placed among the others: kept like one dated in the future.
    const unparsable = 'snapshot-2026-13-01T09-00-00-000Z.json.gz'
    await copyFile(join(h.dir, 'backups', real.id), join(h.dir, 'backups', unparsable))
    const made: string[] = []
    for (let n = 0; n < KEEP + 2; n++) made.push((await h.call('backups.create', {})).id)
    const listed = await h.call('backups.list', {})
    expect(listed.filter((s) => s.future)).toHaveLength(3 * KEEP + 1)
    expect(listed.find((s) => s.id === unparsable)?.future).toBe(true)
    expect(listed.filter((s) => !s.future).map((s) => s.id)).toEqual(made.slice(-KEEP).reverse())
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
