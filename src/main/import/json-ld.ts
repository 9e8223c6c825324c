// Main process: the article facts a page states in schema.org JSON-LD, read defensively (pages get it wrong).
import type { DomDocument } from './dom'
import { all } from './dom'

export type JsonLdArticle = {
  headline?: string
  author?: string
  publisher?: string
  datePublished?: string
  url?: string
  language?: string
  description?: string
}

const ARTICLE_TYPE = /Article$|^BlogPosting$|^Report$|^WebPage$|^LiveBlogPosting$/
type Json = Record<string, unknown>

export function readJsonLd(doc: DomDocument): JsonLdArticle {
  const nodes = all(doc, 'script[type]')
    .filter((script) => script.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json')
    .flatMap((script) => flatten(parse(script.textContent)))
  // The most specific article wins over a WebPage that merely wraps it.
  const ranked = nodes
    .filter((n) => types(n).some((t) => ARTICLE_TYPE.test(t)))
    .sort((a, b) => Number(isPage(a)) - Number(isPage(b)))
  const item = ranked[0]
  if (!item) return {}
  return {
    headline: text(item.headline) ?? text(item.name),
    author: names(item.author),
    publisher: names(item.publisher) ?? names(item.sourceOrganization),
    datePublished: text(item.datePublished) ?? text(item.dateCreated),
    url: text(item.url) ?? idOf(item.mainEntityOfPage),
    language: text(item.inLanguage),
    description: text(item.description),
  }
}

function parse(raw: string | null): unknown {
  if (!raw) return undefined
  try {
    return JSON.parse(raw.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, ''))
  } catch {
    return undefined
  }
}

function flatten(value: unknown, depth = 0): Json[] {
  if (depth > 4 || !value || typeof value !== 'object') return []
  if (Array.isArray(value)) return value.flatMap((v) => flatten(v, depth + 1))
  const obj = value as Json
  return [obj, ...flatten(obj['@graph'], depth + 1)]
}

function types(node: Json): string[] {
  const t = node['@type']
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string')
}

function isPage(node: Json): boolean {
  return types(node).includes('WebPage')
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  if (Array.isArray(value)) return text(value[0])
  return undefined
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  return value && typeof value === 'object'
    ? (text((value as Json)['@id']) ?? text((value as Json).url))
    : undefined
}

/** "Ana Lima", { name }, or a list of either, as one comma-separated string. */
function names(value: unknown): string | undefined {
  const list = (Array.isArray(value) ? value : [value])
    .map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? text((v as Json).name) : undefined))
    .filter((v): v is string => !!v && !/^https?:/i.test(v))
  return list.length ? [...new Set(list.map((v) => v.trim()))].join(', ') : undefined
}
