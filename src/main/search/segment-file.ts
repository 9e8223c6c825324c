// Main process and index jobs: one segment of the on-disk search index — a bounded set of documents, their term
// dictionary and their postings — written once and then only read, a part at a time. The dictionary and the
// document table are held in memory; a term's postings are read from the file by offset when a query needs
// them. The file lives in the archive folder, so it is hostile like everything there: its head (dictionary and
// document table) is authenticated whole (HMAC-SHA256 under a key kept outside the archive, or SHA-256 when
// there is no key: corruption is then caught, forgery is not), every postings block carries a SHA-256 prefix in
// the authenticated head, and every number is bounds-checked before use. Anything that fails throws
// SegmentCorrupt, for the owner to drop the segment and rebuild; nothing here trusts the file into a crash.
//
// Layout (little-endian uint32 unless said):
//   MAGIC (8) | postings (P bytes: per term and field, `count` pairs of (local doc, term frequency))
//   | head (H bytes) | tag (32) | H | P | MAGIC (8)
// head: fieldCount F, docCount D, termCount T, entryCount E, P, idBytes B, termBytes TB, 0,
//   idOffsets[D+1], idOrder[D] (local docs in id order), fieldLengths[D*F],
//   termOffsets[T+1], termEntryStart[T+1], entries[E*5] (fieldId, count, byte offset, digest lo, digest hi),
//   id bytes (ASCII, padded to 4), term bytes (UTF-8, terms in ascending order, padded to 4).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'

const MAGIC = Buffer.from('GLSEG01\n', 'latin1')
const TAG_BYTES = 32
const TRAILER_BYTES = 16
const HEAD_WORDS = 8
const ENTRY_WORDS = 5
/** Document ids are article ids and `<article>#<annotation>`: short printable ASCII. */
const MAX_ID_CHARS = 200
/** What the tag binds besides the bytes: the format, so a segment of another format never passes. */
const CONTEXT = 'glossa-search-segment 1\n'

export class SegmentCorrupt extends Error {
  constructor(file: string, what: string) {
    super(`The search index segment ${file} is damaged (${what}); it is rebuilt.`)
    this.name = 'SegmentCorrupt'
  }
}

/** One term's postings in one field, local document numbers ascending. */
export type Block = { docs: Uint32Array; tfs: Uint32Array }

/** A term and its postings per field, as given to `SegmentWriter.term` (terms in ascending order). */
export type TermPostings = { fieldId: number; docs: Uint32Array; tfs: Uint32Array }[]

function tagOf(key: Buffer | undefined, head: Uint8Array, h: number, p: number): Buffer {
  const lengths = Buffer.alloc(8)
  lengths.writeUInt32LE(h, 0)
  lengths.writeUInt32LE(p, 4)
  const mac = key ? createHmac('sha256', key) : createHash('sha256')
  return mac.update(CONTEXT).update(lengths).update(head).digest()
}

function digest(block: Uint8Array): [number, number] {
  const d = createHash('sha256').update(block).digest()
  return [d.readUInt32LE(0), d.readUInt32LE(4)]
}

const pad4 = (n: number) => (n + 3) & ~3

/**
 * Writes one segment into memory (segments are bounded, so the bytes are too), for `writeAtomic`. Documents
 * first, in local order; then terms in ascending order (JS string order), each once.
 */
export class SegmentWriter {
  private readonly ids: string[] = []
  private readonly lengths: number[] = []
  private readonly chunks: Buffer[] = [MAGIC]
  private postingsBytes = 0
  private readonly terms: string[] = []
  private readonly termEntryStart: number[] = [0]
  private readonly entries: number[] = []

  constructor(readonly fieldCount: number) {}

  get docCount(): number {
    return this.ids.length
  }

  doc(id: string, fieldLengths: ArrayLike<number>): number {
    if (this.terms.length > 0) throw new Error('documents come before terms')
    if (!/^[\x21-\x7e]+$/.test(id) || id.length > MAX_ID_CHARS) throw new Error(`not a document id: ${id}`)
    this.ids.push(id)
    for (let f = 0; f < this.fieldCount; f++) this.lengths.push(fieldLengths[f] ?? 0)
    return this.ids.length - 1
  }

