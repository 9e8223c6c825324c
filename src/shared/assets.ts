// Runs everywhere: an article's images as the archive keeps them. Stored HTML names one as
// `glossa-asset:<sha256 of its bytes>.<ext>`, an address relative to its article that no browser can fetch; the
// reader asks the service for the bytes (articles.image). Only these raster types, told by their bytes.

export const ASSET_SCHEME = 'glossa-asset:'
export const ASSET_NAME = /^[0-9a-f]{64}\.(?:png|jpg|gif|webp|avif)$/
/** A PDF kept with its article: `assets/<id>/<sha256>.pdf`, served by articles.pdf. */
export const PDF_ASSET_NAME = /^[0-9a-f]{64}\.pdf$/
/**
 * The most pages a PDF report may have: import refuses a longer one (its text alone would be hundreds of megabytes
 * of reading), and the reader refuses to lay one out (a PDF from a backup, a team member or a copied archive never
 * passed import: 100,000 blank pages are 10 MB, and laying them out never ended).
 */
export const MAX_PDF_PAGES = 5000
export const ASSET_SRC = /^glossa-asset:[0-9a-f]{64}\.(?:png|jpg|gif|webp|avif)$/

export type ImageType = { ext: 'png' | 'jpg' | 'gif' | 'webp' | 'avif'; mime: string }

export const IMAGE_LIMITS = {
  /** One image; a news photo is well under 1 MB. */
  maxBytes: 8 * 1024 * 1024,
  /** All of one article's images together. */
  maxTotalBytes: 40 * 1024 * 1024,
}

const starts = (bytes: Uint8Array, at: number, ascii: string) =>
  ascii.split('').every((c, i) => bytes[at + i] === c.charCodeAt(0))

/** The image type the bytes say they are (never the file name or a server's header), or undefined. */
export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  if (bytes.length < 12) return undefined
  if (bytes[0] === 0x89 && starts(bytes, 1, 'PNG\r\n\x1a\n')) return { ext: 'png', mime: 'image/png' }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { ext: 'jpg', mime: 'image/jpeg' }
  if (starts(bytes, 0, 'GIF87a') || starts(bytes, 0, 'GIF89a')) return { ext: 'gif', mime: 'image/gif' }
  if (starts(bytes, 0, 'RIFF') && starts(bytes, 8, 'WEBP')) return { ext: 'webp', mime: 'image/webp' }
  if (starts(bytes, 4, 'ftypavif') || starts(bytes, 4, 'ftypavis')) return { ext: 'avif', mime: 'image/avif' }
  return undefined
}

/** The asset name in `src`, or undefined when it is not an archive image. */
export function assetNameOf(src: string | null | undefined): string | undefined {
  if (!src || !ASSET_SRC.test(src)) return undefined
  return src.slice(ASSET_SCHEME.length)
}
