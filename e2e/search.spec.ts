import type { Page } from '@playwright/test'
import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'

const WORDS =
  'grid repair crews drones missiles corridor grain tonnes budget council shelters energy transformer port vessels harvest inflation ministry spokesperson briefing'.split(
    ' ',
  )

/** A deterministic newsy article; article 1234 mentions a zeppelin in its third paragraph. */
function articleText(n: number): string {
  let seed = n * 7919
  const word = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2147483648) % WORDS.length]
  const sentence = () => `The ${word()} ${word()} reported ${(n % 90) + 10} ${word()} near the ${word()}.`
  const para = () => Array.from({ length: 4 }, sentence).join(' ')
  const day = String((n % 28) + 1).padStart(2, '0')
  const month = String((n % 12) + 1).padStart(2, '0')
  const third =
    n === 1234 ? 'Engineers inspected a grounded zeppelin used for surveying the flooded valley.' : para()
  return ` date 2023-${month}-${day} Generated report ${n}: ${word()} and ${word()}\n\n${para()}\n\n${para()}\n\n${third}\n\n${para()}`
}

async function seed(glossa: Glossa, count: number): Promise<void> {
  for (let start = 0; start < count; start += 50) {
    const files = Array.from({ length: Math.min(50, count - start) }, (_, i) => {
      const n = start + i
      return { name: `report-${n}.txt`, dataBase64: Buffer.from(articleText(n)).toString('base64') }
    })
    const tags = start % 200 === 0 ? ['generated/odd-batch'] : ['generated']
    await glossa.call('import.files', { files, tags })
  }
}

const rows = (page: Page) => page.getByRole('listbox', { name: 'Articles' }).getByRole('option')

test('on 2,000 articles: search with snippets opens the passage; filter by tag and date range', async ({
  page,
  glossa,
}) => {
  test.setTimeout(240_000)
  await seed(glossa, 2000)
  // Started without its index, the server has the index built by the builder process, then searches it.
  const indexDir = join(glossa.archiveDir, 'search-index')
  await glossa.restart(() => rm(indexDir, { recursive: true, force: true }))
  await expect
    .poll(() => glossa.output, { timeout: 60_000 })
    .toMatch(/First search index built by the index builder process/)
  const segments = (await readdir(indexDir)).filter((name) => name.endsWith('.seg'))
  expect((await stat(join(indexDir, segments[0]))).size).toBeGreaterThan(100_000)
  await page.goto(glossa.url)
  await expect(page.getByText('2,004 articles')).toBeVisible()

  await page.getByRole('searchbox', { name: 'Search the archive' }).fill('zeppelin')
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('button')
  await expect(results).toHaveCount(1)
  await expect(results.locator('mark')).toHaveText('zeppelin')
  await expect(results).toContainText('Generated report 1234')
  await page.screenshot({ path: 'reports/screens/search-results.png' })
  await results.click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Generated report 1234')
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...(CSS.highlights.get('find-current') ?? [])].map((r) => (r as Range).toString()),
      ),
    )
    .toEqual(['zeppelin'])

  // Prefix and fuzzy matching.
  await page.getByRole('searchbox', { name: 'Search the archive' }).fill('zeppel')
  await expect(results).toHaveCount(1)
  await page.getByRole('searchbox', { name: 'Search the archive' }).fill('zepelin')
  await expect(results).toHaveCount(1)
  await page.getByRole('searchbox', { name: 'Search the archive' }).press('Escape')

  // Filters on the big list: a parent tag, then a date range.
  await page.getByRole('button', { name: 'Filters' }).click()
  await page.getByLabel('Filter by tag').fill('generated/odd-batch')
  await page.getByLabel('Filter by tag').press('Enter')
  await expect(page.getByText('500 of 2,004 articles')).toBeVisible()
  await page.getByLabel('Published from').fill('2023-03-01')
  await page.getByLabel('Published to').fill('2023-03-31')
  const list = await glossa.call('articles.list', {})
  const expected = list.filter(
    (a) => a.tags.includes('generated/odd-batch') && a.publishedAt?.startsWith('2023-03'),
  ).length
  await expect(page.getByText(`${expected} of 2,004 articles`)).toBeVisible()
  expect(expected).toBeGreaterThan(0)
  // Only the rows in view are in the page.
  expect(await rows(page).count()).toBeLessThanOrEqual(Math.min(expected, 30))
})
