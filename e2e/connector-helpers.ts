// e2e (#16): what the connector specs share — `glossa serve` with its browser connector on a free port, a web
// server for the pages the test visits, and Debian's Chromium with the built extension loaded.
import { chromium } from '@playwright/test'
import type { BrowserContext } from '@playwright/test'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { realpathSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
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

/** The article at /article.html; `hostile` is a page (its own script, /hostile.js) that attacks the connector. */
export async function pageServer(hostileScript: string): Promise<{ server: Server; port: number }> {
  const article = await readFile(ARTICLE)
  const hostile =
    '<!doctype html><title>Free recipes</title><h1>Recipes</h1><script src="/hostile.js"></script>'
  const server = createServer((req, res) => {
    const type = (t: string) => ({ 'Content-Type': `${t}; charset=utf-8` })
    if (req.url === '/article.html') return void res.writeHead(200, type('text/html')).end(article)
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
