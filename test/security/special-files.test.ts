// Tests (Node): an archive folder is hostile (a restored tar, a network share). A file of the archive that is a
// named pipe made opening the archive, or reading one article, wait forever: readFile on a pipe waits for a
// writer. Every JSON file of the archive is now opened without waiting and refused unless it is a regular file,
// as a named problem (shard.ts), on real archives on disk with real pipes.
import { execFileSync } from 'node:child_process'
import { constants } from 'node:fs'
import { mkdir, open, rm, symlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { serviceHarness } from '../service-harness'
import { Archive } from '../../src/main/archive/archive'
import { articleFile, bucketOf } from '../../src/main/archive/ids'
import { lockArchive } from '../../src/main/archive/lock'
import { processUserDir } from '../../src/main/connector/access'
import { tokenFiles } from '../../src/main/connector/connector-file'

const TEXT = 'The port handled 4.1 million tonnes in March.'
const pipes: string[] = []

/** Replaces `file` with a named pipe nobody writes to. */
async function pipeAt(file: string): Promise<void> {
  await rm(file, { force: true })
  execFileSync('mkfifo', [file])
  pipes.push(file)
}

afterEach(async () => {
  // A reader still waiting on a pipe (the old code) is let go: a writer opens it and closes it at once.
  for (const file of pipes.splice(0)) {
    const writer = await open(file, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => null)
    await writer?.close()
  }
})

describe('special files in an archive folder', () => {
  it('a catalog bucket that is a named pipe is a named problem, and the rest opens', async () => {
    const h = await serviceHarness()
    const kept = await h.call('articles.create', { title: 'Kept', text: TEXT })
    let piped = await h.call('articles.create', { title: 'Piped', text: `${TEXT} Again.` })
    for (let i = 0; bucketOf(piped.id) === bucketOf(kept.id); i++)
      piped = await h.call('articles.create', { title: 'Piped', text: `${TEXT} ${i}` })
    await h.archive.flush()
    await pipeAt(join(h.dir, 'catalog', `${bucketOf(piped.id)}.json`))
    const archive = await Archive.open(h.dir)
    expect(archive.problems).toContainEqual(
      expect.objectContaining({
        file: `catalog/${bucketOf(piped.id)}.json`,
        message: expect.stringMatching(/not a regular file/),
      }),
    )
    expect(archive.list().map((a) => a.title)).toContain('Kept')
    await archive.flush()
  })

  it('a lock or a tag journal that is a named pipe does not stop the archive from opening', async () => {
    const h = await serviceHarness()
    await h.call('articles.create', { title: 'Still here', text: TEXT })
    await h.archive.flush()
    await pipeAt(join(h.dir, '.lock'))
    // Taken as a stale lock (it holds nothing readable), not read: reading it stopped the whole process.
    const release = lockArchive(h.dir, 'special-files test')
    release()
    await pipeAt(join(h.dir, 'tag-journal.json'))
    const archive = await Archive.open(h.dir)
    expect(archive.list().map((a) => a.title)).toContain('Still here')
    await archive.flush()
  })

  it('an annotations file or a body that is a named pipe is refused with a reason, not waited on', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', { title: 'Piped notes', text: TEXT })
    await h.archive.flush()
    const reopened = await serviceHarness(h.dir)
    await pipeAt(articleFile(h.dir, 'annotations', article.id))
    await expect(reopened.call('annotations.list', { articleId: article.id })).rejects.toMatchObject({
      code: 'corrupt_file',
      message: expect.stringMatching(/not a regular file/),
    })
    await pipeAt(articleFile(h.dir, 'bodies', article.id))
    await expect(reopened.call('articles.get', { id: article.id })).rejects.toMatchObject({
      code: 'corrupt_file',
    })
    await reopened.archive.flush()
  })

  it('team settings, sync state, connector tokens, a trash record and a snapshot that are pipes are not waited on', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', { title: 'Binned', text: TEXT })
    const snapshot = await h.call('backups.create', {})
    await h.call('articles.delete', { ids: [article.id] })
    await h.archive.flush()
    await mkdir(join(h.dir, 'sync'), { recursive: true })
    for (const file of ['sync/settings.json', 'sync/state.json', 'connector.json'])
      await pipeAt(join(h.dir, file))
    await pipeAt(join(h.dir, 'trash', `${article.id}.json`))
    await pipeAt(join(h.dir, 'backups', `${snapshot.id}.count`))
    const reopened = await serviceHarness(h.dir)
    // Each of these waited forever for a writer (glossa serve never started, with sync settings a pipe).
    expect(await reopened.call('sync.status', {})).toMatchObject({ conflicts: 0 })
    // An older Glossa's connector.json in the archive is never read (connector-file.ts), pipe or not.
    expect(await reopened.call('connector.tokens.list', {})).toEqual([])
    await expect(reopened.call('articles.restore', { ids: [article.id] })).rejects.toMatchObject({
      code: 'not_found',
    })
    expect(await reopened.call('backups.list', {})).toEqual([expect.objectContaining({ articles: 0 })])
    await pipeAt(join(h.dir, 'backups', snapshot.id))
    await expect(reopened.call('backups.restore', { id: snapshot.id })).rejects.toMatchObject({
      code: 'not_found',
    })
    await reopened.archive.flush()
  })

  it('connector tokens that are a link to an endless device are refused, not read until memory runs out', async () => {
    const h = await serviceHarness()
    // In the archive (an older Glossa's file): never read. In this computer's folder: refused.
    await symlink('/dev/zero', join(h.dir, 'connector.json'))
    expect(await h.call('connector.tokens.list', {})).toEqual([])
    const { file } = tokenFiles({ archiveDir: h.dir, userDir: processUserDir() })
    await mkdir(dirname(file), { recursive: true })
    await rm(file, { force: true })
    await symlink('/dev/zero', file)
    const reopened = await serviceHarness(h.dir)
    await expect(reopened.call('connector.tokens.list', {})).rejects.toMatchObject({ code: 'corrupt_file' })
  })
})
