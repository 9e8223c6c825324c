// e2e (#14): Escape closes every dialog and the figure form, focus comes back to where it was, dialogs keep
// Tab inside them; keys 1–6 recolour the focused highlight; a figure inside a highlight opens the figure form.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { clickText, openSample } from './layout-helpers'
import { paintedText, selectText } from './reader-helpers'

/** Tabs `times` times forward, then backward, and returns where focus was each time it left `dialog`. */
async function focusOutside(page: Page, dialog: Locator, times: number): Promise<string[]> {
  const escaped: string[] = []
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < times; i++) {
      await page.keyboard.press(key)
      const where = await dialog.evaluate((d) =>
        d.contains(document.activeElement)
          ? null
          : (document.activeElement?.outerHTML.slice(0, 80) ?? 'none'),
      )
      if (where) escaped.push(`${key} ${i + 1}: ${where}`)
    }
  }
  return escaped
}

async function checkDialog(page: Page, opener: Locator, name: string) {
  await opener.focus()
  await opener.press('Enter')
  const dialog = page.getByRole('dialog', { name })
  await expect(dialog).toBeVisible()
  // Focus moves into the dialog and stays there, past its last control and before its first.
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true)
  expect(await focusOutside(page, dialog, 25)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(opener).toBeFocused()
}

test('Escape closes Import, Export and Backups; focus returns to the button that opened them; Tab stays inside', async ({
  page,
  glossa,
}) => {
  await page.goto(glossa.url)
  await expect(page.getByText('4 articles')).toBeVisible()
  const library = page.getByRole('navigation', { name: 'Library' })
  await checkDialog(page, library.getByRole('button', { name: 'Import…' }), 'Import')
  await checkDialog(page, library.getByRole('button', { name: 'Export…' }), 'Export')
  await checkDialog(page, library.getByRole('button', { name: 'Backups…' }), 'Backups')

  // The same from the reader's own Export button, with the article open behind the dialog.
  await openSample(page, glossa, /79% of drones/)
  await checkDialog(page, page.locator('.reader-toolbar').getByRole('button', { name: 'Export' }), 'Export')
  // A click on the dimmed window around a dialog closes it too.
  await library.getByRole('button', { name: 'Import…' }).click()
  await expect(page.getByRole('dialog', { name: 'Import' })).toBeVisible()
  await page.mouse.click(5, 5)
  await expect(page.getByRole('dialog', { name: 'Import' })).toHaveCount(0)
})

