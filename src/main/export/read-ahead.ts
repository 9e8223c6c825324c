// Export job process: the annotations files of a slice read ahead into the system's cache by worker threads, so
// the job's own synchronous reads (one file at a time, each checked: shard.ts) find them there. An export of
// 100,000 articles whose files were not cached spent 24 s of its 38 s waiting on the disk one file after
// another (bench/README "Ninth session"); four readers keep four reads under way. What they read is thrown
// away and nothing they meet is reported: a missing, damaged or odd file is the job's own read's to refuse.
// Only regular files are read (a named pipe in a file's place is opened without waiting and skipped), and a
// link is not followed, as the job's read does not follow one.
import { Worker } from 'node:worker_threads'

const READER_CODE = `
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
const FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK || 0) | (fs.constants.O_NOFOLLOW || 0)
const buffer = Buffer.allocUnsafe(1 << 16)
parentPort.on('message', (files) => {
  for (const file of files) {
    let fd = -1
    try {
      fd = fs.openSync(file, FLAGS)
      if (fs.fstatSync(fd).isFile()) while (fs.readSync(fd, buffer, 0, buffer.length, null) === buffer.length);
    } catch {}
    if (fd >= 0) try { fs.closeSync(fd) } catch {}
  }
})
`

export class ReadAhead {
  private readers: Worker[] | null = null

  constructor(private readonly count = 4) {}

  /** Reads `files` into the cache, in their order, spread over the readers; returns at once. */
  warm(files: string[]): void {
    if (!files.length) return
    const readers = this.started()
    if (!readers.length) return
    // Interleaved, so the readers move through the list together, just ahead of the job's own reads.
    readers.forEach((reader, k) => {
      const mine = files.filter((_, i) => i % readers.length === k)
      if (mine.length) reader.postMessage(mine)
    })
  }

  /** Stops the readers (whatever they have not read yet is not read). */
  async close(): Promise<void> {
    const readers = this.readers ?? []
    this.readers = []
    await Promise.all(readers.map((r) => r.terminate()))
  }

  private started(): Worker[] {
    if (this.readers) return this.readers
    this.readers = []
    try {
      for (let i = 0; i < this.count; i++) {
        const reader = new Worker(READER_CODE, { eval: true })
        // A reader that fails only stops reading ahead; it never keeps the process alive.
        reader.on('error', () => {})
        reader.unref()
        this.readers.push(reader)
      }
    } catch {
      // No worker threads here: the job reads as before, without reading ahead.
    }
    return this.readers
  }
}
