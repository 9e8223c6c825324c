// e2e: a PDF declaring an image of 12,000 × 12,000 pixels over compressed zeros (make-pdfs.ts's oversizeImagePdf;
// 576 MB once drawn), in Chromium over browser mode. pdf.js, with the limits the import and the reader share
// (src/shared/pdf-limits.ts), leaves the image out without decoding it: the reader says so above the pages and on
// the page concerned, draws that page's text and the other pages as usual, and the window does not crash.
import type { Page } from '@playwright/test'
import * as make from '../test/fixtures/pdf/make-pdfs'
import { expect, test } from './glossa'
import { importPdf, pageDrawn } from './pdf-helpers'
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

test('a PDF with an oversized image: the page says so, its text and the other pages are shown', async ({
  page,
  glossa,
}) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('crash', () => errors.push('the page crashed'))
  const id = await importPdf(glossa, 'annex.pdf', await make.oversizeImagePdf())
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${id}`)

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
  await expect.poll(() => pageDrawn(page, 2)).toBe(true)
  // Drawn without the image: white where its black square would be.
  expect(await middleOfImage(page, 2)).toEqual([255, 255, 255, 255])
  await page.locator('section.pdf-page[data-page="3"]').scrollIntoViewIfNeeded()
  await expect.poll(() => pageDrawn(page, 3)).toBe(true)
  await expect(page.getByTestId('article-body')).toContainText('Annex page 3')
  expect(errors).toEqual([])

  // The page's foot in view, where its note is.
  await screenshotSizes(page, 'pdf-oversized-image', async () => {
    await second.evaluate((el) => el.scrollIntoView({ block: 'end' }))
    await expect.poll(() => pageDrawn(page, 2)).toBe(true)
  })
})
