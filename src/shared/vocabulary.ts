// Runs everywhere: the small fixed vocabularies of the domain, free of zod so the renderer's first bundle
// can use them without loading the schemas. schemas.ts builds its schemas from these.

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const

export const TAG_NAME_MAX = 120
export const TAG_NAME_RULES: { pattern: RegExp; message: string }[] = [
  { pattern: /^[^/\s#,][^#,]*$/, message: 'must not start with / or contain # or ,' },
  { pattern: /^(?!.*\/\/)(?!.*\/$).*$/, message: 'must not contain empty levels (// or a trailing /)' },
]

/** What is wrong with a tag name (after trimming), or null when it is a valid tag. */
export function tagNameProblem(raw: string): string | null {
  const name = raw.trim()
  if (!name) return 'must not be empty'
  if (name.length > TAG_NAME_MAX) return `must be at most ${TAG_NAME_MAX} characters`
  return TAG_NAME_RULES.find((r) => !r.pattern.test(name))?.message ?? null
}
