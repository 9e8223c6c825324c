// Runs everywhere: amounts written in a currency's hundredth ("44,5 Cent", "50p", "20 centimes", "3 céntimos",
// "50 копійок", "50 копеек") are that currency's amounts: 44,5 Cent is 0.445 EUR, as the labelled sets record a
// price per litre or per kilogram, so a figure in cents and one in euros compare (issue #13).
import type { LanguageCode } from './lang/types'
import { glued, isWord } from './tokenize'
import type { Scan } from './types'

/** A hundredth's names per language, each with the currency it is a hundredth of when the text names none. */
const SUBUNITS: Readonly<Record<LanguageCode, Readonly<Record<string, string>>>> = {
  en: { pence: 'GBP', penny: 'GBP', p: 'GBP', cents: 'USD', cent: 'USD' },
  fr: { centimes: 'EUR', centime: 'EUR', cts: 'EUR' },
  es: { céntimos: 'EUR', céntimo: 'EUR', centavos: 'USD', centavo: 'USD' },
  de: { cent: 'EUR', rappen: 'CHF' },
  uk: { копійок: 'UAH', копійки: 'UAH', копійка: 'UAH', коп: 'UAH' },
  ru: { копеек: 'RUB', копейки: 'RUB', копейка: 'RUB', коп: 'RUB' },
}

/** Currencies whose hundredth is called a cent, a centime or a centavo: the text's own one wins over the default. */
const CENT_CURRENCIES: ReadonlySet<string> = new Set(['EUR', 'USD', 'CAD', 'AUD', 'NZD', 'CHF', 'MXN', 'ARS'])

/** Letters alone ("p") name a hundredth only written onto the number: "50p", never "50 p". */
const GLUED_ONLY: ReadonlySet<string> = new Set(['p'])

/**
 * The hundredth named right after token `last`, with its currency: the nearest currency the text names before it
 * when that one has cents (an article on Irish prices in euros says "45 cents"), else the language's default.
 */
export function subunitAfter(scan: Scan, last: number): { code: string; last: number } | undefined {
  const { tokens, lex } = scan
  const word = tokens[last + 1]
  if (!isWord(word)) return undefined
  const fallback = SUBUNITS[lex.code][word.lower]
  if (fallback === undefined || (GLUED_ONLY.has(word.lower) && !glued(word))) return undefined
  if (!CENT_CURRENCIES.has(fallback)) return { code: fallback, last: last + 1 }
  for (let i = last - 1; i >= 0; i--) {
    const t = tokens[i]
    const code = lex.currencySuffixes[t.lower] ?? lex.currencyPrefixes[t.text]
    if (code !== undefined && CENT_CURRENCIES.has(code)) return { code, last: last + 1 }
  }
  return { code: fallback, last: last + 1 }
}
