// Runs everywhere: an article's plain text with its whitespace-stripped view built once, on first use.
import type { StrippedText } from './normalize-whitespace'
import { stripText } from './normalize-whitespace'

export type SearchText = {
  readonly text: string
  /** Built the first time a quote is not found at its stored position, then shared by every later target. */
  readonly stripped: StrippedText
}

export function createSearchText(text: string): SearchText {
  let stripped: StrippedText | undefined
  return {
    text,
    get stripped() {
      stripped ??= stripText(text)
      return stripped
    },
  }
}
