// Main process: the one way Glossa writes a file. The data goes to a temp file of its own beside the target, is
// flushed to disk, and is renamed over the target, so a crash leaves the old file or the new one, never half of
// either. Writes to one file run one at a time; while one runs, later ones wait and only the newest is written
// (each caller's promise settles once data at least as new as its own is on disk). Data too large to hold as one
// string (the search index) is given as lines, written one by one as they are produced. After the rename the
// folder is flushed too (flushFolder): the rename is a change to the folder, and until that is on disk a power cut
// can undo it and bring the old file back — so no write is acknowledged before its folder is flushed. The one
// exception is asked for by name (`folderLater`): a file whose content a power cut's recovery derives again (the
// catalog's counts, put right by the recount the open mark calls for: counts-check.ts). Its temp file is still
// flushed before the rename (a power cut leaves the old file or the new one, never an empty one), but its folder
// is only noted as owed, and flushed by flushOwedFolders (Archive.flush) or flushOwedFoldersSync (before the open
// mark is removed at exit).
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { WriterStopped, writeInThread } from './atomic-thread'
import type { WriterThread } from './atomic-thread'

/** Lines, each written followed by a newline, taken from the iterable only when the write starts. */
export type Lines = { lines: Iterable<string> }
type Data = string | Uint8Array | Lines
/**
 * `thread`: written by that worker thread in one round trip (atomic-thread.ts), else through the thread pool.
 * `folderLater`: the folder's flush after the rename is owed, not made (see the top of this file): only for a file
 * a power cut's recovery derives again, and only while that recovery is certain to run after one.
 */
export type WriteOptions = { thread?: WriterThread; folderLater?: boolean }
type Waiting = { data: Data; options?: WriteOptions; done: Promise<void>; settle: (err?: unknown) => void }
type Lane = { waiting: Waiting | null }

const lanes = new Map<string, Lane>()

/** Folders holding a rename made with `folderLater` and not flushed since. */
const owedFolders = new Set<string>()

/**
 * Two writes to one file folded into one (the newer data): its folder is flushed unless both callers let it wait,
 * so a caller that needs its change on disk is never answered by a write that left the folder unflushed.
 */
function merged(older: WriteOptions | undefined, newer: WriteOptions | undefined): WriteOptions | undefined {
  const folderLater = Boolean(older?.folderLater && newer?.folderLater)
  return { ...newer, folderLater }
}

/** The folders under `root` (itself included) whose renames are owed a flush. */
function owedUnder(root: string): string[] {
  const top = resolve(root)
  return [...owedFolders].filter((dir) => dir === top || dir.startsWith(`${top}${sep}`))
}

/** Flushes the folders under `root` that renames made with `folderLater` left unflushed. */
export async function flushOwedFolders(root: string): Promise<void> {
  for (const dir of owedUnder(root)) {
    // Taken off first: a rename made while this flush runs is owed again, and flushed by the next call.
    owedFolders.delete(dir)
    try {
      await flushFolder(dir)
    } catch (err) {
      owedFolders.add(dir)
      throw err
    }
  }
}

/**
 * flushOwedFolders, synchronously: for the process's exit hook, which removes the open mark only after this (the
 * mark's removal tells the next open no recount is owed, so the renames it would heal must be on disk first).
 */
export function flushOwedFoldersSync(root: string): void {
  for (const dir of owedUnder(root)) {
    let fd: number | null = null
    try {
      fd = openSync(dir, 'r')
      fsyncSync(fd)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? ''
      if (process.platform !== 'win32' || !UNFLUSHABLE_ON_WIN32.has(code)) throw err
    } finally {
      if (fd !== null) closeSync(fd)
    }
    owedFolders.delete(dir)
  }
}

/** After a rename: its folder flushed now, or noted as owed when the caller let it wait. */
async function afterRename(file: string, options?: WriteOptions): Promise<void> {
  if (options?.folderLater) owedFolders.add(resolve(dirname(file)))
  else await flushFolder(dirname(file))
}

