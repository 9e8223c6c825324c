import { describe, expect, it } from 'vitest'
import { loadBundle } from '../../../test/fixtures/export/fixture'
import {
  annotationsOf,
  expectAnnotations,
  headings,
  inlineText,
} from '../../../test/fixtures/export/markdown-expect'
import { allTokens, blocks, splitFrontMatter } from '../../../test/fixtures/export/markdown-tokens'
import type { ArticleMeta } from '../types'
import type { ExportBundle } from './bundle'
import { citation } from './citation'
import { exportMarkdown } from './markdown'

const bundle = loadBundle()

describe('exportMarkdown per article', () => {
  const files = exportMarkdown(bundle, { layout: 'per-article', groupBy: 'article' })

  it('writes one safely named file per article', () => {
    expect(files.map((f) => f.name)).toEqual([
      'ukraine-s-drone-makers-more-than-50-firms-now-in-production.md',
      'nauseda-energy-support-to-cost-1-2-billion-a-necessary-shield.md',
      'field-note-tram-vote-what-the-council-really-said.md',
    ])
    for (const file of files) {
      expect(file.name).toMatch(/^[a-z0-9-]{1,80}\.md$/)
      expect(file.mime).toBe('text/markdown; charset=utf-8')
    }
  })

  it.each(bundle.articles.map((article, i) => [article.id, i] as const))(
    '%s: front matter, title, citation and annotations read back',
    (_id, i) => {
      const article = bundle.articles[i]
      const { data, body } = splitFrontMatter(files[i].content)
      const expected: Record<string, unknown> = { title: article.title }
      if (article.source) expected.source = article.source
      if (article.author) expected.author = article.author
      if (article.publishedAt) expected.date = article.publishedAt
      if (article.url) expected.url = article.url
      expected.tags = article.tags
      expect(data).toEqual(expected)

      const tokens = blocks(body)
      expect(tokens[0]).toMatchObject({ type: 'heading', depth: 1 })
      expect(inlineText(tokens[0])).toBe(article.title)
      expect(tokens[1].type).toBe('paragraph')
      expect(inlineText(tokens[1])).toBe(citation(article))
      expect(headings(tokens, 1)).toHaveLength(1)
      expectAnnotations(tokens, annotationsOf(bundle.annotations, article))
    },
  )

  it('keeps notes as Markdown with headings moved below the title', () => {
    const tokens = blocks(splitFrontMatter(files[0].content).body)
    expect(headings(tokens, 2)).toEqual(['Follow-up'])
    const emphasis = allTokens(tokens).filter((t) => t.type === 'strong' || t.type === 'em')
    expect(emphasis.map(inlineText)).toEqual(expect.arrayContaining(['monthly', '2022']))
    const nausėda = blocks(splitFrontMatter(files[1].content).body)
    expect(nausėda.some((t) => t.type === 'table')).toBe(true)
    expect(nausėda.some((t) => t.type === 'paragraph' && t.text === '=SUM(A1:A9)')).toBe(true)
    // The note's unclosed fence is closed: the tags after it are still a paragraph.
    expect(nausėda[nausėda.length - 1]).toMatchObject({
      type: 'paragraph',
      text: '#politics/opposition\ncolour:: blue',
    })
  })

  it('writes tags as Obsidian tags and colours as inline fields', () => {
    const content = files[0].content
    expect(content).toContain('\n\n#follow-up #defence/industry\ncolour:: blue\n')
    expect(content).toContain('\n\n#defence/industry\ncolour:: green\n')
  })

  it('writes no HTML', () => {
    for (const file of files) {
      const types = new Set(allTokens(blocks(splitFrontMatter(file.content).body)).map((t) => t.type))
      expect(types.has('html')).toBe(false)
    }
  })

  it('quotes front matter strings that YAML would otherwise retype or break', () => {
    const tricky: ArticleMeta = {
      ...bundle.articles[0],
      title: 'yes',
      source: '2024',
      author: 'null',
      url: 'https://x.example/a: b # c',
      tags: ['follow up', 'a/b'],
    }
    const [file] = exportMarkdown(
      { ...bundle, articles: [tricky] },
      { layout: 'per-article', groupBy: 'article' },
    )
    expect(splitFrontMatter(file.content).data).toEqual({
      title: 'yes',
      source: '2024',
      author: 'null',
      date: tricky.publishedAt,
      url: 'https://x.example/a: b # c',
      tags: ['follow-up', 'a/b'],
    })
    for (const title of [
      '---',
      'a\n---\nb',
      '\'quoted\' "double"',
      'key: value',
      '- item',
      '[flow]',
      '{a: 1}',
    ]) {
      const [f] = exportMarkdown(
        { ...bundle, articles: [{ ...tricky, title }] },
        { layout: 'per-article', groupBy: 'article' },
      )
      expect(splitFrontMatter(f.content).data).toMatchObject({ title })
    }
  })

  it('numbers files whose titles collide', () => {
    const twin = { ...bundle.articles[0], id: 'art-twin' }
    const names = exportMarkdown(
      { ...bundle, articles: [bundle.articles[0], twin, { ...twin, id: 'art-kyiv', title: 'Київ' }] },
      { layout: 'per-article', groupBy: 'article' },
    ).map((f) => f.name)
    expect(names).toEqual([
      'ukraine-s-drone-makers-more-than-50-firms-now-in-production.md',
      'ukraine-s-drone-makers-more-than-50-firms-now-in-production-2.md',
      'art-kyiv.md',
    ])
  })

  it('writes no files for an empty bundle', () => {
    const empty: ExportBundle = { generatedAt: bundle.generatedAt, articles: [], annotations: [] }
    expect(exportMarkdown(empty, { layout: 'per-article', groupBy: 'article' })).toEqual([])
  })
})

describe('exportMarkdown combined', () => {
  const files = exportMarkdown(bundle, { layout: 'combined', groupBy: 'article' })

  it('writes one notes.md with front matter once and a ## section per article', () => {
    expect(files.map((f) => f.name)).toEqual(['notes.md'])
    const { data, body } = splitFrontMatter(files[0].content)
    expect(data).toEqual({
      title: 'Glossa notes',
      generated: bundle.generatedAt,
      articles: 3,
      annotations: bundle.annotations.length,
      grouped_by: 'article',
    })
    expect(body).not.toMatch(/^---$/m)
    const tokens = blocks(body)
    expect(headings(tokens, 1)).toEqual(['Glossa notes'])
    expect(headings(tokens, 2)).toEqual(bundle.articles.map((a) => a.title))
    expect(headings(tokens, 3)).toEqual(['Follow-up'])
    expect(allTokens(tokens).some((t) => t.type === 'html')).toBe(false)
  })

  it.each(bundle.articles.map((article, i) => [article.id, i] as const))(
    '%s: section reads back',
    (_id, i) => {
      const article = bundle.articles[i]
      const tokens = blocks(splitFrontMatter(files[0].content).body)
      const starts = tokens.flatMap((t, n) => (t.type === 'heading' && t.depth === 2 ? [n] : []))
      const section = tokens.slice(starts[i], starts[i + 1] ?? tokens.length)
      expect(inlineText(section[1])).toBe(citation(article))
      expectAnnotations(section, annotationsOf(bundle.annotations, article))
    },
  )
})
