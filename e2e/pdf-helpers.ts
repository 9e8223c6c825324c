// e2e: importing a generated PDF and telling whether pdf.js has drawn a canvas, for the PDF specs.
import type { Page } from '@playwright/test'
import { expect } from './glossa'
import type { Glossa } from './glossa'

/** Imports one PDF through import.files and gives the new article's id. */
export async function importPdf(glossa: Glossa, name: string, bytes: Uint8Array): Promise<string> {
  const dataBase64 = Buffer.from(bytes).toString('base64')
  const [result] = await glossa.call('import.files', { files: [{ name, dataBase64 }] })
  expect(result.status).toBe('imported')
  return result.id!
}

/** Whether the canvas `selector` finds has been drawn: any dark pixel, as a line of text gives. */
export async function canvasDrawn(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => {
    const canvas = document.querySelector<HTMLCanvasElement>(s)
    if (!canvas?.width) return false
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
    for (let p = 0; p < data.length; p += 4) if (data[p] < 200) return true
    return false
  }, selector)
}

/** Whether the reader's page `index` (1-based) has been drawn. */
export function pageDrawn(page: Page, index = 1): Promise<boolean> {
  return canvasDrawn(page, `section[data-page="${index}"] canvas`)
}
