// Tests (Node): an archive folder is hostile, and a file in it may be sparse: gigabytes long, nothing on disk, carried
// by a tar or a copy. Files were read only when regular (special-files.test.ts), but then whole, whatever their
// size: a 1.5 GB sparse connector.json took 1.6 GB of memory and 20 s before its text was found too long, and up
// to 4 GB would have been allocated. A file larger than Glossa ever writes there is now refused by its size, unread.
import { mkdir, truncate, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { MAX_READ_BYTES, readRegular } from '../../src/main/archive/regular-file'
import { articleFile } from '../../src/main/archive/ids'
import { processUserDir } from '../../src/main/connector/access'
import { tokenFiles } from '../../src/main/connector/connector-file'
import { SearchIndex } from '../../src/main/search/search-index'
import { testKeyFile } from '../fixtures/search/kit'
import { serviceHarness } from '../service-harness'
import { tempDir } from '../temp-archive'

/** A gzip of `mb` megabytes of zeros: one member of a megabyte, repeated (gunzip reads members one after another). */
function gzipOfZeros(mb: number): Buffer {
  const member = gzipSync(Buffer.alloc(1024 * 1024))
  return Buffer.concat(Array.from({ length: mb }, () => member))
}

/** `file` holding `text`, then made `bytes` long: the rest is a hole (zeros, no room on disk). */
async function sparse(file: string, text: string, bytes: number): Promise<void> {
  await writeFile(file, text)
  await truncate(file, bytes)
}

describe('sparse files of gigabytes in an archive folder', () => {
  it('connector tokens larger than 100 paired browsers take are refused by their size, unread', async () => {
    const h = await serviceHarness()
    // The archive's own connector.json (an older Glossa's) is never read; this computer's token file is.
    await sparse(join(h.dir, 'connector.json'), '{"version":1,"tokens":[]}', 100 * 1024 * 1024)
    expect(await h.call('connector.tokens.list', {})).toEqual([])
    const { file } = tokenFiles({ archiveDir: h.dir, userDir: processUserDir() })
    await mkdir(dirname(file), { recursive: true })
    await sparse(file, '{"version":1,"tokens":[]}', 100 * 1024 * 1024)
    const reopened = await serviceHarness(h.dir)
    await expect(reopened.call('connector.tokens.list', {})).rejects.toMatchObject({
      code: 'corrupt_file',
      message: expect.stringMatching(/is 104857600 bytes, larger than any file Glossa writes there/),
    })
  })

  it('an annotations file past the longest string is refused by its size, and the article still opens', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', {
      title: 'Kept',
      text: 'The port handled 4.1 million tonnes.',
    })
    await h.archive.flush()
    const file = articleFile(h.dir, 'annotations', article.id)
    await sparse(file, '{"version":1,"annotations":[]}', MAX_READ_BYTES + 1)
    await expect(h.call('annotations.list', { articleId: article.id })).rejects.toMatchObject({
      code: 'corrupt_file',
      message: expect.stringMatching(/larger than any file Glossa writes there/),
    })
    expect((await h.call('articles.get', { id: article.id })).title).toBe('Kept')
  })

  it('a snapshot that unpacks past the longest backup is refused, not unpacked into gigabytes', async () => {
    const h = await serviceHarness()
    const snapshot = await h.call('backups.create', {})
    // Half a megabyte of gzip; one of 4 MB unpacked to 4 GB.
    await writeFile(
      join(h.dir, 'backups', snapshot.id),
      gzipOfZeros(Math.ceil(MAX_READ_BYTES / 1024 / 1024) + 1),
    )
    await expect(h.call('backups.restore', { id: snapshot.id })).rejects.toMatchObject({
      code: 'corrupt_file',
      message: expect.stringMatching(/unpacks to more than any backup holds/),
    })
  }, 120_000)

  it('an older Glossa’s search index of zeros without a line break is rebuilt, not read into one string', async () => {
    const dir = join(await tempDir(), 'archive')
    const archive = await Archive.open(dir)
    const article = await archive.createArticle({ title: 'Harbour', text: 'The harbour reopened.', tags: [] })
    await archive.flush()
    await sparse(join(dir, 'search-index.json'), '', 700 * 1024 * 1024)
    // The old code never finished opening (an unhandled RangeError: Invalid string length).
    const index = await SearchIndex.open(archive, { keyFile: await testKeyFile() })
    expect((await index.search('harbour')).map((h) => h.articleId)).toEqual([article.id])
    await index.close()
  }, 120_000)

  it('a file within the bound is read as before; one past it is refused by its size', async () => {
    const file = join(await tempDir(), 'small.json')
    await writeFile(file, '{"a":1}')
    expect(await readRegular(file, 7)).toBe('{"a":1}')
    await expect(readRegular(file, 6)).rejects.toThrow(/is 7 bytes, larger than any file Glossa writes there/)
  })
})
