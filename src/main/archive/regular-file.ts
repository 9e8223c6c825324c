// Main process: reading a file of the archive folder only when it is a regular file. The folder is hostile (a
// restored tar, a network share): a named pipe in a file's place made a plain read wait forever for a writer —
// at open for the lock and the tag journal (the lock's read is synchronous: the whole process stopped).
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import type { BigIntStats } from 'node:fs'

/** Opened without waiting (a pipe) and without following a link. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)
/** `followLink`: a file the person chose on this computer (a link there is theirs); never for an archive's files. */
/**
 * `onStat`: told the opened file's status as its handle gives it (bigint: inode and times in ns), the very file
 * read — the catalog's fingerprint of the buckets as read at open (library-head.ts) is made from these.
 */
export type OpenOptions = { followLink?: boolean; onStat?: (stat: BigIntStats) => void }
const flagsFor = (o: OpenOptions) => (o.followLink ? READ_FLAGS & ~(constants.O_NOFOLLOW ?? 0) : READ_FLAGS)

export class NotARegularFile extends Error {
  constructor(readonly file: string) {
    super(`${file} is not a regular file`)
  }
}

/**
 * The longest string V8 makes (in UTF-16 units): no file Glossa writes comes near it (the largest, an article's body,
 * holds at most 20 million characters of text and of HTML). A larger file is refused before it is read: a sparse
 * file takes no room on disk and travels in an archive, and one of 1.5 GB in connector.json's place was read
 * whole (1.6 GB of memory, 20 s) before its text was found too long; up to 4 GB would be allocated.
 */
export const MAX_READ_BYTES = 0x1fffffe8

export class FileTooLarge extends Error {
  constructor(
    readonly file: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`${file} is ${bytes} bytes, larger than any file Glossa writes there (at most ${limit})`)
  }
}

/** Whether a read refuses a link by itself (O_NOFOLLOW: ELOOP), so no lstat is needed before it. */
export const OPEN_REFUSES_LINKS = (constants.O_NOFOLLOW ?? 0) !== 0

/**
 * The file's text; throws NotARegularFile for a pipe, device or folder, and the usual errors (ENOENT, ELOOP).
 * Four calls to the file system (open, fstat, one read of the size fstat gave, close) where the handle's
 * readFile made five and the shard's lstat before it one more: at 4,096 catalog buckets each call is a round
 * trip through the thread pool.
 */
export async function readRegular(
  file: string,
  maxBytes = MAX_READ_BYTES,
  options: OpenOptions = {},
): Promise<string> {
  return (await readRegularBytes(file, maxBytes, options)).toString('utf8')
}

/**
 * The file opened for reading, checked at the handle: every read of a file of the archive (or beside a saved page)
 * goes through this, never a check of the name (lstat, stat) followed by a read of the name, which reads whatever
 * was swapped in between (a link, a pipe, a file of gigabytes). Opened without following a link (ELOOP) nor
 * waiting on a pipe; then the handle's own fstat refuses anything but a regular file, and one over `maxBytes`.
 * The caller reads from the handle, at most `size` bytes it means to use, and closes it.
 */
export async function openRegular(
  file: string,
  maxBytes = MAX_READ_BYTES,
  options: OpenOptions = {},
): Promise<{ handle: FileHandle; size: number }> {
  const handle = await open(file, flagsFor(options))
  try {
    const info = await handle.stat({ bigint: true })
    const size = Number(info.size)
    if (!info.isFile()) throw new NotARegularFile(file)
    if (size > maxBytes) throw new FileTooLarge(file, size, maxBytes)
    options.onStat?.(info)
    return { handle, size }
  } catch (err) {
    await handle.close()
    throw err
  }
}

/** readRegular's bytes, not decoded (the library's rows cache MACs them as they are). */
export async function readRegularBytes(
  file: string,
  maxBytes = MAX_READ_BYTES,
  options: OpenOptions = {},
): Promise<Buffer> {
  const { handle, size } = await openRegular(file, maxBytes, options)
  try {
    // One byte more than the size: a read that fills it means the file grew, and the rest is read as it comes.
    let buffer = Buffer.allocUnsafe(size + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      length += bytesRead
      // Done at the end of the file, or once the size fstat gave is read and the buffer is not full (a short
      // read before that size is read on from where it stopped).
      if (bytesRead === 0 || (length >= size && length < buffer.length)) break
      if (length < buffer.length) continue
      if (length > maxBytes) throw new FileTooLarge(file, length, maxBytes)
      const larger = Buffer.allocUnsafe(buffer.length * 2)
      buffer.copy(larger)
      buffer = larger
    }
    return buffer.subarray(0, length)
  } finally {
    await handle.close()
  }
}

/** readRegular, synchronously (the archive's lock is taken before anything else runs). */
export function readRegularSync(file: string, maxBytes = MAX_READ_BYTES): string {
  const fd = openSync(file, READ_FLAGS)
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) throw new NotARegularFile(file)
    if (info.size > maxBytes) throw new FileTooLarge(file, info.size, maxBytes)
    return readFileSync(fd, 'utf8')
  } finally {
    closeSync(fd)
  }
}
