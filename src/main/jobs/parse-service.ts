// Main process: parsing imported pages (Readability on linkedom, sanitizing, the text model) in a worker process
// kept while imports run (parse-worker.ts). A page's DOM is megabytes of short-lived objects and a folder of
// pages keeps the CPU busy for seconds; in the worker, neither lands in the main process. The worker starts on
// the first page, answers requests by id, and stops after a quiet spell, giving its memory back. Each page is
// bounded in time and memory (PARSE_LIMITS); one past either is refused as too complex, and the import goes on.
import { GlossaError } from '../../shared/errors'
import type { ErrorCode } from '../../shared/types'
import { ImportError, parseDocument, parseHtml } from '../import'
import type { ImportInput, ImportedDoc } from '../import'
import { quoteName } from '../import/errors'
import { isPdf, parsePdf } from '../import/parse-pdf'
import type { Admitted } from '../archive/records'
import { admitBody } from '../archive/records-body'
import type { ArticleBody, BodyGate } from '../archive/records-body'
import { peakRssMB } from './job-process'
import type { JobAnswer, JobProcess } from './job-process'

export type HtmlInput = { html: string; url?: string; name: string; keepImages?: boolean }

export type DocumentParser = {
  document(input: ImportInput): Promise<ImportedDoc>
  html(input: HtmlInput): Promise<ImportedDoc>
  /** A whole body from a backup, snapshot or trash file through the archive's sanitizer (records.ts). */
  admit: BodyGate
  /** Stops a worker, if any. */
  close(): void
}

export const inProcessParser: DocumentParser = {
  // A PDF (by its header, or named .pdf) is read by pdf.js; anything else by the page and text parsers.
  document: async (input) =>
    isPdf(input.bytes) || /\.pdf$/i.test(input.name) ? parsePdf(input) : parseDocument(input),
  html: async ({ html, url, name, keepImages }) => parseHtml(html, { url, name, keepImages }),
  admit: async (body) => admitBody(body),
  close: () => undefined,
}

type Unsent =
  | { kind: 'document'; input: ImportInput }
  | { kind: 'html'; input: HtmlInput }
  | { kind: 'admit'; input: ArticleBody }
  | { kind: 'stats' }
export type ParseRequest = Unsent & { id: number }

/** What the parse process says of itself: its peak RSS so far. */
export type ParseStats = { peakRssMB: number }

/** The worker's side: one request. */
export async function handleParse(
  request: ParseRequest,
): Promise<ImportedDoc | ParseStats | Admitted<ArticleBody>> {
  if (request.kind === 'stats') return { peakRssMB: peakRssMB() }
  if (request.kind === 'admit') return inProcessParser.admit(request.input, '')
  return request.kind === 'document'
    ? inProcessParser.document(request.input)
    : inProcessParser.html(request.input)
}

const IDLE_MS = 15_000

/**
 * What one parse may take. A page that takes longer, or more memory (the process is started with this heap
 * limit), is refused as too complex: its process is stopped and the page is never parsed anywhere else, since
 * in the main process it would freeze the app, or take it down, instead. Real pages take a few seconds at most.
 */
export type ParseLimits = { timeoutMs: number; heapMB: number }
export const PARSE_LIMITS: ParseLimits = { timeoutMs: 60_000, heapMB: 1536 }

/** Starts a parse process with these Node/V8 flags (its heap limit). */
export type StartParseProcess = (execArgv: string[]) => JobProcess

/** A parse process, plus its own account of its memory (for the bench), undefined when none is running. */
export type ProcessParser = DocumentParser & { stats(): Promise<ParseStats | undefined> }

type Waiting = {
  request: Unsent
  name: string
  /** What is refused when a bound is passed: an imported page, or a body being restored. */
  what: 'page' | 'body'
  resolve: (value: unknown) => void
  reject: (err: Error) => void
}

/**
 * Pages are sent to the process one at a time, so each is timed on its own and a process that dies is known to
 * have died on that page; the pages after it go to a fresh process.
 */
