// Runs everywhere: the reader of declined number words that Russian and Ukrainian share — a table of every case
// form of each number word, then one walk that adds units, teens, tens and hundreds and multiplies by scales
// ("двух тысяч пятисот", "двадцяти мільйонів"), plus the shares ("каждый пятый", "кожна третя"), halves
// ("полтора миллиона", "півтора мільйона") and fractions ("две трети", "дві третини"). ru-numbers.ts and
// uk-numbers.ts hold the words.
import type { NumberWords } from '../number-words'

/** `collective`: "четверо", read alone, never as part of a larger number. */
export type NumberKind = 'unit' | 'teen' | 'tens' | 'hundreds' | 'scale' | 'collective'
export type NumberTable = Map<string, { value: number; kind: NumberKind }>

/**
 * A table and the function that fills it: `add(kind, value, 'form form …')`; `variants` gives the other
 * spellings a form is also found under (Russian writes ё as е).
 */
export function numberTable(variants: (form: string) => string[] = () => []): {
  table: NumberTable
  add: (kind: NumberKind, value: number, forms: string) => void
} {
  const table: NumberTable = new Map()
  const add = (kind: NumberKind, value: number, forms: string): void => {
    for (const form of forms.split(' ')) {
      table.set(form, { value, kind })
      for (const variant of variants(form)) table.set(variant, { value, kind })
    }
  }
  return { table, add }
}

export type SlavicNumberWords = {
  table: NumberTable
  /** Applied to every word first (spellings of ё, of the apostrophe). */
  norm: (word: string) => string
  /** "каждый"/"кожен" in every form, and the ordinals after it with the share each means. */
  every: ReadonlySet<string>
  ordinals: readonly (readonly [RegExp, number])[]
  /** "часть" / "частина" in every form: an ordinal before it is a share ("десятую часть", "п'яту частину"). */
  parts: ReadonlySet<string>
  /** "полтора" (1.5), "пів" (0.5): before a scale they multiply it; alone only 1.5 is read. */
  halves: Readonly<Record<string, number>>
  /** Fraction nouns read alone: "треть", "четверть", "половина". */
  denominators: ReadonlyMap<string, number>
  /** Denominators after a count of two or more: "две трети", "три пятых". */
  countedDenominators: ReadonlyMap<string, number>
  /** "с половиной" / "з половиною" after a count; `thenScale`: a scale word after it is read too. */
  andAHalf: { words: readonly [string, string]; thenScale: boolean }
  /** Oblique forms of "one" that standing alone are not counts ("в одной больнице"). */
  obliqueOne: ReadonlySet<string>
}

/** `isNumberWord` and `parse` over one language's words. */
export function slavicNumberReader(lang: SlavicNumberWords): {
  isNumberWord: (word: string) => boolean
  parse: (raw: readonly string[]) => NumberWords | undefined
} {
  const { table, norm } = lang
  const isNumberWord = (word: string): boolean => {
    const w = norm(word)
    return table.has(w) || w in lang.halves
  }

  /**
   * Reads the longest number at the start of `words` (lower-case words and `-` tokens); `used` counts the items
   * consumed. Fraction nouns are read whatever `fractions` says: in these languages they are never ordinals.
   */
  function parse(raw: readonly string[]): NumberWords | undefined {
    const words = raw.map(norm)
    if (words.length === 0) return undefined
    if (lang.every.has(words[0])) {
      const found = lang.ordinals.find(([pattern]) => pattern.test(words[1] ?? ''))
      return found ? { value: 1 / found[1], used: 2, fraction: false } : undefined
    }
    if (lang.parts.has(words[1] ?? '')) {
      // "вторая часть" is the second part of something, not a half ("половина")
      const found = lang.ordinals.find(([pattern, n]) => n > 2 && pattern.test(words[0]))
      if (found) return { value: 1 / found[1], used: 2, fraction: true }
    }
    const half = lang.halves[words[0]]
    if (half !== undefined) {
      const next = table.get(words[1] ?? '')
      if (next?.kind === 'scale') return { value: half * next.value, used: 2, fraction: false }
      return half === 1.5 ? { value: 1.5, used: 1, fraction: false } : undefined
    }
    const lone = lang.denominators.get(words[0])
    if (lone !== undefined) return { value: 1 / lone, used: 1, fraction: true }
    const first = table.get(words[0])
    if (first?.kind === 'collective') return { value: first.value, used: 1, fraction: false }
    const [withWord, halfWord] = lang.andAHalf.words
    let total = 0
    let current = 0
    let used = 0
    let last: NumberKind | 'none' = 'none'
    let lastScale = Infinity
    for (; used < words.length; used++) {
      const entry = table.get(words[used])
      if (entry === undefined || entry.kind === 'collective') {
        const denominator = lang.countedDenominators.get(words[used])
        if (denominator !== undefined && last === 'unit' && total === 0 && current > 1)
          return { value: current / denominator, used: used + 1, fraction: true }
        if (words[used] === withWord && words[used + 1] === halfWord && last !== 'none' && last !== 'scale') {
          current += 0.5
          // "два с половиной миллиона": the scale after it is read next
          if (lang.andAHalf.thenScale && table.get(words[used + 2])?.kind === 'scale') {
            used += 1
            continue
          }
          used += 2
        }
        break
      }
      const { kind, value } = entry
      const ok =
        kind === 'scale'
          ? value < lastScale
          : kind === 'hundreds'
            ? last === 'none' || last === 'scale'
            : kind === 'tens' || kind === 'teen'
              ? last === 'none' || last === 'scale' || last === 'hundreds'
              : last !== 'unit' && last !== 'teen'
      if (!ok) break
      if (kind === 'scale') {
        total += (current || 1) * value
        current = 0
        lastScale = value
      } else current += value
      last = kind
    }
    if (used === 0) return undefined
    if (used === 1 && lang.obliqueOne.has(words[0])) return undefined
    return { value: total + current, used, fraction: false }
  }

  return { isNumberWord, parse }
}
