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

/** Starts a worker running `file` (a built *-worker.js). */
export type StartJob = (file: string) => JobProcess

/** The worker's answer: `{ ok: true, value }` or `{ ok: false, error }`, checked by `parse` (which throws). */
export function runJob<R>(
  start: () => JobProcess,
  request: unknown,
  parse: (value: unknown) => R,
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
    child.onMessage((message) =>
      settle(() => {
        const answer = message as { ok?: unknown; value?: unknown; error?: unknown } | null
        try {
          if (answer?.ok === true) resolve(parse(answer.value))
          else if (answer?.ok === false && typeof answer.error === 'string') reject(new Error(answer.error))
          else throw new Error('it answered something that is not an answer')
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)))
        }
      }),
    )
    child.onExit((why) => settle(() => reject(new Error(`it stopped (${why}) before it finished`))))
    child.send(request)
  })
}

/** A Node child process running `file`. */
export function nodeProcess(file: string): JobProcess {
  const child = fork(file, [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
    serialization: 'advanced',
  })
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

/** The worker's side of a long-lived service: answers every request `{ id, ... }` with `{ id, ok, value | error }`. */
export function serveRequests(handle: (request: unknown) => Promise<unknown>): void {
  const port = electronPort()
  const answer = (message: unknown) => (port ? port.postMessage(message) : process.send?.(message))
  const run = async (request: unknown) => {
    const id = (request as { id?: unknown } | null)?.id
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
  if (port) port.on('message', (event) => void run(event.data))
  else {
    process.on('message', (request) => void run(request))
    process.once('disconnect', () => process.exit(0))
  }
}

/** The worker's side: answers one request with `handle`, over Electron's parentPort or Node's IPC channel. */
export function serveJob(handle: (request: unknown) => Promise<unknown>): void {
  const port = electronPort()
  const answer = (message: unknown) => (port ? port.postMessage(message) : process.send?.(message))
  const run = async (request: unknown) => {
    try {
      answer({ ok: true, value: await handle(request) })
    } catch (err) {
      answer({ ok: false, error: err instanceof Error ? err.message : String(err) })
    }
  }
  if (port) port.once('message', (event) => void run(event.data))
  else {
    process.once('message', (request) => void run(request))
    // The app went away: nothing left to do for it.
    process.once('disconnect', () => process.exit(0))
  }
}
