// e2e (#16): the same built extension in Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core
// (Playwright drives only its own patched Firefox, which we do not download). Firefox installs the extension,
// pairs with a code from Glossa, saves a local article page and a selection with tags, collection and note; the
// archive holds the article and the highlight; the same page again is already in Glossa; a web page calling the
// connector from its own origin gets nothing; with Glossa stopped the popup says it is not running, and without
// the 127.0.0.1 permission (Firefox lets the user take it back) it says that.
import { expect, test } from '@playwright/test'
import type { Page as PuppeteerPage } from 'puppeteer-core'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  FIREFOX_PATH,
  appClient,
  closedPort,
  firefoxWithExtension,
  SUBSCRIBER_TEXT,
  hostileScript,
  pageServer,
  serveWithConnector,
  stopProcess,
} from './connector-helpers'

type Ext = {
  browser: {
    tabs: { query: (q: object) => Promise<{ id: number; url?: string }[]> }
    action: { getTitle: (d: { tabId: number }) => Promise<string> }
    commands: { getAll: () => Promise<{ name: string; shortcut: string }[]> }
    permissions: { remove: (p: { origins: string[] }) => Promise<boolean> }
  }
}

/** Where the popup is now: its text in an element, '' while that element is hidden. */
const shown = (popup: PuppeteerPage, selector: string): Promise<string> =>
  popup.$eval(selector, (e) => ((e as HTMLElement).closest('[hidden]') ? '' : (e.textContent ?? '')))

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await probe().catch(() => false))) {
    if (Date.now() > end) throw new Error(`Firefox: waited ${timeoutMs / 1000} s for ${what}`)
    await new Promise((done) => setTimeout(done, 100))
  }
}

/** Points the popup at a tab (`?tab=<id>`, as the Chromium e2e does) and waits until it has drawn its form. */
async function reopenPopup(popup: PuppeteerPage, tabId: number | undefined): Promise<void> {
  await popup.evaluate((id) => {
    const url = new URL(location.href)
    url.search = id === undefined ? '' : `?tab=${id}`
    location.replace(url.href)
  }, tabId)
  await until('the popup to load again', async () =>
    popup.evaluate(
      (id) =>
        document.readyState === 'complete' && location.search === (id === undefined ? '' : `?tab=${id}`),
      tabId,
    ),
  )
}

// CI installs firefox-esr (.ci/run); a developer machine without it skips this test and says so.
const hasFirefox = existsSync(FIREFOX_PATH)
test.skip(!hasFirefox && !process.env.CI, `no Firefox at ${FIREFOX_PATH} (apt-get install firefox-esr)`)

