// Main process, export job process: an article's files under `assets/<id>/` (its images and, for a PDF report, the
// PDF) as a JSON backup carries them, base64 in its `assets` list, and back. Both ways every file is checked by
// the rule that stores it (assets.ts): the name is the SHA-256 of the bytes and the bytes are the type the name
// says; a file that fails is left out of a backup (and named), and refuses the restore of its article.
import { readdir, rm, rmdir } from 'node:fs/promises'
import { ASSET_NAME, PDF_ASSET_NAME } from '../../shared/assets'
import type { BackupAsset } from '../../shared/export'
import { GlossaError } from '../../shared/errors'
import { MAX_PDF_BYTES, readImage, readPdfAsset, writeImages, writePdf } from './assets'
import { assetFile, assetFolder } from './ids'

const toBase64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')

/** An article's stored files, for a backup; damaged ones are left out and named in `problems`. */
export async function readArticleAssets(
  dir: string,
  id: string,
): Promise<{ assets: BackupAsset[]; problems: string[] }> {
  const names = await readdir(assetFolder(dir, id)).catch(() => [] as string[])
  const assets: BackupAsset[] = []
  const problems: string[] = []
  for (const name of names.sort()) {
    try {
      if (ASSET_NAME.test(name))
        assets.push({ articleId: id, name, dataBase64: toBase64((await readImage(dir, id, name)).bytes) })
      else if (PDF_ASSET_NAME.test(name))
        assets.push({
          articleId: id,
          name,
          dataBase64: toBase64(await readPdfAsset(dir, id, name, MAX_PDF_BYTES)),
        })
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err))
    }
  }
  return { assets, problems }
}

/**
 * Writes a restored article's files before its body names them; refuses any file whose bytes fail its name.
 * Returns how to take back what it wrote: only files that were not there before (an article in the trash keeps
 * its files under the same id, and they stay).
 */
export async function writeArticleAssets(
  dir: string,
  id: string,
  assets: BackupAsset[],
): Promise<() => Promise<void>> {
  const mine = assets.filter((a) => a.articleId === id)
  const before = new Set(mine.length ? await readdir(assetFolder(dir, id)).catch(() => [] as string[]) : [])
  const undo = async () => {
    for (const a of mine)
      if (!before.has(a.name)) await rm(assetFile(dir, id, a.name), { force: true }).catch(() => {})
    // The folder too, if this left it empty (rmdir refuses a folder that still holds files).
    if (!before.size) await rmdir(assetFolder(dir, id)).catch(() => {})
  }
  if (!mine.length) return undo
  try {
    const decoded = mine.map((a) => ({
      name: a.name,
      bytes: new Uint8Array(Buffer.from(a.dataBase64, 'base64')),
    }))
    await writeImages(
      dir,
      id,
      decoded.filter((a) => ASSET_NAME.test(a.name)),
    )
    for (const pdf of decoded.filter((a) => PDF_ASSET_NAME.test(a.name))) await writePdf(dir, id, pdf)
  } catch (err) {
    await undo()
    throw new GlossaError(
      'invalid_argument',
      `Article ${id} was not restored: ${err instanceof Error ? err.message : String(err)}`,
    )
  }
  return undo
}
