// e2e: PDF reports in Chromium over browser mode: import a generated PDF, see its pages drawn with a text
// layer, highlight across two lines, tag a figure, reload (same text, same place), export Markdown with the page.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { describe } from '../src/shared/anchoring'
import type { Annotation } from '../src/shared/types'
import * as make from '../test/fixtures/pdf/make-pdfs'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { canvasDrawn, importPdf, pageDrawn } from './pdf-helpers'
import { paintedText, selectText } from './reader-helpers'

async function openPdf(page: Page, glossa: Glossa, id: string) {
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${id}`)
  await expect(page.locator('section.pdf-page').first()).toBeVisible()
  await expect(page.locator('.pdf-text-layer span').first()).toBeAttached()
}

test('import a PDF, highlight across two lines, tag a figure, reload, export Markdown with the page', async ({
  page,
  glossa,
}) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} ${m.location().url}`))
  const bytes = await make.singleColumnPdf()
  const id = await importPdf(glossa, 'bridges.pdf', bytes)
  const article = await glossa.call('articles.get', { id })
  await openPdf(page, glossa, id)
  await expect.poll(() => pageDrawn(page)).toBe(true)

  // The text layer reads back exactly as the stored text.
  const layerText = await page.evaluate(() =>
    [...document.querySelectorAll('.pdf-text-layer span')].map((s) => s.textContent).join(''),
  )
  expect(layerText.replace(/\s+/g, '')).toBe(article.text.replace(/\s+/g, ''))

  // Across two lines of the first paragraph.
  await selectText(page, 'first quarter of 2025,', 'since the programme began.')
  const toolbar = page.getByRole('toolbar', { name: 'Selection' })
  await expect(toolbar).toBeVisible()
  await toolbar.getByRole('button', { name: /green highlight/ }).click()
  await expect(page.getByRole('status')).toHaveText(/Saved/)
  const [highlight] = await glossa.call('annotations.list', { articleId: id })
  const exact = highlight.target.quote.exact
  expect(exact.startsWith('first quarter of 2025,')).toBe(true)
  expect(exact.endsWith('since the programme began.')).toBe(true)
  expect(article.text.slice(highlight.target.position.start, highlight.target.position.end)).toBe(exact)
  // Its page selector: page 1, selectors on the page text, and one rectangle per line inside the A4 page.
  expect(highlight.pdf).toMatchObject({ page: 0, label: '1', quote: { exact } })
  const rects = highlight.pdf!.rects!
  expect(rects).toHaveLength(2)
  for (const [x, y, w, h] of rects) {
    expect(x).toBeGreaterThan(40)
    expect(y).toBeGreaterThan(40)
    expect(x + w).toBeLessThan(595)
    expect(h).toBeGreaterThan(5)
    expect(h).toBeLessThan(30)
  }
  expect(rects[1][1]).toBeGreaterThan(rects[0][1])
  await expect.poll(() => paintedText(page, 'hl-green')).toEqual([expect.stringContaining('programme')])

  // Tag a figure: "37" is underlined as a detected figure; clicking it opens the form, prefilled.
  await selectText(page, '37', '37')
  await page.keyboard.press('f')
  const form = page.getByRole('form', { name: /figure/i })
  await expect(form).toBeVisible()
  await form.getByRole('combobox', { name: /metric/i }).fill('bridges/closed')
  await form.getByRole('button', { name: /save/i }).click()
  await expect.poll(async () => (await glossa.call('annotations.list', { articleId: id })).length).toBe(2)
  const figure = (await glossa.call('annotations.list', { articleId: id })).find((a) => a.kind === 'figure')!
  expect(figure.figure).toMatchObject({ value: 37, metric: 'bridges/closed' })

  await page.reload()
  await expect(page.locator('.pdf-text-layer span').first()).toBeAttached()
  await expect
    .poll(() => paintedText(page, 'hl-green'))
    .toEqual([article.text.slice(highlight.target.position.start, highlight.target.position.end)])
  await expect.poll(() => paintedText(page, 'hl-figure')).toEqual(['37'])
  // Same place: the painted range's first rectangle is where the words are on the page.
  const box = await page.evaluate(() => {
    const range = [...CSS.highlights.get('hl-green')!][0] as Range
    const r = range.getClientRects()[0]
    const pageBox = document.querySelector('section[data-page="1"]')!.getBoundingClientRect()
    return { x: r.left - pageBox.left, y: r.top - pageBox.top, w: pageBox.width }
  })
  expect(box.y).toBeGreaterThan(0)
  expect(box.x).toBeGreaterThan(0)
  expect(box.x).toBeLessThan(box.w)

  const [md] = await glossa.call('export.run', {
    format: 'markdown',
    scope: { articleIds: [id] },
    options: { layout: 'combined' },
  })
  expect(md.content).toContain(`> ${exact}\n\n(p. 1)`)
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([])

  // The Figures view names the page.
  await page.getByRole('tab', { name: 'Figures' }).click()
  await expect(page.getByRole('row').filter({ hasText: 'bridges/closed' })).toContainText('p. 1')
  await page.getByRole('tab', { name: 'Articles' }).click()
  await page.goto(`${glossa.origin}/#/article/${id}`)
  await expect(page.locator('.pdf-text-layer span').first()).toBeAttached()

  // Screenshots: wide and narrow, light and dark.
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h })
      await page.emulateMedia({ colorScheme: scheme })
      await expect.poll(() => pageDrawn(page)).toBe(true)
      await page.screenshot({ path: `reports/screens/pdf-reader-${w}-${scheme}.png` })
    }
  }
})

