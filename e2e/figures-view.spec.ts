// e2e: the Figures view (#14, paged from main since #19) — the sentence as a figure's quote, the Plot chart under the app's CSP (bars,
// dots, bands, open ends, dated axis, hover, click, PNG and SVG), figures with no period sorted last, and date
// filters and fields that are labelled and read "10 Jan 2024".
import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { describe as describeTarget } from '../src/shared/anchoring'
import type { Article, Figure } from '../src/shared/types'
import { expect, test } from './glossa'
import type { Glossa } from './glossa'

const METRIC = 'drones/launched'

async function article(glossa: Glossa, title: RegExp): Promise<Article> {
  const list = await glossa.call('articles.list', {})
  return glossa.call('articles.get', { id: list.find((a) => title.test(a.title))!.id })
}

/** A figure tagged through the real service on the first occurrence of `needle` in the article's text. */
async function tag(glossa: Glossa, a: Article, needle: string, figure: Figure): Promise<void> {
  const start = a.text.indexOf(needle)
  expect(start, `${needle} in ${a.title}`).toBeGreaterThanOrEqual(0)
  const target = describeTarget(a.text, start, start + needle.length)
  await glossa.call('annotations.create', { articleId: a.id, kind: 'figure', target, figure })
}

/** Five figures of one metric: a week (bar), a day (dot), a range (band), "more than" (open end), no period. */
async function seed(glossa: Glossa): Promise<void> {
  const air = await article(glossa, /79% of drones/)
  const grid = await article(glossa, /Repair crews/)
  const week = { periodStart: '2024-01-01', periodEnd: '2024-01-07' }
  await tag(glossa, air, '520', { value: 520, metric: METRIC, ...week, attributedTo: 'Air force' })
  await tag(glossa, grid, 'about 480', {
    value: 480,
    qualifier: 'about',
    metric: METRIC,
    periodStart: '2024-01-03',
    periodEnd: '2024-01-03',
    attributedTo: 'Svitlana Marchuk',
  })
  await tag(glossa, air, '412', {
    value: 400,
    max: 450,
    metric: METRIC,
    periodStart: '2024-01-08',
    periodEnd: '2024-01-14',
    attributedTo: 'Air force',
  })
  await tag(glossa, air, '71', {
    value: 500,
    qualifier: 'more than',
    metric: METRIC,
    periodStart: '2024-01-12',
    periodEnd: '2024-01-12',
    attributedTo: 'Analysts',
  })
  await tag(glossa, grid, 'dozens', { value: 24, metric: 'missiles/launched' })
}

async function openFigures(page: Page, glossa: Glossa, violations: string[]): Promise<void> {
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text())
  })
  await page.goto(glossa.url)
  await page.getByRole('tab', { name: 'Figures' }).click()
  await expect(page.locator('.figures-table tbody tr')).toHaveCount(5)
}

/** The table's row whose Value cell reads exactly `value`. */
const rowOf = (page: Page, value: string) =>
  page
    .locator('.figures-table tbody tr')
    .filter({ has: page.locator('td.num').getByText(value, { exact: true }) })

const chart = (page: Page) => page.getByRole('img', { name: `${METRIC} over time by speaker` })

test('the Quote column holds the sentence each figure stands in, not the number again', async ({
  page,
  glossa,
}) => {
  await seed(glossa)
  await openFigures(page, glossa, [])
  await expect(rowOf(page, '520').locator('.cell-quote')).toHaveText(
    '…defences destroyed 412 of the 520 attack drones that Russia…',
  )
  await expect(rowOf(page, 'about 480').locator('.cell-quote')).toHaveText(
    '…first week of January alone, about 480 drones and dozens of missiles…',
  )
})

test('the chart is drawn by Plot under the CSP: bars, dots, bands, open ends, dated axis, hover and click', async ({
  page,
  glossa,
}) => {
  await seed(glossa)
  const violations: string[] = []
  await openFigures(page, glossa, violations)
  await page.getByLabel('Metric').selectOption(METRIC)
  const svg = chart(page)
  await expect(svg).toBeVisible()
  // The week is a bar from start to end; the day a dot; the range a band; "more than" an arrow.
  await expect(svg.locator('[aria-label="rule"] line')).toHaveCount(2) // the week's bar and the zero line
  await expect(svg.locator('[aria-label="dot"] circle')).toHaveCount(2) // 3 Jan, and "more than 500" on 12 Jan
  await expect(svg.locator('[aria-label="rect"] rect')).toHaveCount(1)
  await expect(svg.locator('[aria-label="arrow"] path')).toHaveCount(1)
  const bar = await svg.locator('[aria-label="rule"] line').nth(1).boundingBox()
  expect(bar!.width).toBeGreaterThan(40)
  // Dates on the axis, written as the app writes them.
  const ticks = await svg.locator('[aria-label="x-axis tick label"] text').allTextContents()
  expect(ticks.length).toBeGreaterThan(2)
  for (const tick of ticks) expect(tick).toMatch(/^\d{1,2} (Dec 2023|Jan 2024)$/)
  // Each speaker has its own colour, listed in the legend.
  await expect(page.locator('.series-chart .legend')).toContainText('Svitlana Marchuk')
  await page.getByLabel('Colour by').selectOption('source')
  await expect(page.getByRole('img', { name: `${METRIC} over time by source` })).toBeVisible()
  await page.getByLabel('Colour by').selectOption('speaker')

  // Hover shows value, speaker and article.
  const dot = await chart(page).locator('[aria-label="dot"] circle').first().boundingBox()
  await page.mouse.move(dot!.x + dot!.width / 2, dot!.y + dot!.height / 2)
  const tip = chart(page).locator('[aria-label="tip"]')
  await expect(tip).toContainText('about 480')
  await expect(tip).toContainText('Said by Svitlana Marchuk')
  await expect(tip).toContainText('Repair crews')
  expect(violations).toEqual([])

  // A click opens the passage in the reader with the figure focused.
  await page.mouse.click(dot!.x + dot!.width / 2, dot!.y + dot!.height / 2)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Repair crews')
  await expect(page.locator('.annotation-card.focused')).toContainText('about 480')
})

