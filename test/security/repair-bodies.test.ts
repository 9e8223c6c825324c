// Tests (Node): repairing a damaged catalog bucket rebuilds it from the snapshot and from the bodies still on disk
// (repair.ts). Those bodies are as hostile as any archive file: one that was a named pipe made the repair wait
// forever for a writer, and one whose text was not a string failed the whole repair with an internal error. Each is
// now left as it is and not brought back; the rest of the bucket is repaired.
import { execFileSync } from 'node:child_process'
import { constants } from 'node:fs'
import { open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { articleFile, bucketOf } from '../../src/main/archive/ids'
import { takeSnapshot } from '../../src/main/archive/snapshots'
import { serviceHarness } from '../service-harness'

const TEXT = 'The port handled 4.1 million tonnes in March.'
const pipes: string[] = []

afterEach(async () => {
  // A reader still waiting on a pipe (the old code) is let go: a writer opens it and closes it at once.
  for (const file of pipes.splice(0)) {
    const writer = await open(file, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => null)
    await writer?.close()
  }
})

/** An archive of one article with a snapshot, its catalog bucket then damaged after `plant` put bodies beside. */
async function repairedWith(plant: (bucket: string, dir: string) => Promise<void>) {
  const h = await serviceHarness()
  const kept = await h.call('articles.create', { title: 'Kept', text: TEXT })
  const snap = await takeSnapshot(h.archive)
  await h.archive.flush()
  const bucket = bucketOf(kept.id)
  await plant(bucket, h.dir)
  await writeFile(join(h.dir, 'catalog', `${bucket}.json`), 'garbage')
  const reopened = await serviceHarness(h.dir)
  expect(reopened.archive.problems[0].file).toBe(`catalog/${bucket}.json`)
  await reopened.call('backups.restore', { id: snap.id })
  return reopened
}

describe('repairing a catalog bucket beside hostile bodies', () => {
  it('leaves a body that is a named pipe, unread, and repairs the rest', async () => {
    const reopened = await repairedWith(async (bucket, dir) => {
      // A body of an id in the same bucket that no catalog entry names.
      const piped = articleFile(dir, 'bodies', `${bucket}pipe01`)
      execFileSync('mkfifo', [piped])
      pipes.push(piped)
    })
    expect((await reopened.call('articles.list', {})).map((a) => a.title)).toEqual(['Kept'])
    expect(await reopened.call('app.info', {})).toMatchObject({ problems: [] })
  })

  it('leaves a body whose text is not a string, and repairs the rest', async () => {
    const reopened = await repairedWith(async (bucket, dir) => {
      await writeFile(articleFile(dir, 'bodies', `${bucket}bad001`), '{"text":5}')
      await writeFile(articleFile(dir, 'bodies', `${bucket}null01`), 'null')
    })
    expect((await reopened.call('articles.list', {})).map((a) => a.title)).toEqual(['Kept'])
    expect(await reopened.call('app.info', {})).toMatchObject({ problems: [] })
  })
})
