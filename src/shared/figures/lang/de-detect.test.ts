// Runs in tests: German detection rules written after the third held-out set (test/fixtures/figures-holdout-2/de)
// was scored; each case here was missed or misread before them.
import { describe, expect, it } from 'vitest'
import { detectFigures } from '../detect'
import { de } from './de'

const found = (text: string) => detectFigures(text, de).map(({ text, value }) => ({ text, value }))

describe('German counts after a capitalised word', () => {
  it.each([
    ['Die Polizei meldet für das Wochenende 46 Einsätze im Kreis.', '46', 46],
    ['Unbekannte haben zwischen Freitag und Sonntag 14 Lauben aufgebrochen.', '14', 14],
    ['Der Verbund setzt auf der Strecke nach Hagen 12 zusätzliche Busse ein.', '12', 12],
    ['Die Polizei hat innerhalb von sechs Stunden 1.284 Fahrzeuge gemessen.', '1.284', 1284],
    ['Dafür stimmten 71 Abgeordnete, 54 votierten dagegen.', '54', 54],
    ['„Mit 2.400 neuen Stellen stopfen Sie keine Lücke“, rief er.', '2.400', 2400],
    ['Die Kammer hatte an elf Verhandlungstagen 23 Zeugen gehört.', '23', 23],
    ['Es kamen zwischen 1800 und 2000 Besucher.', 'zwischen 1800 und 2000', 1800],
    ['Es gab über 1800 Festnahmen.', 'über 1800', 1800],
  ])('%s', (text, span, value) => {
    expect(found(text)).toContainEqual({ text: span, value })
  })

  it.each([
    'Der Zug RB 52 fährt zudem im Halbstundentakt.',
    'Cyberpunk 2077 läuft mit niedrigen Details.',
    'Das iPhone 15 Pro ist teurer.',
    'Ein Junge aus dem Ortsteil Drei Eichen wurde verletzt.',
    '1984 gründete sie mit ihrem Mann die Firma.',
    '2026 laufen diese Verträge aus.',
    'Im Jahr 2024 Rekordzahlen zu melden, war das Ziel.',
    'Er hatte zwischen 2019 und 2022 Förderanträge gestellt.',
    'Das Aktenzeichen lautet 4 KLs 112 Js 3345/22.',
  ])('names or dates, not counts: %s', (text) => {
    expect(found(text)).toEqual([])
  })

  it.each([
    ['Die Ukraine erhielt 14 Leopard 2 Panzer.', '14'],
    ['Lufthansa hat drei Boeing 737 Maschinen verkauft.', 'drei'],
  ])('a number before a named model counts it, the model keeps its number: %s', (text, span) => {
    expect(found(text).map((f) => f.text)).toEqual([span])
  })
})

describe('German shares and lengths written as words', () => {
  it.each([
    ['Schon jetzt fließe jeder vierte Euro in die Bildung.', 0.25],
    ['Jede fünfte Schule meldet Ausfälle.', 0.2],
    ['Nach einer mehr als dreistündigen Debatte stimmte der Landtag zu.', 3],
    ['Der zweitägige Streik traf den Nahverkehr.', 2],
  ])('%s', (text, value) => {
    expect(found(text)[0]?.value).toBeCloseTo(value)
  })
})

describe('what is not a German figure', () => {
  it.each([
    'Mit 19 Jahren durchstieg sie die Ostwand.',
    'Noch mit 82 Jahren stand sie auf dem Gipfel.',
    'Sie hat nie verstanden, warum man aufhören sollte, nur weil man 80 ist.',
    'Nach Angaben der Polizei war der 23-Jährige zu schnell.',
    'Die Hotline 0800 4 46 46 46 ist besetzt.',
    'Sie ist werktags von 7 bis 18 Uhr erreichbar.',
    'Der Trainer stellte auf eine offensive 3:2:1-Abwehr um.',
    'Grauberg liegt hinter dem rettenden 16. Platz.',
  ])('%s', (text) => {
    expect(found(text)).toEqual([])
  })

  it('an age after a name still is one, a count after a plural noun is not', () => {
    expect(found('Das sagte Fraktionschef Marco Keller, 44. Die Partei schwieg.')).toEqual([])
    expect(found('Die Bauzeit wird mit drei Jahren veranschlagt.')).toEqual([
      { text: 'drei Jahren', value: 3 },
    ])
  })
})
