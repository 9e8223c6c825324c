// Main process: from a file's name and bytes to decoded text and a format, or an ImportError saying why not.
import { bomEncoding, decodeWith, metaCharset } from './charset'
import { formatBytes, ImportError, quoteName } from './errors'
import { MAX_IMPORT_BYTES } from './types'
import type { ImportFormat } from './types'

export type Sniffed = { format: ImportFormat; text: string }

const ACCEPTED =
  'Glossa imports saved web pages (.html), Markdown (.md), plain-text (.txt) files and PDF reports (.pdf)'
const COPY_TEXT = 'copy its text into a .txt file, or save the original web page as HTML, and import that'

// Magic numbers at offset 0 (or `at`), what the file then is, and what the researcher can do instead.
const SIGNATURES: { magic: string; at?: number; kind: string; advice?: string }[] = [
  { magic: '\x89PNG', kind: 'a PNG image' },
  { magic: '\xff\xd8\xff', kind: 'a JPEG image' },
  { magic: 'GIF8', kind: 'a GIF image' },
  { magic: 'WEBP', at: 8, kind: 'a WebP image' },
  { magic: '%PDF-', kind: 'a PDF document', advice: COPY_TEXT },
  {
    magic: 'PK\x03\x04',
    kind: 'a ZIP archive (Word .docx, EPUB and OpenDocument files are ZIP archives)',
    advice: COPY_TEXT,
  },
  { magic: 'PK\x05\x06', kind: 'an empty ZIP archive' },
  { magic: '\xd0\xcf\x11\xe0', kind: 'an old Microsoft Office document (.doc or .xls)', advice: COPY_TEXT },
  { magic: '\x1f\x8b', kind: 'a gzip-compressed file', advice: 'unpack it first' },
  { magic: '7z\xbc\xaf', kind: 'a 7-Zip archive', advice: 'unpack it first' },
  { magic: 'Rar!', kind: 'a RAR archive', advice: 'unpack it first' },
  { magic: 'SQLite format 3', kind: 'an SQLite database' },
  { magic: '\x7fELF', kind: 'a program (an ELF executable)' },
  { magic: 'ftyp', at: 4, kind: 'an audio or video file' },
  { magic: 'ID3', kind: 'an MP3 audio file' },
]

const EXTENSIONS: Record<string, ImportFormat> = {
  ...Object.fromEntries(['html', 'htm', 'xhtml', 'xht', 'shtml'].map((e) => [e, 'html' as const])),
  ...Object.fromEntries(['md', 'markdown', 'mdown', 'mkd', 'mkdn'].map((e) => [e, 'markdown' as const])),
  txt: 'text',
  text: 'text',
}

export function sniff({ name, bytes }: { name: string; bytes: Uint8Array }): Sniffed {
  const file = quoteName(name, 'The file')
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError(
      'too_large',
      `${file} is ${formatBytes(bytes.length)}; Glossa imports files of up to ${formatBytes(MAX_IMPORT_BYTES)}. Split it or save only the article.`,
    )
  }
  if (bytes.length === 0) throw new ImportError('empty', `${file} is empty; there is no text to import.`)
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''
  const signature = SIGNATURES.find((s) => hasMagic(bytes, s.magic, s.at ?? 0))
  if (signature) {
    throw new ImportError(
      'binary',
      `${file} looks like ${signature.kind}, not an article. ${ACCEPTED}${signature.advice ? `; ${signature.advice}` : ''}.`,
    )
  }
  if (ext === 'mht' || ext === 'mhtml') {
    throw new ImportError(
      'unsupported',
      `${file} is a web archive (MHTML). Save the page as “Web Page, HTML only” and import that.`,
    )
  }
  const text = decode(file, bytes, EXTENSIONS[ext] === 'html')
  if (/^\s*\{\\rtf/.test(text)) {
    throw new ImportError(
      'unsupported',
      `${file} is an RTF document. Save it as plain text (.txt) or HTML and import that.`,
    )
  }
  if (!/\S/.test(text))
    throw new ImportError('empty', `${file} contains only whitespace; there is no text to import.`)
  return { format: EXTENSIONS[ext] ?? guessFormat(text), text }
}

function decode(file: string, bytes: Uint8Array, isHtml: boolean): string {
  const bom = bomEncoding(bytes)
  if (bom) {
    try {
      return decodeWith(bom.label, bytes.subarray(bom.bomLength), true)
    } catch {
      throw new ImportError(
        'invalid_utf8',
        `${file} starts with a ${bom.label.toUpperCase()} byte-order mark but is not valid ${bom.label.toUpperCase()} text. Re-save it as UTF-8 and import it again.`,
      )
    }
  }
  const binary = describeControlBytes(bytes)
  if (binary)
    throw new ImportError(
      'binary',
      `${file} ${binary}, so it looks like a binary file, not text. ${ACCEPTED}.`,
    )
  // A saved page may declare a legacy encoding; browsers honour it, and so do we.
  const declared = isHtml ? metaCharset(bytes) : undefined
  if (declared && declared !== 'utf-8') return decodeWith(declared, bytes)
  try {
    return decodeWith('utf-8', bytes, true)
  } catch {
    const line = firstBadLine(bytes)
    throw new ImportError(
      'invalid_utf8',
      `${file} is not valid UTF-8 text${line ? ` (the first bad byte is on line ${line})` : ''}. It is probably in an older encoding such as Windows-1252; open it in a text editor, save it as UTF-8 and import it again.`,
    )
  }
}

function hasMagic(bytes: Uint8Array, magic: string, at: number): boolean {
  if (bytes.length < at + magic.length) return false
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic.charCodeAt(i)) return false
  return true
}

/** Why the first 64 KB do not look like text, or undefined when they do. */
function describeControlBytes(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, 65536)
  let control = 0
  for (const b of sample) {
    if (b === 0) return 'contains NUL bytes'
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b)
      control++
  }
  return control > sample.length * 0.05 ? 'is full of control characters' : undefined
}

function firstBadLine(bytes: Uint8Array): number | undefined {
  const text = decodeWith('utf-8', bytes)
  const encoder = new TextEncoder()
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) {
    const at = encoder.encode(text.slice(0, i)).length
    // A genuine U+FFFD in the file is fine; only a replaced byte is the problem.
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) {
      return text.slice(0, i).split('\n').length
    }
  }
  return undefined
}

function guessFormat(text: string): ImportFormat {
  const start = text.slice(0, 4096).replace(/^(\s|<!--[\s\S]*?-->)+/, '')
  if (/^<(!doctype\s+html|html|head|body|meta|title|article)\b/i.test(start)) return 'html'
  if (/^---\r?\n[\s\S]*?\r?\n(---|\.\.\.)\r?\n/.test(text) && /^\w[\w-]*:/m.test(text)) return 'markdown'
  return 'text'
}
