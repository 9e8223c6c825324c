// Three detection gaps the lead saw beside period round 14 (issue #13): "a score of" (twenty) in English, and an
// ordinal before "часть" / "частина" as a share in Russian and Ukrainian ("десятую часть", "п'яту частину").
// Sentences written for these tests (none taken from a set).
import { describe } from 'vitest'
import { detectCases } from '../../../test/figures/detect-cases'

/** Each figure as [text, value, unit?]. */
const cases = detectCases()

describe('"a score of" is twenty, counted by the noun after it', () => {
  cases([
    ['en', 'A score of lorries queued at the border.', [['A score of', 20, 'lorries']]],
    ['en', 'The deal should bring a score of new contracts to the yard.', [['a score of', 20, 'contracts']]],
    // a score that is a mark, not a count
    ['en', 'The hotel earned a score of 8 out of 10.', [['8 out of 10', 0.8]]],
    ['en', 'The score was tied at the break.', []],
  ])
})

describe('an ordinal before "часть" / "частина" is a share', () => {
  cases([
    ['ru', 'Засуха уничтожила десятую часть урожая.', [['десятую часть', 0.1]]],
    ['ru', 'На ремонт ушла пятая часть бюджета.', [['пятая часть', 0.2]]],
    // "the second part" of a report is no half
    ['ru', 'Вторая часть доклада посвящена школам.', []],
    ['uk', 'Посуха знищила десяту частину врожаю.', [['десяту частину', 0.1]]],
    ['uk', 'На ремонт пішла п’ята частина бюджету.', [['п’ята частина', 0.2]]],
    ['uk', 'Друга частина звіту присвячена школам.', []],
  ])
})
