// Speaker prefill, round 17: a body named by its kind noun in an oblique case is the body the article names in
// full, not a person whose role holds the noun ("Директорка центру Наталія Гордійчук"); a document with no owner
// named speaks for the sentence's subject (accounts, an annual report, a "bilan", "cuentas anuales"); a company's
// management or a body's office speaks as the body (README, "Decided in session 12") — each case written for
// this test.
import { describe, expect, it } from 'vitest'
import { lexiconFor } from './lang/index'
import { attributeSpeaker } from './speaker-model'
import { eventSpeaker } from './speech-events'

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

describe('speaker prefill, round 17: a document with no owner named speaks for the sentence’s subject', () => {
  it.each([
    [
      'en',
      'Marlow Rovers made a profit of £6.2m in the year to 31 May, according to accounts the club filed on Tuesday.',
      '£6.2m',
      'Marlow Rovers',
    ],
    [
      'en',
      'Complaints to the Rail Passengers Ombudsman rose by 12% to 9,400 last year, its annual report shows.',
      '9,400',
      'Rail Passengers Ombudsman',
    ],
    [
      'fr',
      'La communauté de communes du Val de Lenne a perçu 1,2 million d’euros de taxe de séjour en 2025, selon le bilan présenté lundi en conseil.',
      '1,2 million d’euros',
      'communauté de communes du Val de Lenne',
    ],
    [
      'es',
      'El Club Deportivo Arenales cerró el ejercicio con un beneficio de 3,1 millones de euros, según las cuentas anuales que el consejo presentará en octubre.',
      '3,1 millones de euros',
      'Club Deportivo Arenales',
    ],
  ])('%s: %s', (lang, sentence, figure, expected) => {
    expect(speaker(article(sentence), figure, lang)).toBe(expected)
  })

  it('a document brought in as "a survey", "une étude" is no event of the subject (en, fr)', () => {
    const en = article('Harwick Council spent £2.1m on repairs last year, according to a survey of tenants.')
    expect(eventSpeaker(en, en.indexOf('£2.1m'), lexiconFor('en'))).toBeUndefined()
    const fr = article(
      'La communauté de communes du Val de Lenne a perçu 1,2 million d’euros, selon une étude.',
    )
    expect(eventSpeaker(fr, fr.indexOf('1,2'), lexiconFor('fr'))).toBeUndefined()
  })
})

describe('speaker prefill, round 17: a company’s management speaks as the company (session 12)', () => {
  it.each([
    [
      'fr',
      'Selon la direction de Marbel Industries et l’intersyndicale, 62 % des salariés étaient en grève mercredi.',
      '62 %',
      'Marbel Industries',
    ],
    [
      'es',
      'Según la dirección de Cerámicas Olmedo, el 40 % de la plantilla secundó el paro.',
      '40 %',
      'Cerámicas Olmedo',
    ],
    [
      'es',
      'Según la oficina de la Defensora del Pueblo de Arenales, las quejas subieron un 9 %.',
      '9 %',
      'Defensora del Pueblo de Arenales',
    ],
  ])('%s: %s', (lang, sentence, figure, expected) => {
    expect(speaker(article(sentence), figure, lang)).toBe(expected)
  })
})

describe('speaker prefill, round 17: a kind noun points back to the body named before it, not one quoted later', () => {
  it.each([
    [
      'ru',
      [
        'Сеть магазинов «Техномир» увеличила выручку на 9%, говорится в отчете компании.',
        'Аналитик инвестиционной компании «Орион Капитал» Иван Петров считает прогноз осторожным.',
      ],
      '9%',
      'Техномир',
    ],
    [
      'uk',
      [
        'Мережа аптек «Здорово» збільшила продажі на 12%, йдеться у звіті компанії.',
        'Аналітик інвестиційної компанії «Дніпро Капітал» Олег Ткач вважає прогноз обережним.',
      ],
      '12%',
      'Здорово',
    ],
  ])('%s', (lang, paragraphs, figure, expected) => {
    expect(speaker(article(...paragraphs), figure, lang)).toBe(expected)
  })
})

describe('speaker prefill, round 17: a lower-case descriptor before a name of two words is no part of it', () => {
  it.each([
    [
      'fr',
      'L’association de consommateurs Place Équitable a relevé 900 annonces de revente en mai.',
      '900',
      'Place Équitable',
    ],
    [
      'es',
      'La asociación de vecinos Barrio Vivo ha contabilizado 340 pisos turísticos en el distrito.',
      '340',
      'Barrio Vivo',
    ],
  ])('%s: %s', (lang, sentence, figure, expected) => {
    expect(speaker(article(sentence), figure, lang)).toBe(expected)
  })
})
