// e2e (#14): search a researcher can trust — exact words, phrases, exclusions, filters, labelled close matches,
// a count that follows the search, and note snippets shown as Markdown.
import type { Page } from '@playwright/test'
import type { ArticleMeta } from '../src/shared/types'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'

const ARTICLES = [
  {
    title: 'Whale watching season opens',
    source: 'Harbour Times',
    tags: ['nature'],
    text: 'A humpback whale was seen off the cape. Guides said the grain corridor ships kept their distance.',
  },
  {
    title: 'Council meets while roads close',
    source: 'Daily Ledger',
    tags: ['council'],
    text: 'The council met while crews closed two roads. The corridor grain deal was not discussed.',
  },
  {
    title: 'Grain corridor reopens',
    source: 'The Guardian',
    tags: ['trade'],
    text: 'Ships carried grain through the corridor again, and the harbour master counted forty vessels.',
  },
]

async function seed(glossa: Glossa): Promise<ArticleMeta[]> {
  const made: ArticleMeta[] = []
  for (const a of ARTICLES) made.push(await glossa.call('articles.create', a))
  const text = ARTICLES[2].text
  const exact = 'forty vessels'
  const start = text.indexOf(exact)
  await glossa.call('annotations.create', {
    articleId: made[2].id,
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: text.slice(start - 20, start),
        suffix: text.slice(start + exact.length),
      },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    note: '**Check** the count with the _harbour master_:\n\n- ask for the log\n- compare with satellite images',
  })
  return made
}

const box = (page: Page) => page.getByRole('searchbox', { name: 'Search the archive' })
const hits = (page: Page) => page.getByRole('list', { name: 'Search results' }).getByRole('button')
const countLine = (page: Page) => page.locator('.pane-subtitle')

test('search is exact by default; phrases, exclusions and filters narrow; close matches are labelled', async ({
  page,
  glossa,
}) => {
  await seed(glossa)
  await page.goto(glossa.url)
  await expect(countLine(page)).toHaveText('7 articles')

  // whale is not while; the count line follows the search.
  await box(page).fill('whale')
  await expect(hits(page)).toHaveCount(1)
  await expect(hits(page)).toContainText('Whale watching season opens')
  await expect(countLine(page)).toHaveText('1 article found')
  await box(page).fill('while')
  await expect(hits(page)).toHaveCount(1)
  await expect(hits(page)).toContainText('Council meets while roads close')

  await box(page).fill('"grain corridor"')
  await expect(hits(page)).toHaveCount(2)
  await expect(countLine(page)).toHaveText('2 articles found')
  // The sample article on grain exports has both words, apart.
  await box(page).fill('grain corridor')
  await expect(hits(page)).toHaveCount(4)
  await box(page).fill('grain corridor -whale')
  await expect(hits(page)).toHaveCount(3)
  await expect(hits(page).filter({ hasText: 'Whale' })).toHaveCount(0)
  await box(page).fill('grain tag:trade')
  await expect(hits(page)).toHaveCount(1)
  await expect(hits(page)).toContainText('Grain corridor reopens')
  await box(page).fill('grain source:ledger')
  await expect(hits(page)).toContainText('Council meets while roads close')
  await expect(hits(page)).toHaveCount(1)

  // Nothing exact: close matches, said to be close.
  await box(page).fill('whalle')
  await expect(page.getByRole('status').filter({ hasText: 'No exact hits; close matches:' })).toBeVisible()
  await expect(hits(page)).toHaveCount(1)
  await expect(countLine(page)).toHaveText('1 close match')

  // A query with nothing to look for says why.
  await box(page).fill('-whale')
  await expect(page.getByText(/has nothing to look for/)).toBeVisible()
})

test('a note hit shows the note as Markdown, with the matched words marked', async ({ page, glossa }) => {
  await seed(glossa)
  await page.goto(glossa.url)
  await box(page).fill('satellite')
  await expect(hits(page)).toHaveCount(1)
  const hit = hits(page).first()
  await expect(hit).toContainText('in note')
  await expect(hit.locator('.snippet-note strong')).toHaveText('Check')
  await expect(hit.locator('.snippet-note em')).toHaveText('harbour master')
  await expect(hit.locator('.snippet-note li')).toHaveCount(2)
  await expect(hit).not.toContainText('**')
  await expect
    .poll(() =>
      page.evaluate(() => [...(CSS.highlights.get('search-mark') ?? [])].map((r) => (r as Range).toString())),
    )
    .toEqual(['satellite'])

  for (const scheme of ['light', 'dark'] as const) {
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ]) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.setViewportSize({ width, height })
      await box(page).fill('satellite')
      await expect(hits(page).locator('.snippet-note li')).toHaveCount(2)
      await page.screenshot({ path: `reports/screens/search-trust-${width}x${height}-${scheme}.png` })
      await box(page).fill('whalle')
      await expect(page.getByRole('status').filter({ hasText: 'No exact hits' })).toBeVisible()
      await page.screenshot({ path: `reports/screens/search-close-${width}x${height}-${scheme}.png` })
    }
  }
})
