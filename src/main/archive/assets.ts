// Main process: article images in the archive, `assets/<article id>/<sha256>.<ext>`. Written once, atomically,
// before the body that names them; checked on every read (the name is the hash of the bytes, and the bytes must
// be the image type the name says), so a swapped or damaged file is refused, never served.
import { createHash } from 'node:crypto'
import { lstat, mkdir } from 'node:fs/promises'
import { GlossaError } from '../../shared/errors'
import { IMAGE_LIMITS, sniffImage } from '../../shared/assets'
import { removeDurably, writeAtomic } from './atomic'
import { assetFile, assetFolder } from './ids'
import { FileTooLarge, readRegularBytes } from './regular-file'

export type StoredImage = { name: string; bytes: Uint8Array }
export type ImageBytes = { mime: string; bytes: Uint8Array }

/** The archive name of an image: the SHA-256 of its bytes and the extension its bytes show; undefined if no image. */
export function imageName(bytes: Uint8Array): string | undefined {
  const type = sniffImage(bytes)
  if (!type) return undefined
  return `${createHash('sha256').update(bytes).digest('hex')}.${type.ext}`
}

/**
 * The article's folder of files, made if missing. Never a link: a hostile archive's `assets/<id>` linked elsewhere
 * had a restore write the article's files there (and undo a failed one by removing them there).
 */
async function ownFolder(root: string, id: string): Promise<void> {
  const folder = assetFolder(root, id)
  await mkdir(folder, { recursive: true })
  if ((await lstat(folder)).isSymbolicLink())
    throw new GlossaError(
      'conflict',
      `assets/${id} is a link to another folder, and Glossa writes nothing outside the archive. Replace the link with the folder itself.`,
    )
}

export async function writeImages(root: string, id: string, images: StoredImage[]): Promise<void> {
  if (!images.length) return
  await ownFolder(root, id)
  for (const image of images) {
    if (imageName(image.bytes) !== image.name)
      throw new GlossaError('invalid_argument', `Image ${image.name} does not hold the bytes its name says.`)
    await writeAtomic(assetFile(root, id, image.name), image.bytes)
  }
}

/**
 * A stored file's bytes, checked at the handle they are read from (regular-file.ts): a link, a pipe or anything
 * but a regular file is `missing` (a stat of the name followed the link, and a read of the name read whatever was
 * swapped in after the stat); one past `maxBytes` is `too large`, unread.
 */
async function readAsset(file: string, maxBytes: number): Promise<Uint8Array | 'missing' | 'too large'> {
  try {
    return new Uint8Array(await readRegularBytes(file, maxBytes))
  } catch (err) {
    return err instanceof FileTooLarge ? 'too large' : 'missing'
  }
}

export async function readImage(root: string, id: string, name: string): Promise<ImageBytes> {
  const read = await readAsset(assetFile(root, id, name), IMAGE_LIMITS.maxBytes)
  if (read === 'missing')
    throw new GlossaError(
      'not_found',
      `Article ${id} has no image ${name}; it may have come from a backup made before backups carried images.`,
    )
  if (read === 'too large')
    throw new GlossaError('corrupt_file', `assets/${id}/${name} is larger than any image Glossa stores.`)
  const bytes = read
  const type = sniffImage(bytes)
  if (!type || imageName(bytes) !== name)
    throw new GlossaError(
      'corrupt_file',
      `assets/${id}/${name} is damaged: its bytes are not the image its name says.`,
    )
  return { mime: type.mime, bytes }
}

export async function removeImages(root: string, id: string): Promise<void> {
  await removeDurably(assetFolder(root, id), { recursive: true })
}

/** The largest PDF the archive keeps (import refuses larger files first). */
export const MAX_PDF_BYTES = 100 * 1024 * 1024

/** A PDF report kept with its article: `<sha256>.pdf`. */
export type StoredPdf = { name: string; bytes: Uint8Array }

/** The archive name of a PDF's bytes, or undefined when they are not a PDF. */
export function pdfName(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  if (!head.includes('%PDF-')) return undefined
  return `${createHash('sha256').update(bytes).digest('hex')}.pdf`
}

export async function writePdf(root: string, id: string, pdf: StoredPdf): Promise<void> {
  if (pdfName(pdf.bytes) !== pdf.name)
    throw new GlossaError('invalid_argument', `PDF ${pdf.name} does not hold the bytes its name says.`)
  await ownFolder(root, id)
  await writeAtomic(assetFile(root, id, pdf.name), pdf.bytes)
}

/** The PDF's bytes, checked against the hash its name says; a swapped or damaged file is refused. */
export async function readPdfAsset(
  root: string,
  id: string,
  name: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const read = await readAsset(assetFile(root, id, name), maxBytes)
  if (read === 'missing')
    throw new GlossaError(
      'not_found',
      `Article ${id} has no PDF file; it may have come from a backup made before backups carried files, or from a team member (sync carries no files yet). Its text is still there.`,
    )
  if (read === 'too large')
    throw new GlossaError('corrupt_file', `assets/${id}/${name} is larger than any PDF Glossa stores.`)
  const bytes = read
  if (pdfName(bytes) !== name)
    throw new GlossaError(
      'corrupt_file',
      `assets/${id}/${name} is damaged: its bytes are not the PDF that was imported.`,
    )
  return bytes
}
