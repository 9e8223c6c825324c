// e2e: an article made through the API and opened in the reader, with "3,400 … households" highlighted yellow
// and saved.
import type { Page } from '@playwright/test'
import { expect } from './glossa'
import type { Glossa } from './glossa'
import { selectText } from './reader-helpers'

export async function openWithHighlight(page: Page, glossa: Glossa, title: string, text: string) {
  const article = await glossa.call('articles.create', { title, text, source: 'E2E' })
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect(page.getByTestId('article-body')).toContainText('3,400 households')
  await selectText(page, '3,400', 'households')
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: /yellow/ })
    .click()
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
  return article
}

/** Types a note into the focused annotation card and hands it over (Ctrl+Enter). */
export async function writeNote(page: Page, text: string) {
  const card = page.locator('.annotation-card.focused')
  await card.locator('.note-button').click()
  await card.getByRole('textbox', { name: 'Note' }).fill(text)
  await card.getByRole('textbox', { name: 'Note' }).press('Control+Enter')
}
