// e2e: the library on 1,200 articles comes a page at a time from the main process (articles.page), never as
// the whole list; scrolling to the end, sorting by title and filtering by source all show the right rows.
import type { Page } from '@playwright/test'
import { mkdir } from 'node:fs/promises'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { screenshotSizes } from './screens'

const COUNT = 1200
const title = (n: number) => `Dispatch ${String(n).padStart(4, '0')} from the harbour`

async function seed(glossa: Glossa): Promise<void> {
  for (let start = 0; start < COUNT; start += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => start + i).map((n) =>
        glossa.call('articles.create', {
          title: title(n),
          text: `Dispatch ${n}: the harbour handled ${n * 10} containers this week.`,
          source: n % 3 === 0 ? 'South Desk' : 'North Wire',
          publishedAt: `2023-${String((n % 12) + 1).padStart(2, '0')}-15`,
        }),
      ),
    )
  }
}

const list = (page: Page) => page.getByRole('listbox', { name: 'Articles' })
const rows = (page: Page) => list(page).getByRole('option')

/** Every library request the page makes: the method and, for a page, how many rows it carried. */
function watchLibrary(page: Page): { method: string; rows?: number }[] {
  const seen: { method: string; rows?: number }[] = []
  page.on('response', async (res) => {
    const method = /\/api\/(articles\.[a-z]+)/i.exec(res.url())?.[1]
    if (!method) return
    const entry: { method: string; rows?: number } = { method }
    seen.push(entry)
    if (method === 'articles.page')
      entry.rows = ((await res.json()) as { value?: { items: unknown[] } }).value?.items.length
  })
  return seen
}

test('1,200 articles: pages of rows as the list scrolls, sorted and filtered by the main process', async ({
  page,
  glossa,
}) => {
  test.setTimeout(240_000)
  await seed(glossa)
  const seen = watchLibrary(page)
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(glossa.url)
  await expect(page.getByText('1,204 articles')).toBeVisible()
  // Newest first: articles created in one batch may share their millisecond, and main breaks such ties by id.
  const [newest] = (await glossa.call('articles.page', { offset: 0, limit: 1 })).items
  expect(newest.title).toMatch(/^Dispatch 11\d\d /)
  await expect(rows(page).first()).toContainText(newest.title)
  // The list is never sent whole; the first screen needs one page.
  expect(seen.map((s) => s.method)).not.toContain('articles.list')
  expect(seen.filter((s) => s.method === 'articles.page')).toHaveLength(1)

  // Sorted by title, A to Z, and only one source's articles.
  await page.getByLabel('Sort by').selectOption('title')
  await page.getByRole('button', { name: 'Filters' }).click()
  await page.getByLabel('Filter by source').selectOption('South Desk')
  await page.keyboard.press('Escape')
  await expect(page.getByText('400 of 1,204 articles')).toBeVisible()
  await expect(rows(page).first()).toContainText(title(0))
  await expect(rows(page).nth(1)).toContainText(title(3))

  // To the end of the list: the last rows arrive with their page, and only the pages in view were asked for.
  const before = seen.length
  await list(page).evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(list(page).getByRole('option', { name: new RegExp(title(1197)) })).toBeVisible()
  const asked = seen.slice(before).filter((s) => s.method === 'articles.page')
  expect(asked.length).toBeGreaterThan(0)
  expect(asked.length).toBeLessThanOrEqual(3)
  // A response's rows are counted once its body is read, which may come after the rows are drawn.
  const pages = () => seen.filter((s) => s.method === 'articles.page')
  await expect.poll(() => pages().every((a) => a.rows !== undefined)).toBe(true)
  for (const a of pages()) expect(a.rows).toBeLessThanOrEqual(100)
  await mkdir('reports/screens', { recursive: true })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1024, height: 700 },
    ]) {
      await page.setViewportSize(size)
      await list(page).evaluate((el) => (el.scrollTop = el.scrollHeight))
      await expect(list(page).getByRole('option', { name: new RegExp(title(1197)) })).toBeVisible()
      await page.screenshot({
        path: `reports/screens/library-pages-end-${size.width}x${size.height}-${scheme}.png`,
      })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })

  // A row far down opens its article; the arrow key moves to the one above it.
  await list(page)
    .getByRole('option', { name: new RegExp(title(1197)) })
    .click()
  await expect(page.getByTestId('article-body')).toContainText('Dispatch 1197')
  await list(page).press('ArrowUp')
  await expect(page.getByTestId('article-body')).toContainText('Dispatch 1194')

  // An article added meanwhile is counted and listed first (newest) after a reload.
  await glossa.call('articles.create', {
    title: 'A late dispatch from the harbour',
    text: 'A late dispatch from the harbour.',
    source: 'South Desk',
  })
  await page.reload()
  await expect(page.getByText('1,205 articles')).toBeVisible()
  await expect(rows(page).first()).toContainText('A late dispatch')

  // Opened again, the sort orders come from disk: each sort right after opening, as main sorts it.
  await glossa.restart()
  await page.goto(glossa.url)
  await expect(page.getByText('1,205 articles')).toBeVisible()
  for (const sort of ['title', 'source', 'published'] as const) {
    await page.getByLabel('Sort by').selectOption(sort)
    const [first] = (await glossa.call('articles.page', { offset: 0, limit: 1, sort })).items
    await expect(rows(page).first()).toContainText(first.title)
    await screenshotSizes(page, `library-opened-by-${sort}`)
  }
})
