// Main process: this machine's catalog trust key read as it is, and MACs made with it — apart from
// catalog-trust.ts, so what reads the library's head at startup (library-head.ts) loads no more than this.
import { createHmac } from 'node:crypto'
import { readFile } from 'node:fs/promises'

export const KEY_BYTES = 32

/** This machine's key as it is, or null when there is none yet (never made here: a reader only). */
export async function readTrustKey(file: string): Promise<Buffer | null> {
  try {
    const key = await readFile(file)
    return key.length === KEY_BYTES ? key : null
  } catch {
    return null
  }
}

/** A MAC under `key` of something derived from the catalog, as CatalogTrust.macOf makes it. */
export function macWithKey(key: Buffer, purpose: string, text: string): Buffer {
  return createHmac('sha256', key).update(`${purpose}\n`).update(text).digest()
}
