// Tests (Node): the connector's five paths take hostile bodies from a paired extension — junk of every JSON
// shape, and save requests with one field replaced by junk — and answer each with a value or a known error,
// never a crash or an internal error; the server keeps answering after.
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createRng, intFromEnv } from '../../../test/prng'
import { junk, toJson } from '../../../test/reliability/fuzz-junk'
import { hello, pairWith, signed } from '../../../test/connector/server-harness'
import { tempDir } from '../../../test/temp-archive'
import { errorCodeSchema } from '../../shared/schemas'
import { Archive } from '../archive/archive'
import { Importer } from '../importer'
import { ConnectorAccess } from './access'
import { savePage } from './save'
import { startConnector } from './server'
import type { RunningConnector } from './server'

const EXT = `chrome-extension://${'ponmlkjihgfedcba'.repeat(2)}`
const PATHS = ['/v1/pair', '/v1/pair/confirm', '/v1/hello', '/v1/save', '/v1/open']
const SAVE = {
  html: '<article><h1>Ferry timetable</h1><p>The winter timetable starts on 3 November with two crossings fewer.</p></article>',
  url: 'https://ledger.example/ferry',
  tags: ['ferries'],
  selection: { exact: 'two crossings fewer', prefix: '', suffix: '' },
}

let running: RunningConnector | null = null
afterEach(async () => {
  await running?.close()
  running = null
})

function post(port: number, path: string, headers: Record<string, string>, body: string | undefined) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let text = ''
      res.on('data', (c) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('connector fuzz', () => {
  it('answers every hostile body with a value or a known error', async () => {
    const dir = await tempDir()
    const archive = await Archive.open(join(dir, 'archive'))
    const importer = new Importer(archive)
    const access = new ConnectorAccess({ archiveDir: archive.dir, userDir: join(dir, 'user') })
    running = await startConnector({
      access,
      port: 0,
      save: (req) => savePage({ archive, importer, now: () => new Date().toISOString() }, req),
      info: () => ({ version: 'test', collections: [], tags: [] }),
    })
    const { key } = await pairWith(access, { origin: EXT, name: 'fuzz' })
    const seed = intFromEnv('GLOSSA_FUZZ_SEED', 16)
    const rng = createRng(seed)
    const runs = intFromEnv('GLOSSA_CONNECTOR_FUZZ_RUNS', 300)
    for (let i = 0; i < runs; i++) {
      const path = rng.pick(PATHS)
      const field = rng.pick([...Object.keys(SAVE), 'extra'])
      const body = rng.chance(0.5) ? junk(rng) : { ...SAVE, [field]: junk(rng) }
      const text = rng.chance(0.05) ? '{"html": "' : (toJson(body) ?? '')
      const res = await post(
        running.port,
        path,
        await signed(running.port, key, path, text, { origin: EXT }),
        text,
      )
      const where = `seed ${seed}, run ${i}: ${path} → ${res.status} ${res.text.slice(0, 200)}`
      expect([200, 400, 413], where).toContain(res.status)
      const reply = JSON.parse(res.text) as { ok: boolean; error?: { code: string; message: string } }
      if (!reply.ok) {
        expect(errorCodeSchema.options, where).toContain(reply.error?.code)
        expect(reply.error?.code, where).not.toBe('internal')
        expect(reply.error?.message.trim(), where).not.toBe('')
      }
    }
    // Still answering, and still proving itself.
    expect(await hello(running.port, key, EXT)).toMatch(/^[a-f0-9]{32}$/)
  }, 120_000)
})
