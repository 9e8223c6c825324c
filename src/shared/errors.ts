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

/** A zod failure as one sentence naming each field that is wrong. */
export function describeZodError(context: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const at = issue.path.map(String)
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${[...at, key].join('.')}: is not a field this method takes`).join('; ')
    }
    return `${at.length ? at.join('.') : '(argument)'}: ${issue.message}`
  })
  return `${context}: ${parts.join('; ')}`
}

export function toErrorShape(err: unknown): GlossaErrorShape {
  if (err instanceof GlossaError) return err.toJSON()
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'internal', message: `Unexpected error: ${message}` }
}
