// Hostile notes and a hostile backup: every note of e2e/fixtures/hostile-notes.json is written through the
// service, and again inside a JSON backup restored through the real import path; both are shown in the reader
// and its sidebar, in search results and in the Figures view. No element of the page may reference another
// origin (the one exception: a link that isSafeExternalUrl accepts, with rel="noopener noreferrer", which
// loads nothing until clicked and then leaves for the system browser), no form or media control may render
// inside a note, nothing may run, no request may leave and the CSP must never have to block anything (a load
// it blocks is a load the page tried).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { describe } from '../src/shared/anchoring'
import { isSafeExternalUrl } from '../src/shared/url-safety'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { foreignReferences } from './page-references'
import type { PageReferences } from './page-references'

type HostileNote = { name: string; note: string; shows?: string }
const NOTES = JSON.parse(readFileSync(resolve('e2e/fixtures/hostile-notes.json'), 'utf8')) as HostileNote[]
type Payload = { name: string; html: string }
const PAGES = JSON.parse(readFileSync(resolve('test/fixtures/import/xss-payloads.json'), 'utf8')) as Payload[]

const passage = (i: number) =>
  `Passage ${i + 1}: officials counted ${100 + i} drones near the port that night.`
const PASSAGES = NOTES.map((_, i) => passage(i))
/** Every eighth note sits on a figure, so the Figures view lists it. */
const figureOf = (i: number) =>
  i % 8 === 0
    ? {
        value: 100 + i,
        unit: 'drones',
        metric: 'drones/counted',
        periodStart: '2024-01-01',
        attributedTo: `<img src="https://evil.example/speaker-${i}.png" onerror="window.__xss='speaker'">`,
        place: `<svg onload="window.__xss='place'">`,
      }
    : undefined

type Watch = { left: string[]; dialogs: string[]; errors: string[] }

/** Records every request for another origin (and aborts it), every dialog and every uncaught error; a script
 * in the page collects what the CSP blocks. */
async function watch(page: Page, origin: string): Promise<Watch> {
  const seen: Watch = { left: [], dialogs: [], errors: [] }
  page.on('pageerror', (e) => seen.errors.push(e.message.slice(0, 300)))
  const own = (url: string) =>
    url.startsWith(`${origin}/`) || url === origin || /^(data|blob|about):/.test(url)
  page.on('request', (r) => !own(r.url()) && seen.left.push(r.url()))
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message())
    void d.dismiss()
  })
  await page.route(
    (url) => !own(url.href),
    (route) => route.abort(),
  )
  await page.addInitScript(() => {
    const w = window as unknown as { __blocked: string[] }
    w.__blocked = []
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__blocked.push(`${e.violatedDirective} ${e.blockedURI} from ${e.sourceFile}:${e.lineNumber}`),
    )
  })
  return seen
}

/** What is wrong with the page as it stands: foreign references, elements a note may not hold, links that may
 * not leave, scripts that ran. */
async function problems(page: Page, where: string): Promise<string[]> {
  const found: PageReferences = await page.evaluate(foreignReferences)
  const links = found.links.filter(
    (l) => !isSafeExternalUrl(l.href) || !/noopener/.test(l.rel) || !/noreferrer/.test(l.rel),
  )
  return [
    ...found.foreign.map((f) => `${where}: references another origin: ${f}`),
    ...links.map((l) => `${where}: a link that may not leave the app: ${l.href} rel=${l.rel}`),
    ...found.inNotes.map((e) => `${where}: a note renders <${e}>`),
    ...found.inBody.map((e) => `${where}: the article body renders <${e}>`),
    ...(found.xss === undefined ? [] : [`${where}: a payload ran: ${String(found.xss)}`]),
    ...(found.title === 'Glossa' ? [] : [`${where}: the title changed to ${found.title}`]),
  ]
}

/** Everything the CSP blocked since the page was opened: each one is something the page tried to load.
 * Not eval: zod probes once whether it may compile validators (`Function('')` in a try) and falls back. */
async function blockedByCsp(page: Page): Promise<string[]> {
  const blocked = (await page.evaluate(foreignReferences)).blocked
  return blocked.filter((b) => !b.startsWith('script-src eval '))
}

/** Scrolls the sidebar from top to bottom, moving the pointer over every card and checking the page at each
 * step; returns the rendered text of every card seen, by annotation id. */
