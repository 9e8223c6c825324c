import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImportError } from '../import'
import type { JobProcess } from './job-process'
import {
  PARSE_LIMITS,
  defaultParseWorkers,
  handleParse,
  inProcessParser,
  processParser,
} from './parse-service'
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
function fakeWorker(
  behave: { crashOn?: string; hangOn?: string; startupMs?: number; neverReady?: boolean } = {},
) {
  const stats = { started: 0, killed: 0, requests: 0, execArgv: [] as string[][] }
  const start = (execArgv: string[]): JobProcess => {
    stats.started++
    stats.execArgv.push(execArgv)
    let onMessage: (m: unknown) => void = () => undefined
    let onExit: (why: string) => void = () => undefined
    let alive = true
    // Loading its parsers: nothing is answered before then (requests wait, in order)
    const loaded = Date.now() + (behave.startupMs ?? 0)
    return {
      send: (m) => {
        const request = structuredClone(m) as ParseRequest
        if (request.kind !== 'ready') stats.requests++
        if (behave.neverReady) return // stuck loading: answers nothing
        setTimeout(
          () => {
            if (!alive) return
            if (request.kind === 'document' && request.input.name === behave.crashOn) {
              alive = false
              onExit('SIGABRT')
              return
            }
            if (request.kind === 'document' && request.input.name === behave.hangOn) return
            handleParse(request).then(
              (value) => onMessage(structuredClone({ id: request.id, ok: true, value })),
              (err: Error & { code?: string }) =>
                onMessage({
                  id: request.id,
                  ok: false,
                  error: { name: err.name, message: err.message, code: err.code },
                }),
            )
          },
          Math.max(1, loaded - Date.now()),
        )
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
    const parser = processParser(start, { workers: 1 })
    const [a, b] = await Promise.all([
      parser.document(PAGE),
      parser.html({ html: new TextDecoder().decode(PAGE.bytes), name: 'pasted' }),
    ])
    expect(a).toEqual(await inProcessParser.document(PAGE))
    expect(b.text).toBe(a.text)
    expect(stats).toMatchObject({ started: 1, killed: 0, requests: 2 })
    expect(stats.execArgv).toEqual([[`--max-old-space-size=${PARSE_LIMITS.heapMB}`]])
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

  it('refuses a page whose process dies reading it, never parsing it here; the next page gets a fresh process', async () => {
    const { stats, start } = fakeWorker({ crashOn: 'crash.html' })
    const parser = processParser(start, { limits: { heapMB: 64 } })
    const [crashed, after] = await Promise.allSettled([
      parser.document({ ...PAGE, name: 'crash.html' }),
      parser.document(PAGE),
    ])
    expect(crashed.status === 'rejected' && crashed.reason).toBeInstanceOf(ImportError)
    expect(crashed).toMatchObject({
      reason: {
        code: 'too_complex',
        message:
          '“crash.html” is too complex to import: the parse process stopped while reading it (SIGABRT), most likely out of memory: Glossa gives one page 64 MB. Save only the article and import that.',
      },
    })
    expect(after).toMatchObject({ status: 'fulfilled', value: { title: 'Grid repairs' } })
    expect(stats.started).toBe(2)
    expect(stats.execArgv[1]).toEqual(['--max-old-space-size=64'])
    parser.close()
  })

  it('stops a page that takes longer than the bound, and times each page on its own', async () => {
    vi.useFakeTimers()
    const { stats, start } = fakeWorker({ hangOn: 'slow.html' })
    const parser = processParser(start, { limits: { timeoutMs: 1_000 }, workers: 1 })
    const slow = parser.document({ ...PAGE, name: 'slow.html' }).catch((e: unknown) => e)
    // Waits behind the slow page: its second of waiting is not its own.
    const queued = parser.document(PAGE)
    await vi.advanceTimersByTimeAsync(1) // the process says it is ready: the slow page's second starts
    await vi.advanceTimersByTimeAsync(999)
    expect(stats).toMatchObject({ started: 1, killed: 0, requests: 1 })
    await vi.advanceTimersByTimeAsync(1)
    expect(await slow).toMatchObject({
      code: 'too_complex',
      message:
        '“slow.html” is too complex to import: reading it took longer than 1 s, and Glossa stopped. Save only the article and import that.',
    })
    expect(stats).toMatchObject({ started: 2, killed: 1 })
    await vi.advanceTimersByTimeAsync(5) // the fresh process says it is ready, then reads the page
    expect((await queued).title).toBe('Grid repairs')
    expect(stats).toMatchObject({ started: 2, killed: 1, requests: 2 })
    parser.close()
  })
})

describe('a process slow to start', () => {
  it('times a page from when its process is ready, not from when it was started', async () => {
    vi.useFakeTimers()
    const { start } = fakeWorker({ startupMs: 3_000 })
    const parser = processParser(start, { limits: { timeoutMs: 1_000 }, workers: 1 })
    const page = parser.document(PAGE).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(3_050)
    expect(await page).toMatchObject({ title: 'Grid repairs' })
    parser.close()
  })

  it('refuses the page, with the reason, when its process never gets ready, and stops that process', async () => {
    vi.useFakeTimers()
    const never = fakeWorker({ neverReady: true })
    const parser = processParser(never.start, { limits: { timeoutMs: 1_000 }, workers: 1 })
    const page = parser.document(PAGE).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(59_999)
    expect(never.stats.killed).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(await page).toMatchObject({ message: "Glossa's parse process did not start within 60 s" })
    expect(never.stats).toMatchObject({ started: 1, killed: 1 })
    parser.close()
  })
})

describe('two parse processes', () => {
  it('are the default from four cores on, one below', () => {
    expect([1, 2, 3, 4, 16].map(defaultParseWorkers)).toEqual([1, 1, 1, 2, 2])
  })

  it('read two pages at once, the second process started only when a page waits', async () => {
    const { stats, start } = fakeWorker()
    const parser = processParser(start, { workers: 2 })
    expect((await parser.document(PAGE)).title).toBe('Grid repairs')
    expect(stats.started).toBe(1)
    const pages = await Promise.all([1, 2, 3, 4].map((i) => parser.document({ ...PAGE, name: `p${i}.html` })))
    expect(pages.map((p) => p.text)).toEqual(Array(4).fill((await inProcessParser.document(PAGE)).text))
    expect(stats).toMatchObject({ started: 2, requests: 5 })
    expect((await parser.stats())?.peakRssMB).toBeGreaterThan(10)
    expect(stats.requests).toBe(7)
    parser.close()
    expect(stats.killed).toBe(2)
  })

  it('a slow page holds only its own process: the pages behind it go to the other, and each is timed alone', async () => {
    vi.useFakeTimers()
    const { stats, start } = fakeWorker({ hangOn: 'slow.html' })
    const parser = processParser(start, { limits: { timeoutMs: 1_000 }, workers: 2 })
    const slow = parser.document({ ...PAGE, name: 'slow.html' }).catch((e: unknown) => e)
    const others = Promise.all([parser.document(PAGE), parser.document(PAGE)])
    await vi.advanceTimersByTimeAsync(50)
    expect((await others).map((p) => p.title)).toEqual(['Grid repairs', 'Grid repairs'])
    expect(stats).toMatchObject({ started: 2, killed: 0, requests: 3 })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await slow).toMatchObject({ code: 'too_complex' })
    expect(stats.killed).toBe(1)
    parser.close()
  })

  it('a process that dies takes only its page; the other goes on, and each stops after its own quiet spell', async () => {
    vi.useFakeTimers()
    const { stats, start } = fakeWorker({ crashOn: 'crash.html' })
    const parser = processParser(start, { idleMs: 1_000, workers: 2 })
    const all = Promise.allSettled([
      parser.document({ ...PAGE, name: 'crash.html' }),
      parser.document(PAGE),
      parser.document(PAGE),
    ])
    await vi.advanceTimersByTimeAsync(20)
    const [crashed, a, b] = await all
    expect(crashed).toMatchObject({ status: 'rejected', reason: { code: 'too_complex' } })
    expect([a.status, b.status]).toEqual(['fulfilled', 'fulfilled'])
    expect(stats.started).toBeLessThanOrEqual(3)
    await vi.advanceTimersByTimeAsync(1_100)
    expect(stats.killed).toBe(stats.started - 1)
    expect(await parser.stats()).toBeUndefined()
    parser.close()
  })
})