test('Firefox: pair, save a page and a selection, already there, a hostile page gets nothing, not running', async () => {
  test.setTimeout(240_000)
  const archiveDir = await mkdtemp(join(tmpdir(), 'glossa-e2e-connector-ff-'))
  const serving = await serveWithConnector(archiveDir)
  const call = appClient(() => serving)
  const port = serving.connectorPort
  const pages = await pageServer(hostileScript(port, await closedPort()))
  const { browser, popup, close } = await firefoxWithExtension()
  try {
    const { id: harbour } = await call('collections.create', { name: 'Harbour' })
    const before = (await call('articles.list', {})).length

    // Pairing: the code the app shows (the Chromium e2e reads it from the dialog), typed into the popup.
    await until('the pairing form', async () => (await shown(popup, '#pair-form p')) !== '')
    const { code } = await call('connector.pair.start', {})
    await popup.type('#code', code)
    await popup.$eval('#port', (e) => ((e as HTMLInputElement).value = ''))
    await popup.type('#port', String(port))
    await popup.click('#pair-form button[type=submit]')
    await until('the save form after pairing', async () => (await shown(popup, '#save')) !== '')
    // The shortcut that opens the popup, as Firefox registered it from the manifest.
    expect(
      await popup.evaluate(() => (globalThis as unknown as Ext).browser.commands.getAll()),
    ).toContainEqual(expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+G' }))
    const tokens = await call('connector.tokens.list', {})
    expect(tokens).toMatchObject([
      { name: 'Firefox', origin: expect.stringMatching(/^moz-extension:\/\/[0-9a-f-]{36}$/) },
    ])

    // The article in a tab of its own, a passage selected on the live page.
    const article = await browser.newPage()
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
      // Firefox's match patterns take no port: the tab is found by its address.
      async (url) =>
        (await (globalThis as unknown as Ext).browser.tabs.query({})).find((t) => t.url === url)?.id,
      articleUrl,
    )
    if (tabId === undefined) throw new Error('Firefox has no tab for the article')
    await popup.bringToFront()
    await reopenPopup(popup, tabId)
    await until('the page title in the popup', async () =>
      (await shown(popup, '#page-title')).includes('Harbour dredging falls behind schedule'),
    )
    expect(await shown(popup, '#selection-text')).toBe('38 per cent of the planned 1.2 million cubic metres')
    await popup.type('#tags', 'port/dredging, budget')
    await popup.select('#collection', harbour)
    await popup.type('#note', 'Seen in **Firefox**')
    await mkdir('reports/screens', { recursive: true })
    await popup.screenshot({ path: 'reports/screens/connector-popup-firefox.png' })
    await popup.click('#save')
    // The first page a Glossa imports starts its parse process; on a loaded machine that takes a while.
    await until(
      'Saved to Glossa',
      async () =>
        (await shown(popup, '#saved-text')) === 'Saved to Glossa: “Harbour dredging falls behind schedule”',
      60_000,
    )
    expect(await shown(popup, '#highlight-text')).toBe('The selection is a highlight in it.')
    expect(
      await popup.evaluate(
        (id) => (globalThis as unknown as Ext).browser.action.getTitle({ tabId: id }),
        tabId,
      ),
    ).toBe('Saved to Glossa: Harbour dredging falls behind schedule')
    await popup.screenshot({ path: 'reports/screens/connector-popup-firefox-saved.png' })

    // In the archive: the article, its tags and collection, the highlight with its note.
    const articles = await call('articles.list', {})
    expect(articles).toHaveLength(before + 1)
    const saved = articles.find((a) => a.title === 'Harbour dredging falls behind schedule')
    expect(saved).toMatchObject({ tags: ['port/dredging', 'budget'], collections: [harbour] })
    if (!saved) throw new Error('the saved article is not in the library')
    const full = await call('articles.get', { id: saved.id })
    expect(full.text).toContain('Harbour master Tomas Eklund said')
    expect(full.text).toContain(SUBSCRIBER_TEXT)
    expect(full.html).not.toMatch(/<script|onclick|__tracking/)
    expect(await call('annotations.list', { articleId: saved.id })).toMatchObject([
      {
        kind: 'highlight',
        note: 'Seen in **Firefox**',
        target: { quote: { exact: '38 per cent of the planned 1.2 million cubic metres' } },
      },
    ])
    expect((await call('connector.tokens.list', {}))[0].lastUsedAt).toBeTruthy()

    // The same page again: already in Glossa, nothing stored twice.
    await reopenPopup(popup, tabId)
    await until('the save form', async () => (await shown(popup, '#save')) === 'Save to Glossa')
    await popup.click('#save')
    await until(
      'Already in Glossa',
      async () =>
        (await shown(popup, '#saved-text')) === 'Already in Glossa: “Harbour dredging falls behind schedule”',
      60_000,
    )
    expect(await call('articles.list', {})).toHaveLength(before + 1)

    // A web page in Firefox calls the connector from its own origin: blocked, and nothing changes.
    const hostile = await browser.newPage()
    await hostile.goto(`http://localhost:${pages.port}/hostile.html`)
    await until('the hostile page to finish', async () => (await hostile.title()) === 'done')
    const results = await hostile.evaluate(
      () => (window as unknown as { results: Record<string, string> }).results,
    )
    console.log('hostile page (Firefox):', results)
    console.log(
      'hostile page (Firefox), no-cors POST times in ms:',
      JSON.stringify(await hostile.evaluate(() => (window as unknown as { timing: object }).timing)),
    )
    // Each call fails as the one to a closed port does: the page cannot tell that anything listens.
    expect(Object.keys(results)).toHaveLength(7)
    for (const [name, outcome] of Object.entries(results)) expect(outcome, name).toBe('blocked')
    expect(await call('articles.list', {})).toHaveLength(before + 1)
    expect(await call('connector.tokens.list', {})).toHaveLength(1)

    // Glossa stopped: the popup says so plainly.
    await stopProcess(serving.child)
    await popup.bringToFront()
    await reopenPopup(popup, tabId)
    await until('Glossa is not running', async () =>
      (await shown(popup, '#message')).startsWith('Glossa is not running'),
    )

    // Firefox lets the user take back the 127.0.0.1 permission: the popup says that, not "not running".
    await popup.evaluate(() =>
      (globalThis as unknown as Ext).browser.permissions.remove({ origins: ['http://127.0.0.1/*'] }),
    )
    await reopenPopup(popup, tabId)
    await until('the missing permission', async () =>
      (await shown(popup, '#message')).startsWith('The extension may not reach Glossa on 127.0.0.1'),
    )
  } finally {
    await close()
    pages.server.close()
    await stopProcess(serving.child)
    await rm(archiveDir, { recursive: true, force: true })
  }
})
