// Runs everywhere: the kinds of speech event the speaker model reads besides verbs of saying (issue #13, round
// 14), and per kind the languages it is read in (scripts switch one off to see what it changes:
// test/figures/speaker-event-diff.ts).

export type EventKind = 'document' | 'estimate' | 'request' | 'view' | 'transcript'

export const EVENT_KINDS: Readonly<Record<EventKind, Set<string>>> = {
  document: new Set(['en', 'fr', 'es', 'de', 'uk', 'ru']),
  estimate: new Set(['en', 'fr', 'es', 'de', 'uk', 'ru']),
  // (English, French and Ukrainian: requests broke as many figures as they fixed in sets 1–11 — a first person
  // inside a quote, "asking" rent, a body's proposal the labels leave in the article's voice)
  request: new Set(['es', 'de', 'ru']),
  // (Ukrainian and Russian write a view as a source phrase, "на думку", "по мнению": source-phrases.ts)
  view: new Set(['en', 'fr', 'es', 'de']),
  transcript: new Set(['en', 'fr', 'es', 'de', 'uk', 'ru']),
}

/** The kinds read in `lang`, as a key for caches of what they change. */
export const kindsKey = (lang: string): string =>
  (Object.keys(EVENT_KINDS) as EventKind[]).filter((k) => EVENT_KINDS[k].has(lang)).join(',')
