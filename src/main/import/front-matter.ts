// Main process: the YAML block at the top of a Markdown note, as the article fields Glossa knows.
import { parse as parseYaml } from 'yaml'
import { tagNameSchema } from '../../shared/schemas'
import { normalizeDate } from './dates'
import { ImportError, quoteName } from './errors'
import { clean } from './metadata'
import { cleanAttribute } from './sanitize'
import { httpUrl } from './urls'

export type FrontMatter = {
  title?: string
  publishedAt?: string
  source?: string
  url?: string
  author?: string
  tags?: string[]
  language?: string
  excerpt?: string
}

const BLOCK = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

/** Splits off the front matter; a block that is not a YAML mapping is an error, not silently text. */
export function splitFrontMatter(md: string, name?: string): { meta: FrontMatter; body: string } {
  const match = BLOCK.exec(md)
  if (!match) return { meta: {}, body: md.replace(/^\ufeff/, '') }
  let data: unknown
  try {
    data = parseYaml(match[1], { schema: 'core' }) ?? {}
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err)
    throw new ImportError(
      'unsupported',
      `${quoteName(name, 'The note')} starts with front matter that is not valid YAML (${detail}). Fix the block between the --- lines, or remove it, and import again.`,
    )
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ImportError(
      'unsupported',
      `${quoteName(name, 'The note')} starts with a --- block that is not a list of “key: value” fields. Fix it, or remove it, and import again.`,
    )
  }
  return { meta: readFields(data as Record<string, unknown>), body: md.slice(match[0].length) }
}

function readFields(data: Record<string, unknown>): FrontMatter {
  const fields = new Map(Object.entries(data).map(([k, v]) => [k.toLowerCase().replace(/[-_]/g, ''), v]))
  const pick = (...keys: string[]) =>
    keys.map((k) => fields.get(k)).find((v) => v !== undefined && v !== null)
  const meta: FrontMatter = {
    title: clean(scalar(pick('title', 'headline')), 1000),
    publishedAt: normalizeDate(scalar(pick('date', 'published', 'publishedat', 'datepublished'))),
    source: clean(scalar(pick('source', 'publication', 'site', 'sitename')), 300),
    url: httpUrl(scalar(pick('url', 'link', 'canonical', 'source_url', 'sourceurl'))),
    author: clean(list(pick('author', 'authors', 'byline')).join(', '), 500),
    tags: list(pick('tags', 'tag', 'keywords'))
      .map((t) => t.replace(/^#/, '').trim())
      .filter((t) => tagNameSchema.safeParse(t).success),
    language: cleanAttribute('lang', scalar(pick('lang', 'language'))),
    excerpt: clean(scalar(pick('description', 'excerpt', 'summary')), 2000),
  }
  if (!meta.tags?.length) delete meta.tags
  return meta
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

/** A YAML list, or a comma-separated string, as strings. */
function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]
  return items
    .map(scalar)
    .filter((v): v is string => !!v && !!v.trim())
    .map((v) => v.trim())
}
