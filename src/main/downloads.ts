// Main process, browser mode: files made for the page to download (an export streamed to disk by the export
// process), kept in a private folder outside the archive and handed out once each, by a ticket. The page asks
// for the file through a token-checked call (export.download), which answers with `/download/<ticket>`; its
// download is a plain GET the browser's download manager streams to disk (serve.ts), so no big file is ever
// built in the page or in the server's memory. A ticket is 24 random bytes, good for one download within
// TICKET_MS; the file goes once it is downloaded or the ticket expires.
import { createHash, randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeScratch, sweepScratch } from './export/scratch'

/** The private folders' names in the temp folder, before their computer, pid and random part (scratch.ts). */
export const DOWNLOADS_PREFIX = 'glossa-downloads-'
/** How long a made file waits for its download. */
export const TICKET_MS = 10 * 60_000
/** The most files waiting at once: a new one past this retires the oldest. */
const MAX_WAITING = 8

export type Offered = { file: string; name: string; mime: string; bytes: number }

const hash = (ticket: string) => createHash('sha256').update(ticket).digest('base64url')

/** A ticket as the server hands it out: 32 base64url characters. */
export const TICKET_PATTERN = /^[A-Za-z0-9_-]{32}$/

export class Downloads {
  private dir: Promise<string> | null = null
  private files = 0
  /** By the ticket's hash: the ticket itself is never kept, so no lookup compares it. */
  private readonly waiting = new Map<string, Offered & { timer: NodeJS.Timeout }>()

  /**
   * A new path in the private folder (made 0700 on first use) for a file about to be made. The folders a killed
   * server left, exported notes in them, are swept first (scratch.ts: never a running server's).
   */
  async path(name: string): Promise<string> {
    this.dir ??= sweepScratch(tmpdir(), DOWNLOADS_PREFIX).then(() => makeScratch(tmpdir(), DOWNLOADS_PREFIX))
    // The name is the export's own (figures.csv, notes.md); the number keeps two exports apart.
    return join(await this.dir, `${++this.files}-${name.replace(/[^\w.-]/g, '_')}`)
  }

  /** Offers a made file for one download; returns its ticket. */
  offer(offered: Offered): string {
    while (this.waiting.size >= MAX_WAITING) this.retire(this.waiting.keys().next().value!)
    const ticket = randomBytes(24).toString('base64url')
    const key = hash(ticket)
    const timer = setTimeout(() => this.retire(key), TICKET_MS)
    timer.unref()
    this.waiting.set(key, { ...offered, timer })
    return ticket
  }

  /** The file a ticket was given for, once: the ticket is spent. The caller removes the file when it is sent. */
  take(ticket: string): Offered | undefined {
    if (!TICKET_PATTERN.test(ticket)) return undefined
    const key = hash(ticket)
    const found = this.waiting.get(key)
    if (!found) return undefined
    clearTimeout(found.timer)
    this.waiting.delete(key)
    const { timer: _timer, ...offered } = found
    return offered
  }

  /** Removes a file that was made but will not be offered (its export failed) or was sent. */
  async discard(file: string): Promise<void> {
    await rm(file, { force: true }).catch(() => {})
  }

  private retire(key: string): void {
    const found = this.waiting.get(key)
    if (!found) return
    clearTimeout(found.timer)
    this.waiting.delete(key)
    void this.discard(found.file)
  }

  /** Every waiting file and the folder go (the server stops). */
  async close(): Promise<void> {
    for (const key of [...this.waiting.keys()]) this.retire(key)
    const dir = this.dir
    this.dir = null
    if (dir) await rm(await dir, { recursive: true, force: true }).catch(() => {})
  }
}
