// Runs everywhere: the language profiles figure detection reads, and which one an article is in.
import { franc } from 'franc-min'
import { de } from './de'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import type { LanguageCode, Lexicon } from './types'
import { ru } from './ru'
import { uk } from './uk'
import { LANGUAGES } from './types'

export type { LanguageCode, Lexicon } from './types'
export { LANGUAGES } from './types'

const LEXICONS: Partial<Record<LanguageCode, Lexicon>> = { en, es, de, fr, uk, ru }

export const isLanguageCode = (code: string | undefined): code is LanguageCode =>
  code !== undefined && (LANGUAGES as readonly string[]).includes(code)

/** The profile for `code` (`fr`, `fr-CA`, `FR`); English for a language Glossa has no rules for. */
export function lexiconFor(code: string | undefined): Lexicon {
  const base = code?.toLowerCase().split(/[-_]/)[0]
  return (isLanguageCode(base) && LEXICONS[base]) || en
}

/** The rules for an article: its stated language, else the language its text is in, else English. */
export const articleLexicon = (lang: string | undefined, text: string): Lexicon =>
  lexiconFor(lang ?? detectLanguage(text))

const ISO_639_3: Readonly<Record<string, LanguageCode>> = {
  eng: 'en',
  fra: 'fr',
  spa: 'es',
  deu: 'de',
  ukr: 'uk',
  rus: 'ru',
}

/**
 * The language of `text` among the six Glossa reads (trigram statistics from franc-min, restricted to
 * them), or undefined when the text is too short to tell.
 */
export function detectLanguage(text: string): LanguageCode | undefined {
  const found = franc(text.slice(0, 4000), { only: Object.keys(ISO_639_3), minLength: 20 })
  return ISO_639_3[found]
}