test('a long report: page navigation, zoom, find, and the text layer of a far page', async ({
  page,
  glossa,
}) => {
  const workers: string[] = []
  page.on('worker', (w) => workers.push(w.url()))
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} ${m.location().url}`))
  const id = await importPdf(glossa, 'stats.pdf', await make.manyPagesPdf(40))
  await openPdf(page, glossa, id)
  // pdf.js parses in a Web Worker started from the bundled worker file (the CSP's worker-src 'self').
  expect(workers).toEqual([
    expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/assets\/pdf\.worker-[\w-]+\.mjs$/),
  ])
  const bar = page.getByRole('toolbar', { name: 'PDF pages' })
  await expect(bar).toContainText('of 40')
  await bar.getByRole('textbox', { name: 'Page' }).fill('30')
  await bar.getByRole('textbox', { name: 'Page' }).press('Enter')
  await expect.poll(() => pageDrawn(page, 30)).toBe(true)
  const before = await page.locator('section[data-page="30"]').boundingBox()
  await bar.getByRole('button', { name: 'Zoom in' }).click()
  await expect
    .poll(async () => (await page.locator('section[data-page="30"]').boundingBox())!.width)
    .toBeGreaterThan(before!.width)
  // A selection across two pages becomes one annotation per page, each with its page selector.
  await bar.getByRole('textbox', { name: 'Page' }).fill('2')
  await bar.getByRole('textbox', { name: 'Page' }).press('Enter')
  await selectText(page, 'counted 102 new homes', 'Section 3')
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: /yellow highlight/ })
    .click()
  await expect(page.getByRole('status')).toHaveText(/Saved/)
  await expect.poll(async () => (await glossa.call('annotations.list', { articleId: id })).length).toBe(2)
  const parts = await glossa.call('annotations.list', { articleId: id })
  expect(parts.map((a) => [a.pdf?.label, a.target.quote.exact.slice(0, 12)]).sort()).toEqual([
    ['2', 'counted 102 '],
    ['3', 'Section 3'],
  ])
  // Linked: both parts carry the same group.
  expect(parts[0].pdf?.group).toBeTruthy()
  expect(parts[1].pdf?.group).toBe(parts[0].pdf?.group)

  // Find reaches text on any page.
  await page.getByRole('button', { name: 'Find' }).click()
  await page.getByRole('textbox', { name: /find/i }).fill('district 37 the')
  await expect.poll(() => paintedText(page, 'find-current')).toEqual(['district 37 the'])
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([])
})

test('ligature glyphs: the text layer spells them out and highlights over them stay on their characters', async ({
  page,
  glossa,
}) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const id = await importPdf(glossa, 'fuel.pdf', await make.ligaturePdf())
  const article = await glossa.call('articles.get', { id })
  expect(article.text).toContain('The first inflation figures for 2025')
  await openPdf(page, glossa, id)
  await expect.poll(() => pageDrawn(page)).toBe(true)
  // The layer holds the letters, not the ligature characters, exactly as the stored text.
  const layerText = await page.evaluate(() =>
    [...document.querySelectorAll('.pdf-text-layer span')].map((s) => s.textContent).join(''),
  )
  expect(layerText).not.toMatch(/[\uFB00-\uFB06]/)
  expect(layerText.replace(/\s+/g, '')).toBe(article.text.replace(/\s+/g, ''))

  // Words drawn with /fi and /fl (StandardEncoding), then from /ffi, /ff, /ffl (/Differences) across to the
  // glyph whose text only its ToUnicode CMap gives.
  const toolbar = page.getByRole('toolbar', { name: 'Selection' })
  await selectText(page, 'first inflation', 'figures')
  await toolbar.getByRole('button', { name: /green highlight/ }).click()
  await expect(page.getByRole('status')).toHaveText(/Saved/)
  await selectText(page, 'Traffic', 'The efficiency')
  await toolbar.getByRole('button', { name: /yellow highlight/ }).click()
  await expect.poll(async () => (await glossa.call('annotations.list', { articleId: id })).length).toBe(2)
  const saved = await glossa.call('annotations.list', { articleId: id })
  const quotes = saved.map((a) => article.text.slice(a.target.position.start, a.target.position.end)).sort()
  expect(quotes).toEqual([
    'Traffic staff at 12 coastal offices logged 96 reports of baffling detours.\n\nThe efficiency',
    'first inflation figures',
  ])
  for (const a of saved) expect(a.pdf).toMatchObject({ page: 0, quote: { exact: a.target.quote.exact } })
  // Where "first" is drawn: after "The " at x = 60 on the line at y = 740 (page units from the top: 842 - 740).
  const green = saved.find((a) => a.target.quote.exact.startsWith('first'))!
  const [x, y] = green.pdf!.rects![0]
  expect(x).toBeGreaterThan(70)
  expect(x).toBeLessThan(95)
  expect(y).toBeGreaterThan(842 - 740 - 14)
  expect(y).toBeLessThan(842 - 740 + 4)

  await page.reload()
  await expect(page.locator('.pdf-text-layer span').first()).toBeAttached()
  await expect.poll(() => paintedText(page, 'hl-green')).toEqual(['first inflation figures'])
  // (A range's text has no separator where it crosses from one block of the layer to the next.)
  await expect
    .poll(async () => (await paintedText(page, 'hl-yellow')).join(''))
    .toBe('Traffic staff at 12 coastal offices logged 96 reports of baffling detours.The efficiency')
  await expect(page.getByText(/Approximate/)).toHaveCount(0)
  expect(errors).toEqual([])
})

test('a scanned PDF is shown with a plain message', async ({ page, glossa }) => {
  const id = await importPdf(glossa, 'scan.pdf', await make.scannedPdf())
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${id}`)
  await expect(page.getByRole('note')).toContainText('cannot be highlighted or searched yet')
  await expect(page.locator('section.pdf-page')).toHaveCount(2)
  await expect.poll(() => pageDrawn(page)).toBe(true)
})

