// Runs everywhere: which exports are one file written a slice of articles at a time (figures.csv,
// highlights.csv, combined Markdown grouped by article) — streamed to disk by the export process, and in
// browser mode downloaded as a stream (export.download) rather than built in memory.
type Args = {
  format: string
  options?: { layout?: 'per-article' | 'combined'; groupBy?: 'article' | 'tag' }
}

export function streamsToOneFile({ format, options = {} }: Args): boolean {
  if (format === 'figures-csv' || format === 'highlights-csv') return true
  return (
    format === 'markdown' &&
    (options.layout ?? 'combined') === 'combined' &&
    (options.groupBy ?? 'article') === 'article'
  )
}
