import { resolve } from 'node:path'
import { expect, test } from './glossa'

test('import a folder of 20 files through the UI, with progress, and find them in the library', async ({
  page,
  glossa,
}) => {
  await page.goto(glossa.url)
  await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option')).toHaveCount(4)
  await page.getByRole('button', { name: 'Import…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import' })
  await dialog.getByLabel('Folder to import').setInputFiles(resolve('e2e/fixtures/folder-import'))
  const progress = dialog.getByRole('progressbar', { name: 'Imported files' })
  await expect(progress).toHaveAttribute('max', '20')
  await expect(dialog.getByRole('status')).toHaveText('20 imported, 0 already in the archive, 0 failed')
  await expect(progress).toHaveAttribute('value', '20')
  await page.screenshot({ path: 'reports/screens/import-dialog.png' })

  // Importing the same folder again finds only duplicates.
  await dialog.getByLabel('Folder to import').setInputFiles(resolve('e2e/fixtures/folder-import'))
  await expect(dialog.getByRole('status')).toHaveText('0 imported, 20 already in the archive, 0 failed')
  await dialog.getByRole('button', { name: 'Close' }).click()

  await expect(page.getByText('24 articles')).toBeVisible()
  // The list is virtualized: only the rows in view exist in the page.
  expect(await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').count()).toBeLessThan(24)
  const list = await glossa.call('articles.list', {})
  const titles = list.map((a) => a.title).filter((t) => t.startsWith('Folder test'))
  expect(titles.map((t) => t.slice(0, 14)).sort()).toEqual(
    Array.from({ length: 20 }, (_, i) => `Folder test ${String(i + 1).padStart(2, '0')}`),
  )
  await page
    .getByRole('listbox', { name: 'Articles' })
    .getByRole('option')
    .filter({ hasText: 'Folder test 20' })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Folder test 20')
  await expect(page.getByTestId('article-body').locator('p').first()).toBeVisible()
  // Parsed by the parse process, not by the in-process fallback.
  expect(glossa.output).not.toMatch(/parsed imports in the main process/)
})

test('a bad file reports its error and the rest go on', async ({ page, glossa }) => {
  await page.goto(glossa.url)
  await page.getByRole('button', { name: 'Import…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import' })
  await dialog.getByLabel('Files to import').setInputFiles([
    {
      name: 'broken.html',
      mimeType: 'text/html',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    },
    {
      name: 'good.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        ' date 2024-02-02 Good file imports fine\n\nOfficials counted 1,203 shelters in the city.',
      ),
    },
  ])
  await expect(dialog.getByRole('status')).toHaveText('1 imported, 0 already in the archive, 1 failed')
  await expect(dialog.locator('.import-result.failed')).toContainText('looks like a PNG image')
  await dialog.getByRole('button', { name: 'Good file imports fine' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Good file imports fine')
  // Parsed by the parse process, not by the in-process fallback.
  expect(glossa.output).not.toMatch(/parsed imports in the main process/)
})

test('paste text into the library to import it', async ({ page, glossa }) => {
  await page.goto(glossa.url)
  await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option')).toHaveCount(4)
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.setData('text/plain', 'Pasted report: 42 bridges repaired\n\nCrews repaired 42 bridges in 2023.')
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
  })
  const dialog = page.getByRole('dialog', { name: 'Import' })
  await expect(dialog.getByRole('status')).toHaveText('1 imported, 0 already in the archive, 0 failed')
  await expect(page.getByRole('listbox', { name: 'Articles' }).getByRole('option')).toHaveCount(5)
})
