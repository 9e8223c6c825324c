// The reader's "Saved" is a promise: it is never shown while a change the archive refused is still on screen.
// A note longer than the archive takes (100,000 characters, a pasted transcript) is refused; a later highlight
// that saves must not turn the toolbar back to "Saved", and the note is kept as a draft until it is shortened.
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { selectText } from './reader-helpers'

const TEXT = [
  'The ministry said 3,400 households were still without water on Friday, down from 9,100 on Monday.',
  'Engineers expect the last of them to be reconnected within ten days.',
].join('\n\n')

const notes = (glossa: Glossa, articleId: string) =>
  glossa.call('annotations.list', { articleId }).then((list) => list.map((a) => a.note))

test('a refused note keeps the toolbar off "Saved" after a later save succeeds, until it is saved', async ({
  page,
  glossa,
}) => {
  const article = await glossa.call('articles.create', { title: 'Saved claims', text: TEXT, source: 'E2E' })
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect(page.getByTestId('article-body')).toContainText('3,400 households')
  const status = page.getByRole('status')
  const yellow = page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /yellow/ })

  await selectText(page, '3,400', 'households')
  await yellow.click()
  await expect(status).toHaveText(/^Saved/)
  const card = page.locator('.annotation-card.focused')
  await card.getByRole('button', { name: 'Add a note…' }).click()
  const tooLong = 'transcript '.repeat(9_100) // 100,100 characters: past the archive's 100,000
  await card.getByRole('textbox', { name: 'Note' }).fill(tooLong)
  await card.getByRole('textbox', { name: 'Note' }).press('Control+Enter')
  await expect(status).toHaveText(/^Not saved/)

  // Another change that the archive takes.
  await selectText(page, 'Engineers', 'reconnected')
  await yellow.click()
  await expect.poll(() => notes(glossa, article.id)).toEqual(['', ''])
  // The refused note is still not on disk: the toolbar must not say otherwise.
  await expect(status).toHaveText(/^Not saved/)
  await expect(status).not.toHaveText(/^Saved/)

  // Reloaded, the refused note comes back from its draft (nothing typed is lost), still marked as not saved.
  await page.reload()
  await expect(page.locator('.annotation-card').first()).toContainText('transcript transcript')
  await expect(status).toHaveText(/^Not saved/)
  expect(await notes(glossa, article.id)).toEqual(['', ''])

  // Shortened, it is saved, and only then does the toolbar say so.
  const first = page.locator('.annotation-card').first()
  await first.click()
  await first.locator('.note-button').click()
  const box = first.getByRole('textbox', { name: 'Note' })
  await box.fill('transcript, cut to what matters')
  await box.press('Control+Enter')
  await expect.poll(() => notes(glossa, article.id)).toContain('transcript, cut to what matters')
  await expect(status).toHaveText(/^Saved/)
})
