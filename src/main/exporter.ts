// Main process and CLI: gathers what to export (a scope of articles and annotations) and runs the pure
// formatters from src/shared/export; restores JSON backups into an archive.
import type { z } from 'zod'
import type { exportArgsSchema } from '../shared/contract'
import { GlossaError } from '../shared/errors'
import {
  exportBackup,
  exportCslJson,
  exportFiguresCsv,
  exportHighlightsCsv,
  exportMarkdown,
  exportWebAnnotations,
} from '../shared/export'
import type { Backup, ExportBundle, ExportFile } from '../shared/export'
import { mapLimit } from '../shared/map-limit'
import { isWithinTag } from '../shared/tags'
import type { Annotation, ArticleMeta } from '../shared/types'
import type { Archive } from './archive/archive'

export type ExportArgs = z.infer<typeof exportArgsSchema>
export type ExportScope = ExportArgs['scope']

const carries = (a: Annotation, tag: string) =>
  a.tags.some((t) => isWithinTag(t, tag)) || isWithinTag(a.figure?.metric, tag)

/**
 * The articles and annotations a scope selects. A tag selects articles tagged with it (all their annotations)
 * and annotations carrying it; a metric keeps only figures of that metric.
 */
export async function gatherBundle(
  archive: Archive,
  scope: ExportScope,
  generatedAt: string,
): Promise<ExportBundle> {
  let articles: ArticleMeta[] = archive.list()
  if (scope.articleIds) {
    for (const id of scope.articleIds) archive.meta(id)
    const wanted = new Set(scope.articleIds)
    articles = articles.filter((a) => wanted.has(a.id))
  }
  if (scope.collection) articles = articles.filter((a) => a.collections?.includes(scope.collection!))
  const tag = scope.tag
  if (tag) {
    articles = articles.filter(
      (a) =>
        a.tags.some((t) => isWithinTag(t, tag)) ||
        Object.keys(a.annotationTags).some((t) => isWithinTag(t, tag)),
    )
  }
  // Read several annotation files at once: at 10,000 articles, one after another is most of the export's time.
  const lists = await mapLimit(articles, 16, async (article) => {
    let list =
      article.counts.highlights + article.counts.figures > 0 ? await archive.readAnnotations(article.id) : []
    if (tag && !article.tags.some((t) => isWithinTag(t, tag))) list = list.filter((a) => carries(a, tag))
    if (scope.metric) list = list.filter((a) => a.figure && isWithinTag(a.figure.metric, scope.metric!))
    return list
  })
  const annotations: Annotation[] = []
  const kept: ArticleMeta[] = []
  articles.forEach((article, i) => {
    if (scope.metric && lists[i].length === 0) return
    annotations.push(...lists[i])
    kept.push(article)
  })
  return { generatedAt, articles: kept, annotations }
}

export async function runExport(
  archive: Archive,
  args: ExportArgs,
  generatedAt = new Date().toISOString(),
): Promise<ExportFile[]> {
  const bundle = await gatherBundle(archive, args.scope, generatedAt)
  const o = args.options ?? {}
  switch (args.format) {
    case 'markdown':
      return exportMarkdown(bundle, { layout: o.layout ?? 'combined', groupBy: o.groupBy ?? 'article' })
    case 'figures-csv':
      return [exportFiguresCsv(bundle, { bom: o.bom })]
    case 'highlights-csv':
      return [exportHighlightsCsv(bundle, { bom: o.bom })]
    case 'jsonld':
      return [exportWebAnnotations(bundle)]
    case 'csl':
      return [exportCslJson(bundle)]
    case 'json': {
      const articles = []
      for (const meta of bundle.articles) articles.push(await archive.getArticle(meta.id))
      const colors = archive.tagStore.colors()
      const tagColors = Object.fromEntries(
        Object.entries(colors).flatMap(([name, { color }]) => (color ? [[name, color]] : [])),
      )
      const collections = archive.collections.all()
      return [
        exportBackup({ generatedAt, articles, annotations: bundle.annotations, tagColors, collections }),
      ]
    }
  }
}

export type RestoreSummary = { restored: number; annotations: number; skipped: string[] }

/** Restores a backup: every article keeps its id; one already in the archive (same id or text) is skipped. */
export async function restoreBackup(archive: Archive, backup: Backup): Promise<RestoreSummary> {
  const summary: RestoreSummary = { restored: 0, annotations: 0, skipped: [] }
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
    await archive.putArticle(meta, { text, html }, annotations)
    summary.restored++
    summary.annotations += annotations.length
  }
  if (summary.restored === 0 && backup.articles.length > 0 && summary.skipped.length === 0) {
    throw new GlossaError('internal', 'Nothing was restored from the backup.')
  }
  return summary
}
