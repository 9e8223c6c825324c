import type { Page } from '@playwright/test'
import { describe } from '../src/shared/anchoring'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'
import { paintedText, selectText } from './reader-helpers'

const words = (s: string) => s.replace(/\s+/g, ' ')
const paintedWords = async (page: Page, name: string) => (await paintedText(page, name)).map(words)

const TEXT = [
  'Officials said 412 of the 520 attack drones were shot down during the first week of January.',
  'Air defence units also intercepted 71 missiles, nearly two-thirds of those launched.',
  'The air force said stocks of interceptors remain the main constraint.',
].join('\n\n')

async function openArticle(page: Page, glossa: Glossa) {
  const article = await glossa.call('articles.create', {
    title: 'Reader test article',
    text: TEXT,
    source: 'E2E Wire',
  })
  await page.goto(glossa.url)
  await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option')).toHaveCount(5)
  await page.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect(page.getByTestId('article-body')).toContainText('412 of the 520')
  return article
}

test('highlight across two paragraphs, add a note and a tag, and find it all after reload', async ({
  page,
  glossa,
}) => {
  const article = await openArticle(page, glossa)

  await selectText(page, 'shot down during', 'intercepted 71 missiles')
  const toolbar = page.getByRole('toolbar', { name: 'Selection' })
  await expect(toolbar).toBeVisible()
  await toolbar.getByRole('button', { name: /green highlight/ }).click()
  const expected =
    'shot down during the first week of January.\n\nAir defence units also intercepted 71 missiles'
  await expect.poll(() => paintedWords(page, 'hl-green')).toEqual([words(expected)])

  const card = page.locator('.annotation-card.focused')
  await card.getByRole('button', { name: 'Add a note…' }).click()
  await card.getByRole('textbox', { name: 'Note' }).fill('Two **different** counts in one week')
  await card.getByRole('textbox', { name: 'Note' }).press('Control+Enter')
  await card.getByRole('combobox', { name: 'Add tag' }).fill('strikes/intercepted')
  await card.getByRole('combobox', { name: 'Add tag' }).press('Enter')
  await expect(page.getByRole('status')).toHaveText(/Saved/)

  const stored = await glossa.call('annotations.list', { articleId: article.id })
  expect(stored).toHaveLength(1)
  expect(stored[0]).toMatchObject({
    note: 'Two **different** counts in one week',
    tags: ['strikes/intercepted'],
    target: { quote: { exact: expected } },
  })

  await page.reload()
  await expect(page.getByTestId('article-body')).toContainText('412 of the 520')
  await expect.poll(() => paintedWords(page, 'hl-green')).toEqual([words(expected)])
  const restored = page.locator('.annotation-card').first()
  await expect(restored.locator('strong')).toHaveText('different')
  await expect(restored.locator('.chip')).toHaveText('strikes/intercepted')
})

test('overlapping highlights, delete and undo, keyboard colours', async ({ page, glossa }) => {
  await openArticle(page, glossa)
  await selectText(page, '412 of the 520', 'attack drones')
  await page.keyboard.press('1') // yellow
  await selectText(page, '520 attack', 'were shot down')
  await page.keyboard.press('3') // blue
  await expect.poll(() => paintedText(page, 'hl-yellow')).toEqual(['412 of the 520 attack drones'])
  await expect.poll(() => paintedText(page, 'hl-blue')).toEqual(['520 attack drones were shot down'])
  await expect(page.locator('.annotation-card')).toHaveCount(2)

  // Clicking the overlap focuses the shorter highlight; Delete removes it, Ctrl+Z brings it back.
  await page.locator('.annotation-card').filter({ hasText: '412 of the 520' }).click()
  await page.locator('.annotation-card.focused').getByRole('button', { name: 'Delete' }).click()
  await expect(page.locator('.annotation-card')).toHaveCount(1)
  await expect.poll(() => paintedText(page, 'hl-yellow')).toEqual([])
  await page.locator('.reader-scroll').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(page.locator('.annotation-card')).toHaveCount(2)
  await expect.poll(() => paintedText(page, 'hl-yellow')).toEqual(['412 of the 520 attack drones'])
  await expect(page.getByRole('status')).toHaveText(/Saved/)
  await page.screenshot({ path: 'reports/screens/reader-highlights.png' })
})