test('Escape closes the figure form wherever focus is, and the draft it held is gone', async ({
  page,
  glossa,
}) => {
  await openSample(page, glossa, /79% of drones/)
  const form = page.getByRole('form', { name: 'Figure' })

  // Focus in the form: Escape cancels (as before), and focus goes back to the article, not to nowhere.
  await clickText(page, '520')
  await expect(form.getByLabel('Value')).toBeFocused()
  await form.getByLabel('Metric').fill('drones/launched')
  await page.keyboard.press('Escape')
  await expect(form).toHaveCount(0)

  // Focus moved away from the form (a click in the text): Escape still closes it.
  await clickText(page, '412')
  await expect(form.getByLabel('Value')).toHaveValue('412')
  await form.getByLabel('Metric').fill('drones/downed')
  await page.getByRole('heading', { level: 1 }).click()
  await expect(form.getByLabel('Value')).not.toBeFocused()
  await page.keyboard.press('Escape')
  await expect(form).toHaveCount(0)
  // Cancelled, so a reload does not bring the typed draft back.
  await page.reload()
  await expect(page.getByTestId('article-body')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(form).toHaveCount(0)
})

test('keys 1–6 recolour the focused highlight, not only a new selection', async ({ page, glossa }) => {
  const article = await openSample(page, glossa, /79% of drones/)
  await selectText(page, 'destroyed 412', 'attack drones')
  await page.keyboard.press('1')
  await expect.poll(() => paintedText(page, 'hl-yellow')).toEqual(['destroyed 412 of the 520 attack drones'])
  await expect(page.locator('.annotation-card.focused')).toHaveCount(1)

  // Focused from its card (the selection is gone): 3 makes it blue.
  await page.evaluate(() => window.getSelection()?.removeAllRanges())
  // the reader learns of the cleared selection asynchronously; Escape would otherwise clear the selection
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(page.locator('.annotation-card.focused')).toHaveCount(0)
  await page.locator('.annotation-card').click()
  await expect(page.locator('.annotation-card.focused')).toHaveCount(1)
  await page.locator('.annotation-card blockquote').click()
  await page.keyboard.press('3')
  await expect.poll(() => paintedText(page, 'hl-blue')).toEqual(['destroyed 412 of the 520 attack drones'])
  expect(await paintedText(page, 'hl-yellow')).toEqual([])

  // Focused with J from the text: 5 makes it purple, and that is what is stored.
  await page.keyboard.press('Escape')
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('j')
  await expect(page.locator('.annotation-card.focused')).toHaveCount(1)
  await page.keyboard.press('5')
  await expect.poll(() => paintedText(page, 'hl-purple')).toEqual(['destroyed 412 of the 520 attack drones'])
  await expect(page.getByRole('status')).toHaveText(/Saved/)
  await expect.poll(async () => (await storedColours(glossa, article.id)).join()).toBe('purple')
})

test('a click on an underlined figure inside a highlight opens the figure form; the card still focuses the highlight', async ({
  page,
  glossa,
}) => {
  await openSample(page, glossa, /79% of drones/)
  await selectText(page, 'destroyed 412', 'attack drones')
  await page.keyboard.press('2')
  await expect.poll(() => paintedText(page, 'hl-green')).toEqual(['destroyed 412 of the 520 attack drones'])
  await page.keyboard.press('Escape')
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('Escape')
  await expect(page.locator('.annotation-card.focused')).toHaveCount(0)

  await clickText(page, '520')
  const form = page.getByRole('form', { name: 'Figure' })
  await expect(form.getByLabel('Value')).toHaveValue('520')
  await form.getByRole('button', { name: 'Cancel' }).click()
  await expect(form).toHaveCount(0)

  // The words of the highlight that are no figure still focus it, and so does its card.
  await clickText(page, 'attack drones')
  await expect(page.locator('.annotation-card.focused')).toHaveCount(1)
  await expect(form).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(page.locator('.annotation-card.focused')).toHaveCount(0)
  await page.locator('.annotation-card').click()
  await expect(page.locator('.annotation-card.focused')).toHaveCount(1)
})

async function storedColours(glossa: Glossa, articleId: string): Promise<string[]> {
  const list = await glossa.call('annotations.list', { articleId })
  return list.map((a) => a.color)
}

test('Escape closes the library filters, the bulk bar and its delete prompt, and the restore prompt inside Backups; focus comes back', async ({
  page,
  glossa,
}) => {
  await page.goto(glossa.url)
  const rows = page.getByRole('listbox', { name: 'Articles' }).getByRole('option')
  await expect(rows).toHaveCount(4)

  const filtersButton = page.getByRole('button', { name: 'Filters' })
  await filtersButton.click()
  await page.getByLabel('Filter by tag').focus()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('group', { name: 'Filters' })).toHaveCount(0)
  await expect(filtersButton).toBeFocused()

  await rows.nth(0).click({ modifiers: ['Control'] })
  await rows.nth(1).click({ modifiers: ['Shift'] })
  const bar = page.getByRole('region', { name: 'Selected articles' })
  await expect(bar).toContainText('2 articles selected')
  const deleteButton = bar.getByRole('button', { name: 'Delete…' })
  await deleteButton.click()
  const prompt = page.getByRole('alertdialog', { name: 'Confirm delete' })
  await expect(prompt.getByRole('button', { name: 'Keep' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(prompt).toHaveCount(0)
  await expect(deleteButton).toBeFocused()
  await expect(rows).toHaveCount(4)
  const collectButton = bar.getByRole('button', { name: 'Add to collection…' })
  await collectButton.click()
  await bar.getByLabel('New collection').focus()
  await page.keyboard.press('Escape')
  await expect(bar.getByLabel('New collection')).toHaveCount(0)
  await expect(collectButton).toBeFocused()

  await glossa.call('backups.create', {})
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Backups…' }).click()
  const backups = page.getByRole('dialog', { name: 'Backups' })
  const restore = backups.getByRole('button', { name: 'Restore…' }).first()
  await restore.click()
  const confirmRestore = page.getByRole('alertdialog', { name: 'Confirm restore' })
  await expect(confirmRestore.getByRole('button', { name: 'Cancel' })).toBeFocused()
  // The first Escape closes the prompt and leaves the dialog open; the second closes the dialog.
  await page.keyboard.press('Escape')
  await expect(confirmRestore).toHaveCount(0)
  await expect(backups).toBeVisible()
  await expect(restore).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(backups).toHaveCount(0)
})
