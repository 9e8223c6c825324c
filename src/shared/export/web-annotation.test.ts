import { describe, expect, it } from 'vitest'
import { loadBundle } from '../../../test/fixtures/export/fixture'
import type { Annotation } from '../types'
import { exportWebAnnotations, motivationOf } from './web-annotation'

const bundle = loadBundle()
const ANNO = 'http://www.w3.org/ns/anno.jsonld'

// From the W3C Web Annotation Vocabulary, §3.3.5 (Motivation and Purpose).
const W3C_MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
]

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value]

function isIri(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(value)) return false
  try {
    return new URL(value).protocol !== ''
  } catch {
    return false
  }
}

const isDateTime = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)

/** Every problem with one Annotation, checked against the model's MUSTs and value lists. */
function modelProblems(anno: unknown, standalone: boolean): string[] {
  const problems: string[] = []
  const fail = (message: string) => problems.push(message)
  if (!isObject(anno)) return ['not an object']
  if (standalone && !asArray(anno['@context']).includes(ANNO)) fail('@context lacks the anno context')
  if (!isIri(anno.id)) fail(`id is not an IRI: ${String(anno.id)}`)
  if (!asArray(anno.type).includes('Annotation')) fail('type is not Annotation')
  for (const m of asArray(anno.motivation))
    if (!W3C_MOTIVATIONS.includes(String(m))) fail(`motivation ${String(m)}`)
  for (const key of ['created', 'modified'])
    if (key in anno && !isDateTime(anno[key])) fail(`${key} not xsd:dateTime`)
  for (const body of asArray(anno.body)) {
    if (!isObject(body)) {
      fail('body is not an object')
      continue
    }
    if (body.type === 'TextualBody' && typeof body.value !== 'string') fail('TextualBody without value')
    if (body.purpose !== undefined && !W3C_MOTIVATIONS.includes(String(body.purpose)))
      fail(`purpose ${String(body.purpose)}`)
    if (body.format !== undefined && !/^[a-z]+\/[a-z0-9.+-]+$/.test(String(body.format)))
      fail('format not a MIME type')
  }
  const targets = asArray(anno.target)
  if (!targets.length) fail('no target')
  for (const target of targets) {
    if (!isObject(target)) {
      if (!isIri(target)) fail('target is neither a resource nor an IRI')
      continue
    }
    if (!isIri(target.source)) fail(`target source is not an IRI: ${String(target.source)}`)
    for (const selector of asArray(target.selector)) {
      if (!isObject(selector)) fail('selector is not an object')
      else if (selector.type === 'TextQuoteSelector') {
        if (typeof selector.exact !== 'string' || !selector.exact) fail('TextQuoteSelector without exact')
        for (const k of ['prefix', 'suffix'])
          if (k in selector && typeof selector[k] !== 'string') fail(`${k} not text`)
      } else if (selector.type === 'TextPositionSelector') {
        const { start, end } = selector
        if (!Number.isInteger(start) || !Number.isInteger(end))
          fail('TextPositionSelector start/end not integers')
        else if ((start as number) < 0 || (end as number) < (start as number))
          fail('TextPositionSelector out of order')
      } else fail(`unknown selector ${String(selector.type)}`)
    }
  }
  // Properties outside the anno context must be namespaced by the declared `glossa` prefix.
  const known = ['@context', 'id', 'type', 'motivation', 'created', 'modified', 'body', 'target']
  for (const key of Object.keys(anno))
    if (!known.includes(key) && !key.startsWith('glossa:')) fail(`unknown ${key}`)
  return problems
}

function parseCollection(content: string): Json & { first: Json & { items: Json[] } } {
  const collection: unknown = JSON.parse(content)
  if (!isObject(collection) || !isObject(collection.first) || !Array.isArray(collection.first.items)) {
    throw new Error('not a collection with a first page')
  }
  return collection as Json & { first: Json & { items: Json[] } }
}

