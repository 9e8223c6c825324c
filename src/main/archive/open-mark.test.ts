// Tests (Node), on real archives on disk: a power cut while the archive was open, left as it leaves one — the
// annotations file of an acknowledged save on disk (flushed), its catalog entry as before the save (nonzero
// counts, stale) and no saves-in-flight file (its append was never flushed) — is told by the open mark left
// from an earlier boot, and every article is counted again before the export chooses articles by the counts.
import { spawn } from 'node:child_process'
import { cp, lstat, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../../../test/service-harness'
import { STRIKES_TEXT, strikesArchive } from '../../../test/figure-archive'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { recountAll } from './heal-counts'
import { IN_FLIGHT_FILE } from './saves-in-flight'
import { OPEN_MARK_FILE, bootedAt, leftByPowerCut, readOpenMark, removeMarkNow } from './open-mark'
import type { OpenMark } from './open-mark'

const TEXT = STRIKES_TEXT
const DAY = 24 * 3600 * 1000

/** No process of this computer has this pid (above Linux's pid_max). */
const GONE_PID = 4_194_400

/**
 * The archive as a power cut leaves it, with `mark` as the open mark the cut-off writer left; `more` articles
 * with a highlight each beside the one cut off.
 */
async function cutOff(mark: Omit<OpenMark, 'pid' | 'host' | 'openedAt'>, more = 0) {
  const { h, article } = await strikesArchive()
  for (let n = 0; n < more; n++) {
    const text = `Report ${n}: ${TEXT}`
    const other = await h.call('articles.create', { title: `Report ${n}`, text, source: 'Wire' })
    await h.call('annotations.create', { articleId: other.id, target: sampleTarget(text, '500') })
  }
  await h.archive.flush()
  const catalog = join(h.dir, 'catalog')
  const before = `${h.dir}-catalog-before`
  await cp(catalog, before, { recursive: true })
  const saved = await h.call('annotations.create', {
    articleId: article.id,
    target: sampleTarget(TEXT, '70%'),
    figure: { value: 70, unit: '%', metric: 'grid/capacity', attributedTo: 'Grid operator' },
    tags: ['new'],
  })
  await h.archive.flush()
  // The save's annotations file survived; its catalog write did not, nor its saves-in-flight append.
  await rm(catalog, { recursive: true, force: true })
  await cp(before, catalog, { recursive: true })
  await rm(before, { recursive: true, force: true })
  await rm(join(h.dir, IN_FLIGHT_FILE), { force: true })
  const left: OpenMark = { pid: GONE_PID, host: hostname(), openedAt: new Date(0).toISOString(), ...mark }
  await writeFile(join(h.dir, OPEN_MARK_FILE), JSON.stringify(left))
  return { dir: h.dir, article, saved }
}

describe('the open mark', () => {
  it('after a power cut, every article is counted again: the export by tag has the acknowledged figure', async () => {
    const { dir, article } = await cutOff({ bootedAt: bootedAt() - 3 * DAY })
    const reopened = await serviceHarness(dir)
    // No waiting here for the recount: the export does.
    const [byTag] = await reopened.call('export.run', { format: 'figures-csv', scope: { tag: 'new' } })
    expect(byTag.content).toContain('Grid operator')
    const meta = reopened.archive.meta(article.id)
    expect(meta.counts.figures).toBe(2)
    expect(Object.keys(meta.annotationTags).sort()).toEqual([
      'grid/capacity',
      'new',
      'old',
      'strikes/launched',
    ])
    const list = await reopened.call('figures.list', { metric: 'grid' })
    expect(list.map((r) => r.annotation.figure.attributedTo)).toEqual(['Grid operator'])
    // Written to disk: a third open (without a mark) reads the counts as mended.
    await reopened.archive.countsChecked()
    expect(reopened.archive.recounting()).toBeNull()
    const mark = await readOpenMark(dir)
    expect(mark).toMatchObject({ pid: process.pid, host: hostname() })
    expect((mark as OpenMark).recount).toBeUndefined()
    await rm(join(dir, OPEN_MARK_FILE))
    expect((await serviceHarness(dir)).archive.meta(article.id).counts.figures).toBe(2)
  })

  it('archive.status says the recount is under way and how far, then that it is done; the export waits as long', async () => {
    const { dir, article } = await cutOff({ bootedAt: bootedAt() - 3 * DAY }, 5)
    // Held after its first article (test-gate.ts), so the state under way stays to be looked at.
    const gate = await tempDir('glossa-gate-')
    process.env.GLOSSA_TEST_RECOUNT_GATE = gate
    const reopened = await serviceHarness(dir).finally(() => delete process.env.GLOSSA_TEST_RECOUNT_GATE)
    await expect
      .poll(() => reopened.call('archive.status', {}), { timeout: 20_000 })
      .toEqual({ recount: { done: 1, of: 6 } })
    let exported = false
    const exporting = reopened
      .call('export.run', { format: 'figures-csv', scope: { tag: 'new' } })
      .finally(() => (exported = true))
    expect(await reopened.call('archive.status', {})).toEqual({ recount: { done: 1, of: 6 } })
    expect(exported).toBe(false)
    await writeFile(join(gate, 'go'), '')
    const [byTag] = await exporting
    expect(byTag.content).toContain('Grid operator')
    // Done by the time the export goes on: no recount is said to run.
    expect(await reopened.call('archive.status', {})).toEqual({})
    expect(reopened.archive.meta(article.id).counts.figures).toBe(2)
    // The next open in this boot finds the mark of a finished recount: none runs, none is said to.
    expect(await (await serviceHarness(dir)).call('archive.status', {})).toEqual({})
    await rm(gate, { recursive: true, force: true })
  })

  it('a save while the recount reads its article wins over the older reading', async () => {
    const h = await serviceHarness()
    const article = await h.call('articles.create', { title: 'Strikes', text: TEXT, source: 'Wire' })
    await h.call('annotations.create', { articleId: article.id, target: sampleTarget(TEXT, '500') })
    const { archive } = h
    // The recount's reading of the file is taken, then a save lands before its counts are put.
    const target = {
      dir: archive.dir,
      catalog: archive.catalog,
      healCounts: archive.healCounts.bind(archive),
      noteProblem: archive.noteProblem.bind(archive),
      savesOf: archive.savesOf.bind(archive),
      readAnnotations: async (id: string) => {
        const read = [...(await archive.readAnnotations(id))]
        await h.call('annotations.create', { articleId: id, target: sampleTarget(TEXT, '70%') })
        return read
      },
    }
    expect(await recountAll(target)).toBe(0)
    await archive.flush()
    expect(archive.meta(article.id).counts.highlights).toBe(2)
  })

  it('a recount a kill cut short is done again at the next open, even in the same boot', async () => {
    const { dir, article } = await cutOff({ bootedAt: bootedAt(), recount: true })
    const reopened = await serviceHarness(dir)
    await reopened.archive.countsChecked()
    expect(reopened.archive.meta(article.id).counts.figures).toBe(2)
  })

  it('a mark cut off mid-write counts as a power cut', async () => {
    const { dir, article } = await cutOff({ bootedAt: bootedAt() - DAY })
    await writeFile(join(dir, OPEN_MARK_FILE), '{"pid":12')
    const reopened = await serviceHarness(dir)
    await reopened.archive.countsChecked()
    expect(reopened.archive.meta(article.id).counts.figures).toBe(2)
  })

  it('a mark left in this boot is a kill: saves-in-flight names what to count, nothing else is read', async () => {
    // Here nothing names the article (a kill leaves its append in the kernel): its stale counts stay, which
    // shows the whole archive is not read after every kill.
    const { dir, article } = await cutOff({ bootedAt: bootedAt() })
    const reopened = await serviceHarness(dir)
    expect(reopened.archive.recounting()).toBeNull()
    await reopened.archive.countsChecked()
    expect(reopened.archive.meta(article.id).counts.figures).toBe(1)
    // Named, as a kill leaves it: counted.
    await writeFile(join(dir, IN_FLIGHT_FILE), `${article.id}\n`)
    expect((await serviceHarness(dir)).archive.meta(article.id).counts.figures).toBe(2)
  })

  it('is written at open, and left to a live process that holds the archive', async () => {
    const h = await serviceHarness()
    const mark = await readOpenMark(h.dir)
    expect(mark).toMatchObject({ pid: process.pid, host: hostname() })
    expect(Math.abs((mark as OpenMark).bootedAt - bootedAt())).toBeLessThan(5000)
    expect(await readFile(join(h.dir, OPEN_MARK_FILE), 'utf8')).not.toContain('recount')
    // The holder's mark, from an earlier boot as far as this reader can tell: neither recounted nor replaced.
    const left = JSON.stringify({ ...(mark as OpenMark), bootedAt: 0 })
    await writeFile(join(h.dir, OPEN_MARK_FILE), left)
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' })
    try {
      const lock = { pid: holder.pid, host: hostname(), startedAt: new Date().toISOString(), by: 'test' }
      await writeFile(join(h.dir, '.lock'), JSON.stringify(lock))
      const reader = await serviceHarness(h.dir)
      expect(reader.archive.recounting()).toBeNull()
      expect(await readFile(join(h.dir, OPEN_MARK_FILE), 'utf8')).toBe(left)
    } finally {
      holder.kill()
    }
  })

  it("a process removes only its own mark: a later opener's stays", async () => {
    const h = await serviceHarness()
    await h.archive.flush()
    // Another Glossa opened the archive after this one (a glossa export took no lock, then the app) and wrote its
    // mark: this process's clean close must not remove it, or the app's run goes unmarked across a power cut.
    const other = JSON.stringify({ pid: GONE_PID, host: hostname(), bootedAt: bootedAt(), openedAt: 'later' })
    await writeFile(join(h.dir, OPEN_MARK_FILE), other)
    removeMarkNow(h.dir)
    expect(await readFile(join(h.dir, OPEN_MARK_FILE), 'utf8')).toBe(other)
    // Its own mark it removes.
    await writeFile(
      join(h.dir, OPEN_MARK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), bootedAt: 1 }),
    )
    removeMarkNow(h.dir)
    expect(await readOpenMark(h.dir)).toBeNull()
  })

  it('a folder in its place is reported, and the archive opens', async () => {
    const h = await serviceHarness()
    await rm(join(h.dir, OPEN_MARK_FILE))
    await mkdir(join(h.dir, OPEN_MARK_FILE))
    const reopened = await serviceHarness(h.dir)
    expect(reopened.archive.problems).toEqual([
      { message: expect.stringMatching(/open-mark.json could not be written.*Remove whatever/) },
    ])
    // Unreadable, so taken for a power cut: counted again, and nothing breaks.
    await reopened.archive.countsChecked()
    expect((await lstat(join(h.dir, OPEN_MARK_FILE))).isDirectory()).toBe(true)
  })

  it.each([
    ['no mark', null, false],
    ['unreadable', 'unreadable' as const, true],
    ['this boot, this computer', { bootedAt: 1000 }, false],
    ['this boot, a recount owed', { bootedAt: 1000, recount: true }, true],
    ['an earlier boot', { bootedAt: 1000 - DAY }, true],
    ['a clock corrected by a minute', { bootedAt: 1000 - 60_000 }, false],
    ['another computer', { bootedAt: 1000, host: `${hostname()}-other` }, true],
  ])('leftByPowerCut: %s', (_, mark, expected) => {
    const full =
      mark && mark !== 'unreadable'
        ? { pid: 1, host: hostname(), openedAt: '', ...mark }
        : (mark as 'unreadable' | null)
    expect(leftByPowerCut(full, 1000)).toBe(expected)
  })
})
