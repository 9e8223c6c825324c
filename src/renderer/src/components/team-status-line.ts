// Renderer: one line saying where team sync stands, for the Team dialog and the window's footer.
import type { ResultOf } from '../../../shared/contract'
import { formatDate } from '../format'

type Status = ResultOf<'sync.status'>

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export function statusLine(status: Status | null, offline = false): string {
  if (!status?.remote) return 'Not in a team yet.'
  const live = status.live
  const synced = (at: string | undefined) => (at ? `Synced ${formatDate(at)}` : 'Not synced yet')
  const parts = [
    offline
      ? 'Offline'
      : !live
        ? synced(status.lastSync)
        : live.state === 'syncing'
          ? 'Syncing…'
          : live.state === 'offline'
            ? 'Offline'
            : live.state === 'error'
              ? `Sync stopped: ${live.message ?? 'the server refused'}`
              : live.state === 'needs-password'
                ? status.user
                  ? 'Live sync waits for your password'
                  : 'Live sync waits: tick Keep in sync in Team… to start it here'
                : synced(live.syncedAt ?? status.lastSync),
  ]
  if (live?.pending) parts.push(count(live.pending, 'change waiting', 'changes waiting'))
  if (status.waiting)
    parts.push(
      `${count(status.waiting, 'change', 'changes')} not accepted by the server${status.waitingReason ? ` (${status.waitingReason})` : ''}`,
    )
  if (status.conflicts) parts.push(count(status.conflicts, 'conflict', 'conflicts'))
  if (status.kept?.length) parts.push(count(status.kept.length, 'article kept here', 'articles kept here'))
  return parts.join(' · ')
}
