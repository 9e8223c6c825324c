// Runs the real Electron app where its binary is installed; elsewhere it is skipped and says why.
import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { electronBinary } from '../scripts/electron-binary.mjs'
import { selectText } from './reader-helpers'

const binary = electronBinary()
const reason = 'the Electron binary is not installed here (it downloads from outside the package registries)'
if (!binary) console.log(`[electron.spec] skipped: ${reason}`)

/** The built app on a fresh archive folder of its own. */
async function launch() {
  const archive = await mkdtemp(join(tmpdir(), 'glossa-electron-'))
  const app = await electron.launch({
    executablePath: binary!,
    args: [resolve('out/main/index.js'), '--archive', archive],
  })
  return { archive, app }
}

test('the desktop app opens its window on the library', async () => {
  test.skip(!binary, reason)
  const { archive, app } = await launch()
  try {
    const window = await app.firstWindow()
    await expect(window).toHaveTitle('Glossa')
    await expect(window.getByRole('option')).toHaveCount(4)
    // Sandboxed and isolated: the page sees the contract's methods and no Node.
    const page = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: Object.keys((globalThis as { api?: object }).api ?? {}).sort(),
    }))
    expect(page.require).toBe('undefined')
    expect(page.process).toBe('undefined')
    expect(page.api).toContain('articles.list')
  } finally {
    await app.close()
    await rm(archive, { recursive: true, force: true })
  }
})

test('closing the window with a note still being typed saves the note before the app quits', async () => {
  test.skip(!binary, reason)
  const { archive, app } = await launch()
  try {
    const window = await app.firstWindow()
    await window
      .getByRole('option')
      .filter({ hasText: /79% of drones/ })
      .click()
    await expect(window.getByTestId('article-body')).toBeVisible()
    await selectText(window, 'destroyed 412', 'attack drones')
    await window.keyboard.press('1')
    const card = window.locator('.annotation-card.focused')
    await card.getByRole('button', { name: 'Add a note…' }).click()
    await card.getByRole('textbox', { name: 'Note' }).fill('Typed just before closing')
    // At once, before the note's autosave would run: the window waits for it to be on disk, then closes.
    const closed = app.waitForEvent('close')
    await window.evaluate(() => window.close())
    await closed
    const files = await readdir(join(archive, 'annotations'))
    const notes = await Promise.all(
      files.map(async (f) => JSON.parse(await readFile(join(archive, 'annotations', f), 'utf8'))),
    )
    expect(
      notes.flatMap((n: { annotations: { note: string }[] }) => n.annotations.map((a) => a.note)),
    ).toContain('Typed just before closing')
  } finally {
    await app.close().catch(() => {})
    await rm(archive, { recursive: true, force: true })
  }
})
