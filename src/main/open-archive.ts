// Main process and CLI: where the archive lives, and opening it with the sample articles on first run.
import { mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Archive } from './archive/archive'
import { lockArchive } from './archive/lock'
import { autoSnapshot, listSnapshots } from './archive/snapshots'
import { setFigureIndexKey } from './figures/figure-index'
import { setSearchIndexKey } from './search/search-key'
import { parseDocument } from './import'

export { resolveArchiveDir } from './archive-dir'

/**
 * Opens (and on first use seeds) an archive; `lockAs` names the writer that takes the archive's lock;
 * `trustKeyFile` is this machine's catalog trust key, outside the archive (see archive/catalog-trust.ts).
 */
export async function openArchive(
  dir: string,
  samplesDir?: string,
  lockAs?: string,
  trustKeyFile?: string,
): Promise<Archive> {
  if (lockAs) {
    await mkdir(dir, { recursive: true })
    lockArchive(dir, lockAs)
  }
  const archive = await Archive.open(dir, {
    seed: samplesDir ? (archive) => seedSamples(archive, samplesDir) : undefined,
    ...(trustKeyFile ? { trustKeyFile } : {}),
  })
  setFigureIndexKey(archive, trustKeyFile)
  setSearchIndexKey(archive, trustKeyFile)
  return archive
}

/**
 * Background care of an archive a person works in: the day's snapshot, ten minutes after startup, so it
 * never competes with opening the archive and the first reading — except for an archive that has none yet
 * (a new one), which is backed up at once.
 */
export function startHousekeeping(archive: Archive, delayMs = 10 * 60_000): () => void {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const snapshot = () =>
    autoSnapshot(archive).catch((err: unknown) =>
      console.error('Glossa could not take the daily snapshot:', err),
    )
  const first = listSnapshots(archive).then(
    (existing) => {
      if (stopped) return
      if (existing.length === 0) return snapshot()
      timer = setTimeout(snapshot, delayMs)
      timer.unref?.()
    },
    (err: unknown) => console.error('Glossa could not list its snapshots:', err),
  )
  void first
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}

async function seedSamples(archive: Archive, samplesDir: string): Promise<void> {
  let names: string[]
  try {
    names = (await readdir(samplesDir)).sort()
  } catch {
    return // A build without samples still opens; the library is simply empty.
  }
  for (const name of names) {
    const bytes = await readFile(join(samplesDir, name))
    const doc = parseDocument({ name, bytes })
    await archive.createArticle({
      title: doc.title,
      text: doc.text,
      html: doc.html,
      source: doc.source ?? 'Glossa sample',
      tags: ['sample'],
      ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
      ...(doc.author ? { author: doc.author } : {}),
      ...(doc.url ? { url: doc.url } : {}),
    })
  }
}
