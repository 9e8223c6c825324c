// Main process: what the browser extension sends, checked, and how it is stored — the page through the same
// import pipeline and sanitizer as a pasted HTML import, the selection as a highlight anchored on the stored
// text with the reader's selectors.
import { z } from 'zod'
import { CONTEXT_LENGTH, describe, matchQuote } from '../../shared/anchoring'
import { GlossaError } from '../../shared/errors'
import { colorSchema, idSchema, tagNameSchema } from '../../shared/schemas'
import { isWebUrl } from '../../shared/url-safety'
import type { Archive } from '../archive/archive'
import { newAnnotation } from '../handlers/annotations'
import type { Importer } from '../importer'

/** Opening a pairing (CPace): the extension's session id (16 bytes) and share (32 bytes), base64url. */
export const pairOpenSchema = z
  .object({ sid: z.string().regex(/^[A-Za-z0-9_-]{22}$/), share: z.string().regex(/^[A-Za-z0-9_-]{43}$/) })
  .strict()

/** Confirming it: the session, the extension's confirmation (HMAC-SHA-512, hex) and the browser's name. */
export const pairConfirmSchema = z
  .object({
    sid: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    proof: z.string().regex(/^[a-f0-9]{128}$/),
    name: z.string().max(100).optional(),
  })
  .strict()

/** A hello: the extension's fresh nonce, which our proof must cover. */
export const helloRequestSchema = z.object({ nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict()

export const saveRequestSchema = z
  .object({
    html: z.string().min(1).max(20_000_000),
    url: z.string().max(4000).optional(),
    tags: z.array(tagNameSchema).max(50).optional(),
    collection: idSchema.optional(),
    selection: z
      .object({
        exact: z.string().trim().min(1).max(100_000),
        prefix: z.string().max(200),
        suffix: z.string().max(200),
        note: z.string().max(100_000).optional(),
        color: colorSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()

export type SaveRequest = z.infer<typeof saveRequestSchema>
export type SaveReply = {
  status: 'imported' | 'duplicate'
  id: string
  title: string
  /** What became of the selection: stored as a highlight, or not found in the article Glossa kept. */
  highlight?: { status: 'saved'; id: string } | { status: 'not_found'; message: string }
}

type Deps = { archive: Archive; importer: Importer; now: () => string }

/** Stores a page sent by the extension; a refusal is a GlossaError with a sentence for the popup. */
export async function savePage(deps: Deps, request: SaveRequest): Promise<SaveReply> {
  const { archive, importer } = deps
  if (request.collection && !archive.collections.has(request.collection))
    throw new GlossaError('not_found', 'That collection is no longer in Glossa; choose another.')
  // A page that is not on the web (file:, about:) keeps no address; the HTML is stored all the same.
  const url = request.url && isWebUrl(request.url) ? request.url : undefined
  const result = await importer.importPage({
    html: request.html,
    ...(url ? { url } : {}),
    ...(request.tags?.length ? { tags: request.tags } : {}),
  })
  if (result.status === 'failed' || !result.id)
    throw new GlossaError(
      'invalid_argument',
      result.message ?? 'Glossa could not read an article on this page.',
    )
  const id = result.id
  if (result.status === 'duplicate') await addToExisting(archive, id, request)
  else if (request.collection) await archive.updateArticle(id, { collections: [request.collection] })
  const reply: SaveReply = { status: result.status, id, title: result.title ?? archive.meta(id).title }
  if (request.selection) reply.highlight = await saveSelection(deps, id, request.selection)
  return reply
}

/** A page already kept gets the tags and collection chosen now, as a bulk edit would add them. */
async function addToExisting(archive: Archive, id: string, request: SaveRequest): Promise<void> {
  const meta = archive.meta(id)
  const tags = [...new Set([...meta.tags, ...(request.tags ?? [])])]
  const collections = [
    ...new Set([...(meta.collections ?? []), ...(request.collection ? [request.collection] : [])]),
  ]
  if (tags.length !== meta.tags.length || collections.length !== (meta.collections ?? []).length)
    await archive.updateArticle(id, { tags, collections })
}

async function saveSelection(
  { archive, now }: Deps,
  articleId: string,
  selection: NonNullable<SaveRequest['selection']>,
): Promise<NonNullable<SaveReply['highlight']>> {
  const { text } = await archive.getArticle(articleId)
  // The live page's text and the stored text differ (boilerplate removed, whitespace): the quote and its
  // context are matched as the reader re-anchors a highlight, and a selection outside the article is not placed.
  const found = placeSelection(text, selection)
  if (!found)
    return {
      status: 'not_found',
      message:
        'The selected text is not in the article Glossa kept (it may be outside the article), so no highlight was made.',
    }
  const annotation = newAnnotation(
    {
      articleId,
      target: describe(text, found.start, found.end),
      ...(selection.note ? { note: selection.note } : {}),
      ...(selection.color ? { color: selection.color } : {}),
    },
    now(),
  )
  await archive.changeAnnotations(articleId, (list) => {
    list.push(annotation)
  })
  return { status: 'saved', id: annotation.id }
}

/**
 * Where the selection is in the stored text: by its quote and the page's context around it, else (when the
 * context was boilerplate the import removed) by the quote alone, if the article holds it exactly once.
 */
export function placeSelection(
  text: string,
  selection: { exact: string; prefix: string; suffix: string },
): { start: number; end: number } | null {
  const exact = selection.exact.trim()
  // A context shorter than the reader's is taken to reach the edge of the text; the page's edge is not the
  // article's, so such a side is left out rather than demanded.
  const side = (s: string) => (s.length >= CONTEXT_LENGTH ? s : undefined)
  const prefix = side(selection.prefix.slice(-CONTEXT_LENGTH))
  const suffix = side(selection.suffix.slice(0, CONTEXT_LENGTH))
  const withContext = matchQuote(text, exact, {
    ...(prefix ? { prefix } : {}),
    ...(suffix ? { suffix } : {}),
  })
  if (withContext) return withContext
  const squash = (s: string) => s.replace(/\s+/g, ' ')
  const flat = squash(text)
  const needle = squash(exact)
  const first = flat.indexOf(needle)
  if (first < 0 || flat.indexOf(needle, first + 1) >= 0) return null
  return matchQuote(text, exact, {})
}
