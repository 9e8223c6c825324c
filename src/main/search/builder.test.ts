import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotate, fixtureArchive, snapshot, testKeyFile } from '../../../test/fixtures/search/kit'
import { tempDir } from '../../../test/temp-archive'
import { Archive } from '../archive/archive'
import { buildIndexFile } from './build'
import type { IndexBuilder } from './load-state'
import { nodeBuilder, processBuilder } from './process-builder'
import type { JobProcess } from '../jobs/job-process'
import { SearchIndex } from './search-index'
import { MANIFEST } from './segment-store'

const QUERIES = ['corridor', 'repa', 'shellng', 'heatwave', 'kharkiv shelling', 'spokesperson', 'town crier']

async function annotatedFixture() {
  const fixture = await fixtureArchive()
  const bank = fixture.byTitle('Central bank')
  await annotate(fixture.archive, bank.id, 'two members', { note: 'Ask the spokesperson', tags: ['rates'] })
  return { ...fixture, keyFile: await testKeyFile() }
}

describe('building the index in a builder process', () => {
  it('loads what the builder wrote, ranks as an index built here, and catches up on changes made meanwhile', async () => {
    const zeppelin = { title: 'Zeppelin grounded', text: 'A zeppelin was grounded.', tags: [] }
    const { archive, dir, keyFile } = await annotatedFixture()
    const requests: number[] = []
    // The builder's own code, run here; the protocol around it is tested below with real processes.
    const builder: IndexBuilder = async (request) => {
      requests.push(request.metas.length)
      const report = await buildIndexFile(request)
      // The archive changes while the builder works: the app must still find this.
      if (requests.length === 1) await archive.createArticle(zeppelin)
      return report
    }
    const index = await SearchIndex.open(archive, { builder, keyFile })
    expect(requests).toEqual([12])
    expect(index.rebuiltBecause).toBe('missing')
    expect(index.built?.problems).toEqual([])
    expect(index.built?.peakRssMB).toBeGreaterThan(10)
    const built = await snapshot(index, QUERIES)
    expect((await index.search('zeppelin')).map((h) => h.title)).toEqual(['Zeppelin grounded'])
    await index.close()

    const reopened = await SearchIndex.open(await Archive.open(dir), { builder, keyFile })
    expect(reopened.rebuiltBecause).toBeUndefined()
    expect(requests).toHaveLength(1) // a usable file: no second build
    expect(await reopened.search('zeppelin')).toHaveLength(1)
    await reopened.close()

    // The same archive indexed from scratch in this process ranks exactly alike.
    await rm(join(dir, 'search-index'), { recursive: true })
    const here = await SearchIndex.open(await Archive.open(dir), { keyFile })
    expect(here.rebuiltBecause).toBe('missing')
    expect(await snapshot(here, QUERIES)).toEqual(built)
  })

  it('builds here instead, and says why, when the builder process fails', async () => {
    const { archive, keyFile } = await annotatedFixture()
    const worker = join(await tempDir(), 'crashing-worker.mjs')
    await writeFile(worker, "process.once('message', () => process.exit(3))\n")
    const index = await SearchIndex.open(archive, { builder: nodeBuilder(worker), keyFile })
    expect(index.rebuiltBecause).toBe('missing')
    expect(index.built).toBeUndefined()
    expect(index.problems).toEqual([
      'The search index was rebuilt inside Glossa: the index builder failed (it stopped (exit code 3) before it finished).',
    ])
    expect(await index.search('corridor')).toHaveLength(2)
    await index.close()
    expect((await stat(join(index.dir, MANIFEST))).size).toBeGreaterThan(100)
  })

  it('does not trust an index the builder says it wrote but is not there', async () => {
    const { archive, keyFile } = await annotatedFixture()
    const builder: IndexBuilder = async () => ({ problems: [], ms: 1, peakRssMB: 50 })
    const index = await SearchIndex.open(archive, { builder, keyFile })
    expect(index.built).toBeUndefined()
    expect(index.problems[0]).toMatch(/index builder failed \(its index could not be read back \(missing\)\)/)
    expect(await index.search('corridor')).toHaveLength(2)
  })

  it('reports unreadable bodies it met, and writes nothing but the index folder', async () => {
    const { archive, dir, byTitle, keyFile } = await annotatedFixture()
    const bank = byTitle('Central bank')
    await writeFile(join(dir, 'bodies', `${bank.id}.json`), '{ "version": 1, "text": ')
    const before = await readFile(join(dir, 'annotations', `${bank.id}.json`), 'utf8')
    const file = join(dir, 'search-index')
    await rm(file, { force: true, recursive: true })
    const report = await buildIndexFile({ dir, file, metas: archive.list(), keyFile })
    expect(report.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^The text of article ${bank.id} is not searchable: bodies/${bank.id}\\.json is not valid JSON`,
        ),
      ),
    ])
    expect(await readFile(join(dir, 'bodies', `${bank.id}.json`), 'utf8')).toBe('{ "version": 1, "text": ')
    expect(await readFile(join(dir, 'annotations', `${bank.id}.json`), 'utf8')).toBe(before)
  })
})

describe('processBuilder over the job protocol', () => {
  /** A process that answers (or exits) as told, recording whether it was stopped. */
  function fakeProcess(behave: (p: { answer: (m: unknown) => void; exit: (why: string) => void }) => void) {
    const state = { killed: false, sent: [] as unknown[] }
    const start = (): JobProcess => {
      let onMessage: (m: unknown) => void = () => undefined
      let onExit: (why: string) => void = () => undefined
      return {
        send: (m) => {
          state.sent.push(m)
          queueMicrotask(() => behave({ answer: (a) => onMessage(a), exit: (w) => onExit(w) }))
        },
        onMessage: (l) => (onMessage = l),
        onExit: (l) => (onExit = l),
        kill: () => (state.killed = true),
      }
    }
    return { state, builder: processBuilder(start) }
  }
  const request = { dir: '/a', file: '/a/search-index.json', metas: [] }

  it('passes the request, returns the report and stops the process', async () => {
    const { state, builder } = fakeProcess(({ answer }) =>
      answer({ ok: true, value: { problems: ['p'], ms: 12, peakRssMB: 80 } }),
    )
    await expect(builder(request)).resolves.toEqual({ problems: ['p'], ms: 12, peakRssMB: 80 })
    expect(state.sent).toEqual([request])
    expect(state.killed).toBe(true)
  })

  type Behave = Parameters<typeof fakeProcess>[0]
  it.each<{ name: string; behave: Behave; message: string }>([
    {
      name: 'an error answer',
      behave: ({ answer }) => answer({ ok: false, error: { name: 'Error', message: 'disk full' } }),
      message: 'disk full',
    },
    {
      name: 'a malformed answer',
      behave: ({ answer }) => answer({ ok: true, value: { problems: 'none' } }),
      message: 'it answered something that is not a build report',
    },
    {
      name: 'an exit before answering',
      behave: ({ exit }) => exit('SIGKILL'),
      message: 'it stopped (SIGKILL) before it finished',
    },
  ])('rejects on $name', async ({ behave, message }) => {
    const { state, builder } = fakeProcess(behave)
    await expect(builder(request)).rejects.toThrow(message)
    expect(state.killed).toBe(true)
  })
})
