// A PDF declaring a huge image over a few KB of compressed zeros (test/fixtures/pdf/make-pdfs.ts's
// oversizeImagePdf: 12,000 × 12,000, 576 MB once drawn), read by pdf.js with the options the import and the
// reader share (src/shared/pdf-limits.ts): the image is refused before it is decoded, the pages' text is read,
// and the look through the bytes finds the image and the page that draws it (where the reader says so).
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import * as make from '../../../test/fixtures/pdf/make-pdfs'
import { PDF_MAX_IMAGE_PIXELS, findOversizeImages } from '../../shared/pdf-limits'
import { PDF_SAFE_OPTIONS, loadPdfJs, parsePdf } from './parse-pdf'

const rssMB = () => process.memoryUsage().rss / 1e6

describe('a PDF declaring an image larger than pdf.js draws', () => {
  it('is found in its bytes; ordinary large images are not', async () => {
    const { width, height } = make.OVERSIZE_IMAGE
    expect(width * height).toBeGreaterThan(PDF_MAX_IMAGE_PIXELS)
    const bytes = await make.oversizeImagePdf()
    const found = findOversizeImages(bytes)
    expect(found).toMatchObject({ count: 1, images: [{ width, height }] })
    // The page that draws it (the second), by its object number, as the reader matches it.
    const pdfjs = await loadPdfJs()
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...PDF_SAFE_OPTIONS }).promise
    const refs = await Promise.all([1, 2, 3].map(async (i) => (await pdf.getPage(i)).ref?.num))
    await pdf.destroy()
    expect(found.pages).toEqual([refs[1]])
    expect(findOversizeImages(await make.largeImagePdf(4, 2)).count).toBe(0)
  })

  it('imports its text within memory', async () => {
    const before = rssMB()
    const doc = await parsePdf({ name: 'annex.pdf', bytes: await make.oversizeImagePdf() })
    expect(doc.pdf).toMatchObject({ pages: 3, scanned: false })
    expect(doc.text).toContain('Annex page 2')
    expect(rssMB() - before).toBeLessThan(150)
  })

  it('draws its pages without the image: the worker never decodes it', async () => {
    const pdfjs = await loadPdfJs()
    const bytes = await make.oversizeImagePdf()
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...PDF_SAFE_OPTIONS }).promise
    const before = rssMB()
    try {
      // What a render of page 2 asks the worker for: its operators, images decoded.
      const ops = await (await pdf.getPage(2)).getOperatorList()
      expect(ops.fnArray).not.toContain(OPS.paintImageXObject)
      expect(rssMB() - before).toBeLessThan(150)
      const page1 = await (await pdf.getPage(1)).getOperatorList()
      expect(page1.fnArray).toContain(OPS.showText)
    } finally {
      await pdf.destroy()
    }
  }, 60_000)
})