  term(term: string, fields: TermPostings): void {
    const last = this.terms[this.terms.length - 1]
    if (last !== undefined && !(last < term)) throw new Error(`terms out of order: ${last}, ${term}`)
    const kept = fields.filter((f) => f.docs.length > 0)
    if (kept.length === 0) return
    this.terms.push(term)
    for (const { fieldId, docs, tfs } of kept) {
      const block = Buffer.alloc(docs.length * 8)
      for (let i = 0; i < docs.length; i++) {
        block.writeUInt32LE(docs[i], i * 8)
        block.writeUInt32LE(tfs[i], i * 8 + 4)
      }
      const [lo, hi] = digest(block)
      this.entries.push(fieldId, docs.length, this.postingsBytes, lo, hi)
      this.chunks.push(block)
      this.postingsBytes += block.length
    }
    this.termEntryStart.push(this.entries.length / ENTRY_WORDS)
  }

  /** The whole file. */
  bytes(key?: Buffer): Buffer {
    const d = this.ids.length
    const t = this.terms.length
    const e = this.entries.length / ENTRY_WORDS
    const idBlob = Buffer.from(this.ids.join(''), 'latin1')
    const termParts = this.terms.map((s) => Buffer.from(s, 'utf8'))
    const termBlob = Buffer.concat(termParts)
    const idOffsets: number[] = [0]
    for (const id of this.ids) idOffsets.push(idOffsets[idOffsets.length - 1] + id.length)
    const termOffsets: number[] = [0]
    for (const part of termParts) termOffsets.push(termOffsets[termOffsets.length - 1] + part.length)
    const order = Array.from(this.ids.keys()).sort((a, b) =>
      this.ids[a] < this.ids[b] ? -1 : this.ids[a] > this.ids[b] ? 1 : a - b,
    )
    const words = [
      this.fieldCount,
      d,
      t,
      e,
      this.postingsBytes,
      idBlob.length,
      termBlob.length,
      0,
      ...idOffsets,
      ...order,
      ...this.lengths,
      ...termOffsets,
      ...this.termEntryStart,
    ]
    const headBytes = (words.length + this.entries.length) * 4 + pad4(idBlob.length) + pad4(termBlob.length)
    const head = Buffer.alloc(headBytes)
    let at = 0
    for (const w of words) at = head.writeUInt32LE(w >>> 0, at)
    for (const w of this.entries) at = head.writeUInt32LE(w >>> 0, at)
    idBlob.copy(head, at)
    at += pad4(idBlob.length)
    termBlob.copy(head, at)
    const trailer = Buffer.alloc(TRAILER_BYTES)
    trailer.writeUInt32LE(head.length, 0)
    trailer.writeUInt32LE(this.postingsBytes, 4)
    MAGIC.copy(trailer, 8)
    const tag = tagOf(key, head, head.length, this.postingsBytes)
    return Buffer.concat([...this.chunks, head, tag, trailer])
  }
}

/**
 * A segment file opened for reading: its head checked and held, its postings read on demand. Throws
 * SegmentCorrupt when the file is not a segment this key wrote (or, without a key, not an intact one).
 */
export class SegmentReader {
  readonly fieldCount: number
  readonly docCount: number
  readonly termCount: number
  private readonly idOffsets: Uint32Array
  private readonly idOrder: Uint32Array
  /** Document `local`'s length in field f is at `local * fieldCount + f`. */
  readonly fieldLengths: Uint32Array
  private readonly termOffsets: Uint32Array
  private readonly termEntryStart: Uint32Array
  private readonly entries: Uint32Array
  private readonly idBlob: Buffer
  private readonly termBlob: Buffer
  private fd: number | undefined

