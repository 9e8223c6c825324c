// Hostile pages: every payload of the import fixture table is imported, then opened in the reader and also
// loaded raw (no CSP, no renderer sanitizer) in Chromium. Nothing may run.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './glossa'

type Payload = { name: string; html: string }
const payloads = JSON.parse(
  readFileSync(resolve('test/fixtures/import/xss-payloads.json'), 'utf8'),
) as Payload[]

function article(p: Payload, i: number): string {
  return `<!doctype html><html><head><title>Hostile ${i}</title></head><body><article><h1>Hostile page ${i}: ${p.name.replace(/[<>]/g, '')}</h1>
<p>Report ${i}. Officials said on Tuesday that 412 of the 520 drones launched during the first week were shot down, a figure that the ministry later revised.</p>
${p.html}
<p>The ministry added that repairs to the grid would cost about UAH 2.6 billion and take up to eight months, depending on the weather.</p></article></body></html>`
}

async function executed(page: Page): Promise<{ xss: unknown; title: string }> {
  return page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    title: document.title,
  }))
}

test('hostile pages imported and opened in the reader run nothing', async ({ page, glossa }) => {
  test.setTimeout(180_000)
  const dialogs: string[] = []
  const warnings: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()))

  const ids: { id: string; name: string }[] = []
  for (const [i, p] of payloads.entries()) {
    const result = await glossa.call('import.text', {
      html: article(p, i),
    })
    expect(result.status, `${p.name}: ${result.message}`).toBe('imported')
    ids.push({ id: result.id!, name: p.name })
  }

  await page.goto(glossa.url)
  for (const { id, name } of ids) {
    await page.goto(`${glossa.origin}/#/article/${id}`)
    const body = page.getByTestId('article-body')
    await expect(body, name).toContainText('412 of the 520')
    await body.hover()
    await body.click({ position: { x: 5, y: 5 } })
    expect(await executed(page), name).toEqual({ xss: undefined, title: 'Glossa' })
  }
  expect(dialogs).toEqual([])
  // The text model read from Chromium's DOM matched the stored text for every page.
  expect(warnings.filter((w) => w.includes('displayed text differs'))).toEqual([])
})

test('the stored HTML is inert even without the reader’s CSP and second sanitizer', async ({
  page,
  glossa,
}) => {
  test.setTimeout(180_000)
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  for (const [i, p] of payloads.entries()) {
    const result = await glossa.call('import.text', { html: article(p, i) })
    const stored = await glossa.call('articles.get', { id: result.id! })
    await page.setContent(`<!doctype html><title>raw</title><body>${stored.html}</body>`)
    await page.mouse.move(50, 50)
    await page.mouse.click(60, 60)
    expect(await executed(page), p.name).toEqual({ xss: undefined, title: 'raw' })
  }
  expect(dialogs).toEqual([])
  expect(requests.filter((u) => !u.startsWith('data:') && u !== 'about:blank')).toEqual([])
})
