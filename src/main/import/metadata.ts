// Main process: what a saved page says about itself (title, author, site, date, language, canonical URL), read
// from <meta>, <link>, JSON-LD and <time> before Readability rewrites the document.
import { cleanAttribute } from './sanitize'
import type { DomDocument, DomElement } from './dom'
import { all, isElement, tagOf } from './dom'
import { normalizeDate } from './dates'
import { readJsonLd } from './json-ld'
import { httpUrl } from './urls'

export type PageMeta = {
  title?: string
  author?: string
  siteName?: string
  publishedAt?: string
  language?: string
  dir?: string
  canonicalUrl?: string
  excerpt?: string
  /** What relative links resolve against: <base href> in the head, else the page URL. */
  baseUrl?: string
}

export function readPageMeta(doc: DomDocument, pageUrl?: string): PageMeta {
  const metas = metaMap(doc)
  const meta = (...keys: string[]) => keys.map((k) => metas.get(k)).find((v) => v !== undefined)
  const ld = readJsonLd(doc)
  const root = doc.documentElement
  const baseUrl =
    httpUrl(doc.head?.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? httpUrl(pageUrl)
  const canonicalHref = all(doc, 'link[rel][href]').find((l) =>
    /(^|\s)canonical(\s|$)/i.test(l.getAttribute('rel') ?? ''),
  )
  const timeEl = [
    'time[itemprop="datePublished"]',
    'time[pubdate]',
    'article time[datetime]',
    'time[datetime]',
  ]
    .map((selector) => doc.querySelector(selector))
    .find(Boolean)
  return {
    title: clean(meta('og:title', 'twitter:title') ?? ld.headline),
    author: clean(
      [meta('author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author'), ld.author].find(
        (v) => v && !/^https?:/i.test(v),
      ),
    ),
    siteName: clean(meta('og:site_name', 'application-name') ?? ld.publisher),
    publishedAt: [
      meta(
        'article:published_time',
        'datepublished',
        'date',
        'pubdate',
        'publishdate',
        'dc.date',
        'dcterms.created',
      ),
      ld.datePublished,
      timeEl?.getAttribute('datetime') ?? timeEl?.textContent ?? undefined,
      visibleBylineDate(doc),
    ]
      .map(normalizeDate)
      .find(Boolean),
    language: [
      root?.getAttribute('lang'),
      root?.getAttribute('xml:lang'),
      meta('content-language'),
      meta('og:locale')?.replace('_', '-'),
      ld.language,
    ]
      .map((v) => cleanAttribute('lang', v))
      .find((v) => v && v.length <= 20),
    dir: cleanAttribute('dir', root?.getAttribute('dir') ?? doc.body?.getAttribute('dir')),
    canonicalUrl: [canonicalHref?.getAttribute('href'), meta('og:url'), ld.url]
      .map((v) => httpUrl(v, baseUrl))
      .find(Boolean),
    excerpt: clean(meta('og:description', 'description', 'twitter:description') ?? ld.description, 2000),
    baseUrl,
  }
}

const DATE_LINE = /byline|dateline|meta|date|published|timestamp|posted/i
const MAX_LINE = 120

/** The line under the headline that names the author and the day ("By Ana Lima, March 3, 2024"): the last place a
 * date is looked for, after <meta>, JSON-LD and <time>. Only short lines, so a paragraph's dates are never taken. */
export function visibleBylineDate(doc: DomDocument): string | undefined {
  const h1 = doc.querySelector('body h1')
  const nearHeadline: DomElement[] = []
  for (let el = h1?.nextSibling ?? null, n = 0; el && n < 4; el = el.nextSibling) {
    if (!isElement(el)) continue
    nearHeadline.push(el)
    n++
  }
  const marked = all(doc, 'body [class], body [id]').filter((el) =>
    DATE_LINE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`),
  )
  for (const el of [...nearHeadline, ...marked]) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (!text || text.length > MAX_LINE || tagOf(el) === 'h1') continue
    const date = normalizeDate(text)
    if (date) return date
  }
  return undefined
}

/** Every <meta> by lower-cased name, property, itemprop or http-equiv; the first one of a name wins. */
function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>()
  for (const el of all(doc, 'meta[content]')) {
    const content = el.getAttribute('content')?.trim()
    if (!content) continue
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase()
      if (key && !map.has(key)) map.set(key, content)
    }
  }
  return map
}

/** One line of metadata: collapsed whitespace, at most `max` characters. */
export function clean(value: string | null | undefined, max = 500): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim()
  if (!text) return undefined
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}
