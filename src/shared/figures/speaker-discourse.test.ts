import { describe, expect, it } from 'vitest'
import { lexiconFor } from './index'
import { discourse, expandShort, mentionKind, roleHolder, segment } from './speaker-discourse'
import { attributeSpeaker } from './speaker-model'

const speaker = (text: string, figure: string, lang = 'en', occurrence = 1): string | undefined => {
  let start = -1
  for (let k = 0; k < occurrence; k++) start = text.indexOf(figure, start + 1)
  if (start < 0) throw new Error(`${figure} not in text`)
  return attributeSpeaker({ text, start, end: start + figure.length, lex: lexiconFor(lang) })
}

describe('speaker discourse: segmentation', () => {
  it('reads paragraphs, sentences and a quote that runs into the next paragraph', () => {
    const text =
      'date 2026-03-02 Title\n\n“We sold 40 boats. We will sell more.\n\n“Next year, 55.”\n\nPrices rose.'
    const { sentences, quotes } = segment(text)
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2, 3])
    expect(quotes).toHaveLength(1)
    expect(text.slice(quotes[0].start, quotes[0].end)).toContain('Next year, 55.')
  })
})

describe('speaker discourse: the state', () => {
  it('carries a speaker through its paragraph, a fact with a new subject included, and not into the next', () => {
    const text =
      'date 2026-03-02 Exports up\n\nThe Ministry of Finance said exports rose 5% in March. Oil prices fell 3% over the month.\n\nThe port handled 12 ships.'
    expect(speaker(text, '5%')).toBe('Ministry of Finance')
    expect(speaker(text, '3%')).toBe('Ministry of Finance')
    expect(speaker(text, '12')).toBeUndefined()
  })

  it('gives the title no speaker', () => {
    const text = 'date 2026-03-02 Exports up 5%\n\nThe Ministry of Finance said exports rose 5% in March.'
    expect(speaker(text, '5%')).toBeUndefined()
    expect(speaker(text, '5%', 'en', 2)).toBe('Ministry of Finance')
  })

  it('continues the speaker into a paragraph in German reported speech (Konjunktiv I)', () => {
    const text =
      'date 2026-03-02 Bilanz\n\nFinanzchefin Anna Berger sagte am Montag, der Umsatz sei um 4 Prozent gestiegen.\n\nDer Gewinn liege bei 12 Millionen Euro.\n\nIn Kalmbach leben 30.000 Menschen.'
    expect(speaker(text, '12 Millionen Euro', 'de')).toBe('Anna Berger')
    expect(speaker(text, '30.000', 'de')).toBeUndefined()
  })

  it('gives a sentence the speaker a later one only points back with (§10)', () => {
    const text =
      'date 2026-03-02 Експорт\n\nЗа рік область експортувала 2 млн тонн зерна. Про це повідомило Міністерство аграрної політики.'
    const d = discourse(text, lexiconFor('uk'))
    expect(d.own[1]).toBeDefined()
    expect(speaker(text, '2 млн тонн', 'uk')).toBe(speaker(text, 'Міністерство', 'uk') ?? d.own[2])
    expect(speaker(text, '2 млн тонн', 'uk')).toMatch(/^Міністерств/)
  })

  it('answers a dropped subject of a verb of saying from the state, not from a later paragraph', () => {
    const text =
      'date 2026-03-02 Temporada\n\nLa Asociación Hotelera de Almirena cifra la ocupación en el 86 %. Su presidente, Ginés Carbonell, advirtió de que la estancia bajó a 6,1 noches. «El turista gasta 112 euros al día», resumió.\n\nEl sector dio trabajo a 61.400 personas, según la Seguridad Social.'
    expect(speaker(text, '112 euros', 'es')).toBe('Ginés Carbonell')
  })
})

describe('speaker discourse: lists (§18)', () => {
  it('lends the source a list lead line names to its items, in English and Ukrainian', () => {
    const en =
      'date 2026-03-02 Wages\n\nThe board met on Monday.\n\nKey facts, Low Pay Board report for 2026:\n- Share of jobs paid at the minimum: 6.8%\n- Employers surveyed: 1,240\n\nUnions asked for more.'
    expect(speaker(en, '6.8%')).toBe('Low Pay Board')
    expect(speaker(en, '1,240')).toBe('Low Pay Board')
    const uk =
      'date 2026-03-02 Коридор\n\nПро це повідомили в Міністерстві аграрної політики та продовольства.\n\nКоридор у цифрах (дані Мінагрополітики):\n• 186 суден вийшли з портів;\n• 58% — частка кукурудзи.'
    expect(speaker(uk, '186', 'uk')).toBe('Міністерство аграрної політики та продовольства')
  })

  it('lends nothing from a lead line that only says "in figures"', () => {
    const es =
      'date 2026-07-20 Festival\n\nBrisa Sonora, en cifras:\n• Asistentes: 186.000\n• Abono de cuatro días: 189 euros'
    expect(speaker(es, '186.000', 'es', 1)).toBeUndefined()
  })

  it('expands a short name made of a name the article gave before', () => {
    expect(expandShort('Минфин', ['Министерство финансов'])).toBe('Министерство финансов')
    expect(
      expandShort('Мінагрополітики', [undefined, 'Міністерство аграрної політики та продовольства']),
    ).toBe('Міністерство аграрної політики та продовольства')
    expect(expandShort('Кинометрика', ['Министерство финансов'])).toBe('Кинометрика')
  })
})

describe('speaker discourse: mentions', () => {
  const de = lexiconFor('de')
  const es = lexiconFor('es')
  const ru = lexiconFor('ru')
  it('tells a name from a role noun and from a clause read as a name', () => {
    expect(mentionKind('Wendrich am Mittwoch auf', 'Wendrich sagte.', de)).toBe('junk')
    expect(mentionKind('Hemos', '"Hemos reducido la deuda", afirmó.', es)).toBe('junk')
    expect(mentionKind('organismo', 'calcula el organismo', es)).toBe('role')
    expect(mentionKind('Кинометрика', 'по данным «Кинометрики» сборы', ru)).toBe('name')
    expect(
      mentionKind('Instituto Nacional de Estadística', 'según el Instituto Nacional de Estadística', es),
    ).toBe('name')
  })

  it('names a role noun by the body the article names with it', () => {
    const text =
      'El Consorcio de Transportes de Castrollano sube el billete. Fuentes del consorcio reconocen un coste de 9 millones.'
    expect(roleHolder('consorcio', text, text.indexOf('Fuentes'), es)).toBe(
      'Consorcio de Transportes de Castrollano',
    )
    expect(roleHolder('organismo', text, text.length, es)).toBeUndefined()
  })
})
