// Main process: a web page saved from a browser (or fetched) to a clean article: Readability finds the article,
// metadata.ts reads what the page says about it, clean-body.ts makes the stored HTML and text.
import { Readability } from '@mozilla/readability'
import { removeBoilerplateLines, removeBylines, removeFurniture } from './boilerplate'
import { cleanBody } from './clean-body'
import { normalizeDate } from './dates'
import type { DomDocument, DomNode } from './dom'
import { all, isElement, rename } from './dom'
import { formatBytes, ImportError, quoteName } from './errors'
import { clean, readPageMeta } from './metadata'
import { markImages, pendingIn } from './images'
import { cleanAttribute } from './sanitize'
import { loadHtml } from './skeleton'
import { stripAuthorName, stripBeyondHeadline, stripSiteName, titleFromText } from './titles'
import type { ImportedDoc } from './types'
import { MAX_IMPORT_BYTES } from './types'
import { hostnameOf, httpUrl, resolveUrl } from './urls'

export type ParseHtmlOptions = {
  url?: string
  /** names the file in error messages */
  name?: string
  /** Keep the article's images as placeholders for the importer to fetch (images.ts); else they are dropped. */
  keepImages?: boolean
}

export function parseHtml(html: string, opts: ParseHtmlOptions = {}): ImportedDoc {
  const label = quoteName(opts.name, 'The page')
  if (html.length > MAX_IMPORT_BYTES) {
    throw new ImportError(
      'too_large',
      `${label} is larger than ${formatBytes(MAX_IMPORT_BYTES)}; save only the article and import that.`,
    )
  }
  if (!/\S/.test(html)) throw new ImportError('empty', `${label} is empty; there is no text to import.`)
  const pageUrl = httpUrl(opts.url)
  const doc = loadHtml(html, { name: opts.name })
  const meta = readPageMeta(doc, pageUrl)
  absolutizeLinks(doc, meta.baseUrl)
  removeFurniture(doc)
  const pending = opts.keepImages ? markImages(doc, meta.baseUrl) : []
  const byline = removeBylines(doc)
  const pageTitle = doc.title
  const headline = clean(doc.querySelector('body h1')?.textContent, 1000)
  demoteLeadHeadings(doc)
  // Readability's types name the DOM lib's Document, which this tsconfig only knows as Electron's stub;
  // at runtime it walks linkedom's document like any other, and hands back the article's root node.
  const article = new Readability<DomNode>(doc as unknown as Document, {
    serializer: (node) => node as unknown as DomNode,
  }).parse()
  const source = meta.siteName ?? clean(article?.siteName, 300) ?? hostnameOf(pageUrl ?? meta.canonicalUrl)
  const author = meta.author ?? cleanByline(byline) ?? cleanByline(article?.byline)
  // The page's own title, not Readability's guess: it cuts at any bar or dash, losing words that are neither
  // the site nor the author ("Budget 2025 | What the plan costs"). Only those two suffixes are taken off.
  const stated = titleWithoutSuffixes(clean(meta.title ?? pageTitle ?? article?.title, 1000) ?? '', {
    source,
    author,
    headline,
  })
  const content = article?.content ?? undefined
  if (content && isElement(content)) removeBoilerplateLines(content)
  const title = content ? takeTitleHeading(content, stated) : stated
  const found = content
    ? cleanBody(content, {
        baseUrl: meta.baseUrl,
        dir: meta.dir ?? article?.dir ?? undefined,
        lang: meta.language,
        keepPendingImages: opts.keepImages,
      })
    : undefined
  if (!found || !/\S/.test(found.text)) {
    throw new ImportError(
      'no_article',
      `${label} has no article text Glossa could find; it may be an index page, a login wall or a page that builds its text with scripts. Open the article itself in a browser, save it as HTML and import that file.`,
    )
  }
  return compact({
    title: title || titleFromText(found.text),
    text: found.text,
    html: found.html,
    source: clean(source, 300),
    url: pageUrl ?? meta.canonicalUrl,
    canonicalUrl: meta.canonicalUrl,
    author,
    publishedAt: meta.publishedAt ?? normalizeDate(article?.publishedTime),
    language: meta.language ?? cleanAttribute('lang', article?.lang ?? undefined),
    excerpt: meta.excerpt ?? excerptFrom(article?.excerpt, found.text),
    format: 'html',
    images: pendingIn(found.html, pending),
  })
}

