// e2e (#16): what the connector specs share — `glossa serve` with its browser connector on a free port, a web
// server for the pages the test visits, and Debian's Chromium or Firefox ESR with the built extension loaded.
import { chromium } from '@playwright/test'
import type { BrowserContext } from '@playwright/test'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { realpathSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import puppeteer from 'puppeteer-core'
import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core'
import { chromiumLaunch } from '../playwright.config'
import { typedCall } from '../test/typed-call'
import type { Call } from '../test/typed-call'

export const EXTENSION_DIR = realpathSync(resolve('out/extension'))
export const ARTICLE = resolve('test/fixtures/connector/harbour-article.html')

/** Chromium's id for an unpacked extension: the SHA-256 of its path, first 32 hex digits written as a–p. */
export const extensionId = (dir: string): string =>
  [...createHash('sha256').update(dir).digest('hex').slice(0, 32)]
    .map((c) => String.fromCharCode(97 + parseInt(c, 16)))
    .join('')

export type Serving = { child: ChildProcess; appUrl: string; token: string; connectorPort: number }

export async function serveWithConnector(archiveDir: string, connectorPort = 0): Promise<Serving> {
  const child = spawn(
    process.execPath,
    [
      resolve('out/cli/index.js'),
      'serve',
      '--archive',
      archiveDir,
      '--connector-port',
      String(connectorPort),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`glossa serve did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const app = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=(\S+))/.exec(output)
      const connector = /Browser connector on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)
      if (app && connector) {
        clearTimeout(timer)
        done({ child, appUrl: app[1], token: app[2], connectorPort: Number(connector[1]) })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => fail(new Error(`glossa serve exited with ${code}:\n${output}`)))
  })
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  await new Promise<void>((done) => {
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

/** The service over HTTP with the browser-mode token, typed from the contract (test/typed-call.ts). */
export const appClient = (serving: () => Serving): Call =>
  typedCall((method, args) => callApp(serving(), method, args ?? {}))

async function callApp(serving: Serving, method: string, args: unknown): Promise<unknown> {
  const res = await fetch(`${new URL(serving.appUrl).origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${serving.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  })
  const reply = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
  if (!reply.ok) throw new Error(`${method}: ${reply.error?.message}`)
  return reply.value
}

/**
 * The hostile page's script: every way a web page could call the connector, and a call to a closed port, each
 * outcome recorded in `results`; then 40 rounds of a \`no-cors\` POST to each, their median and spread in ms in
 * `timing` (logged by the specs, never asserted).
 */
export const hostileScript = (port: number, closedPort: number) => `
const base = 'http://127.0.0.1:${port}'
const closed = 'http://127.0.0.1:${closedPort}'
const page = JSON.stringify({ html: '<article><h1>Planted</h1><p>' + 'Planted text. '.repeat(40) + '</p></article>' })
async function attempt(name, run) {
  try {
    const res = await run()
    window.results[name] = res.type === 'opaque' ? 'opaque' : 'read ' + res.status + ' ' + (await res.text())
  } catch (err) {
    window.results[name] = 'blocked'
  }
}
window.results = {}
;(async () => {
  await attempt('save (cors, json)', () => fetch(base + '/v1/save', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: page }))
  await attempt('save (no-cors, text/plain)', () => fetch(base + '/v1/save', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: page }))
  await attempt('pair (no-cors)', () => fetch(base + '/v1/pair', { method: 'POST', mode: 'no-cors', body: JSON.stringify({ code: 'AAAA-AAAA' }) }))
  await attempt('hello (cors)', () => fetch(base + '/v1/hello', { method: 'POST', headers: { 'X-Glossa-Token': 'glc_guess' }, body: '{}' }))
  await attempt('hello (GET)', () => fetch(base + '/v1/hello'))
  await attempt('app API', () => fetch(base + '/api/articles.list', { method: 'POST', body: '{}' }))
  await attempt('a closed port (no-cors)', () => fetch(closed + '/v1/save', { method: 'POST', mode: 'no-cors', body: page }))
  const times = { connector: [], 'closed port': [] }
  for (let round = 0; round < 40; round++)
    for (const [name, url] of [['connector', base], ['closed port', closed]]) {
      const start = performance.now()
      await fetch(url + '/v1/save', { method: 'POST', mode: 'no-cors', body: page }).catch(() => {})
      times[name].push(performance.now() - start)
    }
  const stats = (list) => {
    const sorted = [...list].sort((a, b) => a - b)
    return { median: sorted[20].toFixed(2), p10: sorted[4].toFixed(2), p90: sorted[36].toFixed(2) }
  }
  window.timing = { connector: stats(times.connector), 'closed port': stats(times['closed port']) }
  document.title = 'done'
})()
`

/** The paragraph only a signed-in reader's browser gets: the article page's own script fetches it with the
 * session cookie the page set, as a paywalled site does, so only a save of the live page can hold it. */
export const SUBSCRIBER_TEXT =
  'Subscribers read on: the tender papers name a third dredging firm, Nordvik Marine, as the likeliest replacement.'

/**
 * The article at /article.html (with a session cookie, and a script that adds the subscriber paragraph once it
 * is on the page: wait for `#subscriber-part`); `hostile` is a page (its own script, /hostile.js) that attacks
 * the connector.
 */
/** A port on 127.0.0.1 that nothing listens on (taken, then let go). */
export function closedPort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => done(port))
    })
  })
}

