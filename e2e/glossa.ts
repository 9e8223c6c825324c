// e2e: a real `glossa serve` process on a fresh archive folder in a temp dir, one per test.
import { test as base, expect } from '@playwright/test'
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startServe } from './serve-process'
import type { ServeProcess } from './serve-process'
import { typedCall } from '../test/typed-call'
import type { Call } from '../test/typed-call'

export type Glossa = {
  url: string
  origin: string
  token: string
  archiveDir: string
  /** The service over HTTP, typed from the contract (test/typed-call.ts): no type parameters, no casts. */
  call: Call
  /** Stops the server, runs `between` (if given) while it is down, and starts it again on the same archive. */
  restart: (between?: () => Promise<void>) => Promise<void>
  /** What the running server has printed so far (stdout and stderr). */
  readonly output: string
}

export const CLI = resolve('out/cli/index.js')

type Running = ServeProcess

const serve = (archiveDir: string): Promise<Running> => startServe(CLI, archiveDir, 20_000)

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  await new Promise<void>((done) => {
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

export const test = base.extend<{ glossa: Glossa }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  glossa: async ({}, use) => {
    const archiveDir = await mkdtemp(join(tmpdir(), 'glossa-e2e-'))
    let running = await serve(archiveDir)
    const glossa: Glossa = {
      archiveDir,
      get url() {
        return running.url
      },
      get origin() {
        return new URL(running.url).origin
      },
      get token() {
        return new URL(running.url).hash.replace('#token=', '')
      },
      call: typedCall(async (method, args) => {
        const res = await fetch(`${glossa.origin}/api/${method}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${glossa.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(args),
        })
        const result = (await res.json()) as
          { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }
        if (!result.ok) {
          throw Object.assign(new Error(`${method} failed: ${result.error.message}`), {
            code: result.error.code,
          })
        }
        return result.value
      }),
      restart: async (between) => {
        await stop(running.child)
        await between?.()
        running = await serve(archiveDir)
      },
      get output() {
        return running.output()
      },
    }
    await use(glossa)
    await stop(running.child)
    await rm(archiveDir, { recursive: true, force: true })
  },
})

export { expect }
