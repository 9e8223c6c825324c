// e2e: what the page in front of the test references and renders, read inside the page. `foreignReferences`
// is handed to page.evaluate, so it is self-contained: everything it needs is declared inside it.

export type PageReferences = {
  /** Attributes and style rules that point at another origin (data: and blob: stay inside the page), and
   * event handler attributes. */
  foreign: string[]
  /** Links (a, area) to anywhere but the app's own origin; the test checks each with isSafeExternalUrl. */
  links: { href: string; rel: string }[]
  /** Elements inside a rendered note (a sidebar card's, a search result's) that are not Markdown's own. */
  inNotes: string[]
  /** Form controls, media, frames and embedded documents inside the article body. */
  inBody: string[]
  /** What a payload would have set, and the page title a payload would have changed. */
  xss: unknown
  title: string
  /** Loads the Content-Security-Policy blocked (collected by an init script, when there is one). */
  blocked: string[]
}

export function foreignReferences(): PageReferences {
  const words = (list: string) => new Set(list.split(' '))
  const NOTE_ELEMENTS = words('p br strong em del code pre blockquote ul ol li h1 h2 h3 h4 h5 h6 hr a')
  for (const name of words('table thead tbody tr th td')) NOTE_ELEMENTS.add(name)
  const BODY_FORBIDDEN = [
    ...['form', 'input', 'button', 'select', 'textarea', 'video', 'audio', 'source', 'track'],
    ...['iframe', 'frame', 'object', 'embed', 'svg', 'math'],
  ].join(', ')
  const URL_ATTRIBUTES = words(
    'src srcset imagesrcset href xlink:href background poster action formaction data ping',
  )
  for (const name of words('cite longdesc lowsrc dynsrc codebase archive manifest icon'))
    URL_ATTRIBUTES.add(name)
  const own = location.origin
  const foreign: string[] = []
  const links: { href: string; rel: string }[] = []
  const elsewhere = (value: string): boolean => {
    try {
      const url = new URL(value.trim(), document.baseURI)
      return url.origin !== own && url.protocol !== 'data:' && url.protocol !== 'blob:'
    } catch {
      return false // not a URL, so nothing to load
    }
  }
  const cssUrls = (css: string): string[] =>
    [...css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3/gi)].map((m) => m[2] ?? m[4])

  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase()
      // React never writes event handler attributes: one in the page came from content.
      if (name.startsWith('on')) foreign.push(`<${el.localName} ${name}> (an event handler)`)
      if (name === 'style') {
        for (const u of cssUrls(attr.value)) if (elsewhere(u)) foreign.push(`<${el.localName} style> ${u}`)
        continue
      }
      if (!URL_ATTRIBUTES.has(name)) continue
      const values = /srcset$/.test(name)
        ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0])
        : name === 'ping'
          ? attr.value.split(/\s+/)
          : [attr.value]
      for (const value of values.filter(Boolean)) {
        if (!elsewhere(value)) continue
        if (name === 'href' && (el.localName === 'a' || el.localName === 'area'))
          links.push({ href: attr.value, rel: el.getAttribute('rel') ?? '' })
        else foreign.push(`<${el.localName} ${name}="${value}">`)
      }
    }
  }
  for (const style of document.querySelectorAll('style'))
    for (const u of cssUrls(style.textContent ?? '')) if (elsewhere(u)) foreign.push(`<style> ${u}`)

  const inNotes = [...document.querySelectorAll('.card-note *, .snippet-note *')]
    .map((el) => el.localName)
    .filter((name) => !NOTE_ELEMENTS.has(name))
  const inBody = [...document.querySelectorAll(`[data-testid="article-body"] :is(${BODY_FORBIDDEN})`)].map(
    (el) => el.localName,
  )
  const w = window as unknown as { __xss?: unknown; __blocked?: string[] }
  return { foreign, links, inNotes, inBody, xss: w.__xss, title: document.title, blocked: w.__blocked ?? [] }
}
