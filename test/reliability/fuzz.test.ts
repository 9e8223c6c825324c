// Tests (Node): 10,000 hostile calls through dispatch and the same through the HTTP bridge. Every reply must be
// a well-formed refusal or a result inside the contract; rejected calls must leave the archive's bytes alone;
// the server must still answer afterwards; Object.prototype must come out untouched.
// GLOSSA_FUZZ_SEED replays another sequence; GLOSSA_FUZZ_CASES changes how many calls each path gets.
import { maxRequestBytes } from '../../src/shared/request-limits'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer } from '../../src/main/serve'
import type { RunningServer } from '../../src/main/serve'
import { contract } from '../../src/shared/contract'
import { dispatch } from '../../src/shared/dispatch'
import { tempDir } from '../temp-archive'
import { generateCases, validCall } from './fuzz-cases'
import { fuzzFixture } from './fuzz-fixture'
import { toJson } from './fuzz-junk'
import { formatProblems, formatStats, runCases } from './fuzz-runner'
import { call, keepAlive } from './http-client'
import { createRng, intFromEnv } from '../prng'

const CASES = intFromEnv('GLOSSA_FUZZ_CASES', 10_000)
const SEED = intFromEnv('GLOSSA_FUZZ_SEED', 1_337)
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort()

function expectCleanPrototype() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES)
  const probe: Record<string, unknown> = {}
  expect([probe.polluted, probe.isAdmin, Object.getPrototypeOf(probe)]).toEqual([
    undefined,
    undefined,
    Object.prototype,
  ])
}

let server: RunningServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

describe('contract fuzz', () => {
  it(`answers ${CASES} hostile calls through dispatch within the contract`, async () => {
    const dir = await tempDir('glossa-fuzz-')
    const { handlers, ctx, heal } = await fuzzFixture(dir)
    const started = Date.now()
    const stats = await runCases({
      cases: generateCases(createRng(SEED), ctx, CASES),
      send: async (c) => ({ reply: await dispatch(handlers, c.method, c.args), seen: c.args }),
      seen: (c) => c.args,
      dir,
      width: 8,
      heal,
    })
    console.log(formatStats(`dispatch (seed ${SEED})`, stats, Date.now() - started))
    expect(formatProblems(stats)).toEqual([])
    const { method, args } = validCall('articles.list', ctx)
    const after = await dispatch(handlers, method, args)
    expect(after.ok && contract['articles.list'].result.safeParse(after.value).success).toBe(true)
    expectCleanPrototype()
  }, 120_000)

  it(`answers the same ${CASES} calls through the HTTP bridge, and stays up`, async () => {
    const dir = await tempDir('glossa-fuzz-http-')
    const { handlers, ctx, heal } = await fuzzFixture(join(dir, 'archive'))
    server = await startServer({ handlers, rendererDir: join(dir, 'renderer') })
    const { port, token } = server
    const agent = keepAlive()
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
    const started = Date.now()
    const stats = await runCases({
      cases: generateCases(createRng(SEED), ctx, CASES),
      send: async (c) => {
        const body = toJson(c.args)
        const reply = await call(port, { path: `/api/${encodeURIComponent(c.method)}`, headers, body }, agent)
        const seen: unknown = body === undefined ? {} : JSON.parse(body)
        try {
          // past its method's limit, a body is refused unread with 413 (and the reply names too_large)
          const tooLarge = reply.status === 413 && Buffer.byteLength(body ?? '') > maxRequestBytes(c.method)
          const problems = reply.status === 200 || tooLarge ? [] : [`HTTP ${reply.status} for a JSON body`]
          return { reply: JSON.parse(reply.body) as unknown, seen, problems }
        } catch {
          return { reply: null, seen, problems: [`HTTP ${reply.status} with a body that is not JSON`] }
        }
      },
      seen: (c) => {
        const body = toJson(c.args)
        return body === undefined ? {} : JSON.parse(body)
      },
      dir: join(dir, 'archive'),
      width: 8,
      heal,
    })
    console.log(formatStats(`HTTP (seed ${SEED})`, stats, Date.now() - started))
    expect(formatProblems(stats)).toEqual([])
    for (const method of ['app.info', 'annotations.create'] as const) {
      const { args } = validCall(method, ctx)
      const reply = await call(port, { path: `/api/${method}`, headers, body: JSON.stringify(args) }, agent)
      expect(reply.status).toBe(200)
      const result = JSON.parse(reply.body) as { ok: boolean; value: unknown }
      expect(result.ok && contract[method].result.safeParse(result.value).success).toBe(true)
    }
    agent.destroy()
    expectCleanPrototype()
  }, 120_000)
})
