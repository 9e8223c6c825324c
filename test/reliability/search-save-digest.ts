// Tests (Node): one line naming a search index state by its article signatures (search-save-child.ts).
import { createHash } from 'node:crypto'
import type { Signature } from '../../src/main/search/freshness'

export function stateDigest(signatures: ReadonlyMap<string, Signature>): string {
  const hash = createHash('sha256')
  for (const id of [...signatures.keys()].sort()) hash.update(`${id}=${signatures.get(id)!.meta}\n`)
  return `${signatures.size}:${hash.digest('hex').slice(0, 16)}`
}
