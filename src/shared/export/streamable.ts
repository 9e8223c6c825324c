// Runs everywhere: which exports are one file written a slice of articles at a time (figures.csv,
// highlights.csv, combined Markdown grouped by article, JSON-LD, CSL-JSON, the JSON backup) — streamed to disk
// by the export process, and in browser mode downloaded as a stream (export.download) rather than built in
// memory.
type Args = {
  format: string
  options?: { layout?: 'per-article' | 'combined'; groupBy?: 'article' | 'tag' }
}

export function streamsToOneFile({ format, options = {} }: Args): boolean {
  if (['figures-csv', 'highlights-csv', 'jsonld', 'csl', 'json'].includes(format)) return true
  return (
    format === 'markdown' &&
    (options.layout ?? 'combined') === 'combined' &&
    (options.groupBy ?? 'article') === 'article'
  )
}
