// Changes not yet on disk, on real `glossa serve` and Chromium: a tab that held an older note while the archive
// could not be reached never overwrites the newer note another tab saved meanwhile; and changes past what the
// page can keep for a reload are shown as such (and the browser asks before the tab is closed).
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { openWithHighlight, writeNote } from './highlight-helpers'

const TEXT = [
  'The water board said 3,400 households were without supply on Monday morning.',
  'Repairs to the main under Station Road are expected to take two days.',
].join('\n\n')

const notesOf = (glossa: Glossa, articleId: string) =>
  glossa.call('annotations.list', { articleId }).then((l) => l.map((a) => a.note))

test('a tab that held an older note while the archive was away does not overwrite a newer note saved in another tab', async ({
  page,
  context,
  glossa,
}) => {
  const article = await openWithHighlight(page, glossa, 'Pending', TEXT)
  // The first tab loses the archive (its requests fail) and a note is typed there.
  await page.route('**/api/annotations.*', (route) => route.abort('connectionrefused'))
  await writeNote(page, 'Older: typed while away')
  await expect(page.getByRole('status')).toHaveText(/^Not saved/)

  // A second tab on the same article, which reaches the archive, gets a newer note.
  const other = await context.newPage()
  await other.goto(glossa.url)
  await other.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect(other.locator('.annotation-card')).toHaveCount(1)
  await other.locator('.annotation-card').click()
  await writeNote(other, 'Newer: saved in the second tab')
  await expect.poll(() => notesOf(glossa, article.id)).toEqual(['Newer: saved in the second tab'])
  await expect(other.getByRole('status')).toHaveText(/^Saved/)

  // The archive comes back for the first tab: its held note is sent, and the newer one stays.
  await page.unroute('**/api/annotations.*')
  await expect(page.getByRole('status')).toHaveText(/^Saved/, { timeout: 30_000 })
  expect(await notesOf(glossa, article.id)).toEqual(['Newer: saved in the second tab'])
  await expect(page.locator('.annotation-card')).toContainText('Newer: saved in the second tab')

  // Reloaded, neither tab sends the older note again (nor its draft).
  await page.reload()
  await expect(page.locator('.annotation-card')).toContainText('Newer: saved in the second tab')
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
  expect(await notesOf(glossa, article.id)).toEqual(['Newer: saved in the second tab'])
})

test('changes past what the page keeps for a reload are shown as lost on close, and the browser asks', async ({
  page,
  glossa,
}) => {
  const article = await openWithHighlight(page, glossa, 'Pending', TEXT)
  await page.route('**/api/annotations.*', (route) => route.abort('connectionrefused'))
  test.setTimeout(180_000)
  // Notes of 99,000 characters: a dozen of them is past the 2 MB the page keeps for a reload.
  const alert = page.getByRole('alert').filter({ hasText: 'will be lost if you close this window' })
  let last = ''
  for (let i = 0; i < 12; i++) {
    last = `Draft ${i}: ${String.fromCharCode(97 + i).repeat(99_000)}`
    await writeNote(page, last)
  }
  await expect(alert).toBeVisible()
  await expect(alert).toContainText(/^\d+ changes? (is|are) not saved/)
  await expect(page.getByRole('status')).toHaveText(/^Not saved/)
  await page.screenshot({ path: 'reports/screens/reader-unkept.png' })

  // Closing the tab now asks first.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type())
      void dialog.dismiss()
    }),
  )
  await page.close({ runBeforeUnload: true })
  expect(await asked).toBe('beforeunload')
  expect(page.isClosed()).toBe(false)

  // The archive is back: everything lands, and the warning goes.
  await page.unroute('**/api/annotations.*')
  await expect(alert).toHaveCount(0, { timeout: 60_000 })
  await expect(page.getByRole('status')).toHaveText(/^Saved/, { timeout: 60_000 })
  expect(await notesOf(glossa, article.id)).toEqual([last])
})

for (const [width, height] of [
  [1440, 900],
  [1024, 700],
]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot of the reader with changes it cannot keep, ${width}×${height}, ${scheme}`, async ({
      page,
      glossa,
    }) => {
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme: scheme })
      await openWithHighlight(page, glossa, 'Pending', TEXT)
      // A narrower window shows the annotations in a drawer.
      const drawer = page.getByRole('button', { name: /^Annotations/ })
      if (await drawer.isVisible()) await drawer.click()
      await page.route('**/api/annotations.*', (route) => route.abort('connectionrefused'))
      for (let i = 0; i < 12; i++) await writeNote(page, `${i} ${'x'.repeat(99_000)}`)
      await expect(page.getByRole('alert').filter({ hasText: 'will be lost' })).toBeVisible()
      await page.screenshot({ path: `reports/screens/reader-unkept-${width}x${height}-${scheme}.png` })
    })
  }
}
