// Bench (Node, a child of bench/pdf.ts): reads one PDF file as the parse process reads an imported PDF (pdf.js's
// text of every page, then the page text rule), without the import size limit, and reports the process's peak
// RSS: what the parse process would need for that file.
import { readFile } from 'node:fs/promises'
import { readPdf } from '../src/main/import/parse-pdf'
import { documentText, pageText } from '../src/shared/pdf-text'
import { childMain } from './child'

export type PdfReadInput = { file: string }
export type PdfReadResult = {
  bytes: number
  pages: number
  textChars: number
  ms: number
  peakRssMB: number
  baseRssMB: number
}

childMain<PdfReadInput, PdfReadResult>(async ({ file }) => {
  const baseRssMB = process.memoryUsage().rss / 2 ** 20
  const bytes = new Uint8Array(await readFile(file))
  const started = performance.now()
  const pdf = await readPdf(bytes, file)
  const { text } = documentText(pdf.pages.map((items) => pageText(items).text))
  return {
    bytes: bytes.length,
    pages: pdf.numPages,
    textChars: text.length,
    ms: performance.now() - started,
    // maxRSS is in kilobytes.
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    baseRssMB,
  }
})
