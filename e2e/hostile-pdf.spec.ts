// e2e: a PDF that never passed import, in Chromium over browser mode. Import refuses a PDF of more than 5,000
// pages, but a backup (like a team member or a copied archive) brings an article's PDF in with only its hash and
// its `%PDF-` checked: a restored PDF of 100,000 blank pages (10 MB) was laid out page by page — about 40 pages a
// second, slowing as it went — and the article never finished opening. The reader now refuses a PDF past the
// import limit at once, with the reason, and shows the article's text instead.
import { createHash } from 'node:crypto'
import { MAX_PDF_PAGES } from '../src/shared/assets'
import { blankPagesPdf } from '../test/fixtures/pdf/blank-pages'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { screenshotSizes } from './screens'

const ID = 'pdfpages1'

/** Restores, through import.files as the Import dialog would, a backup holding a PDF article of `pages` pages. */
async function restorePdf(glossa: Glossa, pages: number): Promise<void> {
  const bytes = blankPagesPdf(pages)
  const file = `${createHash('sha256').update(bytes).digest('hex')}.pdf`
  const stamp = '2026-01-01T00:00:00.000Z'
  const backup = {
    format: 'glossa-backup',
    version: 1,
    generatedAt: stamp,
    articles: [
      {
        id: ID,
        title: 'District survey, all pages',
        addedAt: stamp,
        tags: [],
        textHash: 'x',
        length: 1,
        counts: { highlights: 0, figures: 0, notes: 0 },
        annotationTags: {},
        text: 'The survey counted 412 new homes in the district.',
        // What the backup claims: three pages.
        pdf: { file, pages: 3, fingerprint: 'f', scanned: true },
      },
    ],
    annotations: [],
    tagColors: {},
    collections: [],
    assets: [{ articleId: ID, name: file, dataBase64: Buffer.from(bytes).toString('base64') }],
  }
  const [result] = await glossa.call('import.files', {
    files: [{ name: 'shared.json', dataBase64: Buffer.from(JSON.stringify(backup)).toString('base64') }],
  })
  expect(result.status, result.message).toBe('imported')
}

test('a restored PDF past the page limit is refused at once with its reason; the article’s text is shown', async ({
  page,
  glossa,
}) => {
  const pages = MAX_PDF_PAGES + 1
  await restorePdf(glossa, pages)
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${ID}`)
  await expect(page.getByRole('alert')).toHaveText(
    'The PDF could not be shown: it has 5,001 pages, and Glossa shows PDFs of up to 5,000 (the most import takes). Its text is shown instead.',
  )
  await expect(page.getByTestId('article-body')).toContainText('412 new homes')
  expect(await page.locator('section.pdf-page').count()).toBe(0)
  // no page bar for pages that are not shown (it said "Page 1 of 3" beside the refusal)
  await expect(page.getByRole('button', { name: 'Thumbnails' })).toHaveCount(0)
  await screenshotSizes(page, 'pdf-past-page-limit')
})