  private constructor(
    readonly file: string,
    fd: number,
    head: Buffer,
    private readonly postingsBytes: number,
    /** The head's MAC, hex: what a manifest names the segment by, so no other segment can stand in for it. */
    readonly tag: string,
  ) {
    this.fd = fd
    const word = (i: number) => head.readUInt32LE(i * 4)
    const corrupt = (what: string) => new SegmentCorrupt(file, what)
    const [f, d, t, e, p, b, tb] = [0, 1, 2, 3, 4, 5, 6].map(word)
    if (p !== postingsBytes) throw corrupt('its postings size does not match')
    this.fieldCount = f
    this.docCount = d
    this.termCount = t
    const counts = [d + 1, d, d * f, t + 1, t + 1, e * ENTRY_WORDS]
    const wordsNeeded = HEAD_WORDS + counts.reduce((x, y) => x + y, 0)
    if (f === 0 || f > 32 || wordsNeeded * 4 + pad4(b) + pad4(tb) !== head.length)
      throw corrupt('its head has the wrong size')
    const view = (start: number, n: number) => new Uint32Array(head.buffer, head.byteOffset + start * 4, n)
    let w = HEAD_WORDS
    const next = (n: number) => {
      const v = view(w, n)
      w += n
      return v
    }
    this.idOffsets = next(counts[0])
    this.idOrder = next(counts[1])
    this.fieldLengths = next(counts[2])
    this.termOffsets = next(counts[3])
    this.termEntryStart = next(counts[4])
    this.entries = next(counts[5])
    this.idBlob = head.subarray(w * 4, w * 4 + b)
    this.termBlob = head.subarray(w * 4 + pad4(b), w * 4 + pad4(b) + tb)
    this.check(b, tb)
  }

