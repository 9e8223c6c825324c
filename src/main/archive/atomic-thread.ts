// Main process: the save's write (an annotations file) in one round trip. writeAtomic's steps — a temp file of its
// own, written, flushed, closed, renamed over the target — are five thread-pool calls in a row, each a wake-up of
// a pool thread and then of this thread; on a loaded machine each wake-up can wait behind other work, and the
// save p99 at 10,000 articles was 5–16 ms against a median of 1 ms (bench/README "Ninth session"). Here one
// worker thread makes the same calls synchronously, the folder's flush after the rename included, and answers
// once: two wake-ups instead of ten. The worker's
// code is given as text, so it needs no file of its own in any build (the app, the CLI, the bench, tests).
import { Worker } from 'node:worker_threads'

/**
 * The worker: for each message, the same steps as atomic.ts's writeNow — the folder's flush after the rename too
 * (flushFolder) unless the message says it is owed instead, in this thread, so the save stays one round trip —
 * answered with null or the error.
 */
const WORKER_CODE = `
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
const path = require('node:path')
const BUSY = new Set(['EPERM', 'EACCES', 'EBUSY'])
const UNFLUSHABLE_ON_WIN32 = new Set(['EISDIR', 'EPERM'])
const pause = new Int32Array(new SharedArrayBuffer(4))
function renameRetrying(from, to) {
  for (let attempt = 1; ; attempt++) {
    try {
      return fs.renameSync(from, to)
    } catch (err) {
      if (process.platform !== 'win32' || !BUSY.has(err.code) || attempt === 10) throw err
      Atomics.wait(pause, 0, 0, 100)
    }
  }
}
function flushFolder(dir) {
  let fd = null
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch (err) {
    if (process.platform !== 'win32' || !UNFLUSHABLE_ON_WIN32.has(err.code)) throw err
  } finally {
    if (fd !== null) fs.closeSync(fd)
  }
}
parentPort.on('message', ({ id, temp, file, data, flush }) => {
  try {
    const fd = fs.openSync(temp, 'wx')
    try {
      fs.writeFileSync(fd, data)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    renameRetrying(temp, file)
    if (flush) flushFolder(path.dirname(file))
    parentPort.postMessage({ id, error: null })
  } catch (err) {
    try { fs.rmSync(temp, { force: true }) } catch {}
    parentPort.postMessage({ id, error: { message: String(err && err.message), code: err && err.code } })
  }
})
`

type Answer = { id: number; error: { message: string; code?: string } | null }
type Waiting = { resolve: () => void; reject: (err: unknown) => void }

/** The worker stopped before answering (it failed, or stopWriters ended it): the caller writes another way. */
export class WriterStopped extends Error {}

/** One worker: its thread, and the writes it has not answered yet. */
class Writer {
  private worker: Worker | null = null
  private broken = false
  private nextId = 1
  private readonly waiting = new Map<number, Waiting>()

  private started(): Worker | null {
    if (this.worker || this.broken) return this.worker
    let answered = false
    let worker: Worker
    try {
      worker = new Worker(WORKER_CODE, { eval: true })
    } catch {
      this.broken = true
      return null
    }
    // Idle, it keeps no process alive; while a write is under way, it does (ref'd then).
    worker.unref()
    worker.on('message', (answer: Answer) => {
      const w = this.waiting.get(answer.id)
      if (!w) return
      answered = true
      this.waiting.delete(answer.id)
      if (!this.waiting.size) worker.unref()
      if (!answer.error) return w.resolve()
      const err = new Error(answer.error.message) as NodeJS.ErrnoException
      if (answer.error.code) err.code = answer.error.code
      w.reject(err)
    })
    const gone = (why: unknown) => {
      if (this.worker === worker) this.worker = null
      // One that never answered will not here (no threads, or no eval): the thread pool writes from now on.
      if (!answered && !this.stopping) this.broken = true
      const err = new WriterStopped(
        `The file writer stopped (${why instanceof Error ? why.message : String(why)}).`,
      )
      for (const w of this.waiting.values()) w.reject(err)
      this.waiting.clear()
    }
    worker.on('error', gone)
    worker.on('exit', (code) => gone(`exit code ${code}`))
    this.worker = worker
    return worker
  }

  private stopping = false

  /** Ends the thread; writes under way are answered with WriterStopped, later ones start a new thread. */
  async stop(): Promise<void> {
    const worker = this.worker
    if (!worker) return
    this.stopping = true
    try {
      await worker.terminate()
    } finally {
      this.stopping = false
    }
  }

  write(temp: string, file: string, data: string | Uint8Array, flush: boolean): Promise<void> | null {
    const w = this.started()
    if (!w) return null
    const id = this.nextId++
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      w.ref()
      w.postMessage({ id, temp, file, data, flush })
    })
  }
}

/** `save`: the writes a save waits for; `after`: what follows one (the catalog's counts), never ahead of a save. */
export type WriterThread = 'save' | 'after'
const writers: Record<WriterThread, Writer> = { save: new Writer(), after: new Writer() }

/**
 * Writes `data` to `temp` (created, never an existing file), flushes it to disk, renames it over `file` and, when
 * `flushFolder`, flushes `file`'s folder, in the worker thread; rejects with the failing call's error (its `code`
 * kept) after removing the temp file. Null when no worker thread can run here: the caller writes through the
 * thread pool instead.
 */
export function writeInThread(
  thread: WriterThread,
  temp: string,
  file: string,
  data: string | Uint8Array,
  flushFolder = true,
): Promise<void> | null {
  return writers[thread].write(temp, file, data, flushFolder)
}

/** Ends the writer threads (a process about to exit; tests). Writes under way finish through the thread pool. */
export async function stopWriters(): Promise<void> {
  await Promise.all(Object.values(writers).map((w) => w.stop()))
}