/** Links are made absolute against the head's <base> (or the page URL) before Readability sees them, and any
 * <base> is removed, so one planted in the article body cannot redirect them. */
function absolutizeLinks(doc: DomDocument, baseUrl: string | undefined): void {
  for (const [selector, attr] of [
    ['a[href]', 'href'],
    ['img[src]', 'src'],
  ] as const) {
    for (const el of all(doc, selector)) {
      const value = el.getAttribute(attr) ?? ''
      const absolute = /^\s*data:/i.test(value) ? undefined : resolveUrl(value, baseUrl)
      if (absolute) el.setAttribute(attr, absolute)
    }
  }
  for (const base of all(doc, 'base')) base.parentNode?.removeChild(base)
}

/**
 * A heading that opens the article and repeats the title is dropped (Readability misses the repeat when it
 * cannot compare the words, as in Arabic); with no title at all, that heading becomes the title.
 */
function takeTitleHeading(content: DomNode, title: string): string {
  const heading = isElement(content) ? content.querySelector('h1, h2') : null
  const words = (s: string | null) =>
    (s ?? '')
      .toLowerCase()
      .replace(/[\s\p{P}]+/gu, ' ')
      .trim()
  if (!heading || !words(content.textContent).startsWith(words(heading.textContent))) return title
  if (title && words(heading.textContent) !== words(title)) return title
  heading.parentNode?.removeChild(heading)
  return title || (clean(heading.textContent, 1000) ?? '')
}

// What sites call the paragraph under the headline; Readability drops class names, so this is read before it runs.
const LEAD_CLASS =
  /(?<![a-z])(stand-?first|lede|lead(-?(text|in|para|paragraph))?|dek|summary|intro|sub-?headline|sub-?title)(?![a-z])/i
// A lead is a sentence or two; a short "Summary" or "Introduction" heading stays a heading.
const LEAD_WORDS = 8
const SENTENCE_WORDS = 15

/**
 * A lead paragraph some sites mark up as <h2> (a standfirst, dek or summary) is a paragraph: kept as one, so the
 * reader does not show the article's first sentences as a heading; so is any heading that reads as a sentence
 * (15 words or more ending in a full stop). The page's <h1> stays, and so do real subheadings.
 */
function demoteLeadHeadings(doc: DomDocument): void {
  for (const heading of all(doc, 'body h2, body h3, body h4, body h5, body h6')) {
    const marks = `${heading.getAttribute('class') ?? ''} ${heading.getAttribute('id') ?? ''}`
    const text = (heading.textContent ?? '').replace(/\s+/g, ' ').trim()
    const words = text.split(' ').length
    const sentence = words >= SENTENCE_WORDS && /[.!…]["'”’)]*$/.test(text)
    if ((LEAD_CLASS.test(marks) && words >= LEAD_WORDS) || sentence) rename(heading, 'p', doc)
  }
}

/** "Title – Author | Site" → "Title": the site, then the author, then whatever only the <title> adds to the
 * page's headline. */
function titleWithoutSuffixes(
  title: string,
  { source, author, headline }: { source?: string; author?: string; headline?: string },
): string {
  const bare = stripSiteName(stripAuthorName(stripSiteName(title, source), author), source)
  return stripBeyondHeadline(bare, headline)
}

/** Readability's excerpt is the first paragraph when the page has no description; skip one that is a byline. */
function excerptFrom(candidate: string | null | undefined, text: string): string | undefined {
  const usable = (s: string | undefined) => !!s && s.length >= 60 && !/^by\s/i.test(s)
  const cleaned = clean(candidate, 2000)
  if (usable(cleaned)) return cleaned
  return clean(
    text.split('\n\n').find((p) => usable(p)),
    300,
  )
}

function cleanByline(byline: string | null | undefined): string | undefined {
  return clean(byline?.replace(/^\s*by\s+/i, ''), 500)
}

function compact(doc: ImportedDoc): ImportedDoc {
  return Object.fromEntries(
    Object.entries(doc).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)),
  ) as ImportedDoc
}
