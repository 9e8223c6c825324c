// Main process: tags across the archive — listed with their counts, coloured, renamed, deleted (tags.*).
import { GlossaError } from '../../shared/errors'
import { isWithinTag } from '../../shared/tags'
import type { Tag } from '../../shared/types'
import type { Archive } from '../archive/archive'
import { newId } from '../archive/ids'
import { moveTag, renameTag, undoTagMove } from '../archive/tag-ops'
import type { TagMove } from '../archive/tag-move'
import type { HandlerMap, ServiceContext } from './context'

export function listTags(archive: Archive): Tag[] {
  const counts = new Map<string, number>()
  const bump = (name: string, by: number) => counts.set(name, (counts.get(name) ?? 0) + by)
  for (const article of archive.list()) {
    for (const t of article.tags) bump(t, 1)
    for (const [t, n] of Object.entries(article.annotationTags)) bump(t, n)
  }
  const colors = archive.tagStore.colors()
  for (const [name, { color }] of Object.entries(colors)) if (color && !counts.has(name)) counts.set(name, 0)
  return [...counts]
    .map(([name, count]) => ({ name, count, ...(colors[name]?.color ? { color: colors[name].color } : {}) }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

function assertTagExists(archive: Archive, name: string): void {
  if (!listTags(archive).some((t) => isWithinTag(t.name, name))) {
    throw new GlossaError('not_found', `No tag “${name}” in this archive.`)
  }
}

/** Renames kept for Undo, newest last: a toast offers it for a few seconds, so a handful is plenty. */
const KEPT_MOVES = 20

export function tagHandlers({ archive }: ServiceContext): HandlerMap<'tags'> {
  const moves = new Map<string, TagMove>()
  return {
    'tags.list': async () => listTags(archive),
    'tags.setColor': async ({ name, color }) => {
      await archive.tagStore.setColor(name, color ?? undefined)
      return listTags(archive).find((t) => t.name === name) ?? { name, count: 0 }
    },
    'tags.rename': async ({ from, to }) => {
      assertTagExists(archive, from)
      const { touched, move } = await moveTag(archive, from, to)
      if (move.items.length === 0 && move.colors.length === 0) return { touched, moved: 0 }
      const undo = newId()
      moves.set(undo, move)
      for (const old of moves.keys()) if (moves.size > KEPT_MOVES) moves.delete(old)
      return { touched, moved: move.items.length, undo }
    },
    'tags.undoRename': async ({ undo }) => {
      const move = moves.get(undo)
      if (!move)
        throw new GlossaError(
          'not_found',
          'That tag change can no longer be undone here (Glossa was restarted or it was undone already); rename the tag back instead.',
        )
      const touched = await undoTagMove(archive, move)
      moves.delete(undo)
      return { touched, moved: move.items.length }
    },
    'tags.delete': async ({ name }) => {
      assertTagExists(archive, name)
      return { touched: await renameTag(archive, name, null) }
    },
  }
}
