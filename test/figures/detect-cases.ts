// Tests: table-driven detection cases — each sentence in its language and every figure detected in it, as
// [text, value, unit?] (and "q:" + qualifier with `qualifier: true`), in order.
import { expect, it } from 'vitest'
import { detectFigures, lexiconFor } from '../../src/shared/figures/index'

export type Found = (string | number)[]

type Options = { qualifier?: boolean }

/** Each figure detected in `text` as [text, value, unit?, "q:" + qualifier? (with `qualifier`)]. */
export const found = (lang: string, text: string, options: Options = {}): Found[] =>
  detectFigures(text, lexiconFor(lang)).map((f) => [
    f.text,
    f.value,
    ...(f.unit !== undefined ? [f.unit] : []),
    ...(options.qualifier && f.qualifier !== undefined ? [`q:${f.qualifier}`] : []),
  ])

/** A test per [lang, sentence, figures expected]. */
export const detectCases =
  (options: Options = {}) =>
  (list: [string, string, Found[]][]) =>
    it.each(list)('%s: %s', (lang, text, expected) => {
      expect(found(lang, text, options)).toEqual(expected)
    })
