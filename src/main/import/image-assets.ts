// Main process: the importer's second step for a page with images. Each placeholder image (images.ts) gets its
// bytes — from the saved page's own folder ("Page_files/…") for a file, downloaded (fetch-image.ts) for a web
// address — is checked to be a raster image by its bytes, and named by their hash; the HTML then names it
// `glossa-asset:<name>`. An image that cannot be had is removed from the HTML (images carry no text, so the
// article text and every offset in it stay the same).
import { realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { ASSET_SCHEME, IMAGE_LIMITS } from '../../shared/assets'
import type { StoredImage } from '../archive/assets'
import { imageName } from '../archive/assets'
import { FileTooLarge, readRegularBytes } from '../archive/regular-file'
import type { FetchImageOptions } from './fetch-image'
import { fetchImage } from './fetch-image'
import type { PendingImage } from './images'

export type ImageSource =
  /** A saved page on disk: relative image paths are read from inside `folder`, nothing is downloaded. */
  | { folder: string }
  /** A page fetched from the web: absolute http(s) images are downloaded. */
  | { web: FetchImageOptions }
  | undefined

export type ResolvedImages = { html: string; images: StoredImage[]; skipped: string[] }

export async function resolveImages(
  html: string,
  pending: PendingImage[],
  from: ImageSource,
): Promise<ResolvedImages> {
  const images = new Map<string, StoredImage>()
  const skipped: string[] = []
  let total = 0
  let out = html
  for (const image of pending) {
    const got = await bytesOf(image.url, from)
    let name: string | undefined
    if ('bytes' in got) {
      name = imageName(got.bytes)
      if (!name) skipped.push(`${image.url}: not a PNG, JPEG, GIF, WebP or AVIF image`)
      else if (!images.has(name) && total + got.bytes.length > IMAGE_LIMITS.maxTotalBytes) {
        skipped.push(`${image.url}: the article's images are already as large as Glossa keeps`)
        name = undefined
      } else if (!images.has(name)) {
        images.set(name, { name, bytes: got.bytes })
        total += got.bytes.length
      }
    } else skipped.push(`${image.url}: ${got.reason}`)
    out = replacePlaceholder(out, image.ref, name)
  }
  // Anything the list did not name (it cannot happen, but a placeholder must never be stored).
  out = out.replace(/<img src="glossa-pending:\d{1,4}"[^>]*>/g, '')
  return { html: out, images: [...images.values()], skipped }
}

function replacePlaceholder(html: string, ref: number, name: string | undefined): string {
  // The sanitizer's serializer writes src first and escapes every attribute, so `[^>]*` ends at the tag's end.
  const tag = new RegExp(`<img src="glossa-pending:${ref}"([^>]*)>`, 'g')
  return html.replace(tag, (_, rest: string) => (name ? `<img src="${ASSET_SCHEME}${name}"${rest}>` : ''))
}

async function bytesOf(url: string, from: ImageSource): Promise<{ bytes: Uint8Array } | { reason: string }> {
  if (!from) return { reason: 'images of pasted pages are not kept' }
  if ('web' in from) {
    if (!/^https?:/i.test(url)) return { reason: 'not a web address' }
    return fetchImage(url, from.web)
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url))
    return { reason: 'saved pages keep only the images saved beside them' }
  let path: string
  try {
    path = resolve(from.folder, decodeURIComponent(url))
  } catch {
    return { reason: 'not a file name' }
  }
  const inside = relative(from.folder, path)
  if (!inside || inside.startsWith('..') || isAbsolute(inside))
    return { reason: 'outside the saved page’s folder' }
  // Where it really is: a folder on the way may be a link (an unpacked zip or tar holds them) to the person's own
  // files, which were stored in the article. The page's folder itself may be reached through a link of theirs.
  const [real, realFolder] = await Promise.all([realpath(path), realpath(from.folder)]).catch(() => [])
  if (!real || !realFolder) return { reason: 'no such file beside the page' }
  const really = relative(realFolder, real)
  if (!really || really.startsWith('..') || isAbsolute(really))
    return { reason: 'outside the saved page’s folder (through a link)' }
  // Checked at the handle it is read from (regular-file.ts): a link, a pipe or a larger file swapped in after a
  // check of the name would be read.
  const read = await readRegularBytes(real, IMAGE_LIMITS.maxBytes).catch((err: unknown) => err)
  if (read instanceof FileTooLarge) return { reason: 'larger than an article image may be' }
  if (!(read instanceof Buffer)) return { reason: 'no such file beside the page' }
  return { bytes: new Uint8Array(read) }
}
