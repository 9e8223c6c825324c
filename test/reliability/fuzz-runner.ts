// Tests (Node): sends fuzz cases in batches and checks every reply and the archive's bytes.
//
// How rejected calls are proven harmless: cases go into two kinds of batches. A "quiet" batch holds calls that
// cannot write if the contract holds (reads, unknown methods, arguments the contract refuses); a "writing"
// batch, small, holds the rest. The archive folder is snapshotted byte for byte around every batch; if no call
// in the batch reports an accepted write, the folder must be identical. A batch with an accepted write only
// moves the baseline. So each rejected call is compared exactly, except those that share a small batch with
// an accepted write — their number is reported.
import { mapLimit } from '../../src/shared/map-limit'
import { diffSnapshots, snapshot } from './archive-snapshot'
import type { Snapshot } from './archive-snapshot'
import type { FuzzCase } from './fuzz-cases'
import { changedArchive, describeCase, mayWrite, replyProblems } from './fuzz-check'

/** Sends one case; returns the reply, the arguments as the service received them, and transport problems. */
export type Transport = (c: FuzzCase) => Promise<{ reply: unknown; seen: unknown; problems?: string[] }>
export type Seen = (c: FuzzCase) => unknown

export type FuzzStats = {
  calls: number
  accepted: number
  writes: number
  rejected: number
  rejectedVerified: number
  codes: Record<string, number>
  problems: Map<string, { count: number; example: string }>
}

const QUIET_BATCH = 50
const WRITING_BATCH = 4

export async function runCases(options: {
  cases: Iterable<FuzzCase>
  send: Transport
  seen: Seen
  dir: string
  width: number
  heal: () => Promise<void>
}): Promise<FuzzStats> {
  const { send, seen, dir, width, heal } = options
  const stats: FuzzStats = {
    calls: 0,
    accepted: 0,
    writes: 0,
    rejected: 0,
    rejectedVerified: 0,
    codes: {},
    problems: new Map(),
  }
  const note = (problem: string, example: string) => {
    const entry = stats.problems.get(problem) ?? { count: 0, example }
    entry.count++
    stats.problems.set(problem, entry)
  }
  let baseline: Snapshot = await snapshot(dir)

  const runBatch = async (batch: FuzzCase[]) => {
    const replies = await mapLimit(batch, width, send)
    let wrote = false
    let rejected = 0
    for (const [i, { reply, seen: args, problems = [] }] of replies.entries()) {
      const { method } = batch[i]
      stats.calls++
      const r = reply as { ok?: boolean; error?: { code?: string } }
      if (r.ok) stats.accepted++
      else {
        rejected++
        const code = String(r.error?.code)
        stats.codes[code] = (stats.codes[code] ?? 0) + 1
      }
      if (changedArchive(method, reply)) {
        wrote = true
        stats.writes++
      }
      for (const p of [...problems, ...replyProblems(method, args, reply)])
        note(`${method}: ${p}`, describeCase(method, args))
    }
    stats.rejected += rejected
    if (wrote) {
      await heal()
      baseline = await snapshot(dir)
      return
    }
    const after = await snapshot(dir)
    const diff = diffSnapshots(baseline, after)
    if (diff.length) {
      const calls = batch.map((c) => describeCase(c.method, seen(c))).join('\n  ')
      note(`calls that report no write changed the archive: ${diff.join(', ')}`, `one of\n  ${calls}`)
    } else stats.rejectedVerified += rejected
    baseline = after
  }

  const quiet: FuzzCase[] = []
  const writing: FuzzCase[] = []
  for (const c of options.cases) {
    const queue = mayWrite(c.method, seen(c)) ? writing : quiet
    queue.push(c)
    if (queue.length >= (queue === quiet ? QUIET_BATCH : WRITING_BATCH)) await runBatch(queue.splice(0))
  }
  for (const rest of [quiet, writing]) if (rest.length) await runBatch(rest)
  return stats
}

export function formatStats(label: string, stats: FuzzStats, ms: number): string {
  const codes = Object.entries(stats.codes)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ')
  return (
    `fuzz ${label}: ${stats.calls} calls in ${(ms / 1000).toFixed(1)} s; ${stats.accepted} accepted ` +
    `(${stats.writes} wrote); ${stats.rejected} rejected (${codes}), ${stats.rejectedVerified} of them ` +
    `byte-verified; ${stats.problems.size} kinds of problem`
  )
}

export function formatProblems(stats: FuzzStats): string[] {
  return [...stats.problems].map(([problem, { count, example }]) => `${problem} (×${count}), e.g. ${example}`)
}
