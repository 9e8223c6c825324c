// Runs the real Electron app where its binary is installed; elsewhere it is skipped and says why.
import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freshNonce, helloProven, keyId, signRequest, startPairing } from '../extension/glossa-protocol.js'
import { electronBinary } from '../scripts/electron-binary.mjs'
import { selectText } from './reader-helpers'

const binary = electronBinary()
const reason = 'the Electron binary is not installed here (it downloads from outside the package registries)'
if (!binary) console.log(`[electron.spec] skipped: ${reason}`)

/** The built app on a fresh archive folder of its own. */
async function launch(extraArgs: string[] = []) {
  const archive = await mkdtemp(join(tmpdir(), 'glossa-electron-'))
  const app = await electron.launch({
    executablePath: binary!,
    args: [resolve('out/main/index.js'), '--archive', archive, ...extraArgs],
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

/** A request to the browser connector as the extension sends it (node:http: fetch will not set Origin). */
function asExtension(
  port: number,
  path: string,
  body: object | string,
  headers: Record<string, string> = {},
): Promise<{ ok: boolean; value?: unknown }> {
  const all = {
    origin: `chrome-extension://${'a'.repeat(32)}`,
    host: `127.0.0.1:${port}`,
    'content-type': 'application/json',
    ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
  }
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: all }, (res) => {
      let text = ''
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => done(JSON.parse(text)))
    })
    req.on('error', fail)
    req.end(typeof body === 'string' ? body : JSON.stringify(body))
  })
}

/** Pairs with `code` as the extension does (CPace, extension/glossa-protocol.js): the key both ends agreed. */
async function pairAsExtension(port: number, code: string): Promise<string> {
  const pairing = await startPairing({ code, host: `127.0.0.1:${port}` })
  const opened = await asExtension(port, '/v1/pair', pairing.body)
  const confirming = await pairing.confirm(opened.value)
  if (!confirming) throw new Error('the app did not answer the pairing opening')
  const key = await confirming.finish((await asExtension(port, '/v1/pair/confirm', confirming.body)).value)
  if (!key) throw new Error('the app did not prove it knows the pairing code')
  return key
}

/** A call as the extension makes it: a hello the app must prove, then the request signed with the key. */
async function callAsExtension(port: number, key: string, path: string, body: object) {
  const host = `127.0.0.1:${port}`
  const nonce = freshNonce()
  const hello = await asExtension(port, '/v1/hello', { nonce }, { 'x-glossa-key': await keyId(key) })
  if (!(await helloProven(key, host, nonce, hello.value)))
    throw new Error('the app did not prove it holds the key')
  const text = JSON.stringify(body)
  const session = (hello.value as { nonce: string }).nonce
  return asExtension(port, path, text, await signRequest({ key, host, path, session, body: text }))
}

// Written for #16 where Electron cannot run (no binary here): never run on our machines; see README.
test('with a browser paired, closing the window keeps Glossa running; Open in Glossa brings a window back', async () => {
  test.skip(!binary, reason)
  const { archive, app } = await launch(['--connector-port', '0'])
  let quit = false
  void app.waitForEvent('close', { timeout: 0 }).then(
    () => (quit = true),
    () => {},
  )
  try {
    const window = await app.firstWindow()
    await expect(window).toHaveTitle('Glossa')
    type Api = {
      api: {
        'connector.status': (a: object) => Promise<{ port?: number }>
        'connector.pair.start': (a: object) => Promise<{ code: string }>
        'articles.list': (a: object) => Promise<{ id: string }[]>
      }
    }
    // The connector starts beside the window: its port once it listens.
    let port = 0
    await expect
      .poll(async () => {
        const status = await window.evaluate(() => (globalThis as unknown as Api).api['connector.status']({}))
        return (port = status.port ?? 0)
      })
      .toBeGreaterThan(0)
    const { code } = await window.evaluate(() =>
      (globalThis as unknown as Api).api['connector.pair.start']({}),
    )
    const key = await pairAsExtension(port, code)
    const [{ id }] = await window.evaluate(() => (globalThis as unknown as Api).api['articles.list']({}))

    // The last window closes: the app runs on in the tray, the extension still reaches it.
    await window.evaluate(() => window.close())
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0)
    expect(await callAsExtension(port, key, '/v1/info', {})).toMatchObject({ ok: true })

    // "Saved to Glossa → Open in Glossa" with no window: a new one comes up.
    const reopened = app.waitForEvent('window')
    expect(await callAsExtension(port, key, '/v1/open', { id })).toMatchObject({ value: { opened: true } })
    await expect(await reopened).toHaveTitle('Glossa')
    expect(quit).toBe(false)
  } finally {
    await app.close().catch(() => {})
    await rm(archive, { recursive: true, force: true })
  }
})