describe.each([undefined, 'https://archive.example/glossa/'])(
  'exportWebAnnotations (baseUri %s)',
  (baseUri) => {
    const file = exportWebAnnotations(bundle, { baseUri })
    const collection = parseCollection(file.content)
    const items = collection.first.items

    it('is one AnnotationCollection with a single page holding every annotation', () => {
      expect(file).toMatchObject({ name: 'annotations.jsonld', mime: 'application/ld+json' })
      expect(asArray(collection['@context'])[0]).toBe(ANNO)
      expect(asArray(collection['@context'])[1]).toEqual({ glossa: 'urn:glossa:vocab:' })
      expect(collection.type).toBe('AnnotationCollection')
      expect(isIri(collection.id)).toBe(true)
      expect(typeof collection.label).toBe('string')
      expect(collection.total).toBe(bundle.annotations.length)
      expect(collection.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0 })
      expect(isIri(collection.first.id)).toBe(true)
      expect(items).toHaveLength(bundle.annotations.length)
    })

    it('meets the model for every Annotation, each usable on its own', () => {
      for (const item of items) expect(modelProblems(item, true), String(item.id)).toEqual([])
      expect(new Set(items.map((item) => item.id)).size).toBe(items.length)
    })

    it('carries ids under the base URI when given, URNs otherwise', () => {
      const prefix = baseUri ? 'https://archive.example/glossa/annotations/' : 'urn:glossa:annotation:'
      expect(items.map((item) => item.id)).toEqual(
        items.map((item) => `${prefix}${String(item.id).split(/[/:]/).pop()}`),
      )
      expect(
        String(collection.id).startsWith(baseUri ? 'https://archive.example/glossa/' : 'urn:glossa:export:'),
      ).toBe(true)
    })

    it.each(bundle.annotations.map((a) => [a.id, a] as const))('%s keeps every field', (id, annotation) => {
      const item = items.find((candidate) => String(candidate.id).endsWith(id))!
      const article = bundle.articles.find((a) => a.id === annotation.articleId)!
      const { quote, position } = annotation.target
      expect(item.target).toEqual({
        source: article.url,
        selector: [
          { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
          { type: 'TextPositionSelector', start: position.start, end: position.end },
        ],
      })
      expect(item.created).toBe(annotation.createdAt)
      expect(item.modified).toBe(annotation.updatedAt)
      expect(item['glossa:color']).toBe(annotation.color)
      const bodies = asArray(item.body).filter(isObject)
      const notes = bodies.filter((b) => b.purpose === 'commenting')
      expect(notes.map((b) => [b.value, b.format])).toEqual(
        annotation.note.trim() ? [[annotation.note, 'text/markdown']] : [],
      )
      expect(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(annotation.tags)
      const described = bodies.filter((b) => b.purpose === 'describing')
      expect(described.map((b) => b.format)).toEqual(annotation.figure ? ['application/json'] : [])
      if (annotation.figure) expect(JSON.parse(String(described[0].value))).toEqual(annotation.figure)
      if (!bodies.length) expect('body' in item).toBe(false)
    })
  },
)

describe('motivationOf', () => {
  const base = loadBundle().annotations.find((a) => !a.figure)!
  const figure = loadBundle().annotations.find((a) => a.figure)!.figure
  it.each([
    ['a figure, whatever else it has', { figure, note: 'n', tags: ['t'] }, 'describing'],
    ['a note', { figure: undefined, note: 'a note', tags: ['t'] }, 'commenting'],
    ['a blank note and tags', { figure: undefined, note: '  \n', tags: ['t'] }, 'tagging'],
    ['nothing but the passage', { figure: undefined, note: '', tags: [] }, 'highlighting'],
  ])('%s → %s', (_what, patch, motivation) => {
    expect(motivationOf({ ...base, ...patch } as Annotation)).toBe(motivation)
  })
})

describe('target sources', () => {
  it.each([
    [undefined, undefined, 'urn:glossa:article:art-drone-makers'],
    ['', 'https://canonical.example/a', 'https://canonical.example/a'],
    ['javascript:alert(1)', undefined, 'urn:glossa:article:art-drone-makers'],
    ['/relative/path', undefined, 'urn:glossa:article:art-drone-makers'],
    ['https://ok.example/a b', undefined, 'urn:glossa:article:art-drone-makers'],
  ])('url %j, canonical %j → %s', (url, canonicalUrl, source) => {
    const article = { ...bundle.articles[0], url, canonicalUrl }
    const content = exportWebAnnotations({ ...bundle, articles: [article] }).content
    const items = parseCollection(content).first.items
    expect(items.length).toBeGreaterThan(0)
    for (const item of items) {
      expect(item.target).toMatchObject({ source })
      expect(modelProblems(item, true)).toEqual([])
    }
  })
})
