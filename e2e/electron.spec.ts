// Runs the real Electron app where its binary is installed; elsewhere it is skipped and says why.
import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const binary = electronBinary()
const reason = 'the Electron binary is not installed here (it downloads from outside the package registries)'
if (!binary) console.log(`[electron.spec] skipped: ${reason}`)

test('the desktop app opens its window on the library', async () => {
  test.skip(!binary, reason)
  const archive = await mkdtemp(join(tmpdir(), 'glossa-electron-'))
  const app = await electron.launch({ executablePath: binary!, args: [resolve('out/main/index.js'), '--archive', archive] })
  try {
    const window = await app.firstWindow()
    await expect(window).toHaveTitle('Glossa')
    await expect(window.getByRole('option')).toHaveCount(4)
    const prefs = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.getLastWebPreferences())
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
  } finally {
    await app.close()
    await rm(archive, { recursive: true, force: true })
  }
})