test('a PDF with JavaScript and an attachment: shown, nothing runs, nothing is asked', async ({
  page,
  glossa,
}) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const downloads: string[] = []
  page.on('download', (d) => downloads.push(d.suggestedFilename()))
  const id = await importPdf(glossa, 'procurement.pdf', await make.scriptedPdf())
  await openPdf(page, glossa, id)
  await expect.poll(() => pageDrawn(page)).toBe(true)
  await expect(page.getByTestId('article-body')).toContainText('14 contracts were awarded')
  expect(dialogs).toEqual([])
  expect(downloads).toEqual([])
})

test('the outline of a PDF that has one goes to its pages', async ({ page, glossa }) => {
  const id = await importPdf(glossa, 'outlined.pdf', await make.outlinedPdf(6))
  await openPdf(page, glossa, id)
  const bar = page.getByRole('toolbar', { name: 'PDF pages' })
  const outline = bar.getByRole('combobox', { name: 'Outline' })
  await expect(outline.locator('option')).toHaveCount(7)
  await outline.selectOption({ label: 'Section 5: district 5' })
  await expect(bar.getByRole('textbox', { name: 'Page' })).toHaveValue('5')
  await expect.poll(() => pageDrawn(page, 5)).toBe(true)
})

test('an encrypted PDF: the import dialog asks for its password, the reader asks again each session', async ({
  page,
  glossa,
}) => {
  const bytes = Buffer.from(await make.encryptedPdf())
  await page.goto(glossa.url)
  await page.getByRole('button', { name: 'Import…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import' })
  await dialog
    .getByLabel('Files to import')
    .setInputFiles([{ name: 'secret.pdf', mimeType: 'application/pdf', buffer: bytes }])
  await expect(dialog.getByRole('status')).toHaveText(/0 imported, 0 already in the archive, 1 failed/)
  await expect(dialog).toContainText('“secret.pdf” is protected by a password')
  const field = dialog.getByLabel('Password for secret.pdf')
  await field.fill('not-it')
  await dialog.getByRole('button', { name: 'Import with password' }).click()
  await expect(dialog).toContainText('The password for “secret.pdf” is wrong')
  await field.fill(make.PDF_PASSWORD)
  await dialog.getByRole('button', { name: 'Import with password' }).click()
  await dialog.getByRole('button', { name: 'Confidential bridge figures' }).click()

  // The reader asks again (the password was not stored); a wrong one says so; the right one shows the pages.
  const form = page.getByRole('form', { name: 'PDF password' })
  await expect(form).toContainText('This PDF is protected by a password')
  await form.getByLabel('Password').fill('still-not-it')
  await form.getByRole('button', { name: 'Open' }).click()
  await expect(form).toContainText('That password is wrong')
  await form.getByLabel('Password').fill(make.PDF_PASSWORD)
  await form.getByRole('button', { name: 'Open' }).click()
  await expect(form).toBeHidden()
  await expect.poll(() => pageDrawn(page)).toBe(true)
  await expect(page.getByTestId('article-body')).toContainText('1,240 bridges were inspected')
  const [article] = await glossa.call('articles.list', {})
  const stored = await glossa.call('articles.pdf', { id: article.id })
  expect(Buffer.from(stored.base64, 'base64').equals(bytes)).toBe(true)

  // Opened again in this window: not asked again. After a reload (a new session): asked again; declining
  // shows the stored text instead.
  await page.getByRole('tab', { name: 'Figures' }).click()
  await page.getByRole('tab', { name: 'Articles' }).click()
  await page.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect.poll(() => pageDrawn(page)).toBe(true)
  await expect(form).toBeHidden()
  await page.reload()
  await expect(form).toBeVisible()
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h })
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: `reports/screens/pdf-password-${w}-${scheme}.png` })
    }
  }
  await form.getByRole('button', { name: 'Show its text instead' }).click()
  await expect(page.getByRole('note')).toContainText('protected by a password, so its text is shown')
  await expect(page.getByTestId('article-body')).toContainText('1,240 bridges were inspected')
  await expect(page.getByRole('button', { name: 'Thumbnails' })).toHaveCount(0)
})

