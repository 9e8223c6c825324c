// Runs everywhere: the JSON exports (CSL-JSON, Web Annotation JSON-LD, the JSON backup) written a slice of
// articles at a time, byte for byte what JSON.stringify(whole, null, 2) writes for the whole file. An element
// of an array nested `depth` levels deep is its own JSON.stringify(element, null, 2) with each line indented by
// 2 × depth spaces (a JSON string never holds a raw line break, so every "\n" of the text is a line break).
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup'
import type { Backup, BackupAsset } from './backup'
import type { ExportBundle, StreamWriter } from './bundle'
import { orderedAnnotations } from './bundle'
import { CSL_MIME, toCslItem } from './csl'
import type { Annotation, Article, HighlightColor } from '../types'
import { CONTEXT, JSONLD_MIME, idsFor, toWebAnnotation } from './web-annotation'

/** The elements of one JSON array, written as they come: `[`, the elements, and the close (`]` when empty). */
export class JsonArrayWriter {
  private count = 0
  constructor(private readonly depth: number) {}

  /** The text of `value` as the array's next element. */
  element(value: unknown): string {
    const pad = '\n' + '  '.repeat(this.depth + 1)
    const text = pad + JSON.stringify(value, null, 2).replaceAll('\n', pad)
    return this.count++ ? `,${text}` : text
  }

  /** What closes the array after its last element. */
  close(): string {
    return this.count ? '\n' + '  '.repeat(this.depth) + ']' : ']'
  }

  get length(): number {
    return this.count
  }
}

/** `value` as a property at `depth` of an object written with JSON.stringify(…, null, 2). */
export function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', '\n' + '  '.repeat(depth))
}

/** articles.csl.json a slice at a time: the same bytes as exportCslJson of the whole bundle. */
export function cslJsonStream(): StreamWriter {
  const items = new JsonArrayWriter(0)
  return {
    name: 'articles.csl.json',
    mime: CSL_MIME,
    add: (slice) => slice.articles.map((a) => items.element(toCslItem(a, slice.generatedAt))).join(''),
    end: () => ({ head: '[', tail: `${items.close()}\n` }),
  }
}

/** annotations.jsonld a slice at a time: the same bytes as exportWebAnnotations of the whole bundle. */
export function webAnnotationStream(generatedAt: string): StreamWriter {
  const items = new JsonArrayWriter(2)
  const ids = idsFor({ generatedAt, articles: [], annotations: [] }, undefined)
  let articles = 0
  return {
    name: 'annotations.jsonld',
    mime: JSONLD_MIME,
    add: (slice: ExportBundle) => {
      articles += slice.articles.length
      return orderedAnnotations(slice)
        .map(({ article, annotation }) => items.element(toWebAnnotation(annotation, article, ids)))
        .join('')
    },
    end: () => {
      const collection = {
        '@context': CONTEXT,
        id: ids.collection,
        type: 'AnnotationCollection',
        label: `Glossa annotations on ${articles} articles`,
        generated: generatedAt,
        total: items.length,
        first: { id: ids.page, type: 'AnnotationPage', startIndex: 0, items: [] },
      }
      // The whole collection with no items, cut where its items go.
      const empty = JSON.stringify(collection, null, 2)
      const at = empty.lastIndexOf('"items": [') + '"items": ['.length
      return { head: empty.slice(0, at), tail: items.close() + empty.slice(at + 1) + '\n' }
    },
  }
}

/**
 * glossa-backup.json in parts, in the order of the file: the same bytes as exportBackup of the whole backup.
 * The caller gives the articles, then the annotations, then the tag colours and collections, then the assets.
 */
export function backupParts(generatedAt: string) {
  const articles = new JsonArrayWriter(1)
  const annotations = new JsonArrayWriter(1)
  const assets = new JsonArrayWriter(1)
  const top = (key: string, value: unknown) => `,\n  ${JSON.stringify(key)}: ${nested(value, 1)}`
  return {
    head: () =>
      `{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "version": ${BACKUP_VERSION},\n` +
      `  "generatedAt": ${JSON.stringify(generatedAt)},\n  "articles": [`,
    article: (article: Article) => articles.element(article),
    annotationsStart: () => `${articles.close()},\n  "annotations": [`,
    annotation: (annotation: Annotation) => annotations.element(annotation),
    rest: (tagColors: Record<string, HighlightColor>, collections: Backup['collections']) =>
      annotations.close() + top('tagColors', tagColors) + top('collections', collections),
    /** The assets key is written with the first asset: a backup without any has none. */
    asset: (asset: BackupAsset) => (assets.length ? '' : ',\n  "assets": [') + assets.element(asset),
    end: () => (assets.length ? assets.close() : '') + '\n}',
  }
}
