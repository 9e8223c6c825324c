// Main process: parsing imported pages (Readability on linkedom, sanitizing, the text model) in a worker process
// kept while imports run (parse-worker.ts). A page's DOM is megabytes of short-lived objects and a folder of
// pages keeps the CPU busy for seconds; in the worker, neither lands in the main process. The worker starts on
// the first page, answers requests by id, and stops after a quiet spell, giving its memory back. If it fails,
// pages are parsed here instead, and the import goes on.
import { GlossaError } from '../../shared/errors'
import type { ErrorCode } from '../../shared/types'
import { ImportError, parseDocument, parseHtml } from '../import'
import type { ImportInput, ImportedDoc } from '../import'
import { peakRssMB } from './job-process'
import type { JobAnswer, JobProcess } from './job-process'

export type HtmlInput = { html: string; url?: string; name: string }

export type DocumentParser = {
  document(input: ImportInput): Promise<ImportedDoc>
  html(input: HtmlInput): Promise<ImportedDoc>
  /** Stops a worker, if any. */
  close(): void
}

export const inProcessParser: DocumentParser = {
  document: async (input) => parseDocument(input),
  html: async ({ html, url, name }) => parseHtml(html, { url, name }),
  close: () => undefined,
}

type Unsent =
  { kind: 'document'; input: ImportInput } | { kind: 'html'; input: HtmlInput } | { kind: 'stats' }
export type ParseRequest = Unsent & { id: number }

/** What the parse process says of itself: its peak RSS so far. */
export type ParseStats = { peakRssMB: number }

/** The worker's side: one request. */
export async function handleParse(request: ParseRequest): Promise<ImportedDoc | ParseStats> {
  if (request.kind === 'stats') return { peakRssMB: peakRssMB() }
  return request.kind === 'document'
    ? inProcessParser.document(request.input)
    : inProcessParser.html(request.input)
}

/** The worker went away with this request unanswered. */
class WorkerGone extends Error {}

const IDLE_MS = 15_000

/** A parse process, plus its own account of its memory (for the bench), undefined when none is running. */
export type ProcessParser = DocumentParser & { stats(): Promise<ParseStats | undefined> }

export function processParser(
  start: () => JobProcess,
  opts: { idleMs?: number; onFallback?: (why: string) => void } = {},
): ProcessParser {
  const idleMs = opts.idleMs ?? IDLE_MS
  const report =
    opts.onFallback ?? ((why) => console.error(`Glossa parsed imports in the main process: ${why}`))
  let worker: JobProcess | undefined
  let nextId = 1
  let idle: NodeJS.Timeout | undefined
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>()

  const stop = () => {
    clearTimeout(idle)
    const w = worker
    worker = undefined
    w?.kill()
  }
  const running = (): JobProcess => {
    if (worker) return worker
    const w = start()
    worker = w
    w.onMessage((message) => {
      const answer = message as JobAnswer
      const id = answer?.id ?? 0 // ids start at 1
      const waiting = pending.get(id)
      if (!waiting) return
      pending.delete(id)
      if (answer.ok) waiting.resolve(answer.value)
      else waiting.reject(revive(answer.error))
      if (pending.size === 0 && worker === w) {
        clearTimeout(idle)
        idle = setTimeout(stop, idleMs)
        idle.unref?.()
      }
    })
    w.onExit((why) => {
      if (worker === w) worker = undefined
      for (const [id, waiting] of pending) {
        pending.delete(id)
        waiting.reject(new WorkerGone(`the parse process stopped (${why})`))
      }
    })
    return w
  }
  const send = (request: Unsent) => {
    clearTimeout(idle)
    const id = nextId++
    return new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject })
      running().send({ ...request, id })
    })
  }
  const ask = async (request: Unsent, here: () => Promise<ImportedDoc>) => {
    try {
      return (await send(request)) as ImportedDoc
    } catch (err) {
      if (!(err instanceof WorkerGone)) throw err
      report(err.message)
      return here()
    }
  }
  return {
    document: (input) => ask({ kind: 'document', input }, () => inProcessParser.document(input)),
    html: (input) => ask({ kind: 'html', input }, () => inProcessParser.html(input)),
    close: stop,
    stats: async () => (worker ? ((await send({ kind: 'stats' })) as ParseStats) : undefined),
  }
}

/** The worker's error as the importer knows it: an ImportError or GlossaError keeps its code and message. */
function revive(error: Extract<JobAnswer, { ok: false }>['error']): Error {
  if (error.name === 'ImportError') return new ImportError(error.code as ImportError['code'], error.message)
  if (error.name === 'GlossaError') return new GlossaError(error.code as ErrorCode, error.message)
  return new Error(error.message)
}
