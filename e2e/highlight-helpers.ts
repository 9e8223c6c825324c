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
