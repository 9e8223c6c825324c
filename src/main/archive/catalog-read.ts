// Main process: what a catalog bucket's file gives when the catalog opens — its entries checked (records.ts),
// or taken as they are when this machine's trust says it checked that very text before (catalog-trust.ts) —
// and why a bucket must stay read-only: a damaged file, or entries Glossa cannot use, which are never written
// over. The store (catalog-store.ts) decides what to hold; this only reads.
import { GlossaError } from '../../shared/errors'
import type { ArticleMeta } from '../../shared/types'
import type { CatalogFile } from './catalog-buckets'
import { SPLIT_BYTES } from './catalog-layout'
import { keptAsRead } from './catalog-trust'
import type { CatalogTrust } from './catalog-trust'
import type { Problem } from './problems'
import { checkCatalogEntries } from './records'
import type { Shard } from './shard'

/** Opens one bucket's file (catalog-store.ts), telling its text when it was read from disk. */
export type OpenBucket = (bucket: string, onText?: (text: string) => void) => Promise<Shard<CatalogFile>>

export type BucketRead = {
  /** The entries to show: all of them, or those that pass when others are refused. */
  metas: ArticleMeta[]
  /** The shard to write through; absent when the bucket must stay read-only. */
  shard?: Shard<CatalogFile>
  /** Why the bucket stays read-only, as a problem for the archive. */
  damage?: Problem
  /** Every entry passed unchanged: what the bucket is written as may be trusted. */
  clean: boolean
  /** Past the split size as read (from a Glossa that did not split): split once open. */
  oversized: boolean
}

/** Reads one bucket at open; with `trust`, a text checked before is taken as it is and counted as trusted. */
export async function readBucket(
  open: OpenBucket,
  bucket: string,
  trust: CatalogTrust | null,
): Promise<BucketRead> {
  try {
    let text: string | undefined
    const shard = await open(bucket, (t) => (text = t))
    const oversized = text !== undefined && text.length > SPLIT_BYTES
    if (trust && text !== undefined && trust.matches(bucket, text)) {
      trust.opened.trusted++
      return { metas: Object.values(shard.data.articles), shard, clean: true, oversized }
    }
    const { metas, refused, unchanged } = checkCatalogEntries(shard.data.articles, bucket, keptAsRead)
    if (trust) trust.opened.checked++
    if (!refused.length) {
      if (unchanged && trust && text !== undefined) trust.record(bucket, text)
      return { metas, shard, clean: unchanged, oversized }
    }
    // The entries that pass are shown; the bucket is never written, so the refused ones are not lost.
    const file = `catalog/${bucket}.json`
    const message = `${file} has ${refused.length === 1 ? 'an entry' : `${refused.length} entries`} Glossa cannot use (${refused.slice(0, 3).join('; ')}${refused.length > 3 ? '; …' : ''}). It was left untouched; restore it from a backup.`
    return { metas, damage: { file, message }, clean: false, oversized }
  } catch (err) {
    if (!(err instanceof GlossaError)) throw err
    // A damaged bucket stays readable-nothing and writable-never until it is restored; the rest opens.
    return { metas: [], damage: { file: err.file, message: err.message }, clean: false, oversized: false }
  }
}

/**
 * The entries of the deeper files of a split a crash cut short (`parts`, shortest first), each checked; or the
 * first damage found, in which case nothing of the split may be used.
 */
export async function readSplitParts(
  open: OpenBucket,
  parts: string[],
): Promise<{ metas: ArticleMeta[]; unchanged: boolean } | { damage: Problem }> {
  const metas: ArticleMeta[] = []
  let unchanged = true
  for (const name of parts) {
    try {
      const part = await open(name)
      const checked = checkCatalogEntries(part.data.articles, name, keptAsRead)
      if (checked.refused.length) {
        const message = `catalog/${name}.json has entries Glossa cannot use (${checked.refused.slice(0, 3).join('; ')}). It was left untouched; restore it from a backup.`
        return { damage: { file: `catalog/${name}.json`, message } }
      }
      unchanged &&= checked.unchanged
      metas.push(...checked.metas)
    } catch (err) {
      if (!(err instanceof GlossaError)) throw err
      return { damage: { file: err.file, message: err.message } }
    }
  }
  return { metas, unchanged }
}
