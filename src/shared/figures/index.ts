// Runs everywhere: figure detection and the suggestions that go with a figure.
export type { FigureCandidate } from './types'
export type { SuggestedPeriod } from './period'
export { detectFigures } from './detect'
export { suggestPeriod } from './period'
export { suggestAttribution } from './attribution'
export type { ArticleRef, Conflict, FigureRecord, SeriesPoint } from './conflicts'
export { findConflicts, seriesFor } from './conflicts'
