// Main process: tags across the archive — listed with their counts, coloured, renamed, deleted (tags.*).
import { GlossaError } from '../../shared/errors'
import { isWithinTag } from '../../shared/tags'
import type { Tag } from '../../shared/types'
import type { Archive } from '../archive/archive'
import { renameTag } from '../archive/tag-ops'
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

export function tagHandlers({ archive }: ServiceContext): HandlerMap<'tags'> {
  return {
    'tags.list': async () => listTags(archive),
    'tags.setColor': async ({ name, color }) => {
      await archive.tagStore.setColor(name, color ?? undefined)
      return listTags(archive).find((t) => t.name === name) ?? { name, count: 0 }
    },
    'tags.rename': async ({ from, to }) => {
      assertTagExists(archive, from)
      return { touched: await renameTag(archive, from, to) }
    },
    'tags.delete': async ({ name }) => {
      assertTagExists(archive, name)
      return { touched: await renameTag(archive, name, null) }
    },
  }
}