test('a highlight whose text is no longer on its page is painted from its rectangles, marked approximate', async ({
  page,
  glossa,
}) => {
  const id = await importPdf(glossa, 'bridges.pdf', await make.singleColumnPdf())
  const article = await glossa.call('articles.get', { id })
  const exact = '1,240 bridges were inspected'
  const start = article.text.indexOf(exact)
  const kept = await glossa.call('annotations.create', {
    articleId: id,
    target: describe(article.text, start, start + exact.length),
    color: 'green',
    pdfRects: [[300, 110, 160, 14]],
  })
  const other = article.text.indexOf('37 were closed')
  await glossa.call('annotations.create', {
    articleId: id,
    target: describe(article.text, other, other + 14),
    color: 'yellow',
  })
  // As if pdf.js now read the page otherwise: neither the page's nor the article's selectors find the passage.
  const file = join(glossa.archiveDir, 'annotations', `${id}.json`)
  await glossa.restart(async () => {
    const data = JSON.parse(await readFile(file, 'utf8')) as { annotations: Annotation[] }
    const gone = { exact: 'nine hundred culverts were examined', prefix: 'xx ', suffix: ' yy' }
    for (const a of data.annotations)
      if (a.id === kept.id) {
        Object.assign(a.target.quote, gone)
        Object.assign(a.pdf!.quote, gone)
      }
    await writeFile(file, JSON.stringify(data))
  })
  await openPdf(page, glossa, id)
  await expect.poll(() => paintedText(page, 'hl-yellow')).toEqual(['37 were closed'])
  const mark = page.locator(`.pdf-approx[data-annotation="${kept.id}"]`)
  await expect(mark).toHaveCount(1)
  const box = await page.evaluate((markId) => {
    const el = document.querySelector(`.pdf-approx[data-annotation="${markId}"]`)!.getBoundingClientRect()
    const pageBox = document.querySelector('section[data-page="1"]')!.getBoundingClientRect()
    const scale = pageBox.width / 595
    return [
      (el.left - pageBox.left) / scale,
      (el.top - pageBox.top) / scale,
      el.width / scale,
      el.height / scale,
    ]
  }, kept.id)
  expect(box.map((n) => Math.round(n))).toEqual([300, 110, 160, 14])
  const sidebar = page.getByRole('complementary', { name: 'Annotations' })
  await expect(sidebar.getByRole('heading', { name: 'Approximate' })).toBeVisible()
  await expect(sidebar.locator('.annotation-card.approximate')).toContainText(
    'Approximate: not found in the text of page 1; painted where it was on the page',
  )
  await expect(sidebar.getByRole('heading', { name: 'Orphans' })).toHaveCount(0)
})

