// Main process: a test's hold on background work. An e2e test cannot see a state that lasts a few milliseconds on
// a small archive without timing, so it names a folder in an environment variable (GLOSSA_TEST_…_GATE) and the
// work, real in every other respect, waits at a named point until a file `go` is in that folder.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'

const there = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  )

/** Resolves once `<gate>/go` exists (looked for every 100 ms). */
export async function untilGo(gate: string): Promise<void> {
  while (!(await there(join(gate, 'go')))) await new Promise((resolve) => setTimeout(resolve, 100))
}
