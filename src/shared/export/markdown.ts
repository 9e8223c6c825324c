// Runs everywhere: Obsidian-friendly Markdown notes (no HTML) — per article, combined, or by tag.
import { stringify } from 'yaml'
import type { Annotation, ArticleMeta } from '../types'
import type { ArticleAnnotations, ExportBundle, ExportFile, ExportWriter, StreamWriter } from './bundle'
import { articleUrl, compareText, filingTags, groupByArticle, writeWhole, writerOf } from './bundle'
import { citationWithoutUrl } from './citation'
import { pageCitation } from '../pdf-text'
import { annotationBlocks } from './markdown-annotation'
import { escapeInline, escapeLine, markdownUrl, obsidianTag, tagName } from './markdown-escape'
import { createSlugger } from './slug'

export type MarkdownOptions = { layout: 'per-article' | 'combined'; groupBy: 'article' | 'tag' }

export const MARKDOWN_MIME = 'text/markdown; charset=utf-8'
export const COMBINED_NAME = 'notes.md'
export const BY_TAG_NAME = 'notes-by-tag.md'
const EXPORT_TITLE = 'Glossa notes'

/**
 * `per-article` + `article`: one `<slug>.md` per article. `combined` + `article`: one `notes.md` with a `##`
 * section per article. `tag` (either layout): one `notes-by-tag.md` with a `##` section per tag.
 */
export function exportMarkdown(bundle: ExportBundle, opts: MarkdownOptions): ExportFile[] {
  if (opts.groupBy === 'tag')
    return [markdownFile(BY_TAG_NAME, byTagDocument(bundle, groupByArticle(bundle)))]
  if (opts.layout === 'combined') return writeWhole(combinedMarkdownWriter(bundle.generatedAt), bundle)
  return writeWhole(perArticleMarkdownWriter(), bundle)
}

/** `per-article` + `article` a slice of articles at a time: one `<slug>.md` per article, names kept apart. */
export function perArticleMarkdownWriter(): ExportWriter {
  const files: ExportFile[] = []
  const next = perArticleMarkdownFiles()
  return { add: (slice) => void files.push(...next(slice)), finish: () => files }
}

/**
 * Each slice's `<slug>.md` files as it comes (names kept apart across slices), for an export that writes them
 * out before the next slice is read.
 */
export function perArticleMarkdownFiles(): (slice: ExportBundle) => ExportFile[] {
  const slug = createSlugger()
  return (slice) =>
    groupByArticle(slice).map((group) =>
      markdownFile(`${slug(group.article.title, group.article.id)}.md`, articleDocument(group)),
    )
}

function markdownFile(name: string, content: string): ExportFile {
  return { name, content, mime: MARKDOWN_MIME }
}

/** YAML front matter; every string double-quoted, so titles like `yes`, `2024` or `a: b` stay strings. */
export function frontMatter(fields: Record<string, string | number | string[] | undefined>): string {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
  const yaml = stringify(defined, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
  })
  return `---\n${yaml}---`
}

/** The fields of an article's front matter; tags as Obsidian reads them. */
export function articleFrontMatter(article: ArticleMeta): Record<string, string | string[] | undefined> {
  return {
    title: article.title,
    source: article.source,
    author: article.author,
    date: article.publishedAt,
    url: articleUrl(article),
    tags: article.tags.map(tagName),
  }
}

/** `Author (2023, December 21). Title. Source. <https://…>` with the text escaped and the URL linked. */
export function citationLine(article: ArticleMeta): string {
  const url = articleUrl(article)
  const lead = escapeInline(citationWithoutUrl(article))
  return url ? `${lead} ${markdownUrl(url.trim())}` : lead
}

function articleSection({ article, annotations }: ArticleAnnotations, level: number, tags: boolean): string {
  const blocks = [`${'#'.repeat(level)} ${escapeLine(article.title)}`, citationLine(article)]
  if (tags && article.tags.length) blocks.push(article.tags.map(obsidianTag).join(' '))
  for (const annotation of annotations) {
    blocks.push(annotationBlocks(annotation, level, [], pageOf(article, annotation)))
  }
  return blocks.join('\n\n')
}

function articleDocument(group: ArticleAnnotations): string {
  return `${frontMatter(articleFrontMatter(group.article))}\n\n${articleSection(group, 1, false)}\n`
}

function exportFrontMatter(bundle: ExportBundle, groups: ArticleAnnotations[], groupedBy: string): string {
  const annotations = groups.reduce((sum, group) => sum + group.annotations.length, 0)
  return countsFrontMatter(bundle.generatedAt, groups.length, annotations, groupedBy)
}

