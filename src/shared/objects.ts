// Runs everywhere: small helpers on plain objects.

/** The object without its undefined fields, so spreading it never overwrites a value with undefined. */
export function withoutUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T
}
