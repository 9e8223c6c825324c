// CLI (Node): `glossa sync --remote URL [--user U]`, one sync both ways; the password comes from
// GLOSSA_SYNC_PASSWORD so it never sits in the shell's history or the process list.
import type { Archive } from '../main/archive/archive'
import type { JobProcess } from '../main/jobs/job-process'
import { safeUrl } from '../main/sync/sync-protocol'
import { SyncError, runSync } from '../main/sync/run-sync'
import { teamAddressProblem } from '../main/sync/settings'

export type SyncFlags = { remote?: string; user?: string; json: boolean }

export async function runSyncCommand(
  archive: Archive,
  flags: SyncFlags,
  startJob: () => JobProcess,
  print: (line: string) => void = (line) => console.log(line),
  printError: (line: string) => void = (line) => console.error(line),
): Promise<number> {
  const remote = flags.remote ?? process.env.GLOSSA_SYNC_REMOTE
  if (!remote || !/^https?:\/\//.test(remote)) {
    printError('glossa sync needs --remote URL: the team database, such as https://couch.example.org/team.')
    return 2
  }
  // A password in the address would sit in the shell's history and the process list, as the one below never does.
  const problem = teamAddressProblem(remote)
  if (problem) {
    printError(
      `glossa sync --remote ${safeUrl(remote)}: ${problem}; the password goes in GLOSSA_SYNC_PASSWORD.`,
    )
    return 2
  }
  const password = process.env.GLOSSA_SYNC_PASSWORD
  if (flags.user && password === undefined) {
    printError(`Set GLOSSA_SYNC_PASSWORD to the password of “${flags.user}”.`)
    return 2
  }
  try {
    const report = await runSync(
      archive,
      { url: remote, ...(flags.user ? { username: flags.user, password } : {}) },
      startJob,
    )
    if (flags.json) print(JSON.stringify({ ok: true, remote: safeUrl(remote), ...report }, null, 2))
    else {
      print(`Synced with ${safeUrl(remote)}: ${report.sent} sent, ${report.received} received.`)
      for (const c of report.conflicts)
        print(`Conflict: ${c.id} was edited on two sides; ${c.losers} other version(s) kept.`)
      for (const r of report.refused) print(`Not taken in: ${r.id}: ${r.reason}`)
      for (const k of report.kept) print(`Kept here: ${k.id}: ${k.reason}`)
      if (report.waiting.length)
        print(
          `${report.waiting.length} change(s) were not accepted by the server (${report.waiting[0]!.reason}); ` +
            'they stay here and are offered again at the next sync.',
        )
    }
    return report.waiting.length ? 1 : 0
  } catch (err) {
    if (!(err instanceof SyncError)) throw err
    if (flags.json) print(JSON.stringify({ ok: false, code: err.code, message: err.message }, null, 2))
    else printError(`glossa sync: ${err.message}`)
    return 1
  }
}
