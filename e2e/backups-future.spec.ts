// e2e (priority 1): a snapshot dated in the future (a clock that was ahead) is a real backup: the Backups dialog
// lists it as dated in the future beside the ones rotation keeps, "Back up now" deletes nothing, and it restores.
// Screenshots of the dialog at 1440×900 and 1024×700, light and dark, under reports/screens/.
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './glossa'
import { screenshotSizes } from './screens'

const FUTURE = 'snapshot-2099-01-01T09-00-00-000Z.json.gz'

test('a snapshot dated in the future is listed as such, kept by Back up now, and restores', async ({
  page,
  glossa,
}) => {
  // A fresh archive gets its first snapshot at start: waited for, so the counts below are the dialog's own.
  await expect.poll(async () => (await glossa.call('backups.list', {})).length).toBeGreaterThan(0)
  const made = await glossa.call('backups.create', {})
  const backups = join(glossa.archiveDir, 'backups')
  await copyFile(join(backups, made.id), join(backups, FUTURE))
  await copyFile(join(backups, `${made.id}.count`), join(backups, `${FUTURE}.count`))
  const listed = (await glossa.call('backups.list', {})).length

  await page.goto(glossa.url)
  await page.getByRole('button', { name: 'Backups…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backups' })
  const rows = dialog.locator('.snapshot-list li')
  await expect(rows).toHaveCount(listed)
  await expect(rows.filter({ hasText: 'dated in the future' })).toContainText(`${made.articles} articles`)
  await expect(dialog).toContainText('and every snapshot dated in the future')

  await dialog.getByRole('button', { name: 'Back up now' }).click()
  await expect(dialog.getByRole('status')).toContainText('Snapshot taken')
  await expect(rows).toHaveCount(listed + 1)
  await expect(rows.filter({ hasText: 'dated in the future' })).toHaveCount(1)
  await screenshotSizes(page, 'backups-future', async () => {
    await expect(rows.first()).toBeVisible()
  })

  await rows.filter({ hasText: 'dated in the future' }).getByRole('button', { name: 'Restore…' }).click()
  await dialog
    .getByRole('alertdialog', { name: 'Confirm restore' })
    .getByRole('button', { name: 'Restore' })
    .click()
  await expect(dialog.getByRole('status')).toContainText('Nothing needed repair.')
})