test('the chart saves as SVG and as PNG', async ({ page, glossa }) => {
  await seed(glossa)
  const violations: string[] = []
  await openFigures(page, glossa, violations)
  await page.getByLabel('Metric').selectOption(METRIC)
  await expect(chart(page)).toBeVisible()

  const [svgFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save SVG' }).click(),
  ])
  expect(svgFile.suggestedFilename()).toBe('drones-launched-over-time.svg')
  const svgText = await readFile((await svgFile.path())!, 'utf8')
  expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  expect(svgText).toContain(`${METRIC} over time`)
  expect(svgText).toContain('Svitlana Marchuk') // the legend travels with the file
  expect(svgText).not.toMatch(/https?:\/\/(?!www\.w3\.org)/) // nothing remote

  const [pngFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save PNG' }).click(),
  ])
  expect(pngFile.suggestedFilename()).toBe('drones-launched-over-time.png')
  const png = await readFile((await pngFile.path())!)
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(png.readUInt32BE(16)).toBeGreaterThan(600) // width, drawn at twice the chart's size
  expect(png.readUInt32BE(20)).toBeGreaterThan(300)
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(violations).toEqual([])
})

test('sorting by period puts figures with no period last, both ways', async ({ page, glossa }) => {
  await seed(glossa)
  await openFigures(page, glossa, [])
  const firstCells = page.locator('.figures-table tbody tr td:first-child')
  const periodHeader = page.getByRole('button', { name: /^Period/ })
  await expect(firstCells.last()).toHaveText('24') // the default sort is by period, oldest first
  await periodHeader.click() // newest first
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Period')
  await expect(firstCells.first()).toHaveText('more than 500')
  await expect(firstCells.last()).toHaveText('24')
})

test('date filters are labelled and read "10 Jan 2024"; typed dates are read either way', async ({
  page,
  glossa,
}) => {
  await seed(glossa)
  await openFigures(page, glossa, [])
  const from = page.getByLabel('Period from')
  await expect(page.locator('.figures-filters').getByText('Period from', { exact: true })).toBeVisible()
  await expect(page.locator('.figures-filters').getByText('Period to', { exact: true })).toBeVisible()
  await expect(from).toHaveAttribute('type', 'text')
  await from.fill('2024-01-08')
  await from.blur()
  await expect(from).toHaveValue('8 Jan 2024')
  await expect(page.locator('.figures-table tbody tr')).toHaveCount(2)
  await page.getByLabel('Period to').fill('10 Jan 2024')
  await expect(page.locator('.figures-table tbody tr')).toHaveCount(1)
  await page.getByLabel('Period to').fill('31 Feb 2024')
  await expect(page.getByLabel('Period to')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('.figures-table tbody tr')).toHaveCount(2) // a date half typed filters nothing
})

test('the figure form shows its period as "1 Jan 2024" and stores what is typed as an ISO day', async ({
  page,
  glossa,
}) => {
  await seed(glossa)
  await openFigures(page, glossa, [])
  await rowOf(page, 'about 480').click()
  await page.locator('.annotation-card.focused').getByRole('button', { name: /edit/i }).click()
  const form = page.getByRole('form', { name: 'Figure' })
  await expect(form.getByLabel('From')).toHaveValue('3 Jan 2024')
  await expect(form.getByLabel('From')).toHaveAttribute('type', 'text')
  await form.getByLabel('From').fill('2 Jan 2024')
  await form.getByLabel('To').fill('2024-01-04')
  await form.getByLabel('To').blur()
  await expect(form.getByLabel('To')).toHaveValue('4 Jan 2024')
  await form.getByLabel('From').fill('2 Jnx 2024')
  await form.getByRole('button', { name: 'Save figure' }).click()
  await expect(form.getByRole('alert')).toContainText('From must be a date such as 10 Jan 2024')
  await form.getByLabel('From').fill('2 Jan 2024')
  await form.getByRole('button', { name: 'Save figure' }).click()
  await expect(form).toBeHidden()
  await expect
    .poll(async () => {
      const stored = await glossa.call('figures.list', {
        metric: METRIC,
      })
      const f = stored.find((r) => r.annotation.figure.value === 480)!.annotation.figure
      return [f.periodStart, f.periodEnd]
    })
    .toEqual(['2024-01-02', '2024-01-04'])
})

