import { describe, expect, it } from 'vitest'
import { loadBundle } from '../../../test/fixtures/export/fixture'
import { expectAnnotations, inlineText } from '../../../test/fixtures/export/markdown-expect'
import { blocks, splitFrontMatter } from '../../../test/fixtures/export/markdown-tokens'
import type { Annotation } from '../types'
import { citation } from './citation'
import { compareTags, exportMarkdown } from './markdown'

const bundle = loadBundle()

describe('exportMarkdown by tag', () => {
  const [file] = exportMarkdown(bundle, { layout: 'combined', groupBy: 'tag' })
  const tokens = blocks(splitFrontMatter(file.content).body)
  const starts = tokens.flatMap((t, n) => (t.type === 'heading' && t.depth === 2 ? [n] : []))
  const sections = starts.map((start, i) => tokens.slice(start, starts[i + 1] ?? tokens.length))
  const filed = (a: Annotation) => [...new Set([...a.tags, ...(a.figure?.metric ? [a.figure.metric] : [])])]

  it('has one section per tag and metric, sorted by hierarchy, untagged last', () => {
    expect(file.name).toBe('notes-by-tag.md')
    const tags = [...new Set(bundle.annotations.flatMap(filed))].sort(compareTags)
    expect(sections.map((s) => inlineText(s[0]))).toEqual([
      ...tags.map((t) => `#${t.replace(/ /g, '-')}`),
      'Untagged',
    ])
  })

  it('lists every annotation under each of its tags, each with a citation back to its article', () => {
    const byArticle = new Map(bundle.articles.map((a, i) => [a.id, i]))
    for (const section of sections) {
      const heading = inlineText(section[0])
      const members = bundle.annotations
        .filter((a) =>
          heading === 'Untagged'
            ? !filed(a).length
            : filed(a).some((t) => `#${t.replace(/ /g, '-')}` === heading),
        )
        .sort(
          (a, b) =>
            byArticle.get(a.articleId)! - byArticle.get(b.articleId)! ||
            a.target.position.start - b.target.position.start,
        )
      expect(members.length).toBeGreaterThan(0)
      expectAnnotations(section, members)
      const cited = section.filter((t) => t.type === 'paragraph' && t.raw.startsWith('— ')).map(inlineText)
      expect(cited).toEqual(
        members.map((a) => `— ${citation(bundle.articles.find((article) => article.id === a.articleId)!)}`),
      )
    }
  })
})

describe('compareTags', () => {
  it('sorts level by level', () => {
    const tags = ['b', 'a-b', 'a/c', 'A', 'a/b', 'a', 'a/b/c', 'Z']
    expect([...tags].sort(compareTags)).toEqual(['A', 'a', 'a/b', 'a/b/c', 'a/c', 'a-b', 'b', 'Z'])
  })
})
