// Runs in tests: the prefill's period and speaker read by the labelling conventions v2 (README "Figures",
// round 6): speaker and period carry within a paragraph in every language, a forecast "this year" is the
// whole year, a figure compared with "a year earlier" takes that period, a Q&A answer takes its question's
// period, a release's lead lends its one reference period, a list item its opening line's.
import { describe, expect, it } from 'vitest'
import { prefillFigure } from './index'
import { article } from '../../../test/figures/period-cases'

function prefill(text: string, figure: string, lang: string) {
  const start = text.indexOf(figure)
  if (start < 0) throw new Error(`"${figure}" is not in the text`)
  const articleDate = /^date (\S+)/.exec(text)?.[1]
  return prefillFigure({ text, start, end: start + figure.length, lang, articleDate })
}

const period = (text: string, figure: string, lang: string) => {
  const p = prefill(text, figure, lang).period
  return p ? [p.start, p.end] : undefined
}

describe('speaker carries within a paragraph, in every language', () => {
  it.each([
    [
      'en',
      'Council leader Helen Okafor said 412 homes were flooded. About 230 residents are in hotels.',
      'About 230',
      'Helen Okafor',
    ],
    [
      'fr',
      'Selon la préfecture du Gard, 640 pompiers sont mobilisés. Quelque 2 300 personnes ont été évacuées.',
      'Quelque 2 300',
      'préfecture du Gard',
    ],
    [
      'es',
      'Según la Junta Electoral, el PRM obtuvo 31 escaños. La cámara tiene 65 escaños.',
      '65',
      'Junta Electoral',
    ],
    [
      'de',
      'Nach Angaben der Polizei staute sich der Verkehr auf elf Kilometern. Der Verkehrsverbund setzt 12 Busse ein.',
      '12',
      'Polizei',
    ],
    [
      'uk',
      'Про це повідомив міністр Олег Ярошенко. Видатки зростуть на 412 млрд грн.',
      '412 млрд грн',
      'Олег Ярошенко',
    ],
    [
      'ru',
      'По данным комиссии, явка составила 48,3%. Остальные шесть партий в думу не прошли.',
      'шесть',
      'комиссия',
    ],
  ])('%s', (lang, paragraph, figure, speaker) => {
    expect(prefill(article('2025-03-14', paragraph), figure, lang).attributedTo?.toLowerCase()).toContain(
      speaker.toLowerCase(),
    )
  })

  it('starts a new paragraph in the article voice', () => {
    const text = article(
      '2025-03-14',
      'Fire chief Daniel Reyes said crews rescued 86 people.',
      'The brook rose by 3.9 metres.',
    )
    expect(prefill(text, '3.9 metres', 'en').attributedTo).toBeUndefined()
  })

  it('does not carry a speaker into "in our test" (en, uk)', () => {
    const en = article('2025-09-18', 'Aster says the battery lasts 20 hours. In our test it lasted 17 hours.')
    expect(prefill(en, '17 hours', 'en').attributedTo).toBeUndefined()
    const uk = article(
      '2024-11-05',
      'Виробник обіцяє до 20 годин. У нашому тесті ноутбук протримався 17 годин.',
    )
    expect(prefill(uk, '17 годин', 'uk').attributedTo).toBeUndefined()
  })

  it('names a company called "the carrier" or "le groupe" as the article introduces it (ru, fr)', () => {
    const ru = article(
      '2025-03-12',
      'Авиакомпания «Северная звезда» в феврале перевезла 412,6 тыс. пассажиров, сообщила пресс-служба перевозчика.',
    )
    expect(prefill(ru, '412,6 тыс.', 'ru').attributedTo).toBe('Северная звезда')
    const fr = article(
      '2025-02-20',
      'Le groupe de cosmétiques Sorelia emploie 230 personnes à Lyon, a indiqué le groupe.',
    )
    expect(prefill(fr, '230', 'fr').attributedTo).toBe('Sorelia')
  })

  it('gives the fullest name the article writes, without a title or a post-nominal (es, en, uk)', () => {
    const es = article(
      '2024-06-03',
      'El PRM obtuvo 31 escaños, según los datos de la Junta Electoral de Montesur.',
      'El voto por correo batió récord, con más de 86.000 solicitudes, según la Junta Electoral.',
    )
    expect(prefill(es, 'más de 86.000', 'es').attributedTo).toBe('Junta Electoral de Montesur')
    const en = article(
      '2025-03-14',
      'Prosecutor Daniel Okafor KC told the jury that Pellow approved 312 invoices.',
    )
    expect(prefill(en, '312', 'en').attributedTo).toBe('Daniel Okafor')
    const uk = article(
      '2024-12-11',
      '«Кожна гривня важить», — заявив прокурор САП Андрій Ковальчук. За його словами, державі повернули 11,2 млн грн.',
    )
    expect(prefill(uk, '11,2 млн грн', 'uk').attributedTo).toBe('Андрій Ковальчук')
  })

  it('reads an interview whose turns are named before a colon (de)', () => {
    const text = article(
      '2024-09-27',
      'Geschäftsführerin Katrin Albers über Preise und Wärmepumpen.',
      'WN: Was kostet der Umbau?',
      'Albers: Wir brauchen rund 2,3 Milliarden Euro.',
      'WN: Verlieren Sie Kunden?',
      'Albers: Bisher kaum, nur 90 Kündigungen.',
    )
    expect(prefill(text, 'rund 2,3 Milliarden Euro', 'de').attributedTo).toBe('Katrin Albers')
    expect(prefill(text, '90', 'de').attributedTo).toBe('Katrin Albers')
  })
})

