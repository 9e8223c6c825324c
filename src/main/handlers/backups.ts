// Main process: snapshots taken, listed, and repairs from a snapshot (backups.*).
import type { Archive } from '../archive/archive'
import { repairFile } from '../archive/repair'
import { describeRefused, describeRemoved, inTrash, restoreArticle } from '../archive/restore-backup'
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
        for (const article of snapshot.articles) {
          if (archive.catalog.has(article.id) || archive.catalog.isReadOnlyFor(article.id)) continue
          // Deleted since the snapshot and still in the trash: back from there, with the notes typed after the
          // snapshot (the snapshot's copy taken over its id made the trashed one impossible to restore).
          if (await inTrash(archive.dir, article.id)) {
            const back = await archive.restoreArticle(article.id).then(
              () => true,
              (err: unknown) => (refused.push(err instanceof Error ? err.message : String(err)), false),
            )
            if (back) added++
            continue
          }
          const annotations = snapshot.annotations.filter((a) => a.articleId === article.id)
          const put = await restoreArticle(archive, article, annotations)
          if ('refused' in put) refused.push(put.refused)
          else {
            if (put.removed.length)
              cleaned.push({ id: article.id, title: article.title, removed: put.removed })
            added++
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
