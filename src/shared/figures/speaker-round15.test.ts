// Speaker prefill, round 15: persons and their gender from the article's own evidence, and pronouns resolved
// by gender (speaker-gender.ts) — each case written for this test, in several languages.
import { describe, expect, it } from 'vitest'
import { lexiconFor } from './lang/index'
import { attributeSpeaker } from './speaker-model'
import { bodyGender } from './body-gender'
import { articlePersons } from './speaker-gender'

const article = (...paragraphs: string[]): string => ['date 2026-12-01 A title', ...paragraphs].join('\n\n')

const speaker = (text: string, figure: string, lang: string): string | undefined => {
  const start = text.indexOf(figure)
  if (start < 0) throw new Error(`"${figure}" is not in the text`)
  return attributeSpeaker({ text, start, end: start + figure.length, lex: lexiconFor(lang) })
}

const genders = (text: string, lang: string): Record<string, string | undefined> =>
  Object.fromEntries(articlePersons(text, lexiconFor(lang)).map((p) => [p.name, p.gender]))

describe('speaker prefill, round 15: a person’s gender from the article', () => {
  it('reads titles, role nouns and the first pronoun of saying', () => {
    expect(
      genders(
        article(
          'Mr Aldous Penhale opened the meeting. Corinne Vask, the spokeswoman, said little.',
          'Ilsa Bramwell said the yard was full. She said it again later.',
        ),
        'en',
      ),
    ).toMatchObject({ 'Aldous Penhale': 'm', 'Corinne Vask': 'f', 'Ilsa Bramwell': 'f' })
    expect(
      genders(
        article('La présidente du syndicat, Odile Ferrand, a parlé. Le maire, Gaspard Lioret, a répondu.'),
        'fr',
      ),
    ).toMatchObject({ 'Odile Ferrand': 'f', 'Gaspard Lioret': 'm' })
    expect(
      genders(article('Energieberaterin Wiebke Sander rechnet nach. Herr Ole Brandt widerspricht.'), 'de'),
    ).toMatchObject({
      'Wiebke Sander': 'f',
      'Ole Brandt': 'm',
    })
    expect(
      genders(article('Ярина Довгань заявила, що все гаразд. Остап Кулик сказав інше.'), 'uk'),
    ).toMatchObject({
      'Ярина Довгань': 'f',
      'Остап Кулик': 'm',
    })
  })

  it('does not take a pronoun in what is reported, or a quoted name, for a person', () => {
    const text = article('Judge Wilma Corran said he had lied to the court. "Tarn Ridge" is the estate.')
    expect(genders(text, 'en')['Wilma Corran']).toBeUndefined()
    expect(genders(text, 'en')['Tarn Ridge']).toBeUndefined()
  })

  it('gives a body the grammatical gender of its determiner or its head', () => {
    expect(bodyGender('Umweltamt', article('Nach Angaben des Umweltamts …'), 'de')).toBe('n')
    expect(bodyGender('Stadtverwaltung', article('…'), 'de')).toBe('f')
    expect(bodyGender('commission', article('Selon la commission, …'), 'fr')).toBe('f')
    expect(bodyGender('Незалежна профспілка', article('…'), 'uk')).toBe('f')
    expect(bodyGender('«Дентал Лига»', article('…'), 'ru')).toBeUndefined()
  })
})

describe('speaker prefill, round 15: a gendered pronoun stands for the nearest person of its gender', () => {
  it('keeps two speakers of different gender apart (en)', () => {
    const text = article(
      'Maren Holt, the harbour master, said 412 berths were taken. "We are at 96% of capacity," she said.',
      'Declan Rusk, the transport minister, disputed her figure. He said 1,300 berths had been added since May.',
      'She denied that. Storms explained fewer than 40 closed berths, she said. He replied that 70 more would open.',
    )
    expect(speaker(text, '96%', 'en')).toBe('Maren Holt')
    expect(speaker(text, '1,300', 'en')).toBe('Declan Rusk')
    expect(speaker(text, 'fewer than 40', 'en')).toBe('Maren Holt')
    expect(speaker(text, '70 more', 'en')).toBe('Declan Rusk')
  })

  it('reads the pronoun of the figure’s own part of the sentence (fr, es)', () => {
    const fr = article(
      "« Il faut du temps », a dit l'entraîneur, Basile Aubrac. La directrice du club, Maëlle Sorin, lui a répondu. Il réclame au moins cinq renforts ; elle en promet trois.",
    )
    expect(speaker(fr, 'cinq', 'fr')).toBe('Basile Aubrac')
    expect(speaker(fr, 'trois', 'fr')).toBe('Maëlle Sorin')
    const es = article(
      'La portavoz del comité, Lidia Carrasco, pidió calma. Su director financiero, Tomás Iriarte, habló después.',
      'Iriarte sostiene que la oferta de 30 días es justa; ella reclama 42 días.',
    )
    expect(speaker(es, '42 días', 'es')).toBe('Lidia Carrasco')
  })

  it('does not give a pronoun to a body of another grammatical gender (de, ru)', () => {
    const de = article(
      'Nach Angaben des Bauamts wurden 40 Anträge gestellt. Energieberaterin Wiebke Sander schätzt den Ertrag.',
      'Ein Haushalt spare damit gut 180 Euro im Jahr, sagt sie.',
    )
    expect(speaker(de, 'gut 180 Euro', 'de')).toBe('Wiebke Sander')
    const ru = article(
      'Депутат Глеб Корнеев заявил, что дворов стало больше. Вера Лужина возразила ему.',
      'По её словам, за зиму поступило более 30 тысяч жалоб.',
    )
    expect(speaker(ru, 'более 30 тысяч', 'ru')).toBe('Вера Лужина')
  })
})
