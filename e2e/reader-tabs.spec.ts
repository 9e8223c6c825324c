// Several tabs on one article, on real `glossa serve` and Chromium: a deletion one tab held while the archive
// was away leaves a note another tab changed after it (and the first tab shows it back, saying why); each tab
// keeps its own changes not yet on disk, and the next tab to open the article takes over those of a tab that
// was closed, once; while a change is being retried the reader says "Not saved — retrying", never "Saving…".
import type { Page } from '@playwright/test'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { openWithHighlight, writeNote } from './highlight-helpers'
import { selectText } from './reader-helpers'

const TEXT = [
  'The water board said 3,400 households were without supply on Monday morning.',
  'Repairs to the main under Station Road are expected to take two days.',
].join('\n\n')

const AWAY = '**/api/annotations.*'

const notesOf = (glossa: Glossa, articleId: string) =>
  glossa.call('annotations.list', { articleId }).then((l) => l.map((a) => a.note).sort())

async function open(page: Page, glossa: Glossa, articleId: string) {
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${articleId}`)
  await expect(page.getByTestId('article-body')).toContainText('3,400 households')
}

/** Focuses the `n`th annotation card (a click on a focused card would fold it). */
async function focusCard(page: Page, n = 0) {
  const card = page.locator('.annotation-card').nth(n)
  await expect(card).toBeVisible()
  if (!(await card.evaluate((e) => e.classList.contains('focused')))) await card.click()
  await expect(card).toHaveClass(/focused/)
}

/** The notes and colours this page sent to the archive (whether or not they got there). */
function sentChanges(page: Page): string[] {
  const sent: string[] = []
  page.on('request', (request) => {
    if (!request.url().includes('/api/annotations.update')) return
    const { note, color } = (request.postDataJSON() ?? {}) as { note?: string; color?: string }
    sent.push(note ?? color ?? '')
  })
  return sent
}

const colorsOf = (glossa: Glossa, articleId: string) =>
  glossa.call('annotations.list', { articleId }).then((l) => l.map((a) => a.color).sort())

test('a deletion held while the archive was away leaves a note another tab changed after it, and says so', async ({
  page,
  context,
  glossa,
}) => {
  const article = await openWithHighlight(page, glossa, 'Tabs', TEXT)
  await page.route(AWAY, (route) => route.abort('connectionrefused'))
  await focusCard(page)
  await page.locator('.annotation-card').getByRole('button', { name: 'Delete' }).click()
  await expect(page.locator('.annotation-card')).toHaveCount(0)
  await expect(page.getByRole('status')).toHaveText(/^Not saved — retrying/)

  // Another tab, which reaches the archive, changes the note after the deletion was made.
  const other = await context.newPage()
  await open(other, glossa, article.id)
  await focusCard(other)
  await writeNote(other, 'Changed after the deletion')
  await expect.poll(() => notesOf(glossa, article.id)).toEqual(['Changed after the deletion'])

  // The archive comes back for the first tab: its deletion is refused, and the tab shows the note back.
  await page.unroute(AWAY)
  await expect(page.getByRole('status')).toHaveText(/^Saved/, { timeout: 30_000 })
  expect(await notesOf(glossa, article.id)).toEqual(['Changed after the deletion'])
  await expect(page.locator('.annotation-card')).toContainText('Changed after the deletion')
  await expect(page.locator('.sync-notice')).toHaveText(
    'Kept: changed in another window after you deleted it.',
  )
  await page.screenshot({ path: 'reports/screens/reader-deletion-kept.png' })
  // Reloaded, the deletion is not sent again.
  await page.reload()
  await expect(page.locator('.annotation-card')).toContainText('Changed after the deletion')
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
  expect(await notesOf(glossa, article.id)).toEqual(['Changed after the deletion'])
})

test("each tab keeps its own unsaved changes, and a closed tab's are taken over once by the next tab", async ({
  page,
  context,
  glossa,
}) => {
  const article = await openWithHighlight(page, glossa, 'Tabs', TEXT)
  await selectText(page, 'Repairs', 'days')
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /green/ }).click()
  await expect(page.locator('.annotation-card')).toHaveCount(2)
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
  const other = await context.newPage()
  const sentByOther = sentChanges(other)
  await open(other, glossa, article.id)
  await expect(other.locator('.annotation-card')).toHaveCount(2)

  // Both tabs lose the archive; each changes the colour of its own card (a change no note draft keeps).
  await page.route(AWAY, (route) => route.abort('connectionrefused'))
  await other.route(AWAY, (route) => route.abort('connectionrefused'))
  await focusCard(page, 0)
  await page
    .locator('.annotation-card.focused')
    .getByRole('button', { name: /^pink highlight/ })
    .click()
  await expect(page.getByRole('status')).toHaveText(/^Not saved/)
  await focusCard(other, 1)
  await other
    .locator('.annotation-card.focused')
    .getByRole('button', { name: /^blue highlight/ })
    .click()
  await expect(other.getByRole('status')).toHaveText(/^Not saved/)

  // The first tab is closed with its change unsaved; the second gets the archive back and saves only its own.
  await page.close()
  await other.unroute(AWAY)
  await expect(other.getByRole('status')).toHaveText(/^Saved/, { timeout: 30_000 })
  expect(await colorsOf(glossa, article.id)).toEqual(['blue', 'yellow'])

  // A third tab opens the article: it takes over the closed tab's change and saves it.
  const third = await context.newPage()
  const sentByThird = sentChanges(third)
  await open(third, glossa, article.id)
  await expect.poll(() => colorsOf(glossa, article.id)).toEqual(['blue', 'pink'])
  await expect(third.getByRole('status')).toHaveText(/^Saved/)
  const kept = () =>
    third.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('glossa-pending:')))
  await expect.poll(kept).toEqual([])

  // The second tab, reloaded, has nothing of the first tab's to send again.
  await other.reload()
  await expect(other.locator('.annotation-card')).toHaveCount(2)
  await expect(other.getByRole('status')).toHaveText(/^Saved/)
  expect(await colorsOf(glossa, article.id)).toEqual(['blue', 'pink'])
  // The second tab sent its own change only (once per attempt while away); the third sent the first's, once.
  expect(new Set(sentByOther)).toEqual(new Set(['blue']))
  expect(sentByThird).toEqual(['pink'])
})

test('a change made while another is retried says "Not saved — retrying", and what closing does', async ({
  page,
  glossa,
}) => {
  await openWithHighlight(page, glossa, 'Tabs', TEXT)
  let failed = 0
  await page.route(AWAY, (route) => {
    failed++
    return route.abort('connectionrefused')
  })
  const status = page.getByRole('status')
  await focusCard(page)
  await writeNote(page, 'Typed while away')
  await expect(status).toHaveText(/^Not saved — retrying: /)
  await expect(page.locator('.retry-note')).toContainText('If you close this window now')
  // Past the first retries, the next one waits seconds: a change made now is not being saved either.
  await expect.poll(() => failed).toBeGreaterThanOrEqual(3)
  await selectText(page, 'Repairs', 'days')
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: /green/ }).click()
  await expect(page.locator('.annotation-card')).toHaveCount(2)
  expect(await status.textContent()).toMatch(/^Not saved — retrying: /)

  await page.unroute(AWAY)
  await expect(status).toHaveText(/^Saved/, { timeout: 30_000 })
  await expect(page.locator('.retry-note')).toHaveCount(0)
})

for (const [width, height] of [
  [1440, 900],
  [1024, 700],
]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot of the reader retrying a save, ${width}×${height}, ${scheme}`, async ({
      page,
      glossa,
    }) => {
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme: scheme })
      await openWithHighlight(page, glossa, 'Tabs', TEXT)
      // A narrower window shows the annotations in a drawer.
      const drawer = page.getByRole('button', { name: /^Annotations/ })
      if (await drawer.isVisible()) await drawer.click()
      await page.route(AWAY, (route) => route.abort('connectionrefused'))
      await focusCard(page)
      await writeNote(page, 'Typed while the archive was away')
      await expect(page.locator('.retry-note')).toBeVisible()
      await page.screenshot({ path: `reports/screens/reader-retrying-${width}x${height}-${scheme}.png` })
    })
  }
}
