// Main process: parsing imported pages (Readability on linkedom, sanitizing, the text model) in a worker process
// kept while imports run (parse-worker.ts). A page's DOM is megabytes of short-lived objects and a folder of
// pages keeps the CPU busy for seconds; in the worker, neither lands in the main process. The worker starts on
// the first page, answers requests by id, and stops after a quiet spell, giving its memory back. Each page is
// bounded in time and memory (PARSE_LIMITS); one past either is refused as too complex, and the import goes on.
import { availableParallelism } from 'node:os'
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
  /** How many pages it parses at once (1 when absent): the importer keeps that many, plus one, under way. */
  workers?: number
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
  /** Answered once the process has loaded its parsers: a page is timed from then on (PARSE_LIMITS). */
  | { kind: 'ready' }
export type ParseRequest = Unsent & { id: number }

/** What the parse process says of itself: its peak RSS so far. */
export type ParseStats = { peakRssMB: number }

/** The worker's side: one request. */
export async function handleParse(
  request: ParseRequest,
): Promise<ImportedDoc | ParseStats | Admitted<ArticleBody> | { ready: true }> {
  if (request.kind === 'ready') return { ready: true }
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
  /** Only this slot's process may answer it (stats: each process tells of itself). */
  slot?: Slot
}

/**
 * One parse process of the pool, the page it is reading (its timer runs once the process is ready), and its
 * quiet-spell timer. A process is ready once it answers its first request (`ready`: its parsers loaded).
 */
type Slot = {
  worker?: JobProcess
  current?: Waiting & { id: number; worker: JobProcess; timer?: NodeJS.Timeout }
  idle?: NodeJS.Timeout
  ready?: boolean
  readyId?: number
  startup?: NodeJS.Timeout
}

/**
 * How long a process may take to load its parsers before the page sent to it is refused. Loading is not the
 * page's time: on a busy machine (two processes starting beside a browser) it took longer than a small page's
 * whole bound, and pages were refused as too complex that parse in a few milliseconds.
 */
const STARTUP_MS = 60_000

/**
 * How many parse processes read pages at once: two from four cores on, else one. At 10,000 articles the parse
 * process was the whole cost of an import (bench/README, seventh session); but on this 2-core machine, busy
 * beside the app, two processes parsed no faster than one and took 30–60% more CPU between them
 * (bench/import-ahead.ts, eighth session), so two cores keep one process. Pages are still parsed ahead of the
 * one being stored (Importer.importInOrder).
 */
export function defaultParseWorkers(cores = availableParallelism()): number {
  return cores >= 4 ? 2 : 1
}

/**
 * Each process is sent one page at a time, so each page is timed on its own and a process that dies is known to
 * have died on that page; the pages after it go to a fresh process. A second process starts only when a page
 * waits while the first is busy, and each stops after its own quiet spell.
 */
