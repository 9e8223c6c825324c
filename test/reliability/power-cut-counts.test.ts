// Tests (Node): a save's catalog counts are written with their folder's flush owed (atomic.ts `folderLater`), so a
// power cut may lose any of those renames and bring back each bucket as the catalog folder was last flushed. Here a
// real child saves through the service (four saves in flight) on a real archive until SIGKILL, and the archive is
// then left as the worst such power cut would leave it: the catalog as it was before the child's first save (no
// count write of the child had its folder flushed), no saves-in-flight file (its appends are not flushed either),
// and the child's open mark from an earlier boot. The next open must count every article again: each acknowledged
// annotation is in its file, and once the recount is done the catalog's counts are those of the files.
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../../src/main/archive/archive'
import { summarize } from '../../src/main/archive/article-files'
import { OPEN_MARK_FILE, bootedAt, readOpenMark } from '../../src/main/archive/open-mark'
import type { OpenMark } from '../../src/main/archive/open-mark'
import { IN_FLIGHT_FILE } from '../../src/main/archive/saves-in-flight'
import { createService } from '../../src/main/service'
import { dispatch } from '../../src/shared/dispatch'
import { sampleTarget, tempDir } from '../temp-archive'
import { bundleChild } from './bundle-child'
import type { BundledChild } from './bundle-child'
import { checkRun } from './crash-check'
import { runUntilKilled } from './crash-run'

const DAY = 24 * 3600 * 1000
/** crash-child.ts's article text: its saves anchor in it. */
const TEXT = 'Officials counted 500 missile and drone strikes in March; 70% were repelled, the ministry said.'

let child: BundledChild
beforeAll(async () => {
  child = await bundleChild('test/reliability/crash-child.ts')
}, 60_000)
afterAll(() => child?.dispose())

/** The counts each catalog bucket file in `dir` holds, by article id. */
async function countsOnDisk(dir: string): Promise<Map<string, unknown>> {
  const counts = new Map<string, unknown>()
  for (const name of await readdir(join(dir, 'catalog'))) {
    if (!/^[^.].*\.json$/.test(name)) continue
    const file = JSON.parse(await readFile(join(dir, 'catalog', name), 'utf8')) as {
      articles: Record<string, { counts: unknown }>
    }
    for (const [id, meta] of Object.entries(file.articles)) counts.set(id, meta.counts)
  }
  return counts
}

describe('a power cut after saves whose catalog counts were not flushed', () => {
  it('the open counts every article again: every acknowledged annotation is there, and the counts are right', async () => {
    const dir = await tempDir('glossa-power-cut-')
    const first = await Archive.open(dir)
    const article = await first.createArticle({ title: 'Strikes', text: TEXT, source: 'Wire', tags: [] })
    // One annotation already: counts left at 0 are healed at any open (heal-counts.ts), stale nonzero ones only by
    // the recount a power cut calls for.
    const made = await dispatch(
      createService({ archive: first, version: 'power-cut' }),
      'annotations.create',
      {
        articleId: article.id,
        note: 'before',
        target: sampleTarget(TEXT, '70% were repelled'),
      },
    )
    if (!made.ok) throw new Error(made.error.message)
    const beforeNotes = new Map([[(made.value as { id: string }).id, 'before']])
    await first.flush()
    // The catalog as its folder was last flushed: the child's count writes all leave that flush owed.
    const before = `${dir}-catalog-before`
    await cp(join(dir, 'catalog'), before, { recursive: true })

    const { lines } = await runUntilKilled(child.file, [dir, '7', '0'], 400)
    const verdictOf = (notes: Map<string, string>) => checkRun(beforeNotes, lines, notes)
    const acked = lines.filter((l) => l.startsWith('ack create ')).length
    expect(acked, 'the child acknowledged creates before the kill').toBeGreaterThan(3)
    // The child wrote its own mark at open, flushed, before its first save: the power cut leaves it there.
    const mark = await readOpenMark(dir)
    expect(mark).toMatchObject({ host: expect.any(String) })

    // The power cut: every count write lost, the saves-in-flight appends lost, the machine started again.
    await rm(join(dir, 'catalog'), { recursive: true, force: true })
    await cp(before, join(dir, 'catalog'), { recursive: true })
    await rm(before, { recursive: true, force: true })
    await rm(join(dir, IN_FLIGHT_FILE), { force: true })
    const left: OpenMark = { ...(mark as OpenMark), bootedAt: bootedAt() - DAY }
    await writeFile(join(dir, OPEN_MARK_FILE), JSON.stringify(left))
    // What the lost writes leave: the catalog says one annotation, the file holds the acknowledged ones.
    expect((await countsOnDisk(dir)).get(article.id)).toEqual({ highlights: 1, figures: 0, notes: 1 })

    const reopened = await Archive.open(dir)
    expect(reopened.problems).toEqual([])
    await reopened.countsChecked()
    const list = await reopened.readAnnotations(article.id)
    const verdict = verdictOf(new Map(list.map((a) => [a.id, a.note])))
    expect(verdict.problems).toEqual([])
    expect(list.length).toBeGreaterThan(0)
    const summary = summarize(list)
    expect(reopened.meta(article.id)).toMatchObject(summary)
    // And on disk, once flushed: the recount's writes are the catalog's.
    await reopened.flush()
    expect((await countsOnDisk(dir)).get(article.id)).toEqual(summary.counts)
  }, 60_000)
})
