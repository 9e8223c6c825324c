// e2e (#14): the window at laptop sizes — a reader column of at least 60 characters, the annotations sidebar
// as a drawer below ~1200 px and the library below ~900 px, no button under another panel, dialogs that fit
// a 700 px tall window; screenshots of each under reports/screens/.
import { mkdir } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from './glossa'
import { clickText, coveredButtons, openSample, readerMeasure } from './layout-helpers'

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 700 },
]

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Annotations' })
const toggle = (page: Page) => page.locator('.reader-toolbar').getByRole('button', { name: /Annotations/ })

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the reader is 60 characters wide and no button is covered`, async ({
    page,
    glossa,
  }) => {
    await page.setViewportSize(size)
    await openSample(page, glossa, /79% of drones/)
    const { ch, perLine } = await readerMeasure(page)
    // Characters a line is what a reader counts. The body's width in widths of '0' (CSS ch) is lower with a
    // wide font: with DejaVu Serif, this machine's fallback for Georgia, it is about 55 ch for 65 a line.
    console.log(`${size.width}×${size.height}: ${ch.toFixed(1)} ch, ${perLine.toFixed(1)} characters a line`)
    expect(perLine).toBeGreaterThanOrEqual(60)
    expect(await coveredButtons(page.locator('.reader-toolbar, .pane-header, .library-footer'))).toEqual([])
    // With articles selected, the bulk bar's buttons too.
    const rows = page.getByRole('listbox', { name: 'Articles' }).getByRole('option')
    await rows.nth(0).click({ modifiers: ['Control'] })
    await rows.nth(1).click({ modifiers: ['Control'] })
    await expect(page.getByRole('region', { name: 'Selected articles' })).toContainText('2 articles selected')
    expect(await coveredButtons(page.locator('.bulk-bar'))).toEqual([])
    if (size.width < 1200) {
      await toggle(page).click()
      await expect(sidebar(page)).toBeVisible()
      // The open drawer covers neither the toolbar's buttons nor its own.
      expect(await coveredButtons(page.locator('.reader-toolbar, .annotation-sidebar'))).toEqual([])
    }
  })
}

test('below 1200 px the annotations are a drawer: a button and the A key open and close it', async ({
  page,
  glossa,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await openSample(page, glossa, /79% of drones/)
  await expect(sidebar(page)).toBeHidden()
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false')
  await toggle(page).click()
  await expect(sidebar(page)).toBeVisible()
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('Escape')
  await expect(sidebar(page)).toBeHidden()
  await expect(toggle(page)).toBeFocused()
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('a')
  await expect(sidebar(page)).toBeVisible()
  await page.keyboard.press('a')
  await expect(sidebar(page)).toBeHidden()

  // Opening the figure form or a note opens the drawer, since that is where they are.
  await clickText(page, '520')
  await expect(page.getByRole('form', { name: 'Figure' })).toBeVisible()
  await expect(sidebar(page)).toBeVisible()
  expect(await coveredButtons(page.getByRole('form', { name: 'Figure' }))).toEqual([])
  await page.keyboard.press('Escape')
  await expect(page.getByRole('form', { name: 'Figure' })).toHaveCount(0)

  // At 1280 the sidebar is a column again, with no toggle.
  await page.setViewportSize({ width: 1280, height: 720 })
  await expect(sidebar(page)).toBeVisible()
  await expect(toggle(page)).toBeHidden()
})

test('below 900 px the library folds away too, and a button brings it back', async ({ page, glossa }) => {
  await page.setViewportSize({ width: 860, height: 700 })
  await openSample(page, glossa, /79% of drones/)
  const library = page.getByRole('navigation', { name: 'Library' })
  await expect(library).toBeHidden()
  const { ch, perLine } = await readerMeasure(page)
  expect(perLine).toBeGreaterThanOrEqual(60)
  expect(ch).toBeGreaterThanOrEqual(60)
  const libraryToggle = page.locator('.reader-toolbar').getByRole('button', { name: 'Library' })
  await libraryToggle.click()
  await expect(library).toBeVisible()
  expect(await coveredButtons(page.locator('.pane-header'))).toEqual([])
  await library.getByRole('listbox', { name: 'Articles' }).getByRole('option').nth(1).click()
  // Picking an article folds the library away again.
  await expect(library).toBeHidden()
  expect(await coveredButtons(page.locator('.reader-toolbar'))).toEqual([])
})

test('dialogs fit a 700 px tall window with their buttons in view', async ({ page, glossa }) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await openSample(page, glossa, /79% of drones/)
  const library = page.getByRole('navigation', { name: 'Library' })
  const dialogs = [
    { opener: 'Import…', name: 'Import', buttons: ['Close', 'Choose files…', 'Import text'] },
    { opener: 'Export…', name: 'Export', buttons: ['Close', 'Cancel', 'Export'] },
    { opener: 'Backups…', name: 'Backups', buttons: ['Close', 'Back up now'] },
  ]
  // A week of snapshots listed, and one more.
  for (let i = 0; i < 8; i++) await glossa.call('backups.create', {})
  for (const { opener, name, buttons } of dialogs) {
    await library.getByRole('button', { name: opener }).click()
    const dialog = page.getByRole('dialog', { name })
    await expect(dialog).toBeVisible()
    if (name === 'Backups') await expect(dialog.getByRole('button', { name: 'Restore…' })).not.toHaveCount(0)
    if (name === 'Export') await expect(page.getByTestId('export-preview')).not.toBeEmpty()
    const box = (await dialog.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(700)
    // The dialog's own buttons are in view without scrolling, nothing over them.
    for (const button of buttons) {
      const target = dialog.getByRole('button', { name: button, exact: true })
      expect(await coveredButtons(target), `${name}: ${button}`).toEqual([])
    }
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
  }
})

test('screenshots: library, reader with the drawer open and closed, a dialog; light and dark', async ({
  page,
  glossa,
}) => {
  test.setTimeout(120_000)
  await mkdir('reports/screens', { recursive: true })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const size of [{ width: 1440, height: 900 }, ...SIZES]) {
      const tag = `${size.width}x${size.height}-${scheme}`
      await page.setViewportSize(size)
      await page.goto(glossa.url)
      await expect(page.getByText('4 articles')).toBeVisible()
      await page.screenshot({ path: `reports/screens/library-${tag}.png` })
      await page.getByRole('option', { name: /79% of drones/ }).click()
      await expect(page.getByTestId('article-body')).toBeVisible()
      await page.screenshot({ path: `reports/screens/reader-${tag}.png` })
      if (await toggle(page).isVisible()) {
        await toggle(page).click()
        await expect(sidebar(page)).toBeVisible()
        await page.screenshot({ path: `reports/screens/reader-drawer-${tag}.png` })
        await page.keyboard.press('Escape')
      }
      await page.locator('.reader-toolbar').getByRole('button', { name: 'Export' }).click()
      await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible()
      await expect(page.getByTestId('export-preview')).not.toBeEmpty()
      await page.screenshot({ path: `reports/screens/export-${tag}.png` })
      await page.keyboard.press('Escape')
    }
  }
})
