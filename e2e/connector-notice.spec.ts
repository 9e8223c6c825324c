// e2e (priority 1): an archive folder that holds an older Glossa's `connector.json`, opened by a real
// `glossa serve`. The file is never read (a crafted archive could plant a pairing); the connector's dialog says
// so once, with what to do (pair again), and not after a restart. Screenshots of the dialog with the notice at
// 1440×900 and 1024×700, light and dark, under reports/screens/.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serveWithConnector, stopProcess } from './connector-helpers'
import type { Serving } from './connector-helpers'
import { screenshotSizes } from './screens'

const NOTICE = /An older pairing file \(connector\.json in the archive folder\) was ignored/

/** What an older Glossa left: one browser paired, by whoever made the archive. */
const OLD_FILE = `${JSON.stringify({
  version: 1,
  tokens: [
    {
      id: 'abcdef012345',
      name: 'Planted',
      origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      hash: 'a'.repeat(64),
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  ],
})}\n`

async function openConnectorDialog(page: Page, serving: Serving) {
  // A fresh load: a restart keeps the port, so the address differs only in its fragment.
  await page.goto('about:blank')
  await page.goto(serving.appUrl)
  await page.getByRole('button', { name: 'Browser connector…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Browser connector' })
  await expect(dialog.getByTestId('connector-status')).toHaveText(
    `Listening on 127.0.0.1, port ${serving.connectorPort}. Only the paired extension can reach it.`,
  )
  await expect(dialog.getByText('No browser is paired.')).toBeVisible()
  return dialog
}

test('an older connector.json: the connector dialog says once that it was ignored, and pairs nothing from it', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const archiveDir = await mkdtemp(join(tmpdir(), 'glossa-e2e-connector-notice-'))
  // The archive made by a first start, then an older Glossa's pairing file put beside its files.
  let serving = await serveWithConnector(archiveDir)
  try {
    await stopProcess(serving.child)
    await writeFile(join(archiveDir, 'connector.json'), OLD_FILE)
    serving = await serveWithConnector(archiveDir)

    const dialog = await openConnectorDialog(page, serving)
    const notice = dialog.getByTestId('connector-notice')
    await expect(notice).toHaveCount(1)
    await expect(notice).toContainText(NOTICE)
    await expect(notice).toContainText('Pair the extension again')
    await expect(page.getByText(NOTICE)).toHaveCount(1)
    await expect(dialog.getByRole('button', { name: 'Pair a browser' })).toBeEnabled()
    await screenshotSizes(page, 'connector-notice', async () => {
      await expect(notice).toBeVisible()
    })

    // Said once: the next start has this computer's (empty) pairing file, and the old file stays unread.
    await stopProcess(serving.child)
    serving = await serveWithConnector(archiveDir)
    const again = await openConnectorDialog(page, serving)
    await expect(again.getByTestId('connector-notice')).toHaveCount(0)
    await expect(page.getByText(NOTICE)).toHaveCount(0)
    // Left where it was, as it was: never read, never moved.
    expect(await readFile(join(archiveDir, 'connector.json'), 'utf8')).toBe(OLD_FILE)
  } finally {
    await stopProcess(serving.child)
    await rm(archiveDir, { recursive: true, force: true })
  }
})
