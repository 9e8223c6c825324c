// Tests (Node): an archive from elsewhere (a shared folder, a restored copy, a team's sync) may hold any number of
// figures of one metric over one period. figures.conflicts compared them each with each and kept every
// conflicting pair: 8,000 such figures took 150 s and 3 GB of the process holding the archive. It now looks at a
// bounded number of pairs and says when it stopped (conflicts.ts MAX_COMPARED), on a real archive on disk.
import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../service-harness'
import { sampleTarget } from '../temp-archive'
import { articleFile } from '../../src/main/archive/ids'

const TEXT = 'The agency counted 1,240 homes without power on Monday.'
const FIGURES = 8_000

describe('figures.conflicts on a hostile archive', () => {
  it('answers for 8,000 figures of one metric over one period, saying the count is capped', async () => {
    const first = await serviceHarness()
    const article = await first.call('articles.create', { title: 'Outages', text: TEXT, source: 'Wire' })
    await first.call('annotations.create', {
      articleId: article.id,
      target: sampleTarget(TEXT, '1,240'),
      figure: {
        value: 1240,
        metric: 'homes/without-power',
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
      },
    })
    await first.archive.flush()
    // The annotations file as it might arrive: 8,000 valid figures of one metric, each a different value and speaker.
    const file = articleFile(first.dir, 'annotations', article.id)
    const data = JSON.parse(await readFile(file, 'utf8')) as { annotations: { id: string }[] }
    const [one] = data.annotations as { id: string; figure: { value: number } }[]
    data.annotations = Array.from({ length: FIGURES }, (_, i) => ({
      ...one,
      id: `fig-${i.toString().padStart(5, '0')}`,
      figure: { ...one.figure, value: i + 1, attributedTo: `Office ${i}` },
    }))
    await writeFile(file, JSON.stringify(data))

    const h = await serviceHarness(first.dir)
    await expect
      .poll(async () => (await h.call('figures.status', {})).state, { timeout: 60_000 })
      .toBe('ready')
    expect((await h.call('figures.status', {})).figures).toBe(FIGURES)
    const answer = await h.call('figures.conflicts', {})
    expect(answer.capped).toBe(true)
    expect(answer.shown).toHaveLength(100)
    expect(answer.total).toBeGreaterThan(100)
    // The pairs shown are the first in the file's order, as without the cap.
    expect(answer.shown[0]).toMatchObject({
      a: { annotation: { id: 'fig-00000' } },
      b: { annotation: { id: 'fig-00001' } },
    })
    await h.archive.flush()
  }, 120_000)
})
