// Note drafts per tab, on real `glossa serve` and Chromium with two real tabs (one browser context: one
// localStorage, a sessionStorage each): a draft typed in tab A is never sent by tab B while A is open, never
// written over by B's draft of the same note, never lost: a closed tab's draft is taken over once by the next tab.
// The same for a tag field's draft and the figure form's (the second test).
import type { Page } from '@playwright/test'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { openWithHighlight, writeNote } from './highlight-helpers'
import { selectText } from './reader-helpers'

const TEXT = [
  'The water board said 3,400 households were without supply on Monday morning.',
  'Repairs to the main under Station Road are expected to take two days.',
].join('\n\n')

const UPDATES = '**/api/annotations.update'

/** Every note this page sends to the archive (whether or not it gets there). */
function sentNotes(page: Page): string[] {
  const sent: string[] = []
  page.on('request', (request) => {
    if (!request.url().includes('/api/annotations.update')) return
    const { note } = (request.postDataJSON() ?? {}) as { note?: string }
    if (note !== undefined) sent.push(note)
  })
  return sent
}

async function open(page: Page, glossa: Glossa, articleId: string) {
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${articleId}`)
  await expect(page.locator('.annotation-card')).toHaveCount(1)
  await expect(page.getByRole('status')).toHaveText(/^Saved/)
}

/** Focuses the annotation card (a click on a focused card would fold it). */
async function focusCard(page: Page) {
  const card = page.locator('.annotation-card')
  await expect(card).toBeVisible()
  if (!(await card.evaluate((e) => e.classList.contains('focused')))) await card.click()
  await expect(card).toHaveClass(/focused/)
}

/** The note drafts kept in the shared localStorage: text of each, in order. */
const keptDrafts = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('glossa-draft:note:'))
      .map((k) => (JSON.parse(localStorage.getItem(k) ?? '{}') as { text?: string }).text)
      .sort(),
  )

const noteOf = (glossa: Glossa, articleId: string) =>
  glossa.call('annotations.list', { articleId }).then((l) => l.map((a) => a.note))

test('a note draft typed in one tab is never sent by another, never written over, and taken over once when its tab closes', async ({
  page,
  context,
  glossa,
}) => {
  const A = page
  const article = await openWithHighlight(A, glossa, 'Tab drafts', TEXT)
  const sentByA = sentNotes(A)
  // Tab A loses the archive and a note is typed there: kept as A's draft, retried.
  await A.route(UPDATES, (route) => route.abort('connectionrefused'))
  await focusCard(A)
  await writeNote(A, 'Typed in tab A')
  await expect(A.getByRole('status')).toHaveText(/^Not saved — retrying/)

  // Tab B opens the article while A is open: it does not send A's draft.
  const B = await context.newPage()
  const sentByB = sentNotes(B)
  await open(B, glossa, article.id)
  expect(sentByB).toEqual([])
  expect(await noteOf(glossa, article.id)).toEqual([''])

  // B loses the archive too and types its own note of the same highlight: both drafts are kept.
  await B.route(UPDATES, (route) => route.abort('connectionrefused'))
  await focusCard(B)
  await writeNote(B, 'Typed in tab B')
  await expect(B.getByRole('status')).toHaveText(/^Not saved — retrying/)
  expect(await keptDrafts(B)).toEqual(['Typed in tab A', 'Typed in tab B'])

  // A gets the archive back and saves its note; its draft goes once saved.
  await A.unroute(UPDATES)
  await expect(A.getByRole('status')).toHaveText(/^Saved/, { timeout: 30_000 })
  expect(await noteOf(glossa, article.id)).toEqual(['Typed in tab A'])
  await expect.poll(() => keptDrafts(A)).toEqual(['Typed in tab B'])

  // B is closed with its note unsent; a third tab takes it over and sends it, once.
  await B.close()
  const C = await context.newPage()
  const sentByC = sentNotes(C)
  await C.goto(glossa.url)
  await C.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect.poll(() => noteOf(glossa, article.id)).toEqual(['Typed in tab B'])
  await expect(C.getByRole('status')).toHaveText(/^Saved/)
  await expect.poll(() => keptDrafts(C)).toEqual([])
  expect(sentByC).toEqual(['Typed in tab B'])
  expect(sentByB.filter((n) => n === 'Typed in tab A')).toEqual([])
  expect(new Set(sentByA)).toEqual(new Set(['Typed in tab A']))
})

/** The tag-field drafts kept in the shared localStorage: text of each, in order. */
const keptTagDrafts = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('glossa-draft:tags:'))
      .map((k) => {
        const value = JSON.parse(localStorage.getItem(k) ?? '""') as string | { text?: string }
        return typeof value === 'string' ? value : value.text
      })
      .sort(),
  )

/** Opens the article in a tab that may be given another tab's drafts, and focuses its one card. */
async function openAndFocus(page: Page, glossa: Glossa, articleId: string) {
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${articleId}`)
  await expect(page.locator('.annotation-card')).toHaveCount(1)
}

