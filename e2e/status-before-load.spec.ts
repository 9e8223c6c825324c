// The reader's save status from the first frame, on real `glossa serve` and Chromium: a tab reloaded with a change
// it kept (not yet sent) says "Not saved — 1 change waiting" while its annotations load, then "Saving…", and
// "Saved" only once the archive has the change. Every text the status shows is logged by a MutationObserver
// installed before the page's own scripts run, so a "Saved" shown for a single frame is caught.
import type { Page } from '@playwright/test'
import { expect, test } from './glossa'
import { openWithHighlight } from './highlight-helpers'

const TEXT = [
  'The water board said 3,400 households were without supply on Monday morning.',
  'Repairs to the main under Station Road are expected to take two days.',
].join('\n\n')

/** Where the page keeps the log (a property of its window). */
type Logged = { statusLog?: string[] }

/** Holds back every annotations.list until `release()`; `held()` counts the requests held so far. */
async function holdAnnotations(page: Page) {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  let count = 0
  await page.route('**/api/annotations.list', async (route) => {
    count++
    await gate
    await route.continue()
  })
  return { release, held: () => count }
}

/** From the next load on, every distinct text of the reader's save status, in order. */
async function logStatus(page: Page) {
  await page.addInitScript(() => {
    const page = window as Logged
    const log: string[] = []
    page.statusLog = log
    new MutationObserver(() => {
      const text = document.querySelector('.save-status')?.textContent
      if (text && log[log.length - 1] !== text) log.push(text)
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
}

test('a reloaded tab with a kept change never says "Saved" before the archive acknowledged it', async ({
  page,
  glossa,
}) => {
  const article = await openWithHighlight(page, glossa, 'Before load', TEXT)
  const status = page.getByRole('status')

  // The archive is away; a colour change is kept for a reload, unsent.
  await page.route('**/api/annotations.update', (route) => route.abort('connectionrefused'))
  await page.locator('.annotation-card').click()
  await page
    .locator('.annotation-card.focused')
    .getByRole('button', { name: /^pink highlight/ })
    .click()
  await expect(status).toHaveText(/^Not saved — retrying/)

  // Reloaded with the annotations held back: the toolbar shows what this tab keeps, not "Saved".
  const list = await holdAnnotations(page)
  await logStatus(page)
  await page.reload()
  await expect(status).toHaveText('Not saved — 1 change waiting')
  await expect.poll(list.held).toBeGreaterThan(0)

  // The archive is back and the annotations arrive: the kept change is sent, then "Saved".
  await page.unroute('**/api/annotations.update')
  list.release()
  await expect(status).toHaveText(/^Saved/, { timeout: 30_000 })
  const colors = await glossa.call('annotations.list', { articleId: article.id })
  expect(colors.map((a) => a.color)).toEqual(['pink'])

  const log = (await page.evaluate(() => (window as Logged).statusLog)) ?? []
  const firstSaved = log.findIndex((t) => t.startsWith('Saved'))
  expect(log[0]).toBe('Not saved — 1 change waiting')
  expect(log.slice(0, firstSaved)).not.toContain('Saved')
  expect(log.slice(0, firstSaved)).toContain('Saving…')
})

test('a tab that kept nothing says "Loading…", not "Saved", until its annotations are there', async ({
  page,
  glossa,
}) => {
  await openWithHighlight(page, glossa, 'Before load', TEXT)
  const list = await holdAnnotations(page)
  await logStatus(page)
  await page.reload()
  await expect(page.getByRole('status')).toHaveText('Loading…')
  await expect.poll(list.held).toBeGreaterThan(0)
  list.release()
  await expect(page.locator('.annotation-card')).toHaveCount(1)
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
  const log = (await page.evaluate(() => (window as Logged).statusLog)) ?? []
  expect(log).toEqual(['Loading…', 'Saved'])
})

for (const [width, height] of [
  [1440, 900],
  [1024, 700],
]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot of the reader waiting to send a kept change, ${width}×${height}, ${scheme}`, async ({
      page,
      glossa,
    }) => {
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme: scheme })
      await openWithHighlight(page, glossa, 'Before load', TEXT)
      await page.route('**/api/annotations.update', (route) => route.abort('connectionrefused'))
      // A narrower window shows the annotations in a drawer.
      const drawer = page.getByRole('button', { name: /^Annotations/ })
      if (await drawer.isVisible()) await drawer.click()
      await page.locator('.annotation-card').click()
      await page
        .locator('.annotation-card.focused')
        .getByRole('button', { name: /^pink highlight/ })
        .click()
      await expect(page.getByRole('status')).toHaveText(/^Not saved — retrying/)
      await holdAnnotations(page)
      await page.reload()
      await expect(page.getByRole('status')).toHaveText('Not saved — 1 change waiting')
      await page.screenshot({ path: `reports/screens/reader-waiting-${width}x${height}-${scheme}.png` })
    })
  }
}
