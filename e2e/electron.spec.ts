// Runs the real Electron app where its binary is installed; elsewhere it is skipped and says why.
import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

// Looks for the binary the way electron/index.js does, without requiring it: requiring it starts a download.
function electronBinary(): string | null {
  const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist')
  const binary = join(dist, readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

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
