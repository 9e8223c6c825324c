// Main process: runs one job (an index build, an export) in a process of its own and waits for its answer —
// one request, one answer, then the process is stopped. Batch work that reads the whole archive allocates
// hundreds of megabytes of short-lived objects and takes seconds of CPU; in its own process neither lands in
// the app's: the main process stays responsive, and the memory goes back to the system when the job ends.
// `runJob` holds the protocol over any way of starting a process: `nodeProcess` forks Node (CLI, browser mode,
// bench); Electron's main process starts a utilityProcess (index.ts). `serveJob` is the worker's side.
import { fork } from 'node:child_process'
import type { Serializable } from 'node:child_process'

export type JobProcess = {
  send(message: unknown): void
  /** Every message the process sends (a job sends one; a service one per request). */
  onMessage(listener: (message: unknown) => void): void
  /** Called if the process ends (or cannot start) before answering; `why` is for the user. */
  onExit(listener: (why: string) => void): void
  kill(): void
}

/** A worker's answer to a request: `{ id?, ok: true, value }` or `{ id?, ok: false, error }`. */
export type JobAnswer =
  | { id?: number; ok: true; value: unknown }
  | { id?: number; ok: false; error: { name: string; message: string; code?: string } }

/** A job's question to the app while it runs (askApp), and the app's reply. */
type Question = { ask: number; question: unknown }
type Reply =
  { answerTo: number; ok: true; value: unknown } | { answerTo: number; ok: false; error: { message: string } }

const isQuestion = (message: unknown): message is Question =>
  typeof (message as Partial<Question> | null)?.ask === 'number'

/**
 * Runs one job; the worker's value is checked by `parse` (which throws). `answer` replies to what the job asks
 * the app while it runs (askApp: an export's next slice of the catalog), one question at a time, so the job
 * holds a piece of what the app has rather than all of it.
 */
export function runJob<R>(
  start: () => JobProcess,
  request: unknown,
  parse: (value: unknown) => R,
  answer?: (question: unknown) => Promise<unknown> | unknown,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const child = start()
    let settled = false
    const settle = (done: () => void) => {
      if (settled) return
      settled = true
      child.kill()
      done()
    }
    const reply = async ({ ask, question }: Question) => {
      let message: Reply
      try {
        if (!answer) throw new Error('this job cannot ask anything')
        message = { answerTo: ask, ok: true, value: await answer(question) }
      } catch (err) {
        message = {
          answerTo: ask,
          ok: false,
          error: { message: err instanceof Error ? err.message : String(err) },
        }
      }
      if (!settled) child.send(message)
    }
    child.onMessage((message) => {
      if (isQuestion(message)) return void reply(message)
      settle(() => {
        const answer = message as Partial<JobAnswer> | null
        try {
          if (answer?.ok === true) resolve(parse(answer.value))
          else if (answer?.ok === false && typeof answer.error?.message === 'string')
            reject(new Error(answer.error.message))
          else throw new Error('it answered something that is not an answer')
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)))
        }
      })
    })
    child.onExit((why) => settle(() => reject(new Error(`it stopped (${why}) before it finished`))))
    child.send(request)
  })
}

/** A Node child process running `file`, with these Node/V8 flags (a heap limit, say); `onPid` hears its pid
 * (a bench watches the process from outside). */
export function nodeProcess(
  file: string,
  execArgv: string[] = [],
  onPid?: (pid: number) => void,
): JobProcess {
  const child = fork(file, [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv,
    serialization: 'advanced',
  })
  if (child.pid && onPid) onPid(child.pid)
  return {
    send: (message) => child.send(message as Serializable),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => {
      child.once('exit', (code, signal) => listener(signal ?? `exit code ${code}`))
      child.once('error', (err) => listener(err.message))
    },
    kill: () => child.kill(),
  }
}

type ElectronPort = {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  once(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

function electronPort(): ElectronPort | undefined {
  return (process as unknown as { parentPort?: ElectronPort }).parentPort
}

/** This process's peak resident set size so far, in MB: what a worker reports of its memory. */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024
}

/**
 * The worker's side, over Electron's parentPort or Node's IPC channel: answers each request with `handle`, as a
 * JobAnswer carrying the request's `id` — every request for a long-lived service, the first one for a job.
 */
export function serveRequests(handle: (request: unknown) => Promise<unknown>, { once = false } = {}): void {
  const port = electronPort()
  const answer = (message: JobAnswer) => (port ? port.postMessage(message) : process.send?.(message))
  const run = async (request: unknown) => {
    const id = (request as { id?: number } | null)?.id
    try {
      answer({ id, ok: true, value: await handle(request) })
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err))
      const code = (e as { code?: unknown }).code
      answer({
        id,
        ok: false,
        error: { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) },
      })
    }
  }
  if (port) port[once ? 'once' : 'on']('message', (event) => void run(event.data))
  else {
    process[once ? 'once' : 'on']('message', (request) => void run(request))
    // The app went away: nothing left to do for it.
    process.once('disconnect', () => process.exit(0))
  }
}

const asked = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>()
let questions = 0

/**
 * The worker's side of a question to the app while a job runs (runJob's `answer`): resolves with the app's
 * reply, rejects with its refusal.
 */
export function askApp(question: unknown): Promise<unknown> {
  const port = electronPort()
  if (questions === 0) {
    const onReply = (message: unknown) => {
      const reply = message as {
        answerTo?: unknown
        ok?: unknown
        value?: unknown
        error?: { message?: unknown }
      }
      const id = typeof reply?.answerTo === 'number' ? reply.answerTo : undefined
      const waiting = id === undefined ? undefined : asked.get(id)
      if (!waiting || id === undefined) return
      asked.delete(id)
      if (reply.ok === true) waiting.resolve(reply.value)
      else waiting.reject(new Error(String(reply.error?.message ?? 'the app refused')))
    }
    if (port) port.on('message', (event) => onReply(event.data))
    else process.on('message', onReply)
  }
  const ask = ++questions
  return new Promise((resolve, reject) => {
    asked.set(ask, { resolve, reject })
    const message: Question = { ask, question }
    if (port) port.postMessage(message)
    else process.send?.(message)
  })
}

/** The worker's side of a job: answers its one request. */
export function serveJob(handle: (request: unknown) => Promise<unknown>): void {
  serveRequests(handle, { once: true })
}