describe('period', () => {
  it('carries within a paragraph past a sentence without one, not into the next paragraph (fr, de)', () => {
    const fr = article(
      '2024-09-21',
      'Depuis 2019, le département a versé 1,2 million. La région propose 1 200 euros. Le bilan est maigre.',
      'Le canton compte 9 000 habitants.',
    )
    expect(period(fr, '1 200 euros', 'fr')).toEqual(['2019-01-01', '2024-09-21'])
    expect(period(fr, '9 000', 'fr')).toBeUndefined()
    const de = article('2025-08-23', 'Die Frachtraten stiegen im Juli auf 31 Euro. Kessler hat 46 Schiffe.')
    expect(period(de, '46', 'de')).toEqual(['2025-07-01', '2025-07-31'])
  })

  it.each([
    [
      'en',
      '2025-10-08',
      'The offer would raise pay by 4.5% this year.',
      '4.5%',
      ['2025-01-01', '2025-12-31'],
    ],
    ['en', '2025-10-08', 'Pay rose 4.5% this year.', '4.5%', ['2025-01-01', '2025-10-08']],
    [
      'uk',
      '2025-09-18',
      'Видатки на оборону цього року сягнуть 2,2 трлн грн.',
      '2,2 трлн грн',
      ['2025-01-01', '2025-12-31'],
    ],
    [
      'ru',
      '2025-04-10',
      'В этом году планируем заменить 25 километров.',
      '25 километров',
      ['2025-01-01', '2025-12-31'],
    ],
    [
      'ru',
      '2025-04-10',
      'В этом году мы заменили 25 километров.',
      '25 километров',
      ['2025-01-01', '2025-04-10'],
    ],
    [
      'de',
      '2025-05-16',
      'Der Haushalt umfasse in diesem Jahr 38,2 Milliarden Euro.',
      '38,2 Milliarden Euro',
      ['2025-01-01', '2025-12-31'],
    ],
  ])(
    '"this year": a forecast the whole year, else so far (%s %s)',
    (lang, date, sentence, figure, expected) => {
      expect(period(article(date, sentence), figure, lang)).toEqual(expected)
    },
  )

  it.each([
    [
      'ru',
      '2025-04-10',
      'В 2024 году было 1 146 аварий. Это на 12% меньше, чем в 2023-м.',
      '12%',
      ['2024-01-01', '2024-12-31'],
    ],
    [
      'de',
      '2025-12-03',
      'Von Januar bis September 2025 gab es 18,4 Millionen Übernachtungen, 3,2 Prozent mehr als im Vorjahreszeitraum.',
      '3,2 Prozent',
      ['2025-01-01', '2025-09-30'],
    ],
    [
      'es',
      '2025-02-09',
      'La comarca terminó enero con 6.212 parados, 530 menos que hace un año.',
      '530',
      ['2025-01-01', '2025-01-31'],
    ],
    [
      'fr',
      '2025-11-14',
      'Sur les neuf premiers mois de l’année, 52 000 emplois ont été créés, contre 141 000 sur la même période de 2024.',
      '141 000',
      ['2024-01-01', '2024-09-30'],
    ],
    [
      'en',
      '2025-03-13',
      'It reported a fourth-quarter profit of 1.1 billion crowns, up 6% from a year earlier.',
      '6%',
      ['2024-10-01', '2024-12-31'],
    ],
    [
      'uk',
      // the year is over by the article's date (a year under way would end on it: round 9)
      '2026-03-10',
      'У 2025 році матчі відвідали 412 тисяч глядачів, що на 12% більше, ніж торік.',
      '12%',
      ['2025-01-01', '2025-12-31'],
    ],
    // a change measured against the named period keeps its sentence's period (v2, point 9); the baseline
    // value written with the comparison ("contre 141 000 sur la même période de 2024") takes that period
  ])(
    'a baseline takes the period compared with, a change its own sentence’s (%s)',
    (lang, date, sentence, figure, expected) => {
      expect(period(article(date, sentence), figure, lang)).toEqual(expected)
    },
  )

  it('leaves the compared period to the baseline, a change its sentence’s, and a record "since" to nobody (fr, es)', () => {
    const fr = article(
      '2025-11-20',
      'Les urgences ont accueilli 21,3 millions de patients l’an dernier, soit 2 % de plus qu’en 2023.',
    )
    expect(period(fr, '2 %', 'fr')).toEqual(['2024-01-01', '2024-12-31'])
    expect(period(fr, '21,3 millions', 'fr')).toEqual(['2024-01-01', '2024-12-31'])
    const es = article(
      '2024-10-09',
      'La deuda cerrará 2024 en 98,4 millones, frente a los 251 millones de 2012. El presupuesto de 2025 incluye 78,9 M€, la cifra más alta desde 2008.',
    )
    expect(period(es, '98,4 millones', 'es')).toEqual(['2024-12-31', '2024-12-31'])
    expect(period(es, '251 millones', 'es')).toEqual(['2012-01-01', '2012-12-31'])
    expect(period(es, '78,9 M€', 'es')).toEqual(['2025-01-01', '2025-12-31'])
  })

  it("does not read a live blog entry's time as its figures' period (es)", () => {
    const text = article(
      '2025-03-16',
      '23:47 — Con el 100 % escrutado, el PP suma 17 escaños.',
      '21:30 — El domingo votaron 306.900 personas.',
    )
    expect(period(text, '17 escaños', 'es')).toBeUndefined()
    expect(period(text, '306.900', 'es')).toEqual(['2025-03-16', '2025-03-16'])
  })

  it('gives an answer the period its question asked about (ru)', () => {
    const text = article(
      '2025-04-10',
      'Директор «Горводоканала» Андрей Лапшин рассказал о тарифах.',
      '— Сколько аварий было на сетях в прошлом году?',
      '— 1 146. Это много.',
      '— Сколько труб вы заменили?',
      '— Мы заменили 21 километр.',
    )
    expect(period(text, '1 146', 'ru')).toEqual(['2024-01-01', '2024-12-31'])
    expect(period(text, '21 километр', 'ru')).toBeUndefined()
  })

  it("lends a release's reference period to a paragraph without one, not a news story's (fr)", () => {
    const release = article(
      '2025-11-14',
      'Le taux de chômage s’est établi à 7,7 % au troisième trimestre 2025, a annoncé l’Insee.',
      'Le taux d’emploi reste stable, à 69,1 %.',
    )
    expect(period(release, '69,1 %', 'fr')).toEqual(['2025-07-01', '2025-09-30'])
    const story = article(
      '2025-11-14',
      'Les pompiers sont intervenus 40 fois en novembre.',
      'Le village compte 600 habitants.',
    )
    expect(period(story, '600', 'fr')).toBeUndefined()
  })

  it('reads list items with the line that opens the list (es)', () => {
    const text = article(
      '2024-10-09',
      'Entre las inversiones previstas para 2025 figuran las siguientes:',
      '1. La reforma del mercado, con 9,5 millones.',
      '2. El carril bici, con 3,2 millones.',
    )
    expect(period(text, '3,2 millones', 'es')).toEqual(['2025-01-01', '2025-12-31'])
  })

  it('reads "then" as the period the sentence before named (ru)', () => {
    const text = article(
      '2024-09-09',
      'Явка составила 31,4% — выше, чем в 2019 году. Тогда пришли 24,8% избирателей.',
    )
    expect(period(text, '24,8%', 'ru')).toEqual(['2019-01-01', '2019-12-31'])
  })

  it('reads "von Januar bis September 2025" in December, and a duration "за вісім місяців" (de, uk)', () => {
    const de = article(
      '2025-12-03',
      'Die Betriebe zählten von Januar bis September 2025 rund 18,4 Millionen Übernachtungen.',
    )
    expect(period(de, 'rund 18,4 Millionen', 'de')).toEqual(['2025-01-01', '2025-09-30'])
    const uk = article('2025-09-18', 'За вісім місяців податкова зібрала на 96 млрд грн більше.')
    expect(period(uk, 'вісім місяців', 'uk')).toEqual(['2025-01-01', '2025-08-31'])
    expect(period(uk, '96 млрд грн', 'uk')).toEqual(['2025-01-01', '2025-08-31'])
  })
})
