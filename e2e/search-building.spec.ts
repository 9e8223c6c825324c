// e2e: the first build of the search index, seen in the search UI on a real `glossa serve` in Chromium. The
// build is held after its first segment (GLOSSA_TEST_SEARCH_BUILD_GATE: the app does not answer the builder's
// progress report until a file `go` is in that folder — process-builder.ts nodeBuilder), so the partial state
// is there to look at, without timing: the search says how far indexing is and that its results come from part
// of the archive; once the build goes on and ends, the list updates to every match and the notice goes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'

const ARTICLES = 1000
/** With the sample articles a new archive starts with. */
const TOTAL = ARTICLES + 4
/** Every 25th article mentions an airship: 40 in all. */
const RARE = 'airship'
const WORDS = 'harbour ferry council budget shelter grain tariff levee pylon turbine clinic census'.split(' ')

function articleText(n: number): string {
  const word = (k: number) => WORDS[(n * 31 + k * 7) % WORDS.length]
  const line = (k: number) => `The ${word(k)} report ${n} counted ${(n % 70) + 5} ${word(k + 1)} sites.`
  const rare = n % 25 === 0 ? ` An ${RARE} surveyed the valley.` : ''
  return `Field note ${n}\n\n${[1, 2, 3, 4].map(line).join(' ')}${rare}\n\n${[5, 6, 7].map(line).join(' ')}`
}

async function seed(glossa: Glossa): Promise<void> {
  for (let start = 0; start < ARTICLES; start += 50) {
    const files = Array.from({ length: Math.min(50, ARTICLES - start) }, (_, i) => ({
      name: `note-${start + i}.txt`,
      dataBase64: Buffer.from(articleText(start + i)).toString('base64'),
    }))
    await glossa.call('import.files', { files, tags: ['generated'] })
  }
}

const hits = (page: Page) => page.getByRole('list', { name: 'Search results' }).getByRole('button')

test('while the first index builds: indexing N of M, results from part of the archive, then all', async ({
  page,
  glossa,
}) => {
  test.setTimeout(300_000)
  await seed(glossa)
  const gate = await mkdtemp(join(tmpdir(), 'glossa-gate-'))
  process.env.GLOSSA_TEST_SEARCH_BUILD_GATE = gate
  try {
    await glossa.restart(() => rm(join(glossa.archiveDir, 'search-index'), { recursive: true, force: true }))
  } finally {
    delete process.env.GLOSSA_TEST_SEARCH_BUILD_GATE
  }
  try {
    // Held after the first segment (a build of 1,004 articles writes segments of 250).
    await expect
      .poll(async () => (await glossa.call('search.status', {})).indexing, { timeout: 60_000 })
      .toEqual({ indexed: 250, searched: 250, total: TOTAL })
    const partial = await glossa.call('search.query', { q: RARE, limit: 500 })
    expect(partial.partial).toEqual({ searched: 250, total: TOTAL })
    expect(partial.total).toBeGreaterThan(0)
    expect(partial.total).toBeLessThan(40)

    await page.goto(glossa.url)
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill(RARE)
    const notice = page.getByRole('status').filter({ hasText: 'Indexing' })
    await expect(notice).toContainText('Indexing 250 of 1,004 articles')
    await expect(notice).toContainText('Results from 250 of 1,004 articles — indexing continues')
    await expect(hits(page)).toHaveCount(partial.total)
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ])
      for (const scheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height })
        await page.emulateMedia({ colorScheme: scheme })
        await expect(notice).toBeVisible()
        await page.screenshot({ path: `reports/screens/search-indexing-${width}x${height}-${scheme}.png` })
      }
  } finally {
    await writeFile(join(gate, 'go'), '')
  }
  // The build goes on and ends: the list updates by itself to every match, and the notice goes.
  await expect(hits(page)).toHaveCount(40, { timeout: 120_000 })
  await expect(page.getByRole('status').filter({ hasText: 'Indexing' })).toHaveCount(0)
  expect((await glossa.call('search.status', {})).indexing).toBeUndefined()
  const full = await glossa.call('search.query', { q: RARE, limit: 500 })
  expect(full.partial).toBeUndefined()
  expect(full.total).toBe(40)
  await expect
    .poll(() => glossa.output, { timeout: 30_000 })
    .toMatch(/First search index built by the index builder process/)
  await rm(gate, { recursive: true, force: true })
})
