// Tests (Node): what the AnnotationSync tests share: localStorage as a Map, and the waits between retries as
// the test wants them (none, never over, or over when the archive comes back).
import type { PendingStore } from '../../src/renderer/src/reader/pending-store'

/** localStorage as a Map, shared by the windows of one browser; `key`: the article's store. */
export function memoryStore(
  key = 'glossa-pending:/archive:article',
): PendingStore & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    key,
    storage: {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    },
  }
}

/** No wait before a retry. */
export const noWait = async (): Promise<void> => {}

/** A wait that never ends: the retries of a page that went away (closed, or reloaded first). */
export const gone = (): Promise<void> => new Promise<void>(() => {})

/**
 * Waits before a retry that last until `comeBack()` (the archive reachable again); `firstFailure` resolves when
 * the first save has failed and its retry waits.
 */
export function heldRetries() {
  let release = () => {}
  let failed = () => {}
  const firstFailure = new Promise<void>((r) => (failed = r))
  return {
    sleep: () => {
      failed()
      return new Promise<void>((r) => (release = r))
    },
    comeBack: () => release(),
    firstFailure,
  }
}