export function processParser(
  start: StartParseProcess,
  opts: { idleMs?: number; limits?: Partial<ParseLimits> } = {},
): ProcessParser {
  const idleMs = opts.idleMs ?? IDLE_MS
  const limits = { ...PARSE_LIMITS, ...opts.limits }
  let worker: JobProcess | undefined
  let nextId = 1
  let idle: NodeJS.Timeout | undefined
  const queue: Waiting[] = []
  let current: (Waiting & { id: number; worker: JobProcess; timer: NodeJS.Timeout }) | undefined

  const stop = () => {
    clearTimeout(idle)
    const w = worker
    worker = undefined
    w?.kill()
  }
  const finish = (settle: (waiting: Waiting) => void) => {
    const done = current
    if (!done) return
    clearTimeout(done.timer)
    current = undefined
    settle(done)
    next()
  }
  const running = (): JobProcess => {
    if (worker) return worker
    const w = start([`--max-old-space-size=${limits.heapMB}`])
    worker = w
    w.onMessage((message) => {
      const answer = message as JobAnswer
      if (current?.worker !== w || answer?.id !== current.id) return
      finish((waiting) => (answer.ok ? waiting.resolve(answer.value) : waiting.reject(revive(answer.error))))
    })
    w.onExit((why) => {
      if (worker === w) worker = undefined
      if (current?.worker !== w) return
      finish((waiting) =>
        waiting.reject(
          tooComplex(
            waiting,
            `the parse process stopped while reading it (${why}), most likely out of memory: Glossa gives one page ${limits.heapMB} MB`,
          ),
        ),
      )
    })
    return w
  }
  const next = () => {
    if (current) return
    const waiting = queue.shift()
    if (!waiting) {
      clearTimeout(idle)
      idle = setTimeout(stop, idleMs)
      idle.unref?.()
      return
    }
    clearTimeout(idle)
    const id = nextId++
    let w: JobProcess
    try {
      w = running()
    } catch (err) {
      waiting.reject(new Error(`Glossa could not start its parse process: ${String(err)}`))
      return next()
    }
    const timer = setTimeout(() => {
      // Stopped first, so its exit finds nothing in flight; the next page gets a fresh process.
      if (worker === w) stop()
      finish((waiting) =>
        waiting.reject(
          tooComplex(waiting, `reading it took longer than ${seconds(limits.timeoutMs)}, and Glossa stopped`),
        ),
      )
    }, limits.timeoutMs)
    current = { ...waiting, id, worker: w, timer }
    w.send({ ...waiting.request, id })
  }
  const send = (request: Unsent, name: string, what: Waiting['what'] = 'page') =>
    new Promise<unknown>((resolve, reject) => {
      queue.push({ request, name, what, resolve, reject })
      next()
    })
  return {
    document: async (input) => (await send({ kind: 'document', input }, input.name)) as ImportedDoc,
    html: async (input) => (await send({ kind: 'html', input }, input.name)) as ImportedDoc,
    admit: async (body, name) =>
      (await send({ kind: 'admit', input: body }, name, 'body')) as Admitted<ArticleBody>,
    close: stop,
    stats: async () => (worker ? ((await send({ kind: 'stats' }, 'stats')) as ParseStats) : undefined),
  }
}

function tooComplex({ name, what }: Pick<Waiting, 'name' | 'what'>, why: string): ImportError {
  if (what === 'body')
    return new ImportError(
      'too_complex',
      `The article ${name} is too complex to restore: ${why.replace('one page', 'one article')}. It was left out.`,
    )
  return new ImportError(
    'too_complex',
    `${quoteName(name, 'The page')} is too complex to import: ${why}. Save only the article and import that.`,
  )
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`
}

/** The worker's error as the importer knows it: an ImportError or GlossaError keeps its code and message. */
function revive(error: Extract<JobAnswer, { ok: false }>['error']): Error {
  if (error.name === 'ImportError') return new ImportError(error.code as ImportError['code'], error.message)
  if (error.name === 'GlossaError') return new GlossaError(error.code as ErrorCode, error.message)
  return new Error(error.message)
}
