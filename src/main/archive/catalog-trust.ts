// Main process: catalog buckets checked once and then trusted by their content, so opening 100,000 articles
// does not check every entry against the schema again (that check was 76% of opening the archive).
//
// catalog/.trusted.json holds, for each bucket, an HMAC-SHA256 of the bucket file's exact text, made with a key
// kept OUTSIDE the archive (the app's own folder): a shared archive can carry a .trusted.json of its own, but
// without this machine's key it cannot make one that matches, so its buckets are checked like any others. A
// bucket is trusted only when its text is byte for byte one that was checked here with nothing refused and
// nothing changed by the check (no unknown fields dropped), or one Glossa wrote itself from entries that pass
// the same check. Any edit of the file changes its text, so the entry no longer matches and the bucket is
// checked again. The MAC also covers the catalog's schema (as JSON Schema) and version: a Glossa whose schema
// changed checks everything once. The snapshot is written atomically and a little after the writes it speaks of;
// a crash can leave it behind or ahead of a bucket, and an entry that does not match the file only costs a check.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { z } from 'zod'
import { articleMetaSchema } from '../../shared/schemas'
import type { ArticleMeta } from '../../shared/types'
import { writeAtomic } from './atomic'
import { CURRENT_VERSION } from './migrations'
import { checkMeta } from './records'
import { readRegular } from './regular-file'
import { KEY_BYTES, macWithKey } from './trust-mac'

export { macWithKey, readTrustKey } from './trust-mac'

export const TRUST_FILE = '.trusted.json'
/** Bumped when what a trusted bucket promises changes (the checks in records.ts beyond the schema). */
const TRUST_FORMAT = 1
/** A bucket's entry is about 80 bytes: 4,096 buckets (100,000 articles, catalog-layout.ts) are 330 KB, and 16 MB
 * holds 200,000 buckets (some 5 million articles); anything larger is not ours. */
const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024
const SAVE_DELAY_MS = 2_000

let schemaPrint: string | undefined
/** What the MAC binds besides the text: the trust format, the catalog's version and its schema. */
function context(): string {
  schemaPrint ??= createHash('sha256')
    .update(JSON.stringify(z.toJSONSchema(articleMetaSchema)))
    .digest('hex')
  return `glossa-catalog-trust ${TRUST_FORMAT} ${CURRENT_VERSION.catalog} ${schemaPrint}\n`
}

/**
 * This machine's key, made on first use (32 random bytes, readable by the user only). Two processes making it at
 * once agree: each writes a temp file whole and links it into place, and the one that loses reads the winner's.
 */
export async function trustKey(file: string): Promise<Buffer> {
  try {
    const key = await readFile(file)
    if (key.length === KEY_BYTES) return key
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 })
  const key = randomBytes(KEY_BYTES)
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(temp, key, { mode: 0o600, flag: 'wx' })
    try {
      await link(temp, file)
      return key
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    const theirs = await readFile(file)
    if (theirs.length === KEY_BYTES) return theirs
    // A damaged key (cut short): replaced. Every bucket it vouched for is checked once more, nothing worse.
    await writeAtomic(file, key)
    return key
  } finally {
    await rm(temp, { force: true })
  }
}

/** The snapshot's MACs, or none when it is missing, a link, too large or not of our shape. */
async function readSnapshot(file: string): Promise<Map<string, string>> {
  const macs = new Map<string, string>()
  try {
    // Checked at the handle it is read from (regular-file.ts), never by its name first.
    const data = JSON.parse(await readRegular(file, MAX_SNAPSHOT_BYTES)) as unknown
    const buckets = (data as { buckets?: unknown } | null)?.buckets
    if (typeof buckets !== 'object' || buckets === null) return macs
    for (const [bucket, mac] of Object.entries(buckets))
      if (typeof mac === 'string' && /^[0-9a-f]{64}$/.test(mac)) macs.set(bucket, mac)
  } catch {
    // Missing or damaged: nothing is trusted, every bucket is checked, and a new snapshot is written.
  }
  return macs
}

/** Whether `meta`, written to a bucket as JSON and read back, passes the catalog's check unchanged. */
export function passesUnchanged(meta: ArticleMeta, bucket: string): boolean {
  const read = JSON.parse(JSON.stringify(meta)) as unknown
  const checked = checkMeta(read, meta.id, bucket)
  return checked.ok && isDeepStrictEqual(checked.value, read)
}

/** Whether the check of `raw` kept it as it was (zod drops unknown fields; a trusted entry must not have any). */
export function keptAsRead(raw: unknown, checked: ArticleMeta): boolean {
  return isDeepStrictEqual(checked, raw)
}

export class CatalogTrust {
  private timer: ReturnType<typeof setTimeout> | undefined
  private saving: Promise<void> = Promise.resolve()
  /** What opening found: buckets taken on trust, and buckets checked entry by entry. */
  readonly opened = { trusted: 0, checked: 0 }

  private constructor(
    private readonly key: Buffer,
    private readonly file: string,
    private readonly macs: Map<string, string>,
  ) {}

  /** The archive's snapshot read with this machine's key (made in `keyFile` on first use). */
  static async open(root: string, keyFile: string): Promise<CatalogTrust> {
    const [key, macs] = await Promise.all([
      trustKey(keyFile),
      readSnapshot(join(root, 'catalog', TRUST_FILE)),
    ])
    return new CatalogTrust(key, join(root, 'catalog', TRUST_FILE), macs)
  }

  private mac(bucket: string, text: string): Buffer {
    return createHmac('sha256', this.key).update(context()).update(`${bucket}\n`).update(text).digest()
  }

  /** A MAC under this machine's key of something else derived from the catalog (library-head.ts's head). */
  macOf(purpose: string, text: string): Buffer {
    return macWithKey(this.key, purpose, text)
  }

  /** Whether `text`, read from the bucket's file, is one this machine checked or wrote. */
  matches(bucket: string, text: string): boolean {
    const stored = this.macs.get(bucket)
    if (!stored) return false
    return timingSafeEqual(Buffer.from(stored, 'hex'), this.mac(bucket, text))
  }

  /** `text` is now the bucket's content, every entry checked: trusted from the next open on. */
  record(bucket: string, text: string): void {
    this.macs.set(bucket, this.mac(bucket, text).toString('hex'))
    this.schedule()
  }

  /** The bucket's content is no longer one to trust (it holds an entry that was not checked). */
  forget(bucket: string): void {
    if (this.macs.delete(bucket)) this.schedule()
  }

  private schedule(): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.save()
    }, SAVE_DELAY_MS)
    this.timer.unref?.()
  }

  /** Writes the snapshot now (atomically); what a clean close waits for. */
  save(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    const text = JSON.stringify({ version: 1, buckets: Object.fromEntries(this.macs) })
    // A snapshot that could not be written costs the next open its checks; it never loses data.
    this.saving = this.saving.then(() => writeAtomic(this.file, text)).catch(() => {})
    return this.saving
  }

  /** Waits for a scheduled save, if any. */
  async flush(): Promise<void> {
    if (this.timer) await this.save()
    else await this.saving
  }
}
