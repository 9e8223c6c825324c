// Tests (Node): the manifest's format version across Glossa versions, on real archive folders. Version 2 says the
// catalog's buckets may be split (catalog-layout.ts). An archive of version 1 (the layout of a Glossa that did not
// split) opens and is migrated, its new version written before any bucket is split; an archive of a version
// higher than this Glossa reads is refused as written by a newer Glossa, nothing in it changed — what every
// Glossa since the first does with a manifest version above its own (migrations.ts), and so what an older
// Glossa does with a split catalog now.
import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bigMeta, bucketsOnDisk, idsUnder, layoutProblems, writeBucket } from '../../../test/catalog-entries'
import { openHere } from '../../../test/opened-archives'
import { tempDir } from '../../../test/temp-archive'
import { Archive } from './archive'
import { childrenOf } from './catalog-layout'
import { CURRENT_VERSION } from './migrations'

/** An archive folder as a Glossa of manifest version `version` left it: one bucket past the split size. */
async function oldArchive(version: number) {
  const root = await tempDir('glossa-manifest-')
  const dir = join(root, 'archive')
  const key = join(root, 'key')
  await (await Archive.open(dir, { trustKeyFile: key })).flush()
  const createdAt = '2025-01-02T03:04:05.000Z'
  await writeFile(join(dir, 'glossa.json'), JSON.stringify({ version, format: 'glossa-archive', createdAt }))
  const big = idsUnder('ab', 120).map((id, n) => bigMeta(id, n))
  const small = idsUnder('cd', 10).map((id, n) => bigMeta(id, n))
  await writeBucket(dir, 'ab', big)
  await writeBucket(dir, 'cd', small)
  return { dir, key, createdAt, ids: [...big, ...small].map((m) => m.id).sort() }
}

const manifestOf = async (dir: string) =>
  JSON.parse(await readFile(join(dir, 'glossa.json'), 'utf8')) as Record<string, unknown>

/** Every file under the archive folder with its bytes, to compare before and after. */
async function everyFile(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const walk = async (sub: string): Promise<void> => {
    for (const name of await readdir(join(dir, sub))) {
      const rel = join(sub, name)
      if ((await stat(join(dir, rel))).isDirectory()) await walk(rel)
      else out.set(rel, await readFile(join(dir, rel), 'latin1'))
    }
  }
  await walk('.')
  return out
}

describe('the archive manifest version', () => {
  it('is 2 for an archive whose catalog may be split', () => {
    expect(CURRENT_VERSION.manifest).toBe(2)
  })

  it('migrates an archive of version 1 (unsplit catalog): version 2 written at open, before any split', async () => {
    const { dir, key, createdAt, ids } = await oldArchive(1)
    const archive = await openHere(dir, key)
    // Written by the open itself, before the catalog loads: the background splits start after it.
    expect(await manifestOf(dir)).toEqual({ version: 2, format: 'glossa-archive', createdAt })
    expect(
      archive
        .list()
        .map((m) => m.id)
        .sort(),
    ).toEqual(ids)
    await archive.flush()
    expect((await bucketsOnDisk(dir)).map((f) => f.name)).toEqual([...childrenOf('ab'), 'cd'])
    expect((await layoutProblems(dir)).problems).toEqual([])
    expect(archive.problems).toEqual([])
  })

  it('opens and splits an archive a crash left between the version write and the splits', async () => {
    // Version 2 on disk, the catalog still in the old layout: what a kill right after the manifest write leaves.
    const { dir, key, ids } = await oldArchive(2)
    const archive = await openHere(dir, key)
    expect(
      archive
        .list()
        .map((m) => m.id)
        .sort(),
    ).toEqual(ids)
    await archive.flush()
    expect((await bucketsOnDisk(dir)).map((f) => f.name)).toEqual([...childrenOf('ab'), 'cd'])
    expect((await manifestOf(dir)).version).toBe(2)
  })

  it('migrates a version-1 archive whose buckets were already split (written before the version was bumped)', async () => {
    const { dir, key, ids } = await oldArchive(1)
    // The earlier session's Glossa split buckets under version 1: open, split, and put the version back to 1.
    await (await Archive.open(dir, { trustKeyFile: key })).flush()
    const manifest = await manifestOf(dir)
    await writeFile(join(dir, 'glossa.json'), JSON.stringify({ ...manifest, version: 1 }))
    const archive = await openHere(dir, key)
    expect((await manifestOf(dir)).version).toBe(2)
    expect(
      archive
        .list()
        .map((m) => m.id)
        .sort(),
    ).toEqual(ids)
    expect(archive.problems).toEqual([])
  })

  it('refuses an archive written by a newer Glossa with a clear message, and changes nothing in it', async () => {
    const { dir, key } = await oldArchive(1)
    await (await Archive.open(dir, { trustKeyFile: key })).flush()
    const newer = CURRENT_VERSION.manifest + 1
    await writeFile(join(dir, 'glossa.json'), JSON.stringify({ ...(await manifestOf(dir)), version: newer }))
    const before = await everyFile(dir)
    const refused = Archive.open(dir, { trustKeyFile: key })
    await expect(refused).rejects.toMatchObject({
      code: 'read_only',
      message: `glossa.json was written by a newer Glossa (schema ${newer}, this one reads ${CURRENT_VERSION.manifest}). Update Glossa to open it.`,
    })
    expect(await everyFile(dir)).toEqual(before)
  })
})
