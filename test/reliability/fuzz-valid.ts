// Tests (Node): one valid call per contract method, the starting point of every fuzz case. Typed against the
// contract, so adding a method without an example here fails the type check.
import type { MethodName } from '../../src/shared/contract'
import { exportFormatSchema } from '../../src/shared/contract-reading'

/** Ids in the fixture archive, so mutations can aim a call at the wrong thing. */
export type FuzzContext = {
  text: string
  target: unknown
  articles: string[]
  annotations: { articleId: string; id: string }[]
  collections: string[]
  trashed: string[]
  snapshots: string[]
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const EXPORT_FORMATS = exportFormatSchema.options
let exportTurn = 0

export const VALID = {
  'app.info': () => ({}),
  'archive.scan': () => ({}),
  'archive.status': () => ({}),
  'backups.list': () => ({}),
  'backups.create': () => ({}),
  'backups.restore': (c) => ({ id: c.snapshots[0], addMissing: true }),
  'articles.list': () => ({}),
  'articles.page': () => ({
    filter: { hasNotes: true, from: '2024-01-01' },
    sort: 'title',
    offset: 0,
    limit: 50,
  }),
  'articles.ids': () => ({ filter: { source: 'fuzz' }, sort: 'source' }),
  'articles.sources': () => ({}),
  'articles.creators': () => ({}),
  'articles.matching': () => ({ tag: 'fuzz', color: 'yellow' }),
  'articles.get': (c) => ({ id: c.articles[0] }),
  'articles.image': (c) => ({ id: c.articles[0], name: `${'0'.repeat(64)}.png` }),
  'articles.pdf': (c) => ({ id: c.articles[0] }),
  'articles.create': (c) => ({
    title: 'Fuzzed',
    text: c.text,
    source: 'Wire',
    url: 'https://example.org/a',
    publishedAt: '2024-01-10',
    author: 'A. Writer',
    tags: ['fuzz', 'fuzz/deep'],
  }),
  'articles.update': (c) => ({
    id: c.articles[1],
    title: 'Renamed',
    publishedAt: '2024-02-01',
    tags: ['war'],
  }),
  'articles.delete': (c) => ({ ids: [c.articles[2]] }),
  'articles.restore': (c) => ({ ids: [c.trashed[0]] }),
  'articles.bulkUpdate': (c) => ({
    ids: [c.articles[1], c.articles[2]],
    addTags: ['war'],
    removeTags: ['obsolete'],
    addCollections: [c.collections[0]],
    removeCollections: [c.collections[1]],
  }),
  'annotations.list': (c) => ({ articleId: c.articles[0] }),
  'annotations.create': (c) => ({
    articleId: c.articles[0],
    kind: 'figure',
    color: 'green',
    note: 'a note',
    tags: ['strikes'],
    target: c.target,
    figure: {
      value: 70,
      max: 80,
      unit: '%',
      metric: 'strikes/repelled',
      periodStart: '2024-03-01',
      place: 'Kyiv',
    },
  }),
  'annotations.update': (c) => ({
    ...c.annotations[0],
    color: 'blue',
    note: 'updated',
    tags: ['strikes'],
    target: c.target,
    figure: null,
    madeAt: new Date().toISOString(),
  }),
  'annotations.delete': (c) => ({ ...c.annotations[1], madeAt: new Date().toISOString() }),
  'import.files': (c) => ({
    files: [{ name: 'note.txt', dataBase64: base64(c.text) }],
    source: 'Disk',
    tags: ['imported'],
  }),
  'import.text': (c) => ({ text: c.text, title: 'Pasted', url: 'https://example.org/p', tags: ['pasted'] }),
  'import.url': () => ({ url: 'https://example.org/page', source: 'Web', tags: ['web'] }),
  'figures.list': () => ({ metric: 'strikes' }),
  'figures.page': () => ({
    filter: { metric: 'strikes', text: 'air', from: '2024-01-01', min: 1 },
    sort: { key: 'value', dir: -1 },
    offset: 0,
    limit: 50,
  }),
  'figures.facets': () => ({}),
  'figures.status': () => ({}),
  'figures.conflicts': () => ({ metric: 'strikes', limit: 10 }),
  'figures.series': () => ({ metric: 'strikes' }),
  'export.run': (c) => ({
    format: EXPORT_FORMATS[exportTurn++ % EXPORT_FORMATS.length],
    scope: { articleIds: [c.articles[0], c.articles[1]], tag: 'strikes', collection: c.collections[0] },
    options: { layout: 'per-article', groupBy: 'tag', bom: true },
  }),
  'export.download': (c) => ({
    format: 'figures-csv',
    scope: { articleIds: [c.articles[0], c.articles[1]], tag: 'strikes' },
    options: { bom: true },
  }),
  'tags.list': () => ({}),
  'tags.rename': () => ({ from: 'obsolete', to: 'archive/obsolete' }),
  'tags.delete': () => ({ name: 'obsolete' }),
  'tags.undoRename': () => ({ undo: 'a1b2c3d4e5f6' }),
  'tags.setColor': () => ({ name: 'war', color: 'pink' }),
  'collections.list': () => ({}),
  'collections.create': () => ({ name: 'Reading list' }),
  'collections.rename': (c) => ({ id: c.collections[0], name: 'Reading list' }),
  'collections.delete': (c) => ({ id: c.collections[1] }),
  'search.query': () => ({ q: 'drones', limit: 5 }),
  'search.status': () => ({}),
  'connector.status': () => ({}),
  'connector.pair.start': () => ({}),
  'connector.tokens.list': () => ({}),
  'connector.tokens.revoke': () => ({ id: 'a1b2c3d4e5f6' }),
  'sync.status': () => ({}),
  'sync.configure': () => ({ remote: 'http://127.0.0.1:9/team', user: 'ann' }),
  'sync.run': () => ({}),
  'sync.conflicts': () => ({}),
  'sync.resolve': () => ({ id: 'annotation:a1b2c3d4e5f6:b1b2c3d4e5f6', rev: '2-abc' }),
} satisfies Record<MethodName, (c: FuzzContext) => Record<string, unknown>>
