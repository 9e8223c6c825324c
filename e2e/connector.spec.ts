// e2e (#16): the Glossa extension, built by `npm run build`, loaded into Debian's Chromium. The app shows a
// pairing code, the extension's popup pairs with it, saves a local article page and a selection (tags,
// collection, note), is told the second time that the page is already there and, with Glossa stopped, that it
// is not running; the app revokes it. A web page that calls the connector from its own origin gets nothing.
// The popup page is driven in a tab of its own (Playwright cannot click the toolbar button); `?tab=` points it
// at the article's tab, and from there the same code captures and saves as from the toolbar.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  EXTENSION_DIR,
  appClient,
  closedPort,
  chromiumWithExtension,
  extensionId,
  fakeListener,
  SUBSCRIBER_TEXT,
  hostileScript,
  pageServer,
  serveWithConnector,
  stopProcess,
} from './connector-helpers'
import type { Serving } from './connector-helpers'

type ChromeTabs = { chrome: { tabs: { query: (q: { url: string }) => Promise<{ id: number }[]> } } }

async function openConnectorDialog(app: Page, serving: Serving): Promise<void> {
  // A fresh load: glossa serve keeps its port for an archive, so the address of a restart differs only in its
  // fragment, and a goto to it would stay in the page already open (with its dialog).
  await app.goto('about:blank')
  await app.goto(serving.appUrl)
  await app.getByRole('button', { name: 'Browser connector…' }).click()
  await expect(app.getByTestId('connector-status')).toHaveText(
    `Listening on 127.0.0.1, port ${serving.connectorPort}. Only the paired extension can reach it.`,
  )
}

async function screenshots(app: Page, name: string): Promise<void> {
  await mkdir('reports/screens', { recursive: true })
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme })
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1024, height: 700 },
    ]) {
      await app.setViewportSize(size)
      await app.screenshot({ path: `reports/screens/${name}-${size.width}x${size.height}-${scheme}.png` })
    }
  }
  await app.emulateMedia({ colorScheme: 'light' })
}

/** The popup's page, light and dark (it is as wide at any window size). */
async function popupShots(popup: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme })
    await popup.locator('body').screenshot({ path: `reports/screens/${name}-${scheme}.png` })
  }
}

