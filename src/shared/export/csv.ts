// Runs everywhere: spreadsheet-ready CSV (RFC 4180, CRLF, optional BOM) of figures and of all highlights.
import { sourceLabel } from '../article-source'
import type { Annotation, ArticleMeta } from '../types'
import type { ExportBundle, ExportFile, ExportWriter, StreamWriter } from './bundle'
import { articleUrl, groupByArticle, writeWhole, writerOf } from './bundle'
import { plainNumber } from './numbers'
import { quoteSentence } from './quote-sentence'
import { pageOfOffset } from '../pdf-text'

export type CsvOptions = { bom?: boolean }

export const CSV_MIME = 'text/csv; charset=utf-8'

export const FIGURE_COLUMNS = [
  'article_id',
  'title',
  'source',
  'published_date',
  'published_time',
  'url',
  'quote',
  /** The page of a PDF report the passage starts on (its label when the PDF has its own); empty for articles. */
  'page',
  'value',
  'max',
  'unit',
  'qualifier',
  'metric',
  'period_start',
  'period_end',
  'place',
  'attributed_to',
  'tags',
  'note',
  'annotation_id',
] as const

export const HIGHLIGHT_COLUMNS = [
  'article_id',
  'title',
  'source',
  'published_date',
  'published_time',
  'url',
  'kind',
  'color',
  'quote',
  'page',
  'prefix',
  'suffix',
  'start',
  'end',
  'note',
  'tags',
  'created_at',
  'updated_at',
  'annotation_id',
] as const

/** Columns written as plain numbers, never guarded: a negative value stays a number. */
const NUMBER_COLUMNS = new Set<string>(['value', 'max', 'start', 'end'])

/**
 * Formula-injection guard (OWASP): a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return
 * would be run as a formula by Excel, LibreOffice or Sheets, so it gets a leading `'`, which spreadsheets
 * show as text and hide. Number columns are exempt, so their values stay numbers.
 *
 * A `;` or a tab inside a cell starts a cell of its own where the file is split at them: Excel splits a .csv at
 * the system's list separator (`;` in most of Europe), LibreOffice's import at tabs and `;` too. So the same
 * characters right after one get a `'` as well (`Budget;=WEBSERVICE(…)` → `Budget;'=WEBSERVICE(…)`).
 */
export function guardCell(text: string): string {
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[;\t]/.test(guarded) ? guarded.replace(/([;\t])(?=[=+\-@\t\r])/g, "$1'") : guarded
}

type Row<C extends string> = Record<C, string | number | undefined>

/**
 * One CSV file written a slice of the bundle at a time: `rowsOf` turns a slice into its rows. The header (and
 * BOM) come first, then each slice's records: the same text as one `stringify` of every row, without holding
 * every row's cells at once.
 */
function csvStream<C extends string>(
  name: string,
  columns: readonly C[],
  rowsOf: (slice: ExportBundle) => Row<C>[],
  opts: CsvOptions,
): StreamWriter {
  return {
    name,
    mime: CSV_MIME,
    add: (slice) => {
      const rows = rowsOf(slice)
      return rows.length > 0 ? toCsv(columns, rows, false) : ''
    },
    // The BOM as text: the library's own BOM option is a Node Buffer.
    end: () => ({ head: (opts.bom ? '\ufeff' : '') + toCsv(columns, [], true), tail: '' }),
  }
}

function toCsv<C extends string>(columns: readonly C[], rows: Row<C>[], header: boolean): string {
  let out = header ? csvRecord(columns) : ''
  const cells: string[] = new Array<string>(columns.length)
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]
      const value = row[column]
      cells[i] =
        value === undefined
          ? ''
          : NUMBER_COLUMNS.has(column) && typeof value === 'number'
            ? plainNumber(value)
            : guardCell(String(value))
    }
    out += csvRecord(cells)
  }
  return out
}

/** A cell that must be quoted (RFC 4180): it holds the delimiter, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/

/**
 * One CSV record and its CRLF: exactly what csv-stringify writes with our options (a cell holding a comma, a
 * quote, CR or LF quoted, its quotes doubled; an empty cell bare), which csv-quote.test.ts checks against the
 * library. Written here because the library's per-cell option handling was a tenth of a figures.csv export's
 * CPU at 100,000 annotations.
 */
export function csvRecord(cells: readonly string[]): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]
    if (i > 0) line += ','
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell
  }
  return line + '\r\n'
}

function articleCells(article: ArticleMeta) {
  return {
    article_id: article.id,
    title: article.title,
    source: sourceLabel(article),
    ...publishedCells(article.publishedAt),
    url: articleUrl(article),
  }
}

