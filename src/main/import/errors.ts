// Main process and CLI: the one error every importer throws; `code` says what went wrong, the message says what to do.

export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'invalid_utf8'
  | 'too_large'
  | 'too_complex'
  | 'no_article'
  | 'unsupported'
  | 'fetch_failed'
  | 'timeout'
  | 'encrypted'
  | 'wrong_password'
  | 'damaged'

export class ImportError extends Error {
  readonly code: ImportErrorCode

  constructor(code: ImportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ImportError'
    this.code = code
  }

  toJSON(): { code: ImportErrorCode; message: string } {
    return { code: this.code, message: this.message }
  }
}

/** “name” in curly quotes, or a generic phrase when the caller has no file name. */
export function quoteName(name: string | undefined, fallback = 'This document'): string {
  return name ? `“${name}”` : fallback
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}