export async function pageServer(hostileScript: string): Promise<{ server: Server; port: number }> {
  const article = (await readFile(ARTICLE, 'utf8')).replace(
    '</body>',
    '<script src="/subscriber.js"></script>\n</body>',
  )
  const subscriberScript = `fetch('/subscriber-part', { credentials: 'same-origin' })
  .then((res) => (res.ok ? res.text() : Promise.reject(new Error(String(res.status)))))
  .then((text) => {
    const p = document.createElement('p')
    p.id = 'subscriber-part'
    p.textContent = text
    document.querySelector('article').append(p)
  })`
  const hostile =
    '<!doctype html><title>Free recipes</title><h1>Recipes</h1><script src="/hostile.js"></script>'
  const server = createServer((req, res) => {
    const type = (t: string) => ({ 'Content-Type': `${t}; charset=utf-8` })
    if (req.url === '/article.html')
      return void res
        .writeHead(200, {
          ...type('text/html'),
          'Set-Cookie': 'session=reader-7; Path=/; HttpOnly; SameSite=Lax',
        })
        .end(article)
    if (req.url === '/subscriber.js')
      return void res.writeHead(200, type('text/javascript')).end(subscriberScript)
    if (req.url === '/subscriber-part') {
      const signedIn = /(^|;\s*)session=reader-7(;|$)/.test(req.headers.cookie ?? '')
      return void res.writeHead(signedIn ? 200 : 403, type('text/plain')).end(signedIn ? SUBSCRIBER_TEXT : '')
    }
    if (req.url === '/hostile.html') return void res.writeHead(200, type('text/html')).end(hostile)
    if (req.url === '/hostile.js') return void res.writeHead(200, type('text/javascript')).end(hostileScript)
    res.writeHead(404).end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, port: (server.address() as AddressInfo).port }
}

/** Debian's Chromium, headless, with only the built extension loaded, in a fresh profile. */
export async function chromiumWithExtension(): Promise<BrowserContext> {
  const profile = await mkdtemp(join(tmpdir(), 'glossa-ext-profile-'))
  return chromium.launchPersistentContext(profile, {
    ...chromiumLaunch,
    args: [
      ...chromiumLaunch.args,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
    viewport: { width: 1440, height: 900 },
  })
}

/** Debian's Firefox ESR (WebDriver BiDi through puppeteer-core; Playwright cannot drive a stock Firefox). */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'
/** The moz-extension:// UUID Firefox gives the extension in the test profile (it is random otherwise). */
export const FIREFOX_EXTENSION_UUID = '6a1b7c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d'

/**
 * Firefox, headless, with the built extension installed through WebDriver BiDi (webExtension.install), and the
 * extension's popup page open in a tab. BiDi may not navigate to a moz-extension:// page, so the extension is
 * installed from a copy with one file added — a background script that opens popup.html in a tab, as the
 * Chromium test opens it — and nothing else changed. Returns the browser, that tab, and `close` (the browser and
 * the copy).
 */
export async function firefoxWithExtension(): Promise<{
  browser: PuppeteerBrowser
  popup: PuppeteerPage
  close: () => Promise<void>
}> {
  const copy = await mkdtemp(join(tmpdir(), 'glossa-ext-firefox-'))
  await cp(EXTENSION_DIR, copy, { recursive: true })
  const manifest = JSON.parse(await readFile(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>
  manifest.background = { scripts: ['test-open-popup.js'] }
  await writeFile(join(copy, 'manifest.json'), JSON.stringify(manifest))
  await writeFile(join(copy, 'test-open-popup.js'), "browser.tabs.create({ url: 'popup.html' })\n")
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: !process.env.GLOSSA_HEADED,
    timeout: 90_000, // Firefox's first start on a loaded machine
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ 'connector@glossa.app': FIREFOX_EXTENSION_UUID }),
    },
  })
  const close = async () => {
    await browser.close()
    await rm(copy, { recursive: true, force: true })
  }
  try {
    await browser.installExtension(copy)
    // BiDi reports the tab's first address (about:blank): the page itself says where it is.
    for (let tries = 0; tries < 200; tries++) {
      for (const page of await browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '')
        if (href.startsWith(`moz-extension://${FIREFOX_EXTENSION_UUID}/popup.html`))
          return { browser, popup: page, close }
      }
      await new Promise((done) => setTimeout(done, 100))
    }
    throw new Error('The extension did not open its popup page in Firefox.')
  } catch (err) {
    await close()
    throw err
  }
}

export type Seen = { url: string; headers: Record<string, string | string[] | undefined>; body: string }

/**
 * Something other than Glossa on the connector's port (priority 1): a real HTTP server on 127.0.0.1 that records
 * every request and answers each as Glossa's hello looks, with a proof it cannot make.
 */
export async function fakeListener(port: number): Promise<{ seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body })
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ ok: true, value: { nonce: 'b'.repeat(32), proof: 'c'.repeat(64) } }))
    })
  })
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done))
  return {
    seen,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}
