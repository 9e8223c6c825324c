// Main process: who may use the browser connector. The app shows a short-lived pairing code; with it an extension
// agrees a key of its own with the app (signature.ts), bound to the extension's Origin. The key is kept in the
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
import { answerPairing, keyIdOf, pairingProven } from './signature'

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
export type ConnectorStatus = { listening: boolean; port?: number; problem?: string }

export class ConnectorAccess {
  private tokens: TokenRecord[] | undefined
  private pending: { code: string; expires: number; attempts: number } | undefined
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
    this.pending = { code, expires, attempts: 0 }
    return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt: new Date(expires).toISOString() }
  }

  /**
   * Agrees a new key with the extension that proved it knows the pending code, bound to `origin`; the answer
   * proves to it that we know the code too. A wrong proof counts against the code's attempts; once they are used
   * up, or the code expired, only a new code from the app can pair. `host`: the address the extension called.
   */
  async pair(input: {
    publicKey: string
    proof: string
    host: string
    origin: string
    name: string
  }): Promise<{ id: string; publicKey: string; proof: string }> {
    const pending = this.pending
    if (!pending || pending.expires < this.now()) {
      this.pending = undefined
      throw new GlossaError(
        'unauthorized',
        'No pairing code is open. In Glossa, open Browser connector and press “Pair a browser”.',
      )
    }
    if (!pairingProven(pending.code, input.host, input.publicKey, input.proof)) {
      pending.attempts += 1
      if (pending.attempts >= CODE_ATTEMPTS) this.pending = undefined
      throw new GlossaError('unauthorized', 'That pairing code is wrong. Check it in Glossa and try again.')
    }
    this.pending = undefined
    const { key, answer } = answerPairing({
      code: pending.code,
      host: input.host,
      publicKey: input.publicKey,
    })
    const record: TokenRecord = {
      id: newId(),
      name: input.name.slice(0, 100) || 'Browser extension',
      origin: input.origin,
      hash: key,
      createdAt: new Date(this.now()).toISOString(),
    }
    return this.change((tokens) => {
      if (tokens.length >= MAX_TOKENS)
        throw new GlossaError(
          'conflict',
          `Glossa already has ${MAX_TOKENS} paired browsers; revoke one first.`,
        )
      return { tokens: [...tokens, record], result: { id: record.id, ...answer } }
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
