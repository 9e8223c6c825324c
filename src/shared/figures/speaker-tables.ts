// Runs everywhere: the small per-language tables of the speaker model: for the discourse model of
// speaker-discourse.ts the mood only reported speech takes and the sentence openings that only point back (beside
// the speech words of lang/*-speech.ts: verbs, titles, "according to" forms), and the clause model's words.
import { ukNominative } from './lang/uk-names'
import type { Lexicon } from './lang/types'

export type DiscourseTable = {
  /** A verb form of reported speech that continues the last speaker into a new paragraph (German Konjunktiv I). */
  reportedMood?: RegExp
  /** Openings of a sentence that only points back (§10): "Про це повідомив …", "Об этом сообщил …". */
  pointsBack: readonly RegExp[]
}

/**
 * Nouns of a source a list's lead line names (§18; "in figures", "en cifras", "у цифрах" name none):
 * "données de l'Insee", "datos del INE", "Daten des Bundesamts", "данные Росстата".
 */
export const SOURCE_NOUNS =
  /(?<![\p{L}])(?:report|data|survey|rapport|données|enquête|informe|datos|encuesta|Bericht|Daten|Umfrage|звіт\p{L}*|дан[іи]\p{L}*|опитуванн\p{L}*|отч[её]т\p{L}*|опрос\p{L}*)(?![\p{L}])/u

const TABLES: Readonly<Record<string, DiscourseTable>> = {
  en: { pointsBack: [] },
  fr: { pointsBack: [/^c['’]est ce qu['’]/u] },
  es: { pointsBack: [/^así lo\s/u] },
  de: {
    // third-person Konjunktiv I forms that differ from the indicative ("sei", "habe", "könne", "liege")
    reportedMood:
      /(?<!\p{L})(?:sei|seien|habe|werde|könne|müsse|solle|dürfe|wolle|gebe|liege|stehe|bleibe|betrage|komme|gehe|fehle|brauche|reiche|steige|sinke|wachse|rechne|erwarte|plane)(?!\p{L})/u,
    pointsBack: [/^(?:das|dies)\s+(?:teilte|sagte|gab|erklärte|berichtete|bestätigte)\s/u],
  },
  uk: { pointsBack: [/^про\s+це\s/u, /^як\s+повідомил[аи]?\s/u, /^як\s+повідомив\s/u] },
  ru: { pointsBack: [/^об\s+этом\s/u, /^как\s+сообщил[аи]?\s/u] },
}

// The clause model's words (attribution-model.ts), per language where they differ.

/** Pronouns that point back to a speaker, per language. */
export const PRONOUNS: Readonly<Record<string, readonly string[]>> = {
  en: ['he', 'she', 'they', 'it'],
  fr: ['il', 'elle', 'ils', 'elles'],
  es: ['él', 'ella', 'ellos', 'ellas'],
  de: ['er', 'sie'],
  uk: ['він', 'вона', 'вони'],
  ru: ['он', 'она', 'они'],
}

/** Words that may stand between an inverted verb and its speaker (when it was said): skipped, at most four. */
export const SKIPPABLE =
  /^(?:this|on|last|monday|tuesday|wednesday|thursday|friday|saturday|sunday|ce|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche|soir|matin|dernier|à|au|mois|este|esta|el|martes|lunes|miércoles|jueves|viernes|sábado|domingo|ayer|hoy|en|un|comunicado|am|heute|gestern|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|у|в|во|понеділок|вівторок|середу|четвер|п'ятницю|суботу|неділю|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|вчора|вчера|сьогодні|сегодня|також|также|ще|еще|ещё|also|aussi|también|auch|\d{1,2}(?:[.:h]\d\d)?)$/u

export const LINKS = /^(?:de|del|des|du|la|of|for|the|der|für|von|и|і|по|з)$/u
export const CONJ = /^(?:y|e|and|et|und|і|й|и|та)$/u

/** Participle endings (French, Spanish) and the auxiliaries that make a participle a verb. */
export const PARTICIPLE: Readonly<Record<string, RegExp>> = {
  fr: /(?:é|ée|és|ées)$/u,
  es: /(?:ado|ada|ados|adas|ido|ida|idos|idas)$/u,
}
export const AUXILIARY = new Set([
  'a',
  'ont',
  'avait',
  'avaient',
  'aurait',
  'auraient',
  'ha',
  'han',
  'había',
  'habían',
  'habría',
  'hemos',
])

/** The discourse table of a language (English's, which has none of these forms, for one not listed). */
export function discourseTable(code: string): DiscourseTable {
  return TABLES[code] ?? TABLES.en
}

/**
 * A Ukrainian or Russian name in the nominative, where the words before it put it in another case ("за даними
 * фонду", "по данным «Кинометрики»", "в регіональному управлінні …"): the language's own normaliser.
 */
export function nominative(name: string, text: string, before: string, lex: Lexicon): string {
  if (lex.code === 'uk')
    return ukNominative(name, text, /(?:за\s+\p{L}+|згідно\s+з|\s[ув])\s*$/u.test(before))
  if (lex.code === 'ru') return lex.speech.normalizeName?.(name, before) ?? name
  return name
}