function countsFrontMatter(
  generated: string,
  articles: number,
  annotations: number,
  groupedBy: string,
): string {
  return frontMatter({ title: EXPORT_TITLE, generated, articles, annotations, grouped_by: groupedBy })
}

/** notes.md, combined by article, a slice of articles at a time: the front matter's counts come last. */
export function combinedMarkdownWriter(generatedAt: string): ExportWriter {
  return writerOf(combinedMarkdownStream(generatedAt))
}

/** notes.md a slice at a time: its front matter counts the articles and annotations, so it is written last. */
export function combinedMarkdownStream(generatedAt: string): StreamWriter {
  let articles = 0
  let annotations = 0
  return {
    name: COMBINED_NAME,
    mime: MARKDOWN_MIME,
    add(slice) {
      let text = ''
      for (const group of groupByArticle(slice)) {
        text += `\n\n${articleSection(group, 2, true)}`
        articles++
        annotations += group.annotations.length
      }
      return text
    },
    end: () => ({
      head: `${countsFrontMatter(generatedAt, articles, annotations, 'article')}\n\n# ${EXPORT_TITLE}`,
      tail: '\n',
    }),
  }
}

/** Hierarchical order: level by level, so `a` < `a/b` < `a/c` < `a-b` < `b`; case-insensitive first. */
export function compareTags(a: string, b: string): number {
  const pa = a.split('/')
  const pb = b.split('/')
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const order = compareText(pa[i].toLowerCase(), pb[i].toLowerCase()) || compareText(pa[i], pb[i])
    if (order) return order
  }
  return pa.length - pb.length
}

function byTagDocument(bundle: ExportBundle, groups: ArticleAnnotations[]): string {
  const byTag = new Map<string, string[]>()
  const untagged: string[] = []
  for (const { article, annotations } of groups) {
    const line = citationLine(article)
    for (const annotation of annotations) {
      // each block made once, however many tags file it
      const text = citedBlocks(article, annotation, line)
      const tags = filingTags(annotation)
      if (!tags.length) untagged.push(text)
      for (const tag of tags) {
        const list = byTag.get(tag) ?? []
        list.push(text)
        byTag.set(tag, list)
      }
    }
  }
  const sections = [...byTag.entries()]
    .sort(([a], [b]) => compareTags(a, b))
    .map(([tag, blocks]) => [byTagHeading(tag), ...blocks].join('\n\n'))
  if (untagged.length) sections.push([byTagHeading(null), ...untagged].join('\n\n'))
  return (
    [exportFrontMatter(bundle, groups, 'tag'), `# ${EXPORT_TITLE} by tag`, ...sections].join('\n\n') + '\n'
  )
}

/**
 * notes-by-tag.md's parts for a slice of articles, for an export that files them as they come (by-tag-stream.ts
 * in the main process): each annotation's block once, in the order it has under every tag it is filed under,
 * with those tags (none: Untagged). The document is byTagHead, then for each tag in compareTags order its
 * byTagHeading and its blocks, each after a blank line, then the Untagged section, then a newline — as
 * exportMarkdown writes it from the whole bundle.
 */
export function byTagSlice(slice: ExportBundle): {
  articles: number
  annotations: number
  blocks: { tags: string[]; text: string }[]
} {
  const groups = groupByArticle(slice)
  const blocks = groups.flatMap(({ article, annotations }) => {
    const line = citationLine(article)
    return annotations.map((annotation) => ({
      tags: filingTags(annotation),
      text: citedBlocks(article, annotation, line),
    }))
  })
  return { articles: groups.length, annotations: blocks.length, blocks }
}

/** The front matter and title of notes-by-tag.md, which count the whole export's articles and annotations. */
export function byTagHead(generatedAt: string, articles: number, annotations: number): string {
  return `${countsFrontMatter(generatedAt, articles, annotations, 'tag')}\n\n# ${EXPORT_TITLE} by tag`
}

/** A tag's section heading in notes-by-tag.md; no tag: the Untagged section's. */
export function byTagHeading(tag: string | null): string {
  return tag === null ? '## Untagged' : `## ${obsidianTag(tag)}`
}

/** An annotation's blocks with the citation after them; `line` is the article's citationLine, made once for all. */
function citedBlocks(article: ArticleMeta, annotation: Annotation, line: string): string {
  const page = pageOf(article, annotation)
  return annotationBlocks(annotation, 2, [`— ${line}${page ? ` ${page}` : ''}`])
}

/** `p. 12` for an annotation in a PDF report: the page its passage starts on. */
function pageOf(article: ArticleMeta, annotation: Annotation): string | undefined {
  return pageCitation(article.pdf, annotation.target.position.start)
}
