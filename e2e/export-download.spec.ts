// e2e: the Export dialog in browser mode downloads an export (per-article Markdown as a zip) as a stream — the server's export process
// writes it to disk, the page is handed a one-time /download/<ticket> address and the browser's download
// manager takes it from there; the page never builds the file (no Blob). The download address is good once,
// and refused with a foreign Host or Origin, as every call is.
import { request } from 'node:http'
import { readFile } from 'node:fs/promises'
import { strFromU8, unzipSync } from 'fflate'
import { describe } from '../src/shared/anchoring'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import type { Download, Locator, Page } from '@playwright/test'
import { screenshotSizes } from './screens'

const ARTICLES = 60

/** Articles with a figure and a noted highlight each, written through the API as the app would. */
async function fill(glossa: Glossa): Promise<string[]> {
  const titles: string[] = []
  for (let n = 0; n < ARTICLES; n++) {
    const text = `Harbour report ${n}: the port handled ${n * 10 + 7} ships, said the authority. Crews were "tired".`
    const article = await glossa.call('articles.create', {
      title: `Harbour report ${n}`,
      text,
      source: 'Port Weekly',
      tags: ['port'],
    })
    titles.push(article.title)
    const exact = `${n * 10 + 7} ships`
    const start = text.indexOf(exact)
    await glossa.call('annotations.create', {
      articleId: article.id,
      target: describe(text, start, start + exact.length),
      figure: { value: n * 10 + 7, unit: 'ships', metric: 'port/ships' },
    })
    const at = text.indexOf('tired')
    await glossa.call('annotations.create', {
      articleId: article.id,
      target: describe(text, at, at + 'tired'.length),
      note: `Crew note ${n}`,
    })
  }
  return titles
}

/** A raw GET with the headers given (Node's fetch will not send a Host of our choosing). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const withoutDate = (markdown: string) => markdown.replace(/^generated: .*$/m, '')

/** Counts every Blob URL the page makes from now on: a file built in the page would be one. */
async function countBlobs(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const made = { blobs: 0 }
    ;(window as unknown as { made: typeof made }).made = made
    const create = URL.createObjectURL.bind(URL)
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      made.blobs++
      return create(obj)
    }
  })
  return () => page.evaluate(() => (window as unknown as { made: { blobs: number } }).made.blobs)
}

/** Opens the Export dialog on the whole archive with `format` chosen (its radio button's label). */
async function openExport(page: Page, glossa: Glossa, format: string): Promise<Locator> {
  await page.goto(glossa.url)
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByLabel(format).check()
  await dialog.getByLabel('Scope').selectOption('all')
  return dialog
}

/** Fills the archive, counts the page's Blobs from then on and opens the Export dialog on `format`. */
async function startExport(page: Page, glossa: Glossa, format: string) {
  const titles = await fill(glossa)
  const blobs = await countBlobs(page)
  const dialog = await openExport(page, glossa, format)
  return { titles, blobs, dialog }
}

/** The dialog shows no error, and the server's export process did not fail. */
async function expectNoFailure(dialog: Locator, glossa: Glossa): Promise<void> {
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  expect(glossa.output).not.toMatch(/export process failed/)
}

/** The files export.run gives for Markdown of the whole archive with these choices. */
const markdownRun = (glossa: Glossa, layout: 'combined' | 'per-article', groupBy: 'article' | 'tag') =>
  glossa.call('export.run', { format: 'markdown', scope: {}, options: { layout, groupBy, bom: false } })

/** Clicks Export and takes the download, checking it came from the server's one-time address as `name`. */
async function download(page: Page, glossa: Glossa, dialog: Locator, name: string): Promise<Download> {
  const [taken] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: /^Export/ }).click(),
  ])
  expect(taken.url()).toMatch(new RegExp(`^${glossa.origin}/download/[A-Za-z0-9_-]{32}$`))
  expect(taken.suggestedFilename()).toBe(name)
  return taken
}

test('the Export dialog downloads combined Markdown streamed from the server, never built in the page', async ({
  page,
  glossa,
}) => {
  test.setTimeout(180_000)
  const { titles, blobs, dialog } = await startExport(page, glossa, 'Markdown notes')
  await expect(dialog.getByTestId('export-preview')).toContainText('Harbour report')
  await screenshotSizes(page, 'export-download')

  // Downloaded from the server's one-time address, not from a Blob the page made.
  const taken = await download(page, glossa, dialog, 'notes.md')
  expect(await blobs()).toBe(0)
  const markdown = await readFile((await taken.path())!, 'utf8')
  // The same text export.run gives for the same choices (but the time it was made).
  const [whole] = await markdownRun(glossa, 'combined', 'article')
  expect(withoutDate(markdown)).toBe(withoutDate(whole.content))
  // Every article (the new archive's samples too) and every annotation made above.
  const articles = (await glossa.call('articles.list', {})).length
  expect(markdown).toMatch(new RegExp(`articles: ${articles}\\b`))
  expect(markdown).toMatch(new RegExp(`annotations: ${ARTICLES * 2}\\b`))
  for (const title of titles) expect(markdown).toContain(title)
  expect(markdown).toContain('Crew note 59')
  // The address was good once: the file is gone from the server.
  expect((await get(taken.url())).status).toBe(404)
  await expectNoFailure(dialog, glossa)
})