test('find in article counts matches', async ({ page, glossa }) => {
  await openArticle(page, glossa)
  await page.keyboard.press('Control+f')
  await page.getByRole('textbox', { name: 'Find in article' }).fill('the')
  await expect(page.locator('.find-count')).toHaveText(/^1 of \d+$/)
  const count = Number((await page.locator('.find-count').textContent())!.split(' of ')[1])
  expect(count).toBe(TEXT.toLowerCase().split('the').length - 1)
  await page.keyboard.press('Enter')
  await expect(page.locator('.find-count')).toHaveText(`2 of ${count}`)
})

test('a long read with 300 annotations: the sidebar renders the cards in view, follows focus and keeps a note being edited', async ({
  page,
  glossa,
}) => {
  const paragraphs = Array.from(
    { length: 300 },
    (_, i) => `Paragraph ${i + 1}: officials counted ${100 + i} drones over the city that night.`,
  )
  const text = paragraphs.join('\n\n')
  const article = await glossa.call('articles.create', { title: 'Long read', text })
  const stored = (await glossa.call('articles.get', { id: article.id })).text
  for (const [i, p] of paragraphs.entries()) {
    const exact = p.slice(0, p.indexOf(':') + 1)
    const start = stored.indexOf(exact)
    await glossa.call('annotations.create', {
      articleId: article.id,
      target: describe(stored, start, start + exact.length),
      note: i === 299 ? 'The last one.' : '',
    })
  }
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${article.id}`)
  await expect(page.locator('.sidebar-title')).toContainText('300')
  const cards = page.locator('.annotation-card')
  await expect(cards.first()).toContainText('Paragraph 1')
  expect(await cards.count()).toBeLessThan(60)

  // Stepping back from the first wraps to the last: its card is brought into view, the text scrolled to it.
  await page.getByTestId('article-body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Escape')
  await page.keyboard.press('k')
  const last = page.locator('.annotation-card.focused')
  await expect(last).toContainText('Paragraph 300')
  await expect(last).toContainText('The last one.')
  await expect(last).toBeInViewport()
  await page.screenshot({ path: 'reports/screens/reader-long-read.png' })

  // A note being edited stays while the sidebar scrolls far away from it, and is saved.
  await last.getByRole('button', { name: 'The last one.' }).click()
  await last.getByRole('textbox', { name: 'Note' }).fill('Edited after scrolling.')
  await page.locator('.annotation-sidebar').evaluate((el) => el.scrollTo({ top: 0 }))
  await expect(cards.first()).toContainText('Paragraph 1')
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('Edited after scrolling.')
  await page.getByRole('textbox', { name: 'Note' }).press('Control+Enter')
  await expect(page.getByRole('status')).toHaveText(/Saved/)
  const saved = await glossa.call('annotations.list', { articleId: article.id })
  expect(saved.filter((a) => a.note === 'Edited after scrolling.')).toHaveLength(1)
})

test('a long unbroken note and quote wrap inside their card instead of overflowing the sidebar', async ({
  page,
  glossa,
}) => {
  const article = await openArticle(page, glossa)
  const start = TEXT.indexOf('Officials said')
  await glossa.call('annotations.create', {
    articleId: article.id,
    target: describe(TEXT, start, start + 'Officials said 412'.length),
    note: `https://example.org/${'a'.repeat(400)} ${'x'.repeat(300)}`,
  })
  await page.reload()
  const card = page.locator('.annotation-card').first()
  await expect(card.locator('.card-note')).toContainText('xxxx')
  const sizes = await card.evaluate((el) => {
    const note = el.querySelector('.card-note') as HTMLElement
    return {
      card: el.clientWidth,
      cardScroll: el.scrollWidth,
      note: note.clientWidth,
      noteScroll: note.scrollWidth,
    }
  })
  expect(sizes.cardScroll).toBeLessThanOrEqual(sizes.card)
  expect(sizes.noteScroll).toBeLessThanOrEqual(sizes.note)
})