/** One date format in every row: `2024-01-10` in published_date, the time as stored (`08:30:00+02:00`) beside it. */
function publishedCells(publishedAt: string | undefined) {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(.+))?$/.exec(publishedAt ?? '')
  return { published_date: match?.[1], published_time: match?.[2] }
}

const joinTags = (annotation: Annotation) => annotation.tags.join('; ')

/** One CSV export three ways: a whole file, a writer of slices, a stream of slices. */
function csvExport<C extends string>(
  name: string,
  columns: readonly C[],
  rows: (bundle: ExportBundle) => Row<C>[],
) {
  const stream = (opts: CsvOptions = {}): StreamWriter => csvStream(name, columns, rows, opts)
  const writer = (opts: CsvOptions = {}): ExportWriter => writerOf(stream(opts))
  const whole = (bundle: ExportBundle, opts: CsvOptions = {}): ExportFile =>
    writeWhole(writer(opts), bundle)[0]
  return { stream, writer, whole }
}

/** figures.csv: one row per annotation with a figure, by article (bundle order) then reading order. */
const figuresCsv = csvExport('figures.csv', FIGURE_COLUMNS, figureRows)
export const exportFiguresCsv = figuresCsv.whole
export const figuresCsvWriter = figuresCsv.writer
export const figuresCsvStream = figuresCsv.stream

function figureRows(bundle: ExportBundle): Row<(typeof FIGURE_COLUMNS)[number]>[] {
  // Only figures become rows: drop the rest before ordering, which is the costly part at 100,000 annotations.
  const figuresOnly = { ...bundle, annotations: bundle.annotations.filter((a) => a.figure) }
  const rows: Row<(typeof FIGURE_COLUMNS)[number]>[] = []
  // An article's cells are made once for all its figures, not once a row.
  for (const { article, annotations } of groupByArticle(figuresOnly)) {
    if (!annotations.length) continue
    const cells = articleCells(article)
    for (const annotation of annotations) {
      const figure = annotation.figure!
      // Written out rather than spread: one literal shape for every row. With the spread, formatting 100,000
      // annotations' figures took 1.3–2.0 s of CPU, written out 0.2–0.35 s (bench/export-format.ts).
      rows.push({
        article_id: cells.article_id,
        title: cells.title,
        source: cells.source,
        published_date: cells.published_date,
        published_time: cells.published_time,
        url: cells.url,
        quote: quoteSentence(annotation.target.quote),
        page: pageOfOffset(article.pdf, annotation.target.position.start)?.label,
        value: figure.value,
        max: figure.max,
        unit: figure.unit,
        qualifier: figure.qualifier,
        metric: figure.metric,
        period_start: figure.periodStart,
        period_end: figure.periodEnd,
        place: figure.place,
        attributed_to: figure.attributedTo,
        tags: joinTags(annotation),
        note: annotation.note,
        annotation_id: annotation.id,
      })
    }
  }
  return rows
}

/** highlights.csv: one row per annotation of any kind, by article then reading order. */
const highlightsCsv = csvExport('highlights.csv', HIGHLIGHT_COLUMNS, highlightRows)
export const exportHighlightsCsv = highlightsCsv.whole
export const highlightsCsvWriter = highlightsCsv.writer
export const highlightsCsvStream = highlightsCsv.stream

function highlightRows(bundle: ExportBundle): Row<(typeof HIGHLIGHT_COLUMNS)[number]>[] {
  const rows: Row<(typeof HIGHLIGHT_COLUMNS)[number]>[] = []
  for (const { article, annotations } of groupByArticle(bundle)) {
    if (!annotations.length) continue
    const cells = articleCells(article)
    for (const annotation of annotations)
      // Written out, not spread (see figureRows).
      rows.push({
        article_id: cells.article_id,
        title: cells.title,
        source: cells.source,
        published_date: cells.published_date,
        published_time: cells.published_time,
        url: cells.url,
        kind: annotation.kind,
        color: annotation.color,
        quote: annotation.target.quote.exact,
        page: pageOfOffset(article.pdf, annotation.target.position.start)?.label,
        prefix: annotation.target.quote.prefix,
        suffix: annotation.target.quote.suffix,
        start: annotation.target.position.start,
        end: annotation.target.position.end,
        note: annotation.note,
        tags: joinTags(annotation),
        created_at: annotation.createdAt,
        updated_at: annotation.updatedAt,
        annotation_id: annotation.id,
      })
  }
  return rows
}
