// Main process: the archive folder's manifest (glossa.json): the format marker and the schema version, checked
// and made when the archive opens, with the archive's folders.
import { lstat, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import { CURRENT_VERSION } from './migrations'
import { openShard } from './shard'

type Manifest = { version: number; format: 'glossa-archive'; createdAt: string }

/** The archive's folders, made when it opens. */
const MADE_AT_OPEN = ['catalog', 'bodies', 'annotations', 'trash']
/**
 * Folders made when first needed. A link in any of their places is refused like one in the folders above: the
 * trash purge removes `assets/<id>` recursively (through an `assets` link, a folder elsewhere), the search index
 * and snapshots write and prune their folders, sync writes its replica.
 */
const MADE_LATER = ['assets', 'search-index', 'backups', 'sync', join('sync', 'replica')]

/**
 * Checks the folder is a Glossa archive (or empty), reads its manifest (refusing one written by a newer Glossa),
 * makes the archive's folders, and writes the manifest of a new archive. True when the archive is new.
 */
export async function ensureManifest(dir: string): Promise<boolean> {
  await mkdir(dir, { recursive: true })
  const entries = (await readdir(dir)).filter((name) => !name.startsWith('.'))
  const file = join(dir, 'glossa.json')
  if (!entries.includes('glossa.json') && entries.length > 0) {
    throw new GlossaError(
      'invalid_argument',
      `${dir} is not a Glossa archive (it has files but no glossa.json). Choose an empty folder or an existing archive.`,
    )
  }
  let readVersion: unknown
  const manifest = await openShard<Manifest>(
    dir,
    file,
    'manifest',
    () => ({
      version: CURRENT_VERSION.manifest,
      format: 'glossa-archive',
      createdAt: new Date().toISOString(),
    }),
    (m) => m.format === 'glossa-archive',
    (text) => (readVersion = versionIn(text)),
  )
  await Promise.all(
    [...MADE_AT_OPEN, ...MADE_LATER].map(async (sub) => {
      if (MADE_AT_OPEN.includes(sub)) await mkdir(join(dir, sub), { recursive: true })
      if ((await lstat(join(dir, sub)).catch(() => null))?.isSymbolicLink())
        throw new GlossaError(
          'conflict',
          `${join(dir, sub)} is a link to another folder, and Glossa reads and writes nothing outside the archive. Replace the link with the folder itself.`,
        )
    }),
  )
  if (entries.includes('glossa.json')) {
    // An archive of an older format: its new version is on disk before anything of the new format is written
    // (a split bucket), so an older Glossa never meets the new format under the old version. A crash after this
    // write leaves an archive of the old layout under the new version, which this Glossa opens as it is.
    if (readVersion !== manifest.data.version) await manifest.write()
    return false
  }
  await manifest.write()
  return true
}

function versionIn(text: string): unknown {
  try {
    return (JSON.parse(text) as { version?: unknown } | null)?.version
  } catch {
    return undefined
  }
}
