// Runs everywhere: how large a call's argument may be, read off the contract. A method that carries an article
// (a field the contract lets hold a million characters or more: a page's HTML, its text, an imported file) may
// send up to 64 MB; any other method at most 4 MB, which is more than all its fields allow together in practice
// and far less than what takes seconds to parse and validate. Browser mode refuses larger bodies unread.
import type { z } from 'zod'
import { contract, isMethodName } from './contract'

export const ARTICLE_REQUEST_BYTES = 64 * 1024 * 1024
export const REQUEST_BYTES = 4 * 1024 * 1024
/** A string field allowed this many characters holds an article. */
const ARTICLE_FIELD_CHARS = 1_000_000

let limits: Map<string, number> | undefined

/** The largest body `method` may be sent with, in bytes; unknown methods get the smaller limit. */
export function maxRequestBytes(method: string): number {
  limits ??= new Map(
    Object.entries(contract).map(([name, spec]) => [
      name,
      longestString(spec.args) >= ARTICLE_FIELD_CHARS ? ARTICLE_REQUEST_BYTES : REQUEST_BYTES,
    ]),
  )
  return (isMethodName(method) && limits.get(method)) || REQUEST_BYTES
}

/** The zod 4 definition fields this walk reads; every other kind of schema holds no string. */
type Def = {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  element?: z.ZodType
  options?: z.ZodType[]
  in?: z.ZodType
  out?: z.ZodType
  keyType?: z.ZodType
  valueType?: z.ZodType
}

/**
 * The largest maximum length the contract states for any string inside `schema`. Strings with no stated
 * maximum are ids and dates (checked by pattern). A highlight's quote may be as long as an article's text, so
 * the annotation calls that carry one get the article limit.
 */
export function longestString(schema: z.ZodType): number {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def
  switch (def.type) {
    case 'string':
      return (schema as z.ZodString).maxLength ?? 0
    case 'object':
      return Math.max(0, ...Object.values(def.shape ?? {}).map(longestString))
    case 'union':
      return Math.max(0, ...(def.options ?? []).map(longestString))
    default: {
      const inner = [def.innerType, def.element, def.in, def.out, def.keyType, def.valueType]
      return Math.max(0, ...inner.filter((s): s is z.ZodType => s !== undefined).map(longestString))
    }
  }
}