async function readSidebar(page: Page, found: string[]): Promise<Map<string, string>> {
  const sidebar = page.locator('.annotation-sidebar')
  const cards = new Map<string, string>()
  for (let step = 0; step < 1000; step++) {
    // A note that throws while rendering takes the whole app down with it.
    await expect(
      sidebar,
      `the sidebar is gone at step ${step}; found so far:\n${found.join('\n')}`,
    ).toBeVisible()
    const shown = await page.$$eval('.annotation-card', (els) =>
      els.map((el) => [el.getAttribute('data-annotation-id')!, (el as HTMLElement).innerText] as const),
    )
    for (const [id, text] of shown) cards.set(id, text)
    // Over every card in view, for payloads that wait for the pointer.
    const box = (await sidebar.boundingBox({ timeout: 5000 }))!
    for (let y = box.y + 10; y < box.y + box.height; y += 80) await page.mouse.move(box.x + box.width / 2, y)
    found.push(...(await problems(page, 'sidebar')))
    const atEnd = await sidebar.evaluate((el) => {
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 2
      // A page at a time: the list renders six cards beyond the view each way, so none is skipped.
      el.scrollBy({ top: el.clientHeight })
      return end
    })
    if (atEnd) break
  }
  return cards
}

/** Checks every hostile note's card: each was rendered, and raw HTML shows as the text it is. */
function checkCards(cards: Map<string, string>, idOf: Map<string, HostileNote>, found: string[]) {
  expect(cards.size, 'every annotation has a card').toBe(NOTES.length)
  for (const [id, text] of cards) {
    const note = idOf.get(id)!
    if (note.shows && !text.includes(note.shows))
      found.push(`${note.name}: the card does not show "${note.shows}"`)
  }
}

async function visitSearchAndFigures(page: Page, found: string[], seen: Watch): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search the archive' })
  for (const words of ['evil', 'xss', 'passage drones']) {
    await search.fill(words)
    // A restore is indexed after it is stored: the first search may wait for the index.
    const hits = page.getByRole('list', { name: 'Search results' }).getByRole('button')
    await expect(hits.first()).toBeVisible({ timeout: 60_000 })
    for (const hit of await page.locator('.search-hit').all()) await hit.hover()
    found.push(...(await problems(page, `search results for ${words}`)))
  }
  await search.press('Escape')
  await page.getByRole('tab', { name: 'Figures' }).click()
  const rows = page.locator('.figures-table tbody tr')
  await expect(
    rows.first(),
    `the Figures view shows no rows; errors: ${seen.errors.join('; ')}`,
  ).toBeVisible()
  for (const row of await rows.all()) await row.hover()
  found.push(...(await problems(page, 'Figures view')))
  await page.getByLabel('Search figures').fill('evil')
  await expect(rows.first()).toBeVisible()
  found.push(...(await problems(page, 'Figures view filtered')))
}

async function openArticle(page: Page, glossa: Glossa, id: string): Promise<void> {
  await page.goto(`${glossa.origin}/#/article/${id}`)
  await expect(page.getByTestId('article-body')).toContainText('Passage 1:')
  await expect(page.locator('.sidebar-title')).toContainText(String(NOTES.length))
}

test('hostile notes written through the service render as Markdown only, everywhere they are shown', async ({
  page,
  glossa,
}) => {
  test.setTimeout(240_000)
  expect(NOTES.length).toBeGreaterThanOrEqual(50)
  const article = await glossa.call('articles.create', {
    title: 'Hostile notes',
    text: PASSAGES.join('\n\n'),
  })
  const text = (await glossa.call('articles.get', { id: article.id })).text
  const idOf = new Map<string, HostileNote>()
  for (const [i, note] of NOTES.entries()) {
    const start = text.indexOf(PASSAGES[i])
    const figure = figureOf(i)
    const created = await glossa.call('annotations.create', {
      articleId: article.id,
      target: describe(text, start, start + PASSAGES[i].length),
      note: note.note,
      ...(figure ? { figure } : {}),
    })
    idOf.set(created.id, note)
  }

  const seen = await watch(page, glossa.origin)
  const found: string[] = []
  const response = await page.goto(glossa.url)
  expect(response!.headers()['content-security-policy']).toMatch(/default-src 'none';.*media-src 'none'/)
  await openArticle(page, glossa, article.id)
  checkCards(await readSidebar(page, found), idOf, found)
  // A focused card shows its note inside the note button.
  await page.locator('.annotation-sidebar').evaluate((el) => el.scrollTo({ top: 0 }))
  await page.locator('.annotation-card').first().click()
  await expect(page.locator('.annotation-card.focused .note-button .card-note')).toBeVisible()
  found.push(...(await problems(page, 'focused card')))
  await visitSearchAndFigures(page, found, seen)

  expect([...new Set(found)]).toEqual([])
  expect(await blockedByCsp(page)).toEqual([])
  expect(seen).toEqual({ left: [], dialogs: [], errors: [] })
})

