// Tests (Node): a real SIGKILL between a save's annotations file and its catalog entry, on an article that already
// held an annotation. The catalog's counts were then nonzero but stale: heal-counts.ts mended only counts left at
// 0, so an export by a tag only the new annotation carries left the article out. The save named the article in
// `saves-in-flight` first (saves-in-flight.ts); the next open re-counts it.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articleFile } from '../../src/main/archive/ids'
import { IN_FLIGHT_FILE } from '../../src/main/archive/saves-in-flight'
import { serviceHarness } from '../service-harness'
import { strikesArchive } from '../figure-archive'
import { bundleChild } from './bundle-child'
import type { BundledChild } from './bundle-child'
import { runUntilKilled } from './kill-child'

let child: BundledChild
beforeAll(async () => {
  child = await bundleChild('test/reliability/in-flight-child.ts')
}, 60_000)
afterAll(() => child?.dispose())

describe('a kill between a save and its catalog counts, on an article already annotated', () => {
  it('is re-counted at the next open: an export by the new tag has the article', async () => {
    const { h, article } = await strikesArchive()
    expect(h.archive.meta(article.id).counts.figures).toBe(1)

    const lines = await runUntilKilled(child.file, [h.dir, article.id], (line, kill) => {
      if (line.startsWith('saved ')) kill(0)
    })
    expect(lines.filter((l) => l.startsWith('fail'))).toEqual([])
    const savedId = lines.find((l) => l.startsWith('saved '))?.slice('saved '.length)
    expect(savedId).toBeDefined()
    // The kill landed in the window: the new figure is on disk, its article still named as in flight.
    const file = await readFile(articleFile(h.dir, 'annotations', article.id), 'utf8')
    expect(file).toContain(savedId)
    expect(await readFile(join(h.dir, IN_FLIGHT_FILE), 'utf8')).toContain(article.id)

    const reopened = await serviceHarness(h.dir)
    expect(reopened.archive.meta(article.id).counts.figures).toBe(2)
    expect(Object.keys(reopened.archive.meta(article.id).annotationTags)).toEqual(
      expect.arrayContaining(['new', 'old']),
    )
    const [byTag] = await reopened.call('export.run', { format: 'figures-csv', scope: { tag: 'new' } })
    expect(byTag.content).toContain('Grid operator')
    // The marker is removed once this open has re-counted what it named.
    await expect(readFile(join(h.dir, IN_FLIGHT_FILE), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' })
  }, 120_000)
})
