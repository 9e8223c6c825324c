// The reader's "Saved" is a promise: it is never shown while a change the archive refused is still on screen.
// A note longer than the archive takes (100,000 characters, a pasted transcript) is refused; a later highlight
// that saves must not turn the toolbar back to "Saved", and the note is kept as a draft until it is shortened.
import type { Page } from '@playwright/test'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { openWithHighlight } from './highlight-helpers'
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

test('a figure saved while the server cannot be reached is not lost by a reload', async ({
  page,
  glossa,
}) => {
  const article = await glossa.call('articles.create', { title: 'Offline figure', text: TEXT, source: 'E2E' })
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect(page.getByTestId('article-body')).toContainText('3,400 households')
  // The server goes away for every save.
  await page.route('**/api/annotations.*', (route) => route.abort('connectionrefused'))
  await selectText(page, '9,100', '9,100')
  await page.keyboard.press('f')
  const form = page.getByRole('form', { name: 'Figure' })
  await form.getByLabel('Value').fill('9100')
  await form.getByLabel('Metric').fill('households/without-water')
  await form.getByLabel('Said by').fill('Water ministry')
  await form.getByRole('button', { name: 'Save figure' }).click()
  await expect(form).toHaveCount(0)
  await expect(page.getByRole('status')).toHaveText(/^Not saved/)
  // It comes back; the page is reloaded before the next retry: the figure kept as a change not yet on disk is
  // shown again and saved, once, without asking for it again.
  await page.unroute('**/api/annotations.*')
  await page.reload()
  await expect(page.locator('.annotation-card')).toHaveCount(1)
  await expect(page.getByRole('form', { name: 'Figure' })).toHaveCount(0)
  await expect
    .poll(async () =>
      (await glossa.call('annotations.list', { articleId: article.id })).map((a) => a.figure?.metric),
    )
    .toEqual(['households/without-water'])
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
  // Saved, its draft is gone: a reload does not offer the form again.
  await page.reload()
  await expect(page.locator('.annotation-card')).toHaveCount(1)
  await expect(page.getByRole('form', { name: 'Figure' })).toHaveCount(0)
})

/** An article with one saved highlight, open in `page`, and a note typed into it while the server is down. */
async function noteWhileDown(page: Page, glossa: Glossa, note: string) {
  const article = await openWithHighlight(page, glossa, 'Server gone', TEXT)
  await page.route('**/api/annotations.*', (route) => route.abort('connectionrefused'))
  const card = page.locator('.annotation-card.focused')
  await card.getByRole('button', { name: 'Add a note…' }).click()
  await card.getByRole('textbox', { name: 'Note' }).fill(note)
  await card.getByRole('textbox', { name: 'Note' }).press('Control+Enter')
  await expect(page.getByRole('status')).toHaveText(/^Not saved/)
  return article
}

const notesOf = (glossa: Glossa, articleId: string) =>
  glossa.call('annotations.list', { articleId }).then((l) => l.map((a) => a.note))

test('a note typed while glossa serve is down comes back in the address it prints when started again', async ({
  page,
  context,
  glossa,
}) => {
  const article = await noteWhileDown(page, glossa, 'Written while Glossa was down')
  await page.close()
  // glossa serve is started again (as after a crash) and the address it prints opened in a new tab.
  await glossa.restart()
  const again = await context.newPage()
  await again.goto(glossa.url)
  await again.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect(again.locator('.annotation-card')).toContainText('Written while Glossa was down')
  await expect.poll(() => notesOf(glossa, article.id)).toEqual(['Written while Glossa was down'])
  await expect(again.getByRole('status')).toHaveText(/^Saved/)
})

test('the tab that held unsaved changes saves them once given the new address', async ({ page, glossa }) => {
  const article = await noteWhileDown(page, glossa, 'Kept in the open tab')
  await glossa.restart()
  await page.unroute('**/api/annotations.*')
  // The new address pasted into the same tab: the page is not reloaded (only its fragment changes).
  await page.goto(glossa.url)
  await expect.poll(() => notesOf(glossa, article.id), { timeout: 30_000 }).toEqual(['Kept in the open tab'])
})

test('a highlight made while glossa serve is stopped lands after the page is reloaded and it is started again', async ({
  page,
  glossa,
}) => {
  const article = await glossa.call('articles.create', { title: 'Stopped server', text: TEXT, source: 'E2E' })
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect(page.getByTestId('article-body')).toContainText('3,400 households')
  const origin = glossa.origin
  await glossa.restart(async () => {
    // glossa serve is stopped: the highlight is made, cannot be saved, and the page is reloaded (and finds no
    // server) before any retry lands.
    await selectText(page, '3,400', 'households')
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /green/ }).click()
    await expect(page.locator('.annotation-card')).toHaveCount(1)
    await expect(page.getByRole('status')).toHaveText(/^Not saved/)
    await page.reload().catch(() => {})
  })
  // Started again on the same port (the same browser storage), its address opened in the same tab.
  expect(glossa.origin).toBe(origin)
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect(page.locator('.annotation-card')).toHaveCount(1)
  await expect
    .poll(async () =>
      (await glossa.call('annotations.list', { articleId: article.id })).map((a) => [
        a.target.quote.exact,
        a.color,
      ]),
    )
    .toEqual([['3,400 households', 'green']])
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
  // Saved once, and nothing left to send: another reload neither shows nor saves it twice.
  await page.reload()
  await expect(page.locator('.annotation-card')).toHaveCount(1)
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
  expect(await glossa.call('annotations.list', { articleId: article.id })).toHaveLength(1)
})
