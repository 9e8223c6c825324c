// Runs everywhere: pure formatters from an export bundle to files (Markdown, CSV, Web Annotation, CSL-JSON).
export type { ExportBundle, ExportFile, ExportWriter, StreamWriter } from './bundle'
export type { MarkdownOptions } from './markdown'
export type { CsvOptions } from './csv'
export type { WebAnnotationOptions } from './web-annotation'
export type { CslItem } from './csl'
export {
  combinedMarkdownStream,
  combinedMarkdownWriter,
  exportMarkdown,
  perArticleMarkdownFiles,
  perArticleMarkdownWriter,
} from './markdown'
export {
  exportFiguresCsv,
  exportHighlightsCsv,
  figuresCsvStream,
  figuresCsvWriter,
  highlightsCsvStream,
  highlightsCsvWriter,
} from './csv'
export { exportWebAnnotations } from './web-annotation'
export { exportCslJson } from './csl'
export { citation } from './citation'
export type { Backup, BackupAsset } from './backup'
export { BACKUP_FORMAT, BACKUP_VERSION, exportBackup, looksLikeBackup, parseBackup } from './backup'
