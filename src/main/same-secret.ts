// Main process: one constant-time comparison for the secrets a request carries — browser mode's token
// (serve.ts) and the connector's HMACs (connector/signature.ts) — so how long a refusal takes says nothing
// about how much of a guess was right.
import { timingSafeEqual } from 'node:crypto'

/** Whether `sent` is `expected`, compared in constant time (a length that differs is refused at once). */
export function sameSecret(sent: string | Buffer, expected: string | Buffer): boolean {
  const a = Buffer.from(sent)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
