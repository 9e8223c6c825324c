// Runs everywhere: a word or name of the article written into a regular expression as itself.

/** `s` with every character a regular expression reads as syntax escaped. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
