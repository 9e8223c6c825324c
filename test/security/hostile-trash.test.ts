// Tests (Node): the archive's `trash/` folder is purged of records older than 30 days when the archive opens. A
// link there that led nowhere, or a folder named like a record, made the open itself fail with a raw error; and
// a record left beside the live article it was restored into (a kill between the restore and the record's removal,
// or a crafted archive whose tar kept an old date) took the live article's images with it when purged.
import { mkdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { imageName } from '../../src/main/archive/assets'
import { tempDir } from '../temp-archive'

const OLD = new Date('2020-01-01T00:00:00.000Z')
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

describe('purging the trash at open', () => {
  it('a link that leads nowhere and a folder named like a record do not stop the archive opening', async () => {
    const dir = join(await tempDir(), 'archive')
    const archive = await Archive.open(dir)
    await archive.createArticle({ title: 'Kept', text: 'The port handled 4.1 million tonnes.', tags: [] })
    await archive.flush()
    await symlink(join(dir, 'nowhere'), join(dir, 'trash', 'abcd1234.json'))
    await mkdir(join(dir, 'trash', 'efgh5678.json'))
    await utimes(join(dir, 'trash', 'efgh5678.json'), OLD, OLD)
    const reopened = await Archive.open(dir)
    expect(reopened.list().map((m) => m.title)).toEqual(['Kept'])
  })

  it("an old record left beside the live article does not take the article's images", async () => {
    const dir = join(await tempDir(), 'archive')
    const archive = await Archive.open(dir)
    const name = imageName(PNG)!
    const meta = await archive.createArticle({
      title: 'Pictured',
      text: 'The port handled 4.1 million tonnes.',
      html: `<p>The port handled 4.1 million tonnes.</p><img src="glossa-asset:${name}">`,
      images: [{ name, bytes: PNG }],
      tags: [],
    })
    await archive.flush()
    // What a delete, then a restore cut short by a kill before its record was removed, leaves (30 days on).
    const record = {
      version: 1,
      deletedAt: OLD.toISOString(),
      meta,
      body: { version: 1, id: meta.id, text: 'x' },
      annotations: [],
    }
    await writeFile(join(dir, 'trash', `${meta.id}.json`), JSON.stringify(record))
    await utimes(join(dir, 'trash', `${meta.id}.json`), OLD, OLD)
    const reopened = await Archive.open(dir)
    expect((await reopened.readImage(meta.id, name)).bytes).toEqual(new Uint8Array(PNG))
    await expect(readFile(join(dir, 'trash', `${meta.id}.json`))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
