// Main process: ids, shard names and content hashes.
import { createHash, randomBytes } from 'node:crypto'

/** 12 hex characters: 48 random bits, plenty for one person's archive, short enough for file names. */
export function newId(): string {
  return randomBytes(6).toString('hex')
}

/** Catalog bucket of an article: 256 buckets, so a catalog write touches about 1/256 of the catalog. */
export function bucketOf(id: string): string {
  return id.slice(0, 2)
}

export function textHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 32)
}
