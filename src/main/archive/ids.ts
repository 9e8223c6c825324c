// Main process: ids, shard names, the paths built from ids, and content hashes.
import { createHash, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { ASSET_NAME, PDF_ASSET_NAME } from '../../shared/assets'
import { GlossaError } from '../../shared/errors'
import { ID_PATTERN } from '../../shared/schemas'

/** 12 hex characters: 48 random bits, plenty for one person's archive, short enough for file names. */
export function newId(): string {
  return randomBytes(6).toString('hex')
}

/** An id by the same rule as `idSchema`: never a path separator, a dot or anything else a path could use. */
export function isPlainId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id)
}

/**
 * The catalog's first-level bucket of an article (256 of them). A bucket past 64 KB is split in 16 by the id's
 * next character, and so on (catalog-layout.ts): `CatalogStore.bucketFor(id)` is the file that holds it now.
 */
export function bucketOf(id: string): string {
  return id.slice(0, 2)
}

export type ArticleFolder = 'bodies' | 'annotations' | 'trash'

/**
 * The one place an article id becomes a file path. Anything but a plain id (`../../tmp/x`, an empty string, a
 * name with a dot) is refused, so no record read from disk or sent by a caller can reach outside the archive.
 */
export function articleFile(root: string, folder: ArticleFolder, id: string): string {
  if (!isPlainId(id)) {
    const shown = JSON.stringify(String(id).slice(0, 80))
    throw new GlossaError(
      'invalid_argument',
      `${shown} is not an article id (4–64 lowercase letters, digits, _ or -), so no file is read or written for it.`,
    )
  }
  return join(root, folder, `${id}.json`)
}

/**
 * The one place an image or PDF name becomes a path: `assets/<article id>/<sha256>.<ext>`. The id must be plain and the
 * name exactly a content hash with an image or .pdf extension, so nothing can name a file outside its article's folder.
 */
export function assetFile(root: string, id: string, name: string): string {
  const folder = articleFile(root, 'bodies', id) && join(root, 'assets', id)
  if (!ASSET_NAME.test(name) && !PDF_ASSET_NAME.test(name)) {
    throw new GlossaError(
      'invalid_argument',
      `${JSON.stringify(String(name).slice(0, 80))} is not an asset name (a SHA-256 and png, jpg, gif, webp, avif or pdf), so no file is read or written for it.`,
    )
  }
  return join(folder, name)
}

export function assetFolder(root: string, id: string): string {
  return articleFile(root, 'bodies', id) && join(root, 'assets', id)
}

export function textHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 32)
}
