// Main process: which character encoding a page's bytes are in (BOM, then HTTP header, then <meta>), and decoding.

export type Encoding = { label: string; bomLength: number }

export function bomEncoding(bytes: Uint8Array): Encoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', bomLength: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', bomLength: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', bomLength: 2 }
  return undefined
}

/** The charset= parameter of a Content-Type header. */
export function headerCharset(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')
  return match ? supportedLabel(match[1]) : undefined
}

/** A simplified version of the HTML prescan: a charset in a <meta> within the first 1024 bytes. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  const match = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  if (!match) return undefined
  const label = supportedLabel(match[1])
  // A page that reached us as bytes cannot really be UTF-16 if its <meta> was readable as ASCII.
  return label?.startsWith('utf-16') ? 'utf-8' : label
}

/** The label TextDecoder knows `raw` by, or undefined for encodings it cannot decode. */
export function supportedLabel(raw: string): string | undefined {
  try {
    return new TextDecoder(raw.trim().toLowerCase()).encoding
  } catch {
    return undefined
  }
}

export function decodeWith(label: string, bytes: Uint8Array, fatal = false): string {
  const text = new TextDecoder(label, { fatal }).decode(bytes)
  return label === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252[c] ?? c) : text
}

// Node 20's TextDecoder decodes windows-1252 as ISO-8859-1, turning curly quotes and dashes into C1 controls.
const WINDOWS_1252: Record<string, string> = Object.fromEntries(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'].map((c, i) => [
    String.fromCharCode(0x80 + i),
    c,
  ]),
)
