// Runs everywhere: the tag hierarchy. `strikes/launched` sits under `strikes`.

/** `strikes` contains `strikes` and `strikes/launched`, not `strikes-other`. */
export function isWithinTag(tag: string | undefined, parent: string): boolean {
  return !!tag && (tag === parent || tag.startsWith(`${parent}/`))
}

/** An article carries a tag when it or one of its annotations does; a parent tag includes its children. */
export function articleHasTag(
  a: { tags: string[]; annotationTags: Record<string, number> },
  tag: string,
): boolean {
  return (
    a.tags.some((t) => isWithinTag(t, tag)) || Object.keys(a.annotationTags).some((t) => isWithinTag(t, tag))
  )
}

/** `a/b/c` → [`a`, `a/b`, `a/b/c`]. */
export function tagAncestry(tag: string): string[] {
  const parts = tag.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}
