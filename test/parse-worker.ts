// Tests (Node): the bounded parse process as the app ships it, bundled once per test file, and `src/cli/paths.ts`
// pointing the CLI at it. A test file calls `useBundledParseWorker()` at its top and mocks paths with
// `vi.mock('<…>/cli/paths', async (original) => (await import('<…>/test/parse-worker')).withParseWorker(await original()))`
// (vi.mock is hoisted into each file, so the call itself cannot live here).
import { afterAll, beforeAll } from 'vitest'
import type * as Paths from '../src/cli/paths'
import { bundleChild } from './reliability/bundle-child'
import type { BundledChild } from './reliability/bundle-child'

/** Where the bundled worker is, once `useBundledParseWorker`'s beforeAll has run. */
export const parseWorker = { file: '' }

export function useBundledParseWorker(): void {
  let bundled: BundledChild | undefined
  beforeAll(async () => {
    bundled = await bundleChild('src/main/jobs/parse-worker.ts')
    parseWorker.file = bundled.file
  }, 120_000)
  afterAll(async () => bundled?.dispose())
}

/** paths.ts with the parse worker where the test bundled it. */
export function withParseWorker(original: typeof Paths): typeof Paths {
  return {
    ...original,
    get parseWorkerFile() {
      return parseWorker.file
    },
  }
}
