// Main process, export job process and CLI: a zip made as its files come (per-article Markdown, #19), each entry
// deflated and handed on before the next is given, so a zip of 100,000 files holds one file and the central
// directory's records (about 80 bytes a file). Written here on node:zlib rather than with a library: yazl
// looks for the next entry from the first at every step (379 s for 100,000 small files), zip-stream took 11.7 s
// of CPU for them with 16 packages, @zip.js/zip.js 11.4 s for 10,000, and fflate writes no ZIP64, which a zip of
// more than 65,535 files needs. Names are UTF-8 (flag bit 11); sizes and CRC go in the local header, since each
// file is whole when it is added; ZIP64 records are written only where a count or an offset needs them.
import { crc32, deflateRawSync } from 'node:zlib'

const U16 = 0xffff
const U32 = 0xffffffff
const UTF8_NAMES = 0x0800
const DEFLATE = 8
const STORE = 0
/** 2.0: deflate; 4.5: ZIP64. */
const VERSION = 20
const VERSION_ZIP64 = 45
/** Made by Unix (3), so the external attributes below are read as a file's mode. */
const MADE_BY_UNIX = (3 << 8) | VERSION_ZIP64
const FILE_MODE = 0o100644

/** A date as MS-DOS keeps it (two-second steps, from 1980), read in UTC so the same export makes the same zip. */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107)
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  }
}

/** Central directory records gathered into one buffer every this many, so 100,000 files are not 100,000 objects. */
const RECORDS_PER_CHUNK = 1000

export class ZipMaker {
  private offset = 0
  private count = 0
  private readonly central: Buffer[] = []
  private pending: Buffer[] = []
  private readonly stamp: { time: number; date: number }

  /** `modified`: every entry's date (the export's). */
  constructor(modified: Date) {
    this.stamp = dosDateTime(modified)
  }

  /** One file's local header and data, to be written before the next entry's. */
  entry(name: string, content: string | Uint8Array): Buffer {
    const data = typeof content === 'string' ? Buffer.from(content) : content
    const deflated = deflateRawSync(data)
    // Stored when deflate would not make it smaller (tiny files).
    const method = deflated.length < data.length ? DEFLATE : STORE
    const body = method === DEFLATE ? deflated : data
    const fileName = Buffer.from(name)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(VERSION, 4)
    this.common(local, 6, method, crc, body.length, data.length, fileName.length)
    local.writeUInt16LE(0, 28)
    const atZip64 = this.offset >= U32
    const record = Buffer.alloc(46 + (atZip64 ? 12 : 0))
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(MADE_BY_UNIX, 4)
    record.writeUInt16LE(atZip64 ? VERSION_ZIP64 : VERSION, 6)
    this.common(record, 8, method, crc, body.length, data.length, fileName.length)
    record.writeUInt16LE(atZip64 ? 12 : 0, 30)
    // Comment length, disk number, internal attributes: 0.
    record.writeUInt32LE((FILE_MODE << 16) >>> 0, 38)
    record.writeUInt32LE(atZip64 ? U32 : this.offset, 42)
    if (atZip64) {
      // The ZIP64 extra field holds what did not fit: here only the local header's offset.
      record.writeUInt16LE(0x0001, 46)
      record.writeUInt16LE(8, 48)
      record.writeBigUInt64LE(BigInt(this.offset), 50)
    }
    this.pending.push(Buffer.concat([record.subarray(0, 46), fileName, record.subarray(46)]))
    if (this.pending.length >= RECORDS_PER_CHUNK) this.gather()
    const out = Buffer.concat([local, fileName, body])
    this.offset += out.length
    this.count++
    return out
  }

  /** The central directory and its end records, the zip's last bytes. */
  end(): Buffer {
    this.gather()
    const directory = Buffer.concat(this.central)
    const start = this.offset
    const zip64 = this.count >= U16 || start >= U32 || directory.length >= U32
    const parts = [directory]
    if (zip64) {
      const record = Buffer.alloc(56)
      record.writeUInt32LE(0x06064b50, 0)
      record.writeBigUInt64LE(44n, 4)
      record.writeUInt16LE(MADE_BY_UNIX, 12)
      record.writeUInt16LE(VERSION_ZIP64, 14)
      // This disk and the directory's: 0.
      record.writeBigUInt64LE(BigInt(this.count), 24)
      record.writeBigUInt64LE(BigInt(this.count), 32)
      record.writeBigUInt64LE(BigInt(directory.length), 40)
      record.writeBigUInt64LE(BigInt(start), 48)
      const locator = Buffer.alloc(20)
      locator.writeUInt32LE(0x07064b50, 0)
      locator.writeBigUInt64LE(BigInt(start + directory.length), 8)
      locator.writeUInt32LE(1, 16)
      parts.push(record, locator)
    }
    const last = Buffer.alloc(22)
    last.writeUInt32LE(0x06054b50, 0)
    last.writeUInt16LE(Math.min(this.count, U16), 8)
    last.writeUInt16LE(Math.min(this.count, U16), 10)
    last.writeUInt32LE(Math.min(directory.length, U32), 12)
    last.writeUInt32LE(Math.min(start, U32), 16)
    parts.push(last)
    return Buffer.concat(parts)
  }

  /** Flags, method, date, CRC, sizes and name length: the same run of fields in both headers. */
  private common(
    b: Buffer,
    at: number,
    method: number,
    crc: number,
    size: number,
    rawSize: number,
    nameLength: number,
  ): void {
    b.writeUInt16LE(UTF8_NAMES, at)
    b.writeUInt16LE(method, at + 2)
    b.writeUInt16LE(this.stamp.time, at + 4)
    b.writeUInt16LE(this.stamp.date, at + 6)
    b.writeUInt32LE(crc, at + 8)
    b.writeUInt32LE(size, at + 12)
    b.writeUInt32LE(rawSize, at + 16)
    b.writeUInt16LE(nameLength, at + 20)
  }

  private gather(): void {
    if (this.pending.length) this.central.push(Buffer.concat(this.pending))
    this.pending = []
  }
}
