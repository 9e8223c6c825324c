import { describe, expect, it } from 'vitest'
import { clauseAt, quoteAt, quoteSpans, splitClauses } from './clauses'

const quoted = (text: string): string[] => quoteSpans(text).map((q) => text.slice(q.start, q.end))

describe('quoteSpans', () => {
  it('reads every quotation style of the six languages', () => {
    expect(quoted('« Nous avons 12 postes », dit-il.')).toEqual([' Nous avons 12 postes '])
    expect(quoted('„Wir haben 12 Stellen“, sagte er.')).toEqual(['Wir haben 12 Stellen'])
    expect(quoted('«Маємо 12 посад», — сказав він. „Ще 3”.')).toEqual(['Маємо 12 посад', 'Ще 3'])
    expect(quoted('“We have 12 posts,” she said. "And 3 more," he said.')).toEqual([
      'We have 12 posts,',
      'And 3 more,',
    ])
    expect(quoted('Er sprach von ‚Flucht‘ und ‹ nichts ›.')).toEqual(['Flucht', ' nichts '])
  })

  it('runs across sentences, and across paragraphs when the next one reopens the quote', () => {
    const text = '“We hired 150 staff. We took 48,000 calls.\n\n“We will not pay,” she said.\n\nNo quote 5.'
    const spans = quoteSpans(text)
    expect(spans).toHaveLength(1)
    expect(quoteAt(spans, text.indexOf('48,000'))).toBeDefined()
    expect(quoteAt(spans, text.indexOf('pay'))).toBeDefined()
    expect(quoteAt(spans, text.indexOf('5.'))).toBeUndefined()
  })

  it('ends a quote left open with its paragraph when the next does not reopen it', () => {
    const text = '« Il reste 5 jours.\n\nLe préfet a parlé de 7.'
    const spans = quoteSpans(text)
    expect(quoteAt(spans, text.indexOf('5'))).toBeDefined()
    expect(quoteAt(spans, text.indexOf('7'))).toBeUndefined()
  })

  it('takes no apostrophe for a closing mark', () => {
    expect(quoted('‚l’Agence sagt 5‘ und mehr')).toEqual(['l’Agence sagt 5'])
    expect(quoteSpans('It’s 5 and they don’t know')).toEqual([])
  })
})

describe('splitClauses', () => {
  const clauses = (text: string, lang: string, isVerb?: (w: string) => boolean) =>
    splitClauses(text, 0, text.length, lang, isVerb, quoteSpans(text)).map((c) => ({
      text: text.slice(c.start, c.end).trim(),
      opener: c.opener,
      verb: c.verb?.text,
    }))

  it('splits at commas, semicolons, dashes and brackets, naming the conjunction after a comma', () => {
    const text = 'Kestria welcomed 10mn visitors, and the Tourism Board expects 10.6mn; prices rose – by 3%.'
    expect(clauses(text, 'en').map((c) => [c.text, c.opener])).toEqual([
      ['Kestria welcomed 10mn visitors', ''],
      ['and the Tourism Board expects 10.6mn', ', and'],
      ['prices rose', ';'],
      ['by 3%.', '–'],
    ])
  })

  it('opens a clause at a relative pronoun in French, Spanish, Ukrainian and Russian', () => {
    expect(clauses('la Coordinadora, que organizó la operación', 'es')[1]).toMatchObject({
      text: 'que organizó la operación',
      opener: ', que',
    })
    expect(
      clauses('Le comité qui suit les retraites retient 7,4 milliards', 'fr').map((c) => c.text),
    ).toEqual(['Le comité', 'qui suit les retraites retient 7,4 milliards'])
    expect(clauses('сервіс, який рахує збори, очікує 46 млрд', 'uk').map((c) => c.opener)).toEqual([
      '',
      ', який',
      ',',
    ])
    expect(clauses('по данным сервиса, который считает сборы', 'ru')[1].opener).toBe(', который')
  })

  it('never splits inside a quote, and finds each clause verb by the caller’s test', () => {
    const text = '„Wir haben 12, vielleicht 13 Stellen“, sagte Brenneke, der Auktionator.'
    const found = clauses(text, 'de', (w) => ['sagte', 'haben'].includes(w))
    expect(found.map((c) => c.text)).toEqual([
      '„Wir haben 12, vielleicht 13 Stellen“',
      'sagte Brenneke',
      'der Auktionator.',
    ])
    expect(found.map((c) => c.verb)).toEqual(['haben', 'sagte', undefined])
  })

  it('finds the clause at an offset', () => {
    const text = 'A said 5, and B said 6.'
    const cs = splitClauses(text, 0, text.length, 'en')
    expect(clauseAt(cs, text.indexOf('6'))).toBe(1)
    expect(clauseAt(cs, text.indexOf('5'))).toBe(0)
  })
})