/** A backup with the same notes on an article whose every field is hostile, and a figure table that names
 * them. */
function hostileBackup(): string {
  const id = 'hostile-backup-0001'
  const text = PASSAGES.join('\n\n')
  // After the passages: the import suite's hostile pages, and every note that is raw HTML (remote images,
  // srcset, media, forms, SVG, MathML…), as the article's own HTML.
  const payloads = [
    ...PAGES.map((p) => p.html),
    ...NOTES.filter((n) => n.note.startsWith('<')).map((n) => n.note),
  ]
  const html = `${PASSAGES.map((p) => `<p>${p}</p>`).join('')}${payloads.join('\n')}`
  const now = '2024-03-01T10:00:00.000Z'
  const annotations = NOTES.map((n, i) => {
    const start = text.indexOf(PASSAGES[i])
    const figure = figureOf(i)
    return {
      id: `hostile-note-${String(i).padStart(4, '0')}`,
      articleId: id,
      kind: figure ? 'figure' : 'highlight',
      color: 'yellow',
      note: n.note,
      tags: ['hostile/notes'],
      target: describe(text, start, start + PASSAGES[i].length),
      ...(figure ? { figure } : {}),
      createdAt: now,
      updatedAt: now,
    }
  })
  const article = {
    id,
    title: `Hostile backup <img src="https://evil.example/title.png" onerror="window.__xss='title'">`,
    source: `<script>window.__xss='source'</script>`,
    url: `javascript:window.__xss='url'`,
    author: `<svg onload="window.__xss='author'">`,
    publishedAt: '2024-02-29',
    excerpt: `<iframe src="https://evil.example/excerpt"></iframe>`,
    addedAt: now,
    tags: ['hostile/backup'],
    textHash: 'not-a-real-hash',
    length: text.length,
    counts: { highlights: annotations.length, figures: annotations.filter((a) => a.figure).length, notes: 0 },
    annotationTags: { 'hostile/notes': annotations.length },
    collections: ['hostile-collection'],
    text,
    html,
  }
  return JSON.stringify({
    format: 'glossa-backup',
    version: 1,
    generatedAt: now,
    articles: [article],
    annotations,
    tagColors: { 'hostile/backup': 'pink' },
    collections: [{ id: 'hostile-collection', name: `<img src="https://evil.example/c.png">` }],
  })
}

test('a hostile backup restored through import shows nothing that loads, runs or leaves', async ({
  page,
  glossa,
}) => {
  test.setTimeout(240_000)
  const [result] = await glossa.call('import.files', {
    files: [{ name: 'colleague-backup.json', dataBase64: Buffer.from(hostileBackup()).toString('base64') }],
  })
  expect(result.status, result.message).toBe('imported')
  const restored = (await glossa.call('articles.list', {})).find((a) => a.title.startsWith('Hostile'))!
  const annotations = await glossa.call('annotations.list', { articleId: restored.id })
  expect(annotations).toHaveLength(NOTES.length)
  const idOf = new Map(annotations.map((a) => [a.id, NOTES[Number(a.id.slice(-4))]]))

  const seen = await watch(page, glossa.origin)
  const found: string[] = []
  await page.goto(glossa.url)
  await expect(page.getByRole('listbox', { name: 'Articles' })).toContainText('Hostile backup')
  found.push(...(await problems(page, 'library')))
  await openArticle(page, glossa, restored.id)
  const body = page.getByTestId('article-body')
  await body.hover()
  await body.click({ position: { x: 5, y: 5 } })
  found.push(...(await problems(page, 'reader')))
  checkCards(await readSidebar(page, found), idOf, found)
  await visitSearchAndFigures(page, found, seen)

  expect([...new Set(found)]).toEqual([])
  expect(await blockedByCsp(page)).toEqual([])
  expect(seen).toEqual({ left: [], dialogs: [], errors: [] })
})