const tagField = (page: Page) =>
  page.locator('.annotation-card.focused').getByRole('combobox', { name: 'Add tag' })

test("a tag field and a figure form typed in one tab are never another open tab's, and a closed tab's are taken over once", async ({
  page,
  context,
  glossa,
}) => {
  const A = page
  const article = await openWithHighlight(A, glossa, 'Tab field drafts', TEXT)
  await selectText(A, 'two', 'days')
  await A.keyboard.press('f')
  const formA = A.getByRole('form', { name: 'Figure' })
  await expect(formA).toBeVisible()
  // Prefilled even when F is pressed before the page's idle detection has run (CI once saw an empty Value).
  await expect(formA.getByLabel('Value')).toHaveValue('2')
  await formA.getByLabel('Metric').fill('repairs/days')
  await formA.getByLabel('Said by').fill('Water board')
  // The tag is typed last and left in its field (leaving the field would add it).
  await focusCard(A)
  await tagField(A).fill('water/outages')
  await expect(formA).toBeVisible()
  await expect(A.getByRole('status')).not.toHaveText(/^Saved/)

  // Tab B opens the article while A is open: neither A's figure form nor A's tag comes up there.
  const B = await context.newPage()
  await openAndFocus(B, glossa, article.id)
  await expect(B.getByRole('status')).toHaveText(/^Saved/)
  await expect(B.getByRole('form', { name: 'Figure' })).toHaveCount(0)
  await focusCard(B)
  await expect(tagField(B)).toHaveValue('')
  // B types a tag of its own into the same card's field: A's is not written over.
  await tagField(B).fill('roads')
  expect(await keptTagDrafts(B)).toEqual(['roads', 'water/outages'])
  // By now the article has long opened: a figure form it was going to give back would be there.
  await expect(B.getByRole('form', { name: 'Figure' })).toHaveCount(0)

  // A is closed with both unconfirmed; a third tab takes them over (B's stays B's).
  await A.close()
  const C = await context.newPage()
  await openAndFocus(C, glossa, article.id)
  const formC = C.getByRole('form', { name: 'Figure' })
  await expect(formC).toBeVisible()
  await expect(formC.getByLabel('Metric')).toHaveValue('repairs/days')
  await expect(formC.getByLabel('Said by')).toHaveValue('Water board')
  await focusCard(C)
  await expect(tagField(C)).toHaveValue('water/outages')
  expect(await keptTagDrafts(C)).toEqual(['roads', 'water/outages'])

  // Taken over once: a fourth tab, with B and C open, is given neither.
  const D = await context.newPage()
  await openAndFocus(D, glossa, article.id)
  await expect(D.getByRole('status')).toHaveText(/^Saved/)
  await expect(D.getByRole('form', { name: 'Figure' })).toHaveCount(0)
  await focusCard(D)
  await expect(tagField(D)).toHaveValue('')
  await expect(D.getByRole('form', { name: 'Figure' })).toHaveCount(0)

  // C saves the figure: its form's draft goes, the figure is on disk.
  // The new figure's card comes up at once; "Saved" is awaited only after it (before it, the status still says
  // the highlight's "Saved"), so a save still being sent or retried shows here with its status.
  await formC.getByRole('button', { name: 'Save figure' }).click()
  await expect(C.locator('.annotation-card')).toHaveCount(2)
  await expect(C.getByRole('status')).toHaveText(/^Saved/, { timeout: 30_000 })
  await expect
    .poll(() =>
      glossa.call('annotations.list', { articleId: article.id }).then((l) => l.map((a) => a.figure?.metric)),
    )
    .toContain('repairs/days')
})
