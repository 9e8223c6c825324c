// Runs everywhere: the error every layer throws and the boundary turns into `{ ok: false, error }`.
import type { z } from 'zod'
import type { ErrorCode, GlossaErrorShape } from './types'

export class GlossaError extends Error {
  readonly code: ErrorCode
  /** The archive file concerned, relative to the archive, when the error is about one. */
  readonly file?: string
  constructor(code: ErrorCode, message: string, options: { file?: string } = {}) {
    super(message)
    this.name = 'GlossaError'
    this.code = code
    if (options.file) this.file = options.file
  }
  toJSON(): GlossaErrorShape {
    return { code: this.code, message: this.message }
  }
}

// What one error message lists at most: a call with two million unknown keys once got an 87 MB message.
const MAX_ISSUES = 5
const MAX_KEYS = 5
const MAX_NAME = 80
const MAX_MESSAGE = 300

/** A zod failure as one sentence naming each field that is wrong: the first few, then how many more. */
export function describeZodError(context: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const at = issue.path.map((key) => clip(String(key), MAX_NAME))
    if (issue.code === 'unrecognized_keys') {
      const listed = issue.keys
        .slice(0, MAX_KEYS)
        .map((key) => `${[...at, clip(key, MAX_NAME)].join('.')}: is not a field this method takes`)
      const more = issue.keys.length - listed.length
      return [...listed, ...(more > 0 ? [`${count(more)} more fields it does not take`] : [])].join('; ')
    }
    return `${at.length ? at.join('.') : '(argument)'}: ${clip(issue.message, MAX_MESSAGE)}`
  })
  const more = error.issues.length - parts.length
  if (more > 0) parts.push(`${count(more)} more ${more === 1 ? 'problem' : 'problems'}`)
  return `${context}: ${parts.join('; ')}`
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function count(n: number): string {
  return n.toLocaleString('en')
}

/** What the disk said, as a researcher can act on it: the raw "ENOSPC: no space left on device, write" was shown. */
const DISK_ERRORS: Record<string, [said: string, todo: string]> = {
  ENOSPC: ['The disk holding the archive is full', 'Free some space on that disk.'],
  EDQUOT: [
    'The disk space allowed for the archive’s folder is used up',
    'Free some space in it, or ask for a larger quota.',
  ],
  EFBIG: [
    'The file is larger than this computer lets Glossa write',
    'Raise the file-size limit Glossa runs under, or make the note shorter.',
  ],
  EROFS: [
    'The archive is on a disk that cannot be written to',
    'Make the disk writable, or move the archive to one that is.',
  ],
  EIO: ['The disk holding the archive failed to read or write', 'Check the disk, and make a backup soon.'],
}

export function toErrorShape(err: unknown): GlossaErrorShape {
  if (err instanceof GlossaError) return err.toJSON()
  const message = err instanceof Error ? err.message : String(err)
  const disk = DISK_ERRORS[String((err as { code?: unknown } | null)?.code)]
  if (disk)
    return { code: 'internal', message: `${disk[0]}: the change was not saved (${message}). ${disk[1]}` }
  return { code: 'internal', message: `Unexpected error: ${message}` }
}
