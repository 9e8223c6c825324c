// Runs in tests: the German profile, table by table: number formats, number words, qualifiers, vague
// quantities, what is not a figure, periods and speakers.
import { describe, expect, it } from 'vitest'
import { detectFigures } from '../detect'
import { suggestPeriod } from '../period'
import { suggestAttribution } from '../attribution'
import { de } from './de'
import { parseGermanNumberWords } from './de-numbers'

const one = (text: string) =>
  detectFigures(text, de).map(({ text, value, max, unit, qualifier }) => ({
    text,
    value,
    max,
    unit,
    qualifier,
  }))

describe('German number formats', () => {
  it.each([
    ['Der Konzern streicht 3.200 Stellen.', 3200, 'Stellen'],
    ['Der Umsatz lag bei 14,2 Milliarden Euro.', 14.2e9, 'EUR'],
    ["Das Budget umfasst 1'284 Millionen Franken.", 1.284e9, 'CHF'],
    ['Der Eintritt kostet Fr. 9.50 für Erwachsene.', 9.5, 'CHF'],
    ['Es fehlen 12\u202f500 Wohnungen.', 12500, 'Wohnungen'],
    ['Es fehlen 12\u00a0500 Wohnungen.', 12500, 'Wohnungen'],
    ['Der Schaden beträgt 90 Mio. Euro.', 9e7, 'EUR'],
    ['Das Unternehmen setzte 1,4 Mrd. US-Dollar um.', 1.4e9, 'USD'],
    ['Die Preise stiegen um 8,4 Prozent.', 8.4, '%'],
    ['Die Steuer steigt um zwei Prozentpunkte.', 2, 'percentage points'],
    ['Der Pegel fiel auf 81 Zentimeter.', 81, 'cm'],
    ['Es fielen 142 Liter pro Quadratmeter.', 142, 'l/m²'],
    ['Das Schiff trägt 3.000 Tonnen.', 3000, 'tonnes'],
    ['Der Streik soll 24 Stunden dauern.', 24, 'hours'],
    ['Die Strecke ist auf 18 Kilometern gesperrt.', 18, 'km'],
  ])('%s', (text, value, unit) => {
    expect(one(text)).toMatchObject([{ value, unit }])
  })
})

describe('German number words', () => {
  it.each([
    [['dreiundzwanzig'], 23],
    [['zweihundertfünfzig'], 250],
    [['dreitausendvierhundert'], 3400],
    [['zwölf'], 12],
    [['dreißig'], 30],
    [['zwei', 'millionen'], 2e6],
    [['eine', 'halbe', 'million'], 5e5],
    [['anderthalb', 'milliarden'], 1.5e9],
    [['ein', 'dutzend'], 12],
    [['zwei', 'drittel'], 2 / 3],
    [['die', 'hälfte'], 0.5],
  ])('%j is %d', (words, value) => {
    expect(parseGermanNumberWords(words)?.value).toBeCloseTo(value)
  })

  it.each([['ein'], ['eine'], ['einmal'], ['zweiter']])('%j alone is no number', (word) => {
    expect(parseGermanNumberWords([word])).toBeUndefined()
  })
})

describe('German qualifiers and vague quantities', () => {
  it.each([
    ['Es kamen rund 3.400 Gäste.', 'rund'],
    ['Es kamen mehr als 21.000 Gäste.', 'mehr als'],
    ['Es kamen knapp 41.000 Gäste.', 'knapp'],
    ['Der Schaden liegt bei bis zu 90 Mio. Euro.', 'bis zu'],
    ['Es kamen ca. 300 Gäste.', 'ca.'],
    ['Es kamen mindestens neun Gäste.', 'mindestens'],
  ])('%s', (text, qualifier) => {
    expect(one(text)[0]?.qualifier).toBe(qualifier)
  })

  it.each([
    ['Dutzende Flüge fielen aus.', 24, 'Flüge'],
    ['Hunderte Freiwillige halfen.', 200, 'Freiwillige'],
    ['Tausende Reisende saßen fest.', 2000, 'Reisende'],
    ['Zehntausende Sandsäcke wurden befüllt.', 20000, 'Sandsäcke'],
    ['Millionen Menschen sind betroffen.', 2e6, 'Menschen'],
  ])('%s', (text, value, unit) => {
    expect(detectFigures(text, de)).toMatchObject([{ value, unit, vague: true }])
  })

  it('reads a range with zwischen … und', () => {
    expect(one('Die Gebühren liegen zwischen 200 und 400 Euro im Jahr.')).toMatchObject([
      { value: 200, max: 400, unit: 'EUR' },
    ])
  })
})