  /** Opens and checks `file`; `key` is the one the segment was written with. */
  static open(file: string, key?: Buffer): SegmentReader {
    // Without waiting (a named pipe in the segment's place) and without following a link.
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0))
    try {
      const info = fstatSync(fd)
      const corrupt = (what: string) => new SegmentCorrupt(file, what)
      if (!info.isFile()) throw corrupt('it is not a regular file')
      const { size } = info
      if (size < MAGIC.length + TAG_BYTES + TRAILER_BYTES) throw corrupt('it is too short')
      const trailer = readExactly(fd, TRAILER_BYTES, size - TRAILER_BYTES, file)
      const h = trailer.readUInt32LE(0)
      const p = trailer.readUInt32LE(4)
      if (!trailer.subarray(8).equals(MAGIC)) throw corrupt('it is not a Glossa search segment')
      if (MAGIC.length + p + h + TAG_BYTES + TRAILER_BYTES !== size || h % 4 !== 0 || p % 8 !== 0)
        throw corrupt('its sizes do not add up')
      const start = readExactly(fd, MAGIC.length, 0, file)
      if (!start.equals(MAGIC)) throw corrupt('it is not a Glossa search segment')
      // Read into a buffer of its own (never Node's shared pool), so typed-array views over it are aligned.
      const headAndTag = Buffer.alloc(h + TAG_BYTES)
      readInto(fd, headAndTag, MAGIC.length + p, file)
      const head = headAndTag.subarray(0, h)
      const tag = headAndTag.subarray(h)
      if (!timingSafeEqual(tag, tagOf(key, head, h, p)))
        throw corrupt(key ? 'it was not written by this Glossa' : 'its checksum does not match')
      return new SegmentReader(file, fd, head, p, tag.toString('hex'))
    } catch (err) {
      closeSync(fd)
      throw err
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }

  /** Bounds and order of everything in the head, so no later read can run off an array. */
  private check(b: number, tb: number): void {
    const corrupt = (what: string) => new SegmentCorrupt(this.file, what)
    const { idOffsets, idOrder, termOffsets, termEntryStart, entries, docCount: d, termCount: t } = this
    if (idOffsets[0] !== 0 || idOffsets[d] !== b) throw corrupt('its document table is damaged')
    for (let i = 0; i < d; i++) {
      const n = idOffsets[i + 1] - idOffsets[i]
      if (idOffsets[i + 1] < idOffsets[i] || n === 0 || n > MAX_ID_CHARS)
        throw corrupt('its document table is damaged')
    }
    for (let i = 0; i < b; i++) {
      const c = this.idBlob[i]
      if (c < 0x21 || c > 0x7e) throw corrupt('a document id is not printable ASCII')
    }
    const seen = new Uint8Array(d)
    for (let i = 0; i < d; i++) {
      const doc = idOrder[i]
      if (doc >= d || seen[doc]) throw corrupt('its document order is damaged')
      seen[doc] = 1
      if (i > 0 && !(this.docId(idOrder[i - 1]) < this.docId(doc)))
        throw corrupt('its document order is damaged')
    }
    if (termOffsets[0] !== 0 || termOffsets[t] !== tb || termEntryStart[0] !== 0)
      throw corrupt('its term dictionary is damaged')
    const e = entries.length / ENTRY_WORDS
    if (termEntryStart[t] !== e) throw corrupt('its term dictionary is damaged')
    let previous: string | undefined
    for (let i = 0; i < t; i++) {
      if (termOffsets[i + 1] <= termOffsets[i] || termEntryStart[i + 1] <= termEntryStart[i])
        throw corrupt('its term dictionary is damaged')
      const term = this.term(i)
      if (previous !== undefined && !(previous < term)) throw corrupt('its terms are out of order')
      previous = term
      let lastField = -1
      for (let k = termEntryStart[i]; k < termEntryStart[i + 1]; k++) {
        const fieldId = entries[k * ENTRY_WORDS]
        const count = entries[k * ENTRY_WORDS + 1]
        const offset = entries[k * ENTRY_WORDS + 2]
        if (fieldId >= this.fieldCount || fieldId <= lastField || count === 0 || count > d)
          throw corrupt('a dictionary entry is damaged')
        if (offset % 8 !== 0 || offset + count * 8 > this.postingsBytes)
          throw corrupt('a dictionary entry points outside the postings')
        lastField = fieldId
      }
    }
  }

  docId(local: number): string {
    return this.idBlob.toString('latin1', this.idOffsets[local], this.idOffsets[local + 1])
  }

  fieldLength(local: number, fieldId: number): number {
    return this.fieldLengths[local * this.fieldCount + fieldId]
  }

  term(i: number): string {
    return this.termBlob.toString('utf8', this.termOffsets[i], this.termOffsets[i + 1])
  }

  /** Term i's entries: [first, end) into `entryField` / `entryCount` / `block`. */
  entryRange(i: number): [number, number] {
    return [this.termEntryStart[i], this.termEntryStart[i + 1]]
  }

  entryField(k: number): number {
    return this.entries[k * ENTRY_WORDS]
  }

  entryCount(k: number): number {
    return this.entries[k * ENTRY_WORDS + 1]
  }

  /** Local documents whose id is `id` or starts with `prefix`, via the id order (binary search). */
  docsOf(id: string, prefix: string): number[] {
    const { idOrder } = this
    let lo = 0
    let hi = this.docCount
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.docId(idOrder[mid]) < id) lo = mid + 1
      else hi = mid
    }
    const out: number[] = []
    for (let i = lo; i < this.docCount; i++) {
      const doc = idOrder[i]
      const found = this.docId(doc)
      if (found !== id && !found.startsWith(prefix)) break
      out.push(doc)
    }
    return out
  }

  /** Entry k's postings, read from the file and checked against the head. */
  block(k: number): Block {
    if (this.fd === undefined) throw new Error(`The search index segment ${this.file} is closed.`)
    const count = this.entries[k * ENTRY_WORDS + 1]
    const offset = this.entries[k * ENTRY_WORDS + 2]
    const bytes = Buffer.alloc(count * 8)
    readInto(this.fd, bytes, MAGIC.length + offset, this.file)
    const [lo, hi] = digest(bytes)
    if (lo !== this.entries[k * ENTRY_WORDS + 3] || hi !== this.entries[k * ENTRY_WORDS + 4])
      throw new SegmentCorrupt(this.file, 'a postings block does not match its checksum')
    const docs = new Uint32Array(count)
    const tfs = new Uint32Array(count)
    for (let i = 0; i < count; i++) {
      docs[i] = bytes.readUInt32LE(i * 8)
      tfs[i] = bytes.readUInt32LE(i * 8 + 4)
      if (docs[i] >= this.docCount || tfs[i] === 0 || (i > 0 && docs[i] <= docs[i - 1]))
        throw new SegmentCorrupt(this.file, 'a postings block is out of bounds')
    }
    return { docs, tfs }
  }
}

function readExactly(fd: number, n: number, position: number, file: string): Buffer {
  const buffer = Buffer.alloc(n)
  readInto(fd, buffer, position, file)
  return buffer
}

function readInto(fd: number, buffer: Buffer, position: number, file: string): void {
  let done = 0
  while (done < buffer.length) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done)
    if (n === 0) throw new SegmentCorrupt(file, 'it ends early')
    done += n
  }
}
