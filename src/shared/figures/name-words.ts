// Runs everywhere: the small word tests every name reader shares (entities.ts, names.ts, entity-resolve.ts,
// speaker-name.ts), kept in one place so the readers cannot drift apart: a capitalised word, an acronym.

/** A word opening with a capital: "Whitlow", "Избирательная". */
export const isCap = (w: string): boolean => /^\p{Lu}/u.test(w)

/** An acronym of two to six capitals: "ДСНС", "SWD", "BFR". */
export const isAcronym = (w: string): boolean => /^\p{Lu}{2,6}$/u.test(w)
