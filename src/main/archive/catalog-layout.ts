// Main process: which catalog bucket file holds an article. The catalog starts as 256 buckets named by the id's
// first two characters (`catalog/ab.json`); a bucket whose text passes SPLIT_BYTES is split in 16 by the id's next
// character (`ab0.json` … `abf.json`), and so on down to MAX_NAME characters, so a save rewrites a bucket of at
// most SPLIT_BYTES however large the archive grows (one of 256 buckets of 100,000 articles was 300 KB).
//
// The files on disk are the layout: a name whose file exists is a bucket, and every shorter name it starts with
// (two characters or more) is split. A split writes the 16 children first and removes the parent last, so a
// crash in between leaves the parent beside (some of) its children: opening then folds them back into the
// parent, the deeper file winning for an id both hold, and finishes the split before anything else is written.
/** A bucket file larger than this (characters of JSON) is split in 16 when it is next written. */
export const SPLIT_BYTES = 64 * 1024
/** The deepest bucket name: 2 characters of the id and 4 hex digits (16.7 million buckets). */
export const MAX_NAME = 6
/** A bucket name of the layout: the first two characters of an id, then up to four hex digits. */
const LAYOUT_NAME = /^[a-z0-9_-]{2}[0-9a-f]{0,4}$/

/** The hex digit an id gives at position `k` (k ≥ 2): the character itself when it is one, else one made from it. */
export function digitOf(id: string, k: number): string {
  const c = id[k]
  if (c === undefined) return '0'
  return /[0-9a-f]/.test(c) ? c : (c.charCodeAt(0) & 15).toString(16)
}

/** The bucket name of `length` characters that an id belongs to. */
export function bucketAt(id: string, length: number): string {
  let name = id.slice(0, 2)
  for (let k = 2; k < length; k++) name += digitOf(id, k)
  return name
}

/** Whether an article with this id belongs in bucket `bucket` (never, for a name outside the layout). */
export function belongsIn(id: string, bucket: string): boolean {
  return bucketAt(id, bucket.length) === bucket
}

export function isLayoutName(name: string): boolean {
  return LAYOUT_NAME.test(name)
}

/** The 16 buckets a bucket splits into. */
export function childrenOf(bucket: string): string[] {
  return Array.from({ length: 16 }, (_, d) => bucket + d.toString(16))
}

/** Bucket names of the layout, two characters or more, that `name` starts with (shortest first). */
function prefixesOf(name: string): string[] {
  return Array.from({ length: name.length - 2 }, (_, i) => name.slice(0, i + 2))
}

export type FileLayout = {
  /** Buckets split: no file of their own, their ids are in longer names. */
  split: Set<string>
  /** The files each bucket is read from: its own, then (after a split a crash cut short) its descendants. */
  leftovers: Map<string, string[]>
}

/**
 * The layout the bucket files on disk describe. A file whose name starts with another file's name is a leftover
 * of a split that did not finish: it is listed under the shortest such file, deepest last.
 */
export function layoutOf(names: Iterable<string>): FileLayout {
  const files = new Set(names)
  const split = new Set<string>()
  const leftovers = new Map<string, string[]>()
  for (const name of files) {
    if (!isLayoutName(name)) continue
    const parent = prefixesOf(name).find((p) => files.has(p))
    if (parent === undefined) {
      for (const p of prefixesOf(name)) split.add(p)
      continue
    }
    const list = leftovers.get(parent) ?? []
    list.push(name)
    leftovers.set(parent, list)
  }
  for (const list of leftovers.values()) list.sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
  return { split, leftovers }
}

/** The bucket that holds `id` in a catalog whose split buckets are `split`. */
export function leafOf(id: string, split: ReadonlySet<string>): string {
  let name = id.slice(0, 2)
  while (split.has(name) && name.length < MAX_NAME) name += digitOf(id, name.length)
  return name
}
