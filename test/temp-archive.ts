// Tests (Node): a fresh archive folder in the system temp dir, removed afterwards.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

const made: string[] = []

afterEach(async () => {
  // An index or a job left open by a test may still write one last file while the folder goes (ENOTEMPTY): rm
  // retries then, as Node documents for that case.
  await Promise.all(
    made.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })),
  )
})

export async function tempDir(prefix = 'glossa-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

export const sampleTarget = (text: string, exact: string) => {
  const start = text.indexOf(exact)
  if (start < 0) throw new Error(`"${exact}" is not in the text`)
  return {
    quote: {
      type: 'TextQuoteSelector' as const,
      exact,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(start + exact.length, start + exact.length + 32),
    },
    position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
  }
}
