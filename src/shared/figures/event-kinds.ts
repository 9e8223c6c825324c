// Runs everywhere: the kinds of speech event the speaker model reads besides verbs of saying (issue #13, round
// 14), and per kind the languages it is read in (scripts switch one off to see what it changes:
// test/figures/speaker-event-diff.ts).

export type EventKind = 'document' | 'estimate' | 'request' | 'proposal' | 'view' | 'transcript'

export const EVENT_KINDS: Readonly<Record<EventKind, Set<string>>> = {
  document: new Set(['en', 'fr', 'es', 'de', 'uk', 'ru']),
  estimate: new Set(['en', 'fr', 'es', 'de', 'uk', 'ru']),
  // a request or demand speaks for whoever makes it, in every language (README, "Decided in session 10");
  // (not yet French: "… baissera de 9 %, alors que la Commission réclamait une coupe de 28 %" gives the
  // Commission the whole sentence, one figure lost on sets 1–13 — a request in a contrast clause should speak
  // for its own clause only)
  request: new Set(['en', 'es', 'de', 'uk', 'ru']),
  // (a body's proposal has no speaker, a person's has: read where it gained before the decision, not yet in
  // English, French and Ukrainian, whose readers cannot yet keep a body's proposal out)
  proposal: new Set(['es', 'de', 'ru']),
  // (Ukrainian and Russian write a view as a source phrase, "на думку", "по мнению": source-phrases.ts)
  view: new Set(['en', 'fr', 'es', 'de']),
  transcript: new Set(['en', 'fr', 'es', 'de', 'uk', 'ru']),
}

/** The kinds read in `lang`, as a key for caches of what they change. */
export const kindsKey = (lang: string): string =>
  (Object.keys(EVENT_KINDS) as EventKind[]).filter((k) => EVENT_KINDS[k].has(lang)).join(',')
