// Export job process: the annotations files of a slice read ahead into the system's cache by worker threads, so
// the job's own synchronous reads (one file at a time, each checked: shard.ts) find them there. An export of
// 100,000 articles whose files were not cached spent 24 s of its 38 s waiting on the disk one file after
// another (bench/README "Ninth session"); four readers keep four reads under way. What they read is thrown
// away and nothing they meet is reported: a missing, damaged or odd file is the job's own read's to refuse.
// The readers start only once the job's own reads show the files are not cached: four threads cost about 1 s of
// CPU to start and 40-75 MB, which an export of a cached archive (the usual case: the archive was just in use)
// paid for nothing — 15% of the export process's CPU at 10,000 articles (bench/README, session 11).
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

/**
 * A read that took longer than this came from the disk: a cached annotations file of tens of KB is read and
 * checked in well under a millisecond, a disk read takes several.
 */
export const COLD_READ_MS = 2
/**
 * The readers start when half the reads of a run of WINDOW come from the disk: on an uncached archive nearly
 * every read does, while on a busy machine a cached read is now and then held up past COLD_READ_MS (at load 10,
 * three such reads came in the first few hundred).
 */
const WINDOW = 16

export class ReadAhead {
  private readers: Worker[] | null = null
  /** The last slice's files, while no reader runs, and how many of them the job has read. */
  private pending: string[] = []
  private done = 0
  /** The job's reads so far, and how many of the current run of WINDOW came from the disk. */
  private reads = 0
  private cold = 0

  constructor(private readonly count = 4) {}

  /**
   * The files the job will read next, in order: read into the cache by the readers, once they run (returns at
   * once).
   */
  warm(files: string[]): void {
    if (this.readers) return this.post(files)
    this.pending = files
    this.done = 0
  }

  /** The job read one file (the next of the last slice) in `ms`: reads from the disk start the readers. */
  read(ms: number): void {
    if (this.readers) return
    this.done++
    if (ms >= COLD_READ_MS) this.cold++
    if (++this.reads % WINDOW === 0 && this.cold < WINDOW / 2) this.cold = 0
    if (this.cold < WINDOW / 2) return
    this.started()
    this.post(this.pending.slice(this.done))
    this.pending = []
  }

  private post(files: string[]): void {
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
