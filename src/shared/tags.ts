// Runs everywhere: the tag hierarchy. `strikes/launched` sits under `strikes`.

/** `strikes` contains `strikes` and `strikes/launched`, not `strikes-other`. */
export function isWithinTag(tag: string | undefined, parent: string): boolean {
  return !!tag && (tag === parent || tag.startsWith(`${parent}/`))
}

/** `a/b/c` → [`a`, `a/b`, `a/b/c`]. */
export function tagAncestry(tag: string): string[] {
  const parts = tag.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}