test('the Export dialog downloads per-article Markdown as one zip and by-tag Markdown as its file', async ({
  page,
  glossa,
}) => {
  test.setTimeout(180_000)
  const { blobs, dialog } = await startExport(page, glossa, 'Markdown notes')
  await dialog.getByLabel('Markdown layout').selectOption('per-article')
  await expect(dialog.getByTestId('export-preview')).toContainText('Harbour report')
  const zip = await download(page, glossa, dialog, 'notes.zip')
  const files = unzipSync(await readFile((await zip.path())!))
  // The files export.run gives for the same choices, in the same order: one per article.
  const whole = await markdownRun(glossa, 'per-article', 'article')
  expect(Object.keys(files)).toEqual(whole.map((f) => f.name))
  expect(Object.values(files).map((b) => strFromU8(b))).toEqual(whole.map((f) => f.content))

  await dialog.getByLabel('Markdown layout').selectOption('combined')
  await dialog.getByLabel('Group by').selectOption('tag')
  const byTag = await download(page, glossa, dialog, 'notes-by-tag.md')
  const [grouped] = await markdownRun(glossa, 'combined', 'tag')
  expect(withoutDate(await readFile((await byTag.path())!, 'utf8'))).toBe(withoutDate(grouped.content))
  expect(await blobs()).toBe(0)
  await expectNoFailure(dialog, glossa)
})

test('the Export dialog downloads the JSON backup streamed from the server, the same text as export.run', async ({
  page,
  glossa,
}) => {
  test.setTimeout(180_000)
  const { blobs, dialog } = await startExport(page, glossa, 'JSON backup')
  const taken = await download(page, glossa, dialog, 'glossa-backup.json')
  expect(await blobs()).toBe(0)
  const backup = await readFile((await taken.path())!, 'utf8')
  const [whole] = await glossa.call('export.run', { format: 'json', scope: {} })
  const withoutStamp = (json: string) => json.replace(/^ {2}"generatedAt": .*$/m, '')
  expect(withoutStamp(backup)).toBe(withoutStamp(whole.content))
  const parsed = JSON.parse(backup) as { articles: unknown[]; annotations: unknown[] }
  expect(parsed.articles).toHaveLength((await glossa.call('articles.list', {})).length)
  expect(parsed.annotations).toHaveLength(ARTICLES * 2)
  await expectNoFailure(dialog, glossa)
})

test('a download address is refused to a foreign Host or Origin, without the token, and after it is used', async ({
  glossa,
}) => {
  await fill(glossa)
  // export.download is a token-checked call like every other.
  const unauthorized = await fetch(`${glossa.origin}/api/export.download`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ format: 'figures-csv', scope: {} }),
  })
  expect(unauthorized.status).toBe(401)
  const offered = await glossa.call('export.download', { format: 'figures-csv', scope: { tag: 'port' } })
  expect(offered).toMatchObject({ name: 'figures.csv', mime: expect.stringMatching(/csv/) })
  const url = `${glossa.origin}${offered.url}`
  const port = new URL(glossa.origin).port
  expect((await get(url, { Host: `evil.example:${port}` })).status).toBe(403)
  expect((await get(url, { Origin: 'http://evil.example' })).status).toBe(403)
  expect((await get(`${glossa.origin}/download/${'A'.repeat(32)}`)).status).toBe(404)
  expect((await get(`${glossa.origin}/download/..%2F..%2Fglossa.json`)).status).toBe(404)
  // Refused requests did not spend it: the page's own request gets the file, whole, once.
  const taken = await get(url)
  expect(taken.status).toBe(200)
  expect(Buffer.byteLength(taken.body)).toBe(offered.bytes)
  const rows = taken.body.trim().split('\r\n')
  expect(rows[0]).toMatch(/^article_id,title,/)
  expect(rows).toHaveLength(ARTICLES + 1)
  expect(taken.body).toContain('Harbour report 59')
  expect((await get(url)).status).toBe(404)
})
