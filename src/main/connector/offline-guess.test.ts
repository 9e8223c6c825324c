// Tests (Node, priority 1): what a pairing's transcript gives away about the code. The extension's own client
// (extension/glossa-client.js) pairs — with a program that holds Glossa's port and answers in its place, and
// with the real connector while something listens — and every request and answer is recorded. Then a dictionary
// attack runs offline over a small code space that holds the real code (961 codes: the last two characters
// free): each code is tested with every check the attacker can compute. With CPace the transcript explains no
// code but the one the impostor guessed online; the old ECDH exchange's proof (an HMAC keyed by the code) gave
// the code away to the first check.
import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { pairingRun } from '../../../extension/cpace.js'
import { pair } from '../../../extension/glossa-client.js'
import { EXT, start, stopRunning } from '../../../test/connector/server-harness'

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
/** The code the user types, and the small space the attacker searches: its last two characters free. */
const CODE = 'J4T6KWQ7'
const spaceAround = (code: string) =>
  [...ALPHABET].flatMap((a) => [...ALPHABET].map((b) => `${code.slice(0, 6)}${a}${b}`))

type Exchange = {
  path: string
  sent: Record<string, string>
  answer: { value?: Record<string, string> } | null
}

let impostor: Server | undefined
afterEach(async () => {
  vi.unstubAllGlobals()
  await stopRunning()
  await new Promise<void>((done) => (impostor ? impostor.close(() => done()) : done()))
  impostor = undefined
})

/**
 * The browser as far as pairing needs it, and a listener on the wire: every request's body and its answer, as
 * they cross. The extension's Origin is added, as the browser adds it.
 */
function browserWithListener(): Exchange[] {
  const wire: Exchange[] = []
  const realFetch = globalThis.fetch
  vi.stubGlobal('navigator', { userAgent: 'Chromium' })
  vi.stubGlobal('chrome', { permissions: { contains: async () => true } })
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const res = await realFetch(url, { ...init, headers: { ...(init.headers as object), Origin: EXT } })
    const text = await res.clone().text()
    wire.push({
      path: new URL(url).pathname,
      sent: JSON.parse(String(init.body)),
      answer: text ? JSON.parse(text) : null,
    })
    return res
  })
  return wire
}

/**
 * A program on the port in Glossa's place. It runs the app's side of CPace with the one code it guesses and a
 * scalar it keeps (`random`), answers the opening with its share, and the confirmation with its own — the best
 * it can send. To an older extension's opening it answers as well-formed junk.
 */
async function impostorGuessing(guess: string, random: Uint8Array): Promise<number> {
  let run: Awaited<ReturnType<typeof pairingRun>> | undefined
  let agreed: Awaited<ReturnType<NonNullable<typeof run>['finish']>>
  impostor = createServer((req, res) => {
    let text = ''
    req.on('data', (c) => (text += c))
    req.on('end', async () => {
      const body = JSON.parse(text) as Record<string, string>
      const host = req.headers.host ?? ''
      let value: Record<string, string> = { publicKey: 'A'.repeat(87), proof: '0'.repeat(64) }
      if (req.url === '/v1/pair' && body.share) {
        run = await pairingRun({
          code: guess,
          host,
          sid: Buffer.from(body.sid, 'base64url'),
          initiator: false,
          random,
        })
        agreed = await run.finish(Buffer.from(body.share, 'base64url'))
        value = { share: Buffer.from(run.share).toString('base64url') }
      }
      if (req.url === '/v1/pair/confirm')
        value = { id: 'abcdef012345', proof: agreed?.ourTag ?? '0'.repeat(128) }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ ok: true, value }))
    })
  })
  await new Promise<void>((done) => impostor?.listen(0, '127.0.0.1', done))
  return (impostor?.address() as AddressInfo).port
}

/**
 * The codes among `candidates` that the recorded pairing at `host` is consistent with, found offline with
 * everything the attacker knows: the transcript and, for an impostor, the scalar it used. Two checks per code:
 * the old exchange's proof (HMAC-SHA-256 keyed by the code, over the address and the extension's public key),
 * and the app's side of CPace run again for that code with that scalar, against the extension's confirmation.
 * (A code enters CPace only through the generator, and the scalar is the one the impostor used for its guess:
 * for any other code nothing the attacker holds makes the confirmation checkable.)
 */
async function codesExplaining(wire: Exchange[], host: string, candidates: string[], random?: Uint8Array) {
  const opening = wire.find((w) => w.path === '/v1/pair')?.sent ?? {}
  const confirmation = wire.find((w) => w.path === '/v1/pair/confirm')?.sent ?? {}
  const found: string[] = []
  for (const code of candidates) {
    const oldProof = createHmac('sha256', code).update(['glossa-pair', host, opening.publicKey].join('\n'))
    if (opening.proof !== undefined && oldProof.digest('hex') === opening.proof) found.push(code)
    if (!random || !opening.share || !confirmation.proof) continue
    const sid = Buffer.from(opening.sid, 'base64url')
    const run = await pairingRun({ code, host, sid, initiator: false, random })
    const agreed = await run.finish(Buffer.from(opening.share, 'base64url'))
    if (agreed && (await agreed.theirTagIs(confirmation.proof))) found.push(code)
  }
  return found
}

describe('a dictionary attack on a pairing’s transcript', () => {
  it('an impostor on the port that guessed wrong can test no code offline', async () => {
    const random = crypto.getRandomValues(new Uint8Array(32))
    const port = await impostorGuessing('J4T6KW22', random)
    const wire = browserWithListener()
    await expect(pair({ port }, 'J4T6-KWQ7')).rejects.toMatchObject({ kind: 'impostor' })
    // It got all the extension sends (an opening and, with CPace, the confirmation it could check a guess by).
    expect(wire.length).toBeGreaterThan(0)
    expect(await codesExplaining(wire, `127.0.0.1:${port}`, spaceAround(CODE), random)).toEqual([])
  }, 120_000)

  it('its one online guess: when right, the attack finds that code and no other (the attack is real)', async () => {
    const random = crypto.getRandomValues(new Uint8Array(32))
    const port = await impostorGuessing(CODE, random)
    const wire = browserWithListener()
    // It paired: guessing the code is what a PAKE cannot stop, once per try (and Glossa allows five per code).
    await pair({ port }, 'J4T6-KWQ7').catch(() => undefined)
    expect(await codesExplaining(wire, `127.0.0.1:${port}`, spaceAround(CODE), random)).toEqual([CODE])
  }, 120_000)

  it('a listener on a real pairing with Glossa can test no code offline', async () => {
    const { port, access } = await start()
    const code = access.startPairing().code.replace('-', '')
    const wire = browserWithListener()
    const { key } = await pair({ port }, code)
    expect(key).toMatch(/^[a-f0-9]{64}$/)
    // The listener has no scalar of the run; it tries its own, which is all it could do.
    const own = crypto.getRandomValues(new Uint8Array(32))
    expect(await codesExplaining(wire, `127.0.0.1:${port}`, spaceAround(code), own)).toEqual([])
  }, 120_000)
})
