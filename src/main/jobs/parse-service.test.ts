import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImportError } from '../import'
import type { JobProcess } from './job-process'
import { handleParse, inProcessParser, processParser } from './parse-service'
import type { ParseRequest } from './parse-service'

const PAGE = {
  name: 'page.html',
  bytes: new TextEncoder().encode(
    '<html><head><title>Grid repairs</title></head><body><article><h1>Grid repairs</h1>' +
      '<p>Crews restored power to 4,000 homes on Tuesday after the overnight strikes.</p>' +
      '<p>The operator said repairs would take another week in the eastern districts.</p></article></body></html>',
  ),
}

/**
 * A worker as the parse process behaves — answers each request by id with handleParse, through a structured
 * clone — recording how many times it was started and whether it was stopped.
 */
function fakeWorker(behave: { crashOn?: string } = {}) {
  const stats = { started: 0, killed: 0, requests: 0 }
  const start = (): JobProcess => {
    stats.started++
    let onMessage: (m: unknown) => void = () => undefined
    let onExit: (why: string) => void = () => undefined
    let alive = true
    return {
      send: (m) => {
        const request = structuredClone(m) as ParseRequest
        stats.requests++
        setTimeout(() => {
          if (!alive) return
          if (request.kind === 'document' && request.input.name === behave.crashOn) {
            alive = false
            onExit('exit code 134')
            return
          }
          handleParse(request).then(
            (value) => onMessage(structuredClone({ id: request.id, ok: true, value })),
            (err: Error & { code?: string }) =>
              onMessage({
                id: request.id,
                ok: false,
                error: { name: err.name, message: err.message, code: err.code },
              }),
          )
        }, 1)
      },
      onMessage: (l) => (onMessage = l),
      onExit: (l) => (onExit = l),
      kill: () => {
        alive = false
        stats.killed++
      },
    }
  }
  return { stats, start }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the parse process', () => {
  it('parses pages as this process would, in one worker started on the first page', async () => {
    const { stats, start } = fakeWorker()
    const parser = processParser(start)
    const [a, b] = await Promise.all([
      parser.document(PAGE),
      parser.html({ html: new TextDecoder().decode(PAGE.bytes), name: 'pasted' }),
    ])
    expect(a).toEqual(await inProcessParser.document(PAGE))
    expect(b.text).toBe(a.text)
    expect(stats).toEqual({ started: 1, killed: 0, requests: 2 })
    expect((await parser.stats())?.peakRssMB).toBeGreaterThan(10)
    parser.close()
    expect(await parser.stats()).toBeUndefined()
    expect(stats.killed).toBe(1)
  })

  it('keeps an import error as an ImportError with its code and message', async () => {
    const parser = processParser(fakeWorker().start)
    const empty = { name: 'empty.html', bytes: new Uint8Array() }
    const here = await inProcessParser.document(empty).catch((e: unknown) => e)
    const there = await parser.document(empty).catch((e: unknown) => e)
    expect(here).toBeInstanceOf(ImportError)
    expect(there).toBeInstanceOf(ImportError)
    expect(there).toMatchObject({ code: (here as ImportError).code, message: (here as ImportError).message })
    parser.close()
  })

  it('stops the worker after a quiet spell and starts a new one for the next page', async () => {
    vi.useFakeTimers()
    const { stats, start } = fakeWorker()
    const parser = processParser(start, { idleMs: 1_000 })
    const first = parser.document(PAGE)
    await vi.advanceTimersByTimeAsync(5)
    await first
    await vi.advanceTimersByTimeAsync(900)
    expect(stats.killed).toBe(0)
    await vi.advanceTimersByTimeAsync(200)
    expect(stats.killed).toBe(1)
    const second = parser.document(PAGE)
    await vi.advanceTimersByTimeAsync(5)
    await second
    expect(stats.started).toBe(2)
    parser.close()
  })

  it('parses here, and says so, when the worker dies with pages in flight', async () => {
    const { stats, start } = fakeWorker({ crashOn: 'crash.html' })
    const reasons: string[] = []
    const parser = processParser(start, { onFallback: (why) => reasons.push(why) })
    const [crashed, after] = await Promise.all([
      parser.document({ ...PAGE, name: 'crash.html' }),
      parser.document(PAGE),
    ])
    expect(crashed.title).toBe('Grid repairs')
    expect(after.title).toBe('Grid repairs')
    expect(reasons).toEqual([
      'the parse process stopped (exit code 134)',
      'the parse process stopped (exit code 134)',
    ])
    // The next page gets a fresh worker.
    await parser.document(PAGE)
    expect(stats.started).toBe(2)
    parser.close()
  })
})
