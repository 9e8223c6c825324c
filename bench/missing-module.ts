// Bench (Node): stands in for a module that is not in src/ yet (see vite.bench.config.ts), so the rest of the
// bench still builds and the measure reports "not measured: module missing" instead of a made-up figure.
export const MODULE_MISSING = true
/** The one export bench code reads from the missing module; never called while MODULE_MISSING is set. */
export const SearchIndex = undefined
