// Main process: the postings blocks read last by the segmented index (segmented-index.ts), kept up to a size,
// least recently used first out. Split from segmented-index.ts.
import type { Block } from './segment-file'

/** Bytes of postings blocks kept after a query (a typed query re-reads the same few terms letter by letter). */
const CACHE_BYTES = 32 * 1024 * 1024

export class BlockCache {
  private readonly blocks = new Map<string, Block>()
  private bytes = 0

  /** The block under `key`, read by `read` when it is not kept. */
  get(key: string, read: () => Block): Block {
    const cached = this.blocks.get(key)
    if (cached) {
      this.blocks.delete(key)
      this.blocks.set(key, cached)
      return cached
    }
    const block = read()
    this.blocks.set(key, block)
    this.bytes += block.docs.byteLength * 2
    for (const [old, b] of this.blocks) {
      if (this.bytes <= CACHE_BYTES) break
      this.blocks.delete(old)
      this.bytes -= b.docs.byteLength * 2
    }
    return block
  }

  clear(): void {
    this.blocks.clear()
    this.bytes = 0
  }
}
