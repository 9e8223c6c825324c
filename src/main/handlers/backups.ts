// Main process: snapshots taken, listed, and repairs from a snapshot (backups.*).
import type { Archive } from '../archive/archive'
import { bucketOf } from '../archive/ids'
import { repairFile } from '../archive/repair'
import { describeRefused, describeRemoved } from '../archive/restore-backup'
import { ImportError } from '../import/errors'
import type { RestoreSummary } from '../archive/restore-backup'
import { listSnapshots, readSnapshot, takeSnapshot } from '../archive/snapshots'
import type { HandlerMap, ServiceContext } from './context'

const damaged = (archive: Archive) =>
  archive.problems.filter((p): p is { file: string; message: string } => !!p.file)

export function backupHandlers({ archive }: ServiceContext): HandlerMap<'backups'> {
  return {
    'backups.list': async () => listSnapshots(archive),
    'backups.create': async () => takeSnapshot(archive),
    'backups.restore': async ({ id, addMissing }) => {
      const snapshot = await readSnapshot(archive, id)
      const messages: string[] = []
      for (const problem of damaged(archive)) messages.push(await repairFile(archive, problem.file, snapshot))
      if (addMissing) {
        let added = 0
        const cleaned: RestoreSummary['removed'] = []
        const refused: string[] = []
        for (const { text, html, ...meta } of snapshot.articles) {
          if (archive.catalog.has(meta.id) || archive.catalog.isReadOnly(bucketOf(meta.id))) continue
          try {
            const removed = await archive.putArticle(
              meta,
              { text, html },
              snapshot.annotations.filter((a) => a.articleId === meta.id),
            )
            if (removed.length) cleaned.push({ id: meta.id, title: meta.title, removed })
            added++
          } catch (err) {
            if (!(err instanceof ImportError && err.code === 'too_complex')) throw err
            refused.push(err.message)
          }
        }
        messages.push(
          `Brought back ${added} articles from the snapshot.${describeRemoved(cleaned)}${describeRefused(refused)}`,
        )
      }
      if (!messages.length) messages.push('Nothing needed repair.')
      return { messages, problems: [...archive.problems] }
    },
  }
}
