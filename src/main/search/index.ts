// Main process: full-text search over an archive (articles, notes, tags). See search-index.ts.
export { SearchIndex } from './search-index'
export { nodeBuilder, processBuilder } from './process-builder'
export type { BuildReport, IndexBuilder } from './load-state'
export type { OpenSearchOptions, SearchQueryOptions } from './search-index'
export type { HitField, SearchHit } from './hits'
export type { SearchOutcome } from './query-run'
