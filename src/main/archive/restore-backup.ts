// Main process and CLI: restores a JSON backup (a Glossa export) into an archive, through the archive's one
// gate for articles. Import calls it; it depends on nothing of export.
import { lstat } from 'node:fs/promises'
import { GlossaError } from '../../shared/errors'
import { ImportError } from '../import/errors'
import type { Backup, BackupAsset } from '../../shared/export'
import type { Annotation, Article } from '../../shared/types'
import type { Archive } from './archive'
import { writeArticleAssets } from './backup-assets'
import { trashFile } from './trash'

export type RestoreSummary = {
  restored: number
  annotations: number
  skipped: string[]
  /** The first restored articles, for a report that names them. */
  articles: { id: string; title: string }[]
  /** What the archive's gate removed on the way in, per article: "2 × <script> (Title, abc123…)". */
  removed: { id: string; title: string; removed: string[] }[]
  /** Articles the gate refused as too complex (past the parse process's time or memory bound): why. */
  refused: string[]
}

const NAMED_ARTICLES = 20

/**
 * Restores a backup: every article keeps its id; one already in the archive (same id or text) is skipped.
 * Each article passes the archive's one gate (Archive.putArticle), and what it removed is reported.
 */
export async function restoreBackup(archive: Archive, backup: Backup): Promise<RestoreSummary> {
  const summary: RestoreSummary = {
    restored: 0,
    annotations: 0,
    skipped: [],
    articles: [],
    removed: [],
    refused: [],
  }
  // A collection named like one here (any case) is that one: its articles join it. The name's clash failed the
  // whole restore before (a backup from another computer where "Budget" was made too).
  const sameName = new Map<string, string>()
  for (const c of backup.collections) {
    if (archive.collections.has(c.id)) continue
    const here = archive.collections.named(c.name)
    if (here) sameName.set(c.id, here.id)
    else await archive.collections.put(c.id, c.name)
  }
  const inCollectionsHere = (article: Article): Article =>
    article.collections && sameName.size
      ? { ...article, collections: [...new Set(article.collections.map((id) => sameName.get(id) ?? id))] }
      : article
  for (const [name, color] of Object.entries(backup.tagColors)) {
    if (!archive.tagStore.colors()[name]?.color) await archive.tagStore.setColor(name, color)
  }
  for (const article of backup.articles) {
    const { id, title, text, canonicalUrl } = article
    if (archive.catalog.has(id) || archive.findDuplicate({ text, canonicalUrl })) {
      summary.skipped.push(title)
      continue
    }
    const annotations = backup.annotations.filter((a) => a.articleId === id)
    const put = await restoreArticle(archive, inCollectionsHere(article), annotations, backup.assets)
    if ('refused' in put) {
      summary.refused.push(put.refused)
      continue
    }
    if (put.removed.length) summary.removed.push({ id, title, removed: put.removed })
    if (summary.articles.length < NAMED_ARTICLES) summary.articles.push({ id, title })
    summary.restored++
    summary.annotations += annotations.length
  }
  if (summary.restored === 0 && backup.articles.length > 0 && summary.skipped.length === 0) {
    throw new GlossaError(
      'internal',
      `Nothing was restored from the backup.${describeRefused(summary.refused)}`,
    )
  }
  return summary
}

/**
 * One article back under its own id: its files (images, PDF) first, then the article through the archive's gate.
 * One past the parse process's bounds is refused with its reason and nothing of it stays; any other failure throws.
 */
export async function restoreArticle(
  archive: Archive,
  { text, html, ...meta }: Article,
  annotations: Annotation[],
  assets: BackupAsset[] = [],
): Promise<{ removed: string[] } | { refused: string }> {
  // The id of an article in the trash here: restoring over it made the trashed one (with the notes typed on it,
  // newer than any backup's) impossible to restore, and emptying the trash then removed it for good.
  if (await inTrash(archive.dir, meta.id))
    return {
      refused: `“${meta.title}” (${meta.id}) was not restored: it is in the trash here; restore it from the trash.`,
    }
  let undo: (() => Promise<void>) | undefined
  try {
    undo = await writeArticleAssets(archive.dir, meta.id, assets)
    return { removed: await archive.putArticle(meta, { text, html }, annotations) }
  } catch (err) {
    await undo?.()
    // Refused by the gate (annotations that do not fit the article, two under one id): that article alone is
    // left out, with why. It stopped the restore, and every article after it could never be restored.
    if (err instanceof GlossaError && err.code === 'invalid_argument') return { refused: err.message }
    if (!(err instanceof ImportError && err.code === 'too_complex')) throw err
    return { refused: err.message }
  }
}

/** Whether anything lies at the article's trash record (a damaged record too: it may still be mended). */
export const inTrash = (dir: string, id: string) =>
  lstat(trashFile(dir, id)).then(
    () => true,
    () => false,
  )

/** One sentence per article the gate cleaned, for the restore's report. */
export function describeRemoved(removed: RestoreSummary['removed']): string {
  if (!removed.length) return ''
  const lines = removed.slice(0, NAMED_ARTICLES).map((r) => `“${r.title}” (${r.id}): ${r.removed.join(', ')}`)
  const more =
    removed.length > NAMED_ARTICLES ? ` …and ${removed.length - NAMED_ARTICLES} more articles.` : ''
  return ` Removed on the way in, as import would: ${lines.join('; ')}.${more}`
}

/** The articles left out as too complex, each with its reason. */
export function describeRefused(refused: string[]): string {
  if (!refused.length) return ''
  const shown = refused.slice(0, NAMED_ARTICLES).join(' ')
  const more =
    refused.length > NAMED_ARTICLES ? ` …and ${refused.length - NAMED_ARTICLES} more articles left out.` : ''
  return ` ${shown}${more}`
}
