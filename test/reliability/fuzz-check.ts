// Tests (Node): what every reply of the fuzz must look like, whichever path it took.
import { contract, isMethodName } from '../../src/shared/contract'
import type { MethodName } from '../../src/shared/contract'
import { errorCodeSchema } from '../../src/shared/schemas'

const CODES: readonly string[] = errorCodeSchema.options

/** Which methods may write to the archive; typed so that a new method has to be classified here. */
const WRITES = {
  'app.info': false,
  'archive.scan': false,
  'archive.status': false,
  'backups.list': false,
  'backups.create': true,
  'backups.restore': true,
  'articles.list': false,
  'articles.page': false,
  'articles.ids': false,
  'articles.sources': false,
  'articles.creators': false,
  'articles.matching': false,
  'articles.get': false,
  'articles.image': false,
  'articles.pdf': false,
  'articles.create': true,
  'articles.update': true,
  'articles.delete': true,
  'articles.restore': true,
  'articles.bulkUpdate': true,
  'annotations.list': false,
  'annotations.create': true,
  'annotations.update': true,
  'annotations.delete': true,
  'import.files': true,
  'import.text': true,
  'import.url': true,
  'figures.list': false,
  'figures.page': false,
  'figures.facets': false,
  'figures.status': false,
  'figures.conflicts': false,
  'figures.series': false,
  'export.run': false,
  // Writes a file outside the archive (the download folder), never in it.
  'export.download': false,
  'tags.list': false,
  'tags.rename': true,
  'tags.undoRename': true,
  'tags.delete': true,
  'tags.setColor': true,
  'collections.list': false,
  'collections.create': true,
  'collections.rename': true,
  'collections.delete': true,
  'search.query': false,
  'search.status': false,
  'connector.status': false,
  // a pairing code lives in memory only
  'connector.pair.start': false,
  'connector.tokens.list': false,
  'connector.tokens.revoke': true,
  // the team settings file only, under sync/
  'sync.status': false,
  'sync.configure': true,
  'sync.run': true,
  'sync.conflicts': false,
  'sync.resolve': true,
} satisfies Record<MethodName, boolean>

/** Whether the contract lets these arguments through to a handler that writes. */
export function mayWrite(method: string, args: unknown): boolean {
  return isMethodName(method) && WRITES[method] && contract[method].args.safeParse(args ?? {}).success
}

/** Whether this reply says the call changed the archive (rejected calls and reads must not). */
export function changedArchive(method: string, reply: unknown): boolean {
  const r = reply as { ok?: boolean; value?: unknown }
  if (!r.ok || !isMethodName(method) || !WRITES[method]) return false
  if (!method.startsWith('import.')) return true
  const results = Array.isArray(r.value) ? r.value : [r.value]
  return results.some((x) => (x as { status?: string }).status === 'imported')
}

/**
 * Problems with one reply to `method(args)`: it must be `{ ok: false, error }` with a known code other than
 * `internal` and a sentence, or `{ ok: true, value }` with a value inside the method's result schema. Arguments
 * the contract refuses must come back as invalid_argument, unknown methods as unknown_method.
 */
export function replyProblems(method: string, args: unknown, reply: unknown): string[] {
  if (reply === null || typeof reply !== 'object') return [`reply is not an object: ${String(reply)}`]
  const r = reply as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } }
  const known = isMethodName(method)
  const valid = known && contract[method].args.safeParse(args ?? {}).success
  if (r.ok === false) {
    const { code, message } = r.error ?? {}
    const problems: string[] = []
    if (typeof code !== 'string' || !CODES.includes(code)) problems.push(`unknown error code ${String(code)}`)
    if (code === 'internal') problems.push(`internal error: ${String(message)}`)
    if (typeof message !== 'string' || !message.trim()) problems.push('error without a message')
    if (!known && code !== 'unknown_method') problems.push(`unknown method answered with ${String(code)}`)
    // a body past its method's size limit is refused unread, whatever it holds (browser mode)
    if (known && !valid && code !== 'invalid_argument' && code !== 'too_large')
      problems.push(`invalid arguments answered with ${String(code)}`)
    return problems
  }
  if (r.ok !== true) return ['reply has no ok: true/false']
  if (!known) return ['an unknown method succeeded']
  if (!valid) return ['arguments the contract refuses were accepted']
  const checked = contract[method].result.safeParse(r.value)
  if (!checked.success) {
    const [issue] = checked.error.issues
    // Array indexes become # so that one fault in many list items is reported as one kind of problem.
    const at = issue.path.map((p) => (typeof p === 'number' ? '#' : String(p))).join('.')
    return [`value outside the result schema: ${issue.message} at ${at}`]
  }
  const results = Array.isArray(r.value) ? r.value : [r.value]
  const unexpected = method.startsWith('import.')
    ? results
        .map((x) => (x as { message?: string }).message ?? '')
        .filter((m) => m.startsWith('Unexpected error'))
    : []
  return unexpected.map((m) => `import hid an internal error: ${m}`)
}

/** A short description of a case for failure messages. */
export function describeCase(method: string, args: unknown): string {
  let shown: string
  try {
    shown = JSON.stringify(args, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(args)
  } catch {
    shown = String(args)
  }
  return `${method.slice(0, 60)}(${shown.length > 300 ? `${shown.slice(0, 300)}…(${shown.length} chars)` : shown})`
}
