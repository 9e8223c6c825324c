// Speaker prefill, round 16: requests and demands make whoever makes them the speaker, person or body, a body's
// formal proposal has none (README, "Decided in session 10"), and a first person or an English participle is
// never the one who speaks — each case written for this test, in the six languages.
import { describe, expect, it } from 'vitest'
import { lexiconFor } from './lang/index'
import { attributeSpeaker } from './speaker-model'
import { speakerName } from './speaker-name'

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

describe('speaker prefill, round 16: one name normaliser gives the fullest name, in the nominative', () => {
  const named = (lang: string, text: string, mention: string): string | undefined =>
    speakerName({ mention, text, offset: text.length, lex: lexiconFor(lang) })
  it.each([
    // a role or title compound before a person is no part of the name
    [
      'en',
      'Chief Fire Officer Mark Ellery said call-outs rose by 12%. Ellery said crews were stretched.',
      'Chief Fire Officer Mark Ellery',
      'Mark Ellery',
    ],
    [
      'de',
      'Die Stadtwerke-Meteorologin Jana Ortlieb zählte 14 Hitzetage. Ortlieb warnte vor mehr.',
      'Stadtwerke-Meteorologin Jana Ortlieb',
      'Jana Ortlieb',
    ],
    // a source frame speaks for its complement, in the nominative
    [
      'de',
      'Laut der Bilanz des Bayerischen Rundfunks sahen 2,1 Millionen zu.',
      'Bilanz des Bayerischen Rundfunks',
      'Bayerischer Rundfunk',
    ],
    [
      'fr',
      'Les analystes de Banque Orsay tablent sur 3 % de croissance, selon la Banque Orsay.',
      'analystes de Banque Orsay',
      'Banque Orsay',
    ],
    [
      'es',
      'Los analistas de Banco Ribera prevén un alza del 2 % este año.',
      'analistas de Banco Ribera',
      'Banco Ribera',
    ],
    [
      'ru',
      'Доля компании «Южный капитал» выросла. Аналитики «Южного капитала» ждут роста на 7%.',
      'Аналитики «Южного капитала»',
      'Южный капитал',
    ],
    // a German body's kind noun in the genitive before its complement
    [
      'de',
      'Nach einer Auswertung des Verbands der Zahnärzte stiegen die Kosten um 9 Prozent.',
      'Auswertung des Verbands',
      'Verband der Zahnärzte',
    ],
    // a Slavic body read in an oblique case: the head in the nominative, its genitive complement as written
    [
      'ru',
      'По данным Избирательной комиссии Верхнеозёрской области, явка составила 48%.',
      'Избирательной',
      'Избирательная комиссия Верхнеозёрской области',
    ],
    [
      'ru',
      'Гидрометцентр Заречного края насчитал 9 дней с осадками.',
      'Гидрометцентр Заречного',
      'Гидрометцентр Заречного края',
    ],
    // (a surname in -ой is a name in full, no adjective waiting for its noun)
    [
      'ru',
      'Игорь Ланской осторожнее других: рост цен на 4% он считает пределом. Ланской добавил, что …',
      'Игорь Ланской',
      'Игорь Ланской',
    ],
    [
      'uk',
      'Головне управління пожежної служби Лісового краю нарахувало 310 пожеж.',
      'Головне управління пожежної служби Лісового краю',
      'Головне управління пожежної служби Лісового краю',
    ],
    // a short name extended to the full one the article gives
    [
      'uk',
      'Національна поліція зафіксувала 40 аварій. За даними поліції, постраждали 12 людей.',
      'поліції',
      'Національна поліція',
    ],
    [
      'es',
      'La portavoz de la consejería de Turismo explicó que llegaron 40.000 visitantes.',
      'de Turismo',
      'consejería de Turismo',
    ],
  ])('%s: %s', (lang, text, mention, expected) => {
    expect(named(lang, text, mention)).toBe(expected)
  })
})
