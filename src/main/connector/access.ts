// Main process: who may use the browser connector. The app shows a short-lived pairing code; with it an extension
// agrees a key of its own with the app (CPace, signature.ts), bound to the extension's Origin. The key is kept in the
// user-data folder (beside the catalog trust key, never in the archive, so a copied archive carries no
// pairing), one file per archive, written atomically; tokens can be listed and revoked. An older Glossa kept them
// in the archive's `connector.json`: never read (a crafted archive could plant tokens), reported once (connector-file.ts).
import { randomInt } from 'node:crypto'
import { chmod, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { GlossaError } from '../../shared/errors'
import { writeAtomic } from '../archive/atomic'
import { newId } from '../archive/ids'
import { loadTokenFile, oldFileLeft, tokenFiles } from './connector-file'
import type { ConnectorPlace } from './connector-file'
import { answerPairing, keyIdOf } from './signature'
import type { PairingAnswer } from './signature'

export type { ConnectorPlace }

/** A user-data folder of this process's own in the temp folder, for a service given no connector (tests). */
export const processUserDir = (): string => join(tmpdir(), `glossa-user-${process.pid}`)

/** A pairing code lives this long, and allows this many wrong guesses before it is void. */
export const CODE_LIFETIME_MS = 5 * 60_000
export const CODE_ATTEMPTS = 5
/** No 0/O, 1/I/L: a code is read off the screen and typed. 8 of 31 characters: about 40 bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const MAX_TOKENS = 100

const tokenRecordSchema = z
  .object({
    id: z.string().regex(/^[a-f0-9]{12}$/),
    name: z.string().max(100),
    origin: z.string().max(200),
    /**
     * The HMAC key the extension signs with (hex). The app must hold it to check a signature and to prove itself,
     * so it is a secret, kept in a folder only this user reads. An older Glossa kept here the SHA-256 of the token
     * it handed out; an updated extension derives that same key from its token, so those pairings hold.
     */
    hash: z.string().regex(/^[a-f0-9]{64}$/),
    createdAt: z.string().max(40),
    lastUsedAt: z.string().max(40).optional(),
  })
  .strict()
export const tokenFileSchema = z.object({
  version: z.literal(1),
  tokens: z.array(tokenRecordSchema).max(MAX_TOKENS),
})

export type TokenRecord = z.infer<typeof tokenRecordSchema>
export type TokenInfo = Omit<TokenRecord, 'hash'>
export type PairingCode = { code: string; expiresAt: string }
/**
 * The code on screen, and the pairing runs opened with it that wait for the extension's confirmation (by session
 * id, at most CODE_ATTEMPTS: a flood of openings evicts the oldest). Opening a run tells nobody anything about
 * the code; each confirmation tests one guess, so each wrong one counts against the code.
 */
type PendingCode = {
  code: string
  expires: number
  attempts: number
  runs: Map<string, PairingAnswer & { origin: string }>
}
export type ConnectorStatus = { listening: boolean; port?: number; problem?: string }

export class ConnectorAccess {
  private tokens: TokenRecord[] | undefined
  private pending: PendingCode | undefined
  /** Set by the connector's HTTP server once it listens (or fails to): the app shows it. */
  status: ConnectorStatus = { listening: false }
  /** Said this start, in the connector's dialog: an older Glossa's pairing file was ignored (oldPairingIgnored). */
  notice: string | undefined

  private loading: Promise<TokenRecord[]> | undefined

  /** `place`: the archive, and the user-data folder where its paired browsers are kept. */
  constructor(
    private readonly place: ConnectorPlace,
    private readonly now: () => number = Date.now,
  ) {}

  /** Where the token hashes of this archive's paired browsers are kept. */
  get file(): string {
    return tokenFiles(this.place).file
  }

  /** The paired extensions. A damaged file is refused by name, never written over. */
  private async load(): Promise<TokenRecord[]> {
    if (this.tokens) return this.tokens
    this.loading ??= loadTokenFile(this.place, (data) => {
      const checked = tokenFileSchema.safeParse(data)
      return checked.success ? checked.data.tokens : undefined
    })
    try {
      return (this.tokens = await this.loading)
    } finally {
      this.loading = undefined
    }
  }

  private writes: Promise<unknown> = Promise.resolve()

