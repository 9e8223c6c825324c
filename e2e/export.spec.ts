import { readFile } from 'node:fs/promises'
import Papa from 'papaparse'
import { describe } from '../src/shared/anchoring'
import type { Figure } from '../src/shared/types'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'

async function tagFigure(glossa: Glossa, articleId: string, text: string, exact: string, figure: Figure) {
  const start = text.indexOf(exact)
  await glossa.call('annotations.create', {
    articleId,
    target: describe(text, start, start + exact.length),
    figure,
  })
}

test('tag figures in two articles, export figures.csv filtered by one metric, and check its rows', async ({
  page,
  glossa,
}) => {
  const list = await glossa.call('articles.list', {})
  const air = list.find((a) => /79% of drones/.test(a.title))!
  const grid = list.find((a) => /Repair crews/.test(a.title))!
  const airText = (await glossa.call('articles.get', { id: air.id })).text
  const gridText = (await glossa.call('articles.get', { id: grid.id })).text
  await tagFigure(glossa, air.id, airText, '520', {
    value: 520,
    metric: 'drones/launched',
    periodStart: '2024-01-01',
    periodEnd: '2024-01-07',
    attributedTo: 'Oleh Danylchenko',
  })
  await tagFigure(glossa, air.id, airText, '79%', { value: 79, unit: '%', metric: 'drones/downed-share' })
  await tagFigure(glossa, grid.id, gridText, 'about 480', {
    value: 480,
    qualifier: 'about',
    metric: 'drones/launched',
    periodStart: '2024-01-01',
    periodEnd: '2024-01-07',
  })

  await page.goto(glossa.url)
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByLabel('Figures dataset (CSV)').check()
  await dialog.getByLabel('Scope').selectOption('all')
  await dialog.getByLabel('Only this metric').fill('drones/launched')
  await expect(dialog.getByTestId('export-preview')).toContainText('about')
  await expect(dialog.getByTestId('export-preview')).not.toContainText('drones/downed-share')
  await page.screenshot({ path: 'reports/screens/export-dialog.png' })

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: /^Export/ }).click(),
  ])
  expect(download.suggestedFilename()).toBe('figures.csv')
  const csv = await readFile((await download.path())!, 'utf8')
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data
  expect(
    rows.map((r) => [r.title, r.value, r.qualifier, r.metric, r.period_start, r.period_end]).sort(),
  ).toEqual(
    [
      [air.title, '520', '', 'drones/launched', '2024-01-01', '2024-01-07'],
      [grid.title, '480', 'about', 'drones/launched', '2024-01-01', '2024-01-07'],
    ].sort(),
  )
  expect(rows.find((r) => r.value === '520')!.attributed_to).toBe('Oleh Danylchenko')
  // the quote is the sentence the figure stands in (cut with … where the stored context ends), not the number
  const quote = rows.find((r) => r.value === '480')!.quote
  expect(quote).toContain('about 480')
  expect(quote.length).toBeGreaterThan('about 480'.length + 20)
  // The same from "the articles in the library list", sent as the library's filter (not as their ids).
  await dialog.getByLabel('Scope').selectOption('filter')
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: /^Export/ }).click(),
  ])
  expect(await readFile((await again.path())!, 'utf8')).toBe(csv)
  // The file came from the export process, not from the in-process fallback.
  expect(glossa.output).not.toMatch(/export process failed/)
})

test('export this article as Markdown notes from the reader', async ({ page, glossa }) => {
  const list = await glossa.call('articles.list', {})
  const grain = list.find((a) => /grain/i.test(a.title))!
  await page.goto(glossa.url)
  await page.goto(`${glossa.origin}/#/article/${grain.id}`)
  const body = page.getByTestId('article-body')
  await expect(body).toContainText('Black Sea')
  await body.evaluate((el) => el.firstElementChild?.setAttribute('data-marker', 'kept'))
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByLabel('Scope')).toHaveValue('article')
  // Loading the dialog's code neither hid the article behind it nor rebuilt its text.
  await expect(body).toBeVisible()
  await expect(body.locator('[data-marker="kept"]')).toHaveCount(1)
  await expect(dialog.getByTestId('export-preview')).toContainText(`title: `)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: /^Export/ }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.md$/)
  expect(await readFile((await download.path())!, 'utf8')).toContain(grain.title.slice(0, 30))
  // The file came from the export process, not from the in-process fallback.
  expect(glossa.output).not.toMatch(/export process failed/)
})
