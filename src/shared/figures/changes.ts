// Runs everywhere: whether a change verb ("rose", "зросла") governs the numbers that follow it.
import { KINDS } from './lang/kinds'
import type { Scan } from './types'

/** A verb of change, listed ("rose", "зросла") or by its stem ("скоротиться", "ограничивают"). */
const isChange = (scan: Scan, lower: string): boolean =>
  scan.lex.changeWords.has(lower) || KINDS[scan.lex.code].changeStems?.test(lower) === true

/** A change verb among the few words before `at`, within the clause: "raised his target from $180 to $215". */
export function changeBefore(scan: Scan, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 4); i--) {
    const token = scan.tokens[i]
    if (token.kind === 'sym') return false
    if (isChange(scan, token.lower)) return true
  }
  return false
}

const abbreviation = (scan: Scan, i: number): boolean => {
  const next = scan.tokens[i + 1]
  return (
    scan.tokens[i].text === '.' &&
    next !== undefined &&
    !next.gap.includes('\n') &&
    /^[\p{Ll}\d]/u.test(next.text)
  )
}

/**
 * A change verb earlier in the sentence of `at`: "запропонувала збільшити площу, за яку виплачують компенсацію,
 * з 60 до 80 кв. м" is a change from one figure to another, not a range.
 */
export function changeInSentence(scan: Scan, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const token = scan.tokens[i]
    // a full stop before a lower-case word or a number ends an abbreviation, not the sentence: "с 7,5 тыс. до 15"
    if (token.kind === 'sym' && ['.', '!', '?'].includes(token.text) && !abbreviation(scan, i)) return false
    // a semicolon ends the clause a change verb governs: "assumes a rise of 0.2 points; its range runs from …"
    if (token.kind === 'sym' && token.text === ';') return false
    if (isChange(scan, token.lower)) return true
    if (token.gap.includes('\n')) return false
  }
  return false
}