export function processParser(
  start: StartParseProcess,
  opts: { idleMs?: number; limits?: Partial<ParseLimits>; workers?: number } = {},
): ProcessParser {
  const idleMs = opts.idleMs ?? IDLE_MS
  const limits = { ...PARSE_LIMITS, ...opts.limits }
  const slots: Slot[] = Array.from({ length: Math.max(1, opts.workers ?? defaultParseWorkers()) }, () => ({}))
  let nextId = 1
  const queue: Waiting[] = []

  const stop = (slot: Slot) => {
    clearTimeout(slot.idle)
    clearTimeout(slot.startup)
    const w = slot.worker
    slot.worker = undefined
    w?.kill()
  }
  const finish = (slot: Slot, settle: (waiting: Waiting) => void) => {
    const done = slot.current
    if (!done) return
    clearTimeout(done.timer)
    slot.current = undefined
    settle(done)
    next()
    // Nothing more for this process: it stops after a quiet spell of its own.
    if (slot.current || !slot.worker) return
    clearTimeout(slot.idle)
    slot.idle = setTimeout(() => stop(slot), idleMs)
    slot.idle.unref?.()
  }
  const running = (slot: Slot): JobProcess => {
    if (slot.worker) return slot.worker
    const w = start([`--max-old-space-size=${limits.heapMB}`])
    slot.worker = w
    slot.ready = false
    slot.readyId = nextId++
    w.onMessage((message) => {
      const answer = message as JobAnswer
      if (answer?.id === slot.readyId && slot.worker === w) {
        slot.ready = true
        clearTimeout(slot.startup)
        sendPage(slot, w)
        return
      }
      if (slot.current?.worker !== w || answer?.id !== slot.current.id) return
      finish(slot, (waiting) =>
        answer.ok ? waiting.resolve(answer.value) : waiting.reject(revive(answer.error)),
      )
    })
    w.onExit((why) => {
      if (slot.worker === w) slot.worker = undefined
      if (slot.current?.worker !== w) return
      finish(slot, (waiting) =>
        waiting.reject(
          tooComplex(
            waiting,
            `the parse process stopped while reading it (${why}), most likely out of memory: Glossa gives one page ${limits.heapMB} MB`,
          ),
        ),
      )
    })
    w.send({ kind: 'ready', id: slot.readyId })
    slot.startup = setTimeout(() => {
      if (slot.worker !== w || slot.ready) return
      stop(slot)
      finish(slot, (waiting) =>
        waiting.reject(new Error(`Glossa's parse process did not start within ${seconds(STARTUP_MS)}`)),
      )
    }, STARTUP_MS)
    slot.startup.unref?.()
    return w
  }
  /**
   * The page goes to its process once that is ready, and its time bound starts then (a page sent along with the
   * first request would be read before the process could say it is ready: a process answers as it reads).
   */
  const sendPage = (slot: Slot, w: JobProcess) => {
    const current = slot.current
    if (!current || current.worker !== w || current.timer) return
    w.send({ ...current.request, id: current.id })
    current.timer = setTimeout(() => {
      // Stopped first, so its exit finds nothing in flight; the next page gets a fresh process.
      if (slot.worker === w) stop(slot)
      finish(slot, (waiting) =>
        waiting.reject(
          tooComplex(waiting, `reading it took longer than ${seconds(limits.timeoutMs)}, and Glossa stopped`),
        ),
      )
    }, limits.timeoutMs)
  }
  /** A free slot for this request: its own, else one whose process runs, else one that starts a process. */
  const freeSlot = (waiting: Waiting): Slot | undefined => {
    if (waiting.slot) return waiting.slot.current ? undefined : waiting.slot
    const free = slots.filter((slot) => !slot.current)
    return free.find((slot) => slot.worker) ?? free[0]
  }
  const dispatch = (slot: Slot, waiting: Waiting) => {
    clearTimeout(slot.idle)
    const id = nextId++
    let w: JobProcess
    try {
      w = running(slot)
    } catch (err) {
      waiting.reject(new Error(`Glossa could not start its parse process: ${String(err)}`))
      return
    }
    slot.current = { ...waiting, id, worker: w }
    if (slot.ready) sendPage(slot, w)
  }
  const next = () => {
    for (let i = 0; i < queue.length;) {
      const slot = freeSlot(queue[i])
      if (!slot) {
        i++
        continue
      }
      const [waiting] = queue.splice(i, 1)
      dispatch(slot, waiting)
    }
  }
  const send = (request: Unsent, name: string, what: Waiting['what'] = 'page', slot?: Slot) =>
    new Promise<unknown>((resolve, reject) => {
      queue.push({ request, name, what, resolve, reject, slot })
      next()
    })
  return {
    document: async (input) => (await send({ kind: 'document', input }, input.name)) as ImportedDoc,
    html: async (input) => (await send({ kind: 'html', input }, input.name)) as ImportedDoc,
    admit: async (body, name) =>
      (await send({ kind: 'admit', input: body }, name, 'body')) as Admitted<ArticleBody>,
    close: () => slots.forEach(stop),
    workers: slots.length,
    // The largest peak of the processes running (each asked of itself).
    stats: async () => {
      const running = slots.filter((slot) => slot.worker)
      if (!running.length) return undefined
      const each = (await Promise.all(
        running.map((slot) => send({ kind: 'stats' }, 'stats', 'page', slot)),
      )) as ParseStats[]
      return { peakRssMB: Math.max(...each.map((s) => s.peakRssMB)) }
    },
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
