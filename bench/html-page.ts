// Bench (Node): a saved news web page of 20–60 KB — head metadata, JSON-LD, analytics and app-state
// scripts, navigation, cookie banner, the article, related links, newsletter box and footer — as a browser's
// "Save page as" would write it. The article itself is a few KB; the rest is the furniture import removes.
import { escapeHtml } from '../src/shared/text-model'
import { newsStory } from './news-text'
import type { Random } from './random'
import { forItem } from './random'
import { PLACES, SOURCES, TOPICS } from './vocabulary'

const SECTIONS = [
  'News',
  'World',
  'Business',
  'Politics',
  'Sport',
  'Culture',
  'Opinion',
  'Science',
  'Weather',
]

function navLinks(r: Random, host: string, count: number): string {
  return Array.from({ length: count }, () => {
    const section = r.pick(SECTIONS)
    return `<li><a href="https://${host}/${section.toLowerCase()}/${r.int(100, 9999)}">${section}: ${escapeHtml(r.pick(PLACES))} ${r.pick(TOPICS).name}</a></li>`
  }).join('\n        ')
}

function appState(r: Random, bytes: number): string {
  const items: string[] = []
  let size = 0
  while (size < bytes) {
    const item = `{"id":${r.int(1, 1e6)},"slot":"ad-${r.int(1, 40)}","topic":"${r.pick(TOPICS).tag}","weight":${r.next().toFixed(4)},"seen":${r.chance(0.5)}}`
    items.push(item)
    size += item.length + 1
  }
  return `window.__APP_STATE__ = {"experiments":[${items.join(',')}]};`
}

/** Page `index` of a run: the same bytes for the same seed and index, and a distinct article per index. */
export function savedNewsPage(seed: number, index: number): { name: string; html: string } {
  const r = forItem(seed, 'page', index)
  const story = newsStory(r, r.int(3000, 8000))
  const source = r.pick(SOURCES)
  const host = `www.${source.toLowerCase().replace(/[^a-z]+/g, '-')}.example`
  const url = `https://${host}/${story.publishedAt.slice(0, 4)}/${index}-${r.int(1e5, 1e6)}`
  const target = r.int(20_000, 60_000)
  const title = escapeHtml(story.title)
  const paragraphs = story.paragraphs.map((p) => `      <p>${escapeHtml(p)}</p>`).join('\n')
  const head = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>${title} | ${escapeHtml(source)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="${escapeHtml(story.standfirst)}">
  <meta name="author" content="${escapeHtml(story.author)}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="${title}">
  <meta property="og:site_name" content="${escapeHtml(source)}">
  <meta property="og:url" content="${url}">
  <meta property="article:published_time" content="${story.publishedAt}T07:45:00+00:00">
  <link rel="canonical" href="${url}">
  <link rel="stylesheet" href="https://${host}/css/site.${r.int(1000, 9999)}.css">
  <style>body { font-family: Georgia, serif; } .ad { min-height: 90px; } .cookie { position: fixed; }</style>
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"${story.publishedAt}","author":[{"@type":"Person","name":"${escapeHtml(story.author)}"}],"publisher":{"@type":"Organization","name":"${escapeHtml(source)}"}}</script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){ dataLayer.push(arguments); } gtag('config', 'G-${r.int(1e6, 9e6)}');</script>
  <script async src="https://ads.example-adnetwork.com/tag.js"></script>
</head>`
  const body = `<body class="article-page">
  <div class="cookie" id="cookie-banner"><p>We use cookies to personalise content and ads. By continuing to browse you accept our cookie policy.</p><button>Accept all</button></div>
  <header class="site-header">
    <a href="/" class="logo"><img src="/img/logo.svg" alt="${escapeHtml(source)}"></a>
    <nav class="main-nav" aria-label="Sections">
      <ul>
        ${navLinks(r, host, 40)}
      </ul>
    </nav>
  </header>
  <div class="ad ad-leaderboard"><span>Advertisement</span><iframe src="https://ads.example-adnetwork.com/frame?slot=top"></iframe></div>
  <main id="content">
    <article class="story">
      <header>
        <p class="kicker">${escapeHtml(story.topic.name)}</p>
        <h1 class="headline">${title}</h1>
        <p class="standfirst">${escapeHtml(story.standfirst)}</p>
        <div class="byline">By <a rel="author" href="/authors/${index}">${escapeHtml(story.author)}</a></div>
        <time datetime="${story.publishedAt}">${story.publishedAt}</time>
      </header>
      <figure><img src="https://cdn.${host}/img/${index}.jpg" alt="${escapeHtml(story.place)}"><figcaption>${escapeHtml(story.place)}. Photograph: staff</figcaption></figure>
${paragraphs}
    </article>
    <aside class="related"><h2>Most read</h2><ol>
        ${navLinks(r, host, 12)}
    </ol></aside>
    <section class="newsletter"><h2>Sign up for the morning briefing</h2><form><input type="email" placeholder="Email"><button>Sign up</button></form></section>
  </main>
  <footer class="site-footer"><ul>
        ${navLinks(r, host, 30)}
  </ul><p>© ${escapeHtml(source)}. All rights reserved.</p></footer>
`
  const tail = `<script src="https://${host}/js/app.${r.int(1000, 9999)}.js"></script>\n</body>\n</html>\n`
  const filler = Math.max(0, target - head.length - body.length - tail.length - 40)
  const html = `${head}\n${body}  <script>${appState(r, filler)}</script>\n${tail}`
  return { name: `saved-page-${String(index).padStart(3, '0')}.html`, html }
}
