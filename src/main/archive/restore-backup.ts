// Main process and CLI: restores a JSON backup (a Glossa export) into an archive, through the archive's one
// gate for articles. Import calls it; it depends on nothing of export.
import { GlossaError } from '../../shared/errors'
import { ImportError } from '../import/errors'
import type { Backup } from '../../shared/export'
import type { Archive } from './archive'
import { removeImages } from './assets'
import { writeArticleAssets } from './backup-assets'

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
  for (const c of backup.collections)
    if (!archive.collections.has(c.id)) await archive.collections.put(c.id, c.name)
  for (const [name, color] of Object.entries(backup.tagColors)) {
    if (!archive.tagStore.colors()[name]?.color) await archive.tagStore.setColor(name, color)
  }
  for (const article of backup.articles) {
    const { text, html, ...meta } = article
    if (archive.catalog.has(meta.id) || archive.findDuplicate({ text, canonicalUrl: meta.canonicalUrl })) {
      summary.skipped.push(meta.title)
      continue
    }
    const annotations = backup.annotations.filter((a) => a.articleId === meta.id)
    let removed: string[]
    try {
      // Its images and PDF first, checked by hash and type: the body that names them never comes before them.
      await writeArticleAssets(archive.dir, meta.id, backup.assets ?? [])
      removed = await archive.putArticle(meta, { text, html }, annotations)
    } catch (err) {
      // Nothing of it stays: its files were written first, and no catalog entry will name them.
      await removeImages(archive.dir, meta.id).catch(() => {})
      // One article past the bounds is left out with its reason; the rest of the backup goes on.
      if (!(err instanceof ImportError && err.code === 'too_complex')) throw err
      summary.refused.push(err.message)
      continue
    }
    if (removed.length) summary.removed.push({ id: meta.id, title: meta.title, removed })
    if (summary.articles.length < NAMED_ARTICLES) summary.articles.push({ id: meta.id, title: meta.title })
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
