// Tests (Node): the figures index built in a job process (build-job.ts, run by the bundled job worker as the
// app ships it) on a real archive — the same figures as a build in this process, "building" meanwhile, the
// job's file adopted only when its MAC matches (else built here), and a failed job built here instead.
import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { bundleChild } from '../../../test/reliability/bundle-child'
import type { BundledChild } from '../../../test/reliability/bundle-child'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { Archive } from '../archive/archive'
import { nodeProcess } from '../jobs/job-process'
import { buildFigureIndexFile } from './build-job'
import { FigureIndex } from './figure-index'
import { FIGURES_INDEX_FILE, readIndexHead } from './index-file'
import { trustKey } from '../archive/catalog-trust'

const TEXT = 'Officials counted 500 strikes in January.\n\nThe grid held at 70% of capacity.'

const worker = { file: '' }
let bundled: BundledChild | undefined
beforeAll(async () => {
  bundled = await bundleChild('src/main/export/worker.ts')
  worker.file = bundled.file
}, 120_000)
afterAll(async () => bundled?.dispose())

/** Twelve articles, eight with figures (three each), one with a highlight only; no saved index. */
async function archiveWithFigures() {
  const h = await serviceHarness()
  for (let n = 0; n < 12; n++) {
    const a = await h.call('articles.create', { title: `Report ${n}`, text: `${TEXT} ${n}`, source: 'Wire' })
    if (n >= 8) {
      if (n === 8)
        await h.call('annotations.create', { articleId: a.id, target: sampleTarget(TEXT, 'grid held') })
      continue
    }
    for (const [value, metric] of [
      [500 + n, 'strikes'],
      [70 - n, 'grid/share'],
      [n, 'outages'],
    ] as const)
      await h.call('annotations.create', {
        articleId: a.id,
        target: sampleTarget(TEXT, '500'),
        figure: { value, metric, periodStart: `2024-01-0${1 + (n % 8)}` },
        note: `note ${n}`,
        tags: value > 100 ? ['war'] : [],
      })
  }
  await h.archive.flush()
  return h
}

/** Every figure as the index holds it, in one order. */
const figuresOf = (index: FigureIndex) =>
  index
    .all()
    .map((e) => JSON.stringify(e))
    .sort()

describe('the figures index built in a job process', () => {
  it('holds the same figures as a build here, says "building" meanwhile, and is saved with this machine’s key', async () => {
    const h = await archiveWithFigures()
    const keyFile = join(await tempDir(), 'trust.key')
    const here = FigureIndex.open(await Archive.open(h.dir), { keyFile: undefined })
    await here.ready
    expect(here.all()).toHaveLength(24)

    const archive = await Archive.open(h.dir)
    const index = FigureIndex.open(archive, { keyFile, builder: () => nodeProcess(worker.file) })
    await index.loaded
    expect(index.status().state).toBe('building')
    await index.ready
    expect(index.status()).toMatchObject({ state: 'ready', figures: 24 })
    expect(index.opened).toBe('built')
    expect(index.built).toMatchObject({ articles: 8, figures: 24 })
    expect(index.built!.peakRssMB).toBeGreaterThan(10)
    expect(figuresOf(index)).toEqual(figuresOf(here))
    // Adopted, then saved at once as the app's own index (MACed with the trust key, a head with first rows).
    await index.save()
    const saved = await readIndexHead(join(h.dir, FIGURES_INDEX_FILE), await trustKey(keyFile))
    expect(saved).toMatchObject({ ok: true, head: { all: 24 } })
    expect(saved.ok && saved.head.first.length).toBe(24)
  }, 60_000)

  it('tells the app how far it is while it reads, and writes a file only the key it was given opens', async () => {
    const h = await archiveWithFigures()
    const out = join(await tempDir(), FIGURES_INDEX_FILE)
    const key = randomBytes(32)
    const told: unknown[] = []
    const result = await buildFigureIndexFile(
      { kind: 'figures-index', dir: h.dir, out, key: key.toString('base64') },
      async (progress) => told.push(progress),
    )
    expect(result).toMatchObject({ articles: 8, figures: 24 })
    // Nine annotations files (eight with figures, one with a highlight): told at the start, then every 500.
    expect(told).toEqual([{ done: 0, of: 9 }])
    expect(await readIndexHead(out, key)).toMatchObject({ ok: true, head: { all: 24 } })
    expect(await readIndexHead(out, randomBytes(32))).toEqual({ ok: false, why: 'untrusted' })
  })

  it('builds here when the job’s file does not carry the MAC of the key it was given', async () => {
    const h = await archiveWithFigures()
    // A job that answers as if it built, but writes a file of its own making.
    const forger = join(await tempDir(), 'forger.mjs')
    await writeFile(
      forger,
      `import { writeFileSync } from 'node:fs'
process.once('message', (r) => {
  writeFileSync(r.out, 'glossa-figures-index 4 ' + '0'.repeat(64) + ' ' + '0'.repeat(64) + '\\n{"takenAt":0,"recheck":[],"all":1,"facets":{},"first":[]}\\n["x","s",[]]\\n')
  process.send({ ok: true, value: { articles: 1, figures: 1, peakRssMB: 1, cpuMs: 1 } })
})
`,
    )
    const index = FigureIndex.open(await Archive.open(h.dir), {
      keyFile: undefined,
      builder: () => nodeProcess(forger),
    })
    await index.ready
    expect(index.built).toBeNull()
    expect(index.all()).toHaveLength(24)
  }, 60_000)

  it('builds here when the job process fails', async () => {
    const h = await archiveWithFigures()
    const crashing = join(await tempDir(), 'crashing.mjs')
    await writeFile(crashing, "process.once('message', () => process.exit(7))\n")
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const index = FigureIndex.open(await Archive.open(h.dir), {
      keyFile: undefined,
      builder: () => nodeProcess(crashing),
    })
    await index.ready
    expect(index.all()).toHaveLength(24)
    expect(errors).toHaveBeenCalledWith(
      expect.stringMatching(/figures index in the main process.*exit code 7/),
    )
    errors.mockRestore()
  }, 60_000)
})