test('thumbnails of a 500-page report: virtualised, drawn as they come into view, and they go to their page', async ({
  page,
  glossa,
}) => {
  const id = await importPdf(glossa, 'stats.pdf', await make.manyPagesPdf(500))
  await page.setViewportSize({ width: 1440, height: 900 })
  await openPdf(page, glossa, id)
  const thumbs = page.getByRole('navigation', { name: 'Page thumbnails' })
  const bar = page.getByRole('toolbar', { name: 'PDF pages' })
  await expect(bar.getByRole('button', { name: 'Thumbnails' })).toHaveAttribute('aria-pressed', 'true')
  await expect(thumbs.getByRole('button', { name: 'Page 1', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  )
  // Only the thumbnails in view (and a few around them) are in the page.
  const inDom = await thumbs.getByRole('button').count()
  expect(inDom).toBeGreaterThan(3)
  expect(inDom).toBeLessThan(30)
  const thumbDrawn = (n: number) => canvasDrawn(page, `.pdf-thumb-box[data-page="${n}"] canvas`)
  await expect.poll(() => thumbDrawn(2)).toBe(true)
  await thumbs.getByRole('button', { name: 'Page 3', exact: true }).click()
  await expect(bar.getByRole('textbox', { name: 'Page' })).toHaveValue('3')
  await expect.poll(() => pageDrawn(page, 3)).toBe(true)

  // Far down: the list follows the page in view, and that page's thumbnail is drawn.
  await bar.getByRole('textbox', { name: 'Page' }).fill('450')
  await bar.getByRole('textbox', { name: 'Page' }).press('Enter')
  await expect(thumbs.getByRole('button', { name: 'Page 450', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expect.poll(() => thumbDrawn(450)).toBe(true)
  expect(await thumbs.getByRole('button').count()).toBeLessThan(30)
  await thumbs.evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect.poll(() => thumbDrawn(500)).toBe(true)
  await thumbs.getByRole('button', { name: 'Page 500', exact: true }).click()
  await expect(bar.getByRole('textbox', { name: 'Page' })).toHaveValue('500')
  await expect.poll(() => pageDrawn(page, 500)).toBe(true)

  // Screenshots, wide and narrow, light and dark (in the narrow window the thumbnails are turned on).
  await bar.getByRole('textbox', { name: 'Page' }).fill('12')
  await bar.getByRole('textbox', { name: 'Page' }).press('Enter')
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ]) {
    await page.setViewportSize({ width: w, height: h })
    const toggle = bar.getByRole('button', { name: 'Thumbnails' })
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await expect.poll(() => thumbDrawn(12)).toBe(true)
      await page.screenshot({ path: `reports/screens/pdf-thumbnails-${w}-${scheme}.png` })
    }
  }
  // Turned off, they leave the page.
  await bar.getByRole('button', { name: 'Thumbnails' }).click()
  await expect(thumbs).toHaveCount(0)
})
