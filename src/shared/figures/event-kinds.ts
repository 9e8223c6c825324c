// Runs everywhere: the kinds of speech event the speaker model reads besides verbs of saying (issue #13, round
// 14), and per kind the languages it is read in (scripts switch one off to see what it changes:
// test/figures/speaker-event-diff.ts).

export type EventKind = 'document' | 'estimate'

export const EVENT_KINDS: Readonly<Record<EventKind, Set<string>>> = {
  document: new Set(['en', 'fr', 'es', 'de', 'uk', 'ru']),
  estimate: new Set(['en', 'fr', 'es', 'de', 'uk', 'ru']),
}

/** The kinds read in `lang`, as a key for caches of what they change. */
export const kindsKey = (lang: string): string =>
  (Object.keys(EVENT_KINDS) as EventKind[]).filter((k) => EVENT_KINDS[k].has(lang)).join(',')
