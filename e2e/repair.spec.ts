import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe } from '../src/shared/anchoring'
import { expect, test } from './glossa'

test('a damaged annotations file is named in a banner and repaired from a backup on confirmation', async ({
  page,
  glossa,
}) => {
  const [article] = await glossa.call('articles.list', {})
  const { text } = await glossa.call('articles.get', { id: article.id })
  await glossa.call('annotations.create', {
    articleId: article.id,
    note: 'keep me',
    target: describe(text, 0, 40),
  })
  await glossa.call('backups.create', {})
  await glossa.restart()
  await writeFile(join(glossa.archiveDir, 'annotations', `${article.id}.json`), '{"version":1,"annot')

  await page.goto(glossa.url)
  const banner = page.getByRole('alert').filter({ hasText: `annotations/${article.id}.json` })
  await expect(banner).toContainText('is not valid JSON')
  await page.screenshot({ path: 'reports/screens/problems-banner.png' })
  await banner.getByRole('button', { name: 'Restore from a backup…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backups' })
  await dialog.getByRole('button', { name: 'Restore…' }).first().click()
  await dialog
    .getByRole('alertdialog', { name: 'Confirm restore' })
    .getByRole('button', { name: 'Restore' })
    .click()
  await expect(dialog.getByRole('status')).toContainText(`Repaired annotations/${article.id}.json`)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(banner).toHaveCount(0)
  const [restored] = await glossa.call('annotations.list', { articleId: article.id })
  expect(restored.note).toBe('keep me')
})

test('a second writer on the same archive is refused', async ({ glossa }) => {
  const { spawnSync } = await import('node:child_process')
  const { CLI } = await import('./glossa')
  const result = spawnSync(
    process.execPath,
    [CLI, 'import', 'e2e/fixtures/folder-import/folder-test-01.txt', '--archive', glossa.archiveDir],
    { encoding: 'utf8' },
  )
  expect(result.status).not.toBe(0)
  expect(result.stderr).toMatch(/already open in another Glossa \(glossa serve/)
})
