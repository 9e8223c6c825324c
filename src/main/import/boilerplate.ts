// Main process: page furniture Readability tends to keep when it sits inside the article column: ad slots,
// cookie and consent banners, share bars, newsletter boxes, hidden elements. Removed before Readability runs.
import type { DomDocument, DomElement } from './dom'
import { all, tagOf } from './dom'

// Whole class or id tokens, so "headline" or "download" never match "ad".
const FURNITURE =
  /^(ads?|adverts?|advertisement|ad[-_].+|.+[-_]ads?|adsbygoogle|dfp[-_].*|gpt[-_]ad.*|sponsored|sponsor[-_].+|promo|promoted|cookies?|cookie[-_].+|.+[-_]cookies?|consent|.+[-_]consent|consent[-_].+|gdpr.*|newsletter.*|.+[-_]newsletter|share|sharing|share[-_].+|.+[-_]share|social[-_].+|paywall.*|outbrain|taboola)$/i
const SELECTORS =
  '[hidden], [aria-hidden="true"], [data-ad], [data-ad-slot], [data-ad-unit], [role="dialog"], [role="alertdialog"]'
const PROTECTED = new Set(['html', 'head', 'body', 'main', 'article'])

export function removeFurniture(doc: DomDocument): void {
  const doomed = all(doc, SELECTORS).concat(all(doc, '[class], [id]').filter(isFurniture))
  for (const el of doomed) {
    if (PROTECTED.has(tagOf(el)) || el.querySelector('article, main, h1')) continue
    el.parentNode?.removeChild(el)
  }
}

function isFurniture(el: DomElement): boolean {
  const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/)
  return tokens.some((token) => token !== '' && FURNITURE.test(token))
}

// Readability's own test for a byline; it only removes one when the page's <meta> named no author.
const BYLINE = /byline|author|dateline|writtenby|p-author/i

/** Removes byline elements ("By Ana Lima, Staff Reporter") and returns the first one's text. */
export function removeBylines(doc: DomDocument): string | undefined {
  let first: string | undefined
  for (const el of all(doc, 'body *')) {
    if (PROTECTED.has(tagOf(el)) || !isByline(el)) continue
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (!text || text.length >= 100 || el.querySelector('p, h1, h2, h3, img, figure')) continue
    first ??= text
    el.parentNode?.removeChild(el)
  }
  return first
}

function isByline(el: DomElement): boolean {
  const rel = el.getAttribute('rel')
  const itemprop = el.getAttribute('itemprop') ?? ''
  const match = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
  return rel === 'author' || itemprop.includes('author') || BYLINE.test(match)
}

// Whole lines Readability keeps inside the article column: prompts, labels and widgets, never article text.
const BOILERPLATE_LINES = [
  /^continue reading( the main story| below| after the advertisement)?\.?$/i,
  /^(advertisement|advertising|ad|sponsored|sponsored content|story continues below advertisement)$/i,
  /^(read more|related|see also|more on this story|recommended|most read|also read|read next)\b\s*[:|–—-]/i,
  /^(read more|related|related articles|related stories|see also|more on this story|recommended)$/i,
  /^(sign up|subscribe|get|join)\b.{0,60}\b(newsletter|briefing|bulletin|alerts)\b.*$/i,
  /^share (this|on|via)\b.{0,40}$/i,
  /^(share|tweet|email|print|copy link|save)( article| story)?$/i,
  /^(photo|photograph|image|picture|video|gallery|enlarge this image|toggle caption|expand)$/i,
  /^(photo|image|slide|picture) \d+ (of|\/) \d+$/i,
  /^powered by\s.{1,60}$/i,
]
const LINE_TAGS = new Set([
  'p',
  'div',
  'span',
  'li',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'aside',
  'section',
  'strong',
  'em',
  'b',
  'i',
  'a',
  'small',
])

export function isBoilerplateLine(text: string): boolean {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 0 && line.length <= 120 && BOILERPLATE_LINES.some((re) => re.test(line))
}

/** Removes blocks that are nothing but one boilerplate line ("Advertisement", "Read more: …", "Photo"). */
export function removeBoilerplateLines(root: {
  querySelectorAll(selector: string): ArrayLike<DomElement>
}): void {
  for (const el of all(root, '*')) {
    if (!LINE_TAGS.has(tagOf(el)) || !el.parentNode || el.querySelector('img, figure, table')) continue
    if (isBoilerplateLine(el.textContent ?? '')) el.parentNode.removeChild(el)
  }
}
