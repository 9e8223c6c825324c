// Speaker prefill, round 17: a body named by its kind noun in an oblique case is the body the article names in
// full, not a person whose role holds the noun ("Директорка центру Наталія Гордійчук"); each case written for
// this test.
import { describe, expect, it } from 'vitest'
import { lexiconFor } from './lang/index'
import { attributeSpeaker } from './speaker-model'

const article = (...paragraphs: string[]): string => ['date 2026-12-01 A title', ...paragraphs].join('\n\n')

const speaker = (text: string, figure: string, lang: string): string | undefined => {
  const start = text.lastIndexOf(figure)
  if (start < 0) throw new Error(`"${figure}" is not in the text`)
  return attributeSpeaker({ text, start, end: start + figure.length, lex: lexiconFor(lang) })
}

describe('speaker prefill, round 17: a body in an oblique case is the body, not the person in its role', () => {
  it.each([
    [
      'uk',
      [
        'Центр професійної підготовки кадрів у вівторок оприлюднив річний звіт.',
        'Директорка центру Оксана Левчук назвала рік успішним. За даними центру, навчання пройшли 4 200 слухачів.',
      ],
      '4 200',
      'Центр професійної підготовки кадрів',
    ],
    [
      'ru',
      [
        'По данным Управления Северо-Донского бассейна внутренних водных путей, навигация прошла без аварий.',
        'Начальник управления Олег Тарасов доволен сезоном. Грузооборот вырос на 7%, отметили в управлении.',
      ],
      '7%',
      'Управление Северо-Донского бассейна внутренних водных путей',
    ],
  ])('%s', (lang, paragraphs, figure, expected) => {
    expect(speaker(article(...paragraphs), figure, lang)).toBe(expected)
  })
})