  /**
   * Changes the list one change at a time, each on the list as the one before left it: a save's "last used"
   * written while a revoke runs cannot bring the revoked token back.
   */
  private change<R>(work: (tokens: TokenRecord[]) => { tokens: TokenRecord[]; result: R }): Promise<R> {
    const run = this.writes.then(async () => {
      const { tokens, result } = work(await this.load())
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 })
      // The keys are secrets (the app signs with them too): the folder is this user's alone, made so or not.
      await chmod(dirname(this.file), 0o700)
      await writeAtomic(this.file, `${JSON.stringify({ version: 1, tokens }, null, 2)}\n`)
      this.tokens = tokens
      return result
    })
    this.writes = run.catch(() => {})
    return run
  }

  /**
   * The sentence to show when an older Glossa's `connector.json` is in the archive and this computer has no
   * pairing for it yet, else undefined. Said once: the (unchanged) token list is then written to this computer's
   * file, so the next start finds one. The old file stays as it is, never read.
   */
  async oldPairingIgnored(): Promise<string | undefined> {
    if (!(await oldFileLeft(this.place))) return undefined
    await this.change((tokens) => ({ tokens, result: undefined }))
    return (this.notice =
      'An older pairing file (connector.json in the archive folder) was ignored: Glossa no longer reads paired browsers from an archive. Pair the extension again (Browser connector…, Pair a browser).')
  }

  /** A new code replaces any earlier one. */
  startPairing(): PairingCode {
    let code = ''
    for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
    const expires = this.now() + CODE_LIFETIME_MS
    this.pending = { code, expires, attempts: 0, runs: new Map() }
    return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt: new Date(expires).toISOString() }
  }

  /** The open code, or a refusal that says how to get one (none shown, expired, or used up). */
  private openCode(): PendingCode {
    const pending = this.pending
    if (pending && pending.expires >= this.now()) return pending
    this.pending = undefined
    throw new GlossaError(
      'unauthorized',
      'No pairing code is open. In Glossa, open Browser connector and press “Pair a browser”.',
    )
  }

  /**
   * Opens a pairing run with the extension's session id and share, from `origin`, at `host` (the address it
   * called): our share, which proves nothing either way until the extension confirms.
   */
  async openPairing(input: {
    sid: string
    share: string
    host: string
    origin: string
  }): Promise<{ share: string }> {
    const pending = this.openCode()
    const answer = await answerPairing({
      code: pending.code,
      host: input.host,
      sid: input.sid,
      share: input.share,
    })
    // The extension picks a fresh session id each time. One seen again is refused, not replaced: a program that
    // read an opening off the wire could otherwise swap in its own share and make the user's right code fail.
    if (pending.runs.has(input.sid))
      throw new GlossaError('invalid_argument', 'This pairing session is already open. Press Pair again.')
    if (pending.runs.size >= CODE_ATTEMPTS) pending.runs.delete(pending.runs.keys().next().value as string)
    pending.runs.set(input.sid, { ...answer, origin: input.origin })
    return { share: answer.share }
  }

  /**
   * Keeps the key of the run the extension confirms, bound to its `origin`, when its confirmation shows it used
   * the pending code; our answer's proof shows it that we did too. A wrong confirmation counts against the
   * code's attempts (the run is spent); once they are used up, or the code expired, only a new code can pair.
   */
  async confirmPairing(input: {
    sid: string
    proof: string
    origin: string
    name: string
  }): Promise<{ id: string; proof: string }> {
    const pending = this.openCode()
    const run = pending.runs.get(input.sid)
    if (!run || run.origin !== input.origin)
      throw new GlossaError(
        'unauthorized',
        'This pairing was not started with the code Glossa shows now. Press Pair in the extension again.',
      )
    pending.runs.delete(input.sid)
    if (!(await run.confirmedBy(input.proof))) {
      pending.attempts += 1
      if (pending.attempts >= CODE_ATTEMPTS && this.pending === pending) this.pending = undefined
      throw new GlossaError('unauthorized', 'That pairing code is wrong. Check it in Glossa and try again.')
    }
    // The code is spent (unless a newer one replaced it while the confirmation was checked).
    if (this.pending === pending) this.pending = undefined
    const record: TokenRecord = {
      id: newId(),
      name: input.name.slice(0, 100) || 'Browser extension',
      origin: input.origin,
      hash: run.key,
      createdAt: new Date(this.now()).toISOString(),
    }
    return this.change((tokens) => {
      if (tokens.length >= MAX_TOKENS)
        throw new GlossaError(
          'conflict',
          `Glossa already has ${MAX_TOKENS} paired browsers; revoke one first.`,
        )
      return { tokens: [...tokens, record], result: { id: record.id, proof: run.proof } }
    })
  }

  /**
   * The paired extension whose key has this id (signature.ts keyIdOf), if the request comes from the Origin
   * that paired it; else undefined. Reads the file once, then answers from memory.
   */
  async find(keyId: string, origin: string): Promise<TokenRecord | undefined> {
    let tokens: TokenRecord[]
    try {
      tokens = await this.load()
    } catch {
      return undefined
    }
    return tokens.find((t) => keyIdOf(t.hash) === keyId && t.origin === origin)
  }

  /** Records when a token last saved something (shown in the app's list). */
  touch(id: string): Promise<void> {
    const at = new Date(this.now()).toISOString()
    return this.change((tokens) => ({
      tokens: tokens.map((t) => (t.id === id ? { ...t, lastUsedAt: at } : t)),
      result: undefined,
    }))
  }

  async list(): Promise<TokenInfo[]> {
    return (await this.load()).map(({ hash: _hash, ...info }) => info)
  }

  revoke(id: string): Promise<void> {
    return this.change((tokens) => {
      if (!tokens.some((t) => t.id === id))
        throw new GlossaError(
          'not_found',
          `No paired browser with id ${id}; it may have been revoked already.`,
        )
      return { tokens: tokens.filter((t) => t.id !== id), result: undefined }
    })
  }
}
