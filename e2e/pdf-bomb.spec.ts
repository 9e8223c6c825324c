// e2e: a PDF declaring an image of 12,000 × 12,000 pixels over compressed zeros (make-pdfs.ts's oversizeImagePdf;
// 576 MB once drawn), in Chromium over browser mode. pdf.js, with the limits the import and the reader share
// (src/shared/pdf-limits.ts), leaves the image out without decoding it: the reader says so above the pages and on
// the page concerned, draws that page's text and the other pages as usual, and the window does not crash.
import type { Page } from '@playwright/test'
import * as make from '../test/fixtures/pdf/make-pdfs'
import { expect, test } from './glossa'
import { screenshotSizes } from './screens'

/** The colour of the page's canvas at the middle of where the fixture draws its image (black if drawn). */
async function middleOfImage(page: Page, index: number): Promise<number[]> {
  return page.evaluate((i) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`section[data-page="${i}"] canvas`)!
    // The image covers x 60–535, y 92–567 of the 595 × 842 page (from its top).
    const x = Math.floor((canvas.width * 297) / 595)
    const y = Math.floor((canvas.height * 330) / 842)
    return [...canvas.getContext('2d')!.getImageData(x, y, 1, 1).data]
  }, index)
}

/** Whether a page's canvas has been drawn (any dark pixel: its line of text). */
async function drawn(page: Page, index: number): Promise<boolean> {
  return page.evaluate((i) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`section[data-page="${i}"] canvas`)
    if (!canvas || !canvas.width) return false
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
    for (let p = 0; p < data.length; p += 4) if (data[p] < 200) return true
    return false
  }, index)
}

test('a PDF with an oversized image: the page says so, its text and the other pages are shown', async ({
  page,
  glossa,
}) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('crash', () => errors.push('the page crashed'))
  const bytes = await make.oversizeImagePdf()
  const [result] = await glossa.call('import.files', {
    files: [{ name: 'annex.pdf', dataBase64: Buffer.from(bytes).toString('base64') }],
  })
  expect(result.status).toBe('imported')
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${result.id!}`)

  await expect(page.getByRole('note').filter({ hasText: 'larger than Glossa draws' })).toHaveText(
    'This PDF has an image larger than Glossa draws; it is left out, and each page found to draw one says so.',
  )
  const second = page.locator('section.pdf-page[data-page="2"]')
  await expect(second).toHaveAttribute(
    'data-refused',
    'An image on this page is larger than Glossa draws (75 million pixels), so it is left out; the rest of the page is shown.',
  )
  await expect(page.locator('section.pdf-page[data-refused]')).toHaveCount(1)
  await expect(second.locator('.pdf-text-layer')).toContainText('Annex page 2')

  await second.scrollIntoViewIfNeeded()
  await expect.poll(() => drawn(page, 2)).toBe(true)
  // Drawn without the image: white where its black square would be.
  expect(await middleOfImage(page, 2)).toEqual([255, 255, 255, 255])
  await page.locator('section.pdf-page[data-page="3"]').scrollIntoViewIfNeeded()
  await expect.poll(() => drawn(page, 3)).toBe(true)
  await expect(page.getByTestId('article-body')).toContainText('Annex page 3')
  expect(errors).toEqual([])

  // The page's foot in view, where its note is.
  await screenshotSizes(page, 'pdf-oversized-image', async () => {
    await second.evaluate((el) => el.scrollIntoView({ block: 'end' }))
    await expect.poll(() => drawn(page, 2)).toBe(true)
  })
})
