// Main process: a Markdown note. Front matter gives the metadata; the body is rendered with marked and then goes
// through exactly the same sanitizer as a web page, since Markdown may carry raw HTML.
import { Marked } from 'marked'
import { cleanBody } from './clean-body'
import { childrenOf, isElement, isText, tagOf } from './dom'
import { ImportError, quoteName } from './errors'
import { splitFrontMatter } from './front-matter'
import { clean } from './metadata'
import { loadHtml } from './skeleton'
import { titleFromText } from './titles'
import type { ImportedDoc } from './types'
import { hostnameOf } from './urls'

const markdown = new Marked({ gfm: true, breaks: false })

export function parseMarkdown(md: string, opts: { name?: string } = {}): ImportedDoc {
  const { meta, body } = splitFrontMatter(md, opts.name)
  const rendered = render(body, opts.name)
  const doc = loadHtml(`<!doctype html><html><head></head><body>${rendered}</body></html>`, {
    name: opts.name,
  })
  const root = doc.body
  let title = meta.title
  // A leading "# Heading" is the title; drop it from the body unless front matter named a different one.
  const first = root
    ? childrenOf(root).find((n) => isElement(n) || (isText(n) && /\S/.test(n.nodeValue ?? '')))
    : undefined
  const heading = first && tagOf(first) === 'h1' ? clean(first.textContent, 1000) : undefined
  if (root && first && heading && (!title || title === heading)) {
    title = heading
    root.removeChild(first)
  }
  const found = root ? cleanBody(root, { baseUrl: meta.url, lang: meta.language }) : undefined
  if (!found || !/\S/.test(found.text)) {
    throw new ImportError(
      'empty',
      `${quoteName(opts.name, 'The note')} has no text besides its front matter and title.`,
    )
  }
  const source = meta.source ?? hostnameOf(meta.url)
  return {
    title: title ?? titleFromText(found.text),
    text: found.text,
    html: found.html,
    ...(source ? { source } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    ...(meta.language ? { language: meta.language } : {}),
    ...(meta.excerpt ? { excerpt: meta.excerpt } : {}),
    ...(meta.tags ? { tags: meta.tags } : {}),
    format: 'markdown',
  }
}

function render(body: string, name: string | undefined): string {
  try {
    return markdown.parse(body, { async: false })
  } catch (err) {
    // marked recurses per level of nesting; thousands of nested quotes or lists exhaust the stack.
    const reason = err instanceof Error ? err.message : String(err)
    throw new ImportError(
      'unsupported',
      `${quoteName(name, 'The note')} could not be read as Markdown (${reason}). Check it for deeply nested quotes or lists, or import it as a .txt file.`,
    )
  }
}
