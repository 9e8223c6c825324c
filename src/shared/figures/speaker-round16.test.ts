// Speaker prefill, round 16: requests and demands make whoever makes them the speaker, person or body, a body's
// formal proposal has none (README, "Decided in session 10"), and a first person or an English participle is
// never the one who speaks — each case written for this test, in the six languages.
import { describe, expect, it } from 'vitest'
import { lexiconFor } from './lang/index'
import { attributeSpeaker } from './speaker-model'

const article = (...paragraphs: string[]): string => ['date 2026-12-01 A title', ...paragraphs].join('\n\n')

const speaker = (text: string, figure: string, lang: string): string | undefined => {
  const start = text.indexOf(figure)
  if (start < 0) throw new Error(`"${figure}" is not in the text`)
  return attributeSpeaker({ text, start, end: start + figure.length, lex: lexiconFor(lang) })
}

describe('speaker prefill, round 16: a request or demand speaks for whoever makes it', () => {
  it.each([
    ['en', 'The Harbour Workers Union demands a 6% rise for all dock staff.', '6%', 'Harbour Workers Union'],
    ['en', 'Anna Greaves urged the council to cut fares by 10% next year.', '10%', 'Anna Greaves'],
    [
      'uk',
      'Профспілка «Солідарність харчовиків» вимагає підвищити зарплати на 25% у наступному році.',
      '25%',
      'Профспілка «Солідарність харчовиків»',
    ],
    ['uk', 'Олена Гайова закликає виділити ще 40 млн грн на ремонт доріг.', '40 млн грн', 'Олена Гайова'],
    ['es', 'El sindicato Metal Unido exige una subida del 6 % para toda la plantilla.', '6 %', 'Metal Unido'],
    [
      'de',
      'Die Gewerkschaft Verdi fordert 8 Prozent mehr Lohn für die Beschäftigten.',
      '8 Prozent',
      'Gewerkschaft Verdi',
    ],
    [
      'ru',
      'Профсоюз «Северсталь-Труд» требует повысить зарплаты на 12% в следующем году.',
      '12%',
      'Профсоюз «Северсталь-Труд»',
    ],
  ])('%s: %s', (lang, sentence, figure, expected) => {
    expect(speaker(article(sentence), figure, lang)).toBe(expected)
  })

  it('a first person is the quote’s own subject, never the attribution (fr, en, es, de)', () => {
    const fr = article(
      '« L’inflation a été de 2,1 % l’an dernier. Nous demandons 6 % pour 2027 », a lancé Karima Benali, déléguée syndicale.',
    )
    expect(speaker(fr, '6 %', 'fr')).toBe('Karima Benali')
    const en = article(
      '“Prices rose 4% last year. We demand 7% for 2027,” said Tom Okoro, the union’s negotiator.',
    )
    expect(speaker(en, '7%', 'en')).toBe('Tom Okoro')
    const es = article(
      '«Los precios subieron un 4 %. Nosotros exigimos un 7 % para 2027», afirmó Lucía Ferrer, delegada sindical.',
    )
    expect(speaker(es, '7 %', 'es')).toBe('Lucía Ferrer')
  })

  it('an English participle after a noun is no speech act: "Rent demanded up front will be capped"', () => {
    const text = article('Rent demanded up front will be capped at one month under the new law.')
    expect(speaker(text, 'one month', 'en')).toBeUndefined()
  })
})

describe('speaker prefill, round 16: a body’s formal proposal has no speaker, a person’s speaks', () => {
  it.each([
    ['en', 'The board of Calder Mills proposed a dividend of 12 pence a share.', '12 pence'],
    ['fr', 'La direction a proposé une hausse générale des salaires de 3,4 % en 2027.', '3,4 %'],
    ['uk', 'Керівництво «Подільського смаку» пропонує підняти ставки на 8% у наступному році.', '8%'],
  ])('%s: %s', (lang, sentence, figure) => {
    expect(speaker(article(sentence), figure, lang)).toBeUndefined()
  })
})
