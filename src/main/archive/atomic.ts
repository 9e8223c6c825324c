// Main process: the one way Glossa writes a file. The data goes to a temp file of its own beside the target, is
// flushed to disk, and is renamed over the target, so a crash leaves the old file or the new one, never half of
// either. Writes to one file run one at a time; while one runs, later ones wait and only the newest is written
// (each caller's promise settles once data at least as new as its own is on disk). Data too large to hold as one
// string (the search index) is given as lines, written one by one as they are produced.
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

/** Lines, each written followed by a newline, taken from the iterable only when the write starts. */
export type Lines = { lines: Iterable<string> }
type Data = string | Uint8Array | Lines
type Waiting = { data: Data; done: Promise<void>; settle: (err?: unknown) => void }
type Lane = { waiting: Waiting | null }

const lanes = new Map<string, Lane>()

/** `.<name>.<8 hex>.tmp` beside the file: stray-temps.ts removes the ones a crash leaves. */
export function tempNameFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`)
}

/** Windows may hold a file a moment (an indexer, an antivirus) and refuse the rename; steno retried it too. */
const BUSY = new Set(['EPERM', 'EACCES', 'EBUSY'])

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

async function writeNow(file: string, data: Data): Promise<void> {
  // A temp file of its own ('wx': never one another writer is filling), so writers cannot rename each other's.
  const temp = tempNameFor(file)
  try {
    const handle = await open(temp, 'wx')
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data)
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
}

/** Writes what waits on the lane until nothing does; started by the first write to an idle file. */
async function run(key: string, file: string, lane: Lane): Promise<void> {
  for (let next = lane.waiting; next; next = lane.waiting) {
    lane.waiting = null
    try {
      await writeNow(file, next.data)
      next.settle()
    } catch (err) {
      next.settle(err ?? new Error(`Could not write ${file}.`))
    }
  }
  lanes.delete(key)
}

/** Writes `data` (text and lines as UTF-8) to `file` atomically; see the top of this file. */
export function writeAtomic(file: string, data: Data): Promise<void> {
  const key = resolve(file)
  const lane = lanes.get(key)
  if (lane?.waiting) {
    lane.waiting.data = data
    return lane.waiting.done
  }
  let settle: (err?: unknown) => void = () => {}
  const done = new Promise<void>((res, rej) => {
    settle = (err) => (err === undefined ? res() : rej(err))
  })
  const waiting: Waiting = { data, done, settle }
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
): Promise<number> {
  const scratch = tempNameFor(file)
  const temp = tempNameFor(file)
  try {
    let bytes = 0
    const draft = await open(scratch, 'wx')
    try {
      // writeFile on an open handle writes all of it at the current position (write() may write part).
      for await (const chunk of body) {
        if (!chunk) continue
        await draft.writeFile(chunk)
        bytes += Buffer.byteLength(chunk)
      }
    } finally {
      await draft.close()
    }
    const { head, tail } = end()
    const out = await open(temp, 'wx')
    try {
      await out.writeFile(head)
      bytes += Buffer.byteLength(head)
      const source = await open(scratch, 'r')
      try {
        const buffer = Buffer.allocUnsafe(1 << 20)
        for (;;) {
          const { bytesRead } = await source.read(buffer, 0, buffer.length, null)
          if (bytesRead === 0) break
          await out.writeFile(buffer.subarray(0, bytesRead))
        }
      } finally {
        await source.close()
      }
      await out.writeFile(tail)
      bytes += Buffer.byteLength(tail)
      await out.sync()
    } finally {
      await out.close()
    }
    await renameRetrying(temp, file)
    return bytes
  } catch (err) {
    await rm(temp, { force: true }).catch(() => {})
    throw err
  } finally {
    await rm(scratch, { force: true }).catch(() => {})
  }
}
