// Main process: compares what a saved index was built from with the archive as it is now, so changes made
// while no index was running (another Glossa process, the CLI, a crash before the last save) are caught.
import { createHash } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { articleFile } from '../archive/ids'
import type { ArticleMeta } from '../../shared/types'
import { metaSignature } from './documents'
import type { ArchiveReader } from '../archive/reader'

/** `meta`: the article document's inputs; `annotations`: the annotations file as indexed ('' = none). */
export type Signature = { meta: string; annotations: string }

export type Staleness = { added: string[]; changed: string[]; removed: string[] }

const STAT_BATCH = 64

/** The signature every article in the archive would have if indexed now. */
export async function currentSignatures(
  source: ArchiveReader,
  recorded: ReadonlyMap<string, Signature>,
): Promise<Map<string, Signature>> {
  const metas = source.list()
  const withFiles = await annotatedIds(source.dir)
  const out = new Map<string, Signature>()
  for (let i = 0; i < metas.length; i += STAT_BATCH) {
    const batch = metas.slice(i, i + STAT_BATCH)
    const annotations = await Promise.all(
      batch.map((m) => annotationSignature(source, m, recorded.get(m.id)?.annotations ?? '', withFiles)),
    )
    batch.forEach((m, k) => out.set(m.id, { meta: metaSignature(m), annotations: annotations[k] }))
  }
  return out
}

/** Identifies an archive state: the article count and a hash over every article's signature. */
export function fingerprint(signatures: ReadonlyMap<string, Signature>): string {
  const hash = createHash('sha1')
  const sorted = [...signatures].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  for (const [id, s] of sorted) hash.update(`${id}\t${s.meta}\t${s.annotations}\n`)
  return `${signatures.size}:${hash.digest('base64url').slice(0, 22)}`
}

export function staleness(
  recorded: ReadonlyMap<string, Signature>,
  current: ReadonlyMap<string, Signature>,
  indexed: (id: string) => boolean,
): Staleness {
  const result: Staleness = { added: [], changed: [], removed: [] }
  for (const [id, now] of current) {
    const then = recorded.get(id)
    if (!then || !indexed(id)) result.added.push(id)
    else if (then.meta !== now.meta || then.annotations !== now.annotations) result.changed.push(id)
  }
  for (const id of recorded.keys()) if (!current.has(id)) result.removed.push(id)
  return result
}

export function describeStaleness(s: Staleness): string {
  const parts = [
    s.added.length && `${s.added.length} added`,
    s.changed.length && `${s.changed.length} changed`,
    s.removed.length && `${s.removed.length} removed`,
  ].filter(Boolean)
  return `stale: ${parts.join(', ')} while the index was closed`
}

/**
 * The ids whose annotations file exists, from one listing of the folder (far cheaper than a stat per article).
 * The catalog's counts cannot say it after a crash: they are written after the annotations file, unawaited, so a
 * kill between the two leaves an article with notes on disk and 0 in its counts.
 */
async function annotatedIds(dir: string): Promise<ReadonlySet<string>> {
  try {
    const names = await readdir(join(dir, 'annotations'))
    return new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)))
  } catch {
    return new Set()
  }
}

/**
 * The annotations file's inode, size, modification and change times (ns), so a note edited while no index was
 * running is noticed — also one rewritten in place to the same size with its mtime set back (`touch -d`): the
 * change time moves with every write and no user can set it. Articles without annotations (by the catalog's
 * counts, or by `withFiles`, the folder's listing, when given) and without an indexed file are not stat'ed.
 */
export async function annotationSignature(
  source: ArchiveReader,
  meta: ArticleMeta,
  recorded: string,
  withFiles?: ReadonlySet<string>,
): Promise<string> {
  const none = withFiles ? !withFiles.has(meta.id) : meta.counts.highlights + meta.counts.figures === 0
  if (none && !recorded) return ''
  try {
    const s = await stat(articleFile(source.dir, 'annotations', meta.id), { bigint: true })
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`
  } catch {
    return ''
  }
}