const isLines = (data: Data): data is Lines => typeof data !== 'string' && !(data instanceof Uint8Array)

/** `.<name>.<8 hex>.tmp` beside the file: stray-temps.ts removes the ones a crash leaves. */
export function tempNameFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`)
}

/** A temp file for `file` in `tempDir` (a private folder on the same disk), or beside it. */
const tempIn = (file: string, tempDir?: string) =>
  tempDir ? join(tempDir, basename(tempNameFor(file))) : tempNameFor(file)

/** Windows may hold a file a moment (an indexer, an antivirus) and refuse the rename; steno retried it too. */
const BUSY = new Set(['EPERM', 'EACCES', 'EBUSY'])

/**
 * Where a folder cannot be opened or flushed (Windows: EISDIR or EPERM), the rename is as durable as the system
 * makes it — there a rename is a journalled metadata change of its own (NTFS). Anywhere else it is the write's error.
 */
const UNFLUSHABLE_ON_WIN32 = new Set(['EISDIR', 'EPERM'])

/** Flushes `dir`'s entries to disk (open read-only, fsync, close), so the renames made in it survive a power cut. */
export async function flushFolder(dir: string): Promise<void> {
  let handle: FileHandle | null = null
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? ''
    if (process.platform !== 'win32' || !UNFLUSHABLE_ON_WIN32.has(code)) throw err
  } finally {
    await handle?.close()
  }
}

/**
 * Removes `path` (a folder with what is in it when `recursive`) and flushes the folder that held it before the
 * caller hears it is gone: a removal is a change to that folder like a rename, and until the folder is on disk a
 * power cut can undo it and bring a deleted article, trash record or journal back. Nothing there is no error.
 * Temp files need none of this (a stray one is swept at the next start).
 */
export async function removeDurably(path: string, { recursive = false } = {}): Promise<void> {
  await rm(path, { force: true, recursive })
  await flushFolder(dirname(path))
}

async function renameRetrying(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rename(from, to)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? ''
      if (process.platform !== 'win32' || !BUSY.has(code) || attempt === 10) throw err
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

async function writeNow(file: string, data: Data, options?: WriteOptions): Promise<void> {
  // A temp file of its own ('wx': never one another writer is filling), so writers cannot rename each other's.
  const temp = tempNameFor(file)
  if (options?.thread && !isLines(data)) {
    const written = writeInThread(options.thread, temp, file, data, !options.folderLater)
    if (written)
      try {
        await written
        if (options.folderLater) owedFolders.add(resolve(dirname(file)))
        return
      } catch (err) {
        if (!(err instanceof WriterStopped)) throw err
        // The thread stopped before answering: whatever it left is a stray temp file; the pool writes it now.
        await rm(temp, { force: true }).catch(() => {})
        return writeNow(file, data, { folderLater: options.folderLater })
      }
  }
  try {
    const handle = await open(temp, 'wx')
    try {
      if (!isLines(data)) await handle.writeFile(data)
      else for (const line of data.lines) await handle.write(`${line}\n`)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameRetrying(temp, file)
  } catch (err) {
    await rm(temp, { force: true }).catch(() => {})
    throw err
  }
  await afterRename(file, options)
}

/** Writes what waits on the lane until nothing does; started by the first write to an idle file. */
async function run(key: string, file: string, lane: Lane): Promise<void> {
  for (let next = lane.waiting; next; next = lane.waiting) {
    lane.waiting = null
    try {
      await writeNow(file, next.data, next.options)
      next.settle()
    } catch (err) {
      next.settle(err ?? new Error(`Could not write ${file}.`))
    }
  }
  lanes.delete(key)
}

/** Writes `data` (text and lines as UTF-8) to `file` atomically; see the top of this file. */
export function writeAtomic(file: string, data: Data, options?: WriteOptions): Promise<void> {
  const key = resolve(file)
  const lane = lanes.get(key)
  if (lane?.waiting) {
    lane.waiting.data = data
    lane.waiting.options = merged(lane.waiting.options, options)
    return lane.waiting.done
  }
  let settle: (err?: unknown) => void = () => {}
  const done = new Promise<void>((res, rej) => {
    settle = (err) => (err === undefined ? res() : rej(err))
  })
  const waiting: Waiting = { data, options, done, settle }
  if (lane) lane.waiting = waiting
  else {
    const fresh: Lane = { waiting }
    lanes.set(key, fresh)
    void run(key, file, fresh)
  }
  return done
}

/**
 * A file written as it is produced, whose beginning is known only at the end (an export's front matter counts
 * what came through): `body`'s chunks go to a scratch file beside the target as they come, then `end()`'s head,
 * the scratch file and its tail go to the temp file, which is flushed and renamed over the target. Memory stays
 * at one chunk however large the file grows. Returns the bytes written.
 */
export async function writeAtomicStreamed(
  file: string,
  body: AsyncIterable<string>,
  end: () => { head: string; tail: string },
  /** A private folder on the target's disk for the scratch and temp files (writeAtomicChunks). */
  tempDir?: string,
): Promise<number> {
  const scratch = tempIn(file, tempDir)
  try {
    const draft = await open(scratch, 'wx')
    try {
      // writeFile on an open handle writes all of it at the current position (write() may write part).
      for await (const chunk of body) if (chunk) await draft.writeFile(chunk)
    } finally {
      await draft.close()
    }
    const { head, tail } = end()
    return await writeAtomicChunks(file, withHeadAndTail(head, fileChunks(scratch), tail), tempDir)
  } finally {
    await rm(scratch, { force: true }).catch(() => {})
  }
}

async function* withHeadAndTail(
  head: string,
  body: AsyncIterable<Uint8Array>,
  tail: string,
): AsyncGenerator<string | Uint8Array> {
  yield head
  yield* body
  yield tail
}

/** A file's bytes a megabyte at a time, in one buffer: a chunk holds until the next is asked for. */
export async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const source = await open(path, 'r')
  try {
    const buffer = Buffer.allocUnsafe(1 << 20)
    for (;;) {
      const { bytesRead } = await source.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) return
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await source.close()
  }
}

/**
 * A file written from chunks as they are produced (text as UTF-8): each goes to a temp file beside the target
 * as it comes, which is flushed and renamed over the target once the last is written, so the file appears whole
 * or not at all and memory holds one chunk. Returns the bytes written.
 */
export async function writeAtomicChunks(
  file: string,
  chunks: AsyncIterable<string | Uint8Array>,
  /** A private folder on the target's disk for the temp file (an export's scratch folder, swept as a whole). */
  tempDir?: string,
): Promise<number> {
  const temp = tempIn(file, tempDir)
  try {
    let bytes = 0
    const out = await open(temp, 'wx')
    try {
      for await (const chunk of chunks) {
        if (!chunk.length) continue
        // writeFile on an open handle writes all of it at the current position (write() may write part).
        await out.writeFile(chunk)
        bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length
      }
      await out.sync()
    } finally {
      await out.close()
    }
    await renameRetrying(temp, file)
    await flushFolder(dirname(file))
    return bytes
  } catch (err) {
    await rm(temp, { force: true }).catch(() => {})
    throw err
  }
}

/**
 * Moves files made in a private folder on the same disk into place, each by a rename, then flushes each folder
 * they went into once: a set of files (an export's per-article files) that appears when it is whole, not before.
 */
export async function renameInto(moves: { from: string; to: string }[]): Promise<void> {
  const folders = new Set<string>()
  for (const { from, to } of moves) {
    await renameRetrying(from, to)
    folders.add(dirname(to))
  }
  for (const dir of folders) await flushFolder(dir)
}

type Batched = {
  key: string
  file: string
  data: string | Uint8Array
  lane: Lane
  done: Promise<void>
  settle: (err?: unknown) => void
}

/**
 * Many files written at once, each still atomically (the archive's bulk mode, Archive.bulk): the files given
 * while the previous batch is on its way form the next one, and each batch's temp files are all written, then
 * all flushed to disk, then each renamed over its target. The flushes overlap instead of each file waiting for
 * its own (3,000 files of 12 KB on this machine's disk: 1.7 s instead of 3.6–4.8 s written one by one, 16 at a
 * time). Each caller's promise settles once its file is in place, flushed before the rename and its folder after
 * all the batch's renames in it (one flush a folder), as with writeAtomic.
 * A file held by a batch is held in writeAtomic's lanes too, so plain writes to it wait until it is written.
 */
export class WriteBatch {
  private readonly queued = new Map<string, Batched>()
  private running = false

  constructor(private readonly max = 256) {}

  write(file: string, data: string | Uint8Array): Promise<void> {
    const key = resolve(file)
    const waiting = this.queued.get(key)
    if (waiting) {
      waiting.data = data
      return waiting.done
    }
    // Already being written (by a plain write, or by the batch on its way): this one goes after it.
    if (lanes.has(key)) return writeAtomic(file, data)
    const lane: Lane = { waiting: null }
    lanes.set(key, lane)
    let settle: (err?: unknown) => void = () => {}
    const done = new Promise<void>((res, rej) => {
      settle = (err) => (err === undefined ? res() : rej(err))
    })
    this.queued.set(key, { key, file, data, lane, done, settle })
    this.start()
    return done
  }

  private start(): void {
    if (this.running || !this.queued.size) return
    this.running = true
    // On the next turn, so the writes given in this one join the batch.
    setImmediate(() => {
      const batch = [...this.queued.values()].slice(0, this.max)
      for (const entry of batch) this.queued.delete(entry.key)
      void writeBatch(batch).finally(() => {
        this.running = false
        this.start()
      })
    })
  }
}

async function writeBatch(batch: Batched[]): Promise<void> {
  const temps = await Promise.all(
    batch.map(async (entry) => {
      const temp = tempNameFor(entry.file)
      try {
        const handle = await open(temp, 'wx')
        try {
          await handle.writeFile(entry.data)
        } catch (err) {
          await handle.close()
          throw err
        }
        return { entry, temp, handle, error: null as unknown }
      } catch (err) {
        return { entry, temp, handle: null, error: err ?? new Error(`Could not write ${entry.file}.`) }
      }
    }),
  )
  await Promise.all(
    temps.map(async (t) => {
      if (!t.handle) return
      try {
        await t.handle.sync()
      } catch (err) {
        t.error = err ?? new Error(`Could not write ${t.entry.file}.`)
      } finally {
        await t.handle.close().catch(() => {})
      }
    }),
  )
  const failed = await Promise.all(
    temps.map(async ({ entry, temp, error }) => {
      try {
        if (error) throw error
        await renameRetrying(temp, entry.file)
        return null
      } catch (err) {
        await rm(temp, { force: true }).catch(() => {})
        return err ?? new Error(`Could not write ${entry.file}.`)
      }
    }),
  )
  // Each folder a rename changed is flushed once, after all its renames, before any of its files is acknowledged.
  const folderOf = (entry: Batched) => dirname(entry.key)
  const flushes = new Map<string, Promise<unknown>>()
  for (const [i, { entry }] of temps.entries()) {
    const dir = folderOf(entry)
    if (failed[i] === null && !flushes.has(dir))
      flushes.set(
        dir,
        flushFolder(dir).then(
          () => null,
          (err: unknown) => err ?? new Error(`Could not flush the folder ${dir}.`),
        ),
      )
  }
  const flushed = new Map<string, unknown>()
  for (const [dir, flush] of flushes) flushed.set(dir, await flush)
  for (const [i, { entry }] of temps.entries()) {
    const err = failed[i] ?? flushed.get(folderOf(entry))
    if (err) entry.settle(err)
    else entry.settle()
    // Plain writes that came for this file meanwhile go now, in order.
    if (entry.lane.waiting) void run(entry.key, entry.file, entry.lane)
    else lanes.delete(entry.key)
  }
}
