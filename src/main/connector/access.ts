// Main process: who may use the browser connector. The app shows a short-lived pairing code; an extension
// trades it once for a token of its own, bound to the extension's Origin. Only a SHA-256 of each token is kept,
// in `connector.json` in the archive folder (written atomically); tokens can be listed and revoked.
import { createHash, randomBytes, randomInt } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { GlossaError } from '../../shared/errors'
import { writeAtomic } from '../archive/atomic'
import { newId } from '../archive/ids'
import { readRegular } from '../archive/regular-file'

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
    hash: z.string().regex(/^[a-f0-9]{64}$/),
    createdAt: z.string().max(40),
    lastUsedAt: z.string().max(40).optional(),
  })
  .strict()
const fileSchema = z.object({ version: z.literal(1), tokens: z.array(tokenRecordSchema).max(MAX_TOKENS) })

export type TokenRecord = z.infer<typeof tokenRecordSchema>
export type TokenInfo = Omit<TokenRecord, 'hash'>
export type PairingCode = { code: string; expiresAt: string }
export type ConnectorStatus = { listening: boolean; port?: number; problem?: string }

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex')
/** What the user typed, in the form codes are made: case, spaces and dashes do not matter. */
const normalizeCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '')

export class ConnectorAccess {
  private tokens: TokenRecord[] | undefined
  private pending: { code: string; expires: number; attempts: number } | undefined
  /** Set by the connector's HTTP server once it listens (or fails to): the app shows it. */
  status: ConnectorStatus = { listening: false }

  constructor(
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  get file(): string {
    return join(this.dir, 'connector.json')
  }

  /** The paired extensions. A damaged file is refused by name, never written over. */
  private async load(): Promise<TokenRecord[]> {
    if (this.tokens) return this.tokens
    let text: string
    try {
      // Never a pipe (read forever) nor a link (to /dev/zero: read until memory ran out).
      text = await readRegular(this.file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return (this.tokens = [])
      throw new GlossaError(
        'corrupt_file',
        `${this.file} is not a file Glossa can read (${err instanceof Error ? err.message : String(err)}), so no browser extension can connect; delete it and pair again.`,
      )
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
    const checked = fileSchema.safeParse(parsed)
    if (!checked.success)
      throw new GlossaError(
        'corrupt_file',
        `${this.file} is damaged, so no browser extension can connect; delete it and pair again.`,
      )
    return (this.tokens = checked.data.tokens)
  }

  private writes: Promise<unknown> = Promise.resolve()

  /**
   * Changes the list one change at a time, each on the list as the one before left it: a save's "last used"
   * written while a revoke runs cannot bring the revoked token back.
   */
  private change<R>(work: (tokens: TokenRecord[]) => { tokens: TokenRecord[]; result: R }): Promise<R> {
    const run = this.writes.then(async () => {
      const { tokens, result } = work(await this.load())
      await writeAtomic(this.file, `${JSON.stringify({ version: 1, tokens }, null, 2)}\n`)
      this.tokens = tokens
      return result
    })
    this.writes = run.catch(() => {})
    return run
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
   * Trades the pending code for a new token bound to `origin`. A wrong code counts against the code's
   * attempts; once they are used up, or the code expired, only a new code from the app can pair.
   */
  async pair(input: { code: string; origin: string; name: string }): Promise<{ id: string; token: string }> {
    const pending = this.pending
    if (!pending || pending.expires < this.now()) {
      this.pending = undefined
      throw new GlossaError(
        'unauthorized',
        'No pairing code is open. In Glossa, open Browser connector and press “Pair a browser”.',
      )
    }
    if (normalizeCode(input.code) !== pending.code) {
      pending.attempts += 1
      if (pending.attempts >= CODE_ATTEMPTS) this.pending = undefined
      throw new GlossaError('unauthorized', 'That pairing code is wrong. Check it in Glossa and try again.')
    }
    this.pending = undefined
    const token = `glc_${randomBytes(32).toString('base64url')}`
    const record: TokenRecord = {
      id: newId(),
      name: input.name.slice(0, 100) || 'Browser extension',
      origin: input.origin,
      hash: hashOf(token),
      createdAt: new Date(this.now()).toISOString(),
    }
    return this.change((tokens) => {
      if (tokens.length >= MAX_TOKENS)
        throw new GlossaError(
          'conflict',
          `Glossa already has ${MAX_TOKENS} paired browsers; revoke one first.`,
        )
      return { tokens: [...tokens, record], result: { id: record.id, token } }
    })
  }

  /**
   * The paired extension a request comes from, or undefined. The token must be known and the request must
   * come from the Origin that paired it. Reads the file once, then answers from memory.
   */
  async check(token: string, origin: string): Promise<TokenRecord | undefined> {
    let tokens: TokenRecord[]
    try {
      tokens = await this.load()
    } catch {
      return undefined
    }
    const hash = hashOf(token)
    return tokens.find((t) => t.hash === hash && t.origin === origin)
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
