import { describe, expect, it } from 'vitest'
import { modelAttribution } from './attribution-model'
import { prefillFigure } from './prefill'
import { articleLexicon } from './lang'
import { isSpeechVerb } from './speech-verbs'

const model = (text: string, figure: string, lang: string): string | undefined =>
  modelAttribution({ text, start: text.indexOf(figure), lex: articleLexicon(lang, text) })
const speaker = (text: string, figure: string, lang: string): string | undefined => {
  const start = text.indexOf(figure)
  return prefillFigure({ text, start, end: start + figure.length, lang, articleDate: '2026-12-01' })
    .attributedTo
}

describe('isSpeechVerb', () => {
  it('reads a communication verb in any inflected form from its stem, per language', () => {
    for (const [w, lang] of [
      ['informó', 'es'],
      ['recordó', 'es'],
      ['dijeron', 'es'],
      ['précisé', 'fr'],
      ['indique', 'fr'],
      ['affirme-t-il', 'fr'],
      ['заявив', 'uk'],
      ['повідомила', 'uk'],
      ['повідомили', 'uk'],
      ['сообщил', 'ru'],
      ['сообщила', 'ru'],
      ['ответили', 'ru'],
      ['teilte', 'de'],
      ['mitgeteilt', 'de'],
      ['bestätigte', 'de'],
    ])
      expect(isSpeechVerb(w, lang), `${lang} ${w}`).toBe(true)
    for (const [w, lang] of [
      ['сказка', 'ru'],
      ['данные', 'ru'],
      ['nota', 'es'],
      ['house', 'en'],
      ['kaum', 'de'],
    ])
      expect(isSpeechVerb(w, lang), `${lang} ${w}`).toBe(false)
  })
})

describe('modelAttribution: the clause model', () => {
  it('reads the speaker after an inverted verb, past when it was said', () => {
    expect(
      model(
        'Un convoy de 38 camiones entró en Saltara, informó este martes la Coordinadora Humanitaria Internacional (CHI), que organizó la operación.',
        '38',
        'es',
      ),
    ).toBe('Coordinadora Humanitaria Internacional')
    expect(
      model(
        'Фильм стартовал с 412 млн рублей, сообщил в понедельник аналитический сервис «Кинометрика».',
        '412',
        'ru',
      ),
    ).toBe('Кинометрика')
    expect(
      model(
        "L'opposition a déposé plus de 12 000 amendements, a indiqué jeudi la présidence de l'Assemblée nationale.",
        '12 000',
        'fr',
      ),
    ).toBe("présidence de l'Assemblée nationale")
  })

  it('gives a coordinated verb with no subject of its own the subject of the clause before', () => {
    expect(
      model(
        'El Ministerio de Agricultura defendió que las ayudas «se ajustan al valor de mercado» y recordó que en 2025 pagó 18,7 millones de euros.',
        '18,7',
        'es',
      ),
    ).toBe('Ministerio de Agricultura')
  })

  it('reads the source of a source phrase, and the body behind a document', () => {
    expect(model('По данным ведомства, оно изъяло контрафакта на 1,7 млрд рублей.', '1,7', 'ru')).toBe(
      'ведомство',
    )
    expect(model('Según los datos de la Agencia Estatal de Tráfico, murieron 17.', '17', 'es')).toBe(
      'Agencia Estatal de Tráfico',
    )
  })

  it('takes no participle for a verb without its auxiliary, and no capital of a common noun for a name', () => {
    expect(
      model('Resumen semanal con lo más destacado de los últimos siete días.', 'siete', 'es'),
    ).toBeUndefined()
    expect(
      model('In den ersten sieben Monaten zählte der Flughafen 8,06 Mio. Fluggäste.', '8,06', 'de'),
    ).toBeUndefined()
    expect(
      model('Собеседник в органах сообщил, что капитал фирмы 10 тыс. рублей.', '10 тыс', 'ru'),
    ).toBeUndefined()
  })

  it('is not used for English, where the sentence readers find the speakers', () => {
    expect(model('Fjordlaks cut its harvest forecast by 12% on Thursday.', '12%', 'en')).toBeUndefined()
  })
})

describe('the prefill names the model’s speaker as the article does', () => {
  it('takes a short or declined name to the body the article names in full', () => {
    const ru =
      'date 2026-12-07 Сборы\n\nФильм собрал 412 млн рублей, сообщил в понедельник аналитический сервис «Кинометрика».\n\nС начала года, по данным «Кинометрики», прокат собрал 41,3 млрд рублей.'
    expect(speaker(ru, '412', 'ru')).toBe('Кинометрика')
  })

  it('puts a Ukrainian or Russian source named in another case in the nominative', () => {
    const ru =
      'date 2026-12-07 Сборы\n\nФильм собрал 412 млн рублей, сообщил сервис «Кинометрика».\n\nС начала года, по данным «Кинометрики», прокат собрал 41,3 млрд рублей.'
    expect(speaker(ru, '41,3', 'ru')).toBe('Кинометрика')
  })

  it('gives a coordinated verb the capitalised subject of its sentence, not the words after it', () => {
    const es =
      'date 2026-12-07 Tráfico\n\nEl director, Ramón Izquierdo, habló ayer.\n\nIzquierdo pidió «no bajar la guardia» en la operación, que terminó con 21 fallecidos, y recordó que el teléfono funciona.'
    expect(speaker(es, '21', 'es')).toBe('Ramón Izquierdo')
  })

  it('reads a German genitive in -ses as a stem in -s', () => {
    const de =
      'date 2026-12-07 Auktion\n\nNach Zahlen des Arbeitskreises Deutscher Auktionshäuser sank der Umsatz um 8 Prozent.'
    expect(speaker(de, '8 Prozent', 'de')).toBe('Arbeitskreis Deutscher Auktionshäuser')
  })

  it('reads no number scale or unit as a speaker (German capitalises them like names)', () => {
    const de =
      'date 2026-12-07 Stadion\n\nStatt 184 Millionen Franken rechnet der Stadtrat nun mit 247 Millionen Franken. Bei ihrem Verband hätten sich schon Hunderte Betroffene gemeldet.'
    expect(speaker(de, '184', 'de')).not.toBe('Millionen Franken')
    expect(speaker(de, 'Hunderte', 'de')).not.toBe('Hunderte Betroffene')
  })
})
