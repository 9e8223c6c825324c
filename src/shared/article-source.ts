// Runs everywhere: what an article's source is called when the page named none, so the library, CSV and
// citations never show a blank. Imports since #14 store the domain or file name; older articles fall back here.

type Sourced = { source?: string; url?: string; canonicalUrl?: string; title: string }

/** `www.example.org/…` → `example.org`; undefined for anything that is not a URL with a host. */
export function domainOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined
  } catch {
    return undefined
  }
}

/** The stated source, else the domain of the article's URL (or canonical URL); undefined when there is neither. */
export function sourceOrDomain(article: Sourced): string | undefined {
  return article.source?.trim() || domainOf(article.url) || domainOf(article.canonicalUrl)
}

/** Never blank: the source, else the URL's domain, else the title. */
export function sourceLabel(article: Sourced): string {
  return sourceOrDomain(article) ?? article.title
}
