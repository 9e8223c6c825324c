// Nothing typed is lost: a note, a tag field and a figure form that were never confirmed survive a reload,
// and the toolbar never says "Saved" while typing is not on disk.
import type { Page } from '@playwright/test'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { selectText } from './reader-helpers'

const TEXT = [
  'Officials said 412 of the 520 attack drones were shot down during the first week of January.',
  'Air defence units also intercepted 71 missiles, nearly two-thirds of those launched.',
].join('\n\n')

async function openWithHighlight(page: Page, glossa: Glossa) {
  const article = await glossa.call('articles.create', {
    title: 'Drafts',
    text: TEXT,
    source: 'E2E',
  })
  await page.goto(`${glossa.url}`)
  await page.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect(page.getByTestId('article-body')).toContainText('412 of the 520')
  await selectText(page, 'shot down', 'first week')
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: /yellow highlight/ })
    .click()
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
  return article
}

const notes = (glossa: Glossa, articleId: string) =>
  glossa.call('annotations.list', { articleId }).then((list) => list.map((a) => a.note))

test('a note typed and never confirmed is saved as it is typed, and Saved waits for it', async ({
  page,
  glossa,
}) => {
  const article = await openWithHighlight(page, glossa)
  const card = page.locator('.annotation-card.focused')
  await card.getByRole('button', { name: 'Add a note…' }).click()
  await card.getByRole('textbox', { name: 'Note' }).pressSequentially('Counts differ', { delay: 20 })
  // While typing, the toolbar does not claim the note is saved.
  await expect(page.getByRole('status')).not.toHaveText(/^Saved/)
  // Within a second of the last key, with no Ctrl+Enter and no click elsewhere, it is on disk.
  await expect.poll(() => notes(glossa, article.id), { timeout: 3000 }).toEqual(['Counts differ'])
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
  await page.reload()
  await expect(page.locator('.annotation-card')).toContainText('Counts differ')
})

test('a note typed just before a reload comes back after it', async ({ page, glossa }) => {
  const article = await openWithHighlight(page, glossa)
  const card = page.locator('.annotation-card.focused')
  await card.getByRole('button', { name: 'Add a note…' }).click()
  await card.getByRole('textbox', { name: 'Note' }).fill('Typed and reloaded at once')
  await page.reload()
  await expect(page.locator('.annotation-card')).toContainText('Typed and reloaded at once')
  await expect.poll(() => notes(glossa, article.id)).toEqual(['Typed and reloaded at once'])
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
})

test('undo takes back a note typed with pauses as one step', async ({ page, glossa }) => {
  const article = await openWithHighlight(page, glossa)
  const card = page.locator('.annotation-card.focused')
  await card.getByRole('button', { name: 'Add a note…' }).click()
  const box = card.getByRole('textbox', { name: 'Note' })
  await box.fill('first part')
  await expect.poll(() => notes(glossa, article.id)).toEqual(['first part'])
  await box.fill('first part, second part')
  await expect.poll(() => notes(glossa, article.id)).toEqual(['first part, second part'])
  await box.press('Control+Enter')
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => notes(glossa, article.id)).toEqual([''])
})

test('a tag typed but not added, and a figure form being filled, come back after a reload', async ({
  page,
  glossa,
}) => {
  await openWithHighlight(page, glossa)
  const card = page.locator('.annotation-card.focused')
  await card.getByRole('combobox', { name: 'Add tag' }).fill('strikes/half-typed')
  await expect(page.getByRole('status')).not.toHaveText(/^Saved/)
  await page.reload()
  await page.locator('.annotation-card').click()
  await expect(
    page.locator('.annotation-card.focused').getByRole('combobox', { name: 'Add tag' }),
  ).toHaveValue('strikes/half-typed')

  await selectText(page, '71', '71')
  await page.keyboard.press('f')
  const form = page.getByRole('form', { name: 'Figure' })
  await expect(form).toBeVisible()
  await form.getByLabel('Metric').fill('missiles/intercepted')
  await form.getByLabel('Said by').fill('Air defence command')
  await expect(page.getByRole('status')).not.toHaveText(/^Saved/)
  await page.reload()
  const again = page.getByRole('form', { name: 'Figure' })
  await expect(again).toBeVisible()
  await expect(again.getByLabel('Metric')).toHaveValue('missiles/intercepted')
  await expect(again.getByLabel('Said by')).toHaveValue('Air defence command')
  await again.getByRole('button', { name: 'Save figure' }).click()
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
  await page.reload()
  await expect(page.getByRole('form', { name: 'Figure' })).toHaveCount(0)
})
