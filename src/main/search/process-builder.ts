// Main process: runs the index builder (build-worker.ts) in a process of its own and waits for its answer.
// `processBuilder` holds the protocol — one request, one answer, then the process is stopped — over any way of
// starting a process: `nodeBuilder` forks Node (CLI, browser mode, bench); Electron's main process starts a
// utilityProcess with the same protocol (index.ts).
import { fork } from 'node:child_process'
import type { Serializable } from 'node:child_process'
import { z } from 'zod'
import type { BuildReport, IndexBuilder } from './load-state'

export type BuilderProcess = {
  send(message: unknown): void
  onMessage(listener: (message: unknown) => void): void
  /** Called if the process ends (or cannot start) before answering; `why` is for the user. */
  onExit(listener: (why: string) => void): void
  kill(): void
}

const answerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), problems: z.array(z.string()), ms: z.number(), peakRssMB: z.number() }),
  z.object({ ok: z.literal(false), error: z.string() }),
])

export function processBuilder(start: () => BuilderProcess): IndexBuilder {
  return (request) =>
    new Promise<BuildReport>((resolve, reject) => {
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
          const answer = answerSchema.safeParse(message)
          if (!answer.success) reject(new Error('it answered something that is not a build report'))
          else if (!answer.data.ok) reject(new Error(answer.data.error))
          else
            resolve({ problems: answer.data.problems, ms: answer.data.ms, peakRssMB: answer.data.peakRssMB })
        }),
      )
      child.onExit((why) => settle(() => reject(new Error(`it stopped (${why}) before it finished`))))
      child.send(request)
    })
}

/** The builder as a Node child process running `workerFile` (the built search-worker.js). */
export function nodeBuilder(workerFile: string): IndexBuilder {
  return processBuilder(() => {
    const child = fork(workerFile, [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
      serialization: 'advanced',
    })
    return {
      send: (message) => child.send(message as Serializable),
      onMessage: (listener) => child.once('message', listener),
      onExit: (listener) => {
        child.once('exit', (code, signal) => listener(signal ?? `exit code ${code}`))
        child.once('error', (err) => listener(err.message))
      },
      kill: () => child.kill(),
    }
  })
}
