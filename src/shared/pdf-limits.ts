// Runs everywhere: pdf.js's options for a PDF from outside, shared by the import (parse process) and the reader
// (its Web Worker), and a quick look through a PDF's bytes for images declared larger than pdf.js will draw.
// A PDF can declare an image of any size over a few kilobytes of compressed zeros; decoded, a 20,000 × 20,000
// picture is 1.6 GB of pixels, which took the renderer's memory. pdf.js 5.4 refuses an image whose width ×
// height is over `maxImageSize` before decoding it (the page is drawn without it, `stopAtErrors` false), and
// with `canvasMaxAreaInBytes` set it scales the images it does draw down to that area instead of first probing
// how large a canvas the browser allows (itself a series of huge canvases). Pure: no Node, no DOM.

/** The most pixels (width × height) of one image pdf.js decodes: a 600 dpi scan of an A3 page is 70 million. */
export const PDF_MAX_IMAGE_PIXELS = 75_000_000
/** The largest canvas area, in bytes (4 a pixel), an image is scaled to in the worker: 16.7 million pixels. */
export const PDF_CANVAS_MAX_AREA_BYTES = 4 * 4096 * 4096

/** pdf.js's options for a document from outside: no eval, no scripting, no XFA, no fonts installed, bounded images. */
export const PDF_SAFE_OPTIONS = {
  isEvalSupported: false,
  enableXfa: false,
  disableFontFace: true,
  useSystemFonts: false,
  stopAtErrors: false,
  verbosity: 0,
  maxImageSize: PDF_MAX_IMAGE_PIXELS,
  canvasMaxAreaInBytes: PDF_CANVAS_MAX_AREA_BYTES,
} as const

export type OversizeImage = { width: number; height: number }
export type OversizeScan = {
  count: number
  /** The first images found (LISTED at most). */
  images: OversizeImage[]
  /** The object numbers of the pages found to draw one (through their resources, forms included). */
  pages: number[]
}

/** The most of an object's dictionary read (a page's or an image's comes well within it). */
const DICT = 4096
/** The most images listed; more are counted in `count`. */
const LISTED = 20
/** Objects read at most: a file of millions of tiny objects would make the look a burden of its own. */
const MAX_OBJECTS = 200_000
/** Resources, XObject dictionaries and forms between an image and its page, followed this far. */
const HOPS = 4

const [O, B, J] = [0x6f, 0x62, 0x6a]

/** Each uncompressed object's dictionary (the text up to its stream or its end), by object number. */
function objectDicts(bytes: Uint8Array): Map<number, string> {
  const decoder = new TextDecoder('latin1')
  const dicts = new Map<number, string>()
  let keywords = 0
  // Each `obj` keyword, found on the bytes (decoding megabytes of image data to search it took seconds), then
  // its number before it; only the few bytes around one are decoded.
  for (let i = bytes.indexOf(O); i >= 0; i = bytes.indexOf(O, i + 1)) {
    if (bytes[i + 1] !== B || bytes[i + 2] !== J) continue
    // `endobj` and `obj` come twice an object; a file of nothing but the word stops here too.
    if (++keywords > 2 * MAX_OBJECTS) break
    const head = /(?:^|[^\d])(\d{1,10})\s+\d{1,5}\s+$/.exec(
      decoder.decode(bytes.subarray(Math.max(0, i - 24), i)),
    )
    const after = bytes[i + 3]
    if (!head || (after !== undefined && /\w/.test(String.fromCharCode(after)))) continue
    // Up to its stream, its end or the next object, decoded again at that length: what is kept is never more
    // than the file (a slice would keep the whole window alive).
    const end = decoder.decode(bytes.subarray(i + 3, i + 3 + DICT)).search(/\bstream\b|\bendobj\b|\d\s+obj\b/)
    dicts.set(Number(head[1]), decoder.decode(bytes.subarray(i + 3, i + 3 + (end < 0 ? DICT : end))))
    if (dicts.size >= MAX_OBJECTS) break
  }
  return dicts
}

/**
 * The images whose dictionaries (`/Subtype /Image … /Width w /Height h`) declare more than `limit` pixels, and the
 * pages that draw them. A stream's dictionary is never compressed (PDF 32000, 7.5.7: streams are not kept in
 * object streams), so every image that gives its size as numbers is found; one that gives it by reference is
 * missed here and still refused by pdf.js. A page kept in a compressed object stream is not found (the reader
 * then says so above the pages only). Used to say so, never to decide what is drawn.
 */
export function findOversizeImages(bytes: Uint8Array, limit = PDF_MAX_IMAGE_PIXELS): OversizeScan {
  const dicts = objectDicts(bytes)
  const images: OversizeImage[] = []
  let refs = new Set<number>()
  for (const [num, dict] of dicts) {
    if (!/\/Subtype\s*\/Image\b/.test(dict)) continue
    const width = Number(/\/Width\s+(\d{1,12})\b/.exec(dict)?.[1] ?? 0)
    const height = Number(/\/Height\s+(\d{1,12})\b/.exec(dict)?.[1] ?? 0)
    if (width * height <= limit) continue
    refs.add(num)
    if (images.length < LISTED) images.push({ width, height })
  }
  const count = refs.size
  const pages = new Set<number>()
  const seen = new Set(refs)
  for (let hop = 0; hop < HOPS && refs.size; hop++) {
    const next = new Set<number>()
    for (const [num, dict] of dicts) {
      const refers = [...dict.matchAll(/(\d{1,10})\s+\d{1,5}\s+R\b/g)].some((r) => refs.has(Number(r[1])))
      if (!refers || seen.has(num)) continue
      seen.add(num)
      if (/\/Type\s*\/Page\b/.test(dict)) pages.add(num)
      else next.add(num)
    }
    refs = next
  }
  return { count, images, pages: [...pages] }
}

/** What the reader shows on a page whose image pdf.js refused, and above the pages of such a PDF. */
export function oversizeNote(image?: OversizeImage): string {
  const size = image
    ? ` (${image.width.toLocaleString('en')} × ${image.height.toLocaleString('en')} pixels)`
    : ''
  return `An image on this page${size} is larger than Glossa draws (${(PDF_MAX_IMAGE_PIXELS / 1e6).toFixed(0)} million pixels), so it is left out; the rest of the page is shown.`
}
