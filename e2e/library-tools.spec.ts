import type { Page } from '@playwright/test'
import { describe } from '../src/shared/anchoring'
import { expect, test } from './glossa'

const rows = (page: Page) => page.getByRole('listbox', { name: 'Articles' }).getByRole('option')

test('tag and colour filters find articles by their annotations, and see a new one after a reload', async ({
  page,
  glossa,
}) => {
  const list = await glossa.call('articles.list', {})
  const air = list.find((a) => /79% of drones/.test(a.title))!
  const { text } = await glossa.call('articles.get', { id: air.id })
  await glossa.call('annotations.create', {
    articleId: air.id,
    target: describe(text, 0, 24),
    color: 'green',
    tags: ['air/defence'],
  })

  await page.goto(glossa.url)
  await expect(rows(page)).toHaveCount(4)
  await page.getByRole('button', { name: 'Filters' }).click()
  const tag = page.getByLabel('Filter by tag')
  // Typed as the chips show it: "#air/" filters by air.
  await tag.fill('#air/')
  await tag.press('Enter')
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page)).toContainText('79% of drones')
  await page.getByRole('button', { name: 'Remove filter #air' }).click()
  // A name no tag can have matches nothing, quietly.
  await tag.fill('air, drones')
  await tag.press('Enter')
  await expect(page.getByText('No article matches these filters.')).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await page.getByRole('button', { name: 'Remove filter #air, drones' }).click()
  await page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'green highlight' }).click()
  await expect(rows(page)).toHaveCount(1)
  await expect(page.getByText('1 of 4 articles')).toBeVisible()

  // A green highlight made meanwhile counts once the library is loaded again.
  const grid = list.find((a) => /Repair crews/.test(a.title))!
  const gridText = (await glossa.call('articles.get', { id: grid.id })).text
  await glossa.call('annotations.create', {
    articleId: grid.id,
    target: describe(gridText, 0, 24),
    color: 'green',
  })
  await page.reload()
  await page.getByRole('button', { name: 'Filters' }).click()
  await page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'green highlight' }).click()
  await expect(rows(page)).toHaveCount(2)
  await page.getByRole('button', { name: 'Remove filter green highlights' }).click()
  await expect(rows(page)).toHaveCount(4)
})

test('filter by tag and date range with removable chips; rename a tag and see it everywhere', async ({
  page,
  glossa,
}) => {
  const list = await glossa.call('articles.list', {})
  const air = list.find((a) => /79% of drones/.test(a.title))!
  const grid = list.find((a) => /Repair crews/.test(a.title))!
  await glossa.call('articles.update', { id: air.id, tags: ['strikes/launched'] })
  await glossa.call('articles.update', { id: grid.id, tags: ['strikes/energy', 'energy'] })

  await page.goto(glossa.url)
  await expect(rows(page)).toHaveCount(4)
  await page.getByRole('button', { name: 'Filters' }).click()
  const tag = page.getByLabel('Filter by tag')
  await tag.fill('strikes')
  await tag.press('Enter')
  await expect(rows(page)).toHaveCount(2)
  await page.getByLabel('Published from').fill('2024-01-10')
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page)).toContainText('Repair crews')
  await expect(page.getByText('1 of 4 articles')).toBeVisible()
  await page.screenshot({ path: 'reports/screens/library-filters.png' })
  await page.getByRole('button', { name: 'Remove filter from 2024-01-10' }).click()
  await expect(rows(page)).toHaveCount(2)
  await page.getByRole('button', { name: 'Remove filter #strikes' }).click()
  await expect(rows(page)).toHaveCount(4)

  await page.getByRole('tab', { name: 'Tags' }).click()
  await page.locator('tr[data-tag="strikes"]').getByRole('button', { name: 'Rename' }).click()
  await page.getByLabel('New name for strikes').fill('attacks')
  await page.getByLabel('New name for strikes').press('Enter')
  await expect(page.locator('tr[data-tag="attacks/launched"]')).toBeVisible()
  await expect(page.locator('tr[data-tag="strikes"]')).toHaveCount(0)
  await page.screenshot({ path: 'reports/screens/tags-view.png' })
  const after = await glossa.call('articles.list', {})
  expect(after.find((a) => a.id === grid.id)!.tags).toEqual(['attacks/energy', 'energy'])

  // Clicking a tag in the manager shows its articles.
  await page.locator('tr[data-tag="attacks"]').getByRole('button', { name: 'attacks' }).click()
  await expect(rows(page)).toHaveCount(2)
})

test('select several articles, add them to a new collection, delete them and undo', async ({
  page,
  glossa,
}) => {
  await page.goto(glossa.url)
  await expect(rows(page)).toHaveCount(4)
  await rows(page)
    .nth(0)
    .click({ modifiers: ['Control'] })
  await rows(page)
    .nth(2)
    .click({ modifiers: ['Shift'] })
  const bar = page.getByRole('region', { name: 'Selected articles' })
  await expect(bar).toContainText('3 articles selected')
  await bar.getByRole('button', { name: 'Add to collection…' }).click()
  await bar.getByLabel('New collection').fill('Winter campaign')
  await bar.getByLabel('New collection').press('Enter')
  await expect(page.getByText('Added 3 articles to the collection')).toBeVisible()

  await page.getByRole('button', { name: 'Filters' }).click()
  await page.getByLabel('Filter by collection').selectOption({ label: 'Winter campaign (3)' })
  await expect(rows(page)).toHaveCount(3)
  await page.getByRole('button', { name: 'Remove filter in Winter campaign' }).click()

  await bar.getByRole('button', { name: 'Delete…' }).click()
  await page
    .getByRole('alertdialog', { name: 'Confirm delete' })
    .getByRole('button', { name: 'Delete' })
    .click()
  await expect(rows(page)).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(rows(page)).toHaveCount(4)
  expect(await glossa.call('articles.list', {})).toHaveLength(4)
})
