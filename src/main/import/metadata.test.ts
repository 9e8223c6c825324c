import { describe, expect, it } from 'vitest'
import { loadHtml } from './skeleton'
import { readPageMeta } from './metadata'

function meta(head: string, body = '<p>x</p>', url?: string, htmlAttrs = '') {
  return readPageMeta(
    loadHtml(`<!doctype html><html${htmlAttrs}><head>${head}</head><body>${body}</body></html>`),
    url,
  )
}

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`

describe('readPageMeta', () => {
  it.each([
    [
      'og:title wins over <title>',
      meta('<title>T | Site</title><meta property="og:title" content="T">'),
      { title: 'T' },
    ],
    [
      'JSON-LD headline when there is no og:title',
      meta(ld({ '@type': 'NewsArticle', headline: 'H' })),
      { title: 'H' },
    ],
    [
      'article:author that is a URL is skipped',
      meta(
        '<meta property="article:author" content="https://social.example/ana">' +
          ld({ '@type': 'Article', author: { name: 'Ana Lima' } }),
      ),
      { author: 'Ana Lima' },
    ],
    [
      'JSON-LD author list',
      meta(ld({ '@type': 'NewsArticle', author: [{ name: 'A' }, 'B', { name: 'A' }] })),
      { author: 'A, B' },
    ],
    [
      'JSON-LD in @graph, article preferred to WebPage',
      meta(
        ld({
          '@graph': [
            { '@type': 'WebPage', name: 'Page' },
            { '@type': ['NewsArticle'], headline: 'Story', datePublished: '2024-05-01' },
          ],
        }),
      ),
      { title: 'Story', publishedAt: '2024-05-01' },
    ],
    [
      'broken JSON-LD is ignored',
      meta('<script type="application/ld+json">{ nope</script><meta name="author" content="C">'),
      { author: 'C' },
    ],
    [
      'publisher name as site',
      meta(ld({ '@type': 'Article', publisher: { name: 'The Daily' } })),
      { siteName: 'The Daily' },
    ],
    [
      '<time datetime> in the article',
      meta('', '<article><time datetime="2024-02-03T10:00:00Z">3 Feb</time></article>'),
      { publishedAt: '2024-02-03T10:00:00Z' },
    ],
    [
      '<time> text when it has no datetime',
      meta('', '<time pubdate>March 5, 2024</time>'),
      { publishedAt: '2024-03-05' },
    ],
    [
      'og:locale as a language tag',
      meta('<meta property="og:locale" content="uk_UA">'),
      { language: 'uk-UA' },
    ],
    [
      'html lang wins',
      meta('<meta property="og:locale" content="uk_UA">', '<p>x</p>', undefined, ' lang="de"'),
      { language: 'de' },
    ],
    [
      'a bogus lang is ignored',
      meta('', '<p>x</p>', undefined, ' lang="not a language"'),
      { language: undefined },
    ],
    ['dir from <html>', meta('', '<p>x</p>', undefined, ' dir="RTL"'), { dir: 'rtl' }],
    [
      'relative canonical against the page URL',
      meta('<link rel="canonical" href="/a/b">', '', 'https://site.example/x/y?z=1'),
      { canonicalUrl: 'https://site.example/a/b' },
    ],
    [
      'og:url when there is no canonical link',
      meta('<meta property="og:url" content="https://site.example/story">'),
      { canonicalUrl: 'https://site.example/story' },
    ],
    [
      'a javascript: canonical is refused',
      meta('<link rel="canonical" href="javascript:alert(1)">'),
      { canonicalUrl: undefined },
    ],
    [
      '<base> resolves against the page URL',
      meta('<base href="/archive/">', '', 'https://site.example/x'),
      { baseUrl: 'https://site.example/archive/' },
    ],
    ['no base: the page URL', meta('', '', 'https://site.example/x'), { baseUrl: 'https://site.example/x' }],
    [
      'description as excerpt',
      meta('<meta name="description" content="  A   short\n summary. ">'),
      { excerpt: 'A short summary.' },
    ],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toMatchObject(expected)
  })
})
