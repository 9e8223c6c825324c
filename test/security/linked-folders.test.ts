// Tests (Node): an archive folder is hostile (a shared archive, a restored tar), and a folder of it may be a link
// to somewhere else. Glossa refused a link for catalog, bodies, annotations and trash, but not for the folders it
// makes later: opening an archive whose `assets` linked to another folder removed, recursively, that folder's
// sub-folder named like each old trash record (trash purge: "the images go with the article"), and an index folder
// linked to another archive's index wrote into it and removed its files. Each is now refused at open with a reason,
// and nothing outside the archive is touched. Real archives on disk, real links.
import { copyFile, mkdir, readdir, symlink, utimes, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { readHead } from '../../src/main/archive/library-head'
import { restoreBackup } from '../../src/main/archive/restore-backup'
import { backupSchema } from '../../src/shared/export/backup'
import { SearchIndex } from '../../src/main/search/search-index'
import { testKeyFile } from '../fixtures/search/kit'
import { tempDir } from '../temp-archive'

const TEXT = 'The port handled 4.1 million tonnes in March.'
const LONG_AGO = new Date(Date.now() - 90 * 86_400_000)

/** A folder outside any archive holding a file of someone's, at `outside/documents/notes.txt`. */
async function someonesFolder(root: string): Promise<string> {
  const outside = join(root, 'outside')
  await mkdir(join(outside, 'documents'), { recursive: true })
  await writeFile(join(outside, 'documents', 'notes.txt'), 'not Glossa’s')
  await writeFile(join(outside, 'seg-0123456789abcdef.seg'), 'not Glossa’s either')
  return outside
}

describe('an archive folder whose own folders are links', () => {
  it('an assets link is refused at open, and an old trash record never removes what it points at', async () => {
    const root = await tempDir()
    const outside = await someonesFolder(root)
    const dir = join(root, 'archive')
    await (await Archive.open(dir)).flush()
    // A trash record whose name is a plain id, older than the trash keeps anything; assets linked outside.
    await writeFile(join(dir, 'trash', 'documents.json'), '{}')
    await utimes(join(dir, 'trash', 'documents.json'), LONG_AGO, LONG_AGO)
    await symlink(outside, join(dir, 'assets'))

    const opened = await Archive.open(dir).then(
      () => 'opened',
      (err: unknown) => String(err),
    )
    // The old code removed outside/documents as it opened (readdir: ENOENT).
    expect(await readdir(join(outside, 'documents'))).toEqual(['notes.txt'])
    expect(opened).toMatch(/assets is a link to another folder/)
  })

  it.each(['search-index', 'backups', 'sync'])('a %s link is refused at open', async (name) => {
    const root = await tempDir()
    const outside = await someonesFolder(root)
    const dir = join(root, 'archive')
    await (await Archive.open(dir)).flush()
    await symlink(outside, join(dir, name))
    await expect(Archive.open(dir)).rejects.toThrow(new RegExp(`${name} is a link to another folder`))
    expect((await readdir(outside)).sort()).toEqual(['documents', 'seg-0123456789abcdef.seg'])
  })

  it('an index folder linked to another archive’s index never writes into it', async () => {
    const root = await tempDir()
    const keyFile = await testKeyFile()
    const victimDir = join(root, 'victim')
    const victim = await Archive.open(victimDir)
    await victim.createArticle({ title: 'Harbour', text: TEXT, tags: [] })
    const index = await SearchIndex.open(victim, { keyFile })
    await index.flush()
    await index.close()
    const before = (await readdir(join(victimDir, 'search-index'))).sort()

    const dir = join(root, 'hostile')
    await (await Archive.open(dir)).flush()
    await symlink(join(victimDir, 'search-index'), join(dir, 'search-index'))
    await expect(Archive.open(dir)).rejects.toThrow(/search-index is a link to another folder/)
    expect((await readdir(join(victimDir, 'search-index'))).sort()).toEqual(before)
    const reopened = await SearchIndex.open(victim, { keyFile })
    expect(reopened.rebuiltBecause).toBeUndefined()
    await reopened.close()
  })

  it('a catalog linked to another archive’s gives no early rows (its head is this machine’s, for the other archive)', async () => {
    const root = await tempDir()
    const keyFile = join(root, 'catalog-trust.key')
    const victimDir = join(root, 'victim')
    const victim = await Archive.open(victimDir, { trustKeyFile: keyFile })
    await victim.createArticle({ title: 'Someone else’s lead', text: TEXT, tags: [] })
    await victim.flush()
    expect((await readHead(victimDir, keyFile)).head?.total).toBe(1)

    const dir = join(root, 'hostile')
    await mkdir(dir)
    await copyFile(join(victimDir, 'glossa.json'), join(dir, 'glossa.json'))
    await symlink(join(victimDir, 'catalog'), join(dir, 'catalog'))
    expect(await readHead(dir, keyFile)).toMatchObject({ head: null, why: /catalog folder is a link/ })
    await expect(Archive.open(dir, { trustKeyFile: keyFile })).rejects.toThrow(/catalog is a link/)
  })

  it('a restore never writes an article’s files through its assets folder linked elsewhere', async () => {
    const root = await tempDir()
    const outside = join(root, 'outside')
    await mkdir(outside)
    const dir = join(root, 'archive')
    const archive = await Archive.open(dir)
    await mkdir(join(dir, 'assets'))
    await symlink(outside, join(dir, 'assets', 'linked01'))
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('a Glossa test image')])
    const name = `${createHash('sha256').update(png).digest('hex')}.png`
    const stamp = '2026-01-01T00:00:00.000Z'
    const backup = backupSchema.parse({
      format: 'glossa-backup',
      version: 1,
      generatedAt: stamp,
      articles: [
        {
          id: 'linked01',
          title: 'Linked',
          addedAt: stamp,
          tags: [],
          textHash: 'x',
          length: 1,
          counts: { highlights: 0, figures: 0, notes: 0 },
          annotationTags: {},
          text: TEXT,
          html: `<p>${TEXT}</p><img src="glossa-asset:${name}">`,
        },
      ],
      annotations: [],
      tagColors: {},
      collections: [],
      assets: [{ articleId: 'linked01', name, dataBase64: png.toString('base64') }],
    })
    await expect(restoreBackup(archive, backup)).rejects.toThrow(
      /assets\/linked01 is a link to another folder/,
    )
    expect(await readdir(outside)).toEqual([])
    expect(archive.catalog.has('linked01')).toBe(false)
  })

  it('a folder named like a temp file is left, and the archive opens', async () => {
    const dir = join(await tempDir(), 'archive')
    await (await Archive.open(dir)).flush()
    await mkdir(join(dir, 'catalog', '.00.json.0123abcd.tmp'))
    const archive = await Archive.open(dir)
    expect(archive.problems).toEqual([])
  })

  it('the same folders as real folders open as before', async () => {
    const dir = join(await tempDir(), 'archive')
    await (await Archive.open(dir)).flush()
    for (const name of ['assets', 'search-index', 'backups', 'sync']) await mkdir(join(dir, name))
    const archive = await Archive.open(dir)
    expect(archive.problems).toEqual([])
  })
})