for (const [width, height] of [
  [1440, 900],
  [1024, 700],
]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot of the Figures view with its chart, ${width}×${height}, ${scheme}`, async ({
      page,
      glossa,
    }) => {
      await seed(glossa)
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme: scheme })
      await openFigures(page, glossa, [])
      await page.getByLabel('Metric').selectOption(METRIC)
      await expect(chart(page)).toBeVisible()
      const dot = await chart(page).locator('[aria-label="dot"] circle').first().boundingBox()
      await page.mouse.move(dot!.x + dot!.width / 2, dot!.y + dot!.height / 2)
      await expect(chart(page).locator('[aria-label="tip"]')).toContainText('about 480')
      await page.screenshot({ path: `reports/screens/figures-view-${width}x${height}-${scheme}.png` })
    })
  }
}

test('an archive with many figures: paged from main, 300 rows drawn, more on demand, conflicts counted and the first 100 listed', async ({
  page,
  glossa,
}) => {
  test.setTimeout(180_000) // 330 figures tagged through the service first, on a loaded machine
  // What the window asks for: pages of rows, never every figure (figures.list).
  const asked: string[] = []
  const rowsSent: number[] = []
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (path.startsWith('/api/figures.')) asked.push(path.slice('/api/'.length))
  })
  page.on('response', async (r) => {
    if (!r.url().endsWith('/api/figures.page')) return
    const body = (await r.json()) as { ok: boolean; value?: { items: unknown[] } }
    if (body.value) rowsSent.push(body.value.items.length)
  })
  const air = await article(glossa, /79% of drones/)
  const grid = await article(glossa, /Repair crews/)
  // 330 figures of one metric over overlapping weeks, from two articles and three speakers, values all
  // different: tens of thousands of conflicting pairs.
  for (let i = 0; i < 330; i++)
    await tag(glossa, i % 2 ? air : grid, i % 2 ? '520' : 'about 480', {
      value: 1000 + i,
      metric: METRIC,
      periodStart: `2024-01-${String((i % 20) + 1).padStart(2, '0')}`,
      periodEnd: `2024-01-${String((i % 20) + 8).padStart(2, '0')}`,
      attributedTo: ['Air force', 'Analysts', 'Svitlana Marchuk'][i % 3],
    })
  await page.goto(glossa.url)
  await page.getByRole('tab', { name: 'Figures' }).click()
  const rows = page.locator('.figures-table tbody tr')
  await expect(rows).toHaveCount(300)
  await expect(page.getByText('300 of 330 figures shown')).toBeVisible()
  const conflicts = page.getByRole('region', { name: 'Conflicts' })
  await expect(conflicts.locator('li.conflict')).toHaveCount(100)
  const count = Number((await conflicts.locator('.badge').innerText()).replace(/,/g, ''))
  expect(count).toBeGreaterThan(100)
  await expect(conflicts).toContainText(
    `The first 100 of ${count.toLocaleString('en')} conflicts: choose a metric to see its own.`,
  )
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ])
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme: scheme })
      await page.getByRole('button', { name: 'Show 30 more' }).scrollIntoViewIfNeeded()
      await page.screenshot({ path: `reports/screens/figures-view-more-${width}x${height}-${scheme}.png` })
    }
  await page.getByRole('button', { name: 'Show 30 more' }).click()
  await expect(rows).toHaveCount(330)
  await expect(page.getByRole('button', { name: /more$/ })).toHaveCount(0)
  // The filter lists carry their counts; sorting is done in main, on every figure, not on the rows shown.
  await expect(page.getByLabel('Metric').locator('option', { hasText: `${METRIC} (330)` })).toHaveCount(1)
  await page.getByRole('button', { name: /^Value/ }).click()
  await page.getByRole('button', { name: /^Value/ }).click()
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Value')
  await expect(rows.first().locator('td.num')).toHaveText('1,329')
  await expect(rows).toHaveCount(300)
  expect(asked).not.toContain('figures.list')
  expect(asked).toEqual(expect.arrayContaining(['figures.page', 'figures.facets', 'figures.conflicts']))
  expect(rowsSent.length).toBeGreaterThan(0)
  expect(Math.max(...rowsSent)).toBeLessThanOrEqual(300)
  // A filter shows its first rows again.
  await page.getByLabel('Minimum value').fill('1001')
  await expect(rows).toHaveCount(300)
  await page.getByLabel('Minimum value').fill('1100')
  await expect(rows).toHaveCount(230)
})
