// Main process and CLI: where the archive lives. A module of its own, with no imports, so the CLI can name the
// archive's folder without loading the archive's code (every command would otherwise load import and its parsers).

/** `--archive DIR` wins, then GLOSSA_ARCHIVE, then the platform default. */
export function resolveArchiveDir(flag: string | undefined, fallback: string): string {
  return flag || process.env.GLOSSA_ARCHIVE || fallback
}
