// Export job process: the slices of a streamed export (figures.csv, highlights.csv, combined Markdown) read,
// checked and formatted by worker threads, while the process's own thread asks the app for the next articles and
// writes the slices in order (run.ts's streamExport). At 1,000,000 annotations that work was all of the
// process's 12–13 s of CPU on one thread (JSON.parse, the check, the collector, the formatting: bench/README
// "Tenth session"); a thread each per core lets it use both cores of the machine. Each thread makes a slice
// exactly as this thread would (makeSlice), so the file is byte for byte the same. A thread that fails to start
// or stops leaves its slices to this thread, which makes them itself.
import { availableParallelism } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import type { Worker } from 'node:worker_threads'
import type { MadeSlice } from '../../shared/export'
import { GlossaError } from '../../shared/errors'
import type { ArticleMeta, ErrorCode } from '../../shared/types'
import { readAnnotationFileSync } from '../archive/annotation-store'
import { exportStream, gatherSlice, readsAnnotationsOf } from './run'
import type { Apart, ExportArgs } from './run'

/** What every thread of one export is told when it starts. */
export type SliceJob = { dir: string; args: ExportArgs; generatedAt: string }
/** Starts a thread running serveSliceThread, with `workerData` as its worker data. */
export type StartSliceThread = (workerData: { glossaSliceJob: SliceJob }) => Worker

/** Whether slices of this export can be made apart (its stream writer allows it). */
export function canMakeApart(args: ExportArgs): boolean {
  return Boolean(exportStream(args, '')?.apart)
}

/** One slice read from the archive's files, checked and formatted, as the export process would here. */
export async function makeSlice(job: SliceJob, articles: ArticleMeta[]): Promise<MadeSlice> {
  const stream = exportStream(job.args, job.generatedAt)
  if (!stream?.apart) throw new Error(`An export to ${job.args.format} cannot be made a slice apart.`)
  const source = { readAnnotations: async (id: string) => readAnnotationFileSync(job.dir, id) }
  const reads = readsAnnotationsOf(job.args.format)
  return stream.apart.make(await gatherSlice(source, job.args.scope, job.generatedAt, articles, reads))
}

type Question = { id: number; articles: ArticleMeta[] }
type Failure = { name: string; message: string; code?: string; file?: string }
type Answer = { id: number; made: MadeSlice } | { id: number; error: Failure }

/** The thread's side: makes each slice it is sent and answers with it, or with why it failed. */
export function serveSliceThread(): void {
  const job = (workerData as { glossaSliceJob: SliceJob }).glossaSliceJob
  parentPort?.on('message', ({ id, articles }: Question) => {
    makeSlice(job, articles).then(
      (made) => parentPort?.postMessage({ id, made } satisfies Answer),
      (err: unknown) => parentPort?.postMessage({ id, error: failureOf(err) } satisfies Answer),
    )
  })
}

function failureOf(err: unknown): Failure {
  const e = err instanceof Error ? err : new Error(String(err))
  const { code, file } = e as { code?: unknown; file?: unknown }
  return {
    name: e.name,
    message: e.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof file === 'string' ? { file } : {}),
  }
}

/** The error a thread reported, as it was thrown there: a GlossaError keeps its code and file. */
function errorOf(failure: Failure): Error {
  if (failure.name === 'GlossaError' && failure.code)
    return new GlossaError(failure.code as ErrorCode, failure.message, { file: failure.file })
  const err = new Error(failure.message)
  err.name = failure.name
  if (failure.code) (err as NodeJS.ErrnoException).code = failure.code
  return err
}

type Waiting = { articles: ArticleMeta[]; resolve: (made: Promise<MadeSlice>) => void }

/** One thread and the slices it has not answered yet. */
class SliceThread {
  private nextId = 1
  readonly waiting = new Map<number, Waiting>()
  stopped = false
  private closed = false

  constructor(
    private readonly worker: Worker,
    private readonly job: SliceJob,
  ) {
    worker.on('message', (answer: Answer) => {
      const waiting = this.waiting.get(answer.id)
      if (!waiting) return
      this.waiting.delete(answer.id)
      waiting.resolve('made' in answer ? Promise.resolve(answer.made) : Promise.reject(errorOf(answer.error)))
    })
    // A thread that failed (or could not load) leaves what it had to this thread; once closed, nobody waits.
    const stop = () => {
      this.stopped = true
      for (const { articles, resolve } of this.waiting.values())
        resolve(
          this.closed ? Promise.reject(new Error('The export stopped.')) : makeSlice(this.job, articles),
        )
      this.waiting.clear()
    }
    worker.on('error', stop)
    worker.on('exit', stop)
    worker.unref()
  }

  make(articles: ArticleMeta[]): Promise<MadeSlice> {
    const id = this.nextId++
    return new Promise<Promise<MadeSlice>>((resolve) => {
      this.waiting.set(id, { articles, resolve })
      this.worker.postMessage({ id, articles } satisfies Question)
    }).then((made) => made)
  }

  async close(): Promise<void> {
    this.stopped = true
    this.closed = true
    await this.worker.terminate()
  }
}

/** The threads of one export; `apart` is what streamExport takes. */
export class SliceThreads {
  private readonly threads: SliceThread[] = []

  constructor(
    private readonly job: SliceJob,
    start: StartSliceThread,
    count = defaultSliceThreads(),
  ) {
    try {
      for (let i = 0; i < count; i++) this.threads.push(new SliceThread(start({ glossaSliceJob: job }), job))
    } catch {
      // No worker threads here: the slices are made in this thread.
    }
  }

  /** Two slices under way per thread: one being made, the next waiting, so no thread waits on this one. */
  get apart(): Apart {
    return { format: (articles) => this.make(articles), ahead: Math.max(1, 2 * this.threads.length) }
  }

  /** The slice made by the thread with the fewest under way, or here when no thread is left. */
  make(articles: ArticleMeta[]): Promise<MadeSlice> {
    const live = this.threads.filter((t) => !t.stopped)
    if (!live.length) return makeSlice(this.job, articles)
    const least = live.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a))
    return least.make(articles)
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()))
  }
}

/**
 * A thread per core, at most four; none on one core (this thread makes the slices, as before).
 * GLOSSA_EXPORT_THREADS sets the number (0: none), to compare the two on one machine.
 */
export function defaultSliceThreads(): number {
  if (process.env.GLOSSA_EXPORT_THREADS) return Number(process.env.GLOSSA_EXPORT_THREADS)
  const cores = availableParallelism()
  return cores < 2 ? 0 : Math.min(4, cores)
}
