import type { Page } from '@playwright/test'
import { expect, test } from './glossa'
import { clickText, openSample } from './layout-helpers'

async function tagFigure(page: Page, needle: string, metric: string, from: string, to: string) {
  await clickText(page, needle)
  const form = page.getByRole('form', { name: 'Figure' })
  await expect(form).toBeVisible()
  await form.getByLabel('Metric').fill(metric)
  await form.getByLabel('From').fill(from)
  await form.getByLabel('To').fill(to)
  await form.getByLabel('Metric').press('Enter')
  await expect(form).toBeHidden()
  await expect(page.getByRole('status')).toHaveText(/Saved/)
}

test('tag a detected figure, see it in the Figures view after reload, and see two sources conflict', async ({
  page,
  glossa,
}) => {
  await page.goto(glossa.url)
  await expect(page.getByText('4 articles')).toBeVisible()
  await openSample(page, glossa, /79% of drones/)
  // Detected figures are underlined before anyone tags them.
  // Detection runs once the article is painted (an idle callback), so wait for the underline layer.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...(CSS.highlights.get('figure-candidate') ?? [])].map((r) => (r as Range).toString()),
      ),
    )
    .toEqual(expect.arrayContaining(['412', '520', '79%']))

  await clickText(page, '520')
  const form = page.getByRole('form', { name: 'Figure' })
  await expect(form.getByLabel('Value')).toHaveValue('520')
  await expect(form.getByLabel('From')).toHaveValue('1 Jan 2024') // "the first week of January", article dated 2024-01-09
  await form.getByRole('button', { name: 'Cancel' }).click()

  await tagFigure(page, '520', 'drones/launched', '2024-01-01', '2024-01-07')
  await expect(page.locator('.annotation-card .figure-value')).toHaveText('520 drones')

  await openSample(page, glossa, /Repair crews/)
  await tagFigure(page, 'about 480', 'drones/launched', '2024-01-01', '2024-01-07')

  await page.reload()
  await page.getByRole('tab', { name: 'Figures' }).click()
  const table = page.locator('.figures-table tbody tr')
  await expect(table).toHaveCount(2)
  await expect(table.first()).toContainText('drones/launched')
  // Tagged in the reader, a figure keeps its whole sentence: the Quote column shows it uncut.
  await expect(table.filter({ hasText: '520' }).locator('.cell-quote')).toHaveText(
    "Ukraine's air defences destroyed 412 of the 520 attack drones that Russia launched in the first week of January, the air force said on Tuesday, as officials warned that interceptor missiles were being used up faster than partners could replace them.",
  )
  const conflicts = page.getByRole('region', { name: 'Conflicts' }).locator('.conflict')
  await expect(conflicts).toHaveCount(1)
  await expect(conflicts).toContainText('520')
  await expect(conflicts).toContainText('about 480')
  await page.getByLabel('Metric').selectOption('drones/launched')
  await expect(page.getByRole('img', { name: 'drones/launched over time by speaker' })).toBeVisible()
  await page.screenshot({ path: 'reports/screens/figures-view.png' })

  // A row opens the passage in the reader with the figure focused.
  await table.filter({ hasText: 'about 480' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Repair crews')
  await expect(page.locator('.annotation-card.focused')).toContainText('about 480 drones')
  const stored = await glossa.call('figures.list', { metric: 'drones' })
  expect(stored.map((r) => r.annotation.figure.value).sort()).toEqual([480, 520])
  expect(stored.find((r) => r.annotation.figure.value === 480)?.annotation.figure.qualifier).toBe('about')
})
