// Runs everywhere: the JSON backup — the whole archive or a selection with everything needed to rebuild it
// (ids, text, HTML, annotations, tag colours, collections), versioned, and validated when read back.
import { z } from 'zod'
import { ASSET_NAME, PDF_ASSET_NAME } from '../assets'
import {
  annotationSchema,
  articleSchema,
  collectionSchema,
  colorSchema,
  idSchema,
  tagNameSchema,
} from '../schemas'
import type { ExportFile } from './bundle'

export const BACKUP_FORMAT = 'glossa-backup'
export const BACKUP_VERSION = 1

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  generatedAt: z.string(),
  articles: z.array(articleSchema),
  annotations: z.array(annotationSchema),
  tagColors: z.record(tagNameSchema, colorSchema),
  collections: z.array(collectionSchema.pick({ id: true, name: true })),
  /**
   * The articles' stored files (images, a PDF report's PDF), base64; absent from backups made before they were
   * carried, which restore as before (text and annotations, images missing).
   */
  assets: z
    .array(
      z
        .object({
          articleId: idSchema,
          name: z
            .string()
            .refine((n) => ASSET_NAME.test(n) || PDF_ASSET_NAME.test(n), 'not the name of an archived file'),
          // A PDF of at most 100 MB, as base64.
          dataBase64: z.string().max(140_000_000),
        })
        .strict(),
    )
    .optional(),
})

export type BackupAsset = NonNullable<z.infer<typeof backupSchema>['assets']>[number]

export type Backup = z.infer<typeof backupSchema>

export function exportBackup(backup: Omit<Backup, 'format' | 'version'>): ExportFile {
  const full: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...backup }
  return { name: 'glossa-backup.json', content: JSON.stringify(full, null, 2), mime: 'application/json' }
}

/** Parses a backup file; the error names the first field that is wrong. */
export function parseBackup(json: string): { backup: Backup } | { problem: string } {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (err) {
    return { problem: `The backup is not valid JSON (${err instanceof Error ? err.message : String(err)}).` }
  }
  const format = (raw as { format?: unknown; version?: unknown } | null)?.format
  if (format !== BACKUP_FORMAT)
    return { problem: 'This JSON file is not a Glossa backup (no "format": "glossa-backup").' }
  const version = (raw as { version?: unknown }).version
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return {
      problem: `This backup was made by a newer Glossa (version ${version}); update Glossa to restore it.`,
    }
  }
  const parsed = backupSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      problem: `The backup is damaged at ${issue.path.join('.') || 'its top level'}: ${issue.message}.`,
    }
  }
  const ids = new Set(parsed.data.articles.map((a) => a.id))
  const stray = parsed.data.annotations.find((a) => !ids.has(a.articleId))
  if (stray)
    return {
      problem: `The backup has annotation ${stray.id} for article ${stray.articleId}, which it does not contain.`,
    }
  const strayFile = parsed.data.assets?.find((a) => !ids.has(a.articleId))
  if (strayFile)
    return {
      problem: `The backup has the file ${strayFile.name} for article ${strayFile.articleId}, which it does not contain.`,
    }
  return { backup: parsed.data }
}

export function looksLikeBackup(name: string, text: string): boolean {
  return /\.json$/i.test(name) && /"format"\s*:\s*"glossa-backup"/.test(text.slice(0, 4096))
}
