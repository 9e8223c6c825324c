// e2e (#14): renaming a tag onto an existing one asks before merging, with how many items it moves; the merge
// can be undone; an article tag added in the reader shows in the library row at once.
import type { Page } from '@playwright/test'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'

const TEXT = 'Shelling hit the market before dawn. Three stalls burned down and a bakery lost its windows.'

async function seed(glossa: Glossa) {
  const a = await glossa.call('articles.create', {
    title: 'Market hit',
    text: TEXT,
    tags: ['war'],
  })
  const b = await glossa.call('articles.create', {
    title: 'Ceasefire talks',
    text: `${TEXT} Talks resumed.`,
    tags: ['conflict'],
  })
  const exact = 'Three stalls'
  const start = TEXT.indexOf(exact)
  await glossa.call('annotations.create', {
    articleId: a.id,
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: TEXT.slice(0, start),
        suffix: TEXT.slice(start + exact.length),
      },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    tags: ['war/damage'],
  })
  return { a, b }
}

async function renameTo(page: Page, from: string, to: string) {
  await page.locator(`tr[data-tag="${from}"]`).getByRole('button', { name: 'Rename' }).click()
  await page.getByLabel(`New name for ${from}`).fill(to)
  await page.getByLabel(`New name for ${from}`).press('Enter')
}

test('merging a tag asks first with how many items, and can be undone', async ({ page, glossa }) => {
  const { a, b } = await seed(glossa)
  await page.goto(glossa.url)
  await page.getByRole('tab', { name: 'Tags' }).click()
  await renameTo(page, 'war', 'conflict')
  const prompt = page.getByRole('alertdialog', { name: 'Confirm merge' })
  await expect(prompt).toContainText('Merge “war” into “conflict”? 2 items')
  // Escape cancels the merge (Cancel has focus): nothing moves, and focus is back in the name field, to fix it.
  await expect(prompt.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(prompt).toHaveCount(0)
  await expect(page.getByLabel('New name for war')).toBeFocused()
  expect((await glossa.call('articles.list', {})).find((x) => x.id === a.id)!.tags).toEqual(['war'])
  await page.getByLabel('New name for war').press('Enter')
  await expect(prompt).toContainText('Merge “war” into “conflict”? 2 items')
  for (const scheme of ['light', 'dark'] as const) {
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ]) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.setViewportSize({ width, height })
      await page.screenshot({ path: `reports/screens/tags-merge-${width}x${height}-${scheme}.png` })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  // Nothing moves before the researcher says so.
  expect((await glossa.call('articles.list', {})).find((x) => x.id === a.id)!.tags).toEqual(['war'])
  await prompt.getByRole('button', { name: 'Merge' }).click()
  await expect(page.getByText('Merged “war” into “conflict”: 2 items')).toBeVisible()
  await expect(page.locator('tr[data-tag="war"]')).toHaveCount(0)
  await expect(page.locator('tr[data-tag="conflict/damage"]')).toBeVisible()

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('Moved 2 items back to “war”')).toBeVisible()
  await expect(page.locator('tr[data-tag="war/damage"]')).toBeVisible()
  const list = await glossa.call('articles.list', {})
  expect(list.find((x) => x.id === a.id)!.tags).toEqual(['war'])
  expect(list.find((x) => x.id === b.id)!.tags).toEqual(['conflict'])
  const [note] = await glossa.call('annotations.list', { articleId: a.id })
  expect(note.tags).toEqual(['war/damage'])
  const tags = await glossa.call('tags.list', {})
  expect(tags.map((t) => t.name).filter((n) => n !== 'sample')).toEqual(['conflict', 'war', 'war/damage'])
})

test('an article tag added in the reader shows in the library row at once', async ({ page, glossa }) => {
  const { b } = await seed(glossa)
  await page.goto(glossa.url)
  const row = page.locator(`[role="option"][data-id="${b.id}"]`)
  await row.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ceasefire talks')
  const input = page.getByLabel('Add article tag')
  await input.fill('diplomacy')
  await input.press('Enter')
  await expect(row).toContainText('#diplomacy')
})
