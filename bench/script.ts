// Bench: what the job-process benches (export-memory.ts, figures-build.ts) share — progress to stderr, the load
// average as shown beside a measure, and a main that sets the exit code on failure.
import { loadavg } from 'node:os'

export const log = (line: string): void => {
  process.stderr.write(`${line}\n`)
}

/** The 1, 5 and 15 minute load averages, one decimal each. */
export const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

/** Runs the bench; a failure is printed with its stack and makes the exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
    process.exitCode = 1
  })
}
