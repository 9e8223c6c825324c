// Runs everywhere: the domain types, inferred from schemas.ts.
import type { z } from 'zod'
import type * as s from './schemas'

export type HighlightColor = z.infer<typeof s.colorSchema>
export type TextQuoteSelector = z.infer<typeof s.textQuoteSelectorSchema>
export type TextPositionSelector = z.infer<typeof s.textPositionSelectorSchema>
export type Target = z.infer<typeof s.targetSchema>
export type Figure = z.infer<typeof s.figureSchema>
export type AnnotationKind = z.infer<typeof s.annotationKindSchema>
export type Annotation = z.infer<typeof s.annotationSchema>
export type PdfSelector = z.infer<typeof s.pdfSelectorSchema>
export type ArticleCounts = z.infer<typeof s.articleCountsSchema>
export type ArticleMeta = z.infer<typeof s.articleMetaSchema>
export type ArticleListItem = z.infer<typeof s.articleListItemSchema>
export type Article = z.infer<typeof s.articleSchema>
export type Tag = z.infer<typeof s.tagSchema>
export type Collection = z.infer<typeof s.collectionSchema>
export type ErrorCode = z.infer<typeof s.errorCodeSchema>

export type GlossaErrorShape = { code: ErrorCode; message: string }
export type Result<T> = { ok: true; value: T } | { ok: false; error: GlossaErrorShape }