describe('what is not a German figure', () => {
  it.each([
    'Die Sitzung ist am 4. Dezember 2024.',
    'Das Hochwasser kam im Juni 2024.',
    'Die Aktie stieg bis 14.30 Uhr.',
    'Seit 3 Uhr wird gestreikt.',
    'Der FC Kelmbach spielte 2:2 gegen Waldhausen.',
    'Ein 9-jähriger Junge wird vermisst.',
    'Sie wohnt in der Karlstraße 12.',
    'Der Takt wird zum 10-Minuten-Takt.',
    'Das war vor drei Jahren.',
    'Er wurde zum 3. Mal gewählt.',
    'Gemäss Artikel 12 der Gemeindeordnung.',
    'Das Gerät läuft mit Windows 11.',
    'Das ist ein Problem.',
  ])('%s', (text) => {
    expect(detectFigures(text, de)).toEqual([])
  })
})

describe('German periods', () => {
  const period = (text: string, needle: string, articleDate: string) => {
    const start = text.indexOf(needle)
    const p = suggestPeriod({ text, start, end: start + needle.length, articleDate, lex: de })
    return p && `${p.start}..${p.end}`
  }
  it.each([
    ['Ende Juli waren es noch 164 Zentimeter.', '164', '2025-08-23', '2025-07-21..2025-07-31'],
    ['Seit Mitte Juni fielen nur 40 Prozent.', '40', '2025-08-23', '2025-06-11..2025-08-23'],
    ['Im vergangenen Jahr sank der Umsatz um 8,4 Prozent.', '8,4', '2025-02-27', '2024-01-01..2024-12-31'],
    ['Im Herbst 2018 fiel der Pegel unter 30 Zentimeter.', '30', '2025-08-23', '2018-09-01..2018-11-30'],
    [
      'An diesem Dienstagmorgen meldet der Pegel 81 Zentimeter.',
      '81',
      '2025-08-23',
      '2025-08-19..2025-08-19',
    ],
    [
      'In der Nacht zu Dienstag fielen 142 Liter pro Quadratmeter.',
      '142',
      '2025-07-16',
      '2025-07-14..2025-07-15',
    ],
    [
      'In den vergangenen drei Jahren gingen 2.000 Beschäftigte.',
      '2.000',
      '2025-02-27',
      '2022-02-27..2025-02-27',
    ],
    ['Bis Ende 2027 sollen 3.200 Stellen wegfallen.', '3.200', '2025-02-27', '2025-02-27..2027-12-31'],
    ['Seit 2014 fuhr er 300 Touren.', '300', '2025-08-23', '2014-01-01..2025-08-23'],
    ['Über Nacht fielen 40 Liter.', '40', '2025-07-16', '2025-07-15..2025-07-16'],
    [
      'Im vierten Quartal bildete der Konzern Rückstellungen von 780 Millionen Euro.',
      '780',
      '2025-02-27',
      '2024-10-01..2024-12-31',
    ],
  ])('%s', (text, needle, date, expected) => {
    expect(period(text, needle, date)).toBe(expected)
  })
})

describe('German speakers', () => {
  const speaker = (text: string, needle: string) => {
    const start = text.indexOf(needle)
    return suggestAttribution({ text, start, end: start + needle.length, lex: de })
  }
  it.each([
    ['„Wir sparen 300 Millionen Euro“, sagte Vorstandschef Markus Lindner.', '300', 'Markus Lindner'],
    ['Nach Angaben des Deutschen Wetterdienstes fielen 40 Liter.', '40', 'Deutscher Wetterdienst'],
    ['Nach Angaben des Landratsamts Kirnachtal halfen 2.300 Menschen.', '2.300', 'Landratsamt Kirnachtal'],
  ])('%s', (text, needle, expected) => {
    expect(speaker(text, needle)).toBe(expected)
  })
})