test('pair, save a page and a selection, already there, not running, revoke; a hostile page gets nothing', async () => {
  test.setTimeout(240_000)
  const archiveDir = await mkdtemp(join(tmpdir(), 'glossa-e2e-connector-'))
  let serving = await serveWithConnector(archiveDir)
  const call = appClient(() => serving)
  const port = serving.connectorPort
  const pages = await pageServer(hostileScript(port, await closedPort()))
  const context = await chromiumWithExtension()
  try {
    const { id: harbour } = await call('collections.create', { name: 'Harbour' })
    const popupUrl = `chrome-extension://${extensionId(EXTENSION_DIR)}/popup.html`
    const before = (await call('articles.list', {})).length

    // The app: the connector listens; a pairing code is shown.
    const app = await context.newPage()
    await openConnectorDialog(app, serving)
    await expect(app.getByText('No browser is paired.')).toBeVisible()
    await app.getByRole('button', { name: 'Pair a browser' }).click()
    const code = (await app.getByTestId('pairing-code').textContent()) ?? ''
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    await screenshots(app, 'connector-pairing')

    // The extension pairs with the code and the port.
    const popup = await context.newPage()
    await popup.goto(popupUrl)
    // Another program on the port given: nothing is paired, and the popup says what answered.
    const otherPort = await closedPort()
    const other = await fakeListener(otherPort)
    try {
      await popup.locator('#code').fill(code.toLowerCase())
      await popup.locator('#port').fill(String(otherPort))
      await popupShots(popup, 'connector-popup-pair')
      await popup.getByRole('button', { name: 'Pair' }).click()
      await expect(popup.locator('#message')).toHaveText(
        new RegExp(`^Something other than Glossa answers on port ${otherPort}`),
      )
      await popupShots(popup, 'connector-popup-impostor')
    } finally {
      await other.close()
    }
    // A wrong code on Glossa's port: refused in words (one of the code's five tries).
    await popup.locator('#code').fill(code.endsWith('2') ? `${code.slice(0, -1)}3` : `${code.slice(0, -1)}2`)
    await popup.locator('#port').fill(String(port))
    await popup.getByRole('button', { name: 'Pair' }).click()
    await expect(popup.locator('#message')).toHaveText(/That pairing code is wrong/)
    await popupShots(popup, 'connector-popup-wrong-code')
    await popup.locator('#code').fill(code.toLowerCase())
    await popup.getByRole('button', { name: 'Pair' }).click()
    await expect(popup.locator('#save-form')).toBeVisible()
    await expect(popup.locator('#pair-form')).toBeHidden()
    // The shortcut that opens the popup, as the browser registered it from the manifest.
    type ChromeCommands = {
      chrome: { commands: { getAll: () => Promise<{ name: string; shortcut: string }[]> } }
    }
    expect(
      await popup.evaluate(() => (globalThis as unknown as ChromeCommands).chrome.commands.getAll()),
    ).toContainEqual(expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+G' }))
    await expect(app.getByText('Paired. The extension can now save to Glossa.')).toBeVisible()
    await expect(app.getByText(/Chromium · paired .* · nothing saved yet/)).toBeVisible()

    // The article, with a passage selected on the live page.
    const article = await context.newPage()
    const articleUrl = `http://127.0.0.1:${pages.port}/article.html`
    await article.goto(articleUrl)
    // The page as the reader sees it: its script added what only the signed-in browser may fetch.
    await article.waitForSelector('#subscriber-part')
    expect((await fetch(`http://127.0.0.1:${pages.port}/subscriber-part`)).status).toBe(403)
    await article.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((e) => e.textContent?.includes('38 per cent'))
      const text = p?.firstChild
      if (!text?.textContent) throw new Error('no paragraph')
      const start = text.textContent.indexOf('38 per cent')
      const range = document.createRange()
      range.setStart(text, start)
      range.setEnd(text, start + '38 per cent of the planned 1.2 million cubic metres'.length)
      getSelection()?.removeAllRanges()
      getSelection()?.addRange(range)
    })
    const tabId = await popup.evaluate(
      async (url) => (await (globalThis as unknown as ChromeTabs).chrome.tabs.query({ url }))[0].id,
      articleUrl,
    )

    await popup.goto(`${popupUrl}?tab=${tabId}`)
    await expect(popup.locator('#page-title')).toHaveText(/Harbour dredging falls behind schedule/)
    await expect(popup.locator('#selection-text')).toHaveText(
      '38 per cent of the planned 1.2 million cubic metres',
    )
    await popup.locator('#tags').fill('port/dredging, budget')
    await popup.locator('#collection').selectOption({ label: 'Harbour' })
    await popup.locator('#note').fill('Compare with the **tender**')
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme })
      await popup.locator('body').screenshot({ path: `reports/screens/connector-popup-${scheme}.png` })
    }
    await popup.getByRole('button', { name: 'Save to Glossa' }).click()
    // The first page a Glossa imports starts its parse process; on a loaded machine that takes a while.
    await expect(popup.getByRole('button', { name: 'Saving…' })).toBeDisabled()
    await expect(popup.locator('#saved-text')).toHaveText(
      'Saved to Glossa: “Harbour dredging falls behind schedule”',
      { timeout: 60_000 },
    )
    await expect(popup.locator('#highlight-text')).toHaveText('The selection is a highlight in it.')
    type ChromeAction = { chrome: { action: { getTitle: (d: { tabId: number }) => Promise<string> } } }
    expect(
      await popup.evaluate(
        (tabId) => (globalThis as unknown as ChromeAction).chrome.action.getTitle({ tabId }),
        tabId,
      ),
    ).toBe('Saved to Glossa: Harbour dredging falls behind schedule')
    await popup.locator('body').screenshot({ path: 'reports/screens/connector-popup-saved-dark.png' })

    // In the archive: the article as an HTML import stores it, and the highlight on the stored text.
    const articles = await call('articles.list', {})
    expect(articles).toHaveLength(before + 1)
    const saved = articles.find((a) => a.title === 'Harbour dredging falls behind schedule')
    expect(saved).toMatchObject({ tags: ['port/dredging', 'budget'], collections: [harbour] })
    if (!saved) throw new Error('the saved article is not in the library')
    const full = await call('articles.get', { id: saved.id })
    expect(full.text).toContain('Harbour master Tomas Eklund said')
    expect(full.text).toContain(SUBSCRIBER_TEXT)
    expect(full.html).not.toMatch(/<script|onclick|__tracking/)
    const notes = await call('annotations.list', { articleId: saved.id })
    expect(notes).toMatchObject([
      {
        kind: 'highlight',
        note: 'Compare with the **tender**',
        target: { quote: { exact: '38 per cent of the planned 1.2 million cubic metres' } },
      },
    ])

    // Browser mode has no window to bring up: the popup says where to find the article.
    await popup.getByRole('button', { name: 'Open in Glossa' }).click()
    await expect(popup.locator('#message')).toHaveText(/no window to show it in/)

    // The same page again: already in Glossa, nothing stored twice.
    await popup.goto(`${popupUrl}?tab=${tabId}`)
    await popup.getByRole('button', { name: 'Save to Glossa' }).click()
    await expect(popup.locator('#saved-text')).toHaveText(
      'Already in Glossa: “Harbour dredging falls behind schedule”',
      { timeout: 60_000 },
    )
    expect(await call('articles.list', {})).toHaveLength(before + 1)

    // A web page calls the connector from its own origin: blocked, and nothing changes.
    const hostile = await context.newPage()
    await hostile.goto(`http://localhost:${pages.port}/hostile.html`)
    await expect(hostile).toHaveTitle('done', { timeout: 30_000 })
    const results = (await hostile.evaluate(
      () => (window as unknown as { results: object }).results,
    )) as Record<string, string>
    console.log('hostile page:', results)
    console.log(
      'hostile page, no-cors POST times in ms:',
      JSON.stringify(await hostile.evaluate(() => (window as unknown as { timing: object }).timing)),
    )
    // Each call fails as the one to a closed port does: the page cannot tell that anything listens.
    expect(Object.keys(results)).toHaveLength(7)
    for (const [name, outcome] of Object.entries(results)) expect(outcome, name).toBe('blocked')
    expect(await call('articles.list', {})).toHaveLength(before + 1)
    expect(await call('connector.tokens.list', {})).toHaveLength(1)

    // Glossa stops and something else takes its port while the popup is open: the save stops at the hello, whose
    // proof fails, and the listener gets neither the key nor the page (priority 1).
    await popup.goto(`${popupUrl}?tab=${tabId}`)
    await expect(popup.locator('#save-form')).toBeVisible()
    type ChromeStorage = {
      chrome: { storage: { local: { get: (k: string[]) => Promise<{ key?: string }> } } }
    }
    const { key } = await popup.evaluate(() =>
      (globalThis as unknown as ChromeStorage).chrome.storage.local.get(['key']),
    )
    expect(key).toMatch(/^[a-f0-9]{64}$/)
    await stopProcess(serving.child)
    const fake = await fakeListener(port)
    try {
      await popup.getByRole('button', { name: 'Save to Glossa' }).click()
      await expect(popup.locator('#message')).toHaveText(
        new RegExp(`^Something other than Glossa answers on port ${port} .*: nothing was sent`),
      )
      expect(fake.seen.map((s) => s.url)).toEqual(['/v1/hello'])
      const received = JSON.stringify(fake.seen)
      expect(received).not.toContain(key)
      expect(received).not.toContain('Harbour master Tomas Eklund')
      expect(received).not.toContain(SUBSCRIBER_TEXT)
      expect(fake.seen[0].headers['x-glossa-token']).toBeUndefined()
    } finally {
      await fake.close()
    }

    // Glossa stopped: the popup says so plainly. Started again on the same port: the pairing still holds.
    await stopProcess(serving.child)
    await popup.goto(`${popupUrl}?tab=${tabId}`)
    await expect(popup.locator('#message')).toHaveText(/Glossa is not running/)
    serving = await serveWithConnector(archiveDir, port)
    await popup.reload()
    await expect(popup.locator('#save-form')).toBeVisible()

    // Revoked in the app: the extension is refused and asks to pair again.
    await openConnectorDialog(app, serving)
    await expect(app.getByText(/Chromium · paired .* · last saved/)).toBeVisible()
    await screenshots(app, 'connector-paired')
    await app.getByRole('button', { name: 'Revoke' }).click()
    await expect(app.getByText('No browser is paired.')).toBeVisible()
    await popup.reload()
    await expect(popup.locator('#pair-form')).toBeVisible()
    await expect(popup.locator('#message')).toHaveText(/does not know this browser/)
  } finally {
    await context.close()
    pages.server.close()
    await stopProcess(serving.child)
    await rm(archiveDir, { recursive: true, force: true })
  }
})
