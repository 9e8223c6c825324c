// Runs everywhere: which exports are one file written a slice of articles at a time — every format now:
// figures.csv, highlights.csv, Markdown (combined, by tag, and per article as a zip of its files), JSON-LD,
// CSL-JSON, the JSON backup — streamed to disk by the export process, and in browser mode downloaded as a
// stream (export.download) rather than built in memory.
type Args = {
  format: string
  options?: { layout?: 'per-article' | 'combined'; groupBy?: 'article' | 'tag' }
}

export function streamsToOneFile({ format }: Args): boolean {
  return ['figures-csv', 'highlights-csv', 'jsonld', 'csl', 'json', 'markdown'].includes(format)
}

/** Per-article Markdown: one file per article, streamed as a zip of them. */
export function makesSeveralFiles({ format, options = {} }: Args): boolean {
  return (
    format === 'markdown' && options.layout === 'per-article' && (options.groupBy ?? 'article') === 'article'
  )
}
