// Runs everywhere: CSL-JSON (the citeproc input format Zotero, Pandoc and citation.js read) for the articles.
import type { ArticleMeta } from '../types'
import type { ExportBundle, ExportFile } from './bundle'
import { articleUrl, dateParts } from './bundle'
import type { CslName } from './csl-names'
import { parseAuthors } from './csl-names'

export const CSL_MIME = 'application/vnd.citationstyles.csl+json'

type CslDate = { 'date-parts': [[number, number, number]] }

export type CslItem = {
  id: string
  type: 'article-newspaper' | 'webpage'
  title: string
  'container-title'?: string
  author?: CslName[]
  issued?: CslDate
  URL?: string
  accessed?: CslDate
  language?: string
  abstract?: string
  keyword?: string
}

function cslDate(iso: string | undefined): CslDate | undefined {
  const parts = dateParts(iso)
  return parts ? { 'date-parts': [parts] } : undefined
}

/** A newspaper article when it has a source, else a web page; absent fields are left out, never empty. */
export function toCslItem(article: ArticleMeta, accessedAt: string): CslItem {
  const item: CslItem = {
    id: article.id,
    type: article.source?.trim() ? 'article-newspaper' : 'webpage',
    title: article.title,
    'container-title': article.source?.trim() || undefined,
    author: parseAuthors(article.author),
    issued: cslDate(article.publishedAt),
    URL: articleUrl(article),
    accessed: cslDate(accessedAt),
    language: article.language,
    abstract: article.excerpt,
    keyword: article.tags.join(', ') || undefined,
  }
  if (!item.author?.length) delete item.author
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && v !== '')) as CslItem
}

/** articles.csl.json: one item per article in bundle order; `accessed` is the export date. */
export function exportCslJson(bundle: ExportBundle): ExportFile {
  const items = bundle.articles.map((article) => toCslItem(article, bundle.generatedAt))
  return { name: 'articles.csl.json', content: `${JSON.stringify(items, null, 2)}\n`, mime: CSL_MIME }
}
