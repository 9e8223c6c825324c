// Runs the real Electron app where its binary is installed; elsewhere it is skipped and says why.
import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { electronBinary } from '../scripts/electron-binary.mjs'

const binary = electronBinary()
const reason = 'the Electron binary is not installed here (it downloads from outside the package registries)'
if (!binary) console.log(`[electron.spec] skipped: ${reason}`)

test('the desktop app opens its window on the library', async () => {
  test.skip(!binary, reason)
  const archive = await mkdtemp(join(tmpdir(), 'glossa-electron-'))
  const app = await electron.launch({
    executablePath: binary!,
    args: [resolve('out/main/index.js'), '--archive', archive],
  })
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
